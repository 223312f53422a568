"""``python -m workspaces_fake serve`` from a shell, and the AWS CLI (``aws workspaces``) against a server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _kit import require_tool, tool_environment

from workspaces_fake.server import RemoteBackend, ServerControl, WorkspacesServer
from workspaces_fake.server.cli import READY

ROOT = Path(__file__).resolve().parents[2]
OFFICE_NAME = "Microsoft Office LTSC Professional Plus 2021"


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "workspaces_fake", "serve", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith(READY), (line, process.stderr.read() if process.poll() is not None else "")
    return process, line[len(READY) :].strip()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_its_url_answers_and_stops_cleanly(stop: signal.Signals) -> None:
    process, url = _start("--lifecycle", "timed", "--region", "eu-west-2", "--account-id", "111122223333")
    with process:
        try:
            assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
            backend = ServerControl(url).backend()
            assert (backend.account_id, backend.region_name, backend.lifecycle.mode) == (
                "111122223333",
                "eu-west-2",
                "timed",
            )
        finally:
            process.send_signal(stop)
            _, errors = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "stopped" in errors


def test_serve_refuses_an_unknown_mode() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workspaces_fake", "serve", "--lifecycle", "sometimes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "invalid choice" in done.stderr


class AwsCli:
    """``aws workspaces ...`` against one server, with dummy credentials and no user configuration."""

    def __init__(self, server: WorkspacesServer, tmp_path: Path) -> None:
        self.aws = require_tool("aws")
        self.url = server.url
        self.env = tool_environment(tmp_path)

    def run(self, *args: str, retries: int = 1) -> subprocess.CompletedProcess[str]:
        env = {**self.env, "AWS_MAX_ATTEMPTS": str(retries), "AWS_RETRY_MODE": "standard"}
        command = [self.aws, "workspaces", *args, "--endpoint-url", self.url, "--output", "json"]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    def json(self, *args: str, retries: int = 1) -> Any:
        done = self.run(*args, retries=retries)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else {}


@pytest.fixture
def aws(workspaces_server: WorkspacesServer, tmp_path: Path) -> AwsCli:
    return AwsCli(workspaces_server, tmp_path)


def test_aws_cli_creates_describes_and_paginates(aws: AwsCli, remote: RemoteBackend) -> None:
    directory = remote.add_directory()["directory_id"]
    bundle = remote.state()["resources"]["bundles"][0]["bundle_id"]  # a public bundle
    request = json.dumps([{"DirectoryId": directory, "UserName": "carol", "BundleId": bundle}])
    created = aws.json("create-workspaces", "--workspaces", request)
    assert created["FailedRequests"] == []
    for n in range(29):
        remote.add_workspace(user_name=f"u{n}")
    everything = aws.json("describe-workspaces")  # the CLI follows NextToken itself
    assert len(everything["Workspaces"]) == 30
    first = aws.json("describe-workspaces", "--max-items", "10")
    assert len(first["Workspaces"]) == 10 and first["NextToken"]
    assert len(remote.calls.of("DescribeWorkspaces")) == 3  # 25 + 5 for the full list, then one page


def test_aws_cli_application_deployment_with_the_clock(aws: AwsCli, remote: RemoteBackend) -> None:
    remote.lifecycle.mode = "timed"
    workspace = remote.add_workspace()["workspace_id"]
    office = remote.application_named(OFFICE_NAME)["application_id"]
    aws.json("associate-workspace-application", "--workspace-id", workspace, "--application-id", office)
    aws.json("deploy-workspace-applications", "--workspace-id", workspace)
    remote.clock.advance(hours=1)
    rows = aws.json(
        "describe-workspace-associations",
        "--workspace-id",
        workspace,
        "--associated-resource-types",
        "APPLICATION",
    )["Associations"]
    assert [(row["AssociatedResourceId"], row["State"]) for row in rows] == [(office, "COMPLETED")]


def test_aws_cli_retries_a_throttled_call(aws: AwsCli, remote: RemoteBackend) -> None:
    remote.faults.on("DescribeWorkspaces").fail("ThrottlingException")
    assert aws.json("describe-workspaces", retries=3) == {"Workspaces": []}
    assert [c.outcome for c in remote.calls.of("DescribeWorkspaces")] == ["ThrottlingException", "ok"]


def test_aws_cli_shows_validation_errors(aws: AwsCli) -> None:
    done = aws.run("describe-workspaces", "--workspace-ids", "not-an-id")
    assert done.returncode in (254, 255)  # v2 and v1 of the CLI: a service error
    assert "ValidationException" in done.stderr and "failed to satisfy constraint" in done.stderr
