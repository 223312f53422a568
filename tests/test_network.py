"""No network and no credentials: every WorkSpaces call is answered in-process and nothing is signed.

About client creation: botocore resolves credentials when a client is created, not when it calls. With no
AWS configuration at all, its provider chain may ask the EC2 instance metadata endpoint (169.254.169.254).
A WorkSpaces client created while a mock is active gets deferred credentials and probes nothing
(tests/test_no_probe.py); one created outside may, so these tests allow that one address at creation
only, then demand that the calls themselves open nothing and that no ``*.amazonaws.com`` host is ever
looked up.
"""

from __future__ import annotations

import os
from typing import Any

import boto3
import botocore.auth
import botocore.credentials
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

from workspaces_fake import WorkspacesBackend, mock_workspaces

IMDS = "169.254.169.254"


def _scenario(client: Any, backend: WorkspacesBackend) -> None:
    """Fast door, an error, an unsupported operation and a retried fault through the wire door."""
    assert client.describe_workspaces()["Workspaces"] == []
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspaces(WorkspaceIds=["bogus"])
    with pytest.raises(client.exceptions.ClientError):
        client.create_account_link_invitation(TargetAccountId="210987654321")
    backend.faults.on("DescribeWorkspaces").fail("ServiceUnavailable")
    backend.faults.on("DescribeWorkspaces").disconnect()
    assert client.describe_workspaces()["ResponseMetadata"]["RetryAttempts"] == 2


def _retrying(region: str) -> Any:
    config = Config(retries={"mode": "standard", "total_max_attempts": 3})
    return boto3.client("workspaces", region_name=region, config=config)


def test_no_aws_configuration_calls_work_and_open_no_connection(
    no_aws_config: None, connections: list[tuple[str, Any]], no_retry_sleep: list[float]
) -> None:
    before = dict(os.environ)
    with mock_workspaces(region="us-east-1") as backend:
        client = _retrying("us-east-1")  # created with the guard on: see the module docstring
        at_creation = list(connections)
        connections.clear()
        _scenario(client, backend)
    assert connections == []
    assert {host for host, _ in at_creation} <= {IMDS}
    assert dict(os.environ) == before
    assert len(backend.calls) == 6


def test_no_connection_to_any_aws_host_even_with_client_created_outside(
    no_aws_config: None, connections: list[tuple[str, Any]], no_retry_sleep: list[float]
) -> None:
    client = _retrying("eu-west-1")
    with mock_workspaces(region="eu-west-1") as backend:
        _scenario(client, backend)
    assert not [host for host, _ in connections if host.endswith("amazonaws.com")]
    assert {host for host, _ in connections} <= {IMDS}


def test_nothing_is_signed_and_no_credentials_are_read(
    monkeypatch: pytest.MonkeyPatch, connections: list[tuple[str, Any]], no_retry_sleep: list[float]
) -> None:
    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the fake must neither sign requests nor read credentials")

    client = boto3.client(
        "workspaces",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(retries={"mode": "standard", "total_max_attempts": 3}),
    )
    monkeypatch.setattr(botocore.auth.SigV4Auth, "add_auth", forbidden)
    monkeypatch.setattr(botocore.credentials.Credentials, "get_frozen_credentials", forbidden)
    with mock_workspaces() as backend:
        _scenario(client, backend)
    assert connections == []


def test_signing_resumes_after_deactivation(
    monkeypatch: pytest.MonkeyPatch, fake_credentials: None, connections: list[tuple[str, Any]]
) -> None:
    signed: list[Any] = []
    original = botocore.auth.SigV4Auth.add_auth

    def record(self: Any, request: Any) -> None:
        signed.append(request)
        original(self, request)

    monkeypatch.setattr(botocore.auth.SigV4Auth, "add_auth", record)
    config = Config(retries={"total_max_attempts": 1})
    client = boto3.client("workspaces", region_name="us-east-1", config=config)
    with mock_workspaces():
        client.describe_workspaces()
    assert signed == []
    with pytest.raises(EndpointConnectionError):
        client.describe_workspaces()
    assert len(signed) == 1
    assert [host for host, _ in connections] == ["workspaces.us-east-1.amazonaws.com"]
