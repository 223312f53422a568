"""Standby WorkSpaces for Multi-Region Resilience (spec lifecycle 2.8).

CreateStandbyWorkspaces is called in the standby Region and names the primary's Region; both Regions
are backends of the same world and account. A :class:`StandbyPair` holds the two WorkSpaces; each side
reaches it through its :class:`StandbyLink`, which is what ``Workspace.standby`` holds and what the
Workspace's RelatedWorkspaces, StandbyWorkspacesProperties and DataReplicationSettings read, live, when
DescribeWorkspaces asks. When either side is gone the other forgets the pair.

Decisions [A]: the standby starts PENDING and settles STOPPED after 20 minutes (it waits for a failover),
in AUTO_STOP mode with the primary's other properties; it takes only the tags of its request; a public
bundle keeps its id in every Region, a bundle of the account is copied (with a new image) into the
standby Region; with PRIMARY_AS_SOURCE the recovery snapshot is the primary's latest snapshot, copied 30
minutes after it was taken in the timed mode and at once otherwise.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from ...errors import InvalidParameterValuesException, ResourceLimitExceededException
from ...lifecycle import Step, Table, minutes
from ..bundles.arrange import add_bundle, visible_bundle
from ..bundles.model import Bundle, is_graphics
from .arrange import admit_workspace, new_workspace
from .model import UNDEFINED_USER, Workspace, WorkspaceProperties, workspace_entered
from .rules import DEFAULT_AUTO_STOP_MINUTES, RuleBroken, check_directory
from .snapshots import first_delay, latest_snapshot

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

MAX_STANDBY_REQUESTS = 25
STANDBY_FROM = frozenset({"AVAILABLE", "STOPPED"})

STANDBY = Table(
    "workspace-standby", steps={"PENDING": Step("STOPPED", minutes(20))}, on_enter=workspace_entered
)
"""A new standby WorkSpace: PENDING for 20 minutes, then STOPPED until a failover starts it."""


class StandbyPair:
    """A primary WorkSpace and its standby in another Region, and the replication between them."""

    def __init__(
        self,
        primary: Workspace,
        primary_backend: WorkspacesBackend,
        standby: Workspace,
        standby_backend: WorkspacesBackend,
        data_replication: str,
    ) -> None:
        self.primary, self.primary_backend = primary, primary_backend
        self.standby, self.standby_backend = standby, standby_backend
        self.data_replication = data_replication

    def recovery_snapshot_time(self) -> Optional[datetime]:
        """The primary's latest snapshot as copied to the standby Region (PRIMARY_AS_SOURCE only)."""
        if self.data_replication != "PRIMARY_AS_SOURCE":
            return None
        copy_delay = first_delay(self.primary_backend)
        return latest_snapshot(self.primary, "rebuild", self.primary_backend.clock.now() - copy_delay)

    def unlink(self) -> None:
        """One side is gone: both forget the pair."""
        self.primary.standby = self.standby.standby = None


class StandbyLink:
    """One side's view of its :class:`StandbyPair`."""

    __slots__ = ("pair", "role")

    def __init__(self, pair: StandbyPair, role: str) -> None:
        self.pair = pair
        self.role = role

    def is_standby(self) -> bool:
        """True on the standby side."""
        return self.role == "STANDBY"

    def related(self) -> list[dict[str, Any]]:
        """RelatedWorkspaces: the other side, with its state read now in its own Region."""
        pair = self.pair
        if self.is_standby():
            other, backend, kind = pair.primary, pair.primary_backend, "PRIMARY"
        else:
            other, backend, kind = pair.standby, pair.standby_backend, "STANDBY"
        catch_up(backend)
        return [
            {
                "WorkspaceId": other.workspace_id,
                "Region": backend.region_name,
                "State": other.state,
                "Type": kind,
            }
        ]

    def replication(self) -> dict[str, Any]:
        """DataReplication and, when there is one, RecoverySnapshotTime."""
        found: dict[str, Any] = {"DataReplication": self.pair.data_replication}
        recovery = self.pair.recovery_snapshot_time()
        if recovery is not None:
            found["RecoverySnapshotTime"] = recovery
        return found


def catch_up(other: WorkspacesBackend) -> None:
    """Let another Region's lifecycles catch up with the clock, unless a call holds that Region right
    now: a call never waits for a second Region's lock while it holds its own (no deadlock between two
    Regions reading each other)."""
    if other.lock.acquire(blocking=False):
        try:
            other.lifecycle.observe()
        finally:
            other.lock.release()


@functools.cache
def known_regions() -> frozenset[str]:
    """Every Region of every partition where botocore knows a WorkSpaces endpoint."""
    import botocore.session

    session = botocore.session.get_session()
    return frozenset(
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions("workspaces", partition_name=partition)
    )


