"""Handlers for WorkSpaces themselves: create, describe, modify, start, stop, reboot, terminate.

The rules live in the models (:mod:`..models.workspaces.rules`, :mod:`..models.workspaces.modify`);
these handlers walk the request, collect per-item failures and shape the answer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Callable, Optional

from botocore.model import Shape

from .._registry import Result, operation
from .._service import operation_model
from .._validate import matches_pattern
from ..backend import WorkspacesBackend
from ..errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationInProgressException,
    ValidationException,
)
from ..models.bundles.arrange import visible_bundle
from ..models.moto_bridge import kms_key_problem
from ..models.tags import tags_from_request
from ..models.workspaces.arrange import admit_workspace, new_workspace
from ..models.workspaces.model import (
    UNDEFINED_USER,
    WORKSPACE,
    Workspace,
    in_creation_order,
)
from ..models.workspaces.modify import apply_modification, plan_modification
from ..models.workspaces.rules import (
    INVALID,
    START_FROM,
    STOP_FROM,
    FailedCreateWorkspaceRequest,
    FailedWorkspaceChangeRequest,
    RuleBroken,
    check_directory,
    not_found,
    properties_for_create,
    require_not_migrating,
    require_reboot_allowed,
    require_state,
    require_stoppable,
    require_terminable,
)

Request = Mapping[str, Any]


@functools.cache
def _directory_id_shape() -> Shape:
    """The DirectoryId member of a WorkspaceRequest (looked up once, not on every CreateWorkspaces)."""
    request_shape = operation_model("CreateWorkspaces").input_shape.members["Workspaces"].member
    shape: Shape = request_shape.members["DirectoryId"]
    return shape


def _directory_ids_well_formed(params: Mapping[str, Any]) -> None:
    """A malformed DirectoryId fails the whole CreateWorkspaces call, in the service's own words."""
    shape = _directory_id_shape()
    for request in params.get("Workspaces") or ():
        directory_id = request.get("DirectoryId") if isinstance(request, Mapping) else None
        if isinstance(directory_id, str) and not matches_pattern(shape, directory_id):
            raise ValidationException(f"The Directory ID {directory_id} in the request is invalid.")


@operation("CreateWorkspaces", precheck=_directory_ids_well_formed)
def create_workspaces(backend: WorkspacesBackend, *, workspaces: list[Request]) -> Result:
    """Create each requested WorkSpace in PENDING; failures are reported per item with the request echoed."""
    pending, failed = [], []
    for request in workspaces:
        try:
            ws = _admit_request(backend, request)
        except RuleBroken as broken:
            failed.append(FailedCreateWorkspaceRequest(request, broken.code, broken.message))
            continue
        pending.append(ws.pending_request())
    return {"FailedRequests": failed, "PendingRequests": pending}


def _admit_request(backend: WorkspacesBackend, request: Request) -> Workspace:
    directory_id, user_name = request["DirectoryId"], request["UserName"]
    check_directory(backend, directory_id)
    bundle = visible_bundle(backend, request["BundleId"])
    if bundle is None:
        raise RuleBroken("ResourceNotFound.Bundle", "The specified bundle could not be found.")
    _check_quota(backend)
    _check_user(backend, directory_id, user_name, request.get("WorkspaceName"))
    properties = properties_for_create(backend.settings, bundle, request.get("WorkspaceProperties") or {})
    tags = _tags_or_failure(request.get("Tags"))
    _check_volume_key(backend, request.get("VolumeEncryptionKey"))
    ws = new_workspace(
        backend, directory_id=directory_id, user_name=user_name, bundle=bundle, properties=properties
    )
    ws.workspace_name = request.get("WorkspaceName")
    ws.volume_encryption_key = request.get("VolumeEncryptionKey")
    ws.user_volume_encryption_enabled = request.get("UserVolumeEncryptionEnabled")
    ws.root_volume_encryption_enabled = request.get("RootVolumeEncryptionEnabled")
    ws.ipv6_address = request.get("Ipv6Address")
    return admit_workspace(backend, ws, "PENDING", tags, at=ws.created)  # PENDING from its creation on


def _check_volume_key(backend: WorkspacesBackend, key_id: Optional[str]) -> None:
    """With moto active (the bridge), the key must be an enabled symmetric key in moto's KMS [A]."""
    problem = kms_key_problem(backend, key_id) if key_id is not None else None
    if problem is not None:
        raise RuleBroken(INVALID, problem)


