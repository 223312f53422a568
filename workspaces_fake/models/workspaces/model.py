"""WorkSpaces: the model, its lifecycle table, and the indexes DescribeWorkspaces filters through.

A benchmark holds 100,000 WorkSpaces, so the model is a slotted plain class: API members the fake never
fills (error fields, standby and replication data) are class-level ``None`` and cost nothing per instance,
and strings that many WorkSpaces share (bundle id, OS name, subnet id) are the same objects, not copies.
"""

from __future__ import annotations

import ipaddress
import itertools
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from ...lifecycle import Step, Table, minutes
from ..applications import model as _apps
from ..bundles.model import is_windows
from ..moto_bridge import subnet_cidr
from .connections import Connections, end_session
from .snapshots import Snapshots, first_delay, start_schedule

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from ..directories.model import WorkspaceCreationProperties

GONE = "GONE"
"""Internal marker: the step after TERMINATED removes the WorkSpace; holders of the object still read
``TERMINATED`` (see :func:`workspace_entered`)."""

UNDEFINED_USER = "[UNDEFINED]"
"""The user name of a user-decoupled WorkSpace (WorkSpaces Core); such WorkSpaces carry a WorkspaceName."""


class WorkspaceProperties:
    """API shape ``WorkspaceProperties``; one per WorkSpace, holding only shared or small values."""

    __slots__ = (
        "compute_type_name",
        "global_accelerator",
        "nested_virtualization_enabled",
        "operating_system_name",
        "protocols",
        "root_volume_size_gib",
        "running_mode",
        "running_mode_auto_stop_timeout_in_minutes",
        "user_volume_size_gib",
    )

    def __init__(
        self,
        *,
        running_mode: str,
        root_volume_size_gib: int,
        user_volume_size_gib: int,
        compute_type_name: str,
        operating_system_name: str,
        protocols: tuple[str, ...],
        running_mode_auto_stop_timeout_in_minutes: Optional[int] = None,
        global_accelerator: Optional[dict[str, str]] = None,
        nested_virtualization_enabled: Optional[bool] = None,
    ) -> None:
        self.running_mode = running_mode
        self.running_mode_auto_stop_timeout_in_minutes = running_mode_auto_stop_timeout_in_minutes
        self.root_volume_size_gib = root_volume_size_gib
        self.user_volume_size_gib = user_volume_size_gib
        self.compute_type_name = compute_type_name
        self.operating_system_name = operating_system_name
        self.protocols = protocols
        self.global_accelerator = global_accelerator
        self.nested_virtualization_enabled = nested_virtualization_enabled

    def __repr__(self) -> str:
        return (
            f"WorkspaceProperties({self.compute_type_name}, {self.operating_system_name}, "
            f"{self.running_mode}, root={self.root_volume_size_gib}, user={self.user_volume_size_gib})"
        )


class Modification:
    """One entry of ``ModificationStates``: a property change working its way through its lifecycle."""

    __slots__ = ("resource", "state", "state_since", "workspace")

    def __init__(self, workspace: Workspace, resource: str) -> None:
        self.workspace = workspace
        self.resource = resource
        self.state = ""
        self.state_since = workspace.created