def check_request(backend: WorkspacesBackend, primary_region: str, requests: list[Mapping[str, Any]]) -> None:
    """The whole-call rules, before any item is looked at."""
    if primary_region == backend.region_name:
        raise InvalidParameterValuesException("The primary Region must differ from the standby Region.")
    if primary_region not in known_regions():
        raise InvalidParameterValuesException(f"The Region {primary_region} is not a WorkSpaces Region.")
    if not requests or len(requests) > MAX_STANDBY_REQUESTS:
        raise InvalidParameterValuesException(
            f"StandbyWorkspaces must list between 1 and {MAX_STANDBY_REQUESTS} standby WorkSpaces."
        )
    quota = backend.settings.standby_workspace_quota
    existing = sum(
        1 for ws in backend.workspaces.values_unobserved() if ws.standby and ws.standby.is_standby()
    )
    if quota is not None and existing + len(requests) > quota:
        raise ResourceLimitExceededException(
            f"The account's quota of {quota} standby WorkSpaces in this Region would be exceeded."
        )


def check_item(
    backend: WorkspacesBackend, primary_backend: WorkspacesBackend, request: Mapping[str, Any]
) -> Workspace:
    """One StandbyWorkspace request's rules in the spec's order; the primary WorkSpace when they hold."""
    primary_id = request["PrimaryWorkspaceId"]
    primary = primary_backend.workspaces.peek(primary_id)
    if primary is None:
        where = primary_backend.region_name
        raise RuleBroken(
            "ResourceNotFound.Workspace", f"The WorkSpace {primary_id} could not be found in {where}."
        )
    check_directory(backend, request["DirectoryId"])
    if primary.state not in STANDBY_FROM or (primary.standby is not None and primary.standby.is_standby()):
        raise RuleBroken(
            "InvalidResourceState.Workspace",
            f"The WorkSpace {primary.workspace_id} is {primary.state}"
            f"{' and a standby itself' if primary.standby else ''}; a primary must be AVAILABLE or STOPPED.",
        )
    if primary.standby is not None or backend.workspace_index.live_of_user(
        request["DirectoryId"], primary.user_name
    ):
        raise RuleBroken(
            "ResourceExists.Workspace", f"The WorkSpace {primary.workspace_id} already has a standby."
        )
    if primary.user_name == UNDEFINED_USER or is_graphics(primary.workspace_properties.compute_type_name):
        raise RuleBroken(
            "UnsupportedWorkspaceConfiguration",
            "User-decoupled and graphics WorkSpaces cannot have a standby WorkSpace.",
        )
    return primary


def create_standby(
    backend: WorkspacesBackend,
    primary_backend: WorkspacesBackend,
    primary: Workspace,
    request: Mapping[str, Any],
    tags: dict[str, str],
) -> Workspace:
    """The standby WorkSpace, PENDING, linked with its primary in both Regions."""
    bundle = _bundle_here(backend, primary_backend, primary.bundle_id)
    standby = new_workspace(
        backend,
        directory_id=request["DirectoryId"],
        user_name=primary.user_name,
        bundle=bundle,
        properties=_standby_properties(primary.workspace_properties),
    )
    standby.volume_encryption_key = request.get("VolumeEncryptionKey")
    pair = StandbyPair(
        primary, primary_backend, standby, backend, request.get("DataReplication", "NO_REPLICATION")
    )
    primary.standby = StandbyLink(pair, "PRIMARY")
    standby.standby = StandbyLink(pair, "STANDBY")
    return admit_workspace(backend, standby, "PENDING", tags, at=standby.created, table=STANDBY)


def pending_entry(made: Workspace) -> dict[str, Any]:
    """The PendingStandbyRequests entry for a new standby WorkSpace."""
    return {
        "UserName": made.user_name,
        "DirectoryId": made.directory_id,
        "State": made.state,
        "WorkspaceId": made.workspace_id,
    }


def _standby_properties(props: WorkspaceProperties) -> WorkspaceProperties:
    return WorkspaceProperties(
        running_mode="AUTO_STOP",
        running_mode_auto_stop_timeout_in_minutes=DEFAULT_AUTO_STOP_MINUTES,
        root_volume_size_gib=props.root_volume_size_gib,
        user_volume_size_gib=props.user_volume_size_gib,
        compute_type_name=props.compute_type_name,
        operating_system_name=props.operating_system_name,
        protocols=props.protocols,
    )


def _bundle_here(backend: WorkspacesBackend, primary_backend: WorkspacesBackend, bundle_id: str) -> Bundle:
    """The primary's bundle as the standby Region has it: the same public bundle (Amazon's catalog is the
    same everywhere), or a copy of the account's own bundle, made once per bundle name."""
    source = primary_backend.bundles.peek(bundle_id)
    if source is None:
        raise RuleBroken(
            "ResourceNotFound.Bundle", f"The bundle {bundle_id} of the primary WorkSpace is gone."
        )
    if source.is_public:
        return visible_bundle(backend, bundle_id) or source
    for bundle in backend.bundles.values_unobserved():
        if bundle.owner == backend.account_id and bundle.name == source.name:
            return bundle
    return add_bundle(
        backend,
        source.name,
        compute_type_name=source.compute_type_name,
        root_volume_size_gib=source.root_volume_size_gib,
        user_volume_size_gib=source.user_volume_size_gib,
        operating_system_name=source.operating_system_name,
        protocols=source.protocols,
    )