def _check_quota(backend: WorkspacesBackend) -> None:
    quota = backend.settings.workspace_quota
    if quota is not None and len(backend.workspaces) >= quota:
        raise RuleBroken(
            "ResourceLimitExceeded", f"The account's quota of {quota} WorkSpaces in this Region is used up."
        )


def _check_user(
    backend: WorkspacesBackend, directory_id: str, user_name: str, workspace_name: Optional[str]
) -> None:
    if user_name == UNDEFINED_USER:
        if not workspace_name:
            raise RuleBroken(INVALID, "WorkspaceName is required when UserName is [UNDEFINED].")
        return
    if workspace_name:
        raise RuleBroken(INVALID, "WorkspaceName applies only to WorkSpaces whose UserName is [UNDEFINED].")
    if backend.workspace_index.live_of_user(directory_id, user_name) is not None:
        raise RuleBroken("ResourceExists.WorkSpace", "A WorkSpace already exists for the specified user.")


def _tags_or_failure(tags: Optional[list[Mapping[str, Any]]]) -> dict[str, str]:
    try:
        return tags_from_request(tags or [])
    except InvalidParameterValuesException as err:
        raise RuleBroken(INVALID, err.message) from None


_ONE_FILTER = (
    "An invalid number of parameters provided with DescribeWorkspaces. Only one of the following are "
    "allowed to be specified: BundleId, DirectoryId, WorkSpaceIds, Filters."
)


@operation("DescribeWorkspaces")
def describe_workspaces(
    backend: WorkspacesBackend,
    *,
    workspace_ids: Optional[list[str]] = None,
    directory_id: Optional[str] = None,
    user_name: Optional[str] = None,
    bundle_id: Optional[str] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
    workspace_name: Optional[str] = None,
) -> Result:
    """One page of WorkSpaces in creation order, narrowed by at most one filter (plus UserName)."""
    if sum(f is not None for f in (workspace_ids, directory_id, bundle_id, workspace_name)) > 1:
        raise InvalidParameterValuesException(_ONE_FILTER)
    if user_name is not None and directory_id is None:
        raise InvalidParameterValuesException("The DirectoryId parameter is required when UserName is used.")
    items = _candidates(backend, workspace_ids, directory_id, user_name, bundle_id, workspace_name)
    filters = {
        "WorkspaceIds": workspace_ids,
        "DirectoryId": directory_id,
        "UserName": user_name.lower() if user_name else None,
        "BundleId": bundle_id,
        "WorkspaceName": workspace_name,
    }
    page, token = backend.paginator.page(
        items, operation="DescribeWorkspaces", filters=filters, limit=limit, token=next_token
    )
    return {"Workspaces": page, "NextToken": token}


def _candidates(
    backend: WorkspacesBackend,
    workspace_ids: Optional[list[str]],
    directory_id: Optional[str],
    user_name: Optional[str],
    bundle_id: Optional[str],
    workspace_name: Optional[str],
) -> Iterable[Workspace]:
    """The WorkSpaces a filter selects, from an index: never a scan of every WorkSpace."""
    index = backend.workspace_index
    if workspace_ids is not None:
        found = (backend.workspaces.peek(wid) for wid in dict.fromkeys(workspace_ids))
        return in_creation_order(ws for ws in found if ws is not None)
    if directory_id is not None:
        if user_name is not None:
            return index.of_user(directory_id, user_name)
        return index.in_directory(directory_id)
    if bundle_id is not None:
        return index.with_bundle(bundle_id)
    if workspace_name is not None:
        return index.named(workspace_name)
    return backend.workspaces.values_unobserved()


