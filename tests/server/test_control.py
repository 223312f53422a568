"""The control API and its Python client: the backend's API over HTTP, with the same checks and errors."""

from __future__ import annotations

import contextlib
import json
import time
import urllib.request
from datetime import datetime, timedelta
from typing import Any

import pytest
from _kit import client_for

from workspaces_fake.models._arrange import ARRANGE_HELPERS
from workspaces_fake.server import ControlError, RemoteBackend, ServerControl, WorkspacesServer


def test_every_arrange_helper_is_offered(workspaces_server: WorkspacesServer) -> None:
    offered = workspaces_server.control.helpers()
    assert set(offered) == set(ARRANGE_HELPERS)
    assert "user_name" in offered["add_workspace"]["signature"]
    assert "backend" not in offered["add_workspace"]["signature"]


def test_arranged_resources_are_what_boto3_sees(server_client: Any, remote: RemoteBackend) -> None:
    directory = remote.add_directory(directory_name="corp.example.org")
    workspace = remote.add_workspace(user_name="bob", directory_id=directory["directory_id"], tags={"a": "1"})
    assert workspace["workspace_id"].startswith("ws-") and workspace["state"] == "AVAILABLE"
    seen = server_client.describe_workspaces(WorkspaceIds=[workspace["workspace_id"]])["Workspaces"][0]
    assert (seen["UserName"], seen["DirectoryId"]) == ("bob", directory["directory_id"])
    tags = server_client.describe_tags(ResourceId=workspace["workspace_id"])["TagList"]
    assert tags == [{"Key": "a", "Value": "1"}]


def test_arrange_refuses_what_the_model_refuses(remote: RemoteBackend) -> None:
    with pytest.raises(ValueError, match="running_mode"):
        remote.add_workspace(running_mode="SOMETIMES_ON")
    assert remote.state()["resources"]["workspaces"] == []


def test_arrange_with_a_datetime_argument(remote: RemoteBackend) -> None:
    made = remote.add_application(
        "Tool",
        supported_operating_system_names=["WINDOWS_SERVER_2022"],
        supported_compute_type_names=["STANDARD"],
        created=datetime(2024, 1, 2, 3, 4, 5),
    )
    assert made["created"].startswith("2024-01-02T03:04:05")


