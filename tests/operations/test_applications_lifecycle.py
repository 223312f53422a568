"""The asynchronous half of the association state machine (T13-T19) in the three lifecycle modes.

Deployment faults for each AssociationErrorCode, the automatic failures (WorkSpace unreachable, old Office
still installed), Force retries, frozen timestamps, and time moved by the backend clock, freezegun's tick
and both time libraries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest
from _apps import OFFICE, OFFICE_2019, OFFICE_STD, PLUS_BUNDLE, VISIO, row_of

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.workspaces.model import WORKSPACE

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)

VALIDATION_CODES = [
    "ValidationError.InsufficientDiskSpace",
    "ValidationError.InsufficientMemory",
    "ValidationError.UnsupportedOperatingSystem",
    "ValidationError.ApplicationOldVersionExists",
]
DEPLOYMENT_CODES = ["DeploymentError.InternalServerError", "DeploymentError.WorkspaceUnreachable"]


@pytest.fixture
def ws(workspaces_backend: WorkspacesBackend) -> str:
    """An AVAILABLE Windows WorkSpace."""
    return workspaces_backend.add_workspace().workspace_id


def _state(client: Any, workspace_id: str, application_id: str) -> str:
    return str(row_of(client, workspace_id, application_id)["State"])


def _deploy(client: Any, workspace_id: str, *application_ids: str) -> list[dict[str, Any]]:
    for application_id in application_ids:
        client.associate_workspace_application(WorkspaceId=workspace_id, ApplicationId=application_id)
    moved: list[dict[str, Any]] = client.deploy_workspace_applications(WorkspaceId=workspace_id)[
        "Deployment"
    ]["Associations"]
    return moved


def _put(backend: WorkspacesBackend, workspace_id: str, state: str) -> None:
    backend.lifecycle.enter(backend.workspaces.peek(workspace_id), WORKSPACE, state)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ instant
def test_lifecycle_instant_install_completes_by_next_read_t13_t14(client: Any, ws: str) -> None:
    moved = _deploy(client, ws, OFFICE)
    assert [r["State"] for r in moved] == ["PENDING_INSTALL"]
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "COMPLETED" and "StateReason" not in row


def test_lifecycle_instant_uninstall_removes_by_next_read_t16_t17(client: Any, ws: str) -> None:
    _deploy(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    moved = client.deploy_workspace_applications(WorkspaceId=ws)["Deployment"]["Associations"]
    assert [r["State"] for r in moved] == ["PENDING_UNINSTALL"]
    assert _state(client, ws, OFFICE) == "REMOVED"


def test_lifecycle_backend_associations_read_observes(
    workspaces_backend: WorkspacesBackend, client: Any, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    assert workspaces_backend.associations.state(ws, OFFICE) == "COMPLETED"
    assert [row.state for row in workspaces_backend.associations.of_workspace(ws)] == ["COMPLETED"]
    assert [row.resource_id for row in workspaces_backend.associations.of_application(OFFICE)] == [ws]
    assert workspaces_backend.associations.state(ws, VISIO) is None


# -------------------------------------------------------------------------------------------------- timed
@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_timed_install_moves_with_clock_advance(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    clock = workspaces_backend.clock
    deployed_at = _deploy(client, ws, OFFICE)[0]["LastUpdatedTime"]
    clock.advance(minutes=4, seconds=59)
    assert _state(client, ws, OFFICE) == "PENDING_INSTALL"
    clock.advance(seconds=1)
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "INSTALLING"
    assert row["LastUpdatedTime"] == deployed_at + timedelta(minutes=5)
    clock.advance(minutes=15)
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "COMPLETED"
    assert row["LastUpdatedTime"] == deployed_at + timedelta(minutes=20)


@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_timed_uninstall_moves_with_clock_advance(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    workspaces_backend.clock.advance(minutes=20)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert _state(client, ws, OFFICE) == "PENDING_UNINSTALL"
    workspaces_backend.clock.advance(minutes=5)
    assert _state(client, ws, OFFICE) == "UNINSTALLING"
    workspaces_backend.clock.advance(minutes=10)
    assert _state(client, ws, OFFICE) == "REMOVED"


@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_timed_big_jump_crosses_every_step(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    deployed_at = _deploy(client, ws, OFFICE, VISIO)[0]["LastUpdatedTime"]
    workspaces_backend.clock.advance(hours=3)
    for app in (OFFICE, VISIO):
        row = row_of(client, ws, app)
        assert (row["State"], row["LastUpdatedTime"]) == ("COMPLETED", deployed_at + timedelta(minutes=20))


@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_timed_moves_with_freezegun_tick(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        moved = _deploy(client, ws, OFFICE)
        assert moved[0]["LastUpdatedTime"] == MOMENT
        frozen.tick(timedelta(minutes=5))
        assert _state(client, ws, OFFICE) == "INSTALLING"
        frozen.tick(timedelta(minutes=15))
        row = row_of(client, ws, OFFICE)
    assert (row["State"], row["LastUpdatedTime"]) == ("COMPLETED", MOMENT + timedelta(minutes=20))


@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_timed_moves_with_either_time_library(
    client: Any, workspaces_backend: WorkspacesBackend, time_travel: Callable[[datetime], Any]
) -> None:
    traveller = time_travel(MOMENT)
    ws = workspaces_backend.add_workspace().workspace_id
    _deploy(client, ws, VISIO)
    traveller.move_to(MOMENT + timedelta(minutes=6))
    assert _state(client, ws, VISIO) == "INSTALLING"
    traveller.move_to(MOMENT + timedelta(minutes=21))
    row = row_of(client, ws, VISIO)
    assert (row["State"], row["LastUpdatedTime"]) == ("COMPLETED", MOMENT + timedelta(minutes=20))


# ------------------------------------------------------------------------------------------------- manual
@pytest.mark.workspaces(lifecycle="manual")
def test_lifecycle_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    workspaces_backend.clock.advance(hours=6)
    assert _state(client, ws, OFFICE) == "PENDING_INSTALL"
    workspaces_backend.settle()
    assert _state(client, ws, OFFICE) == "COMPLETED"
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert _state(client, ws, OFFICE) == "PENDING_UNINSTALL"
    workspaces_backend.settle()
    assert _state(client, ws, OFFICE) == "REMOVED"


# ------------------------------------------------------------------------------------------------- faults
@pytest.mark.workspaces(lifecycle="timed")
@pytest.mark.parametrize("code", VALIDATION_CODES)
def test_lifecycle_validation_fault_fails_when_picked_up_t15(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, code: str
) -> None:
    workspaces_backend.faults.on_deployment(workspace_id=ws, application_id=OFFICE).fail(code)
    _deploy(client, ws, OFFICE)
    workspaces_backend.clock.advance(minutes=5)
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "ERROR"
    assert row["StateReason"]["ErrorCode"] == code
    assert row["StateReason"]["ErrorMessage"]


@pytest.mark.workspaces(lifecycle="timed")
@pytest.mark.parametrize("code", DEPLOYMENT_CODES)
def test_lifecycle_deployment_fault_fails_when_install_ends_t15(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, code: str
) -> None:
    workspaces_backend.faults.on_deployment(application_id=OFFICE).fail(code, "agent lost")
    _deploy(client, ws, OFFICE)
    workspaces_backend.clock.advance(minutes=5)
    assert _state(client, ws, OFFICE) == "INSTALLING"
    workspaces_backend.clock.advance(minutes=15)
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "ERROR"
    assert row["StateReason"] == {"ErrorCode": code, "ErrorMessage": "agent lost"}


@pytest.mark.parametrize("code", VALIDATION_CODES + DEPLOYMENT_CODES)
def test_lifecycle_uninstall_fault_ends_in_error_t18(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str, code: str
) -> None:
    _deploy(client, ws, OFFICE)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    workspaces_backend.faults.on_deployment(workspace_id=ws).fail(code)
    client.deploy_workspace_applications(WorkspaceId=ws)
    row = row_of(client, ws, OFFICE)
    assert (row["State"], row["StateReason"]["ErrorCode"]) == ("ERROR", code)


def test_lifecycle_fault_matches_only_its_application(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    workspaces_backend.faults.on_deployment(application_id=VISIO).fail(
        "ValidationError.InsufficientDiskSpace"
    )
    _deploy(client, ws, OFFICE, VISIO)
    assert _state(client, ws, OFFICE) == "COMPLETED"
    assert _state(client, ws, VISIO) == "ERROR"


def test_lifecycle_force_retry_after_fault_completes(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    workspaces_backend.faults.on_deployment(ws, OFFICE).fail("DeploymentError.InternalServerError", times=2)
    _deploy(client, ws, OFFICE)
    assert _state(client, ws, OFFICE) == "ERROR"
    client.deploy_workspace_applications(WorkspaceId=ws, Force=True)
    assert _state(client, ws, OFFICE) == "ERROR"
    client.deploy_workspace_applications(WorkspaceId=ws, Force=True)
    row = row_of(client, ws, OFFICE)
    assert row["State"] == "COMPLETED" and "StateReason" not in row


# ---------------------------------------------------------------------------------- automatic failures
def test_lifecycle_stopped_workspace_fails_unreachable(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP").workspace_id
    moved = _deploy(client, ws, OFFICE)
    assert moved[0]["State"] == "PENDING_INSTALL"
    row = row_of(client, ws, OFFICE)
    assert (row["State"], row["StateReason"]["ErrorCode"]) == (
        "ERROR",
        "DeploymentError.WorkspaceUnreachable",
    )
    assert "STOPPED" in row["StateReason"]["ErrorMessage"]


@pytest.mark.workspaces(lifecycle="manual")
def test_lifecycle_stopped_workspace_started_before_pick_up_installs(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP").workspace_id
    _deploy(client, ws, OFFICE)
    _put(workspaces_backend, ws, "STARTING")
    workspaces_backend.settle()
    assert _state(client, ws, OFFICE) == "COMPLETED"


@pytest.mark.workspaces(lifecycle="timed")
def test_lifecycle_workspace_stopped_while_installing_fails_unreachable(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    workspaces_backend.clock.advance(minutes=6)
    assert _state(client, ws, OFFICE) == "INSTALLING"
    _put(workspaces_backend, ws, "STOPPED")
    workspaces_backend.clock.advance(minutes=14)
    row = row_of(client, ws, OFFICE)
    assert (row["State"], row["StateReason"]["ErrorCode"]) == (
        "ERROR",
        "DeploymentError.WorkspaceUnreachable",
    )


def test_lifecycle_office_2021_over_office_2019_fails_old_version_exists(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    _deploy(client, ws, OFFICE_STD)
    row = row_of(client, ws, OFFICE_STD)
    assert row["State"] == "ERROR"
    assert row["StateReason"]["ErrorCode"] == "ValidationError.ApplicationOldVersionExists"
    assert "Microsoft Office 2019" in row["StateReason"]["ErrorMessage"]
    assert _state(client, ws, OFFICE_2019) == "COMPLETED"


def test_lifecycle_swap_office_2019_for_2021_in_one_deployment(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_2019)
    moved = _deploy(client, ws, OFFICE)
    assert [(r["AssociatedResourceId"], r["State"]) for r in moved] == [
        (OFFICE_2019, "PENDING_UNINSTALL"),
        (OFFICE, "PENDING_INSTALL"),
    ]
    assert (_state(client, ws, OFFICE_2019), _state(client, ws, OFFICE)) == ("REMOVED", "COMPLETED")


def test_lifecycle_failed_old_office_uninstall_still_blocks_2021(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE).workspace_id
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE_2019)
    workspaces_backend.faults.on_deployment(ws, OFFICE_2019).fail("DeploymentError.InternalServerError")
    client.deploy_workspace_applications(WorkspaceId=ws)
    _deploy(client, ws, OFFICE)
    reason = row_of(client, ws, OFFICE)["StateReason"]["ErrorCode"]
    assert reason == "ValidationError.ApplicationOldVersionExists"


# ------------------------------------------------------------------------------------------ frozen time
def test_lifecycle_frozen_time_stamps_created_and_last_updated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = workspaces_backend.add_workspace().workspace_id
        row = client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)["Association"]
        assert row["Created"] == row["LastUpdatedTime"] == MOMENT
        client.deploy_workspace_applications(WorkspaceId=ws)
        done = row_of(client, ws, OFFICE)
    assert (done["Created"], done["LastUpdatedTime"], done["State"]) == (MOMENT, MOMENT, "COMPLETED")


# ------------------------------------------------------------------------------------------------- T19
def test_lifecycle_terminated_workspace_rows_disappear_t19(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    _put(workspaces_backend, ws, "TERMINATING")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])
    listed = client.describe_application_associations(
        ApplicationId=OFFICE, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert listed["Associations"] == []
    assert workspaces_backend.associations.of_workspace(ws) == []
    assert workspaces_backend.lifecycle.pending() == 0


@pytest.mark.workspaces(lifecycle="manual")
def test_lifecycle_terminated_mid_install_stops_tracking_the_row_t19(
    client: Any, workspaces_backend: WorkspacesBackend, ws: str
) -> None:
    _deploy(client, ws, OFFICE)
    _put(workspaces_backend, ws, "TERMINATING")
    workspaces_backend.settle()
    assert workspaces_backend.associations.of_workspace(ws) == []
    assert len(workspaces_backend.associations) == len(list(workspaces_backend.associations))
    assert workspaces_backend.lifecycle.pending() == 0
