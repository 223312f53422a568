"""Handlers for client branding and Amazon Connect client add-ins, both kept per registered directory.

Neither shows up in DescribeWorkspaceDirectories: each has its own Describe operation. The rules are in
:mod:`..models.branding`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..models import branding
from ..models.branding import branded_directory


@operation("ImportClientBranding")
def import_client_branding(
    backend: WorkspacesBackend,
    *,
    resource_id: str,
    device_type_windows: Optional[Mapping[str, Any]] = None,
    device_type_osx: Optional[Mapping[str, Any]] = None,
    device_type_android: Optional[Mapping[str, Any]] = None,
    device_type_ios: Optional[Mapping[str, Any]] = None,
    device_type_linux: Optional[Mapping[str, Any]] = None,
    device_type_web: Optional[Mapping[str, Any]] = None,
) -> Result:
    """Replace the branding of the platforms sent; answer their attributes, logos as URLs."""
    sent = {
        "DeviceTypeWindows": device_type_windows,
        "DeviceTypeOsx": device_type_osx,
        "DeviceTypeAndroid": device_type_android,
        "DeviceTypeIos": device_type_ios,
        "DeviceTypeLinux": device_type_linux,
        "DeviceTypeWeb": device_type_web,
    }
    platforms = {platform: attrs for platform, attrs in sent.items() if attrs is not None}
    return branding.import_branding(backend, branded_directory(backend, resource_id), platforms)


@operation("DescribeClientBranding")
def describe_client_branding(backend: WorkspacesBackend, *, resource_id: str) -> Result:
    """Only the platforms with branding configured (a fresh directory answers ``{}``)."""
    return dict(branding.branding_of(branded_directory(backend, resource_id)))


@operation("DeleteClientBranding")
def delete_client_branding(backend: WorkspacesBackend, *, resource_id: str, platforms: list[str]) -> Result:
    """Those platforms revert to the default branding."""
    branding.delete_branding(branded_directory(backend, resource_id), platforms)
    return {}


@operation("CreateConnectClientAddIn")
def create_connect_client_add_in(
    backend: WorkspacesBackend, *, resource_id: str, name: str, url: str
) -> Result:
    """The directory's one Amazon Connect client add-in."""
    add_in = branding.create_add_in(backend, branded_directory(backend, resource_id), name, url)
    return {"AddInId": add_in.add_in_id}


@operation("DescribeConnectClientAddIns")
def describe_connect_client_add_ins(
    backend: WorkspacesBackend,
    *,
    resource_id: str,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """The directory's add-ins in creation order, 25 a page by default."""
    add_ins = branding.add_ins_of(branded_directory(backend, resource_id)).values()
    page, token = backend.paginator.page(
        add_ins,
        operation="DescribeConnectClientAddIns",
        filters={"ResourceId": resource_id},
        limit=max_results,
        token=next_token,
    )
    return {"AddIns": page, "NextToken": token}


@operation("UpdateConnectClientAddIn")
def update_connect_client_add_in(
    backend: WorkspacesBackend,
    *,
    add_in_id: str,
    resource_id: str,
    name: Optional[str] = None,
    url: Optional[str] = None,
) -> Result:
    """Replace the name and/or URL sent; neither is a no-op."""
    add_in = branding.require_add_in(branded_directory(backend, resource_id), add_in_id)
    add_in.name = name if name is not None else add_in.name
    add_in.url = url if url is not None else add_in.url
    return {}


@operation("DeleteConnectClientAddIn")
def delete_connect_client_add_in(backend: WorkspacesBackend, *, add_in_id: str, resource_id: str) -> Result:
    """Delete the add-in (an unknown id is ResourceNotFoundException: not idempotent)."""
    directory = branded_directory(backend, resource_id)
    branding.require_add_in(directory, add_in_id)
    del branding.add_ins_of(directory)[add_in_id]
    return {}