def test_arrange_unknown_helper_and_bad_arguments(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    with pytest.raises(ValueError, match="not an arrange helper"):
        control.request("POST", "/arrange/add_unicorn", {})
    with pytest.raises(TypeError):
        control.backend().add_workspace(colour="blue")
    with pytest.raises(KeyError, match="no application named"):
        control.backend().application_named("Nothing")
    with pytest.raises(AttributeError):
        control.backend().add_unicorn  # noqa: B018


def test_unknown_route_answers_404(workspaces_server: WorkspacesServer) -> None:
    with pytest.raises(ControlError) as caught:
        workspaces_server.control.request("GET", "/nowhere")
    assert caught.value.status == 404


def test_reset_everything_or_one_backend(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    east, west = control.backend(), control.backend(region="eu-west-1")
    east.add_workspace()
    west.add_workspace()
    west.reset()
    assert len(west.state()["resources"]["workspaces"]) == 0
    assert len(east.state()["resources"]["workspaces"]) == 1
    control.reset()
    assert control.state()["backends"] == []


def test_seed_makes_ids_repeat(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    control.seed(7)
    first = control.backend().add_workspace()["workspace_id"]
    control.seed(7)
    assert control.backend().state()["resources"]["workspaces"] == []
    assert control.backend().add_workspace()["workspace_id"] == first
    control.seed(8)
    assert control.backend().add_workspace()["workspace_id"] != first


def test_lifecycle_mode_clock_and_settle(server_client: Any, remote: RemoteBackend) -> None:
    remote.lifecycle.mode = "manual"
    assert remote.lifecycle.mode == "manual"
    workspace = remote.add_workspace(state="STOPPED", running_mode="AUTO_STOP")["workspace_id"]
    server_client.start_workspaces(StartWorkspaceRequests=[{"WorkspaceId": workspace}])

    def state() -> str:
        return str(server_client.describe_workspaces(WorkspaceIds=[workspace])["Workspaces"][0]["State"])

    assert state() == "STARTING"
    before = remote.clock.now()
    assert remote.clock.advance(hours=2) - before >= timedelta(hours=2)
    assert state() == "STARTING", "manual mode waits for settle, whatever the clock says"
    remote.settle()
    assert state() == "AVAILABLE"
    with pytest.raises(ValueError, match="mode must be one of"):
        remote.lifecycle.mode = "sometimes"


def test_lifecycle_for_every_backend(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    control.set_lifecycle("timed")
    assert control.backend(region="sa-east-1").lifecycle.mode == "timed"


def test_fault_rules_pending_and_cleared(server_client: Any, remote: RemoteBackend) -> None:
    remote.faults.on("CreateWorkspaces").fail("ThrottlingException")
    remote.faults.on_deployment(application_id="wsa-12345678").fail("DeploymentError.InternalServerError")
    assert len(remote.faults.pending()) == 2
    assert workspaces_pending(remote) == 2
    remote.faults.clear()
    assert remote.faults.pending() == []
    with pytest.raises(ValueError, match="not an error code"):
        remote.faults.on("DescribeWorkspaces").fail("NoSuchError")
    with pytest.raises(ValueError, match="not a WorkSpaces operation"):
        remote.faults.on("DescribeUnicorns").fail("ThrottlingException")


def workspaces_pending(remote: RemoteBackend) -> int:
    return len(remote.control.pending_faults())


def test_fault_with_a_probability_is_seeded(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control

    def outcomes() -> list[str]:
        control.seed(3)
        backend = control.backend()
        backend.faults.on("DescribeWorkspaces", probability=0.5).fail("ThrottlingException", times=100)
        client = client_for(workspaces_server)
        for _ in range(20):
            with contextlib.suppress(client.exceptions.ClientError):
                client.describe_workspaces()
        return [call.outcome for call in backend.calls]

    first = outcomes()
    assert 0 < first.count("ThrottlingException") < 20
    assert outcomes() == first


def test_latency_rule_delays_the_answer(server_client: Any, remote: RemoteBackend) -> None:
    remote.faults.on("DescribeWorkspaces").delay(0.2)
    assert remote.faults.pending() == ["on('DescribeWorkspaces'): delay 0.2s, 1 of 1 left"]
    started = time.perf_counter()
    server_client.describe_workspaces()
    assert time.perf_counter() - started >= 0.2
    assert remote.faults.pending() == []


def test_fault_rule_needs_an_effect(remote: RemoteBackend) -> None:
    with pytest.raises(ValueError, match="names an error"):
        remote.request("POST", "/faults", {"operation": "DescribeWorkspaces"})


def test_call_log_over_http(server_client: Any, remote: RemoteBackend) -> None:
    server_client.describe_workspaces()
    with pytest.raises(server_client.exceptions.ClientError):
        server_client.describe_workspaces(WorkspaceIds=["bad"])
    log = remote.calls
    assert [(c.operation, c.outcome) for c in log] == [
        ("DescribeWorkspaces", "ok"),
        ("DescribeWorkspaces", "ValidationException"),
    ]
    assert log.of("DescribeWorkspaces")[1].params == {"WorkspaceIds": ["bad"]}


def test_state_dump_names_every_store_and_association_states(
    server_client: Any, remote: RemoteBackend
) -> None:
    workspace = remote.add_workspace()["workspace_id"]
    office = remote.application_named("Microsoft Office LTSC Professional Plus 2021")["application_id"]
    server_client.associate_workspace_application(WorkspaceId=workspace, ApplicationId=office)
    dump = remote.state()
    assert {"workspaces", "directories", "bundles", "images", "applications"} <= set(dump["resources"])
    rows = [r for r in dump["associations"] if r["resource_id"] == workspace]
    assert [(r["application_id"], r["state"]) for r in rows] == [(office, "PENDING_INSTALL_DEPLOYMENT")]
    assert json.loads(json.dumps(dump)) == dump


def test_in_region_and_in_account(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    other = control.backend().in_account("999988887777").in_region("eu-central-1")
    other.add_workspace()
    assert (other.account_id, other.region_name) == ("999988887777", "eu-central-1")
    client = client_for(workspaces_server, "eu-central-1", access_key="999988887777")
    assert len(client.describe_workspaces()["Workspaces"]) == 1


def test_control_from_a_second_client_object(workspaces_server: WorkspacesServer) -> None:
    ServerControl(workspaces_server.url + "/").backend().add_workspace()
    assert len(workspaces_server.control.backend().state()["resources"]["workspaces"]) == 1


def test_page_lists_the_world(server_client: Any, remote: RemoteBackend) -> None:
    remote.lifecycle.mode = "manual"
    workspace = remote.add_workspace(state="STOPPED", running_mode="AUTO_STOP")["workspace_id"]
    server_client.start_workspaces(StartWorkspaceRequests=[{"WorkspaceId": workspace}])
    with urllib.request.urlopen(remote.control.url + "/_workspaces_fake/") as response:
        page = response.read().decode()
        assert response.headers["Content-Type"].startswith("text/html")
    assert workspace in page and "STARTING" in page and "StartWorkspaces" in page
    assert "http-equiv='refresh'" in page
