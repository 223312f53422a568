"""Issue 12, "several accounts in one world": calls made as another account of the same world.

Four ways, strongest first: ``as_account(client, id)``; the client's explicit credentials naming an
account (``aws_account_id=``, or an access key id of 12 digits); the activation's ``account_id`` (and the
marker option of the same name). Each account has its own backend per region, in one world and clock.
"""

from __future__ import annotations

import asyncio
from typing import Any

import boto3
import pytest
from aiobotocore.session import get_session

import workspaces_fake
from workspaces_fake import WorkspacesBackend, as_account, mock_workspaces

OTHER = "210987654321"


def _client(**kwargs: Any) -> Any:
    return boto3.client("workspaces", region_name="us-east-1", **kwargs)


def _ids(client: Any) -> list[str]:
    return [ws["WorkspaceId"] for ws in client.describe_workspaces()["Workspaces"]]


def test_as_account_calls_see_the_other_accounts_state() -> None:
    with mock_workspaces() as backend:
        mine = backend.add_workspace().workspace_id
        theirs = backend.in_account(OTHER).add_workspace().workspace_id
        default, other = _client(), as_account(_client(), OTHER)
        assert _ids(default) == [mine]
        assert _ids(other) == [theirs]
        other.create_tags(ResourceId=theirs, Tags=[{"Key": "team", "Value": "b"}])
        with pytest.raises(default.exceptions.ResourceNotFoundException):
            default.describe_tags(ResourceId=theirs)
        assert other.describe_tags(ResourceId=theirs)["TagList"] == [{"Key": "team", "Value": "b"}]
    assert [call.operation for call in backend.in_account(OTHER).calls] == [
        "DescribeWorkspaces",
        "CreateTags",
        "DescribeTags",
    ]
    assert [call.operation for call in backend.calls] == ["DescribeWorkspaces", "DescribeTags"]


def test_as_account_returns_the_client_and_checks_its_arguments() -> None:
    client = _client()
    assert workspaces_fake.as_account(client, OTHER) is client
    with pytest.raises(ValueError, match="12 digits"):
        as_account(client, "12345")
    with pytest.raises(TypeError, match="takes a client"):
        as_account(object(), OTHER)


def test_as_account_on_a_client_already_used_switches_it() -> None:
    with mock_workspaces() as backend:
        client = _client()
        backend.in_account(OTHER).add_workspace()
        assert _ids(client) == []
        as_account(client, OTHER)
        assert len(_ids(client)) == 1


@pytest.mark.parametrize(
    "credentials",
    [
        {"aws_access_key_id": OTHER, "aws_secret_access_key": "x"},
        {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "x", "aws_account_id": OTHER},
    ],
    ids=["twelve-digit-access-key", "aws_account_id"],
)
def test_explicit_credentials_name_the_account(credentials: dict[str, str]) -> None:
    with mock_workspaces() as backend:
        backend.in_account(OTHER).add_workspace()
        assert len(_ids(_client(**credentials))) == 1
        assert _ids(boto3.Session(**credentials).client("workspaces", region_name="us-east-1")) != []
        assert _ids(_client(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x")) == []


def test_as_account_beats_credentials() -> None:
    with mock_workspaces() as backend:
        backend.in_account("111111111111").add_workspace()
        client = as_account(_client(aws_access_key_id=OTHER, aws_secret_access_key="x"), "111111111111")
        assert len(_ids(client)) == 1


def test_activation_account_and_its_nesting() -> None:
    with mock_workspaces() as backend:
        backend.in_account(OTHER).add_workspace()
        client = _client()
        assert _ids(client) == []
        with mock_workspaces(account_id=OTHER):
            assert len(_ids(client)) == 1
        assert _ids(client) == []


@pytest.mark.workspaces(account_id=OTHER)
def test_marker_account_id(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.add_workspace()
    assert workspaces_backend.account_id == OTHER
    assert len(_ids(_client())) == 1
    assert _ids(as_account(_client(), "123456789012")) == []


def test_aiobotocore_client_as_account() -> None:
    async def main() -> Any:
        async with get_session().create_client("workspaces", region_name="us-east-1") as client:
            as_account(client, OTHER)
            return await client.describe_workspaces()

    with mock_workspaces() as backend:
        backend.in_account(OTHER).add_workspace()
        assert len(asyncio.run(main())["Workspaces"]) == 1


def test_faults_of_the_other_account_fire_for_its_calls() -> None:
    with mock_workspaces() as backend:
        backend.in_account(OTHER).faults.on("DescribeWorkspaces").fail("AccessDeniedException")
        other = as_account(_client(), OTHER)
        with pytest.raises(other.exceptions.AccessDeniedException):
            other.describe_workspaces()
        assert _client().describe_workspaces()["Workspaces"] == []
