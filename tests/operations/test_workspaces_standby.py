"""CreateStandbyWorkspaces: a standby in another Region of the same world, linked on both sides."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id
from workspaces_fake.models.directories import DIRECTORY

PRIMARY_REGION = "us-east-1"
STANDBY_REGION = "us-west-2"
GRAPHICS = public_bundle_id("Graphics.g4dn with Windows 10 (Server 2022 based)")


@pytest.fixture
def west(workspaces_backend: WorkspacesBackend) -> WorkspacesBackend:
    """The standby Region's backend (same world and account as the fixture's)."""
    assert workspaces_backend.region_name == PRIMARY_REGION
    return workspaces_backend.in_region(STANDBY_REGION)


@pytest.fixture
def west_client(west: WorkspacesBackend) -> Any:
    return boto3.client("workspaces", region_name=STANDBY_REGION, config=Config(retries={"max_attempts": 0}))


def _request(primary_id: str, directory_id: str, **extra: Any) -> dict[str, Any]:
    return {"PrimaryWorkspaceId": primary_id, "DirectoryId": directory_id, **extra}


def _create(west_client: Any, *requests: dict[str, Any]) -> dict[str, Any]:
    answer = west_client.create_standby_workspaces(
        PrimaryRegion=PRIMARY_REGION, StandbyWorkspaces=list(requests)
    )
    return dict(answer)


def _describe(client: Any, workspace_id: str) -> dict[str, Any]:
    return dict(client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"][0])


@pytest.mark.workspaces(lifecycle="manual")
def test_create_standby_workspaces_pending_then_stopped_and_related_in_both_regions(
    client: Any, west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace(user_name="alice", tags={"team": "blue"})
    directory = west.add_directory()
    answer = _create(
        west_client, _request(primary.workspace_id, directory.directory_id, Tags=[{"Key": "k", "Value": "v"}])
    )
    assert answer["FailedStandbyRequests"] == []
    [pending] = answer["PendingStandbyRequests"]
    standby_id = pending["WorkspaceId"]
    assert pending == {
        "UserName": "alice",
        "DirectoryId": directory.directory_id,
        "State": "PENDING",
        "WorkspaceId": standby_id,
    }
    assert _describe(client, primary.workspace_id)["RelatedWorkspaces"] == [
        {"WorkspaceId": standby_id, "Region": STANDBY_REGION, "State": "PENDING", "Type": "STANDBY"}
    ]
    west.settle()
    standby = _describe(west_client, standby_id)
    assert standby["State"] == "STOPPED"
    assert standby["WorkspaceProperties"]["RunningMode"] == "AUTO_STOP"
    assert standby["RelatedWorkspaces"] == [
        {
            "WorkspaceId": primary.workspace_id,
            "Region": PRIMARY_REGION,
            "State": "AVAILABLE",
            "Type": "PRIMARY",
        }
    ]
    assert standby["DataReplicationSettings"] == {"DataReplication": "NO_REPLICATION"}
    found = _describe(client, primary.workspace_id)
    assert found["RelatedWorkspaces"][0]["State"] == "STOPPED"
    assert found["StandbyWorkspacesProperties"] == [
        {"StandbyWorkspaceId": standby_id, "DataReplication": "NO_REPLICATION"}
    ]
    assert west_client.describe_tags(ResourceId=standby_id)["TagList"] == [{"Key": "k", "Value": "v"}]


@pytest.mark.workspaces(lifecycle="timed")
def test_create_standby_workspaces_timed_stopped_after_twenty_minutes(
    west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    directory = west.add_directory()
    standby_id = _create(west_client, _request(primary.workspace_id, directory.directory_id))[
        "PendingStandbyRequests"
    ][0]["WorkspaceId"]
    west.clock.advance(minutes=19)
    assert _describe(west_client, standby_id)["State"] == "PENDING"
    west.clock.advance(minutes=1)
    assert _describe(west_client, standby_id)["State"] == "STOPPED"


def test_create_standby_workspaces_primary_as_source_shows_recovery_snapshot(
    client: Any, west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    directory = west.add_directory()
    request = _request(primary.workspace_id, directory.directory_id, DataReplication="PRIMARY_AS_SOURCE")
    standby_id = _create(west_client, request)["PendingStandbyRequests"][0]["WorkspaceId"]
    snapshot = client.describe_workspace_snapshots(WorkspaceId=primary.workspace_id)["RebuildSnapshots"][0][
        "SnapshotTime"
    ]
    settings = _describe(west_client, standby_id)["DataReplicationSettings"]
    assert settings == {"DataReplication": "PRIMARY_AS_SOURCE", "RecoverySnapshotTime": snapshot}


def test_modify_workspace_properties_data_replication_on_primary_updates_both_sides(
    client: Any, west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    directory = west.add_directory()
    standby_id = _create(west_client, _request(primary.workspace_id, directory.directory_id))[
        "PendingStandbyRequests"
    ][0]["WorkspaceId"]
    client.modify_workspace_properties(WorkspaceId=primary.workspace_id, DataReplication="PRIMARY_AS_SOURCE")
    assert (
        _describe(west_client, standby_id)["DataReplicationSettings"]["DataReplication"]
        == "PRIMARY_AS_SOURCE"
    )
    props = _describe(client, primary.workspace_id)["StandbyWorkspacesProperties"][0]
    assert props["DataReplication"] == "PRIMARY_AS_SOURCE" and "RecoverySnapshotTime" in props
    with pytest.raises(west_client.exceptions.InvalidParameterValuesException):
        west_client.modify_workspace_properties(WorkspaceId=standby_id, DataReplication="PRIMARY_AS_SOURCE")


def test_create_standby_workspaces_terminating_a_side_unlinks_the_other(
    client: Any, west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    directory = west.add_directory()
    standby_id = _create(west_client, _request(primary.workspace_id, directory.directory_id))[
        "PendingStandbyRequests"
    ][0]["WorkspaceId"]
    west_client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": standby_id}])
    west_client.describe_workspaces()
    found = _describe(client, primary.workspace_id)
    assert "RelatedWorkspaces" not in found and "StandbyWorkspacesProperties" not in found


def test_create_standby_workspaces_standby_refuses_rebuild_restore_migrate_and_state_change(
    west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    directory = west.add_directory()
    standby_id = _create(west_client, _request(primary.workspace_id, directory.directory_id))[
        "PendingStandbyRequests"
    ][0]["WorkspaceId"]
    west_client.start_workspaces(StartWorkspaceRequests=[{"WorkspaceId": standby_id}])  # failover use
    assert _describe(west_client, standby_id)["State"] == "AVAILABLE"
    errors = west_client.exceptions
    with pytest.raises(errors.OperationNotSupportedException):
        west_client.rebuild_workspaces(RebuildWorkspaceRequests=[{"WorkspaceId": standby_id}])
    with pytest.raises(errors.OperationNotSupportedException):
        west_client.restore_workspace(WorkspaceId=standby_id)
    with pytest.raises(errors.OperationNotSupportedException):
        west_client.modify_workspace_state(WorkspaceId=standby_id, WorkspaceState="ADMIN_MAINTENANCE")
    with pytest.raises(errors.OperationNotSupportedException):
        west_client.migrate_workspace(SourceWorkspaceId=standby_id, BundleId=GRAPHICS)


def test_create_standby_workspaces_per_item_failures_in_spec_order(
    west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    good = workspaces_backend.add_workspace()
    rebooting = workspaces_backend.add_workspace(state="REBOOTING")
    gpu = workspaces_backend.add_workspace(bundle_id=GRAPHICS)
    directory = west.add_directory()
    west.lifecycle.mode = "manual"
    registering = west.add_directory()
    west.lifecycle.enter(registering, DIRECTORY, "REGISTERING")
    requests = [
        _request("ws-000000000", directory.directory_id),
        _request(good.workspace_id, "d-0000000000"),
        _request(rebooting.workspace_id, directory.directory_id),
        _request(gpu.workspace_id, directory.directory_id),
        _request(good.workspace_id, directory.directory_id),
        _request(good.workspace_id, directory.directory_id),
    ]
    requests.append(_request(good.workspace_id, registering.directory_id))
    answer = _create(west_client, *requests)
    codes = [f["ErrorCode"] for f in answer["FailedStandbyRequests"]]
    expected = [
        "ResourceNotFound.Workspace",
        "ResourceNotFound.Directory",
        "InvalidResourceState.Workspace",
        "UnsupportedWorkspaceConfiguration",
        "ResourceExists.Workspace",
        "InvalidResourceState.Directory",
    ]
    assert codes == expected
    assert answer["FailedStandbyRequests"][0]["StandbyWorkspaceRequest"] == requests[0]
    assert len(answer["PendingStandbyRequests"]) == 1


@pytest.mark.parametrize(
    ("region", "requests"),
    [(PRIMARY_REGION, 0), (STANDBY_REGION, 1), ("mars-north-1", 1), (PRIMARY_REGION, 26)],
    ids=["empty", "same-region", "unknown-region", "too-many"],
)
def test_create_standby_workspaces_bad_request_raises_invalid_parameter_values(
    west_client: Any, west: WorkspacesBackend, region: str, requests: int
) -> None:
    items = [_request(f"ws-{n:09d}", "d-0000000000") for n in range(requests)]
    with pytest.raises(west_client.exceptions.InvalidParameterValuesException):
        west_client.create_standby_workspaces(PrimaryRegion=region, StandbyWorkspaces=items)


def test_create_standby_workspaces_quota_raises_resource_limit_exceeded(
    west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    west.settings.standby_workspace_quota = 1
    directory = west.add_directory()
    first, second = workspaces_backend.add_workspace(), workspaces_backend.add_workspace()
    _create(west_client, _request(first.workspace_id, directory.directory_id))
    with pytest.raises(west_client.exceptions.ResourceLimitExceededException):
        _create(west_client, _request(second.workspace_id, directory.directory_id))


def test_create_standby_workspaces_own_bundle_is_copied_to_the_standby_region(
    west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("team-bundle")
    primary = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id)
    other = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id)
    directory = west.add_directory()
    answer = _create(
        west_client,
        _request(primary.workspace_id, directory.directory_id),
        _request(other.workspace_id, directory.directory_id),
    )
    ids = [p["WorkspaceId"] for p in answer["PendingStandbyRequests"]]
    bundles = {_describe(west_client, wid)["BundleId"] for wid in ids}
    assert len(bundles) == 1 and bundle.bundle_id not in bundles
    [copy] = west_client.describe_workspace_bundles(BundleIds=list(bundles))["Bundles"]
    assert copy["Name"] == "team-bundle"


def test_add_standby_arranges_a_linked_pair_in_two_regions(
    client: Any, west_client: Any, workspaces_backend: WorkspacesBackend, west: WorkspacesBackend
) -> None:
    primary = workspaces_backend.add_workspace()
    made = workspaces_backend.add_standby(
        primary.workspace_id, STANDBY_REGION, data_replication="PRIMARY_AS_SOURCE"
    )
    assert made.workspace_id in west.workspaces
    standby = _describe(west_client, made.workspace_id)
    assert standby["State"] == "STOPPED"
    assert standby["RelatedWorkspaces"][0]["WorkspaceId"] == primary.workspace_id
    assert _describe(client, primary.workspace_id)["RelatedWorkspaces"][0]["State"] == "STOPPED"
    with pytest.raises(ValueError, match="already has a standby"):
        workspaces_backend.add_standby(primary.workspace_id, STANDBY_REGION)


def test_add_standby_unknown_data_replication_is_a_python_error(
    workspaces_backend: WorkspacesBackend,
) -> None:
    primary = workspaces_backend.add_workspace()
    with pytest.raises(ValueError, match="DataReplication"):
        workspaces_backend.add_standby(primary.workspace_id, STANDBY_REGION, data_replication="BOTH_WAYS")
