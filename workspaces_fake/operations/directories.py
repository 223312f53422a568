"""Handlers for directories: register, deregister, describe, and every directory setting.

There is no Directory Service behind the fake: any well-formed ``d-`` id not yet registered can be
registered, and is described with plausible values; WorkSpaces-managed ``wsd-`` directories are made
here (see :mod:`..models.directories`). Every settings operation changes only the members it sends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationNotSupportedException,
)
from ..models.directories import DIRECTORY, Directory, require_directory
from ..models.directories import properties as rules
from ..models.directories.register import Registration, build_directory, check_account, check_variant
from ..models.moto_bridge import security_group_problem
from ..models.tags import add_tags, tags_from_request

_FILTER_ATTRIBUTES = {"USER_IDENTITY_TYPE": "user_identity_type", "WORKSPACE_TYPE": "workspace_type"}

_NOT_ACTIVE = (
    "The specified directory is not in a valid state. Confirm that the directory has a status of Active, "
    "and try again."
)
_HAS_WORKSPACES = (
    "There are WorkSpaces assigned to this directory. You must remove the WorkSpaces before you deregister "
    "the directory."
)


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
    idc_instance_arn: Optional[str] = None,
    microsoft_entra_config: Optional[Mapping[str, Any]] = None,
    workspace_type: Optional[str] = None,
    active_directory_config: Optional[Mapping[str, Any]] = None,
) -> Result:
    """Start registering a directory: REGISTERING now, REGISTERED when it settles."""
    request = Registration(
        directory_id, subnet_ids, enable_self_service, tenancy, workspace_directory_name,
        workspace_directory_description, user_identity_type, idc_instance_arn, microsoft_entra_config,
        workspace_type, active_directory_config,
    )  # fmt: skip
    check_variant(request)
    tag_values = tags_from_request(tags or [])
    found = check_account(backend, request)
    directory = build_directory(backend, request, found)
    backend.directories.put(directory.directory_id, directory)
    add_tags(backend, directory.directory_id, tag_values)
    backend.lifecycle.enter(directory, DIRECTORY, "REGISTERING")
    return {"DirectoryId": directory.directory_id, "State": directory.state}


@operation("DeregisterWorkspaceDirectory")
def deregister_workspace_directory(backend: WorkspacesBackend, *, directory_id: str) -> Result:
    """Start deregistering a REGISTERED (or ERROR) directory that no WorkSpace uses any more."""
    directory = require_directory(backend, directory_id)
    if directory.state not in ("REGISTERED", "ERROR"):
        raise InvalidResourceStateException(_NOT_ACTIVE)
    states = {ws.state for ws in backend.workspace_index.in_directory(directory_id)}
    if states - {"TERMINATING", "TERMINATED"}:
        raise OperationNotSupportedException(_HAS_WORKSPACES)
    if states:
        raise InvalidResourceStateException(_NOT_ACTIVE)
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


# ------------------------------------------------------------------------------------- directory settings
@operation("ModifyWorkspaceCreationProperties")
def modify_workspace_creation_properties(
    backend: WorkspacesBackend, *, resource_id: str, workspace_creation_properties: Mapping[str, Any]
) -> Result:
    """Defaults for WorkSpaces created (or rebuilt) from now on; existing ones keep theirs.

    With moto active (the bridge), CustomSecurityGroupId must name a security group in moto's EC2 [A].
    """
    directory = rules.settable_directory(backend, resource_id)
    group_id = workspace_creation_properties.get("CustomSecurityGroupId")
    problem = security_group_problem(backend, group_id) if group_id is not None else None
    if problem is not None:
        raise InvalidParameterValuesException(problem)
    rules.modify_creation(directory, workspace_creation_properties)
    return {}


@operation("ModifyWorkspaceAccessProperties")
def modify_workspace_access_properties(
    backend: WorkspacesBackend, *, resource_id: str, workspace_access_properties: Mapping[str, Any]
) -> Result:
    """Which client device types may connect, and PrivateLink streaming endpoints."""
    rules.modify_access(rules.settable_directory(backend, resource_id), workspace_access_properties)
    return {}


@operation("ModifySelfservicePermissions")
def modify_selfservice_permissions(
    backend: WorkspacesBackend, *, resource_id: str, selfservice_permissions: Mapping[str, Any]
) -> Result:
    """What users may do to their own WorkSpaces from the client."""
    rules.modify_selfservice(rules.settable_directory(backend, resource_id), selfservice_permissions)
    return {}


@operation("ModifySamlProperties")
def modify_saml_properties(
    backend: WorkspacesBackend,
    *,
    resource_id: str,
    saml_properties: Optional[Mapping[str, Any]] = None,
    properties_to_delete: Optional[list[str]] = None,
) -> Result:
    """SAML 2.0 authentication: set what is sent, delete what is named."""
    directory = rules.settable_directory(backend, resource_id)
    rules.modify_saml(directory, saml_properties or {}, properties_to_delete or [])
    return {}


@operation("ModifyCertificateBasedAuthProperties")
def modify_certificate_based_auth_properties(
    backend: WorkspacesBackend,
    *,
    resource_id: str,
    certificate_based_auth_properties: Optional[Mapping[str, Any]] = None,
    properties_to_delete: Optional[list[str]] = None,
) -> Result:
    """Certificate-based authentication (needs SAML enabled): set what is sent, delete what is named."""
    directory = rules.settable_directory(backend, resource_id)
    rules.modify_certificate_auth(
        directory, certificate_based_auth_properties or {}, properties_to_delete or []
    )
    return {}


@operation("ModifyStreamingProperties")
def modify_streaming_properties(
    backend: WorkspacesBackend, *, resource_id: str, streaming_properties: Optional[Mapping[str, Any]] = None
) -> Result:
    """Streaming settings; each member sent replaces the stored one."""
    rules.modify_streaming(rules.settable_directory(backend, resource_id), streaming_properties or {})
    return {}


@operation("ModifyEndpointEncryptionMode")
def modify_endpoint_encryption_mode(
    backend: WorkspacesBackend, *, directory_id: str, endpoint_encryption_mode: str
) -> Result:
    """Standard TLS or FIPS 140-2 validated endpoints, for a directory without WorkSpaces."""
    directory = rules.settable_directory(backend, directory_id)
    rules.modify_encryption(backend, directory, endpoint_encryption_mode)
    return {}


@operation("ModifyClientProperties")
def modify_client_properties(
    backend: WorkspacesBackend, *, resource_id: str, client_properties: Mapping[str, Any]
) -> Result:
    """Client behaviour (reconnect, log upload), shown by DescribeClientProperties only."""
    rules.patch(rules.settable_directory(backend, resource_id).client_properties, client_properties)
    return {}


@operation("DescribeClientProperties")
def describe_client_properties(backend: WorkspacesBackend, *, resource_ids: list[str]) -> Result:
    """Client properties of each directory, in request order (duplicates once); any unknown id fails all."""
    found = []
    for resource_id in dict.fromkeys(resource_ids):
        directory = require_directory(backend, resource_id)
        if directory.state != "REGISTERED":
            raise InvalidParameterValuesException(f"The directory {resource_id} is {directory.state}.")
        found.append({"ResourceId": resource_id, "ClientProperties": directory.client_properties})
    return {"ClientPropertiesList": found}
