"""Side by side with moto 5: WorkSpaces answered by this fake, every other service by moto, either nesting.

moto answers at ``before-send`` for every service it knows (WorkSpaces included). The fast door answers
earlier, at ``before-call``; the wire door is registered on the more specific ``before-send.workspaces``,
which botocore calls before moto's generic ``before-send``. So faults keep working with moto active.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import boto3
import pytest
from botocore.config import Config
from moto import mock_aws

from workspaces_fake import WorkspacesBackend, _dispatch, mock_workspaces


def _pair(order: str) -> tuple[AbstractContextManager[Any], AbstractContextManager[Any]]:
    ours, theirs = mock_workspaces(), mock_aws()
    return (theirs, ours) if order == "moto-outside" else (ours, theirs)


@pytest.mark.parametrize("order", ["moto-outside", "moto-inside"])
def test_moto_and_fake_split_services(
    order: str, no_retry_sleep: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(_dispatch.HANDLERS, "CreateAccountLinkInvitation", raising=False)
    outer, inner = _pair(order)
    with outer as first, inner as second:
        backend: WorkspacesBackend = first if isinstance(first, WorkspacesBackend) else second
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="workspaces-fake-test")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["workspaces-fake-test"]
        sts = boto3.client("sts", region_name="us-east-1")
        assert sts.get_caller_identity()["Account"] == "123456789012"  # moto's default account

        config = Config(retries={"mode": "standard", "total_max_attempts": 3})
        workspaces = boto3.client("workspaces", region_name="us-east-1", config=config)
        assert workspaces.describe_workspaces()["Workspaces"] == []
        with pytest.raises(workspaces.exceptions.ClientError) as caught:
            workspaces.create_account_link_invitation(TargetAccountId="210987654321")
        assert caught.value.response["Error"]["Code"] == "WorkspacesFakeNotSupported"

        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException")  # through the wire door
        assert workspaces.describe_workspaces()["ResponseMetadata"]["RetryAttempts"] == 1
        assert [c.outcome for c in backend.calls.of("DescribeWorkspaces")] == [
            "ok",
            "ThrottlingException",
            "ok",
        ]


def test_moto_answers_workspaces_again_once_the_fake_is_off() -> None:
    with mock_aws():
        client = boto3.client("workspaces", region_name="us-east-1")
        with mock_workspaces() as backend:
            client.describe_workspaces()
        client.describe_workspaces()  # moto's WorkSpaces answers; the fake sees nothing
        assert len(backend.calls) == 1
