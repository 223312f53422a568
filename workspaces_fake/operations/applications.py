"""Handlers for Manage applications: associate, disassociate, deploy, and the five Describe calls.

The rules live in the models (:mod:`..models.applications.deployment` for the state machine and the WorkSpace
preconditions, :mod:`..models.applications.model` for rows derived from bundles and images); each handler
checks in the order the spec gives (1.7) and answers frozen views of the rows it touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .. import errors
from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..models.applications.association import BUNDLE, IMAGE, WORKSPACE, Association
from ..models.applications.deployment import (
    associate,
    check_compatible,
    deploy,
    disassociate,
    require_changeable,
    require_workspace,
)
from ..models.applications.model import Application, bundle_rows, image_rows, sync_all


def _require_application(backend: WorkspacesBackend, application_id: str) -> Application:
    app = backend.applications.peek(application_id)
    if app is None or app.owner not in ("AMAZON", backend.account_id):
        raise errors.ResourceNotFoundException(
            f"The application {application_id} could not be found.", resource_id=application_id
        )
    return app


def _require_types(types: list[str]) -> None:
    if not types:
        raise errors.InvalidParameterValuesException(
            "AssociatedResourceTypes must name at least one resource type."
        )


@operation("AssociateWorkspaceApplication")
def associate_workspace_application(
    backend: WorkspacesBackend, *, workspace_id: str, application_id: str
) -> Result:
    """T1: the row starts in PENDING_INSTALL_DEPLOYMENT and waits for a deployment."""
    workspace = require_workspace(backend, workspace_id)
    app = _require_application(backend, application_id)
    require_changeable(workspace, windows_only=False)
    check_compatible(workspace, app)
    return {"Association": associate(backend, workspace, app).for_resource()}


@operation("DisassociateWorkspaceApplication")
def disassociate_workspace_application(
    backend: WorkspacesBackend, *, workspace_id: str, application_id: str
) -> Result:
    """T3-T8: removed at once if never installed, else marked for an uninstall deployment."""
    workspace = require_workspace(backend, workspace_id)
    _require_application(backend, application_id)
    require_changeable(workspace)
    return {"Association": disassociate(backend, workspace_id, application_id).for_resource()}


@operation("DeployWorkspaceApplications")
def deploy_workspace_applications(
    backend: WorkspacesBackend, *, workspace_id: str, force: Optional[bool] = None
) -> Result:
    """T10-T12: the pending rows (and failed ones with Force) start installing or uninstalling."""
    workspace = require_workspace(backend, workspace_id)
    require_changeable(workspace)
    moved = deploy(backend, workspace_id, bool(force))
    return {"Deployment": {"Associations": [row.for_resource() for row in moved]}}


def _listed(values: Optional[list[str]]) -> Optional[list[str]]:
    """A list filter in canonical form; an empty list filters nothing, like an absent one."""
    return sorted(set(values)) if values else None


def _application_filters(
    application_ids: Optional[list[str]],
    compute_type_names: Optional[list[str]],
    license_type: Optional[str],
    operating_system_names: Optional[list[str]],
    owner: Optional[str],
) -> dict[str, Any]:
    given = {
        "ApplicationIds": _listed(application_ids),
        "ComputeTypeNames": _listed(compute_type_names),
        "LicenseType": license_type,
        "OperatingSystemNames": _listed(operating_system_names),
        "Owner": owner,
    }
    return {key: value for key, value in given.items() if value is not None}


def _matches(app: Application, filters: Mapping[str, Any]) -> bool:
    """Filters are ANDed; a list filter matches when the application supports any listed value."""
    if not filters:
        return True  # the usual, unfiltered listing: no checks to build per application
    checks = (
        ("ApplicationIds", lambda wanted: app.application_id in wanted),
        ("ComputeTypeNames", lambda wanted: not set(wanted).isdisjoint(app.supported_compute_type_names)),
        (
            "OperatingSystemNames",
            lambda wanted: not set(wanted).isdisjoint(app.supported_operating_system_names),
        ),
        ("LicenseType", lambda wanted: app.license_type == wanted),
        ("Owner", lambda wanted: app.owner == wanted),
    )
    return all(check(filters[key]) for key, check in checks if key in filters)


@operation("DescribeApplications")
def describe_applications(
    backend: WorkspacesBackend,
    *,
    application_ids: Optional[list[str]] = None,
    compute_type_names: Optional[list[str]] = None,
    license_type: Optional[str] = None,
    operating_system_names: Optional[list[str]] = None,
    owner: Optional[str] = None,
    max_results: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """The catalog visible to the caller (Amazon's and its own), filtered, in catalog order."""
    if owner is not None and owner not in ("AMAZON", backend.account_id):
        raise errors.ResourceNotFoundException(
            f"The applications of owner {owner} could not be found.", resource_id=owner
        )
    filters = _application_filters(
        application_ids, compute_type_names, license_type, operating_system_names, owner
    )
    visible = ("AMAZON", backend.account_id)
    apps = (
        a for a in backend.applications.values_unobserved() if a.owner in visible and _matches(a, filters)
    )
    page, token = backend.paginator.page(
        apps, operation="DescribeApplications", filters=filters, limit=max_results, token=next_token
    )
    return {"Applications": page, "NextToken": token}


def _still_there(backend: WorkspacesBackend, row: Association) -> bool:
    """Rows of bundles and images deleted without a hook are skipped rather than listed, and so are the
    rows of a TERMINATED WorkSpace, which DescribeWorkspaceAssociations no longer shows either (T19)."""
    if row.resource_type == BUNDLE:
        return row.resource_id in backend.bundles
    if row.resource_type == IMAGE:
        return row.resource_id in backend.images
    workspace = backend.workspaces.peek(row.resource_id)
    return workspace is not None and workspace.state != "TERMINATED"


@operation("DescribeApplicationAssociations")
def describe_application_associations(
    backend: WorkspacesBackend,
    *,
    application_id: str,
    associated_resource_types: list[str],
    max_results: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """The application's rows with the requested kinds of resource, by Created then resource id."""
    _require_types(associated_resource_types)
    _require_application(backend, application_id)
    types = sorted(set(associated_resource_types))
    if types != [WORKSPACE]:
        sync_all(backend)
    rows = backend.associations.rows_of_application(application_id, types)
    page, token = backend.paginator.page(
        (row for row in rows if _still_there(backend, row)),
        operation="DescribeApplicationAssociations",
        filters={"ApplicationId": application_id, "AssociatedResourceTypes": types},
        limit=max_results,
        token=next_token,
    )
    return {"Associations": [row.for_application() for row in page], "NextToken": token}


@operation("DescribeWorkspaceAssociations")
def describe_workspace_associations(
    backend: WorkspacesBackend, *, workspace_id: str, associated_resource_types: list[str]
) -> Result:
    """Every application row of the WorkSpace, REMOVED ones included, oldest first."""
    _require_types(associated_resource_types)
    require_workspace(backend, workspace_id)
    rows = backend.associations.rows(WORKSPACE, workspace_id)
    return {"Associations": [row.for_resource() for row in rows]}


@operation("DescribeBundleAssociations")
def describe_bundle_associations(
    backend: WorkspacesBackend, *, bundle_id: str, associated_resource_types: list[str]
) -> Result:
    """The applications of the bundle's image, as the bundle carries them."""
    _require_types(associated_resource_types)
    backend.bundles.require(bundle_id)
    return {"Associations": [row.for_resource() for row in bundle_rows(backend, bundle_id)]}


@operation("DescribeImageAssociations")
def describe_image_associations(
    backend: WorkspacesBackend, *, image_id: str, associated_resource_types: list[str]
) -> Result:
    """The applications installed in the image."""
    _require_types(associated_resource_types)
    backend.images.require(image_id)
    return {"Associations": [row.for_resource() for row in image_rows(backend, image_id)]}
