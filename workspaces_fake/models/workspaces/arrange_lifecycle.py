"""Arrange helpers for what happens to a WorkSpace after it exists: users, snapshots, failures to come.

Tests play the user here (connect, disconnect, a failed attempt, each now or at a given time), set the
snapshots rebuild, restore and migration start from, and arrange the next rebuild, restore or migration
of a WorkSpace to fail. Each helper takes the WorkSpace id and raises ValueError, naming the WorkSpace
and its state, for something the service could not do (a session on a STOPPED WorkSpace).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Optional

from .._arrange import arrange
from . import connections, snapshots, standby
from .arrange import directory_for_arrange
from .lifecycle_ops import FAILURE_STATES, USER_MISCONFIGURED
from .model import WORKSPACE, Workspace

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def arranged_workspace(backend: WorkspacesBackend, workspace_id: str, helper: str) -> Workspace:
    """The WorkSpace (caught up with the clock), or ValueError naming the helper and the id."""
    found = backend.workspaces.get(workspace_id)
    if found is None:
        raise ValueError(f"{helper}: there is no WorkSpace {workspace_id} in this account and region")
    return found


def _when(backend: WorkspacesBackend, at: Optional[datetime]) -> datetime:
    return at if at is not None else backend.clock.now()


@arrange("Workspace")
def connect_user(backend: WorkspacesBackend, workspace_id: str, at: Optional[datetime] = None) -> None:
    """The WorkSpace's user connects now (or at ``at``); the WorkSpace must be AVAILABLE."""
    ws = arranged_workspace(backend, workspace_id, "connect_user")
    connections.connect(ws, _when(backend, at))


@arrange("Workspace")
def disconnect_user(backend: WorkspacesBackend, workspace_id: str, at: Optional[datetime] = None) -> None:
    """The connected user disconnects now (or at ``at``)."""
    ws = arranged_workspace(backend, workspace_id, "disconnect_user")
    connections.disconnect(ws, _when(backend, at))


@arrange("Workspace")
def fail_connection(backend: WorkspacesBackend, workspace_id: str, at: Optional[datetime] = None) -> None:
    """A connection attempt to the WorkSpace failed now (or at ``at``); it opens no session."""
    ws = arranged_workspace(backend, workspace_id, "fail_connection")
    connections.fail(ws, _when(backend, at))


@arrange("Workspace")
def take_snapshot(
    backend: WorkspacesBackend, workspace_id: str, kind: str = "both", at: Optional[datetime] = None
) -> None:
    """A snapshot of ``kind`` (``rebuild``: user volume; ``restore``; ``both``) taken now or at ``at``."""
    ws = arranged_workspace(backend, workspace_id, "take_snapshot")
    snapshots.take(ws, kind, _when(backend, at))


@arrange("Workspace")
def clear_snapshots(backend: WorkspacesBackend, workspace_id: str) -> None:
    """The WorkSpace has no snapshot (the 12-hour schedule takes the next pair 12 hours from now)."""
    ws = arranged_workspace(backend, workspace_id, "clear_snapshots")
    snapshots.clear(ws, backend.clock.now())


@arrange("Workspace")
def fail_rebuild(
    backend: WorkspacesBackend, workspace_id: str, *, to_state: str = "ERROR", refuse: bool = False
) -> None:
    """The next rebuild of the WorkSpace fails: it ends in ``to_state`` (ERROR or UNHEALTHY), or, with
    ``refuse=True``, RebuildWorkspaces reports ``InvalidUserConfiguration.Workspace`` for it at once
    (the directory user was renamed or is misconfigured)."""
    ws = arranged_workspace(backend, workspace_id, "fail_rebuild")
    if refuse:
        _arrange_fate(ws, "rebuild-request", USER_MISCONFIGURED)
    else:
        _arrange_fate(ws, "rebuild", _failure_state("fail_rebuild", to_state))


@arrange("Workspace")
def fail_restore(backend: WorkspacesBackend, workspace_id: str, *, to_state: str = "ERROR") -> None:
    """The next restore of the WorkSpace ends in ``to_state`` (ERROR or UNHEALTHY) instead of AVAILABLE."""
    ws = arranged_workspace(backend, workspace_id, "fail_restore")
    _arrange_fate(ws, "restore", _failure_state("fail_restore", to_state))


@arrange("Workspace")
def fail_migration(backend: WorkspacesBackend, workspace_id: str) -> None:
    """The next migration of this (source) WorkSpace fails: the target is terminated when its
    provisioning ends, and the source stays as it was, with its id."""
    ws = arranged_workspace(backend, workspace_id, "fail_migration")
    _arrange_fate(ws, "migrate", "TERMINATING")


@arrange("Workspace", data_replication="DataReplication")
def add_standby(
    backend: WorkspacesBackend,
    workspace_id: str,
    region: str,
    *,
    directory_id: Optional[str] = None,
    data_replication: str = "NO_REPLICATION",
    state: str = "STOPPED",
) -> Workspace:
    """A standby WorkSpace in ``region`` for this Region's WorkSpace ``workspace_id``, already in
    ``state`` (STOPPED by default, as after CreateStandbyWorkspaces), linked on both sides. The standby
    Region's default directory is used (made on first use) unless ``directory_id`` names one."""
    primary = arranged_workspace(backend, workspace_id, "add_standby")
    if region == backend.region_name or primary.standby is not None:
        raise ValueError(f"add_standby: {workspace_id} already has a standby, or {region} is its own Region")
    other = backend.in_region(region)
    with other.lock:
        directory = directory_for_arrange(other, directory_id)
        request = {"DirectoryId": directory.directory_id, "DataReplication": data_replication}
        made = standby.create_standby(other, backend, primary, request, {})
        if state != "PENDING":
            other.lifecycle.enter(made, WORKSPACE, state)
    return made


def _failure_state(helper: str, to_state: str) -> str:
    if to_state not in FAILURE_STATES:
        raise ValueError(f"{helper}: to_state must be one of {', '.join(FAILURE_STATES)}; got {to_state!r}")
    return to_state


def _arrange_fate(ws: Workspace, job: str, outcome: str) -> None:
    if ws.fates is None:
        ws.fates = {}
    ws.fates[job] = outcome
