"""DescribeWorkspaceSnapshots: snapshot times that follow the clock, and the arrange helpers behind them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)
AT_MS = MOMENT.replace(microsecond=123000)
STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")


def _snapshots(client: Any, workspace_id: str) -> tuple[list[Any], list[Any]]:
    answer = client.describe_workspace_snapshots(WorkspaceId=workspace_id)
    rebuild = [s["SnapshotTime"] for s in answer["RebuildSnapshots"]]
    restore = [s["SnapshotTime"] for s in answer["RestoreSnapshots"]]
    return rebuild, restore


def test_describe_workspace_snapshots_arranged_workspace_has_pair_at_creation(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        ws = workspaces_backend.add_workspace()
        assert _snapshots(client, ws.workspace_id) == ([AT_MS], [AT_MS])


def test_describe_workspace_snapshots_follow_the_twelve_hour_schedule(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace()
        frozen.tick(timedelta(hours=11, minutes=59))
        assert _snapshots(client, ws.workspace_id) == ([AT_MS], [AT_MS])
        frozen.tick(timedelta(minutes=1))
        later = AT_MS + timedelta(hours=12)
        assert _snapshots(client, ws.workspace_id) == ([later], [later])
        workspaces_backend.clock.advance(hours=36)
        assert _snapshots(client, ws.workspace_id)[0] == [AT_MS + timedelta(hours=48)]


@pytest.mark.workspaces(lifecycle="timed")
def test_describe_workspace_snapshots_created_workspace_first_pair_thirty_minutes_after_available(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        directory = workspaces_backend.add_directory()
        request = {"DirectoryId": directory.directory_id, "UserName": "alice", "BundleId": STANDARD}
        wid = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]["WorkspaceId"]
        assert _snapshots(client, wid) == ([], [])
        frozen.tick(timedelta(minutes=20 + 29))
        assert _snapshots(client, wid) == ([], [])
        frozen.tick(timedelta(minutes=1))
        first = AT_MS + timedelta(minutes=50)
        assert _snapshots(client, wid) == ([first], [first])


@pytest.mark.workspaces(lifecycle="manual")
def test_describe_workspace_snapshots_manual_mode_first_pair_when_settled(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "alice", "BundleId": STANDARD}
    wid = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]["WorkspaceId"]
    workspaces_backend.clock.advance(hours=13)
    assert _snapshots(client, wid) == ([], [])
    workspaces_backend.settle()
    rebuild, restore = _snapshots(client, wid)
    assert len(rebuild) == len(restore) == 1


def test_describe_workspace_snapshots_unhealthy_workspace_gets_only_rebuild_snapshots(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace(state="UNHEALTHY")
        frozen.tick(timedelta(hours=25))
        assert _snapshots(client, ws.workspace_id) == ([AT_MS + timedelta(hours=24)], [AT_MS])


def test_describe_workspace_snapshots_cleared_then_next_pair_after_twelve_hours(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace()
        workspaces_backend.clear_snapshots(ws.workspace_id)
        assert _snapshots(client, ws.workspace_id) == ([], [])
        frozen.tick(timedelta(hours=12))
        after = AT_MS + timedelta(hours=12)
        assert _snapshots(client, ws.workspace_id) == ([after], [after])


def test_describe_workspace_snapshots_taken_at_given_time_is_the_latest(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace(snapshots=False)
        assert _snapshots(client, ws.workspace_id) == ([], [])
        workspaces_backend.take_snapshot(ws.workspace_id, kind="rebuild", at=MOMENT + timedelta(hours=1))
        assert _snapshots(client, ws.workspace_id) == ([], [])  # not taken yet
        frozen.tick(timedelta(hours=2))
        assert _snapshots(client, ws.workspace_id) == ([AT_MS + timedelta(hours=1)], [])
        workspaces_backend.take_snapshot(ws.workspace_id)
        now = AT_MS + timedelta(hours=2)
        assert _snapshots(client, ws.workspace_id) == ([now], [now])


def test_describe_workspace_snapshots_pending_and_failed_creation_have_none(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    pending = workspaces_backend.add_workspace(state="PENDING")
    failed = workspaces_backend.add_workspace(state="ERROR")
    assert _snapshots(client, pending.workspace_id) == ([], [])
    assert _snapshots(client, failed.workspace_id) == ([], [])


def test_describe_workspace_snapshots_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.describe_workspace_snapshots(WorkspaceId="ws-000000000")
    assert caught.value.response["ResourceId"] == "ws-000000000"
    assert "cannot be found" in caught.value.response["Error"]["Message"]


def test_take_snapshot_unknown_kind_is_a_python_error(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace()
    with pytest.raises(ValueError, match="kind must be one of"):
        workspaces_backend.take_snapshot(ws.workspace_id, kind="root")


def test_take_snapshot_unknown_workspace_is_a_python_error(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="no WorkSpace ws-000000000"):
        workspaces_backend.take_snapshot("ws-000000000")
