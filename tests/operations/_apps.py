"""Names and reads shared by the application tests (a helper module, not collected by pytest)."""

from __future__ import annotations

from typing import Any

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.applications.catalog import catalog_id
from workspaces_fake.models.applications.model import Application
from workspaces_fake.models.bundles.catalog import public_bundle_id

OFFICE = catalog_id("Microsoft Office LTSC Professional Plus 2021")
OFFICE_STD = catalog_id("Microsoft Office LTSC Standard 2021")
VISIO = catalog_id("Microsoft Visio LTSC Professional 2021")
PROJECT = catalog_id("Microsoft Project Professional 2021")
VS_PRO = catalog_id("Microsoft Visual Studio Professional 2022")
VS_ENT = catalog_id("Microsoft Visual Studio Enterprise 2022")
OFFICE_2016 = catalog_id("Microsoft Office 2016")
OFFICE_2019 = catalog_id("Microsoft Office 2019")
PLUS_BUNDLE = public_bundle_id("Standard with Windows 10 and Office 2019 Pro Plus (Server 2019 based)")
UNKNOWN_WS = "ws-000000000"
UNKNOWN_APP = "wsa-000000000"


def rows(client: Any, workspace_id: str) -> list[dict[str, Any]]:
    """DescribeWorkspaceAssociations, the rows only."""
    found: list[dict[str, Any]] = client.describe_workspace_associations(
        WorkspaceId=workspace_id, AssociatedResourceTypes=["APPLICATION"]
    )["Associations"]
    return found


def states(client: Any, workspace_id: str) -> dict[str, str]:
    """Application id -> association state, for one WorkSpace."""
    return {row["AssociatedResourceId"]: row["State"] for row in rows(client, workspace_id)}


def row_of(client: Any, workspace_id: str, application_id: str) -> dict[str, Any]:
    """The WorkSpace's row for one application."""
    found = rows(client, workspace_id)
    return next(item for item in found if item["AssociatedResourceId"] == application_id)


def tool(backend: WorkspacesBackend, name: str, **options: Any) -> Application:
    """A custom application for Windows Server 2022 on STANDARD compute (options override)."""
    options.setdefault("supported_operating_system_names", ["WINDOWS_SERVER_2022"])
    options.setdefault("supported_compute_type_names", ["STANDARD"])
    return backend.add_application(name, **options)