class Workspace:
    """API shape ``Workspace``. Attribute names are ``xform_name`` of the API members."""

    __slots__ = (
        "_modifications",
        "bundle_id",
        "computer_name",
        "connections",
        "created",
        "creation_properties",
        "directory_id",
        "fates",
        "history",
        "ip_address",
        "ipv6_address",
        "migration",
        "order",
        "root_volume_encryption_enabled",
        "snapshots",
        "standby",
        "state",
        "state_since",
        "subnet_id",
        "user_name",
        "user_volume_encryption_enabled",
        "volume_encryption_key",
        "workspace_id",
        "workspace_name",
        "workspace_properties",
    )

    # API members the fake never fills: one shared None on the class, nothing per instance.
    error_code: ClassVar[Optional[str]] = None
    error_message: ClassVar[Optional[str]] = None

    def __init__(
        self,
        *,
        workspace_id: str,
        directory_id: str,
        user_name: str,
        bundle_id: str,
        properties: WorkspaceProperties,
        created: datetime,
        order: int,
    ) -> None:
        self.workspace_id = workspace_id
        self.directory_id = directory_id
        self.user_name = user_name
        self.bundle_id = bundle_id
        self.workspace_properties = properties
        self.created = created
        self.order = order
        self.state = ""
        self.state_since = created
        self.ip_address: Optional[str] = None
        self.subnet_id: Optional[str] = None
        self.computer_name: Optional[str] = None
        self.ipv6_address: Optional[str] = None
        self.volume_encryption_key: Optional[str] = None
        self.user_volume_encryption_enabled: Optional[bool] = None
        self.root_volume_encryption_enabled: Optional[bool] = None
        self.workspace_name: Optional[str] = None
        self.history: Optional[dict[str, datetime]] = None
        self._modifications: Optional[list[Modification]] = None
        self.creation_properties: Optional[WorkspaceCreationProperties] = None
        """The directory's creation properties when the WorkSpace was created (not an API member)."""
        self.snapshots: Optional[Snapshots] = None
        """The snapshot schedule; None until the WorkSpace is first AVAILABLE (see :mod:`.snapshots`)."""
        self.connections: Optional[Connections] = None
        """User sessions and failed attempts; None until a test arranges one (see :mod:`.connections`)."""
        self.fates: Optional[dict[str, str]] = None
        """Arranged outcomes of the next rebuild, restore or migration (see :mod:`.lifecycle_ops`)."""
        self.migration: Optional[Any] = None
        """The migration this WorkSpace is the source or target of, while it runs."""
        self.standby: Optional[Any] = None
        """The standby relationship (Multi-Region Resilience), if any (see :mod:`.standby`)."""

    @property
    def modification_states(self) -> list[Modification]:
        """The modifications in progress (``[]`` when none, as the service answers)."""
        return list(self._modifications or ())

    def add_modification(self, modification: Modification) -> None:
        """Track a modification until its lifecycle ends."""
        if self._modifications is None:
            self._modifications = []
        self._modifications.append(modification)

    def drop_modification(self, modification: Modification) -> None:
        """Forget a finished modification (keeps the slot empty when none are left)."""
        if self._modifications and modification in self._modifications:
            self._modifications.remove(modification)
        if not self._modifications:
            self._modifications = None

    def is_modifying(self) -> bool:
        """True while any property change is still in progress."""
        return bool(self._modifications)

    @property
    def related_workspaces(self) -> Optional[list[dict[str, Any]]]:
        """The other side of a standby pair, with its live state (absent without one)."""
        return None if self.standby is None else self.standby.related()

    @property
    def data_replication_settings(self) -> Optional[dict[str, Any]]:
        """A standby WorkSpace's replication from its primary."""
        link = self.standby
        return link.replication() if link is not None and link.is_standby() else None

    @property
    def standby_workspaces_properties(self) -> Optional[list[dict[str, Any]]]:
        """A primary WorkSpace's standby and the replication to it."""
        link = self.standby
        if link is None or link.is_standby():
            return None
        return [{"StandbyWorkspaceId": link.pair.standby.workspace_id, **link.replication()}]

    def take_fate(self, job: str) -> Optional[str]:
        """The arranged outcome of ``job`` (``rebuild``, ``restore``, ``migrate``), used up once read."""
        if not self.fates or job not in self.fates:
            return None
        fate = self.fates.pop(job)
        if not self.fates:
            self.fates = None
        return fate

    def is_migration_source(self) -> bool:
        """True while a migration from this WorkSpace runs (it is locked until it ends)."""
        return self.migration is not None and self.migration.source is self

    def stamp(self, what: str, at: datetime) -> None:
        """Remember when ``what`` (a volume or compute change) last happened, for the cool-down rules."""
        if self.history is None:
            self.history = {}
        self.history[what] = at

    def last(self, what: str) -> Optional[datetime]:
        """When ``what`` last happened, if ever."""
        return self.history.get(what) if self.history else None

    def pending_request(self) -> dict[str, Any]:
        """The minimal entry CreateWorkspaces answers with: ids, user, bundle and state (no network
        identity or properties yet), keyed by API member names."""
        entry = {
            "WorkspaceId": self.workspace_id,
            "DirectoryId": self.directory_id,
            "UserName": self.user_name,
            "BundleId": self.bundle_id,
            "State": self.state,
        }
        if self.workspace_name is not None:
            entry["WorkspaceName"] = self.workspace_name
        return entry

    def __repr__(self) -> str:
        return f"<Workspace {self.workspace_id} {self.state} user={self.user_name!r}>"