@operation("ModifyWorkspaceProperties")
def modify_workspace_properties(
    backend: WorkspacesBackend,
    *,
    workspace_id: str,
    workspace_properties: Optional[Request] = None,
    data_replication: Optional[str] = None,
) -> Result:
    """Change running mode, volumes, compute or protocol of an AVAILABLE or STOPPED WorkSpace."""
    ws = backend.workspaces.require(workspace_id)
    if ws.state not in ("AVAILABLE", "STOPPED"):
        raise InvalidResourceStateException(
            f"The WorkSpace {workspace_id} is {ws.state}; its properties can be modified only while it is "
            "AVAILABLE or STOPPED."
        )
    if ws.is_modifying() or ws.is_migration_source():
        raise OperationInProgressException(
            "The properties of this WorkSpace are currently under modification. Please try again in a moment."
        )
    primary = ws.standby is not None and not ws.standby.is_standby()
    if data_replication == "PRIMARY_AS_SOURCE" and not primary:
        raise InvalidParameterValuesException(
            f"The WorkSpace {workspace_id} has no standby WorkSpace to replicate to."
        )
    bundle = backend.bundles.peek(ws.bundle_id)
    pcoip = bundle is None or "PCOIP" in bundle.protocols
    try:
        plan = plan_modification(backend.settings, ws, pcoip, workspace_properties or {}, backend.clock.now())
    except RuleBroken as broken:
        broken.raise_error()
    apply_modification(backend, ws, plan)
    if data_replication is not None and ws.standby is not None and primary:
        ws.standby.pair.data_replication = data_replication  # both sides read the pair
    return {}


Change = Callable[[WorkspacesBackend, Workspace], None]


def _each(backend: WorkspacesBackend, requests: list[Request], change: Change) -> Result:
    """Apply ``change`` to every requested WorkSpace, collecting per-item failures."""
    failed = []
    for item in requests:
        workspace_id = item.get("WorkspaceId")
        ws = backend.workspaces.peek(workspace_id) if workspace_id else None
        try:
            if ws is None:
                raise not_found(workspace_id)
            change(backend, ws)
        except RuleBroken as broken:
            failed.append(FailedWorkspaceChangeRequest(workspace_id, broken.code, broken.message))
    return {"FailedRequests": failed}


def _start(backend: WorkspacesBackend, ws: Workspace) -> None:
    require_not_migrating(ws)
    require_stoppable(ws, "StartWorkspaces")
    require_state(ws, START_FROM, "StartWorkspaces")
    backend.lifecycle.enter(ws, WORKSPACE, "STARTING")


def _stop(backend: WorkspacesBackend, ws: Workspace) -> None:
    require_not_migrating(ws)
    require_stoppable(ws, "StopWorkspaces")
    require_state(ws, STOP_FROM, "StopWorkspaces")
    backend.lifecycle.enter(ws, WORKSPACE, "STOPPING")


def _reboot(backend: WorkspacesBackend, ws: Workspace) -> None:
    require_not_migrating(ws)
    require_reboot_allowed(ws, backend.clock.now())
    backend.lifecycle.enter(ws, WORKSPACE, "REBOOTING")


def _terminate(backend: WorkspacesBackend, ws: Workspace) -> None:
    require_terminable(ws)
    if ws.state not in ("TERMINATING", "TERMINATED"):
        backend.lifecycle.enter(ws, WORKSPACE, "TERMINATING")


@operation("StartWorkspaces")
def start_workspaces(backend: WorkspacesBackend, *, start_workspace_requests: list[Request]) -> Result:
    """STOPPED -> STARTING -> AVAILABLE, for AUTO_STOP and MANUAL WorkSpaces."""
    return _each(backend, start_workspace_requests, _start)


@operation("StopWorkspaces")
def stop_workspaces(backend: WorkspacesBackend, *, stop_workspace_requests: list[Request]) -> Result:
    """AVAILABLE/IMPAIRED/UNHEALTHY/ERROR -> STOPPING -> STOPPED, for AUTO_STOP and MANUAL WorkSpaces."""
    return _each(backend, stop_workspace_requests, _stop)


@operation("RebootWorkspaces")
def reboot_workspaces(backend: WorkspacesBackend, *, reboot_workspace_requests: list[Request]) -> Result:
    """AVAILABLE/UNHEALTHY (or REBOOTING for over 20 minutes) -> REBOOTING -> AVAILABLE."""
    return _each(backend, reboot_workspace_requests, _reboot)


@operation("TerminateWorkspaces")
def terminate_workspaces(
    backend: WorkspacesBackend, *, terminate_workspace_requests: list[Request]
) -> Result:
    """Any state but SUSPENDED -> TERMINATING -> TERMINATED -> gone (repeating it is harmless)."""
    return _each(backend, terminate_workspace_requests, _terminate)
