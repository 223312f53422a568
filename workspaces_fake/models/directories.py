"""Directories registered with WorkSpaces: the model, its nested settings, its lifecycle, its arrange helper.

Registration takes an existing Directory Service directory (``d-...``); the fake has no Directory Service,
so any well-formed id can be registered and is described with plausible values (subnets, DNS servers,
a registration code, the default IAM role). Nested settings are small dataclasses whose attribute names
are ``xform_name`` of the API members, like every model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Optional

from ..lifecycle import Step, Table, minutes
from ._arrange import arrange
from .tags import add_tags

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

NEVER = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""Placeholder ``state_since`` until the lifecycle engine first sets it."""

GONE = "GONE"

REGISTRATION_PREFIXES = {
    "us-east-1": "SLiad",
    "us-west-2": "WSpdx",
    "eu-west-1": "WSdub",
    "eu-central-1": "WSfra",
    "eu-west-2": "WSlhr",
    "ap-southeast-1": "WSsin",
    "ap-southeast-2": "WSsyd",
    "ap-northeast-1": "WSnrt",
    "ca-central-1": "WSyul",
}
"""Registration codes start with a region tag (``SLiad+...`` in us-east-1, ``WSpdx+...`` in us-west-2)."""


@dataclass
class WorkspaceCreationProperties:
    """API shape ``DefaultWorkspaceCreationProperties``."""

    enable_internet_access: bool = False
    user_enabled_as_local_administrator: bool = True
    enable_maintenance_mode: bool = True
    default_ou: Optional[str] = None
    custom_security_group_id: Optional[str] = None
    instance_iam_role_arn: Optional[str] = None


@dataclass
class WorkspaceAccessProperties:
    """API shape ``WorkspaceAccessProperties`` with the console's defaults for a new directory."""

    device_type_windows: str = "ALLOW"
    device_type_osx: str = "ALLOW"
    device_type_web: str = "DENY"
    device_type_ios: str = "ALLOW"
    device_type_android: str = "ALLOW"
    device_type_chrome_os: str = "ALLOW"
    device_type_zero_client: str = "ALLOW"
    device_type_linux: str = "ALLOW"
    device_type_work_spaces_thin_client: str = "DENY"


@dataclass
class SelfservicePermissions:
    """API shape ``SelfservicePermissions``; ``EnableSelfService`` turns all of them on."""

    restart_workspace: str = "ENABLED"
    increase_volume_size: str = "DISABLED"
    change_compute_type: str = "DISABLED"
    switch_running_mode: str = "DISABLED"
    rebuild_workspace: str = "DISABLED"

    @classmethod
    def all_enabled(cls) -> SelfservicePermissions:
        """Every self-service action allowed."""
        return cls("ENABLED", "ENABLED", "ENABLED", "ENABLED", "ENABLED")


@dataclass
class StatusOnly:
    """``SamlProperties`` / ``CertificateBasedAuthProperties`` of a directory that uses neither."""

    status: str = "DISABLED"


@dataclass
class Directory:
    """API shape ``WorkspaceDirectory``."""

    directory_id: str
    directory_name: str
    alias: str
    registration_code: str
    subnet_ids: list[str]
    dns_ip_addresses: list[str]
    iam_role_id: str
    workspace_security_group_id: str
    directory_type: str = "SIMPLE_AD"
    customer_user_name: str = "Administrator"
    tenancy: str = "SHARED"
    state: str = ""
    state_since: datetime = NEVER
    workspace_type: str = "PERSONAL"
    user_identity_type: str = "AWS_DIRECTORY_SERVICE"
    workspace_directory_name: Optional[str] = None
    workspace_directory_description: Optional[str] = None
    ip_group_ids: list[str] = field(default_factory=list)
    workspace_creation_properties: WorkspaceCreationProperties = field(
        default_factory=WorkspaceCreationProperties
    )
    workspace_access_properties: WorkspaceAccessProperties = field(default_factory=WorkspaceAccessProperties)
    selfservice_permissions: SelfservicePermissions = field(default_factory=SelfservicePermissions)
    saml_properties: StatusOnly = field(default_factory=StatusOnly)
    certificate_based_auth_properties: StatusOnly = field(default_factory=StatusOnly)


def new_directory(
    backend: WorkspacesBackend,
    directory_id: str,
    *,
    directory_name: str = "corp.example.com",
    alias: Optional[str] = None,
    subnet_ids: Optional[list[str]] = None,
) -> Directory:
    """A directory described with plausible values; the caller puts it into its first state."""
    ids = backend.ids
    code = REGISTRATION_PREFIXES.get(backend.region_name, "WSreg") + "+" + ids.mint("x", 6)[2:].upper()
    subnets = list(subnet_ids) if subnet_ids else [ids.hex("subnet", 17), ids.hex("subnet", 17)]
    return Directory(
        directory_id=directory_id,
        directory_name=directory_name,
        alias=alias or directory_id,
        registration_code=code,
        subnet_ids=subnets,
        dns_ip_addresses=["10.0.0.10", "10.1.0.10"],
        iam_role_id=f"arn:aws:iam::{backend.account_id}:role/workspaces_DefaultRole",
        workspace_security_group_id=ids.hex("sg", 17),
    )


def _entered(backend: WorkspacesBackend, directory: Directory, state: str, at: datetime) -> None:
    if state == GONE:
        directory.state = "DEREGISTERED"
        backend.directories.remove(directory.directory_id)
        backend.tags.pop(directory.directory_id, None)


DIRECTORY = Table(
    "directory",
    steps={
        "REGISTERING": Step("REGISTERED", minutes(3)),
        "DEREGISTERING": Step(GONE, minutes(3)),
    },
    on_enter=_entered,
)
"""REGISTERING -> REGISTERED in 3 minutes; DEREGISTERING for 3 minutes, then the directory is gone (a
held reference reads DEREGISTERED)."""


@arrange("WorkspaceDirectory")
def add_directory(
    backend: WorkspacesBackend,
    directory_id: Optional[str] = None,
    *,
    directory_name: str = "corp.example.com",
    alias: Optional[str] = None,
    directory_type: str = "SIMPLE_AD",
    subnet_ids: Optional[list[str]] = None,
    tags: Optional[Mapping[str, str]] = None,
    workspace_type: str = "PERSONAL",
) -> Directory:
    """A directory registered with WorkSpaces and already REGISTERED (a fresh ``d-`` id by default).

    ``workspace_type="POOLS"``: a WorkSpaces Pools directory, ``wsd-`` id, users managed by the customer.
    """
    pools = workspace_type == "POOLS"
    directory = new_directory(
        backend,
        directory_id or (backend.ids.mint("wsd", 9) if pools else backend.ids.hex("d", 10)),
        directory_name=directory_name,
        alias=alias,
        subnet_ids=subnet_ids,
    )
    directory.directory_type = directory_type
    directory.workspace_type = workspace_type
    if pools:
        directory.user_identity_type = "CUSTOMER_MANAGED"
    backend.directories.put(directory.directory_id, directory)
    add_tags(backend, directory.directory_id, tags or {})
    backend.lifecycle.enter(directory, DIRECTORY, "REGISTERED")
    return directory
