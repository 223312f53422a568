"""The moto bridge: WorkSpaces agrees with moto's Directory Service and EC2 while both mocks are active."""

from __future__ import annotations

import ipaddress
import re
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake.models.bundles.catalog import public_bundle_id
from workspaces_fake.models.moto_bridge import moto_active, moto_client

UBUNTU = public_bundle_id("Standard with Ubuntu 22.04")


def _pair(order: str, **options: Any) -> tuple[AbstractContextManager[Any], AbstractContextManager[Any]]:
    ours, theirs = mock_workspaces(**options), mock_aws()
    return (theirs, ours) if order == "moto-outside" else (ours, theirs)


def _ours(first: Any, second: Any) -> WorkspacesBackend:
    return first if isinstance(first, WorkspacesBackend) else second


def test_the_bridge_follows_motos_mock_and_the_option() -> None:
    with mock_workspaces() as backend:
        assert not moto_active()
        assert moto_client(backend, "ds") is None
        with mock_aws():
            assert moto_active()
            assert moto_client(backend, "ds") is not None
            with mock_workspaces(moto_bridge=False):
                assert moto_client(backend, "ds") is None
            assert moto_client(backend, "ds") is not None
        assert moto_client(backend, "ds") is None


def test_moto_bridge_false_on_the_outer_mock_holds_for_inner_ones() -> None:
    with mock_aws(), mock_workspaces(moto_bridge=False), mock_workspaces() as backend:
        assert moto_client(backend, "ds") is None


def _network(region: str = "us-east-1") -> tuple[str, list[str]]:
    """A VPC and two subnets in moto's EC2, in two zones."""
    ec2 = boto3.client("ec2", region_name=region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    zones = [f"{region}a", f"{region}b"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"]
        for n, zone in enumerate(zones, start=1)
    ]
    return vpc, subnets


def _simple_ad(vpc: str, subnets: list[str], region: str = "us-east-1") -> str:
    ds = boto3.client("ds", region_name=region)
    settings = {"VpcId": vpc, "SubnetIds": subnets}
    created = ds.create_directory(
        Name="corp.example.com", Password="Passw0rd!Long", Size="Small", VpcSettings=settings
    )
    return str(created["DirectoryId"])


@pytest.mark.parametrize("order", ["moto-outside", "moto-inside"])
def test_a_registered_directory_takes_its_values_from_motos_directory_service(order: str) -> None:
    outer, inner = _pair(order)
    with outer as first, inner as second:
        backend = _ours(first, second)
        vpc, subnets = _network()
        directory_id = _simple_ad(vpc, subnets)
        described = boto3.client("ds", region_name="us-east-1").describe_directories(
            DirectoryIds=[directory_id]
        )
        ds_directory = described["DirectoryDescriptions"][0]
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        workspaces.register_workspace_directory(DirectoryId=directory_id)
        backend.settle()
        shown = workspaces.describe_workspace_directories(DirectoryIds=[directory_id])["Directories"][0]
        assert shown["DirectoryName"] == "corp.example.com"
        assert shown["Alias"] == ds_directory["Alias"]
        assert shown["DnsIpAddresses"] == ds_directory["DnsIpAddrs"]
        assert shown["DirectoryType"] == "SIMPLE_AD"
        assert shown["SubnetIds"] == subnets
        group = boto3.client("ec2", region_name="us-east-1").describe_security_groups(
            GroupIds=[shown["WorkspaceSecurityGroupId"]]
        )["SecurityGroups"][0]
        assert (group["VpcId"], group["GroupName"]) == (vpc, f"{directory_id}_workspacesMembers")


def test_the_fixture_with_moto_refuses_an_id_directory_service_does_not_know(
    workspaces_backend: WorkspacesBackend,
) -> None:
    with mock_aws():
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        with pytest.raises(workspaces.exceptions.ResourceNotFoundException):
            workspaces.register_workspace_directory(DirectoryId="d-1234567890")
    assert workspaces_backend.directories.peek("d-1234567890") is None


def test_subnets_in_one_zone_are_refused() -> None:
    with mock_aws(), mock_workspaces():
        vpc, subnets = _network()
        directory_id = _simple_ad(vpc, subnets)
        ec2 = boto3.client("ec2", region_name="us-east-1")
        same_zone = [
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone="us-east-1a")["Subnet"][
                "SubnetId"
            ]
            for n in (7, 8)
        ]
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        with pytest.raises(workspaces.exceptions.OperationNotSupportedException):
            workspaces.register_workspace_directory(DirectoryId=directory_id, SubnetIds=same_zone)


