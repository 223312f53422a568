"""A small, varied world for the fuzzers to aim at, arranged through the backend's public ``add_*`` API
and, for association rows, through the API itself (there is no arrange shortcut for a deployment)."""

from __future__ import annotations

from typing import Any, Optional

from workspaces_fake import WorkspacesBackend
from workspaces_fake._dispatch import HANDLERS
from workspaces_fake._store import Store

OFFICE_PRO = "Microsoft Office LTSC Professional Plus 2021"
OFFICE_STD = "Microsoft Office LTSC Standard 2021"
VISIO_PRO = "Microsoft Visio LTSC Professional 2021"
PROJECT_PRO = "Microsoft Project Professional 2021"
VS_PRO = "Microsoft Visual Studio Professional 2022"
OFFICE_2019 = "Microsoft Office 2019"

_ROW_OPS = (
    "AssociateWorkspaceApplication",
    "DeployWorkspaceApplications",
    "DisassociateWorkspaceApplication",
)


def arrange(backend: WorkspacesBackend, client: Optional[Any] = None) -> dict[str, str]:
    """Populate ``backend``: WorkSpaces in several states and systems, an own image and bundle with an
    application preinstalled, and (when ``client`` is given) association rows in several states.

    Returns the ids it made, by role (``"windows"``, ``"stopped"``, ``"linux"``, ...).
    """
    made: dict[str, str] = {}
    if not hasattr(backend, "add_workspace"):
        return made
    made["windows"] = backend.add_workspace().workspace_id
    made["stopped"] = backend.add_workspace(state="STOPPED").workspace_id
    made["value"] = backend.add_workspace(compute_type_name="VALUE").workspace_id
    made["broken"] = backend.add_workspace(state="ERROR").workspace_id
    made["linux"] = backend.add_workspace(bundle_id=bundle_running(backend, "AMAZON_LINUX_2")).workspace_id
    image = backend.add_image("fuzz-image", applications=[app_id(backend, OFFICE_2019)])
    made["image"] = image.image_id
    made["bundle"] = backend.add_bundle("fuzz-bundle", image_id=image.image_id).bundle_id
    arrange_access(backend, made)
    if client is not None and all(op in HANDLERS for op in _ROW_OPS):
        _arrange_rows(backend, client, made)
    return made


def _arrange_rows(backend: WorkspacesBackend, client: Any, made: dict[str, str]) -> None:
    """COMPLETED, PENDING_INSTALL_DEPLOYMENT, PENDING_UNINSTALL_DEPLOYMENT and ERROR rows."""
    windows, stopped = made["windows"], made["stopped"]
    for name in (OFFICE_PRO, PROJECT_PRO):
        client.associate_workspace_application(WorkspaceId=windows, ApplicationId=app_id(backend, name))
    client.deploy_workspace_applications(WorkspaceId=windows)
    backend.settle()
    client.disassociate_workspace_application(WorkspaceId=windows, ApplicationId=app_id(backend, PROJECT_PRO))
    client.associate_workspace_application(WorkspaceId=windows, ApplicationId=app_id(backend, VISIO_PRO))
    client.associate_workspace_application(WorkspaceId=stopped, ApplicationId=app_id(backend, VS_PRO))
    client.deploy_workspace_applications(WorkspaceId=stopped)  # a STOPPED WorkSpace: the job fails
    backend.settle()


def app_id(backend: WorkspacesBackend, name: str) -> str:
    """The id of the catalog application called ``name``."""
    for app in backend.applications.values_unobserved():
        if app.name == name:
            return str(app.application_id)
    raise KeyError(name)


def bundle_running(backend: WorkspacesBackend, operating_system: str) -> str:
    """The id of a public bundle of this operating system."""
    for bundle in backend.bundles.values_unobserved():
        if getattr(bundle, "operating_system_name", None) == operating_system:
            return str(bundle.bundle_id)
    raise KeyError(operating_system)


def bundle_with(backend: WorkspacesBackend, words: str) -> str:
    """The id of a public bundle whose name contains ``words``."""
    for bundle in backend.bundles.values_unobserved():
        if words in (getattr(bundle, "name", "") or ""):
            return str(bundle.bundle_id)
    raise KeyError(words)


def known_ids(backend: WorkspacesBackend) -> list[str]:
    """Every resource id the world holds (the seeded catalog and bundles included), sorted."""
    found: set[str] = set()
    for value in vars(backend).values():
        if isinstance(value, Store):
            found.update(value.ids())
    return sorted(found)


def arrange_access(backend: WorkspacesBackend, made: dict[str, str]) -> None:
    """A directory with an IP group and an associated connection alias, a free group, a shared alias."""
    if not hasattr(backend, "add_ip_group"):
        return
    directory = backend.add_directory().directory_id
    made["directory"] = directory
    made["ip_group"] = backend.add_ip_group(
        "fuzz-group", rules=["10.0.0.0/16"], directories=[directory]
    ).group_id
    made["free_ip_group"] = backend.add_ip_group("fuzz-free").group_id
    made["alias"] = backend.add_connection_alias("fuzz.example.com", directory_id=directory).alias_id
    made["shared_alias"] = backend.add_connection_alias(
        "shared.example.com", shared_with="210987654321"
    ).alias_id
