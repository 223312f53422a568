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
from ._hook import DEFAULT_ACCOUNT_ID as DEFAULT_ACCOUNT_ID  # re-exported: the default account
from ._hook import FALLBACK_REGION
from ._ids import IdMinter
from ._pagination import Paginator
from ._store import Store
from .clock import Clock
from .faults import FaultPlan
from .lifecycle import Engine
from .models.application import Application, ApplicationsArrange, AssociationBook
from .models.world import Bundle, Directory, Image, Workspace, WorldArrange

DEFAULT_REGION = FALLBACK_REGION

CATALOG = ("applications", "associations", "bundles", "images")
"""The parts of a backend holding Amazon's public catalog: built when first touched, not with the backend."""


class World:
    """Everything one outermost activation owns: the clock and a backend per (account, region)."""

    def __init__(self, *, lifecycle: str = "instant", seed: int = 0) -> None:
        self.clock = Clock()
        self.lifecycle = lifecycle
        self.seed = seed
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


class WorkspacesBackend(WorldArrange, ApplicationsArrange):
    """The WorkSpaces state of one account in one region, and the handle tests use to shape it.

    Stores (``workspaces``, ``directories``, ``bundles``, ``images``, ``applications``, ``associations``)
    are read-only views for assertions; ``add_*`` methods arrange state; ``clock``, ``faults``, ``calls``
    and ``lifecycle`` control time, failures and observation.
    """

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
        self._init_stores()

    bundles: Store[Bundle]
    images: Store[Image]
    applications: Store[Application]
    associations: AssociationBook

    def _init_stores(self) -> None:
        self.workspaces: Store[Workspace] = Store(self, "WorkSpace")
        self.directories: Store[Directory] = Store(self, "directory")
        self.tags: dict[str, dict[str, str]] = {}
        for name in CATALOG:
            self.__dict__.pop(name, None)  # built again when next touched
        self._reset_world()

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
            self._seed_applications()  # first: seeded images and bundles name catalog applications
            self._seed_world()

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

    def settle(self) -> None:
        """Run every transitional resource to a stable state now, whatever the lifecycle mode."""
        with self.lock:
            self.lifecycle.settle()

    def reset(self) -> None:
        """Throw away all state, rules and calls, keeping the account, region and lifecycle mode."""
        with self.lock:
            self.lifecycle.clear()
            self.faults.clear()
            self.calls.clear()
            self._init_stores()

    def __repr__(self) -> str:
        return f"<WorkspacesBackend account={self.account_id} region={self.region_name}>"