def test_subnet_ids_moto_does_not_know_are_refused() -> None:
    with mock_aws(), mock_workspaces():
        vpc, subnets = _network()
        directory_id = _simple_ad(vpc, subnets)
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        unknown = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        with pytest.raises(workspaces.exceptions.InvalidParameterValuesException):
            workspaces.register_workspace_directory(DirectoryId=directory_id, SubnetIds=unknown)


def test_with_the_bridge_off_any_well_formed_id_registers_as_without_moto() -> None:
    with mock_aws(), mock_workspaces(moto_bridge=False) as backend:
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        workspaces.register_workspace_directory(DirectoryId="d-1234567890")
        backend.settle()
        shown = workspaces.describe_workspace_directories(DirectoryIds=["d-1234567890"])["Directories"][0]
        assert shown["State"] == "REGISTERED"


def _registered_directory(backend: WorkspacesBackend) -> tuple[str, str]:
    """A Simple AD directory in moto, registered with WorkSpaces and settled: (directory id, VPC id)."""
    vpc, subnets = _network()
    directory_id = _simple_ad(vpc, subnets)
    boto3.client("workspaces", region_name="us-east-1").register_workspace_directory(DirectoryId=directory_id)
    backend.settle()
    return directory_id, vpc


def test_a_custom_security_group_must_exist_in_motos_ec2() -> None:
    with mock_aws(), mock_workspaces() as backend:
        directory_id, vpc = _registered_directory(backend)
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        with pytest.raises(workspaces.exceptions.InvalidParameterValuesException):
            workspaces.modify_workspace_creation_properties(
                ResourceId=directory_id,
                WorkspaceCreationProperties={"CustomSecurityGroupId": "sg-0123456789abcdef0"},
            )
        ec2 = boto3.client("ec2", region_name="us-east-1")
        group = ec2.create_security_group(GroupName="custom", Description="custom", VpcId=vpc)["GroupId"]
        workspaces.modify_workspace_creation_properties(
            ResourceId=directory_id, WorkspaceCreationProperties={"CustomSecurityGroupId": group}
        )
        shown = workspaces.describe_workspace_directories(DirectoryIds=[directory_id])["Directories"][0]
        assert shown["WorkspaceCreationProperties"]["CustomSecurityGroupId"] == group


def test_a_volume_encryption_key_must_be_an_enabled_key_in_motos_kms() -> None:
    with mock_aws(), mock_workspaces() as backend:
        directory_id, _ = _registered_directory(backend)
        kms = boto3.client("kms", region_name="us-east-1")
        enabled = kms.create_key()["KeyMetadata"]["Arn"]
        disabled_key = kms.create_key()["KeyMetadata"]
        kms.disable_key(KeyId=disabled_key["KeyId"])  # moto's DisableKey takes the id, not the ARN
        disabled = disabled_key["Arn"]
        unknown = enabled.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"
        requests = [
            {"DirectoryId": directory_id, "UserName": name, "BundleId": UBUNTU, "VolumeEncryptionKey": key}
            for name, key in (("ana", enabled), ("ben", disabled), ("cy", unknown))
        ]
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        answer = workspaces.create_workspaces(Workspaces=requests)
        assert [r["UserName"] for r in answer["PendingRequests"]] == ["ana"]
        created = workspaces.describe_workspaces(WorkspaceIds=[answer["PendingRequests"][0]["WorkspaceId"]])
        assert created["Workspaces"][0]["VolumeEncryptionKey"] == enabled
        failed = {f["WorkspaceRequest"]["UserName"]: f["ErrorCode"] for f in answer["FailedRequests"]}
        assert failed == {"ben": "InvalidParameterValuesException", "cy": "InvalidParameterValuesException"}