class WorkspaceIndex:
    """Secondary indexes so filtered DescribeWorkspaces pages never scan every WorkSpace."""

    def __init__(self) -> None:
        self.by_directory: dict[str, dict[str, Workspace]] = {}
        self.by_bundle: dict[str, dict[str, Workspace]] = {}
        self.by_user: dict[tuple[str, str], list[Workspace]] = {}
        self.by_name: dict[str, list[Workspace]] = {}
        self._order = itertools.count()
        self._hosts = itertools.count(16)

    def next_order(self) -> int:
        """Creation sequence number (ordering of every listing)."""
        return next(self._order)

    def next_host(self) -> int:
        """A fresh host number for a private IP address."""
        return next(self._hosts)

    def add(self, ws: Workspace) -> None:
        """Index a new WorkSpace."""
        self.by_directory.setdefault(ws.directory_id, {})[ws.workspace_id] = ws
        self.by_bundle.setdefault(ws.bundle_id, {})[ws.workspace_id] = ws
        self.by_user.setdefault((ws.directory_id, ws.user_name.lower()), []).append(ws)
        if ws.workspace_name:
            self.by_name.setdefault(ws.workspace_name, []).append(ws)

    def remove(self, ws: Workspace) -> None:
        """Drop a WorkSpace that is gone."""
        _discard(self.by_directory, ws.directory_id, ws.workspace_id)
        _discard(self.by_bundle, ws.bundle_id, ws.workspace_id)
        _unlist(self.by_user, (ws.directory_id, ws.user_name.lower()), ws)
        if ws.workspace_name:
            _unlist(self.by_name, ws.workspace_name, ws)

    def in_directory(self, directory_id: str) -> Iterator[Workspace]:
        """WorkSpaces of one directory, in creation order."""
        return iter(self.by_directory.get(directory_id, {}).values())

    def with_bundle(self, bundle_id: str) -> Iterator[Workspace]:
        """WorkSpaces created from one bundle, in creation order."""
        return iter(self.by_bundle.get(bundle_id, {}).values())

    def of_user(self, directory_id: str, user_name: str) -> list[Workspace]:
        """WorkSpaces of one user (case-insensitive) in one directory, in creation order."""
        return list(self.by_user.get((directory_id, user_name.lower()), ()))

    def named(self, workspace_name: str) -> list[Workspace]:
        """WorkSpaces with this WorkspaceName, in creation order."""
        return list(self.by_name.get(workspace_name, ()))

    def live_of_user(self, directory_id: str, user_name: str) -> Optional[Workspace]:
        """The user's WorkSpace in the directory that still counts (not terminating or terminated)."""
        for ws in self.by_user.get((directory_id, user_name.lower()), ()):
            if ws.state not in ("TERMINATING", "TERMINATED"):
                return ws
        return None


def _discard(index: dict[str, dict[str, Workspace]], key: str, workspace_id: str) -> None:
    bucket = index.get(key)
    if bucket is not None:
        bucket.pop(workspace_id, None)
        if not bucket:
            del index[key]


def _unlist(index: dict[Any, list[Workspace]], key: Any, ws: Workspace) -> None:
    bucket = index.get(key)
    if bucket is not None and ws in bucket:
        bucket.remove(ws)
        if not bucket:
            del index[key]


def in_creation_order(workspaces: Iterable[Workspace]) -> list[Workspace]:
    """Sort WorkSpaces gathered from several places back into creation order."""
    return sorted(workspaces, key=_order_key)


def _order_key(ws: Workspace) -> int:
    return ws.order


def _give_network_identity(backend: WorkspacesBackend, ws: Workspace) -> None:
    """Address, subnet and computer name appear once the WorkSpace is provisioned (not while PENDING)."""
    directory = backend.directories.peek(ws.directory_id)
    host = backend.workspace_index.next_host()
    side = host % 2
    if directory is not None and directory.subnet_ids:
        ws.subnet_id = directory.subnet_ids[side % len(directory.subnet_ids)]
    ws.ip_address = _address_in_subnet(backend, ws, host) or _address(host)
    suffix = ws.workspace_id[3:].upper()
    windows = is_windows(ws.workspace_properties.operating_system_name)
    ws.computer_name = f"WSAMZN-{suffix[:8]}" if windows else f"A-{suffix}"


