"""Protocol fidelity: the JSON 1.1 bytes, the error bodies, and the two doors answering identically.

The suite-wide differential check (tests/conftest.py) compares every fast-door answer with botocore's parse
of the wire bytes. Here the same scenarios also run end to end through both doors: once answered at
``before-call`` (fast) and once with the fast door unregistered, so botocore serializes, sends to the wire
door, parses the bytes and raises its modeled exceptions itself.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional

import boto3
import pytest
from _wirecheck import assert_same, parse_wire, without_metadata
from botocore.config import Config
from dateutil.tz import tzlocal

from workspaces_fake import WorkspacesBackend, _hook, errors, mock_workspaces
from workspaces_fake._dispatch import Outcome
from workspaces_fake._service import operation_model
from workspaces_fake._wire import decode_request, epoch, to_parsed, to_wire

SNAPSHOT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=timezone.utc)
WS_ID = "ws-abcdef123"

FakeHandler = Callable[[str], Callable[[Callable[..., Any]], Callable[..., Any]]]


@dataclass
class _Properties:
    running_mode: str = "AUTO_STOP"
    running_mode_auto_stop_timeout_in_minutes: int = 60
    root_volume_size_gib: int = 80
    protocols: list[str] = field(default_factory=lambda: ["PCOIP", "WSP"])


@dataclass
class _Workspace:
    """A stand-in model object: attribute names are xform_name of the API members."""

    workspace_id: str
    state: str
    user_volume_encryption_enabled: bool = False
    workspace_properties: _Properties = field(default_factory=_Properties)
    modification_states: list[dict[str, str]] = field(default_factory=list)
    standby_workspaces_properties: list[dict[str, Any]] = field(default_factory=list)
    error_message: Optional[str] = None  # None members are omitted from the wire


def _workspaces() -> list[_Workspace]:
    return [
        _Workspace(
            WS_ID,
            "AVAILABLE",
            modification_states=[{"Resource": "COMPUTE_TYPE", "State": "UPDATE_IN_PROGRESS"}],
            standby_workspaces_properties=[
                {"StandbyWorkspaceId": "ws-standby123", "RecoverySnapshotTime": SNAPSHOT}
            ],
        ),
        _Workspace("ws-zyxwvu987", "STOPPED", user_volume_encryption_enabled=True),
    ]


@pytest.fixture
def handlers(fake_handler: FakeHandler) -> None:
    """Test-only handlers producing the shapes the codec must get right."""

    @fake_handler("DescribeWorkspaces")
    def describe_workspaces(backend: WorkspacesBackend, *, workspace_ids: Optional[list[str]] = None) -> Any:
        found = [w for w in _workspaces() if workspace_ids is None or w.workspace_id in workspace_ids]
        if workspace_ids and not found:
            raise errors.ResourceNotFoundException("No such WorkSpace.", resource_id=workspace_ids[0])
        return {"Workspaces": found}

    @fake_handler("DescribeWorkspaceSnapshots")
    def describe_workspace_snapshots(backend: WorkspacesBackend, *, workspace_id: str) -> Any:
        later = SNAPSHOT + timedelta(hours=1)
        return {
            "RebuildSnapshots": [{"SnapshotTime": SNAPSHOT}, {"SnapshotTime": later.replace(microsecond=0)}],
            "RestoreSnapshots": [],
        }

    @fake_handler("DescribeApplications")
    def describe_applications(backend: WorkspacesBackend, *, owner: Optional[str] = None) -> Any:
        app = {
            "ApplicationId": "wsa-abcdefgh1",
            "Created": SNAPSHOT,
            "Name": "Microsoft Visio 2021",
            "Owner": "AMAZON",
            "SupportedComputeTypeNames": ["STANDARD", "PERFORMANCE"],
            "SupportedOperatingSystemNames": ["WINDOWS_10"],
        }
        return {"Applications": [app]}

    @fake_handler("RebootWorkspaces")
    def reboot_workspaces(backend: WorkspacesBackend, *, reboot_workspace_requests: list[Any]) -> Any:
        raise errors.OperationNotSupportedException("Not for this WorkSpace.", reason="The reason.")

    @fake_handler("CreateTags")
    def create_tags(backend: WorkspacesBackend, *, resource_id: str, tags: list[Any]) -> Any:
        return {}


def _client(region: str = "us-east-1") -> Any:
    return boto3.client("workspaces", region_name=region, config=Config(retries={"total_max_attempts": 1}))


@pytest.fixture
def wire_requests() -> list[Any]:
    """Prepared requests the wire door answered (recorded by a generic before-send handler)."""
    return []


@pytest.fixture(params=["fast", "wire"])
def door(request: pytest.FixtureRequest, wire_requests: list[Any]) -> Callable[[], Any]:
    """Make a client answered by the fast door, or one whose fast door is unregistered (wire only)."""

    def make() -> Any:
        client = _client()
        if request.param == "wire":
            _hook.wire_only(client)
            client.meta.events.register("before-send", lambda request, **_: wire_requests.append(request))
        return client

    return make


SCENARIOS: dict[str, Callable[[Any], Any]] = {
    "nested-lists-and-objects": lambda c: c.describe_workspaces(),
    "timestamps": lambda c: c.describe_workspace_snapshots(WorkspaceId=WS_ID),
    "timestamps-in-lists": lambda c: c.describe_applications(Owner="AMAZON"),
    "empty-output": lambda c: c.create_tags(ResourceId=WS_ID, Tags=[{"Key": "k", "Value": "v"}]),
    "error-with-resource-id": lambda c: c.describe_workspaces(WorkspaceIds=["ws-missing123"]),
    "error-with-reason": lambda c: c.reboot_workspaces(RebootWorkspaceRequests=[{"WorkspaceId": WS_ID}]),
    "validation-error": lambda c: c.describe_workspaces(WorkspaceIds=["bogus"]),
    "not-supported": lambda c: c.describe_workspaces(Limit=5),
}


def _answer(scenario: Callable[[Any], Any], client: Any) -> dict[str, Any]:
    try:
        response: dict[str, Any] = scenario(client)
    except client.exceptions.ClientError as err:
        return {"raised": type(err).__name__, **err.response}
    return response


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_doors_same_scenario_answer_identically(
    name: str, handlers: None, door: Callable[[], Any], wire_requests: list[Any]
) -> None:
    scenario = SCENARIOS[name]
    with mock_workspaces():
        answered = _answer(scenario, door())
        reference = _answer(scenario, _client())
    assert_same(without_metadata(answered), without_metadata(reference))
    meta, ref_meta = answered["ResponseMetadata"], reference["ResponseMetadata"]
    assert meta["HTTPStatusCode"] == ref_meta["HTTPStatusCode"]
    assert sorted(meta["HTTPHeaders"]) == sorted(ref_meta["HTTPHeaders"])
    assert meta["RetryAttempts"] == 0
    if wire_requests:
        assert len(wire_requests) == 1


def test_wire_door_timestamps_parse_to_tzlocal_datetimes(handlers: None, door: Callable[[], Any]) -> None:
    with mock_workspaces():
        snapshots = door().describe_workspace_snapshots(WorkspaceId=WS_ID)["RebuildSnapshots"]
    first = snapshots[0]["SnapshotTime"]
    assert isinstance(first.tzinfo, tzlocal)
    assert first == SNAPSHOT
    assert first.microsecond == SNAPSHOT.microsecond


def test_wire_door_request_is_unsigned(handlers: None, wire_requests: list[Any]) -> None:
    client = _hook.wire_only(_client())
    client.meta.events.register("before-send", lambda request, **_: wire_requests.append(request))
    with mock_workspaces():
        client.describe_workspaces()
    (request,) = wire_requests
    assert "Authorization" not in request.headers
    assert "X-Amz-Security-Token" not in request.headers
    target = request.headers["X-Amz-Target"]
    assert target in (b"WorkspacesService.DescribeWorkspaces", "WorkspacesService.DescribeWorkspaces")


def test_fast_door_nothing_is_signed_or_prepared(handlers: None) -> None:
    client = _client()
    seen: list[str] = []
    client.meta.events.register("before-sign", lambda **kw: seen.append("sign"))
    client.meta.events.register("request-created", lambda **kw: seen.append("created"))
    client.meta.events.register("before-send", lambda **kw: seen.append("send"))
    with mock_workspaces():
        client.describe_workspaces()
    assert seen == []


def test_request_id_fresh_uuid4_per_call(client: Any) -> None:
    first = client.describe_workspaces()["ResponseMetadata"]
    second = client.describe_workspaces()["ResponseMetadata"]
    ids = [first["RequestId"], second["RequestId"]]
    assert ids[0] != ids[1]
    for request_id in ids:
        assert uuid.UUID(request_id).version == 4
    assert first["HTTPHeaders"]["x-amzn-requestid"] == first["RequestId"]


def test_error_resource_not_found_has_type_message_and_resource_id(handlers: None) -> None:
    with mock_workspaces():
        client = _client()
        with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
            client.describe_workspaces(WorkspaceIds=["ws-missing123"])
    response = caught.value.response
    assert response["Error"] == {"Code": "ResourceNotFoundException", "Message": "No such WorkSpace."}
    assert response["ResourceId"] == "ws-missing123"
    assert response["message"] == "No such WorkSpace."
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_error_body_json_has_type_message_and_modeled_members() -> None:
    model = operation_model("DescribeWorkspaces")
    error = errors.ResourceNotFoundException("gone", resource_id="ws-abcdefgh1")
    status, body = _hook.encode_outcome(model, Outcome("DescribeWorkspaces", "rid", error=error))
    assert status == 400
    assert json.loads(body) == {
        "__type": "ResourceNotFoundException",
        "message": "gone",
        "ResourceId": "ws-abcdefgh1",
    }


def test_error_body_operation_not_supported_carries_reason() -> None:
    model = operation_model("RebootWorkspaces")
    error = errors.OperationNotSupportedException("no", reason="because")
    _, body = _hook.encode_outcome(model, Outcome("RebootWorkspaces", "rid", error=error))
    assert json.loads(body) == {
        "__type": "OperationNotSupportedException",
        "message": "no",
        "reason": "because",
    }


def test_error_body_unmodeled_fields_are_not_sent() -> None:
    model = operation_model("DescribeWorkspaces")
    error = errors.InvalidParameterValuesException("bad", resource_id="ws-abcdefgh1")
    _, body = _hook.encode_outcome(model, Outcome("DescribeWorkspaces", "rid", error=error))
    assert json.loads(body) == {"__type": "InvalidParameterValuesException", "message": "bad"}


def test_wire_timestamps_are_epoch_second_numbers() -> None:
    shape = operation_model("DescribeWorkspaceSnapshots").output_shape
    whole = SNAPSHOT.replace(microsecond=0)
    wire = to_wire(shape, {"RebuildSnapshots": [{"SnapshotTime": SNAPSHOT}, {"SnapshotTime": whole}]})
    body = json.loads(json.dumps(wire))
    fractional, integral = (item["SnapshotTime"] for item in body["RebuildSnapshots"])
    assert isinstance(fractional, float) and fractional == SNAPSHOT.timestamp()
    assert isinstance(integral, int) and integral == int(whole.timestamp())


def test_wire_naive_datetime_is_taken_as_utc() -> None:
    naive = SNAPSHOT.replace(tzinfo=None)
    assert epoch(naive) == SNAPSHOT.timestamp()


def test_wire_parsed_and_encoded_forms_agree_for_every_leaf_kind() -> None:
    model = operation_model("DescribeWorkspaces")
    result = {"Workspaces": _workspaces(), "NextToken": "abc"}
    outcome = Outcome("DescribeWorkspaces", "rid", result=result)
    status, body = _hook.encode_outcome(model, outcome)
    parsed = parse_wire(model, status, {"x-amzn-requestid": "rid"}, body)
    assert_same(to_parsed(model.output_shape, result), without_metadata(parsed))
    wire = json.loads(body)
    assert "ErrorMessage" not in wire["Workspaces"][0]
    assert wire["Workspaces"][0]["WorkspaceProperties"]["Protocols"] == ["PCOIP", "WSP"]
    assert wire["Workspaces"][1]["UserVolumeEncryptionEnabled"] is True


def test_decode_request_blob_arrives_as_bytes(fake_handler: FakeHandler) -> None:
    received: list[Any] = []

    @fake_handler("ImportClientBranding")
    def import_client_branding(backend: WorkspacesBackend, *, resource_id: str, device_type_web: Any) -> Any:
        received.append(device_type_web)
        return {}

    with mock_workspaces():
        _client().import_client_branding(
            ResourceId="d-1234567890", DeviceTypeWeb={"Logo": b"\x89PNG\x00", "SupportEmail": "a@b.cd"}
        )
    assert received == [{"Logo": b"\x89PNG\x00", "SupportEmail": "a@b.cd"}]


def test_decode_request_not_an_object_raises_value_error() -> None:
    with pytest.raises(ValueError):
        decode_request(operation_model("DescribeWorkspaces").input_shape, b"[1, 2]")


@pytest.mark.parametrize(
    ("body", "expected"),
    [(b' {"Limit": 5} ', {"Limit": 5}), (b'{"Limit":5}', {"Limit": 5}), (b"{}", {}), (b"\n{}\n", {})],
)
def test_decode_request_accepts_what_json_accepts(body: bytes, expected: dict[str, Any]) -> None:
    assert decode_request(operation_model("DescribeWorkspaces").input_shape, body) == expected


@pytest.mark.parametrize("body", [b'{"Limit":5} x', b'{"Limit":5}{}', b"   ", b"{", b'"text"', b"nul"])
def test_decode_request_rejects_what_json_rejects(body: bytes) -> None:
    with pytest.raises(ValueError):
        decode_request(operation_model("DescribeWorkspaces").input_shape, body)


def test_decode_request_empty_body_is_empty_params() -> None:
    assert decode_request(operation_model("DescribeWorkspaces").input_shape, b"") == {}


@pytest.fixture
def unparseable_body() -> Iterator[Any]:
    """A client whose serialized body is not JSON, to see how both doors answer it."""
    client = _client()

    def corrupt(params: dict[str, Any], **_: Any) -> None:
        params["body"] = b"{not json"

    events = _hook.wire_only(client).meta.events  # wired now, so the guard leaves this order alone
    events.register_first("before-call.workspaces", corrupt)
    events.register_first("before-call.workspaces", _hook.before_call)  # after ``corrupt``
    yield client


def test_serialization_exception_for_unreadable_body_fast_door(unparseable_body: Any) -> None:
    with mock_workspaces(), pytest.raises(unparseable_body.exceptions.ClientError) as caught:
        unparseable_body.describe_workspaces()
    assert caught.value.response["Error"]["Code"] == "SerializationException"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe"])
def test_parsed_timestamps_match_botocore_in_any_local_zone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The codec shifts UTC values to local time itself (fixed zones) or defers to botocore (DST zones);
    either way it equals botocore's parse of the epoch number, inside and outside the shifting span."""
    import time

    from botocore.utils import parse_timestamp

    from workspaces_fake import _wire

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        values = [
            SNAPSHOT,
            datetime(2024, 3, 10, 7, 30, tzinfo=timezone.utc),  # around New York's spring change
            datetime(2024, 11, 3, 5, 59, 59, 999999, tzinfo=timezone.utc),
            datetime(1960, 1, 1, 0, 0, 0, 1, tzinfo=timezone.utc),  # before the span
            datetime(2200, 6, 1, 12, 0, 0, 654321, tzinfo=timezone.utc),  # after it
            datetime(2026, 3, 1, 14, 30, tzinfo=timezone(timedelta(hours=2))),  # not UTC-labelled
        ]
        for value in values:
            wire = json.loads(json.dumps(epoch(value)))
            fast, parsed = _wire._parsed_timestamp(value), parse_timestamp(wire)
            # Wall time, fold and offset: == between two tzlocal() objects is always False in a repeated
            # hour (PEP 495's rule for comparisons across tzinfo objects).
            assert type(fast) is type(parsed) and type(fast.tzinfo) is type(parsed.tzinfo)
            assert (fast.replace(tzinfo=None), fast.fold, fast.utcoffset()) == (
                parsed.replace(tzinfo=None),
                parsed.fold,
                parsed.utcoffset(),
            ), f"{zone} {value}"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
