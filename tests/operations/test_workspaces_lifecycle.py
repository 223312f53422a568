"""Start, stop, reboot and terminate, and every WorkSpace state transition in the three lifecycle modes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")


def _state(client: Any, workspace_id: str) -> str:
    found = client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"]
    return str(found[0]["State"]) if found else "GONE"


def _ids(*workspace_ids: str) -> list[dict[str, str]]:
    return [{"WorkspaceId": wid} for wid in workspace_ids]


def _start(client: Any, *ids: str) -> list[dict[str, Any]]:
    return list(client.start_workspaces(StartWorkspaceRequests=_ids(*ids))["FailedRequests"])


def _stop(client: Any, *ids: str) -> list[dict[str, Any]]:
    return list(client.stop_workspaces(StopWorkspaceRequests=_ids(*ids))["FailedRequests"])


def _reboot(client: Any, *ids: str) -> list[dict[str, Any]]:
    return list(client.reboot_workspaces(RebootWorkspaceRequests=_ids(*ids))["FailedRequests"])


def _terminate(client: Any, *ids: str) -> list[dict[str, Any]]:
    return list(client.terminate_workspaces(TerminateWorkspaceRequests=_ids(*ids))["FailedRequests"])


Act = Callable[[Any, str], list[dict[str, Any]]]


@dataclass(frozen=True)
class Transition:
    """An action on a WorkSpace arranged in ``start``: the state it passes through and where it ends."""

    start: str
    mode: str
    act: Act
    middle: str
    end: str
    minutes: int

    def __str__(self) -> str:
        return f"{self.act.__name__[1:]}-from-{self.start}"


TRANSITIONS = [
    Transition("STOPPED", "AUTO_STOP", _start, "STARTING", "AVAILABLE", 3),
    Transition("AVAILABLE", "AUTO_STOP", _stop, "STOPPING", "STOPPED", 3),
    Transition("AVAILABLE", "ALWAYS_ON", _reboot, "REBOOTING", "AVAILABLE", 3),
    Transition("UNHEALTHY", "ALWAYS_ON", _reboot, "REBOOTING", "AVAILABLE", 3),
    Transition("ERROR", "AUTO_STOP", _stop, "STOPPING", "STOPPED", 3),
    Transition("AVAILABLE", "ALWAYS_ON", _terminate, "TERMINATING", "TERMINATED", 5),
    Transition("STOPPED", "AUTO_STOP", _terminate, "TERMINATING", "TERMINATED", 5),
]


@pytest.mark.workspaces(lifecycle="manual")
@pytest.mark.parametrize("case", TRANSITIONS, ids=str)
def test_batch_action_manual_mode_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend, case: Transition
) -> None:
    ws = workspaces_backend.add_workspace(state=case.start, running_mode=case.mode)
    assert case.act(client, ws.workspace_id) == []
    workspaces_backend.clock.advance(hours=2)
    assert _state(client, ws.workspace_id) == case.middle
    workspaces_backend.settle()
    assert _state(client, ws.workspace_id) in (case.end, "GONE")


@pytest.mark.parametrize("case", TRANSITIONS, ids=str)
def test_batch_action_instant_mode_settles_by_next_call(
    client: Any, workspaces_backend: WorkspacesBackend, case: Transition
) -> None:
    ws = workspaces_backend.add_workspace(state=case.start, running_mode=case.mode)
    case.act(client, ws.workspace_id)
    assert ws.state == case.middle  # the answering call saw the transitional state
    expected = "GONE" if case.end == "TERMINATED" else case.end
    assert _state(client, ws.workspace_id) == expected


@pytest.mark.workspaces(lifecycle="timed")
@pytest.mark.parametrize("case", TRANSITIONS, ids=str)
def test_batch_action_timed_mode_takes_its_duration(
    client: Any, workspaces_backend: WorkspacesBackend, case: Transition
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace(state=case.start, running_mode=case.mode)
        case.act(client, ws.workspace_id)
        frozen.tick(timedelta(minutes=case.minutes) - timedelta(seconds=1))
        assert _state(client, ws.workspace_id) == case.middle
        frozen.tick(timedelta(seconds=1))
        assert _state(client, ws.workspace_id) == case.end


@pytest.mark.workspaces(lifecycle="timed")
def test_create_workspaces_timed_pending_for_twenty_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "alice", "BundleId": STANDARD}
    wid = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]["WorkspaceId"]
    workspaces_backend.clock.advance(minutes=19, seconds=59)
    assert _state(client, wid) == "PENDING"
    workspaces_backend.clock.advance(seconds=1)
    assert _state(client, wid) == "AVAILABLE"


@pytest.mark.workspaces(lifecycle="manual")
def test_create_workspaces_manual_stays_pending_until_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "alice", "BundleId": STANDARD}
    wid = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]["WorkspaceId"]
    workspaces_backend.clock.advance(hours=5)
    assert _state(client, wid) == "PENDING"
    workspaces_backend.settle()
    assert _state(client, wid) == "AVAILABLE"


@pytest.mark.workspaces(lifecycle="timed")
def test_terminate_workspaces_terminated_is_visible_briefly_then_gone(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(tags={"team": "blue"})
    _terminate(client, ws.workspace_id)
    workspaces_backend.clock.advance(minutes=5)
    assert _state(client, ws.workspace_id) == "TERMINATED"
    workspaces_backend.clock.advance(minutes=5)
    assert _state(client, ws.workspace_id) == "GONE"
    assert client.describe_workspaces()["Workspaces"] == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_tags(ResourceId=ws.workspace_id)


def test_terminate_workspaces_large_clock_jump_crosses_every_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "timed"
    ws = workspaces_backend.add_workspace()
    _terminate(client, ws.workspace_id)
    workspaces_backend.clock.advance(hours=1)
    assert _state(client, ws.workspace_id) == "GONE"
    assert ws.state == "TERMINATED"


@pytest.mark.workspaces(lifecycle="manual")
def test_terminate_workspaces_twice_is_harmless(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace()
    assert _terminate(client, ws.workspace_id) == []
    assert _terminate(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "TERMINATING"


@pytest.mark.workspaces(lifecycle="manual")
def test_terminate_workspaces_pending_workspace_is_allowed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="PENDING")
    assert _terminate(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "TERMINATING"


def test_terminate_workspaces_suspended_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="SUSPENDED")
    workspaces_backend.lifecycle.mode = "manual"
    failed = _terminate(client, ws.workspace_id)
    assert [f["ErrorCode"] for f in failed] == ["InvalidResourceState.Workspace"]
    assert failed[0]["WorkspaceId"] == ws.workspace_id


@pytest.mark.parametrize("act", [_start, _stop, _reboot, _terminate], ids=lambda a: a.__name__[1:])
def test_batch_action_unknown_workspace_fails_item(client: Any, act: Act) -> None:
    failed = act(client, "ws-000000000")
    assert failed == [
        {
            "WorkspaceId": "ws-000000000",
            "ErrorCode": "ResourceNotFound.Workspace",
            "ErrorMessage": "The WorkSpace ws-000000000 could not be found.",
        }
    ]


@pytest.mark.parametrize(("act", "name"), [(_start, "StartWorkspaces"), (_stop, "StopWorkspaces")])
def test_start_stop_workspaces_always_on_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend, act: Act, name: str
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED" if act is _start else "AVAILABLE")
    failed = act(client, ws.workspace_id)
    assert [f["ErrorCode"] for f in failed] == ["UnsupportedWorkspaceConfiguration.RunningMode"]
    assert name in failed[0]["ErrorMessage"]
    assert ws.state in ("STOPPED", "AVAILABLE")


@pytest.mark.parametrize(
    ("act", "state"),
    [
        (_start, "AVAILABLE"),
        (_start, "PENDING"),
        (_stop, "STOPPED"),
        (_stop, "REBOOTING"),
        (_reboot, "STOPPED"),
        (_reboot, "PENDING"),
        (_reboot, "ADMIN_MAINTENANCE"),
        (_stop, "ADMIN_MAINTENANCE"),
    ],
)
def test_batch_action_wrong_state_fails_item(
    client: Any, workspaces_backend: WorkspacesBackend, act: Act, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP")
    failed = act(client, ws.workspace_id)
    assert [f["ErrorCode"] for f in failed] == ["InvalidResourceState.Workspace"]
    assert ws.state == state


@pytest.mark.workspaces(lifecycle="manual")
def test_stop_workspaces_manual_running_mode_is_stoppable(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(running_mode="MANUAL")
    assert _stop(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "STOPPING"


def test_batch_action_mixed_batch_reports_only_failures(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    good = workspaces_backend.add_workspace(running_mode="AUTO_STOP")
    bad = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP")
    failed = _stop(client, good.workspace_id, bad.workspace_id, "ws-000000000")
    assert [f["WorkspaceId"] for f in failed] == [bad.workspace_id, "ws-000000000"]
    assert _state(client, good.workspace_id) == "STOPPED"


@pytest.mark.workspaces(lifecycle="manual")
def test_reboot_workspaces_rebooting_again_allowed_only_when_stuck(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    assert _reboot(client, ws.workspace_id) == []
    assert [f["ErrorCode"] for f in _reboot(client, ws.workspace_id)] == ["InvalidResourceState.Workspace"]
    workspaces_backend.clock.advance(minutes=20)
    assert _reboot(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "REBOOTING"


@pytest.mark.workspaces(lifecycle="timed")
def test_stop_then_start_workspaces_round_trip_moved_by_clock(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(running_mode="AUTO_STOP")
    _stop(client, ws.workspace_id)
    workspaces_backend.clock.advance(minutes=3)
    assert _state(client, ws.workspace_id) == "STOPPED"
    assert _start(client, ws.workspace_id) == []
    assert _state(client, ws.workspace_id) == "STARTING"
    workspaces_backend.clock.advance(minutes=3)
    assert _state(client, ws.workspace_id) == "AVAILABLE"


def test_start_workspaces_missing_id_fails_item(client: Any) -> None:
    failed = client.start_workspaces(StartWorkspaceRequests=[{}])["FailedRequests"]
    assert [f["ErrorCode"] for f in failed] == ["ResourceNotFound.Workspace"]


@pytest.mark.workspaces(lifecycle="timed")
def test_create_workspaces_timed_with_either_time_library(
    client: Any, workspaces_backend: WorkspacesBackend, time_travel: Callable[[datetime], Any]
) -> None:
    traveller = time_travel(MOMENT)
    directory = workspaces_backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "alice", "BundleId": STANDARD}
    wid = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]["WorkspaceId"]
    traveller.move_to(MOMENT + timedelta(minutes=19))
    assert _state(client, wid) == "PENDING"
    traveller.move_to(MOMENT + timedelta(minutes=20))
    assert _state(client, wid) == "AVAILABLE"
    assert workspaces_backend.workspaces[wid].state_since == MOMENT + timedelta(minutes=20)
