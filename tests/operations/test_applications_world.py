"""Associations follow WorkSpaces and images through the WorkSpaces operations (spec 1.8, T19).

Everything here goes through boto3: CreateWorkspaces copies the bundle's applications, TerminateWorkspaces
takes the rows away, CreateWorkspaceImage carries installed applications into the image, and starting
or stopping a WorkSpace decides whether a deployment can reach it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import freezegun
import pytest
from _apps import OFFICE, OFFICE_2019, PLUS_BUNDLE, states

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

MOMENT = datetime(2024, 2, 3, 4, 5, 6, tzinfo=timezone.utc)


def _create(client: Any, backend: WorkspacesBackend, bundle_id: str, **extra: Any) -> str:
    directory = backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "bob", "BundleId": bundle_id, **extra}
    answer = client.create_workspaces(Workspaces=[request])
    assert answer["FailedRequests"] == []
    return str(answer["PendingRequests"][0]["WorkspaceId"])


def test_create_workspaces_from_plus_bundle_starts_with_office_2019(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = _create(client, workspaces_backend, PLUS_BUNDLE)
        rows = client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])
    [row] = rows["Associations"]
    assert (row["AssociatedResourceId"], row["State"]) == (OFFICE_2019, "COMPLETED")
    assert row["Created"] == row["LastUpdatedTime"] == MOMENT


@pytest.mark.workspaces(lifecycle="timed")
def test_associate_workspace_application_pending_workspace_raises_resource_in_use(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = _create(client, workspaces_backend, public_bundle_id("Standard with Windows 10 (Server 2022 based)"))
    with pytest.raises(client.exceptions.ResourceInUseException):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    workspaces_backend.clock.advance(minutes=20)
    row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
    assert row["State"] == "PENDING_INSTALL_DEPLOYMENT"


def test_terminate_workspaces_rows_disappear_t19(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    assert (
        client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws}])["FailedRequests"] == []
    )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])
    for app in (OFFICE, OFFICE_2019):
        rows = client.describe_application_associations(
            ApplicationId=app, AssociatedResourceTypes=["WORKSPACE"]
        )
        assert rows["Associations"] == []
    assert workspaces_backend.associations.of_workspace(ws) == []


@pytest.mark.workspaces(lifecycle="timed")
def test_terminate_workspaces_terminated_workspace_is_not_found_before_it_is_gone(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws}])
    with pytest.raises(client.exceptions.ResourceInUseException):
        client.deploy_workspace_applications(WorkspaceId=ws)
    workspaces_backend.clock.advance(minutes=5)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.deploy_workspace_applications(WorkspaceId=ws)
    assert [row.state for row in workspaces_backend.associations.of_workspace(ws)] == [
        "PENDING_INSTALL_DEPLOYMENT"
    ]
    workspaces_backend.clock.advance(minutes=5)
    assert workspaces_backend.associations.of_workspace(ws) == []


@pytest.mark.workspaces(lifecycle="timed")
def test_deploy_workspace_applications_stopped_then_started_installs(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP").workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert client.start_workspaces(StartWorkspaceRequests=[{"WorkspaceId": ws}])["FailedRequests"] == []
    workspaces_backend.clock.advance(minutes=20)
    assert states(client, ws) == {OFFICE: "COMPLETED"}


@pytest.mark.workspaces(lifecycle="timed")
def test_deploy_workspace_applications_stopped_and_left_stopped_fails_unreachable(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(running_mode="AUTO_STOP").workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.stop_workspaces(StopWorkspaceRequests=[{"WorkspaceId": ws}])
    workspaces_backend.clock.advance(minutes=3)
    client.deploy_workspace_applications(WorkspaceId=ws)
    workspaces_backend.clock.advance(minutes=5)
    row = client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])[
        "Associations"
    ][0]
    assert (row["State"], row["StateReason"]["ErrorCode"]) == (
        "ERROR",
        "DeploymentError.WorkspaceUnreachable",
    )


def test_create_workspace_image_carries_installed_applications(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_2019)
    client.deploy_workspace_applications(WorkspaceId=ws)
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert states(client, ws) == {OFFICE_2019: "REMOVED", OFFICE: "COMPLETED"}
    image_id = client.create_workspace_image(Name="golden", Description="with Office 2021", WorkspaceId=ws)[
        "ImageId"
    ]
    rows = client.describe_image_associations(ImageId=image_id, AssociatedResourceTypes=["APPLICATION"])
    assert [(r["ImageId"], r["AssociatedResourceId"], r["State"]) for r in rows["Associations"]] == [
        (image_id, OFFICE, "COMPLETED")
    ]
    listed = client.describe_application_associations(ApplicationId=OFFICE, AssociatedResourceTypes=["IMAGE"])
    assert [r["AssociatedResourceId"] for r in listed["Associations"]] == [image_id]


@pytest.mark.workspaces(lifecycle="timed")
def test_deploy_workspace_applications_during_image_capture_raises_resource_in_use(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    client.create_workspace_image(Name="snap", Description="capture", WorkspaceId=ws)
    with pytest.raises(client.exceptions.ResourceInUseException):
        client.deploy_workspace_applications(WorkspaceId=ws)
