"""AssociateWorkspaceApplication, DisassociateWorkspaceApplication, DeployWorkspaceApplications.

The synchronous half of the state machine (spec 1.4, T1-T12) and every precondition, in the error order
of spec 1.6 and 1.7. The asynchronous half lives in test_applications_lifecycle.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from _apps import (
    OFFICE,
    OFFICE_2019,
    OFFICE_STD,
    PLUS_BUNDLE,
    PROJECT,
    UNKNOWN_APP,
    UNKNOWN_WS,
    VISIO,
    VS_PRO,
    states,
    tool,
)

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id
from workspaces_fake.models.workspaces.model import WORKSPACE


@pytest.fixture
def ws(workspaces_backend: WorkspacesBackend) -> str:
    """An AVAILABLE Windows WorkSpace (Standard, Windows 10 on Server 2022)."""
    return workspaces_backend.add_workspace().workspace_id


def _installed(client: Any, workspace_id: str, *application_ids: str) -> None:
    """Associate and deploy; the instant lifecycle completes the install by the next read."""
    for application_id in application_ids:
        client.associate_workspace_application(WorkspaceId=workspace_id, ApplicationId=application_id)
    client.deploy_workspace_applications(WorkspaceId=workspace_id)


def _in_state(backend: WorkspacesBackend, workspace_id: str, state: str) -> None:
    """Arrange: put the WorkSpace in ``state`` (manual lifecycle keeps transitional states)."""
    backend.lifecycle.enter(backend.workspaces.peek(workspace_id), WORKSPACE, state)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- associate
def test_associate_workspace_application_available_workspace_returns_pending_install_deployment(
    client: Any, ws: str
) -> None:
    row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["AssociatedResourceId"] == OFFICE
    assert row["AssociatedResourceType"] == "APPLICATION"
    assert row["WorkspaceId"] == ws
    assert row["State"] == "PENDING_INSTALL_DEPLOYMENT"
    assert isinstance(row["Created"], datetime)
    assert row["Created"] == row["LastUpdatedTime"]
    assert "StateReason" not in row
    assert states(client, ws) == {OFFICE: "PENDING_INSTALL_DEPLOYMENT"}


def test_associate_workspace_application_stopped_workspace_is_accepted(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP").workspace_id
    row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["State"] == "PENDING_INSTALL_DEPLOYMENT"


def test_associate_workspace_application_bad_ids_raise_validation_exception(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.associate_workspace_application(WorkspaceId="bogus", ApplicationId="nope")
    message = caught.value.response["Error"]["Message"]
    assert message.startswith("2 validation errors detected")
    assert "'workspaceId'" in message and "'applicationId'" in message


def test_associate_workspace_application_unknown_workspace_raises_not_found_before_app(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.associate_workspace_application(WorkspaceId=UNKNOWN_WS, ApplicationId=UNKNOWN_APP)
    assert caught.value.response["ResourceId"] == UNKNOWN_WS


def test_associate_workspace_application_unknown_application_raises_not_found(client: Any, ws: str) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=UNKNOWN_APP)
    assert caught.value.response["ResourceId"] == UNKNOWN_APP


def test_associate_workspace_application_other_accounts_application_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    theirs = tool(workspaces_backend, "Their tool", owner="210987654321")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=theirs.application_id)


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize(
    "state", ["PENDING", "STARTING", "STOPPING", "REBOOTING", "SUSPENDED", "TERMINATING", "ADMIN_MAINTENANCE"]
)
def test_associate_workspace_application_busy_workspace_raises_resource_in_use(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, state: str
) -> None:
    _in_state(workspaces_backend, ws, state)
    with pytest.raises(client.exceptions.ResourceInUseException) as caught:
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=UNINSTALL_ONLY_APP)
    assert caught.value.response["ResourceId"] == ws


UNINSTALL_ONLY_APP = OFFICE_2019  # the state rule (3) comes before the application rules (4-8)


@pytest.mark.parametrize("state", ["ERROR", "UNHEALTHY", "IMPAIRED"])
def test_associate_workspace_application_broken_workspace_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, state: str
) -> None:
    _in_state(workspaces_backend, ws, state)
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=UNINSTALL_ONLY_APP)


def test_associate_workspace_application_user_decoupled_workspace_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(user_name="[UNDEFINED]", workspace_name="kiosk-01").workspace_id
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.deploy_workspace_applications(WorkspaceId=ws)


def test_associate_workspace_application_terminated_workspace_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    _in_state(workspaces_backend, ws, "TERMINATED")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)


@pytest.mark.parametrize("app_state", ["UNINSTALL_ONLY", "PENDING", "ERROR"])
def test_associate_workspace_application_app_not_available_raises_application_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, app_state: str
) -> None:
    app = workspaces_backend.add_application(
        f"Tool {app_state}",
        supported_operating_system_names=["AMAZON_LINUX_2"],
        supported_compute_type_names=["VALUE"],
        state=app_state,
    )
    linux = workspaces_backend.add_workspace(bundle_id=public_bundle_id("Standard with Amazon Linux 2"))
    with pytest.raises(client.exceptions.ApplicationNotSupportedException):
        client.associate_workspace_application(
            WorkspaceId=linux.workspace_id, ApplicationId=app.application_id
        )


@pytest.mark.parametrize(
    "bundle", ["Standard with Amazon Linux 2", "Standard with Ubuntu 22.04", "Standard with Rocky Linux 8"]
)
def test_associate_workspace_application_linux_workspace_raises_os_not_compatible(
    client: Any, workspaces_backend: WorkspacesBackend, bundle: str
) -> None:
    linux = workspaces_backend.add_workspace(bundle_id=public_bundle_id(bundle)).workspace_id
    with pytest.raises(client.exceptions.OperatingSystemNotCompatibleException):
        client.associate_workspace_application(WorkspaceId=linux, ApplicationId=OFFICE)


def test_associate_workspace_application_os_not_listed_raises_os_not_compatible(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = public_bundle_id("Standard with Windows 10 (Server 2016 based)")
    ws = workspaces_backend.add_workspace(bundle_id=bundle).workspace_id
    with pytest.raises(client.exceptions.OperatingSystemNotCompatibleException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=VS_PRO)["Association"]
    assert row["State"] == "PENDING_INSTALL_DEPLOYMENT"


def test_associate_workspace_application_value_compute_and_visual_studio_raises_compute_not_compatible(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(compute_type_name="VALUE").workspace_id
    with pytest.raises(client.exceptions.ComputeNotCompatibleException) as caught:
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=VS_PRO)
    assert caught.value.response["Error"]["Code"] == "ComputeNotCompatibleException"


def test_associate_workspace_application_os_checked_before_compute(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    linux = workspaces_backend.add_workspace(bundle_id=public_bundle_id("Value with Amazon Linux 2"))
    with pytest.raises(client.exceptions.OperatingSystemNotCompatibleException):
        client.associate_workspace_application(WorkspaceId=linux.workspace_id, ApplicationId=VS_PRO)


@pytest.mark.parametrize("deployed", [False, True])
def test_associate_workspace_application_existing_row_raises_already_exists(
    client: Any, ws: str, deployed: bool
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    if deployed:
        client.deploy_workspace_applications(WorkspaceId=ws)
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)


def test_associate_workspace_application_removed_row_is_replaced(client: Any, ws: str) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    removed = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert removed["State"] == "REMOVED"
    again = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert again["State"] == "PENDING_INSTALL_DEPLOYMENT"
    assert again["Created"] >= removed["Created"]
    assert states(client, ws) == {OFFICE: "PENDING_INSTALL_DEPLOYMENT"}


def test_associate_workspace_application_second_edition_raises_incompatible(client: Any, ws: str) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    with pytest.raises(client.exceptions.IncompatibleApplicationsException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_STD)
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=VISIO)
    assert states(client, ws) == {OFFICE: "PENDING_INSTALL_DEPLOYMENT", VISIO: "PENDING_INSTALL_DEPLOYMENT"}


def test_associate_workspace_application_already_exists_checked_before_incompatible(
    client: Any, ws: str
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)


def test_associate_workspace_application_edition_being_uninstalled_does_not_conflict(
    client: Any, ws: str
) -> None:
    _installed(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_STD)["Association"]
    assert row["State"] == "PENDING_INSTALL_DEPLOYMENT"
    moved = client.deploy_workspace_applications(WorkspaceId=ws)["Deployment"]["Associations"]
    assert [(r["AssociatedResourceId"], r["State"]) for r in moved] == [
        (OFFICE, "PENDING_UNINSTALL"),
        (OFFICE_STD, "PENDING_INSTALL"),
    ]
    assert states(client, ws) == {OFFICE: "REMOVED", OFFICE_STD: "COMPLETED"}


def test_associate_workspace_application_custom_conflict_group_raises_incompatible(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    diagrams = tool(workspaces_backend, "Diagram tool", conflict_group="visio-2021")
    _installed(client, ws, VISIO)
    with pytest.raises(client.exceptions.IncompatibleApplicationsException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=diagrams.application_id)


# ------------------------------------------------------------------------------------------- disassociate
def test_disassociate_workspace_application_never_deployed_is_removed_t3(client: Any, ws: str) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    row = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert (row["State"], row["AssociatedResourceId"], row["WorkspaceId"]) == ("REMOVED", OFFICE, ws)
    assert states(client, ws) == {OFFICE: "REMOVED"}


def test_disassociate_workspace_application_completed_waits_for_uninstall_deployment_t4(
    client: Any, ws: str
) -> None:
    _installed(client, ws, OFFICE)
    row = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["State"] == "PENDING_UNINSTALL_DEPLOYMENT"
    assert row["LastUpdatedTime"] >= row["Created"]


def test_disassociate_workspace_application_failed_install_is_removed_t5(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    workspaces_backend.faults.on_deployment(ws, OFFICE).fail("DeploymentError.InternalServerError")
    _installed(client, ws, OFFICE)
    assert states(client, ws) == {OFFICE: "ERROR"}
    row = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["State"] == "REMOVED"
    assert "StateReason" not in row


def test_disassociate_workspace_application_failed_uninstall_waits_for_deployment_t6(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _installed(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    workspaces_backend.faults.on_deployment(ws, OFFICE).fail("DeploymentError.InternalServerError")
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert states(client, ws) == {OFFICE: "ERROR"}
    row = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["State"] == "PENDING_UNINSTALL_DEPLOYMENT"
    assert "StateReason" not in row


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize("uninstall", [False, True])
def test_disassociate_workspace_application_deployment_running_raises_resource_in_use_t7(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, uninstall: bool
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    if uninstall:
        workspaces_backend.settle()
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
        client.deploy_workspace_applications(WorkspaceId=ws)
    with pytest.raises(client.exceptions.ResourceInUseException):
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    assert states(client, ws) == {OFFICE: "PENDING_UNINSTALL" if uninstall else "PENDING_INSTALL"}


def test_disassociate_workspace_application_twice_returns_row_unchanged_t8(client: Any, ws: str) -> None:
    _installed(client, ws, OFFICE)
    first = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    second = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert second == first


@pytest.mark.parametrize("removed", [False, True])
def test_disassociate_workspace_application_no_row_raises_not_found_t9(
    client: Any, ws: str, removed: bool
) -> None:
    if removed:
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)


def test_disassociate_workspace_application_unknown_ids_raise_not_found(client: Any, ws: str) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.disassociate_workspace_application(WorkspaceId=UNKNOWN_WS, ApplicationId=OFFICE)
    assert caught.value.response["ResourceId"] == UNKNOWN_WS
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=UNKNOWN_APP)
    assert caught.value.response["ResourceId"] == UNKNOWN_APP


def test_disassociate_workspace_application_linux_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    linux = workspaces_backend.add_workspace(bundle_id=public_bundle_id("Standard with Ubuntu 22.04"))
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.disassociate_workspace_application(WorkspaceId=linux.workspace_id, ApplicationId=OFFICE)


@pytest.mark.workspaces(lifecycle="manual")
def test_disassociate_workspace_application_busy_workspace_raises_resource_in_use(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    _in_state(workspaces_backend, ws, "REBOOTING")
    with pytest.raises(client.exceptions.ResourceInUseException):
        client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)


def test_disassociate_workspace_application_uninstall_only_app_is_allowed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    assert states(client, ws) == {OFFICE_2019: "COMPLETED"}
    row = client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_2019)["Association"]
    assert row["State"] == "PENDING_UNINSTALL_DEPLOYMENT"


# ------------------------------------------------------------------------------------------------- deploy
def test_deploy_workspace_applications_moves_pending_rows_t10_t11(client: Any, ws: str) -> None:
    _installed(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=VISIO)
    moved = client.deploy_workspace_applications(WorkspaceId=ws)["Deployment"]["Associations"]
    assert [(r["AssociatedResourceId"], r["State"], r["WorkspaceId"]) for r in moved] == [
        (OFFICE, "PENDING_UNINSTALL", ws),
        (VISIO, "PENDING_INSTALL", ws),
    ]
    assert all(r["LastUpdatedTime"] >= r["Created"] for r in moved)


def test_deploy_workspace_applications_nothing_pending_returns_empty_list(client: Any, ws: str) -> None:
    assert client.deploy_workspace_applications(WorkspaceId=ws)["Deployment"]["Associations"] == []
    _installed(client, ws, OFFICE)
    assert (
        client.deploy_workspace_applications(WorkspaceId=ws, Force=True)["Deployment"]["Associations"] == []
    )


def test_deploy_workspace_applications_error_rows_need_force_t12(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    workspaces_backend.faults.on_deployment(ws, OFFICE).fail("DeploymentError.InternalServerError")
    _installed(client, ws, OFFICE)
    assert states(client, ws) == {OFFICE: "ERROR"}
    assert client.deploy_workspace_applications(WorkspaceId=ws)["Deployment"]["Associations"] == []
    assert states(client, ws) == {OFFICE: "ERROR"}
    moved = client.deploy_workspace_applications(WorkspaceId=ws, Force=True)["Deployment"]["Associations"]
    assert [(r["AssociatedResourceId"], r["State"]) for r in moved] == [(OFFICE, "PENDING_INSTALL")]
    assert "StateReason" not in moved[0]
    assert states(client, ws) == {OFFICE: "COMPLETED"}


def test_deploy_workspace_applications_force_retries_failed_uninstall_t12(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _installed(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    workspaces_backend.faults.on_deployment(ws, OFFICE).fail("DeploymentError.WorkspaceUnreachable")
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert states(client, ws) == {OFFICE: "ERROR"}
    moved = client.deploy_workspace_applications(WorkspaceId=ws, Force=True)["Deployment"]["Associations"]
    assert [r["State"] for r in moved] == ["PENDING_UNINSTALL"]
    assert states(client, ws) == {OFFICE: "REMOVED"}


@pytest.mark.workspaces(lifecycle="manual")
def test_deploy_workspace_applications_running_deployment_raises_resource_in_use(
    client: Any, ws: str
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    with pytest.raises(client.exceptions.ResourceInUseException) as caught:
        client.deploy_workspace_applications(WorkspaceId=ws)
    assert caught.value.response["ResourceId"] == ws


def test_deploy_workspace_applications_conflicting_rows_raise_incompatible(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=PROJECT)
    workspaces_backend.applications[PROJECT].conflict_group = "office-2021"  # the catalog changed
    with pytest.raises(client.exceptions.IncompatibleApplicationsException):
        client.deploy_workspace_applications(WorkspaceId=ws)
    assert states(client, ws) == {
        OFFICE: "PENDING_INSTALL_DEPLOYMENT",
        PROJECT: "PENDING_INSTALL_DEPLOYMENT",
    }


def test_deploy_workspace_applications_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.deploy_workspace_applications(WorkspaceId=UNKNOWN_WS)


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize(
    ("state", "error"),
    [
        ("PENDING", "ResourceInUseException"),
        ("UPDATING", "ResourceInUseException"),
        ("ERROR", "OperationNotSupportedException"),
    ],
)
def test_deploy_workspace_applications_workspace_state_rule(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, state: str, error: str
) -> None:
    _in_state(workspaces_backend, ws, state)
    with pytest.raises(getattr(client.exceptions, error)):
        client.deploy_workspace_applications(WorkspaceId=ws)


def test_deploy_workspace_applications_linux_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    linux = workspaces_backend.add_workspace(
        bundle_id=public_bundle_id("Standard with Red Hat Enterprise Linux 8")
    )
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.deploy_workspace_applications(WorkspaceId=linux.workspace_id)


def test_deploy_workspace_applications_non_boolean_force_is_rejected_by_botocore(
    client: Any, ws: str
) -> None:
    from botocore.exceptions import ParamValidationError

    with pytest.raises(ParamValidationError):
        client.deploy_workspace_applications(WorkspaceId=ws, Force="yes")