def _address(host: int) -> str:
    side, number = host % 2, host // 2
    return f"10.{side}.{(number >> 8) & 255}.{number & 255}"


def _address_in_subnet(backend: WorkspacesBackend, ws: Workspace, host: int) -> Optional[str]:
    """With moto active (the bridge), an address inside the subnet's CIDR in moto's EC2.

    The first four addresses and the last are AWS's own in every subnet, so hosts start at the fifth.
    """
    cidr = subnet_cidr(backend, ws.subnet_id) if ws.subnet_id else None
    if cidr is None:
        return None
    network = ipaddress.ip_network(cidr, strict=False)
    usable = max(network.num_addresses - 5, 1)
    return str(network.network_address + 4 + (host // 2) % usable)


def new_ip_address(backend: WorkspacesBackend, ws: Workspace) -> None:
    """A rebuild re-creates the network interface: a new private address in the same subnet."""
    host = backend.workspace_index.next_host()
    in_subnet = _address_in_subnet(backend, ws, host)
    if in_subnet is not None:
        ws.ip_address = in_subnet
        return
    if ws.ip_address is not None and host % 2 != int(ws.ip_address.split(".")[1]):
        host = backend.workspace_index.next_host()  # stay on the subnet's side
    ws.ip_address = _address(host)


def workspace_entered(backend: WorkspacesBackend, ws: Workspace, state: str, at: datetime) -> None:
    """Every WorkSpace table's on_enter: sessions end when it leaves AVAILABLE, snapshots start when it
    first reaches AVAILABLE, a terminated migration target frees its source, GONE forgets it."""
    if state != "AVAILABLE":
        end_session(ws, at)
    elif ws.snapshots is None:
        start_schedule(ws, at + first_delay(backend))
    if state == "TERMINATING" and ws.migration is not None and ws.migration.target is ws:
        ws.migration.source.migration = ws.migration = None  # a terminated target frees its source
    if state == GONE:
        ws.state = "TERMINATED"
        forget_workspace(backend, ws)
    elif state != "PENDING" and ws.ip_address is None:
        _give_network_identity(backend, ws)


def forget_workspace(backend: WorkspacesBackend, ws: Workspace) -> None:
    """The WorkSpace is gone: drop it from the store, the indexes and the tags, and tell applications."""
    backend.workspaces.remove(ws.workspace_id)
    backend.workspace_index.remove(ws)
    backend.tags.pop(ws.workspace_id, None)
    if ws.standby is not None:
        ws.standby.pair.unlink()
    _apps.on_workspace_terminated(backend, ws.workspace_id)


WORKSPACE_STEPS: dict[str, Step] = {
    "PENDING": Step("AVAILABLE", minutes(20)),
    "STARTING": Step("AVAILABLE", minutes(3)),
    "STOPPING": Step("STOPPED", minutes(3)),
    "REBOOTING": Step("AVAILABLE", minutes(3)),
    "SUSPENDED": Step("AVAILABLE", minutes(20)),
    "TERMINATING": Step("TERMINATED", minutes(5)),
    "TERMINATED": Step(GONE, minutes(5)),
}

WORKSPACE = Table("workspace", steps=WORKSPACE_STEPS, on_enter=workspace_entered)
"""PENDING -> AVAILABLE in 20 minutes; start/stop/reboot 3; image capture suspends for 20; terminate 5,
then the TERMINATED WorkSpace stays visible 5 more minutes before it is gone."""


def _modification_entered(backend: WorkspacesBackend, mod: Modification, state: str, at: datetime) -> None:
    if state == GONE:
        mod.state = "UPDATE_IN_PROGRESS"
        mod.workspace.drop_modification(mod)


MODIFICATION = Table(
    "workspace-modification",
    steps={
        "UPDATE_INITIATED": Step("UPDATE_IN_PROGRESS", minutes(1)),
        "UPDATE_IN_PROGRESS": Step(GONE, minutes(9)),
    },
    on_enter=_modification_entered,
)
"""A property change: UPDATE_INITIATED for a minute, UPDATE_IN_PROGRESS for nine, then it leaves
``ModificationStates``."""
