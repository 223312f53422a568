"""RegisterWorkspaceDirectory, DeregisterWorkspaceDirectory, DescribeWorkspaceDirectories."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from workspaces_fake import WorkspacesBackend

DIRECTORY = "d-0123456789"


def _describe(client: Any, **filters: Any) -> list[dict[str, Any]]:
    return list(client.describe_workspace_directories(**filters)["Directories"])


def _state(client: Any, directory_id: str) -> str:
    found = _describe(client, DirectoryIds=[directory_id])
    return str(found[0]["State"]) if found else "GONE"


def test_register_workspace_directory_answers_registering_then_registered(client: Any) -> None:
    response = client.register_workspace_directory(DirectoryId=DIRECTORY)
    assert (response["DirectoryId"], response["State"]) == (DIRECTORY, "REGISTERING")
    assert _state(client, DIRECTORY) == "REGISTERED"


def test_register_workspace_directory_describes_plausible_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    found = _describe(client)[0]
    assert found["Alias"] == DIRECTORY
    assert found["RegistrationCode"].startswith("SLiad+")
    assert found["IamRoleId"] == f"arn:aws:iam::{workspaces_backend.account_id}:role/workspaces_DefaultRole"
    assert len(found["SubnetIds"]) == 2 and all(s.startswith("subnet-") for s in found["SubnetIds"])
    assert found["WorkspaceSecurityGroupId"].startswith("sg-")
    assert (found["DirectoryType"], found["Tenancy"], found["CustomerUserName"]) == (
        "SIMPLE_AD",
        "SHARED",
        "Administrator",
    )
    assert found["SelfservicePermissions"]["RestartWorkspace"] == "ENABLED"
    assert found["SelfservicePermissions"]["ChangeComputeType"] == "DISABLED"
    assert found["WorkspaceCreationProperties"]["EnableInternetAccess"] is False
    assert found["SamlProperties"] == {"Status": "DISABLED"}


def test_register_workspace_directory_options_are_kept(client: Any) -> None:
    subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    client.register_workspace_directory(
        DirectoryId=DIRECTORY,
        SubnetIds=subnets,
        EnableSelfService=True,
        Tenancy="DEDICATED",
        Tags=[{"Key": "env", "Value": "test"}],
    )
    found = _describe(client)[0]
    assert (found["SubnetIds"], found["Tenancy"]) == (subnets, "DEDICATED")
    assert set(found["SelfservicePermissions"].values()) == {"ENABLED"}
    assert client.describe_tags(ResourceId=DIRECTORY)["TagList"] == [{"Key": "env", "Value": "test"}]


@pytest.mark.workspaces(lifecycle="timed")
def test_register_workspace_directory_timed_takes_three_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.clock.advance(minutes=2, seconds=59)
    assert _state(client, DIRECTORY) == "REGISTERING"
    workspaces_backend.clock.advance(seconds=1)
    assert _state(client, DIRECTORY) == "REGISTERED"


@pytest.mark.workspaces(lifecycle="manual")
def test_register_workspace_directory_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.clock.advance(hours=1)
    assert _state(client, DIRECTORY) == "REGISTERING"
    workspaces_backend.settle()
    assert _state(client, DIRECTORY) == "REGISTERED"


def test_register_workspace_directory_twice_raises_already_exists(client: Any) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.register_workspace_directory(DirectoryId=DIRECTORY)


def test_register_workspace_directory_malformed_id_raises_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.register_workspace_directory(DirectoryId="d-NOTHEX0000")
    assert "directoryId" in caught.value.response["Error"]["Message"]


def test_register_workspace_directory_one_subnet_raises_invalid_parameter_values(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.register_workspace_directory(DirectoryId=DIRECTORY, SubnetIds=["subnet-0123456789abcdef0"])


def test_register_workspace_directory_without_directory_id_is_not_supported(client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        client.register_workspace_directory(
            WorkspaceDirectoryName="pool-users", UserIdentityType="CUSTOMER_MANAGED"
        )
    assert caught.value.response["Error"]["Code"] == "WorkspacesFakeNotSupported"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501


def test_deregister_workspace_directory_unknown_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)


def test_deregister_workspace_directory_with_workspaces_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(directory_id=DIRECTORY)
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)  # the WorkSpace is gone by now


@pytest.mark.workspaces(lifecycle="manual")
def test_deregister_workspace_directory_while_registering_raises_invalid_state(client: Any) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)


@pytest.mark.workspaces(lifecycle="timed")
def test_deregister_workspace_directory_deregistering_then_gone(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory(DIRECTORY, tags={"env": "test"})
    assert (
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)["ResponseMetadata"]["HTTPStatusCode"]
        == 200
    )
    assert _state(client, DIRECTORY) == "DEREGISTERING"
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.register_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.clock.advance(minutes=3)
    assert _state(client, DIRECTORY) == "GONE"
    assert directory.state == "DEREGISTERED"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_tags(ResourceId=DIRECTORY)
    client.register_workspace_directory(DirectoryId=DIRECTORY)


def test_deregistered_directory_cannot_take_new_workspaces(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY)
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    request = {"DirectoryId": DIRECTORY, "UserName": "alice", "BundleId": "wsb-000000000"}
    failed = client.create_workspaces(Workspaces=[request])["FailedRequests"]
    assert [f["ErrorCode"] for f in failed] == ["ResourceNotFound.Directory"]


def test_describe_workspace_directories_ids_unknown_omitted(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = workspaces_backend.add_directory(), workspaces_backend.add_directory()
    found = _describe(client, DirectoryIds=[second.directory_id, "d-ffffffffff", first.directory_id])
    assert [d["DirectoryId"] for d in found] == [first.directory_id, second.directory_id]


def test_describe_workspace_directories_by_name_and_filters(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(directory_name="corp.example.com")
    other = workspaces_backend.add_directory(directory_name="lab.example.com")
    by_name = _describe(client, WorkspaceDirectoryNames=["lab.example.com"])
    assert [d["DirectoryId"] for d in by_name] == [other.directory_id]
    personal = [{"Name": "WORKSPACE_TYPE", "Values": ["PERSONAL"]}]
    assert len(_describe(client, Filters=personal)) == 2
    assert (
        _describe(client, Filters=[{"Name": "USER_IDENTITY_TYPE", "Values": ["AWS_IAM_IDENTITY_CENTER"]}])
        == []
    )


def test_describe_workspace_directories_pages_with_limit_and_paginator(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_directory().directory_id for _ in range(5)]
    first = client.describe_workspace_directories(Limit=2)
    assert [d["DirectoryId"] for d in first["Directories"]] == made[:2]
    pages = client.get_paginator("describe_workspace_directories").paginate()
    assert [d["DirectoryId"] for p in pages for d in p["Directories"]] == made


def test_describe_workspace_directories_forged_token_raises(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspace_directories(NextToken="forged")


@pytest.mark.workspaces(lifecycle="manual")
def test_deregister_workspace_directory_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY)
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.clock.advance(hours=1)
    assert _state(client, DIRECTORY) == "DEREGISTERING"
    workspaces_backend.settle()
    assert _state(client, DIRECTORY) == "GONE"
