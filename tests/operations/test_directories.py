"""RegisterWorkspaceDirectory, DeregisterWorkspaceDirectory, DescribeWorkspaceDirectories."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend

DIRECTORY = "d-0123456789"
NOT_FOUND = (
    "The specified directory could not be found. Confirm that the directory exists in your AWS account "
    "and that you own the directory."
)


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
    assert found["SamlProperties"] == {"Status": "DISABLED", "RelayStateParameterName": "RelayState"}
    assert found["CertificateBasedAuthProperties"] == {"Status": "DISABLED"}
    assert found["EndpointEncryptionMode"] == "STANDARD_TLS"
    assert "StreamingProperties" not in found
    assert (found["WorkspaceType"], found["UserIdentityType"]) == ("PERSONAL", "AWS_DIRECTORY_SERVICE")
    assert "WorkspaceDirectoryName" not in found


def test_register_workspace_directory_access_defaults_deny_web_linux_thin_client(client: Any) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    access = _describe(client)[0]["WorkspaceAccessProperties"]
    denied = {name for name, value in access.items() if value == "DENY"}
    assert denied == {"DeviceTypeWeb", "DeviceTypeLinux", "DeviceTypeWorkSpacesThinClient"}
    assert len(access) == 9


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


def test_register_workspace_directory_three_subnets_raises_validation(client: Any) -> None:
    subnets = [f"subnet-0123456789abcdef{i}" for i in range(3)]
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.register_workspace_directory(DirectoryId=DIRECTORY, SubnetIds=subnets)
    assert "subnetIds" in caught.value.response["Error"]["Message"]


def test_deregister_workspace_directory_unknown_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    assert caught.value.response["Error"]["Message"] == NOT_FOUND
    assert caught.value.response["ResourceId"] == DIRECTORY


def test_deregister_workspace_directory_with_workspaces_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(directory_id=DIRECTORY, state="STOPPED")
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    assert caught.value.response["Error"]["Message"] == (
        "There are WorkSpaces assigned to this directory. You must remove the WorkSpaces before you "
        "deregister the directory."
    )
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)  # the WorkSpace is gone by now


@pytest.mark.workspaces(lifecycle="manual")
def test_deregister_workspace_directory_while_registering_raises_invalid_state(client: Any) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    with pytest.raises(client.exceptions.InvalidResourceStateException) as caught:
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    assert caught.value.response["Error"]["Message"] == (
        "The specified directory is not in a valid state. Confirm that the directory has a status of "
        "Active, and try again."
    )


@pytest.mark.workspaces(lifecycle="manual")
def test_deregister_workspace_directory_only_terminating_workspaces_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_workspace(directory_id=DIRECTORY, state="TERMINATING")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.settle()
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)


def test_deregister_workspace_directory_in_error_is_accepted(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY, state="ERROR", error_message="The subnets are full.")
    assert _describe(client)[0]["ErrorMessage"] == "The subnets are full."
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    assert _state(client, DIRECTORY) == "GONE"


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
    workspaces_backend.clock.advance(seconds=4)
    assert _state(client, DIRECTORY) == "DEREGISTERING"
    workspaces_backend.clock.advance(seconds=1)
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


# ------------------------------------------------------------------------- WorkSpaces-managed directories
POOLS = {
    "WorkspaceType": "POOLS",
    "UserIdentityType": "CUSTOMER_MANAGED",
    "WorkspaceDirectoryName": "pool-users",
    "WorkspaceDirectoryDescription": "Pool directory",
    "SubnetIds": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
}
IDC_ARN = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:entra-config-AbCdEf"


def test_register_workspace_directory_pools_gets_a_wsd_id(client: Any) -> None:
    response = client.register_workspace_directory(**POOLS, Tags=[{"Key": "team", "Value": "a"}])
    directory_id = response["DirectoryId"]
    assert directory_id.startswith("wsd-") and len(directory_id) == 13
    found = _describe(client, DirectoryIds=[directory_id])[0]
    assert (found["WorkspaceType"], found["UserIdentityType"], found["DirectoryType"]) == (
        "POOLS",
        "CUSTOMER_MANAGED",
        "CUSTOMER_MANAGED",
    )
    assert (found["WorkspaceDirectoryName"], found["WorkspaceDirectoryDescription"]) == (
        "pool-users",
        "Pool directory",
    )
    assert found["SubnetIds"] == POOLS["SubnetIds"]
    assert "SelfservicePermissions" not in found and "DnsIpAddresses" not in found
    assert client.describe_tags(ResourceId=directory_id)["TagList"] == [{"Key": "team", "Value": "a"}]


def test_register_workspace_directory_pools_with_active_directory_names_the_domain(client: Any) -> None:
    config = {"DomainName": "corp.example.com", "ServiceAccountSecretArn": SECRET_ARN}
    directory_id = client.register_workspace_directory(**POOLS, ActiveDirectoryConfig=config)["DirectoryId"]
    found = _describe(client, DirectoryIds=[directory_id])[0]
    assert found["ActiveDirectoryConfig"] == config
    assert found["DirectoryName"] == "corp.example.com" and found["DnsIpAddresses"]


def test_register_workspace_directory_entra_records_idc_and_entra(client: Any) -> None:
    entra = {"TenantId": "a1b2c3d4-0000-1111-2222-333344445555", "ApplicationConfigSecretArn": SECRET_ARN}
    directory_id = client.register_workspace_directory(
        WorkspaceDirectoryName="entra-users",
        UserIdentityType="AWS_IAM_IDENTITY_CENTER",
        IdcInstanceArn=IDC_ARN,
        MicrosoftEntraConfig=entra,
        Tenancy="DEDICATED",
    )["DirectoryId"]
    found = _describe(client, DirectoryIds=[directory_id])[0]
    assert (found["DirectoryType"], found["UserIdentityType"], found["WorkspaceType"]) == (
        "AWS_IAM_IDENTITY_CENTER",
        "AWS_IAM_IDENTITY_CENTER",
        "PERSONAL",
    )
    assert found["MicrosoftEntraConfig"] == entra and found["Tenancy"] == "DEDICATED"
    assert found["IDCConfig"]["InstanceArn"] == IDC_ARN
    assert found["IDCConfig"]["ApplicationArn"].startswith("arn:aws:sso::123456789012:application/")
    filtered = _describe(
        client, Filters=[{"Name": "USER_IDENTITY_TYPE", "Values": ["AWS_IAM_IDENTITY_CENTER"]}]
    )
    assert [d["DirectoryId"] for d in filtered] == [directory_id]


@pytest.mark.parametrize(
    ("members", "fragment"),
    [
        ({"DirectoryId": DIRECTORY, "WorkspaceType": "POOLS"}, "WorkspaceType=POOLS"),
        ({"DirectoryId": DIRECTORY, "WorkspaceDirectoryName": "corp-users"}, "WorkspaceDirectoryName"),
        ({"DirectoryId": DIRECTORY, "IdcInstanceArn": IDC_ARN}, "IdcInstanceArn"),
        ({"DirectoryId": "wsd-abcdefgh1"}, "wsd-"),
        ({}, "Either DirectoryId or WorkspaceDirectoryName"),
        ({"WorkspaceDirectoryName": "idc-users"}, "AWS_IAM_IDENTITY_CENTER"),
        ({**POOLS, "WorkspaceDirectoryDescription": None}, "WorkspaceDirectoryDescription"),
        ({**POOLS, "EnableSelfService": True}, "EnableSelfService"),
        ({**POOLS, "UserIdentityType": "AWS_IAM_IDENTITY_CENTER"}, "CUSTOMER_MANAGED"),
    ],
)
def test_register_workspace_directory_inconsistent_members_raise_invalid_parameter_values(
    client: Any, members: dict[str, Any], fragment: str
) -> None:
    request = {key: value for key, value in members.items() if value is not None}
    with pytest.raises(client.exceptions.InvalidParameterValuesException) as caught:
        client.register_workspace_directory(**request)
    assert fragment in caught.value.response["Error"]["Message"]


def test_register_workspace_directory_without_default_role_raises_role_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.default_role_exists = False
    with pytest.raises(client.exceptions.WorkspacesDefaultRoleNotFoundException):
        client.register_workspace_directory(DirectoryId=DIRECTORY)
    assert _describe(client) == []


def test_register_workspace_directory_over_quota_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.directory_quota = 1
    workspaces_backend.add_directory()
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.register_workspace_directory(DirectoryId=DIRECTORY)


# ------------------------------------------------------------------------------------- arrange helper
def test_add_directory_pools_is_a_registered_wsd_directory(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool = workspaces_backend.add_directory(workspace_type="POOLS", workspace_directory_name="pool-a")
    found = _describe(client, DirectoryIds=[pool.directory_id])[0]
    assert pool.directory_id.startswith("wsd-") and found["State"] == "REGISTERED"
    assert (found["WorkspaceType"], found["UserIdentityType"]) == ("POOLS", "CUSTOMER_MANAGED")
    assert found["WorkspaceDirectoryName"] == "pool-a"


def test_add_directory_stuck_registering_stays_in_every_mode(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY, state="REGISTERING", stuck=True)
    workspaces_backend.settle()
    assert _state(client, DIRECTORY) == "REGISTERING"
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_selfservice_permissions(
            ResourceId=DIRECTORY, SelfservicePermissions={"RebuildWorkspace": "ENABLED"}
        )


@pytest.mark.workspaces(lifecycle="timed")
def test_add_directory_registering_with_error_message_ends_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY, state="REGISTERING", error_message="No route to the DNS.")
    assert "ErrorMessage" not in _describe(client)[0]
    workspaces_backend.clock.advance(minutes=3)
    found = _describe(client)[0]
    assert (found["State"], found["ErrorMessage"]) == ("ERROR", "No route to the DNS.")


def test_add_directory_rejects_values_aws_never_holds(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="state"):
        workspaces_backend.add_directory(state="DEREGISTERED")
    with pytest.raises(ValueError, match="workspace_type"):
        workspaces_backend.add_directory(workspace_type="SHARED")


@pytest.mark.workspaces(lifecycle="manual")
def test_fail_directory_registration_ends_an_api_registration_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    workspaces_backend.fail_directory_registration(DIRECTORY, "The DNS servers cannot be reached.")
    workspaces_backend.settle()
    found = _describe(client)[0]
    assert (found["State"], found["ErrorMessage"]) == ("ERROR", "The DNS servers cannot be reached.")
    with pytest.raises(ValueError, match="ERROR"):
        workspaces_backend.fail_directory_registration(DIRECTORY)


@pytest.mark.workspaces(lifecycle="timed")
def test_register_workspace_directory_pools_timed_takes_three_minutes(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory_id = client.register_workspace_directory(**POOLS)["DirectoryId"]
    assert _state(client, directory_id) == "REGISTERING"
    workspaces_backend.clock.advance(minutes=3)
    assert _state(client, directory_id) == "REGISTERED"
    by_name = _describe(client, WorkspaceDirectoryNames=["pool-users"])
    assert [d["DirectoryId"] for d in by_name] == [directory_id]
