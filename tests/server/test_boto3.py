"""boto3 with endpoint_url against the server: the in-process engine, over HTTP, as AWS answers."""

from __future__ import annotations

import http.client
import json
import socket
from typing import Any

import botocore.exceptions
import pytest
from _kit import client_for

from workspaces_fake.server import RemoteBackend, WorkspacesServer

OFFICE_NAME = "Microsoft Office LTSC Professional Plus 2021"


def _post(server: WorkspacesServer, headers: dict[str, str], body: bytes = b"{}") -> Any:
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("POST", "/", body=body, headers=headers)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), json.loads(response.read() or b"null")
    connection.close()
    return answer


def _target(name: str) -> dict[str, str]:
    return {"X-Amz-Target": f"WorkspacesService.{name}", "Content-Type": "application/x-amz-json-1.1"}


def test_create_then_describe_round_trip(server_client: Any, remote: RemoteBackend) -> None:
    directory = remote.add_directory()["directory_id"]
    bundle = server_client.describe_workspace_bundles(Owner="AMAZON")["Bundles"][0]["BundleId"]
    created = server_client.create_workspaces(
        Workspaces=[{"DirectoryId": directory, "UserName": "alice", "BundleId": bundle}]
    )
    assert created["FailedRequests"] == []
    workspace_id = created["PendingRequests"][0]["WorkspaceId"]
    described = server_client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"]
    assert [(w["WorkspaceId"], w["UserName"], w["State"]) for w in described] == [
        (workspace_id, "alice", "AVAILABLE")
    ]
    assert [call.operation for call in remote.calls][-2:] == ["CreateWorkspaces", "DescribeWorkspaces"]


def test_response_carries_request_id_and_content_type(server_client: Any, remote: RemoteBackend) -> None:
    answer = server_client.describe_workspaces()
    meta = answer["ResponseMetadata"]
    assert meta["HTTPStatusCode"] == 200
    assert meta["HTTPHeaders"]["content-type"] == "application/x-amz-json-1.1"
    assert meta["RequestId"] == meta["HTTPHeaders"]["x-amzn-requestid"] == remote.calls[-1].request_id


def test_pagination_with_opaque_tokens(server_client: Any, remote: RemoteBackend) -> None:
    made = {remote.add_workspace(user_name=f"user{n:02}")["workspace_id"] for n in range(30)}
    first = server_client.describe_workspaces(Limit=25)
    assert len(first["Workspaces"]) == 25 and first["NextToken"]
    paginator = server_client.get_paginator("describe_workspaces")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 7}))
    assert len(pages) == 5
    assert {w["WorkspaceId"] for page in pages for w in page["Workspaces"]} == made


def test_application_deployment_follows_the_clock_moved_by_the_test(
    server_client: Any, remote: RemoteBackend
) -> None:
    remote.lifecycle.mode = "timed"
    workspace = remote.add_workspace()["workspace_id"]
    office = remote.application_named(OFFICE_NAME)["application_id"]
    pair = {"WorkspaceId": workspace, "ApplicationId": office}
    assert server_client.associate_workspace_application(**pair)["Association"]["State"] == (
        "PENDING_INSTALL_DEPLOYMENT"
    )
    server_client.deploy_workspace_applications(WorkspaceId=workspace)

    def state() -> str:
        rows = server_client.describe_workspace_associations(
            WorkspaceId=workspace, AssociatedResourceTypes=["APPLICATION"]
        )["Associations"]
        return str(rows[0]["State"])

    assert state() != "COMPLETED"
    assert remote.state()["transitions"], "the deployment waits for the clock"
    remote.clock.advance(hours=1)
    assert state() == "COMPLETED"


def test_throttling_fault_is_retried_by_botocore(
    workspaces_server: WorkspacesServer, remote: RemoteBackend, no_retry_sleep: list[float]
) -> None:
    client = client_for(workspaces_server, retries=3)
    remote.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    answer = client.describe_workspaces()
    assert answer["ResponseMetadata"]["RetryAttempts"] == 2
    assert [c.outcome for c in remote.calls.of("DescribeWorkspaces")] == ["ThrottlingException"] * 2 + ["ok"]
    assert len(no_retry_sleep) == 2
    assert remote.faults.pending() == []


def test_dropped_connection_is_retried_by_botocore(
    workspaces_server: WorkspacesServer, remote: RemoteBackend, no_retry_sleep: list[float]
) -> None:
    client = client_for(workspaces_server, retries=2)
    remote.faults.on("DescribeWorkspaces").disconnect()
    assert client.describe_workspaces()["ResponseMetadata"]["RetryAttempts"] == 1
    assert [c.outcome for c in remote.calls.of("DescribeWorkspaces")] == ["disconnect", "ok"]


def test_dropped_connection_without_retries_reaches_the_caller(
    server_client: Any, remote: RemoteBackend
) -> None:
    remote.faults.on("DescribeWorkspaces").disconnect()
    with pytest.raises(botocore.exceptions.ConnectionClosedError):
        server_client.describe_workspaces()


