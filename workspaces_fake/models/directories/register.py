"""RegisterWorkspaceDirectory's variants and rules: which members go together, checked in the spec's order.

Four variants share the operation (spec lifecycle-directories-branding §3.4):

* a Directory Service directory: ``DirectoryId=d-...``, answered with the same id;
* WorkSpaces Pools: no DirectoryId, ``WorkspaceType=POOLS``, ``UserIdentityType=CUSTOMER_MANAGED``, a name and
  a description, optionally ``ActiveDirectoryConfig`` (domain-joined pools);
* IAM Identity Center (custom IdP) and Microsoft Entra ID, for WorkSpaces Personal: no DirectoryId,
  ``UserIdentityType=AWS_IAM_IDENTITY_CENTER``, ``IdcInstanceArn``, a name, and for Entra
  ``MicrosoftEntraConfig``.

The three managed variants get a new ``wsd-`` id. Member combinations outside these are
InvalidParameterValuesException [A] (the combinations Terraform refuses, and a few it does not reach).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from ...errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    ResourceAlreadyExistsException,
    ResourceLimitExceededException,
    WorkspacesDefaultRoleNotFoundException,
)
from .from_moto import NOT_ACTIVE, DsDirectory, apply, check_active, check_subnets, lookup
from .model import Directory, SelfservicePermissions, new_directory

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


@dataclass(frozen=True)
class Registration:
    """The members of one RegisterWorkspaceDirectory request (tags aside), as sent."""

    directory_id: Optional[str] = None
    subnet_ids: Optional[list[str]] = None
    enable_self_service: Optional[bool] = None
    tenancy: Optional[str] = None
    workspace_directory_name: Optional[str] = None
    workspace_directory_description: Optional[str] = None
    user_identity_type: Optional[str] = None
    idc_instance_arn: Optional[str] = None
    microsoft_entra_config: Optional[Mapping[str, Any]] = None
    workspace_type: Optional[str] = None
    active_directory_config: Optional[Mapping[str, Any]] = None

    @property
    def is_pools(self) -> bool:
        """A WorkSpaces Pools directory."""
        return self.workspace_type == "POOLS"


def _invalid(message: str) -> InvalidParameterValuesException:
    return InvalidParameterValuesException(message)


def check_variant(request: Registration) -> None:
    """InvalidParameterValuesException when the members do not make one of the four variants."""
    if request.subnet_ids is not None and len(request.subnet_ids) != 2:
        raise _invalid("SubnetIds must name two subnets in different Availability Zones.")
    if request.directory_id is not None:
        _check_directory_service(request)
    elif request.is_pools:
        _check_pools(request)
    else:
        _check_identity_center(request)


def _check_directory_service(request: Registration) -> None:
    if not str(request.directory_id).startswith("d-"):
        raise _invalid("A WorkSpaces-managed directory id (wsd-) cannot be registered; omit DirectoryId.")
    managed_only = {
        "WorkspaceType=POOLS": request.is_pools,
        "WorkspaceDirectoryName": request.workspace_directory_name is not None,
        "WorkspaceDirectoryDescription": request.workspace_directory_description is not None,
        "IdcInstanceArn": request.idc_instance_arn is not None,
        "MicrosoftEntraConfig": request.microsoft_entra_config is not None,
        "ActiveDirectoryConfig": request.active_directory_config is not None,
        "UserIdentityType": request.user_identity_type not in (None, "AWS_DIRECTORY_SERVICE"),
    }
    for member, given in managed_only.items():
        if given:
            raise _invalid(f"{member} cannot be used with a Directory Service directory (DirectoryId).")


def _check_pools(request: Registration) -> None:
    if request.workspace_directory_name is None or request.workspace_directory_description is None:
        raise _invalid(
            "A WorkSpaces Pools directory needs WorkspaceDirectoryName and WorkspaceDirectoryDescription."
        )
    if request.user_identity_type not in (None, "CUSTOMER_MANAGED"):
        raise _invalid("A WorkSpaces Pools directory needs UserIdentityType CUSTOMER_MANAGED.")
    if request.enable_self_service is not None:
        raise _invalid("EnableSelfService is not supported for WorkSpaces Pools directories.")
    if request.idc_instance_arn is not None or request.microsoft_entra_config is not None:
        raise _invalid("IdcInstanceArn and MicrosoftEntraConfig are not supported for WorkSpaces Pools.")


def _check_identity_center(request: Registration) -> None:
    if request.workspace_directory_name is None:
        raise _invalid("Either DirectoryId or WorkspaceDirectoryName must be specified.")
    if request.user_identity_type != "AWS_IAM_IDENTITY_CENTER" or request.idc_instance_arn is None:
        raise _invalid(
            "A WorkSpaces Personal directory without DirectoryId needs UserIdentityType "
            "AWS_IAM_IDENTITY_CENTER and IdcInstanceArn."
        )
    if request.active_directory_config is not None:
        raise _invalid("ActiveDirectoryConfig is supported only for WorkSpaces Pools directories.")


def check_account(backend: WorkspacesBackend, request: Registration) -> Optional[DsDirectory]:
    """The checks after the members' own: the default role, the id's registration, the quota.

    With moto's mock active (the bridge), also the directory in moto's Directory Service and its subnets in
    moto's EC2, in the spec's order; returns what Directory Service said (None without the bridge).
    """
    if not backend.settings.default_role_exists:
        raise WorkspacesDefaultRoleNotFoundException(
            "The workspaces_DefaultRole role could not be found. Create it before registering a directory."
        )
    found = lookup(backend, request.directory_id)
    existing = backend.directories.peek(request.directory_id or "")
    if existing is not None and existing.state != "DEREGISTERING":
        raise ResourceAlreadyExistsException(f"The directory {existing.directory_id} is already registered.")
    if existing is not None:
        raise InvalidResourceStateException(NOT_ACTIVE)
    check_active(found)
    quota = backend.settings.directory_quota
    if quota is not None and len(backend.directories) >= quota:
        raise ResourceLimitExceededException(
            f"You have reached the limit of {quota} directories registered with WorkSpaces in this Region."
        )
    if found is not None:
        check_subnets(backend, found, request.subnet_ids or found.subnet_ids)
    return found


def build_directory(
    backend: WorkspacesBackend, request: Registration, found: Optional[DsDirectory] = None
) -> Directory:
    """The directory the request registers, with the defaults of its variant (not stored yet).

    ``found``: what moto's Directory Service said about it (the bridge), whose values it takes.
    """
    if request.directory_id is not None:
        subnet_ids = request.subnet_ids or (found.subnet_ids if found is not None else None)
        directory = new_directory(backend, request.directory_id, subnet_ids=subnet_ids)
        if found is not None:
            apply(backend, directory, found)
    else:
        directory = managed_directory(
            backend,
            workspace_type=request.workspace_type or "PERSONAL",
            name=str(request.workspace_directory_name),
            subnet_ids=request.subnet_ids,
            active_directory_config=request.active_directory_config,
        )
        directory.workspace_directory_description = request.workspace_directory_description
        if request.idc_instance_arn is not None:
            directory.idc_config = idc_config(backend, request.idc_instance_arn)
        if request.microsoft_entra_config is not None:
            directory.microsoft_entra_config = dict(request.microsoft_entra_config)
    directory.tenancy = request.tenancy or directory.tenancy
    if request.enable_self_service:
        directory.selfservice_permissions = SelfservicePermissions.all_enabled()
    return directory


def managed_directory(
    backend: WorkspacesBackend,
    *,
    workspace_type: str,
    name: str,
    subnet_ids: Optional[list[str]] = None,
    active_directory_config: Optional[Mapping[str, Any]] = None,
) -> Directory:
    """A ``wsd-`` directory: Pools (CUSTOMER_MANAGED) or Personal through IAM Identity Center [A].

    Without Active Directory it has no DNS servers, no service account and no DirectoryName of its own
    (the name is the WorkspaceDirectoryName); a Pools directory has no self-service permissions.
    """
    directory = new_directory(backend, backend.ids.mint("wsd", 9), directory_name=name, subnet_ids=subnet_ids)
    identity = "CUSTOMER_MANAGED" if workspace_type == "POOLS" else "AWS_IAM_IDENTITY_CENTER"
    directory.workspace_type = workspace_type
    directory.user_identity_type = directory.directory_type = identity
    directory.workspace_directory_name = name
    directory.alias = directory.directory_id
    if active_directory_config is not None:
        directory.active_directory_config = dict(active_directory_config)
        directory.directory_name = str(active_directory_config["DomainName"])
    else:
        directory.dns_ip_addresses = None
        directory.customer_user_name = None
    if workspace_type == "POOLS":
        directory.selfservice_permissions = None
    return directory


def idc_config(backend: WorkspacesBackend, instance_arn: str) -> dict[str, str]:
    """``IDCConfig``: the instance, and the application WorkSpaces registers in it [A]."""
    suffix = instance_arn.rsplit("/", 1)[-1]
    application = f"arn:aws:sso::{backend.account_id}:application/{suffix}/apl-{backend.ids.hex('x', 16)[2:]}"
    return {"InstanceArn": instance_arn, "ApplicationArn": application}
