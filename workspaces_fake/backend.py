"""WorkspacesBackend: the state of one (account, region), and the World that owns all of them.

The outermost activation owns one :class:`World`; nested activations join it. A world holds the clock
(time is shared by every region), the default lifecycle mode, and the backends, created lazily under a
lock. Each backend has its own stores, fault rules, call log, id minter and lifecycle engine, and a
re-entrant lock that the pipeline holds for the whole of a call, so concurrent threads lose nothing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Optional

from ._calls import Call, CallLog  # noqa: F401  (Call re-exported for users)
from ._defaults import DEFAULT_ACCOUNT_ID as DEFAULT_ACCOUNT_ID  # re-exported: the default account
from ._defaults import FALLBACK_REGION
from ._ids import IdMinter
from ._pagination import Paginator
from ._store import Store
from .clock import Clock
from .faults import FaultPlan
from .lifecycle import Engine
from .models import account, account_links, aliases, branding, directories, ip_groups
from .models.account import Account
from .models.account_links import AccountLink
from .models.aliases import ConnectionAlias
from .models.applications import arrange as applications
from .models.applications.association import AssociationBook
from .models.applications.model import Application
from .models.bundles import arrange as bundles
from .models.bundles.model import Bundle
from .models.directories import Directory
from .models.idempotency import ClientTokens
from .models.images import arrange as images
from .models.images.arrange import ImportSource
from .models.images.imports import CustomImageImport
from .models.images.model import Image
from .models.ip_groups import IpGroup
from .models.pools import arrange as pools
from .models.pools.lifecycle import expire_sessions
from .models.pools.model import Pool
from .models.settings import Settings
from .models.workspaces import arrange as workspaces
from .models.workspaces import arrange_lifecycle as workspaces_lifecycle
from .models.workspaces.model import Workspace, WorkspaceIndex

DEFAULT_REGION = FALLBACK_REGION

CATALOG = ("applications", "associations", "bundles", "images")
"""The parts of a backend holding Amazon's public catalog: built when first touched, not with the backend."""


class World:
    """Everything one outermost activation owns: the clock and a backend per (account, region)."""

    def __init__(self, *, lifecycle: str = "instant", seed: int = 0) -> None:
        self.clock = Clock()
        self.lifecycle = lifecycle
        self.seed = seed
        self.moto_bridge = True
        """Whether calls that need other AWS services consult moto when its mock is active (bridges/moto)."""
        self._backends: dict[tuple[str, str], WorkspacesBackend] = {}
        self._lock = threading.Lock()

    def backend(self, account_id: str, region: str) -> WorkspacesBackend:
        """The backend of (account, region), created on first use."""
        key = (account_id, region)
        found = self._backends.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._backends.get(key)
            if found is None:
                found = self._backends[key] = WorkspacesBackend(self, account_id, region)
            return found

    def backends(self) -> list[WorkspacesBackend]:
        """Every backend created so far."""
        with self._lock:
            return list(self._backends.values())

    def pending_faults(self) -> list[str]:
        """The fault rules of every backend that never fired, each labelled with its account and region."""
        return [
            f"{backend.account_id}/{backend.region_name}: {rule}"
            for backend in self.backends()
            for rule in backend.faults.pending()
        ]


