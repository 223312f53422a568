"""Issue 9 item 3: creating a WorkSpaces client while a mock is active probes no metadata service.

botocore resolves credentials when a client is created; with no configuration its chain ends by asking
the EC2 instance metadata service (169.254.169.254), twice per client. Under a mock a WorkSpaces client
gets deferred credentials instead: nothing is signed while the mock is active, and the chain runs at the
first signed call if the client outlives the mock. ``os.environ`` is never touched.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import boto3
import botocore.auth
import botocore.session
import pytest
from aiobotocore.session import get_session
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError, NoCredentialsError

from workspaces_fake import mock_workspaces

IMDS = "169.254.169.254"
ONE_ATTEMPT = Config(retries={"total_max_attempts": 1})


def test_workspaces_clients_made_while_active_probe_nothing(
    no_aws_config: None, connections: list[tuple[str, Any]]
) -> None:
    before = dict(os.environ)
    with mock_workspaces() as backend:
        clients = [
            boto3.client("workspaces", region_name="us-east-1"),
            boto3.Session().client("workspaces", region_name="us-east-1"),
            botocore.session.get_session().create_client("workspaces", region_name="us-east-1"),
        ]
        for client in clients:
            client.describe_workspaces()
    assert connections == []
    assert len(backend.calls) == 3
    assert dict(os.environ) == before


def test_aiobotocore_client_made_while_active_probes_nothing(
    no_aws_config: None, connections: list[tuple[str, Any]]
) -> None:
    async def main() -> Any:
        async with get_session().create_client("workspaces", region_name="us-east-1") as client:
            return await client.describe_workspaces()

    with mock_workspaces():
        assert asyncio.run(main())["Workspaces"] == []
    assert connections == []


def test_other_services_still_resolve_credentials_at_creation(
    no_aws_config: None, connections: list[tuple[str, Any]]
) -> None:
    with mock_workspaces():
        boto3.client("sts", region_name="us-east-1")
    assert IMDS in {host for host, _ in connections}


def test_workspaces_client_made_inactive_is_unchanged(
    no_aws_config: None, connections: list[tuple[str, Any]]
) -> None:
    boto3.client("workspaces", region_name="us-east-1")
    assert IMDS in {host for host, _ in connections}


def test_client_made_inside_signs_with_the_real_chain_afterwards(
    monkeypatch: pytest.MonkeyPatch, fake_credentials: None, connections: list[tuple[str, Any]]
) -> None:
    keys: list[str] = []
    original = botocore.auth.SigV4Auth.add_auth

    def record(self: Any, request: Any) -> None:
        keys.append(self.credentials.access_key)
        original(self, request)

    monkeypatch.setattr(botocore.auth.SigV4Auth, "add_auth", record)
    with mock_workspaces():
        client = boto3.Session().client("workspaces", region_name="us-east-1", config=ONE_ATTEMPT)
        client.describe_workspaces()
    assert keys == []
    with pytest.raises(EndpointConnectionError):
        client.describe_workspaces()
    assert keys == ["testing"]


def test_client_made_inside_without_credentials_raises_no_credentials_afterwards(
    no_aws_config: None, connections: list[tuple[str, Any]]
) -> None:
    with mock_workspaces():  # a fresh session: boto3's default one may hold credentials from other tests
        client = boto3.Session().client("workspaces", region_name="us-east-1", config=ONE_ATTEMPT)
    assert connections == []
    with pytest.raises(NoCredentialsError):
        client.describe_workspaces()
    assert {host for host, _ in connections} == {IMDS}  # the chain ran now, as it would have at creation
