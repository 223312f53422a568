"""Handlers for directories: register, deregister, describe.

There is no Directory Service behind the fake: any well-formed ``d-`` id not yet registered can be
registered, and is described with plausible values (see :mod:`..models.directories`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import (
    FakeNotSupported,
    InvalidParameterValuesException,
    InvalidResourceStateException,
    ResourceAlreadyExistsException,
)
from ..models.directories import DIRECTORY, Directory, SelfservicePermissions, new_directory
from ..models.quotas import DIRECTORIES
from ..models.tags import add_tags, tags_from_request

_FILTER_ATTRIBUTES = {"USER_IDENTITY_TYPE": "user_identity_type", "WORKSPACE_TYPE": "workspace_type"}


@operation("RegisterWorkspaceDirectory")
def register_workspace_directory(
    backend: WorkspacesBackend,
    *,
    directory_id: Optional[str] = None,
    subnet_ids: Optional[list[str]] = None,
    enable_self_service: Optional[bool] = None,
    tenancy: Optional[str] = None,
    tags: Optional[list[Mapping[str, Any]]] = None,
    workspace_directory_name: Optional[str] = None,
    workspace_directory_description: Optional[str] = None,
    user_identity_type: Optional[str] = None,
    workspace_type: Optional[str] = None,
) -> Result:
    """Start registering a Directory Service directory: REGISTERING now, REGISTERED when it settles."""
    if directory_id is None:
        raise FakeNotSupported("RegisterWorkspaceDirectory", "WorkspaceDirectoryName (without DirectoryId)")
    _check_registrable(backend, directory_id, subnet_ids)
    backend.settings.quotas.check(DIRECTORIES, len(backend.directories), what="registered directories")
    tag_values = tags_from_request(tags or [])
    directory = new_directory(backend, directory_id, subnet_ids=subnet_ids)
    directory.tenancy = tenancy or directory.tenancy
    directory.workspace_type = workspace_type or directory.workspace_type
    directory.user_identity_type = user_identity_type or directory.user_identity_type
    directory.workspace_directory_name = workspace_directory_name
    directory.workspace_directory_description = workspace_directory_description
    if enable_self_service:
        directory.selfservice_permissions = SelfservicePermissions.all_enabled()
    backend.directories.put(directory_id, directory)
    add_tags(backend, directory_id, tag_values)
    backend.lifecycle.enter(directory, DIRECTORY, "REGISTERING")
    return {"DirectoryId": directory_id, "State": directory.state}


def _check_registrable(
    backend: WorkspacesBackend, directory_id: str, subnet_ids: Optional[list[str]]
) -> None:
    existing = backend.directories.peek(directory_id)
    if existing is not None and existing.state == "DEREGISTERING":
        raise InvalidResourceStateException(
            f"The directory {directory_id} is being deregistered; register it again once that has finished."
        )
    if existing is not None:
        raise ResourceAlreadyExistsException(f"The directory {directory_id} is already registered.")
    if subnet_ids is not None and len(subnet_ids) != 2:
        raise InvalidParameterValuesException(
            "SubnetIds must name two subnets in different Availability Zones."
        )


@operation("DeregisterWorkspaceDirectory")
def deregister_workspace_directory(backend: WorkspacesBackend, *, directory_id: str) -> Result:
    """Start deregistering a REGISTERED directory that no WorkSpace uses any more."""
    directory = backend.directories.require(directory_id)
    if directory.state != "REGISTERED":
        raise InvalidResourceStateException(
            f"The directory {directory_id} is {directory.state}; only a REGISTERED directory can be "
            "deregistered."
        )
    if next(backend.workspace_index.in_directory(directory_id), None) is not None:
        raise InvalidResourceStateException(
            f"The directory {directory_id} still has WorkSpaces; terminate them before deregistering it."
        )
    if any(pool.directory_id == directory_id for pool in backend.pools.values_unobserved()):
        raise InvalidResourceStateException(f"The directory {directory_id} is used by a WorkSpaces pool.")
    backend.lifecycle.enter(directory, DIRECTORY, "DEREGISTERING")
    return {}


@operation("DescribeWorkspaceDirectories")
def describe_workspace_directories(
    backend: WorkspacesBackend,
    *,
    directory_ids: Optional[list[str]] = None,
    workspace_directory_names: Optional[list[str]] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
    filters: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """Registered directories in registration order; every given filter must match (unknown ids omitted)."""
    items = [
        d
        for d in backend.directories.values_unobserved()
        if _matches(d, directory_ids, workspace_directory_names, filters or [])
    ]
    keys = {"DirectoryIds": directory_ids, "Names": workspace_directory_names, "Filters": filters}
    page, token = backend.paginator.page(
        items, operation="DescribeWorkspaceDirectories", filters=keys, limit=limit, token=next_token
    )
    return {"Directories": page, "NextToken": token}


def _matches(
    directory: Directory,
    directory_ids: Optional[list[str]],
    names: Optional[list[str]],
    filters: Iterable[Mapping[str, Any]],
) -> bool:
    if directory_ids is not None and directory.directory_id not in directory_ids:
        return False
    if names is not None and not {directory.workspace_directory_name, directory.directory_name} & set(names):
        return False
    return all(getattr(directory, _FILTER_ATTRIBUTES[f["Name"]]) in f["Values"] for f in filters)
