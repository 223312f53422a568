"""The AWS SDK for JavaScript v3 (``@aws-sdk/client-workspaces``, run by the machine's node) against a server.

tests/server/js/driver.mjs makes one SDK call per JSON line it reads; the test moves the server's clock and
sets fault rules between calls. .ci/run installs the SDK with ``npm ci`` from the committed lock file.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _kit import missing, require_tool, tool_environment

from workspaces_fake.server import RemoteBackend, WorkspacesServer

JS = Path(__file__).resolve().parent / "js"
OFFICE_NAME = "Microsoft Office LTSC Professional Plus 2021"


class Driver:
    """One node process running driver.mjs; :meth:`call` sends a request and reads the answer."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def call(self, op: str, **request: Any) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"op": op, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the node driver stopped"
        return json.loads(line)

    def ok(self, op: str, **request: Any) -> Any:
        reply = self.call(op, **request)
        assert reply["ok"], reply
        return reply["output"] if "output" in reply else reply["pages"]


@pytest.fixture
def js(workspaces_server: WorkspacesServer, tmp_path: Path) -> Iterator[Driver]:
    node = require_tool("node", "nodejs")
    if not (JS / "node_modules" / "@aws-sdk" / "client-workspaces").is_dir():
        missing(f"the JS SDK is not installed: run `npm ci` in {JS} (.ci/run does)")
    command = [node, str(JS / "driver.mjs"), workspaces_server.url, "us-east-1"]
    env = tool_environment(tmp_path)
    with subprocess.Popen(
        command, cwd=JS, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            yield Driver(process)
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=30)


def test_js_sdk_create_describe_and_paginate(js: Driver, remote: RemoteBackend) -> None:
    directory = remote.add_directory()["directory_id"]
    bundle = remote.state()["resources"]["bundles"][0]["bundle_id"]
    request = {"DirectoryId": directory, "UserName": "dave", "BundleId": bundle}
    created = js.ok("CreateWorkspaces", input={"Workspaces": [request]})
    assert created["FailedRequests"] == [] and created["$metadata"]["httpStatusCode"] == 200
    workspace = created["PendingRequests"][0]["WorkspaceId"]
    described = js.ok("DescribeWorkspaces", input={"WorkspaceIds": [workspace]})["Workspaces"]
    assert [(w["UserName"], w["State"]) for w in described] == [("dave", "AVAILABLE")]
    for n in range(11):
        remote.add_workspace(user_name=f"u{n}")
    pages = js.ok("DescribeWorkspaces", paginate=True, pageSize=5)
    assert [len(page["Workspaces"]) for page in pages] == [5, 5, 2]


def test_js_sdk_application_deployment_with_the_clock(js: Driver, remote: RemoteBackend) -> None:
    remote.lifecycle.mode = "timed"
    workspace = remote.add_workspace()["workspace_id"]
    office = remote.application_named(OFFICE_NAME)["application_id"]
    pair = {"WorkspaceId": workspace, "ApplicationId": office}
    assert js.ok("AssociateWorkspaceApplication", input=pair)["Association"]["State"] == (
        "PENDING_INSTALL_DEPLOYMENT"
    )
    js.ok("DeployWorkspaceApplications", input={"WorkspaceId": workspace})
    query = {"WorkspaceId": workspace, "AssociatedResourceTypes": ["APPLICATION"]}
    assert js.ok("DescribeWorkspaceAssociations", input=query)["Associations"][0]["State"] != "COMPLETED"
    remote.clock.advance(hours=1)
    assert js.ok("DescribeWorkspaceAssociations", input=query)["Associations"][0]["State"] == "COMPLETED"


def test_js_sdk_retries_a_throttled_call(js: Driver, remote: RemoteBackend) -> None:
    remote.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    answer = js.ok("DescribeWorkspaces", maxAttempts=3)
    assert answer["$metadata"]["attempts"] == 3
    assert [c.outcome for c in remote.calls.of("DescribeWorkspaces")] == ["ThrottlingException"] * 2 + ["ok"]


def test_js_sdk_errors_as_the_sdk_surfaces_them(js: Driver, remote: RemoteBackend) -> None:
    invalid = js.call("DescribeWorkspaces", input={"WorkspaceIds": ["not-an-id"]})
    assert (invalid["ok"], invalid["name"], invalid["status"]) == (False, "ValidationException", 400)
    assert "failed to satisfy constraint" in invalid["message"]
    missing = js.call(
        "DescribeWorkspaceAssociations",
        input={"WorkspaceId": "ws-00000000", "AssociatedResourceTypes": ["APPLICATION"]},
    )
    assert (missing["name"], missing["status"]) == ("ResourceNotFoundException", 400)