def test_validation_error_as_botocore_raises_it(server_client: Any) -> None:
    with pytest.raises(server_client.exceptions.ClientError) as caught:
        server_client.describe_workspaces(WorkspaceIds=["not-an-id"])
    error = caught.value.response
    assert error["Error"]["Code"] == "ValidationException"
    assert "failed to satisfy constraint" in error["Error"]["Message"]
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_modeled_error_with_its_extra_members(server_client: Any) -> None:
    with pytest.raises(server_client.exceptions.ResourceNotFoundException):
        server_client.describe_workspace_associations(
            WorkspaceId="ws-00000000", AssociatedResourceTypes=["APPLICATION"]
        )


def test_region_comes_from_the_signature_scope(workspaces_server: WorkspacesServer) -> None:
    control = workspaces_server.control
    client_for(workspaces_server, "eu-west-1").describe_workspaces()
    west = control.backend(region="eu-west-1")
    assert [c.operation for c in west.calls] == ["DescribeWorkspaces"]
    assert len(control.backend().calls) == 0


def test_region_from_host_when_unsigned(workspaces_server: WorkspacesServer) -> None:
    status, _, _ = _post(
        workspaces_server, {**_target("DescribeWorkspaces"), "Host": "workspaces.ap-south-1.amazonaws.com"}
    )
    assert status == 200
    assert len(workspaces_server.control.backend(region="ap-south-1").calls) == 1


def test_unsigned_request_goes_to_the_default_backend(workspaces_server: WorkspacesServer) -> None:
    status, headers, body = _post(workspaces_server, _target("DescribeWorkspaces"))
    assert (status, body) == (200, {"Workspaces": []})
    assert headers["x-amzn-RequestId"] == workspaces_server.control.backend().calls[0].request_id


def test_account_from_a_twelve_digit_access_key(workspaces_server: WorkspacesServer) -> None:
    client_for(workspaces_server, access_key="210987654321").describe_workspaces()
    assert len(workspaces_server.control.backend(account_id="210987654321").calls) == 1
    client_for(workspaces_server, access_key="AKIAEXAMPLE").describe_workspaces()
    assert len(workspaces_server.control.backend().calls) == 1


def test_account_and_region_from_explicit_headers(workspaces_server: WorkspacesServer) -> None:
    extra = {"x-workspaces-fake-account": "111122223333", "x-workspaces-fake-region": "ca-central-1"}
    assert _post(workspaces_server, {**_target("DescribeWorkspaces"), **extra})[0] == 200
    backend = workspaces_server.control.backend(account_id="111122223333", region="ca-central-1")
    assert len(backend.calls) == 1


def test_unknown_operation_is_refused(workspaces_server: WorkspacesServer) -> None:
    status, _, body = _post(workspaces_server, _target("DescribeEverything"))
    assert (status, body["__type"]) == (400, "UnknownOperationException")


def test_another_services_target_is_refused(workspaces_server: WorkspacesServer) -> None:
    status, _, body = _post(workspaces_server, {"X-Amz-Target": "DynamoDB_20120810.ListTables"})
    assert (status, body["__type"]) == (400, "UnknownOperationException")


def test_a_request_signed_for_another_service_is_refused(workspaces_server: WorkspacesServer) -> None:
    scope = "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/dynamodb/aws4_request, Signature=0"
    status, _, body = _post(workspaces_server, {**_target("DescribeWorkspaces"), "Authorization": scope})
    assert (status, body["__type"]) == (403, "InvalidSignatureException")


def test_get_outside_the_control_prefix_is_not_an_operation(workspaces_server: WorkspacesServer) -> None:
    host, port = workspaces_server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/")
    response = connection.getresponse()
    status, body = response.status, json.loads(response.read())
    connection.close()
    assert (status, body["__type"]) == (404, "UnknownOperationException")


def test_malformed_body_is_a_serialization_error(workspaces_server: WorkspacesServer) -> None:
    status, _, body = _post(workspaces_server, _target("DescribeWorkspaces"), b"[1, 2")
    assert (status, body["__type"]) == (400, "SerializationException")


def test_keep_alive_serves_many_calls_on_one_connection(workspaces_server: WorkspacesServer) -> None:
    host, port = workspaces_server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.connect()
    sock = connection.sock
    for _ in range(5):
        connection.request("POST", "/", body=b"{}", headers=_target("DescribeWorkspaces"))
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Connection") != "close"
        response.read()
    assert connection.sock is sock
    connection.close()


def _exchange(server: WorkspacesServer, raw: bytes) -> bytes:
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_chunked_request_body_is_read(workspaces_server: WorkspacesServer) -> None:
    body = b'{"WorkspaceIds": ["bad"]}'
    raw = (
        b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: WorkspacesService.DescribeWorkspaces\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + f"{len(body):x}\r\n".encode()
        + body
        + b"\r\n0\r\n\r\n"
    )
    answer = _exchange(workspaces_server, raw)
    assert answer.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"ValidationException" in answer
    assert b"Connection: close" in answer


def test_http_1_0_request_is_answered_and_closed(workspaces_server: WorkspacesServer) -> None:
    target = b"X-Amz-Target: WorkspacesService.DescribeWorkspaces\r\n"
    raw = b"POST / HTTP/1.0\r\n" + target + b"Content-Length: 2\r\n\r\n{}"
    answer = _exchange(workspaces_server, raw)
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n") and answer.endswith(b'{"Workspaces":[]}')


def test_garbage_is_a_bad_request(workspaces_server: WorkspacesServer) -> None:
    assert _exchange(workspaces_server, b"HELLO\r\n\r\n").startswith(b"HTTP/1.1 400 Bad Request\r\n")