def test_workspaces_get_addresses_inside_their_subnets_cidr() -> None:
    with mock_aws(), mock_workspaces() as backend:
        directory_id, _ = _registered_directory(backend)
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        requests = [
            {"DirectoryId": directory_id, "UserName": f"user{n}", "BundleId": UBUNTU} for n in range(3)
        ]
        workspaces.create_workspaces(Workspaces=requests)
        backend.settle()
        ec2 = boto3.client("ec2", region_name="us-east-1")
        seen = workspaces.describe_workspaces(DirectoryId=directory_id)["Workspaces"]
        for ws in seen:
            cidr = ec2.describe_subnets(SubnetIds=[ws["SubnetId"]])["Subnets"][0]["CidrBlock"]
            assert ipaddress.ip_address(ws["IpAddress"]) in ipaddress.ip_network(cidr)
        assert len({ws["IpAddress"] for ws in seen}) == 3
        workspaces.rebuild_workspaces(RebuildWorkspaceRequests=[{"WorkspaceId": seen[0]["WorkspaceId"]}])
        backend.settle()
        rebuilt = workspaces.describe_workspaces(WorkspaceIds=[seen[0]["WorkspaceId"]])["Workspaces"][0]
        cidr = ec2.describe_subnets(SubnetIds=[rebuilt["SubnetId"]])["Subnets"][0]["CidrBlock"]
        assert ipaddress.ip_address(rebuilt["IpAddress"]) in ipaddress.ip_network(cidr)


def test_the_usage_guides_moto_example_runs() -> None:
    usage = (Path(__file__).resolve().parent.parent / "docs" / "usage.md").read_text(encoding="utf-8")
    section = usage.split("## With moto", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"^```python\n(.*?)^```", section, flags=re.M | re.S)
    namespace: dict[str, Any] = {}
    exec(compile(block, "docs/usage.md", "exec"), namespace)
    namespace["test_directory_service_to_workspaces"]()


def test_a_directory_that_is_not_active_in_directory_service_is_refused() -> None:
    from moto.ds.models import ds_backends

    with mock_aws(), mock_workspaces():
        vpc, subnets = _network()
        directory_id = _simple_ad(vpc, subnets)
        moto_directory = ds_backends["123456789012"]["us-east-1"].directories[directory_id]
        moto_directory.stage = "Creating"  # no moto API leaves a directory in a stage other than Active
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        with pytest.raises(workspaces.exceptions.InvalidResourceStateException):
            workspaces.register_workspace_directory(DirectoryId=directory_id)


def test_an_ad_connector_registers_as_ad_connector_with_its_dns_and_service_account() -> None:
    with mock_aws(), mock_workspaces() as backend:
        vpc, subnets = _network()
        settings = {
            "VpcId": vpc,
            "SubnetIds": subnets,
            "CustomerDnsIps": ["10.0.1.53", "10.0.2.53"],
            "CustomerUserName": "svc-workspaces",
        }
        directory_id = boto3.client("ds", region_name="us-east-1").connect_directory(
            Name="onprem.example.com", Password="Passw0rd!Long", Size="Small", ConnectSettings=settings
        )["DirectoryId"]
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        workspaces.register_workspace_directory(DirectoryId=directory_id)
        backend.settle()
        shown = workspaces.describe_workspace_directories(DirectoryIds=[directory_id])["Directories"][0]
        assert (shown["DirectoryType"], shown["DirectoryName"]) == ("AD_CONNECTOR", "onprem.example.com")
        assert shown["CustomerUserName"] == "svc-workspaces"
        assert shown["SubnetIds"] == subnets


@pytest.mark.workspaces(moto_bridge=False)
def test_the_marker_turns_the_bridge_off(workspaces_backend: WorkspacesBackend) -> None:
    with mock_aws():
        workspaces = boto3.client("workspaces", region_name="us-east-1")
        workspaces.register_workspace_directory(DirectoryId="d-1234567890")
        assert workspaces_backend.directories["d-1234567890"].directory_name == "corp.example.com"
