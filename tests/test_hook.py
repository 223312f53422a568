"""Interception: on while active, off otherwise; WorkSpaces only; old clients via attach(); no network.

Tests that need a call to *escape* the fake forbid sockets (``connections``), so an escaped call fails with
botocore's connection error and records where it tried to go, instead of reaching AWS.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from typing import Any, Callable

import boto3
import botocore.session
import pytest
from botocore import handlers as botocore_handlers
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

import workspaces_fake
from workspaces_fake import WorkspacesBackend, _dispatch, _hook, mock_workspaces

ONE_ATTEMPT = Config(retries={"total_max_attempts": 1})

FakeHandler = Callable[[str], Callable[[Callable[..., Any]], Callable[..., Any]]]


def _client(session: Any = boto3, region: str = "us-east-1", service: str = "workspaces") -> Any:
    return session.client(service, region_name=region, config=ONE_ATTEMPT)


def _hosts(connections: list[Any]) -> list[str]:
    return [str(address[0]) for address in connections]


def _detach(client: Any) -> Any:
    """Make ``client`` look like one created before ``import workspaces_fake``."""
    for event, handler, _first in _hook._EVENTS:
        client.meta.events.unregister(event, handler)
    return client


def test_inactive_call_is_not_intercepted(fake_credentials: None, connections: list[Any]) -> None:
    client = _client()
    with pytest.raises(EndpointConnectionError):
        client.describe_workspaces()
    assert _hosts(connections) == ["workspaces.us-east-1.amazonaws.com"]


def test_activation_is_switched_off_on_exit(fake_credentials: None, connections: list[Any]) -> None:
    client = _client()
    with mock_workspaces():
        assert client.describe_workspaces()["Workspaces"] == []
    assert connections == []
    with pytest.raises(EndpointConnectionError):
        client.describe_workspaces()
    assert len(connections) == 1


def test_client_created_before_activation_is_intercepted(
    fake_credentials: None, connections: list[Any]
) -> None:
    client = _client()
    session = boto3.Session()
    with mock_workspaces() as backend:
        client.describe_workspaces()
        _client(session).describe_workspaces()
    assert len(backend.calls) == 2
    assert connections == []


def test_botocore_session_client_is_intercepted(fake_credentials: None, connections: list[Any]) -> None:
    session = botocore.session.get_session()
    with mock_workspaces() as backend:
        session.create_client("workspaces", region_name="us-east-1").describe_workspaces()
    assert [call.operation for call in backend.calls] == ["DescribeWorkspaces"]


def test_old_client_is_answered_without_attach(fake_credentials: None, connections: list[Any]) -> None:
    """The class-level guard wires a client that lacks the handlers at its first call while active."""
    client = _detach(_client())
    with mock_workspaces() as backend:
        client.describe_workspaces()
        assert workspaces_fake.attach(client) is client  # still accepted, and harmless
        client.describe_workspaces()
    assert len(backend.calls) == 2
    assert connections == []


def test_old_client_passes_through_when_inactive(fake_credentials: None, connections: list[Any]) -> None:
    client = _detach(_client())
    with mock_workspaces():
        client.describe_workspaces()
    with pytest.raises(EndpointConnectionError):
        client.describe_workspaces()
    assert _hosts(connections) == ["workspaces.us-east-1.amazonaws.com"]


def test_guard_is_installed_once_and_on_the_base_class() -> None:
    import botocore.client

    guard = botocore.client.BaseClient.__dict__["_make_api_call"]
    _hook.install_guards()
    _hook.install_guards()
    assert botocore.client.BaseClient.__dict__["_make_api_call"] is guard
    assert guard.__workspaces_fake_guard__ is True
    assert not getattr(guard.__wrapped__, "__workspaces_fake_guard__", False)


def test_guard_leaves_other_services_alone(fake_credentials: None, connections: list[Any]) -> None:
    client = _client(service="sts")
    with mock_workspaces(), pytest.raises(EndpointConnectionError):
        client.get_caller_identity()
    assert "_workspaces_fake_wired" not in client.__dict__
    assert _hosts(connections) == ["sts.us-east-1.amazonaws.com"]


def test_attach_twice_answers_once(fake_credentials: None, connections: list[Any]) -> None:
    client = _detach(_client())
    workspaces_fake.attach(client)
    workspaces_fake.attach(client)
    answered: list[Any] = []
    client.meta.events.register("after-call.workspaces", lambda **kw: answered.append(kw))
    with mock_workspaces() as backend:
        response = client.describe_workspaces()
    assert len(backend.calls) == 1
    assert len(answered) == 1
    assert response["ResponseMetadata"]["RetryAttempts"] == 0


def test_attach_old_session_still_works(fake_credentials: None, connections: list[Any]) -> None:
    session = boto3.Session()
    emitter = session._session.get_component("event_emitter")
    for event, handler, _first in _hook._EVENTS:
        emitter.unregister(event, handler)
    with mock_workspaces() as backend:
        _client(session).describe_workspaces()  # the guard answers it even so
        workspaces_fake.attach(session)
        _client(session).describe_workspaces()
    assert len(backend.calls) == 2
    assert connections == []


def test_attach_botocore_session(fake_credentials: None, connections: list[Any]) -> None:
    session = botocore.session.Session()
    assert workspaces_fake.attach(session) is session
    with mock_workspaces() as backend:
        session.create_client("workspaces", region_name="us-east-1").describe_workspaces()
    assert len(backend.calls) == 1


def test_attach_something_else_raises_type_error() -> None:
    with pytest.raises(TypeError, match="client or a session"):
        workspaces_fake.attach(object())


def test_install_builtin_handlers_is_idempotent() -> None:
    before = list(botocore_handlers.BUILTIN_HANDLERS)
    _hook.install_builtin_handlers()
    _hook.install_builtin_handlers()
    assert before == botocore_handlers.BUILTIN_HANDLERS
    ours = [spec for spec in before if spec[1] in {h for _, h, _ in _hook._EVENTS}]
    assert len(ours) == len(_hook._EVENTS)


@pytest.mark.parametrize(
    ("service", "method", "host"),
    [
        ("s3", "list_buckets", "s3.amazonaws.com"),
        ("ec2", "describe_regions", "ec2.us-east-1.amazonaws.com"),
        ("workspaces-web", "list_portals", "workspaces-web.us-east-1.amazonaws.com"),
    ],
)
def test_other_services_pass_through_untouched(
    fake_credentials: None, connections: list[Any], service: str, method: str, host: str
) -> None:
    client = _client(service=service)
    with mock_workspaces() as backend, pytest.raises(EndpointConnectionError):
        getattr(client, method)()
    assert len(backend.calls) == 0
    assert _hosts(connections) == [host]


def test_other_service_request_is_signed_while_active(fake_credentials: None, connections: list[Any]) -> None:
    client = _client(service="ec2")
    sent: list[Any] = []
    client.meta.events.register("before-send", lambda request, **_: sent.append(request))
    with mock_workspaces(), pytest.raises(EndpointConnectionError):
        client.describe_regions()
    assert "Authorization" in sent[0].headers
    assert b"x-workspaces-fake" not in b"".join(str(k).encode() for k in sent[0].headers)


# ------------------------------------------------------------------------------------ not supported
def test_operation_without_handler_answers_not_supported(
    client: Any, connections: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(_dispatch.HANDLERS, "CreateAccountLinkInvitation", raising=False)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.create_account_link_invitation(TargetAccountId="210987654321")
    error = caught.value.response["Error"]
    assert error["Code"] == "WorkspacesFakeNotSupported"
    assert "CreateAccountLinkInvitation" in error["Message"]
    assert "not supported by workspaces_fake" in error["Message"]
    assert "docs/operations.md" in error["Message"]
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501
    assert connections == []


def test_handler_removed_answers_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(_dispatch.HANDLERS, "DescribeWorkspaces", raising=False)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces()
    assert caught.value.response["Error"]["Code"] == "WorkspacesFakeNotSupported"
    assert "the operation DescribeWorkspaces is not supported" in caught.value.response["Error"]["Message"]
    (call,) = workspaces_backend.calls.of("DescribeWorkspaces")
    assert call.outcome == "WorkspacesFakeNotSupported"


def test_request_member_not_accepted_answers_not_supported(client: Any, fake_handler: FakeHandler) -> None:
    @fake_handler("DescribeWorkspaces")
    def describe_workspaces(backend: WorkspacesBackend, *, limit: int | None = None) -> Any:
        return {"Workspaces": []}

    client.describe_workspaces(Limit=5)
    with pytest.raises(client.exceptions.ClientError) as caught:
        client.describe_workspaces(DirectoryId="d-1234567890")
    message = caught.value.response["Error"]["Message"]
    assert "'DirectoryId' of DescribeWorkspaces is not supported by workspaces_fake" in message


def test_handler_bug_answers_internal_error_and_logs(
    client: Any, fake_handler: FakeHandler, caplog: pytest.LogCaptureFixture
) -> None:
    @fake_handler("DescribeWorkspaces")
    def describe_workspaces(backend: WorkspacesBackend) -> Any:
        raise KeyError("oops")

    errors = client.exceptions.ClientError
    with caplog.at_level(logging.ERROR, logger="workspaces_fake"), pytest.raises(errors) as caught:
        client.describe_workspaces()
    error = caught.value.response["Error"]
    assert error["Code"] == "WorkspacesFakeInternalError"
    assert "KeyError" in error["Message"]
    assert "bug in the fake" in error["Message"]
    assert "DescribeWorkspaces" in caplog.text


def test_wire_door_unknown_operation_answers_unknown_operation() -> None:
    request = AWSRequest(
        method="POST",
        url="https://workspaces.us-east-1.amazonaws.com/",
        headers={"X-Amz-Target": "WorkspacesService.MakeCoffee", _hook.REGION_HEADER: "us-east-1"},
        data=b"{}",
    ).prepare()
    with mock_workspaces():
        response = _hook.before_send(request)
    assert response.status_code == 400
    assert b"UnknownOperationException" in response.content


def test_wire_door_ignores_requests_of_other_targets() -> None:
    request = AWSRequest(
        method="POST", url="https://x/", headers={"X-Amz-Target": "Other.Thing"}, data=b"{}"
    ).prepare()
    with mock_workspaces():
        assert _hook.before_send(request) is None


def test_import_is_light_and_touches_no_client_library() -> None:
    code = (
        "import sys, workspaces_fake\n"
        "heavy = {'boto3', 'aiobotocore', 'moto', 'pytest'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "from workspaces_fake import _hook\n"
        "assert _hook.ACTIVE.world is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)


def test_fast_response_seen_by_after_call_handlers_is_a_full_aws_response(client: Any) -> None:
    """The fast door's HTTP response builds its headers lazily; handlers still see all of an AWSResponse."""
    from botocore.awsrequest import AWSResponse

    seen: list[Any] = []
    client.meta.events.register(
        "after-call.workspaces.DescribeWorkspaces", lambda http_response, **_: seen.append(http_response)
    )
    parsed = client.describe_workspaces()
    http = seen[0]
    assert isinstance(http, AWSResponse) and http.status_code == 200
    missing = [name for name in vars(AWSResponse("", 200, {}, None)) if not hasattr(http, name)]
    assert missing == []  # a newer botocore added an attribute the lazy response lacks
    assert http.headers["X-Amzn-RequestId"] == parsed["ResponseMetadata"]["RequestId"]
    assert dict(http.headers) == parsed["ResponseMetadata"]["HTTPHeaders"]
    assert http.content == b'{"Workspaces":[]}'


def test_fast_response_is_freed_without_the_collector(client: Any) -> None:
    """No reference cycle per call: an answer nobody keeps is freed at once, not by the next collection."""
    import gc
    import weakref

    seen: list[Any] = []
    client.meta.events.register(
        "after-call.workspaces.DescribeWorkspaces", lambda http_response, **_: seen.append(http_response)
    )
    client.describe_workspaces()
    gc.disable()
    try:
        answer = weakref.ref(seen.pop())
        assert answer() is None
    finally:
        gc.enable()
