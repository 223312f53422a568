"""CreateWorkspaces and DescribeWorkspaces through a real boto3 client (spec 2.2, 2.3)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any, Callable

import pytest

import workspaces_fake
from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")
PERFORMANCE = public_bundle_id("Performance with Windows 10 (Server 2022 based)")
UBUNTU = public_bundle_id("Standard with Ubuntu 22.04")
GRAPHICS = public_bundle_id("Graphics.g4dn with Windows Server 2022")
INVALID = "InvalidParameterValuesException"
ONE_FILTER = (
    "An invalid number of parameters provided with DescribeWorkspaces. Only one of the following are "
    "allowed to be specified: BundleId, DirectoryId, WorkSpaceIds, Filters."
)


@pytest.fixture
def directory_id(workspaces_backend: WorkspacesBackend) -> str:
    return workspaces_backend.add_directory().directory_id


def _request(directory_id: str, user: str = "alice", bundle: str = STANDARD, **extra: Any) -> dict[str, Any]:
    return {"DirectoryId": directory_id, "UserName": user, "BundleId": bundle, **extra}


def _create_one(client: Any, request: dict[str, Any]) -> dict[str, Any]:
    response = client.create_workspaces(Workspaces=[request])
    assert response["FailedRequests"] == [], response["FailedRequests"]
    pending: dict[str, Any] = response["PendingRequests"][0]
    return pending


def _failure(client: Any, request: dict[str, Any]) -> dict[str, Any]:
    response = client.create_workspaces(Workspaces=[request])
    assert response["PendingRequests"] == []
    failed: dict[str, Any] = response["FailedRequests"][0]
    return failed


def _describe_one(client: Any, workspace_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"][0]
    return found


# ------------------------------------------------------------------------------------ CreateWorkspaces
def test_create_workspaces_valid_request_answers_minimal_pending_entry(
    client: Any, directory_id: str
) -> None:
    pending = _create_one(client, _request(directory_id))
    assert set(pending) == {"WorkspaceId", "DirectoryId", "UserName", "State", "BundleId"}
    assert pending["State"] == "PENDING"
    assert pending["WorkspaceId"].startswith("ws-")
    assert (pending["DirectoryId"], pending["UserName"], pending["BundleId"]) == (
        directory_id,
        "alice",
        STANDARD,
    )


def test_create_workspaces_instant_mode_is_available_at_next_describe(client: Any, directory_id: str) -> None:
    pending = _create_one(client, _request(directory_id))
    found = _describe_one(client, pending["WorkspaceId"])
    assert found["State"] == "AVAILABLE"
    assert found["IpAddress"].startswith("10.")
    assert found["SubnetId"].startswith("subnet-")
    assert found["ComputerName"].startswith("WSAMZN-")


@pytest.mark.workspaces(lifecycle="manual")
def test_create_workspaces_pending_workspace_has_no_network_identity(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    pending = _create_one(client, _request(directory_id))
    found = _describe_one(client, pending["WorkspaceId"])
    assert found["State"] == "PENDING"
    assert not {"IpAddress", "SubnetId", "ComputerName"} & set(found)
    workspaces_backend.settle()
    assert {"IpAddress", "SubnetId", "ComputerName"} <= set(_describe_one(client, pending["WorkspaceId"]))


def test_create_workspaces_properties_come_from_the_bundle_and_its_image(
    client: Any, directory_id: str
) -> None:
    pending = _create_one(client, _request(directory_id, bundle=UBUNTU))
    props = _describe_one(client, pending["WorkspaceId"])["WorkspaceProperties"]
    assert props == {
        "RunningMode": "ALWAYS_ON",
        "RootVolumeSizeGib": 80,
        "UserVolumeSizeGib": 50,
        "ComputeTypeName": "STANDARD",
        "Protocols": ["WSP"],
        "OperatingSystemName": "UBUNTU_22_04",
    }


def test_create_workspaces_own_bundle_inherits_its_image_os(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden-al2", operating_system_name="AMAZON_LINUX_2")
    bundle = workspaces_backend.add_bundle("golden", image_id=image.image_id, compute_type_name="POWER")
    pending = _create_one(client, _request(directory_id, bundle=bundle.bundle_id))
    props = _describe_one(client, pending["WorkspaceId"])["WorkspaceProperties"]
    assert (props["OperatingSystemName"], props["ComputeTypeName"]) == ("AMAZON_LINUX_2", "POWER")


def test_create_workspaces_unregistered_directory_fails_item_echoing_request(client: Any) -> None:
    request = _request("d-0123456789", Tags=[{"Key": "team", "Value": "blue"}])
    failed = _failure(client, request)
    assert failed["ErrorCode"] == "ResourceNotFound.Directory"
    assert failed["ErrorMessage"] == "The specified directory could not be found in the specified region."
    assert failed["WorkspaceRequest"] == request


@pytest.mark.workspaces(lifecycle="manual")
def test_create_workspaces_directory_still_registering_fails_item(client: Any) -> None:
    client.register_workspace_directory(DirectoryId="d-0123456789")
    assert _failure(client, _request("d-0123456789"))["ErrorCode"] == "InvalidResourceState.Directory"


@pytest.mark.parametrize("bad", ["d-xyz0000000", "d-0123456789abcdefX", "wsd-UPPER0000", "x-0123456789"])
def test_create_workspaces_malformed_directory_id_fails_whole_call(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend, bad: str
) -> None:
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.create_workspaces(Workspaces=[_request(directory_id), _request(bad, user="bob")])
    assert caught.value.response["Error"]["Message"] == f"The Directory ID {bad} in the request is invalid."
    assert len(workspaces_backend.workspaces) == 0


def test_create_workspaces_unknown_bundle_fails_item(client: Any, directory_id: str) -> None:
    failed = _failure(client, _request(directory_id, bundle="wsb-000000000"))
    assert (failed["ErrorCode"], failed["ErrorMessage"]) == (
        "ResourceNotFound.Bundle",
        "The specified bundle could not be found.",
    )


def test_create_workspaces_other_accounts_bundle_is_not_found(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    foreign = workspaces_backend.in_account("210987654321").add_bundle("theirs")
    assert _failure(client, _request(directory_id, bundle=foreign.bundle_id))["ErrorCode"] == (
        "ResourceNotFound.Bundle"
    )


def test_create_workspaces_existing_user_any_case_fails_resource_exists(
    client: Any, directory_id: str
) -> None:
    _create_one(client, _request(directory_id, user="Alice"))
    failed = _failure(client, _request(directory_id, user="ALICE"))
    assert (failed["ErrorCode"], failed["ErrorMessage"]) == (
        "ResourceExists.WorkSpace",
        "A WorkSpace already exists for the specified user.",
    )


def test_create_workspaces_same_request_duplicate_fails_second_only(client: Any, directory_id: str) -> None:
    response = client.create_workspaces(
        Workspaces=[_request(directory_id), _request(directory_id, bundle=PERFORMANCE)]
    )
    assert [p["BundleId"] for p in response["PendingRequests"]] == [STANDARD]
    assert [f["ErrorCode"] for f in response["FailedRequests"]] == ["ResourceExists.WorkSpace"]
    assert response["FailedRequests"][0]["WorkspaceRequest"]["BundleId"] == PERFORMANCE


def test_create_workspaces_same_user_in_other_directory_is_allowed(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    other = workspaces_backend.add_directory().directory_id
    response = client.create_workspaces(Workspaces=[_request(directory_id), _request(other)])
    assert len(response["PendingRequests"]) == 2


def test_create_workspaces_user_may_start_over_once_old_workspace_terminates(
    client: Any, directory_id: str
) -> None:
    first = _create_one(client, _request(directory_id))
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": first["WorkspaceId"]}])
    assert _create_one(client, _request(directory_id))["WorkspaceId"] != first["WorkspaceId"]


def test_create_workspaces_tags_land_on_the_workspace(client: Any, directory_id: str) -> None:
    tags = [{"Key": "team", "Value": "blue"}, {"Key": "cost", "Value": "42"}]
    pending = _create_one(client, _request(directory_id, Tags=tags))
    assert client.describe_tags(ResourceId=pending["WorkspaceId"])["TagList"] == tags


def test_create_workspaces_more_than_fifty_tags_fails_item(client: Any, directory_id: str) -> None:
    tags = [{"Key": f"k{i}", "Value": "v"} for i in range(51)]
    assert _failure(client, _request(directory_id, Tags=tags))["ErrorCode"] == INVALID


@pytest.mark.parametrize(
    ("properties", "code"),
    [
        ({"RunningModeAutoStopTimeoutInMinutes": 60}, "AutoStopTimeoutIsNotApplicableForAnAlwaysOnWorkspace"),
        ({"RunningMode": "ALWAYS_ON", "RunningModeAutoStopTimeoutInMinutes": 120},
         "AutoStopTimeoutIsNotApplicableForAnAlwaysOnWorkspace"),
        ({"RunningMode": "AUTO_STOP", "RunningModeAutoStopTimeoutInMinutes": 45}, INVALID),
        ({"RunningMode": "MANUAL"}, INVALID),
        ({"OperatingSystemName": "UBUNTU_22_04"}, INVALID),
        ({"RootVolumeSizeGib": 80, "UserVolumeSizeGib": 20}, INVALID),
        ({"RootVolumeSizeGib": 100}, INVALID),
        ({"ComputeTypeName": "GRAPHICS_G4DN"}, "UnsupportedWorkspaceConfiguration"),
        ({"Protocols": ["PCOIP", "WSP"]}, INVALID),
    ],
)  # fmt: skip
def test_create_workspaces_property_rule_broken_fails_item(
    client: Any, directory_id: str, properties: dict[str, Any], code: str
) -> None:
    failed = _failure(client, _request(directory_id, WorkspaceProperties=properties))
    assert failed["ErrorCode"] == code
    assert failed["WorkspaceRequest"]["WorkspaceProperties"] == properties


def test_create_workspaces_manual_mode_with_timeout_fails_when_manual_is_allowed(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.manual_running_mode_allowed = True
    properties = {"RunningMode": "MANUAL", "RunningModeAutoStopTimeoutInMinutes": 60}
    failed = _failure(client, _request(directory_id, WorkspaceProperties=properties))
    assert failed["ErrorCode"] == "AutoStopTimeoutIsNotDefaultForManualWorkspace"
    pending = _create_one(client, _request(directory_id, WorkspaceProperties={"RunningMode": "MANUAL"}))
    assert _describe_one(client, pending["WorkspaceId"])["WorkspaceProperties"]["RunningMode"] == "MANUAL"


@pytest.mark.parametrize(("timeout", "expected"), [(None, 60), (180, 180)])
def test_create_workspaces_auto_stop_timeout_defaults_to_an_hour(
    client: Any, directory_id: str, timeout: Any, expected: int
) -> None:
    properties: dict[str, Any] = {"RunningMode": "AUTO_STOP"}
    if timeout is not None:
        properties["RunningModeAutoStopTimeoutInMinutes"] = timeout
    pending = _create_one(client, _request(directory_id, WorkspaceProperties=properties))
    props = _describe_one(client, pending["WorkspaceId"])["WorkspaceProperties"]
    assert props["RunningModeAutoStopTimeoutInMinutes"] == expected


def test_create_workspaces_allowed_overrides_are_kept(client: Any, directory_id: str) -> None:
    properties = {
        "RootVolumeSizeGib": 175,
        "UserVolumeSizeGib": 100,
        "ComputeTypeName": "POWER",
        "Protocols": ["WSP"],
        "OperatingSystemName": "WINDOWS_SERVER_2022",
    }
    request = _request(directory_id, WorkspaceProperties=properties, RootVolumeEncryptionEnabled=True)
    found = _describe_one(client, _create_one(client, request)["WorkspaceId"])
    assert {k: found["WorkspaceProperties"][k] for k in properties} == properties
    assert found["RootVolumeEncryptionEnabled"] is True


def test_create_workspaces_quota_reached_fails_item(
    client: Any, directory_id: str, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.workspace_quota = 1
    response = client.create_workspaces(
        Workspaces=[_request(directory_id), _request(directory_id, user="bob")]
    )
    assert [f["ErrorCode"] for f in response["FailedRequests"]] == ["ResourceLimitExceeded"]


def test_create_workspaces_user_decoupled_needs_a_workspace_name(client: Any, directory_id: str) -> None:
    failed = _failure(client, _request(directory_id, user="[UNDEFINED]"))
    assert failed["ErrorCode"] == INVALID
    _create_one(client, _request(directory_id, user="[UNDEFINED]", WorkspaceName="kiosk_1"))
    _create_one(client, _request(directory_id, user="[UNDEFINED]", WorkspaceName="kiosk_2"))
    found = client.describe_workspaces(WorkspaceName="kiosk_2")["Workspaces"]
    assert [w["WorkspaceName"] for w in found] == ["kiosk_2"]


def test_create_workspaces_workspace_name_with_a_real_user_fails_item(client: Any, directory_id: str) -> None:
    assert _failure(client, _request(directory_id, WorkspaceName="kiosk_1"))["ErrorCode"] == INVALID


# ---------------------------------------------------------------------------------- DescribeWorkspaces
@pytest.mark.parametrize(
    "filters",
    [
        {"WorkspaceIds": ["ws-000000000"], "DirectoryId": "d-0123456789"},
        {"DirectoryId": "d-0123456789", "BundleId": STANDARD},
        {"WorkspaceIds": ["ws-000000000"], "BundleId": STANDARD},
        {"WorkspaceName": "kiosk_1", "BundleId": STANDARD},
    ],
)
def test_describe_workspaces_two_filters_raise_invalid_parameter_values(
    client: Any, filters: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException) as caught:
        client.describe_workspaces(**filters)
    assert caught.value.response["Error"]["Message"] == ONE_FILTER


def test_describe_workspaces_user_name_without_directory_raises(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException) as caught:
        client.describe_workspaces(UserName="alice")
    assert caught.value.response["Error"]["Message"] == (
        "The DirectoryId parameter is required when UserName is used."
    )


def test_describe_workspaces_ids_unknown_omitted_in_creation_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = workspaces_backend.add_workspace(), workspaces_backend.add_workspace()
    ids = [second.workspace_id, "ws-000000000", first.workspace_id, second.workspace_id]
    found = client.describe_workspaces(WorkspaceIds=ids)["Workspaces"]
    assert [w["WorkspaceId"] for w in found] == [first.workspace_id, second.workspace_id]


def test_describe_workspaces_directory_and_user_match_case_insensitively(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(user_name="Alice")
    workspaces_backend.add_workspace(user_name="bob", directory_id=ws.directory_id)
    found = client.describe_workspaces(DirectoryId=ws.directory_id, UserName="aLiCe")["Workspaces"]
    assert [w["WorkspaceId"] for w in found] == [ws.workspace_id]
    assert [w["UserName"] for w in found] == ["Alice"]


def test_describe_workspaces_by_directory_and_by_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    a = workspaces_backend.add_workspace()
    b = workspaces_backend.add_workspace(bundle_id=UBUNTU)
    c = workspaces_backend.add_workspace(directory_id="d-00000000aa", bundle_id=UBUNTU)
    by_dir = client.describe_workspaces(DirectoryId=a.directory_id)["Workspaces"]
    by_bundle = client.describe_workspaces(BundleId=UBUNTU)["Workspaces"]
    assert [w["WorkspaceId"] for w in by_dir] == [a.workspace_id, b.workspace_id]
    assert [w["WorkspaceId"] for w in by_bundle] == [b.workspace_id, c.workspace_id]
    assert client.describe_workspaces(DirectoryId="d-ffffffffff")["Workspaces"] == []


def test_describe_workspaces_limit_pages_with_tokens(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_workspace().workspace_id for _ in range(30)]
    first = client.describe_workspaces()
    assert [w["WorkspaceId"] for w in first["Workspaces"]] == made[:25]
    second = client.describe_workspaces(NextToken=first["NextToken"])
    assert [w["WorkspaceId"] for w in second["Workspaces"]] == made[25:]
    assert "NextToken" not in second


def test_describe_workspaces_boto3_paginator_walks_everything(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_workspace().workspace_id for _ in range(17)]
    pages = list(client.get_paginator("describe_workspaces").paginate(PaginationConfig={"PageSize": 5}))
    assert [len(p["Workspaces"]) for p in pages] == [5, 5, 5, 2]
    assert [w["WorkspaceId"] for p in pages for w in p["Workspaces"]] == made


def test_describe_workspaces_exact_page_boundary_has_no_token(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for _ in range(4):
        workspaces_backend.add_workspace()
    assert "NextToken" not in client.describe_workspaces(Limit=4)
    assert "NextToken" in client.describe_workspaces(Limit=3)


def test_describe_workspaces_forged_token_raises(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspaces(NextToken="bm90LWEtdG9rZW4=")


def test_describe_workspaces_token_replayed_with_other_filter_raises(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    workspaces_backend.add_workspace()
    token = client.describe_workspaces(Limit=1)["NextToken"]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspaces(Limit=1, NextToken=token, DirectoryId=ws.directory_id)


def test_describe_workspaces_limit_above_25_raises_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.describe_workspaces(Limit=26)
    assert "have value less than or equal to 25" in caught.value.response["Error"]["Message"]


def _fake_steps(call: Callable[[], object]) -> int:
    """Bytecode instructions the fake's own code executes during ``call``: a count, not a time, so it
    does not depend on how busy the machine is, and a scan over every WorkSpace shows as thousands."""
    steps = 0
    package = str(Path(workspaces_fake.__file__).parent)

    def trace(frame: FrameType, event: str, arg: Any) -> Any:  # sys.settrace's TraceFunction
        nonlocal steps
        if not frame.f_code.co_filename.startswith(package):
            return None
        frame.f_trace_opcodes = True
        if event == "opcode":
            steps += 1
        return trace

    previous = sys.gettrace()  # a debugger's or coverage's tracer is put back afterwards
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return steps


def test_describe_workspaces_page_cost_does_not_grow_with_workspace_count(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first = [workspaces_backend.add_workspace() for _ in range(25)]
    ids = [w.workspace_id for w in first]

    def both() -> object:
        return client.describe_workspaces(), client.describe_workspaces(WorkspaceIds=ids)

    both()  # first use (shapes compiled, ids batched) is not what is compared
    small = _fake_steps(both)
    for _ in range(10_000):
        workspaces_backend.add_workspace(directory_id="d-00000000bb")
    both()
    large = _fake_steps(both)
    assert small > 1000, small  # the tracer saw the fake's code at all
    assert large < small * 1.1, (small, large)


def test_add_workspace_duplicate_user_is_a_test_mistake(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace(user_name="alice")
    with pytest.raises(ValueError, match="already has a WorkSpace"):
        workspaces_backend.add_workspace(user_name="ALICE", directory_id=ws.directory_id)
    with pytest.raises(ValueError, match="no bundle"):
        workspaces_backend.add_workspace(bundle_id="wsb-000000000")
