"""The directory settings operations' rules: each request changes only what it sends.

Every Modify* operation works on a REGISTERED directory (OperationNotSupportedException otherwise, the
error all of them model [A]) and patches one nested setting. The cross-rules between settings (certificate
auth needs SAML, PrivateLink endpoints exclude FIPS and Global Accelerator, Pools features) are here too,
so each handler stays a lookup and a call. Decisions the spec marks [A] are listed in docs/behavior.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Optional

from botocore import xform_name

from ...errors import (
    InvalidParameterCombinationException,
    InvalidParameterValuesException,
    OperationNotSupportedException,
)
from .model import (
    DEFAULT_RELAY_STATE,
    CertificateBasedAuthProperties,
    Directory,
    SamlProperties,
    require_directory,
)

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

DEFAULT_OU = re.compile(r"^OU=[^,=]+(,OU=[^,=]+)*(,DC=[^,=]+){2,}$", re.IGNORECASE)
"""A full LDAP DN: one or more OUs, then at least two domain components (the member's documentation)."""


def settable_directory(backend: WorkspacesBackend, directory_id: str) -> Directory:
    """The directory a Modify* call changes: registered, and REGISTERED."""
    directory = require_directory(backend, directory_id)
    if directory.state != "REGISTERED":
        raise OperationNotSupportedException(
            f"The directory {directory_id} is {directory.state}; its settings can be changed only while "
            "it is REGISTERED."
        )
    return directory


def patch(target: object, members: Mapping[str, Any]) -> None:
    """Set each sent member on ``target`` (its attribute is ``xform_name`` of the member)."""
    for member, value in members.items():
        setattr(target, xform_name(member), value)


# ------------------------------------------------------------------------------------- creation properties
def modify_creation(directory: Directory, properties: Mapping[str, Any]) -> None:
    """Patch the defaults of new WorkSpaces; a DefaultOu must be a full LDAP DN [A]."""
    default_ou = properties.get("DefaultOu")
    if default_ou is not None and not DEFAULT_OU.match(default_ou):
        raise InvalidParameterValuesException(
            f"The DefaultOu {default_ou} is not valid; use the form OU=value,DC=value,DC=value."
        )
    if directory.workspace_type == "POOLS":
        _check_pools_creation(directory, properties)
    changed = dataclasses.replace(directory.workspace_creation_properties)
    patch(changed, properties)
    directory.workspace_creation_properties = changed  # a new object: WorkSpaces keep the one they got


def _check_pools_creation(directory: Directory, properties: Mapping[str, Any]) -> None:
    for member in ("EnableMaintenanceMode", "UserEnabledAsLocalAdministrator"):
        if member in properties:
            raise InvalidParameterValuesException(
                f"{member} is not supported for WorkSpaces Pools directories."
            )
    if "DefaultOu" in properties and directory.active_directory_config is None:
        raise InvalidParameterValuesException(
            "DefaultOu needs a WorkSpaces Pools directory joined to Active Directory (ActiveDirectoryConfig)."
        )


# ------------------------------------------------------------------------------------------ access
def modify_access(directory: Directory, properties: Mapping[str, Any]) -> None:
    """Patch the device types; AccessEndpointConfig (PrivateLink streaming) replaces the stored one."""
    endpoints = properties.get("AccessEndpointConfig")
    if endpoints is not None:
        _check_access_endpoints(directory, endpoints)
    patch(directory.workspace_access_properties, properties)


def _check_access_endpoints(directory: Directory, config: Mapping[str, Any]) -> None:
    if directory.workspace_type == "POOLS":
        raise OperationNotSupportedException(
            "AccessEndpointConfig is supported only for WorkSpaces Personal."
        )
    if not config.get("AccessEndpoints"):
        raise InvalidParameterValuesException("AccessEndpointConfig.AccessEndpoints must name an endpoint.")
    if directory.endpoint_encryption_mode == "FIPS_VALIDATED":
        raise InvalidParameterCombinationException(
            "AccessEndpointConfig cannot be used with the FIPS_VALIDATED endpoint encryption mode."
        )
    if _global_accelerator_mode(directory) == "ENABLED_AUTO":
        raise InvalidParameterCombinationException(
            "AccessEndpointConfig cannot be used while Global Accelerator is enabled for the directory."
        )


def _global_accelerator_mode(directory: Directory) -> Optional[str]:
    accelerator = (directory.streaming_properties or {}).get("GlobalAccelerator") or {}
    mode: Optional[str] = accelerator.get("Mode")
    return mode


# ----------------------------------------------------------------------------------------- self-service
def modify_selfservice(directory: Directory, permissions: Mapping[str, Any]) -> None:
    """Patch the self-service permissions of a WorkSpaces Personal directory."""
    if directory.selfservice_permissions is None or directory.workspace_type == "POOLS":
        raise OperationNotSupportedException(
            "Self-service permissions are not supported for WorkSpaces Pools directories."
        )
    patch(directory.selfservice_permissions, permissions)


# ----------------------------------------------------------------------------------------------- SAML
_SAML_DELETABLE = {
    "SAML_PROPERTIES_USER_ACCESS_URL": "UserAccessUrl",
    "SAML_PROPERTIES_RELAY_STATE_PARAMETER_NAME": "RelayStateParameterName",
}


def modify_saml(directory: Directory, properties: Mapping[str, Any], to_delete: Iterable[str]) -> None:
    """Patch SAML; PropertiesToDelete is the only way to remove a value (the relay-state name reverts to
    ``RelayState``). The result is checked whole before it replaces the stored properties."""
    if directory.uses_identity_center:
        raise OperationNotSupportedException("SAML 2.0 is not supported for IAM Identity Center directories.")
    deleted = {_SAML_DELETABLE[name] for name in to_delete}
    both = deleted & set(properties)
    if both:
        raise InvalidParameterValuesException(
            f"{sorted(both)[0]} cannot be both set and deleted in one request."
        )
    current = directory.saml_properties
    result = SamlProperties(current.status, current.user_access_url, current.relay_state_parameter_name)
    patch(result, properties)
    if "UserAccessUrl" in deleted:
        result.user_access_url = None
    if "RelayStateParameterName" in deleted:
        result.relay_state_parameter_name = DEFAULT_RELAY_STATE
    _check_saml(directory, result)
    directory.saml_properties = result


def _check_saml(directory: Directory, result: SamlProperties) -> None:
    if result.status != "DISABLED" and result.user_access_url is None:
        raise InvalidParameterValuesException(f"SAML status {result.status} needs a UserAccessUrl.")
    if result.status == "DISABLED" and directory.certificate_based_auth_properties.status == "ENABLED":
        raise InvalidParameterValuesException(
            "SAML cannot be disabled while certificate-based authentication is enabled; disable it first."
        )


# --------------------------------------------------------------------------------- certificate-based auth
def modify_certificate_auth(
    directory: Directory, properties: Mapping[str, Any], to_delete: Iterable[str]
) -> None:
    """Patch certificate-based authentication, which needs SAML enabled first [A]."""
    if directory.uses_identity_center:
        raise OperationNotSupportedException(
            "Certificate-based authentication is not supported for IAM Identity Center directories."
        )
    current = directory.certificate_based_auth_properties
    result = CertificateBasedAuthProperties(current.status, current.certificate_authority_arn)
    patch(result, properties)
    if "CERTIFICATE_BASED_AUTH_PROPERTIES_CERTIFICATE_AUTHORITY_ARN" in set(to_delete):
        result.certificate_authority_arn = None
    if result.status == "ENABLED" and directory.saml_properties.status == "DISABLED":
        raise OperationNotSupportedException(
            "Certificate-based authentication needs SAML 2.0 authentication enabled for the directory."
        )
    if result.status == "ENABLED" and result.certificate_authority_arn is None:
        raise InvalidParameterValuesException(
            "Certificate-based authentication needs a CertificateAuthorityArn while it is enabled."
        )
    directory.certificate_based_auth_properties = result


# ------------------------------------------------------------------------------------------- streaming
_POOLS_STREAMING = ("UserSettings", "StorageConnectors", "StreamingExperiencePreferredProtocol")


def modify_streaming(directory: Directory, properties: Mapping[str, Any]) -> None:
    """Each member sent replaces the stored one (lists whole); the Pools-only and Personal-only parts [A]."""
    pools = directory.workspace_type == "POOLS"
    for member in _POOLS_STREAMING:
        if member in properties and not pools:
            raise OperationNotSupportedException(
                f"{member} is supported only for WorkSpaces Pools directories."
            )
    if "GlobalAccelerator" in properties:
        _check_global_accelerator(directory, properties["GlobalAccelerator"])
    _check_unique(properties.get("UserSettings") or [], "Action")
    _check_unique(properties.get("StorageConnectors") or [], "ConnectorType")
    for setting in properties.get("UserSettings") or []:
        if "MaximumLength" in setting and not str(setting["Action"]).startswith("CLIPBOARD_"):
            raise InvalidParameterValuesException(
                f"MaximumLength applies only to clipboard actions, not to {setting['Action']}."
            )
    directory.streaming_properties = {**(directory.streaming_properties or {}), **properties}


def _check_global_accelerator(directory: Directory, accelerator: Mapping[str, Any]) -> None:
    if directory.workspace_type == "POOLS":
        raise OperationNotSupportedException("GlobalAccelerator is supported only for WorkSpaces Personal.")
    if (
        accelerator.get("Mode") == "ENABLED_AUTO"
        and directory.workspace_access_properties.access_endpoint_config
    ):
        raise InvalidParameterValuesException(
            "Global Accelerator cannot be enabled while the directory streams through a VPC endpoint "
            "(AccessEndpointConfig)."
        )


def _check_unique(items: Iterable[Mapping[str, Any]], key: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item[key] in seen:
            raise InvalidParameterValuesException(f"The {key} {item[key]} appears more than once.")
        seen.add(item[key])


# ---------------------------------------------------------------------------------- endpoint encryption
def modify_encryption(backend: WorkspacesBackend, directory: Directory, mode: str) -> None:
    """Change the endpoint encryption mode of a directory without WorkSpaces [A] (the same mode: no-op)."""
    if mode == directory.endpoint_encryption_mode:
        return
    if next(backend.workspace_index.in_directory(directory.directory_id), None) is not None:
        raise OperationNotSupportedException(
            "The endpoint encryption mode can be changed only while the directory has no WorkSpaces."
        )
    if mode == "FIPS_VALIDATED" and directory.workspace_access_properties.access_endpoint_config:
        raise OperationNotSupportedException(
            "FIPS_VALIDATED cannot be used while the directory streams through a VPC endpoint "
            "(AccessEndpointConfig)."
        )
    directory.endpoint_encryption_mode = mode
