"""Fault rules: AWS errors with their real statuses, before validation, through botocore's real retry loop.

Retrying calls use standard retry mode with a few attempts; ``no_retry_sleep`` records botocore's
back-off delays instead of sleeping, so retries are observed without waiting.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ConnectionClosedError

from workspaces_fake import WorkspacesBackend, _dispatch

WS = "ws-abcdef123"


def _retrying(backend: WorkspacesBackend, attempts: int = 3, mode: str = "standard") -> Any:
    config = Config(retries={"mode": mode, "total_max_attempts": attempts})
    return boto3.client("workspaces", region_name=backend.region_name, config=config)


def _outcomes(backend: WorkspacesBackend, operation: str = "DescribeWorkspaces") -> list[str]:
    return [call.outcome for call in backend.calls.of(operation)]


def test_fail_throttling_twice_retried_then_succeeds(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    response = _retrying(workspaces_backend).describe_workspaces()
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert _outcomes(workspaces_backend) == ["ThrottlingException", "ThrottlingException", "ok"]
    assert len(no_retry_sleep) == 2
    assert workspaces_backend.faults.pending() == []


def test_fail_throttling_exhausts_retries_and_raises(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=3)
    client = _retrying(workspaces_backend)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces()
    response = caught.value.response
    assert response["Error"] == {"Code": "ThrottlingException", "Message": "Rate exceeded"}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert response["ResponseMetadata"]["MaxAttemptsReached"] is True


@pytest.mark.parametrize(
    ("code", "status"),
    [("ThrottlingException", 400), ("InternalFailure", 500), ("ServiceUnavailable", 503)],
)
def test_fail_retryable_code_answers_real_status_and_is_retried(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float], code: str, status: int
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail(code, times=2)
    client = _retrying(workspaces_backend, attempts=2)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces()
    assert caught.value.response["Error"]["Code"] == code
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert caught.value.response["ResponseMetadata"]["RetryAttempts"] == 1
    assert _outcomes(workspaces_backend) == [code, code]


@pytest.mark.parametrize(
    "code",
    ["ResourceNotFoundException", "InvalidResourceStateException", "AccessDeniedException",
     "InternalServerException", "ValidationException"],
)  # fmt: skip
def test_fail_modeled_exception_is_400_and_not_retried(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float], code: str
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail(code)
    client = _retrying(workspaces_backend)
    with pytest.raises(getattr(client.exceptions, code)) as caught:
        client.describe_workspaces()
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert caught.value.response["ResponseMetadata"]["RetryAttempts"] == 0
    assert no_retry_sleep == []


def test_fail_custom_message(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("AccessDeniedException", "Not you.")
    with pytest.raises(client.exceptions.AccessDeniedException) as caught:
        client.describe_workspaces()
    assert caught.value.response["Error"]["Message"] == "Not you."


def test_fail_fires_before_validation(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException")
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces(WorkspaceIds=["bogus"])
    assert caught.value.response["Error"]["Code"] == "ThrottlingException"
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspaces(WorkspaceIds=["bogus"])


def test_fail_fires_before_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(_dispatch.HANDLERS, "CreateAccountLinkInvitation", raising=False)
    workspaces_backend.faults.on("CreateAccountLinkInvitation").fail("ConflictException")
    with pytest.raises(client.exceptions.ConflictException):
        client.create_account_link_invitation(TargetAccountId="210987654321")


def test_legacy_retry_mode_retries_throttling_too(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=1)
    response = _retrying(workspaces_backend, mode="legacy").describe_workspaces()
    assert response["ResponseMetadata"]["RetryAttempts"] == 1


def test_disconnect_is_retried_by_botocore(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").disconnect()
    response = _retrying(workspaces_backend).describe_workspaces()
    assert response["ResponseMetadata"]["RetryAttempts"] == 1
    assert _outcomes(workspaces_backend) == ["disconnect", "ok"]


def test_disconnect_every_attempt_raises_connection_closed(
    workspaces_backend: WorkspacesBackend, no_retry_sleep: list[float]
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").disconnect(times=2)
    with pytest.raises(ConnectionClosedError):
        _retrying(workspaces_backend, attempts=2).describe_workspaces()
    assert _outcomes(workspaces_backend) == ["disconnect", "disconnect"]


def test_where_predicate_selects_calls(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.faults.on(
        "DescribeWorkspaces", where=lambda params: params.get("WorkspaceIds") == [WS]
    ).fail("ResourceUnavailableException")
    assert client.describe_workspaces()["Workspaces"] == []
    with pytest.raises(client.exceptions.ResourceUnavailableException):
        client.describe_workspaces(WorkspaceIds=[WS])
    assert workspaces_backend.faults.pending() == []


def test_wildcard_matches_any_operation(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.faults.on("*").fail("AccessDeniedException", times=2)
    with pytest.raises(client.exceptions.AccessDeniedException):
        client.describe_workspaces()
    with pytest.raises(client.exceptions.AccessDeniedException):
        client.create_account_link_invitation(TargetAccountId="210987654321")
    client.describe_workspaces()


def test_rules_are_used_up_in_declaration_order(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("AccessDeniedException")
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ResourceUnavailableException")
    with pytest.raises(client.exceptions.AccessDeniedException):
        client.describe_workspaces()
    with pytest.raises(client.exceptions.ResourceUnavailableException):
        client.describe_workspaces()
    client.describe_workspaces()


def test_pending_lists_rules_that_never_fired(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    faults = workspaces_backend.faults
    faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    faults.on("RebootWorkspaces", where=lambda p: True).disconnect()
    assert faults.pending() == [
        "on('DescribeWorkspaces'): fail with ThrottlingException, 2 of 2 left",
        "on('RebootWorkspaces') where <predicate>: disconnect, 1 of 1 left",
    ]
    with pytest.raises(client.exceptions.ClientError):
        client.describe_workspaces()
    assert faults.pending()[0] == "on('DescribeWorkspaces'): fail with ThrottlingException, 1 of 2 left"
    faults.clear()
    assert faults.pending() == []


def test_calls_record_operation_params_and_outcome(
    client: Any, workspaces_backend: WorkspacesBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(_dispatch.HANDLERS, "CreateAccountLinkInvitation", raising=False)
    workspaces_backend.faults.on("DescribeWorkspaces").fail("AccessDeniedException")
    with pytest.raises(client.exceptions.AccessDeniedException):
        client.describe_workspaces(Limit=5)
    client.describe_workspaces(Limit=5)
    with pytest.raises(client.exceptions.ClientError):
        client.create_account_link_invitation(TargetAccountId="210987654321")
    calls = workspaces_backend.calls
    assert [(c.operation, c.outcome) for c in calls] == [
        ("DescribeWorkspaces", "AccessDeniedException"),
        ("DescribeWorkspaces", "ok"),
        ("CreateAccountLinkInvitation", "WorkspacesFakeNotSupported"),
    ]
    assert calls[1].params == {"Limit": 5}
    assert len(calls.of("DescribeWorkspaces")) == 2
    assert calls.of("RebootWorkspaces") == []
    assert len({c.request_id for c in calls}) == 3


def test_declaring_unknown_code_or_operation_fails_at_once(workspaces_backend: WorkspacesBackend) -> None:
    faults = workspaces_backend.faults
    with pytest.raises(ValueError, match="ThrottledException"):
        faults.on("DescribeWorkspaces").fail("ThrottledException")
    with pytest.raises(ValueError, match="not a WorkSpaces operation"):
        faults.on("DescribeWorkspace")
    with pytest.raises(ValueError, match="times must be at least 1"):
        faults.on("DescribeWorkspaces").fail("ThrottlingException", times=0)
    with pytest.raises(ValueError):
        faults.on("DescribeWorkspaces").fail("WorkspacesFakeInternalError")
    assert faults.pending() == []


def test_deployment_rules_are_taken_by_matching_pair(workspaces_backend: WorkspacesBackend) -> None:
    faults = workspaces_backend.faults
    rule = faults.on_deployment(application_id="wsa-abcdefgh1").fail("DeploymentError.InternalServerError")
    assert faults.take_deployment(WS, "wsa-other0001") is None
    assert faults.pending() == [
        "on_deployment(workspace_id=None, application_id='wsa-abcdefgh1'): "
        "DeploymentError.InternalServerError, 1 of 1 left"
    ]
    assert faults.take_deployment(WS, "wsa-abcdefgh1") is rule
    assert faults.take_deployment(WS, "wsa-abcdefgh1") is None
    assert faults.pending() == []
    with pytest.raises(ValueError, match="AssociationErrorCode"):
        faults.on_deployment().fail("Oops")


def test_faults_are_per_region(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.in_region("eu-west-1").faults.on("DescribeWorkspaces").fail("AccessDeniedException")
    boto3.client("workspaces", region_name=workspaces_backend.region_name).describe_workspaces()
    other = boto3.client("workspaces", region_name="eu-west-1")
    with pytest.raises(other.exceptions.AccessDeniedException):
        other.describe_workspaces()
