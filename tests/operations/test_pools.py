"""CreateWorkspacesPool, DescribeWorkspacesPools, UpdateWorkspacesPool: shapes, defaults, checks, quotas."""

from __future__ import annotations

import re
from typing import Any

import freezegun
import pytest
from _pools import create_request, describe, pool_parts, state

from workspaces_fake import WorkspacesBackend

MOMENT = "2026-03-01T12:00:00Z"


# ------------------------------------------------------------------------------ CreateWorkspacesPool
def test_create_workspaces_pool_answers_creating_pool_with_observed_defaults(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    request = create_request(workspaces_backend)
    with freezegun.freeze_time(MOMENT):
        pool = client.create_workspaces_pool(**request)["WorkspacesPool"]
    assert re.fullmatch(r"wspool-[0-9a-z]{9}", pool["PoolId"])
    assert pool["PoolArn"] == f"arn:aws:workspaces:us-east-1:123456789012:workspacespool/{pool['PoolId']}"
    assert pool["State"] == "CREATING"
    assert pool["CreatedAt"].isoformat() == "2026-03-01T12:00:00+00:00"
    assert pool["ApplicationSettings"] == {"Status": "DISABLED"}
    assert pool["TimeoutSettings"] == {
        "DisconnectTimeoutInSeconds": 0,
        "IdleDisconnectTimeoutInSeconds": 0,
        "MaxUserDurationInSeconds": 0,
    }
    assert pool["RunningMode"] == "AUTO_STOP"
    assert pool["CapacityStatus"] == {
        "AvailableUserSessions": 0,
        "DesiredUserSessions": 2,
        "ActualUserSessions": 0,
        "ActiveUserSessions": 0,
    }
    assert "Errors" not in pool
    assert (pool["BundleId"], pool["DirectoryId"]) == (request["BundleId"], request["DirectoryId"])


def test_create_workspaces_pool_starts_by_itself_to_running_with_capacity(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = client.create_workspaces_pool(**create_request(workspaces_backend))["WorkspacesPool"]["PoolId"]
    found = describe(client, pool_id)
    assert found["State"] == "RUNNING"
    assert (
        found["CapacityStatus"]["ActualUserSessions"] == found["CapacityStatus"]["AvailableUserSessions"] == 2
    )


def test_create_workspaces_pool_keeps_sent_settings_and_tags(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    request = create_request(
        workspaces_backend,
        ApplicationSettings={"Status": "ENABLED", "SettingsGroup": "call-centre"},
        TimeoutSettings={"DisconnectTimeoutInSeconds": 900},
        RunningMode="ALWAYS_ON",
        Tags=[{"Key": "team", "Value": "support"}],
    )
    pool = client.create_workspaces_pool(**request)["WorkspacesPool"]
    settings = pool["ApplicationSettings"]
    assert (settings["Status"], settings["SettingsGroup"]) == ("ENABLED", "call-centre")
    assert re.fullmatch(r"wspool-app-settings-us-east-1-123456789012-[0-9a-z]{10}", settings["S3BucketName"])
    assert pool["TimeoutSettings"]["DisconnectTimeoutInSeconds"] == 900
    assert pool["TimeoutSettings"]["MaxUserDurationInSeconds"] == 0
    assert pool["RunningMode"] == "ALWAYS_ON"
    assert client.describe_tags(ResourceId=pool["PoolId"])["TagList"] == [{"Key": "team", "Value": "support"}]


def test_create_workspaces_pool_settings_bucket_is_shared_by_the_accounts_pools(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    enabled = {"Status": "ENABLED"}
    buckets = {
        client.create_workspaces_pool(
            **create_request(workspaces_backend, name, ApplicationSettings=enabled)
        )["WorkspacesPool"]["ApplicationSettings"]["S3BucketName"]
        for name in ("pool-a", "pool-b")
    }
    assert len(buckets) == 1


def test_create_workspaces_pool_closed_to_new_customers_is_access_denied(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.pools_open_to_new_customers = False
    with pytest.raises(client.exceptions.AccessDeniedException, match="no longer available to new customers"):
        client.create_workspaces_pool(**create_request(workspaces_backend))


def test_create_workspaces_pool_same_name_is_resource_already_exists(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    client.create_workspaces_pool(**create_request(workspaces_backend, "pool-one"))
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.create_workspaces_pool(**create_request(workspaces_backend, "pool-one"))
    client.create_workspaces_pool(**create_request(workspaces_backend, "Pool-one"))  # case-sensitive


def test_create_workspaces_pool_unknown_directory_is_resource_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    request = create_request(workspaces_backend, DirectoryId="wsd-000000000")
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.create_workspaces_pool(**request)
    assert caught.value.response["ResourceId"] == "wsd-000000000"


def test_create_workspaces_pool_personal_directory_is_invalid_parameter(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    personal = workspaces_backend.add_directory().directory_id
    with pytest.raises(client.exceptions.InvalidParameterValuesException, match="not a WorkSpaces Pools"):
        client.create_workspaces_pool(**create_request(workspaces_backend, DirectoryId=personal))


def test_create_workspaces_pool_unknown_bundle_is_resource_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.create_workspaces_pool(**create_request(workspaces_backend, BundleId="wsb-000000000"))
    assert caught.value.response["ResourceId"] == "wsb-000000000"


@pytest.mark.parametrize(
    "bundle",
    [
        {"protocols": ("PCOIP",)},
        {"protocols": ("WSP",), "operating_system_name": "UBUNTU_22_04"},
        {"protocols": ("WSP",), "compute_type_name": "GENERALPURPOSE_4XLARGE"},
    ],
    ids=["pcoip-only", "not-windows", "no-pool-compute"],
)
def test_create_workspaces_pool_unusable_bundle_is_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, bundle: dict[str, Any]
) -> None:
    bundle_id = workspaces_backend.add_bundle("unusable", **bundle).bundle_id
    with pytest.raises(client.exceptions.OperationNotSupportedException) as caught:
        client.create_workspaces_pool(**create_request(workspaces_backend, BundleId=bundle_id))
    assert caught.value.response["reason"] == "UNSUPPORTED_BUNDLE"


def test_create_workspaces_pool_settings_group_without_enabled_is_invalid_parameter(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    settings = {"Status": "DISABLED", "SettingsGroup": "g"}
    with pytest.raises(client.exceptions.InvalidParameterValuesException, match="SettingsGroup"):
        client.create_workspaces_pool(**create_request(workspaces_backend, ApplicationSettings=settings))


@pytest.mark.parametrize(
    "extra",
    [
        {"PoolName": "-bad"},
        {"RunningMode": "MANUAL"},
        {"TimeoutSettings": {"DisconnectTimeoutInSeconds": 36001}},
        {"Description": "x" * 256},
    ],
    ids=["name-pattern", "running-mode-enum", "timeout-max", "description-max"],
)
def test_create_workspaces_pool_constraint_botocore_sends_is_validation_exception(
    client: Any, workspaces_backend: WorkspacesBackend, extra: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.create_workspaces_pool(**create_request(workspaces_backend, **extra))


def test_create_workspaces_pool_pool_quota_is_resource_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.quotas["WorkSpaces Pools"] = 1
    client.create_workspaces_pool(**create_request(workspaces_backend, "pool-a"))
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match="WorkSpaces Pools"):
        client.create_workspaces_pool(**create_request(workspaces_backend, "pool-b"))


def test_create_workspaces_pool_instance_quota_counts_pools_of_the_same_compute(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_quotas()
    directory_id, standard = pool_parts(workspaces_backend)
    _, value = pool_parts(workspaces_backend, "VALUE")
    base = {"Description": "d", "DirectoryId": directory_id}
    client.create_workspaces_pool(
        PoolName="a", BundleId=standard, Capacity={"DesiredUserSessions": 8}, **base
    )
    client.create_workspaces_pool(PoolName="b", BundleId=value, Capacity={"DesiredUserSessions": 10}, **base)
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match="General Purpose Standard"):
        client.create_workspaces_pool(
            PoolName="c", BundleId=standard, Capacity={"DesiredUserSessions": 3}, **base
        )
    client.create_workspaces_pool(
        PoolName="c", BundleId=standard, Capacity={"DesiredUserSessions": 2}, **base
    )


def test_create_workspaces_pool_graphics_g4dn_quota_is_zero_at_aws(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_quotas()
    directory_id, bundle_id = pool_parts(workspaces_backend, "GRAPHICS_G4DN")
    request = create_request(workspaces_backend, DirectoryId=directory_id, BundleId=bundle_id)
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match=r"Graphics\.g4dn xlarge"):
        client.create_workspaces_pool(**request)


# ----------------------------------------------------------------------------- DescribeWorkspacesPools
def test_describe_workspaces_pools_lists_in_creation_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_pool(f"pool-{n}").pool_id for n in range(3)]
    listed = client.describe_workspaces_pools()["WorkspacesPools"]
    assert [p["PoolId"] for p in listed] == made


def test_describe_workspaces_pools_unknown_id_is_resource_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    known = workspaces_backend.add_pool().pool_id
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.describe_workspaces_pools(PoolIds=[known, "wspool-000000000"])
    assert caught.value.response["ResourceId"] == "wspool-000000000"


@pytest.mark.parametrize(
    ("operator", "values", "expected"),
    [
        ("EQUALS", ["sales-eu", "hr"], ["sales-eu"]),
        ("NOTEQUALS", ["sales-eu"], ["sales-us", "support"]),
        ("CONTAINS", ["sales"], ["sales-eu", "sales-us"]),
        ("NOTCONTAINS", ["sales", "port"], []),
    ],
)
def test_describe_workspaces_pools_filters_by_name(
    client: Any, workspaces_backend: WorkspacesBackend, operator: str, values: list[str], expected: list[str]
) -> None:
    for name in ("sales-eu", "sales-us", "support"):
        workspaces_backend.add_pool(name)
    filters = [{"Name": "PoolName", "Values": values, "Operator": operator}]
    listed = client.describe_workspaces_pools(Filters=filters)["WorkspacesPools"]
    assert [p["PoolName"] for p in listed] == expected


def test_describe_workspaces_pools_pages_with_opaque_tokens(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_pool(f"pool-{n}").pool_id for n in range(3)]
    first = client.describe_workspaces_pools(Limit=2)
    second = client.describe_workspaces_pools(Limit=2, NextToken=first["NextToken"])
    assert [p["PoolId"] for p in first["WorkspacesPools"] + second["WorkspacesPools"]] == made
    assert "NextToken" not in second
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspaces_pools(Limit=2, NextToken="forged")


def test_describe_workspaces_pools_limit_over_25_is_validation_exception(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspaces_pools(Limit=26)


# ------------------------------------------------------------------------------ UpdateWorkspacesPool
def test_update_workspaces_pool_capacity_applies_at_once_without_updating(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(desired_user_sessions=1).pool_id
    updated = client.update_workspaces_pool(
        PoolId=pool_id, Capacity={"DesiredUserSessions": 4}, Description="Bigger"
    )["WorkspacesPool"]
    assert (updated["State"], updated["Description"]) == ("RUNNING", "Bigger")
    assert (
        updated["CapacityStatus"]["DesiredUserSessions"]
        == updated["CapacityStatus"]["ActualUserSessions"]
        == 4
    )


def test_update_workspaces_pool_configuration_goes_updating_then_back(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(timeout_settings={"IdleDisconnectTimeoutInSeconds": 600}).pool_id
    updated = client.update_workspaces_pool(
        PoolId=pool_id, TimeoutSettings={"DisconnectTimeoutInSeconds": 120}
    )
    pool = updated["WorkspacesPool"]
    assert pool["State"] == "UPDATING"
    assert pool["TimeoutSettings"] == {
        "DisconnectTimeoutInSeconds": 120,
        "IdleDisconnectTimeoutInSeconds": 600,
        "MaxUserDurationInSeconds": 0,
    }
    assert state(client, pool_id) == "RUNNING"


def test_update_workspaces_pool_same_values_change_nothing(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool = workspaces_backend.add_pool()
    updated = client.update_workspaces_pool(
        PoolId=pool.pool_id, BundleId=pool.bundle_id, RunningMode="AUTO_STOP"
    )["WorkspacesPool"]
    assert updated["State"] == "RUNNING"


def test_update_workspaces_pool_running_mode_only_when_stopped(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    running = workspaces_backend.add_pool("running").pool_id
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="STOPPED"):
        client.update_workspaces_pool(PoolId=running, RunningMode="ALWAYS_ON")
    stopped = workspaces_backend.add_pool("stopped", state="STOPPED").pool_id
    pool = client.update_workspaces_pool(PoolId=stopped, RunningMode="ALWAYS_ON")["WorkspacesPool"]
    assert (pool["RunningMode"], pool["State"]) == ("ALWAYS_ON", "UPDATING")
    assert state(client, stopped) == "STOPPED"


@pytest.mark.workspaces(lifecycle="manual")
def test_update_workspaces_pool_while_transitional_is_operation_in_progress(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(state="STARTING").pool_id
    with pytest.raises(client.exceptions.OperationInProgressException):
        client.update_workspaces_pool(PoolId=pool_id, Description="Later")


def test_update_workspaces_pool_unknown_pool_is_resource_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.update_workspaces_pool(PoolId="wspool-000000000", Description="x")
    assert caught.value.response["ResourceId"] == "wspool-000000000"


def test_update_workspaces_pool_checks_new_directory_and_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool().pool_id
    personal = workspaces_backend.add_directory().directory_id
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.update_workspaces_pool(PoolId=pool_id, DirectoryId=personal)
    linux = workspaces_backend.add_bundle("linux", operating_system_name="UBUNTU_22_04", protocols=("WSP",))
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.update_workspaces_pool(PoolId=pool_id, BundleId=linux.bundle_id)
    new_directory, new_bundle = pool_parts(workspaces_backend)
    pool = client.update_workspaces_pool(PoolId=pool_id, DirectoryId=new_directory, BundleId=new_bundle)
    assert (pool["WorkspacesPool"]["DirectoryId"], pool["WorkspacesPool"]["BundleId"]) == (
        new_directory,
        new_bundle,
    )


def test_update_workspaces_pool_capacity_over_instance_quota_is_resource_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_quotas()
    pool_id = workspaces_backend.add_pool(desired_user_sessions=5).pool_id
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.update_workspaces_pool(PoolId=pool_id, Capacity={"DesiredUserSessions": 11})
    client.update_workspaces_pool(PoolId=pool_id, Capacity={"DesiredUserSessions": 10})


def test_update_workspaces_pool_disabling_application_settings_drops_bucket(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    request = create_request(workspaces_backend, ApplicationSettings={"Status": "ENABLED"})
    pool_id = client.create_workspaces_pool(**request)["WorkspacesPool"]["PoolId"]
    state(client, pool_id)
    pool = client.update_workspaces_pool(PoolId=pool_id, ApplicationSettings={"Status": "DISABLED"})
    assert pool["WorkspacesPool"]["ApplicationSettings"] == {"Status": "DISABLED"}


# ------------------------------------------------------------------------------------------ tags
def test_create_tags_on_pool_are_described_and_deleted(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool_id = workspaces_backend.add_pool(tags={"team": "a"}).pool_id
    client.create_tags(ResourceId=pool_id, Tags=[{"Key": "cost", "Value": "42"}])
    client.delete_tags(ResourceId=pool_id, TagKeys=["team"])
    assert client.describe_tags(ResourceId=pool_id)["TagList"] == [{"Key": "cost", "Value": "42"}]


def test_update_workspaces_pool_new_bundle_counts_against_its_compute_quota(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_quotas()
    pool_id = workspaces_backend.add_pool(desired_user_sessions=2).pool_id
    _, graphics = pool_parts(workspaces_backend, "GRAPHICS_G4DN")
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match=r"Graphics\.g4dn xlarge"):
        client.update_workspaces_pool(PoolId=pool_id, BundleId=graphics)


def test_deregister_workspace_directory_used_by_a_pool_is_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool = workspaces_backend.add_pool(state="STOPPED")
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="pool"):
        client.deregister_workspace_directory(DirectoryId=pool.directory_id)
    client.terminate_workspaces_pool(PoolId=pool.pool_id)
    assert state(client, pool.pool_id) == "GONE"
    client.deregister_workspace_directory(DirectoryId=pool.directory_id)


def test_delete_workspace_bundle_a_pool_uses_is_resource_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    pool = workspaces_backend.add_pool(state="STOPPED")
    with pytest.raises(client.exceptions.ResourceAssociatedException):
        client.delete_workspace_bundle(BundleId=pool.bundle_id)
    client.terminate_workspaces_pool(PoolId=pool.pool_id)
    assert state(client, pool.pool_id) == "GONE"
    client.delete_workspace_bundle(BundleId=pool.bundle_id)


def test_create_workspaces_in_a_pool_directory_fails_the_item(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory_id = workspaces_backend.add_directory(workspace_type="POOLS").directory_id
    request = {"DirectoryId": directory_id, "UserName": "jane", "BundleId": "wsb-1jrdil83v"}
    failed = client.create_workspaces(Workspaces=[request])["FailedRequests"]
    assert [f["ErrorCode"] for f in failed] == ["InvalidParameterValuesException"]
    assert "not a WorkSpaces Personal directory" in failed[0]["ErrorMessage"]
