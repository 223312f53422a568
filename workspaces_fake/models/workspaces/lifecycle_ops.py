"""Rebuild, restore and the maintenance switch (spec lifecycle 2.1-2.3, 2.5): rules, then the state machine.

Rebuild and restore run through their own lifecycle table, :data:`REPAIR`, whose steps decide the
outcome when they end: AVAILABLE with fresh snapshots (and, for a rebuild, a new private IP address),
or the failure a test arranged with ``fail_rebuild`` / ``fail_restore``. ModifyWorkspaceState is
synchronous. The checks raise :class:`RuleBroken` (per-item answers) or the whole-call errors the spec
chooses, in the spec's order.

Applications [A]: rebuild and restore leave the WorkSpace's association rows as they are. The rows of
its bundle describe what the image installs, and the service re-installs applications added through
Manage applications after the root volume is re-created; the fake does not model that re-install.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...errors import InvalidResourceStateException, OperationNotSupportedException
from ...lifecycle import Step, Table, minutes
from .model import WORKSPACE, Workspace, new_ip_address, workspace_entered
from .rules import RuleBroken
from .snapshots import first_delay, latest_snapshot, restart_schedule

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

REBUILD_FROM = frozenset({"AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED", "REBOOTING"})
RESTORE_FROM = frozenset({"AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED"})
MAINTENANCE_STATES = frozenset({"AVAILABLE", "ADMIN_MAINTENANCE"})
STATE_CODE = "InvalidResourceState.Workspace"
USER_MISCONFIGURED = "InvalidUserConfiguration.Workspace"
FAILURE_STATES = ("ERROR", "UNHEALTHY")


def _rebuilt(backend: WorkspacesBackend, ws: Workspace, at: datetime) -> str:
    """REBUILDING ends: a new network interface and fresh snapshots, or ERROR when arranged to fail."""
    failed = ws.take_fate("rebuild")
    if failed is not None:
        return failed
    new_ip_address(backend, ws)
    restart_schedule(ws, at + first_delay(backend), at)
    return "AVAILABLE"


def _restored(backend: WorkspacesBackend, ws: Workspace, at: datetime) -> str:
    """RESTORING ends: AVAILABLE with fresh snapshots, or the arranged ERROR / UNHEALTHY."""
    failed = ws.take_fate("restore")
    if failed is not None:
        return failed
    restart_schedule(ws, at + first_delay(backend), at)
    return "AVAILABLE"


REPAIR = Table(
    "workspace-repair",
    steps={"REBUILDING": Step(_rebuilt, minutes(40)), "RESTORING": Step(_restored, minutes(30))},
    on_enter=workspace_entered,
)
"""RebuildWorkspaces: REBUILDING for 40 minutes; RestoreWorkspace: RESTORING for 30; then AVAILABLE (or
the arranged failure)."""


# ------------------------------------------------------------------------------------------- rebuild
def check_rebuild(ws: Workspace, now: datetime) -> None:
    """The per-item rules of RebuildWorkspaces, in the spec's order (the whole-call one comes first)."""
    if ws.standby is not None and ws.standby.is_standby():
        raise OperationNotSupportedException(
            f"The WorkSpace {ws.workspace_id} is a standby WorkSpace; standby WorkSpaces cannot be rebuilt."
        )
    if ws.state not in REBUILD_FROM:
        raise RuleBroken(STATE_CODE, f"The WorkSpace {ws.workspace_id} is {ws.state} and cannot be rebuilt.")
    if ws.is_modifying() or ws.is_migration_source():
        what = "being migrated" if ws.is_migration_source() else "having its properties modified"
        raise RuleBroken(STATE_CODE, f"The WorkSpace {ws.workspace_id} is {what} and cannot be rebuilt.")
    if latest_snapshot(ws, "rebuild", now) is None:
        raise RuleBroken(STATE_CODE, f"No user volume snapshot is available for WorkSpace {ws.workspace_id}.")
    if ws.fates and ws.fates.get("rebuild-request") == USER_MISCONFIGURED:
        ws.take_fate("rebuild-request")
        raise RuleBroken(USER_MISCONFIGURED, "The user was either not found or is misconfigured.")


def rebuild(backend: WorkspacesBackend, ws: Workspace) -> None:
    """Check, then REBUILDING (the answering call already shows it)."""
    check_rebuild(ws, backend.clock.now())
    backend.lifecycle.enter(ws, REPAIR, "REBUILDING")


# ------------------------------------------------------------------------------------------- restore
def restore(backend: WorkspacesBackend, ws: Workspace) -> None:
    """RestoreWorkspace's rules in the spec's order, then RESTORING."""
    if ws.standby is not None and ws.standby.is_standby():
        raise OperationNotSupportedException(
            f"The WorkSpace {ws.workspace_id} is a standby WorkSpace; standby WorkSpaces cannot be restored.",
            reason="InvalidResourceState",
        )
    if ws.state not in RESTORE_FROM or ws.is_migration_source():
        state = "being migrated" if ws.is_migration_source() else ws.state
        raise OperationNotSupportedException(
            f"The WorkSpace {ws.workspace_id} is {state}; it can be restored only while it is "
            f"{', '.join(sorted(RESTORE_FROM))}.",
            reason="InvalidResourceState",
        )
    if latest_snapshot(ws, "restore", backend.clock.now()) is None:
        raise OperationNotSupportedException(
            f"No restore snapshot is available for WorkSpace {ws.workspace_id}.", reason="NoRestoreSnapshot"
        )
    backend.lifecycle.enter(ws, REPAIR, "RESTORING")


# --------------------------------------------------------------------------------- maintenance switch
def modify_state(backend: WorkspacesBackend, ws: Workspace, wanted: str) -> None:
    """AVAILABLE <-> ADMIN_MAINTENANCE at once; the same state again is a no-op [A]."""
    if ws.standby is not None and ws.standby.is_standby():
        raise OperationNotSupportedException(
            f"The WorkSpace {ws.workspace_id} is a standby WorkSpace; its state cannot be modified."
        )
    if ws.state not in MAINTENANCE_STATES or ws.is_migration_source():
        state = "being migrated" if ws.is_migration_source() else ws.state
        raise InvalidResourceStateException(
            f"The WorkSpace {ws.workspace_id} is {state}; its state can be changed only between "
            "AVAILABLE and ADMIN_MAINTENANCE."
        )
    if ws.state != wanted:
        backend.lifecycle.enter(ws, WORKSPACE, wanted)