class WorkspacesBackend:
    """The WorkSpaces state of one account in one region, and the handle tests use to shape it.

    Read side: the stores (``workspaces``, ``directories``, ``bundles``, ``images``, ``applications``,
    ``associations``, ``tags``) for assertions. Arrange side: the ``add_*`` helpers below, one flat list
    for every family, each defined beside its family's model and bound here as a method. Control:
    ``clock``, ``faults``, ``calls``, ``lifecycle``, ``settings``, ``settle()``, ``reset()``.
    """

    # ---------------------------------------------------------------- arrange helpers, family by family
    # WorkSpaces (models/workspaces/arrange.py)
    add_workspace = workspaces.add_workspace
    connect_user = workspaces_lifecycle.connect_user
    disconnect_user = workspaces_lifecycle.disconnect_user
    fail_connection = workspaces_lifecycle.fail_connection
    take_snapshot = workspaces_lifecycle.take_snapshot
    clear_snapshots = workspaces_lifecycle.clear_snapshots
    fail_rebuild = workspaces_lifecycle.fail_rebuild
    fail_restore = workspaces_lifecycle.fail_restore
    fail_migration = workspaces_lifecycle.fail_migration
    add_standby = workspaces_lifecycle.add_standby
    # Directories (models/directories/arrange.py)
    add_directory = directories.add_directory
    fail_directory_registration = directories.fail_directory_registration
    # Bundles (models/bundles/arrange.py)
    add_bundle = bundles.add_bundle
    # Images (models/images/arrange.py)
    add_image = images.add_image
    share_image = images.share_image
    add_import_source = images.add_import_source
    fail_image = images.fail_image
    # Applications (models/applications/arrange.py)
    add_application = applications.add_application
    clear_applications = applications.clear_applications
    application_named = applications.application_named
    # IP access control groups (models/ip_groups.py)
    add_ip_group = ip_groups.add_ip_group
    # Connection aliases (models/aliases.py)
    add_connection_alias = aliases.add_connection_alias
    # WorkSpaces Pools (models/pools/arrange.py)
    add_pool = pools.add_pool
    connect_pool_user = pools.connect_pool_user
    disconnect_pool_session = pools.disconnect_pool_session
    record_pool_session_input = pools.record_pool_session_input
    end_pool_session = pools.end_pool_session
    fail_next_pool_start = pools.fail_next_pool_start
    # Client branding and Connect add-ins (models/branding.py)
    add_client_branding = branding.add_client_branding
    add_connect_client_add_in = branding.add_connect_client_add_in
    # Account and BYOL (models/account.py)
    add_account_modification = account.add_account_modification
    enable_byol = account.enable_byol
    fail_next_account_modification = account.fail_next_account_modification
    # Account links (models/account_links.py)
    add_account_link = account_links.add_account_link
    fail_next_link_acceptance = account_links.fail_next_link_acceptance

    # ---------------------------------------------------------------------------------------- state
    workspaces: Store[Workspace]
    workspace_index: WorkspaceIndex
    """Secondary indexes of the WorkSpaces (rebuilt by every reset)."""
    directories: Store[Directory]
    tags: dict[str, dict[str, str]]
    """Tags by resource id (resources stay lean; a resource that goes away takes its tags with it)."""
    bundles: Store[Bundle]
    images: Store[Image]
    applications: Store[Application]
    associations: AssociationBook
    default_directory_id: Optional[str]
    """The directory ``add_workspace`` uses when none is named (made on first use)."""
    client_tokens: ClientTokens
    """Client tokens seen, for the operations whose requests carry one (models/idempotency.py)."""
    pools: Store[Pool]
    """WorkSpaces Pools; each holds its live user sessions."""
    custom_imports: Store[CustomImageImport]
    """ImportCustomWorkspaceImage's import records, by image id."""
    import_sources: dict[str, ImportSource]
    """AMIs and other import sources a test declared (``add_import_source``)."""
    ip_groups: Store[IpGroup]
    connection_aliases: Store[ConnectionAlias]
    alias_reservations: set[str]
    """The connection strings this account has created in this Region, lower-cased, deleted ones too."""
    account: Account
    """This account's own BYOL state and its history of modifications."""
    account_links: Store[AccountLink]
    """The account links this account is a side of (the same objects sit in the other side's store)."""
    account_link_failures: int
    """How many of this account's next AcceptAccountLinkInvitation calls end in LINKING_FAILED."""

    def __init__(
        self, world: World, account_id: str = DEFAULT_ACCOUNT_ID, region: str = DEFAULT_REGION
    ) -> None:
        self._world = world
        self.clock: Clock = world.clock
        """The world's clock (shared by every region, as time is); an attribute, read on every call."""
        self.account_id = account_id
        self.region_name = region
        self.lock = threading.RLock()
        self.ids = IdMinter(f"{world.seed}:{account_id}:{region}")
        self.paginator = Paginator(f"{world.seed}:{account_id}:{region}:pages")
        self.faults = FaultPlan()
        self.calls = CallLog()
        self.lifecycle = Engine(self, world.lifecycle)
        self.settings = Settings()
        """Switches for the service rules that are off by default (cool-downs, MANUAL mode, quota);
        configuration, not state: ``reset()`` keeps them."""
        self.user_counter = 0
        """The last generated user name's number (``user00001``...); not reset, so names never repeat."""
        self._init_stores()

    def _init_stores(self) -> None:
        self.workspaces = Store(self, "WorkSpace")
        self.workspace_index = WorkspaceIndex()
        self.directories = Store(self, "directory")
        self.tags = {}
        self.default_directory_id = None
        # Images (models/images/)
        self.custom_imports = Store(self, "image import")
        self.import_sources = {}
        self.ip_groups = Store(self, "IP access control group")
        self.connection_aliases = Store(self, "connection alias")
        self.alias_reservations = set()
        self.pools = Store(self, "pool")
        self.client_tokens = ClientTokens()
        self.account = Account()
        self.account_links = Store(self, "account link")
        self.account_link_failures = 0
        for name in CATALOG:
            self.__dict__.pop(name, None)  # built again when next touched

    if not TYPE_CHECKING:  # for mypy every attribute stays declared; only the catalog comes late

        def __getattr__(self, name: str) -> Any:
            """Called only for attributes not set: the catalog's, until the catalog is first touched."""
            if name not in CATALOG:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            self._seed_catalog()
            return self.__dict__[name]

    def _seed_catalog(self) -> None:
        """Amazon's public applications, images and bundles, with their association rows.

        Built by the first code that reads any of them, because most tests never do: building it for
        every backend was most of what an activation cost (docs/performance.md).
        """
        with self.lock:
            if all(name in self.__dict__ for name in CATALOG):
                return
            self.applications = Store(self, "application")
            self.images = Store(self, "image")
            self.bundles = Store(self, "bundle")
            self.associations = AssociationBook(self)
            applications.seed_applications(self)  # first: seeded images and bundles name applications
            bundles.seed_public_catalog(self)

    @property
    def world(self) -> World:
        """The world this backend belongs to (every account and region of the outermost activation)."""
        return self._world

    def in_region(self, region: str) -> WorkspacesBackend:
        """The sibling backend of the same account in another region."""
        return self._world.backend(self.account_id, region)

    def in_account(self, account_id: str, region: Optional[str] = None) -> WorkspacesBackend:
        """The backend of another account (in this region unless one is given)."""
        return self._world.backend(account_id, region or self.region_name)

    def observe(self) -> None:
        """Let every transitional resource catch up with the clock, as far as the lifecycle mode allows."""
        with self.lock:
            self.lifecycle.observe()
            if self.pools:  # session timeouts act on the clock in every lifecycle mode
                expire_sessions(self)

    def settle(self) -> None:
        """Run every transitional resource to a stable state now, whatever the lifecycle mode."""
        with self.lock:
            self.lifecycle.settle()

    def reset(self) -> None:
        """Throw away all state, rules and calls, keeping the account, region, settings and lifecycle mode."""
        with self.lock:
            self.lifecycle.clear()
            self.faults.clear()
            self.calls.clear()
            self._init_stores()

    # ------------------------------------------------------------------------ notebook and console views
    def __repr__(self) -> str:
        return f"<WorkspacesBackend account={self.account_id} region={self.region_name}>"

    def __str__(self) -> str:
        from ._summary import text

        return text(self)

    def _repr_html_(self) -> str:
        from ._summary import html

        return html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display: the same summary as ``print(backend)``."""
        printer.text(repr(self) if cycle else str(self))
