"""Directories registered with WorkSpaces: the model, its nested settings and its lifecycle.

Registration takes an existing Directory Service directory (``d-...``) or creates a WorkSpaces-managed one
(``wsd-...``, for IAM Identity Center, Microsoft Entra ID or WorkSpaces Pools); the fake has no Directory
Service, so any well-formed ``d-`` id can be registered and is described with plausible values (subnets,
DNS servers, a registration code, the default IAM role). Nested settings are small dataclasses whose
attribute names are ``xform_name`` of the API members, like every model; the settings whose shapes are
lists of structures (streaming, access endpoints) are kept as the API-keyed dicts the request carried.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Optional

from ...errors import ResourceNotFoundException
from ...lifecycle import NEVER, Step, Table, minutes

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


GONE = "GONE"

NOT_FOUND = (
    "The specified directory could not be found. Confirm that the directory exists in your AWS account "
    "and that you own the directory."
)
"""The service's words for an unknown directory (recorded from DeregisterWorkspaceDirectory), used by every
directory-scoped operation."""

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
    """API shape ``DefaultWorkspaceCreationProperties``: what WorkSpaces created afterwards start with."""

    enable_internet_access: bool = False
    user_enabled_as_local_administrator: bool = True
    enable_maintenance_mode: bool = True
    default_ou: Optional[str] = None
    custom_security_group_id: Optional[str] = None
    instance_iam_role_arn: Optional[str] = None


@dataclass
class WorkspaceAccessProperties:
    """API shape ``WorkspaceAccessProperties`` with the defaults AWS gives a new directory (Web, Linux and
    thin clients denied)."""

    device_type_windows: str = "ALLOW"
    device_type_osx: str = "ALLOW"
    device_type_web: str = "DENY"
    device_type_ios: str = "ALLOW"
    device_type_android: str = "ALLOW"
    device_type_chrome_os: str = "ALLOW"
    device_type_zero_client: str = "ALLOW"
    device_type_linux: str = "DENY"
    device_type_work_spaces_thin_client: str = "DENY"
    access_endpoint_config: Optional[dict[str, Any]] = None


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


DEFAULT_RELAY_STATE = "RelayState"


@dataclass
class SamlProperties:
    """API shape ``SamlProperties``; the relay-state parameter is ``RelayState`` until changed."""

    status: str = "DISABLED"
    user_access_url: Optional[str] = None
    relay_state_parameter_name: Optional[str] = DEFAULT_RELAY_STATE


@dataclass
class CertificateBasedAuthProperties:
    """API shape ``CertificateBasedAuthProperties``; the CA ARN stays when disabled, until deleted."""

    status: str = "DISABLED"
    certificate_authority_arn: Optional[str] = None


@dataclass
class ClientProperties:
    """API shape ``ClientProperties``: shown by DescribeClientProperties, not in the directory."""

    reconnect_enabled: str = "ENABLED"
    log_upload_enabled: str = "ENABLED"
    client_experience_policy: Optional[str] = None


@dataclass
class Directory:
    """API shape ``WorkspaceDirectory``, plus the state other operations keep per directory."""

    directory_id: str
    directory_name: str
    alias: str
    registration_code: str
    subnet_ids: list[str]
    dns_ip_addresses: Optional[list[str]]
    iam_role_id: str
    workspace_security_group_id: str
    directory_type: str = "SIMPLE_AD"
    customer_user_name: Optional[str] = "Administrator"
    tenancy: str = "SHARED"
    state: str = ""
    state_since: datetime = NEVER
    workspace_type: str = "PERSONAL"
    user_identity_type: str = "AWS_DIRECTORY_SERVICE"
    workspace_directory_name: Optional[str] = None
    workspace_directory_description: Optional[str] = None
    ip_group_ids: Optional[list[str]] = None
    """Set by the IP groups family (models/ip_groups.py); None while empty, so ``ipGroupIds`` is absent."""
    workspace_creation_properties: WorkspaceCreationProperties = field(
        default_factory=WorkspaceCreationProperties
    )
    workspace_access_properties: WorkspaceAccessProperties = field(default_factory=WorkspaceAccessProperties)
    selfservice_permissions: Optional[SelfservicePermissions] = field(default_factory=SelfservicePermissions)
    saml_properties: SamlProperties = field(default_factory=SamlProperties)
    certificate_based_auth_properties: CertificateBasedAuthProperties = field(
        default_factory=CertificateBasedAuthProperties
    )
    endpoint_encryption_mode: str = "STANDARD_TLS"
    streaming_properties: Optional[dict[str, Any]] = None
    microsoft_entra_config: Optional[dict[str, Any]] = None
    idc_config: Optional[dict[str, str]] = None
    active_directory_config: Optional[dict[str, Any]] = None
    error_message: Optional[str] = None
    client_properties: ClientProperties = field(default_factory=ClientProperties)
    """Not a WorkspaceDirectory member: DescribeClientProperties shows it."""
    fails_with: Optional[str] = None
    """An arranged registration failure: REGISTERING ends in ERROR with this message."""
    attachments: dict[str, Any] = field(default_factory=dict)
    """State other families keep per directory (branding, Connect add-ins): deregistering discards it."""

    @property
    def is_managed(self) -> bool:
        """A WorkSpaces-managed (``wsd-``) directory, not one from Directory Service."""
        return self.directory_id.startswith("wsd-")

    @property
    def uses_identity_center(self) -> bool:
        """An IAM Identity Center directory (custom IdP or Microsoft Entra ID)."""
        return self.user_identity_type == "AWS_IAM_IDENTITY_CENTER"


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


def require_directory(backend: WorkspacesBackend, directory_id: str) -> Directory:
    """The registered directory, or ResourceNotFoundException in the service's words."""
    found = backend.directories.peek(directory_id)
    if found is None:
        raise ResourceNotFoundException(NOT_FOUND, resource_id=directory_id)
    return found


def _registered(backend: WorkspacesBackend, directory: Directory, at: datetime) -> str:
    """REGISTERING ends in REGISTERED, or in ERROR when a failure was arranged."""
    if directory.fails_with is not None:
        directory.error_message, directory.fails_with = directory.fails_with, None
        return "ERROR"
    return "REGISTERED"


def _entered(backend: WorkspacesBackend, directory: Directory, state: str, at: datetime) -> None:
    if state == GONE:
        directory.state = "DEREGISTERED"
        backend.directories.remove(directory.directory_id)
        backend.tags.pop(directory.directory_id, None)
        directory.attachments.clear()


DIRECTORY = Table(
    "directory",
    steps={
        "REGISTERING": Step(_registered, minutes(3)),
        "DEREGISTERING": Step(GONE, timedelta(seconds=5)),
    },
    on_enter=_entered,
)
"""REGISTERING -> REGISTERED (or ERROR when arranged) in 3 minutes; DEREGISTERING for 5 seconds, then the
directory is gone (a held reference reads DEREGISTERED)."""

HELD = Table("directory held", steps={}, on_enter=_entered)
"""A directory arranged to stay in a transitional state (``add_directory(..., stuck=True)``) whatever the
lifecycle mode: nothing moves it until it is arranged again."""
