"""Many threads, two processes and pytest-xdist against servers: no call lost, no port shared."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from _kit import client_for

from workspaces_fake.server import RemoteBackend, WorkspacesServer

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]


def _create(client: Any, directory: str, bundle: str, user: str) -> str:
    answer = client.create_workspaces(
        Workspaces=[{"DirectoryId": directory, "UserName": user, "BundleId": bundle}]
    )
    assert answer["FailedRequests"] == [], answer["FailedRequests"]
    return str(answer["PendingRequests"][0]["WorkspaceId"])


def _bundle(client: Any) -> str:
    return str(client.describe_workspace_bundles(Owner="AMAZON")["Bundles"][0]["BundleId"])


def test_many_threads_lose_nothing(workspaces_server: WorkspacesServer, remote: RemoteBackend) -> None:
    directory = remote.add_directory()["directory_id"]
    bundle = _bundle(client_for(workspaces_server))

    def worker(index: int) -> list[str]:
        client = client_for(workspaces_server)
        return [_create(client, directory, bundle, f"t{index}u{n}") for n in range(6)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        made = [ws for batch in pool.map(worker, range(8)) for ws in batch]
    assert len(set(made)) == 48
    listed = client_for(workspaces_server).get_paginator("describe_workspaces").paginate()
    assert {w["WorkspaceId"] for page in listed for w in page["Workspaces"]} == set(made)
    assert [c.outcome for c in remote.calls.of("CreateWorkspaces")] == ["ok"] * 48


SCRIPT = """
import sys, boto3
url, directory, bundle, prefix = sys.argv[1:]
client = boto3.client("workspaces", endpoint_url=url, region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")
for n in range(10):
    answer = client.create_workspaces(
        Workspaces=[{"DirectoryId": directory, "UserName": f"{prefix}{n}", "BundleId": bundle}])
    assert not answer["FailedRequests"], answer
"""


def test_two_processes_share_one_server(workspaces_server: WorkspacesServer, remote: RemoteBackend) -> None:
    directory = remote.add_directory()["directory_id"]
    bundle = _bundle(client_for(workspaces_server))
    args = [sys.executable, "-c", SCRIPT, workspaces_server.url, directory, bundle]
    children = [subprocess.Popen([*args, prefix]) for prefix in ("a", "b")]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    users = {w["user_name"] for w in remote.state()["resources"]["workspaces"]}
    assert users == {f"{prefix}{n}" for prefix in "ab" for n in range(10)}


INNER = """
import boto3, pytest

@pytest.mark.parametrize("n", range(4))
def test_isolated(workspaces_server, n):
    workspaces_server.control.backend().add_workspace()
    client = boto3.client(
        "workspaces", endpoint_url=workspaces_server.url, region_name="us-east-1",
        aws_access_key_id="k", aws_secret_access_key="s",
    )
    assert len(client.describe_workspaces()["Workspaces"]) == 1
"""
QUIET = ("randomly", "cacheprovider", "hypothesispytest", "benchmark", "time_machine")


def test_servers_under_xdist_are_isolated(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the workers import this checkout's package
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess(
        "-n", "2", *(arg for name in QUIET for arg in ("-p", f"no:{name}"))
    )
    result.assert_outcomes(passed=4)
