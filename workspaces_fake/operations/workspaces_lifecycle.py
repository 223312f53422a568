"""Handlers for the WorkSpace lifecycle beyond start/stop: snapshots, connection status, maintenance
state, rebuild, restore, migration and standby WorkSpaces (spec lifecycle 2.2-2.8).

The behaviour lives in :mod:`..models.workspaces` (``snapshots``, ``connections``, ``lifecycle_ops``);
these handlers look the WorkSpaces up, call the model and shape the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import InvalidParameterValuesException, ResourceNotFoundException
from ..models.tags import tags_from_request
from ..models.workspaces import lifecycle_ops, migration, standby
from ..models.workspaces.connections import connection_status
from ..models.workspaces.model import Workspace, in_creation_order
from ..models.workspaces.rules import FailedWorkspaceChangeRequest, RuleBroken
from ..models.workspaces.snapshots import latest_snapshot

WORKSPACE_NOT_FOUND = (
    "The specified WorkSpace cannot be found. Confirm that the workspace exists in your AWS account, "
    "and try again."
)


def require_workspace(backend: WorkspacesBackend, workspace_id: str) -> Workspace:
    """The WorkSpace, or ResourceNotFoundException in the service's words with its ``ResourceId``."""
    found = backend.workspaces.peek(workspace_id)
    if found is None:
        raise ResourceNotFoundException(WORKSPACE_NOT_FOUND, resource_id=workspace_id)
    return found


@operation("DescribeWorkspaceSnapshots")
def describe_workspace_snapshots(backend: WorkspacesBackend, *, workspace_id: str) -> Result:
    """The most recent rebuild (user volume) and restore (both volumes) snapshot, at the clock's time."""
    ws = require_workspace(backend, workspace_id)
    now = backend.clock.now()
    answer: dict[str, Any] = {}
    for member, kind in (("RebuildSnapshots", "rebuild"), ("RestoreSnapshots", "restore")):
        latest = latest_snapshot(ws, kind, now)
        answer[member] = [] if latest is None else [{"SnapshotTime": latest}]
    return answer


@operation("DescribeWorkspacesConnectionStatus")
def describe_workspaces_connection_status(
    backend: WorkspacesBackend,
    *,
    workspace_ids: Optional[list[str]] = None,
    next_token: Optional[str] = None,
) -> Result:
    """CONNECTED / DISCONNECTED / UNKNOWN for each WorkSpace with something to report, 25 per page."""
    if workspace_ids is not None:
        found = (backend.workspaces.peek(wid) for wid in dict.fromkeys(workspace_ids))
        candidates: Iterable[Workspace] = in_creation_order(ws for ws in found if ws is not None)
    else:
        candidates = backend.workspaces.values_unobserved()
    page, token = backend.paginator.page(
        _statuses(backend, candidates),
        operation="DescribeWorkspacesConnectionStatus",
        filters={"WorkspaceIds": workspace_ids},
        limit=None,
        token=next_token,
    )
    return {"WorkspacesConnectionStatus": page, "NextToken": token}


def _statuses(backend: WorkspacesBackend, workspaces: Iterable[Workspace]) -> Iterator[dict[str, Any]]:
    now = backend.clock.now()
    for ws in workspaces:
        entry = connection_status(ws, now, ever_available=ws.snapshots is not None)
        if entry is not None:
            yield entry


@operation("ModifyWorkspaceState")
def modify_workspace_state(backend: WorkspacesBackend, *, workspace_id: str, workspace_state: str) -> Result:
    """AVAILABLE <-> ADMIN_MAINTENANCE, at once; a user on the WorkSpace is disconnected."""
    ws = require_workspace(backend, workspace_id)
    lifecycle_ops.modify_state(backend, ws, workspace_state)
    return {}


@operation("RebuildWorkspaces")
def rebuild_workspaces(
    backend: WorkspacesBackend, *, rebuild_workspace_requests: list[Mapping[str, Any]]
) -> Result:
    """REBUILDING, then AVAILABLE with a new IP address; failures per item (the model allows one item)."""
    failed = []
    for item in rebuild_workspace_requests:
        workspace_id = item["WorkspaceId"]
        ws = backend.workspaces.peek(workspace_id)
        try:
            if ws is None:
                raise RuleBroken("ResourceNotFound.Workspace", WORKSPACE_NOT_FOUND)
            lifecycle_ops.rebuild(backend, ws)
        except RuleBroken as broken:
            failed.append(FailedWorkspaceChangeRequest(workspace_id, broken.code, broken.message))
    return {"FailedRequests": failed}


@operation("RestoreWorkspace")
def restore_workspace(backend: WorkspacesBackend, *, workspace_id: str) -> Result:
    """RESTORING to the latest restore snapshot, then AVAILABLE."""
    ws = require_workspace(backend, workspace_id)
    lifecycle_ops.restore(backend, ws)
    return {}


@operation("MigrateWorkspace")
def migrate_workspace(backend: WorkspacesBackend, *, source_workspace_id: str, bundle_id: str) -> Result:
    """A new WorkSpace (new id, PENDING) from ``bundle_id``; the source is terminated once it is ready."""
    source = require_workspace(backend, source_workspace_id)
    bundle = migration.check_migration(backend, source, bundle_id)
    target = migration.migrate(backend, source, bundle)
    return {"SourceWorkspaceId": source.workspace_id, "TargetWorkspaceId": target.workspace_id}


@operation("CreateStandbyWorkspaces")
def create_standby_workspaces(
    backend: WorkspacesBackend, *, primary_region: str, standby_workspaces: list[Mapping[str, Any]]
) -> Result:
    """Standby WorkSpaces in this Region for primaries in ``primary_region``; failures per item."""
    standby.check_request(backend, primary_region, standby_workspaces)
    primary_backend = backend.in_region(primary_region)
    primary_backend.observe()
    pending, failed = [], []
    for request in standby_workspaces:
        try:
            primary = standby.check_item(backend, primary_backend, request)
            tags = _standby_tags(request)
            made = standby.create_standby(backend, primary_backend, primary, request, tags)
        except RuleBroken as broken:
            failed.append(
                {"StandbyWorkspaceRequest": request, "ErrorCode": broken.code, "ErrorMessage": broken.message}
            )
            continue
        pending.append(
            {
                "UserName": made.user_name,
                "DirectoryId": made.directory_id,
                "State": made.state,
                "WorkspaceId": made.workspace_id,
            }
        )
    return {"PendingStandbyRequests": pending, "FailedStandbyRequests": failed}


def _standby_tags(request: Mapping[str, Any]) -> dict[str, str]:
    try:
        return tags_from_request(request.get("Tags") or [])
    except InvalidParameterValuesException as err:
        raise RuleBroken("InvalidParameterValues", err.message) from None
