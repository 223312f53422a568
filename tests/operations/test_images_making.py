"""CreateUpdatedWorkspaceImage, CopyWorkspaceImage, ImportWorkspaceImage, ImportCustomWorkspaceImage and
DescribeCustomWorkspaceImageImport."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake.models._arrange import model_enum
from workspaces_fake.models.images.imports import WORKFLOW

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
OTHER = "210987654321"
AMI = "ami-0123456789abcdef0"
CONFIG = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/workspaces-byol"


def _image(client: Any, image_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_workspace_images(ImageIds=[image_id])["Images"][0]
    return found


def _code(caught: Any) -> str:
    return str(caught.value.response["Error"]["Code"])


# ------------------------------------------------------------------------------------------ updated
def test_create_updated_workspace_image_makes_pending_copy_without_updates(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    source = workspaces_backend.add_image("w10", operating_system_name="WINDOWS_10", updates_available=True)
    new_id = client.create_updated_workspace_image(
        Name="w10-updated",
        Description="patched",
        SourceImageId=source.image_id,
        Tags=[{"Key": "k", "Value": "v"}],
    )["ImageId"]
    assert _image(client, new_id)["State"] == "PENDING"
    workspaces_backend.settle()
    image = _image(client, new_id)
    assert (image["State"], image["Updates"]["UpdateAvailable"]) == ("AVAILABLE", False)
    assert _image(client, source.image_id)["Updates"]["UpdateAvailable"] is True
    assert client.describe_tags(ResourceId=new_id)["TagList"] == [{"Key": "k", "Value": "v"}]


def test_create_updated_workspace_image_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    pending = workspaces_backend.add_image("p", operating_system_name="WINDOWS_10", state="PENDING")
    server22 = workspaces_backend.add_image("s22", updates_available=True)
    current = workspaces_backend.add_image("cur", operating_system_name="WINDOWS_SERVER_2019")
    ready = workspaces_backend.add_image("ready", operating_system_name="WINDOWS_10", updates_available=True)
    cases = [
        ("wsi-000000000", "n", "ResourceNotFoundException"),
        (pending.image_id, "n", "InvalidResourceStateException"),
        (server22.image_id, "n", "OperationNotSupportedException"),
        (current.image_id, "n", "OperationNotSupportedException"),
        (ready.image_id, "cur", "ResourceAlreadyExistsException"),
    ]
    for source_id, name, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            client.create_updated_workspace_image(Name=name, Description="d", SourceImageId=source_id)
        assert _code(caught) == code, source_id
    workspaces_backend.settings.image_quota = 4
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.create_updated_workspace_image(Name="n", Description="d", SourceImageId=ready.image_id)


# --------------------------------------------------------------------------------------------- copy
@pytest.mark.workspaces(lifecycle="timed")
def test_copy_workspace_image_appears_in_destination_pending_then_available(
    workspaces_backend: WorkspacesBackend,
) -> None:
    source = workspaces_backend.add_image("golden", operating_system_name="UBUNTU_22_04", description="d")
    there = boto3.client("workspaces", region_name="eu-west-1")
    new_id = there.copy_workspace_image(
        Name="golden-eu", SourceImageId=source.image_id, SourceRegion=workspaces_backend.region_name
    )["ImageId"]
    copied = _image(there, new_id)
    assert (copied["State"], copied["OperatingSystem"]) == ("PENDING", {"Type": "LINUX"})
    assert copied["Created"] >= source.created
    assert "Description" not in copied
    assert _image(there, new_id)["State"] == "PENDING"
    workspaces_backend.clock.advance(minutes=30)
    assert _image(there, new_id)["State"] == "AVAILABLE"
    assert (
        workspaces_backend.in_region("eu-west-1").images[new_id].owner_account_id
        == workspaces_backend.account_id
    )
    assert client_ids(workspaces_backend.region_name) == [source.image_id]


def client_ids(region: str) -> list[str]:
    here = boto3.client("workspaces", region_name=region)
    return [i["ImageId"] for i in here.describe_workspace_images()["Images"]]


def test_copy_workspace_image_shared_image_copy_survives_unsharing(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    owner = workspaces_backend.in_account(OTHER)
    theirs = owner.add_image("theirs", shared_with=workspaces_backend.account_id)
    copy_id = client.copy_workspace_image(
        Name="mine-now", SourceImageId=theirs.image_id, SourceRegion=workspaces_backend.region_name
    )["ImageId"]
    theirs.shared_with.clear()
    assert _image(client, copy_id)["OwnerAccountId"] == workspaces_backend.account_id
    assert [i["ImageId"] for i in client.describe_workspace_images()["Images"]] == [copy_id]


def test_copy_workspace_image_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    region = workspaces_backend.region_name
    mine = workspaces_backend.add_image("mine")
    pending = workspaces_backend.add_image("pending", state="PENDING")
    byol = workspaces_backend.add_image(
        "byol", operating_system_name="WINDOWS_10", required_tenancy="DEDICATED"
    )
    unshared = workspaces_backend.in_account(OTHER).add_image("theirs")
    cases = [
        (mine.image_id, "xx-nowhere-1", "n", "InvalidParameterValuesException"),
        (mine.image_id, "cn-northwest-1", "n", "OperationNotSupportedException"),
        (mine.image_id, "us-gov-west-1", "n", "OperationNotSupportedException"),
        ("wsi-000000000", region, "n", "ResourceNotFoundException"),
        (unshared.image_id, region, "n", "ResourceNotFoundException"),
        (pending.image_id, region, "n", "ResourceUnavailableException"),
        (byol.image_id, region, "n", "OperationNotSupportedException"),
        (mine.image_id, region, "mine", "ResourceAlreadyExistsException"),
    ]
    for image_id, source_region, name, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            client.copy_workspace_image(Name=name, SourceImageId=image_id, SourceRegion=source_region)
        assert _code(caught) == code, (image_id, source_region)
    workspaces_backend.settings.image_quota = 3
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.copy_workspace_image(Name="n", SourceImageId=mine.image_id, SourceRegion=region)


def test_copy_workspace_image_byol_into_byol_region_keeps_tenancy(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    byol = workspaces_backend.add_image(
        "byol", operating_system_name="WINDOWS_10", required_tenancy="DEDICATED"
    )
    copy_id = client.copy_workspace_image(
        Name="byol-2", SourceImageId=byol.image_id, SourceRegion=workspaces_backend.region_name
    )["ImageId"]
    assert _image(client, copy_id)["RequiredTenancy"] == "DEDICATED"


# ------------------------------------------------------------------------------------------- import
def _import(client: Any, name: str = "byol-w10", **extra: Any) -> str:
    request = {
        "Ec2ImageId": AMI,
        "IngestionProcess": "BYOL_REGULAR_WSP",
        "ImageName": name,
        "ImageDescription": "licensed",
        **extra,
    }
    return str(client.import_workspace_image(**request)["ImageId"])


@pytest.mark.workspaces(lifecycle="timed")
def test_import_workspace_image_ingests_for_90_minutes_then_available(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    image_id = _import(client, Applications=["Microsoft_Office_2019"])
    workspaces_backend.clock.advance(minutes=89)
    assert _image(client, image_id)["State"] == "PENDING"
    workspaces_backend.clock.advance(minutes=2)
    image = _image(client, image_id)
    assert (image["State"], image["RequiredTenancy"]) == ("AVAILABLE", "DEDICATED")
    rows = client.describe_image_associations(ImageId=image_id, AssociatedResourceTypes=["APPLICATION"])
    assert len(rows["Associations"]) == 1


def test_import_workspace_image_account_without_byol_ends_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = _image(client, _import(client))
    assert (image["State"], image["ErrorCode"]) == ("ERROR", "WorkspacesBYOLAccountNotFound")
    assert image["ErrorDetails"][0]["ErrorCode"] == "WorkspacesBYOLAccountNotFound"


def test_import_workspace_image_source_findings_end_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    workspaces_backend.add_import_source(AMI, failure_codes=["AntiVirusInstalled"])
    assert _image(client, _import(client))["ErrorDetails"][0]["ErrorCode"] == "AntiVirusInstalled"


def test_import_workspace_image_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_import_source("ami-00000000", exists=False)
    workspaces_backend.add_import_source("ami-11111111", operating_system_name="WINDOWS_11")
    _import(client, "taken")
    office_16 = ["Microsoft_Office_2016"]
    cases = [
        (
            {"Applications": ["Microsoft_Office_2016", "Microsoft_Office_2019"]},
            "InvalidParameterValuesException",
        ),
        ({"IngestionProcess": "BYOL_REGULAR_BYOP"}, "InvalidParameterValuesException"),
        (
            {"IngestionProcess": "BYOL_GRAPHICS_G4DN", "Applications": office_16},
            "InvalidParameterValuesException",
        ),
        (
            {
                "IngestionProcess": "BYOL_GRAPHICS_G4DN_WSP",
                "Ec2ImageId": "ami-11111111",
                "Applications": office_16,
            },
            "InvalidParameterValuesException",
        ),
        ({"Ec2ImageId": "ami-00000000"}, "ResourceNotFoundException"),
        ({"ImageName": "taken"}, "ResourceAlreadyExistsException"),
    ]
    for extra, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            _import(client, **{"ImageName": "new", **extra})
        assert _code(caught) == code, extra
    workspaces_backend.settings.graphics_byol_allowed = False
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        _import(client, "gpu", IngestionProcess="BYOL_GRAPHICSPRO")
    workspaces_backend.settings.image_quota = 1
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        _import(client, "one-too-many")


def test_import_workspace_image_g4dn_image_needs_g4dn_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    image_id = _import(client, IngestionProcess="BYOL_GRAPHICS_G4DN")
    request = {
        "BundleName": "b",
        "BundleDescription": "d",
        "ImageId": image_id,
        "UserStorage": {"Capacity": "100"},
    }
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.create_workspace_bundle(ComputeType={"Name": "STANDARD"}, **request)
    client.create_workspace_bundle(ComputeType={"Name": "GRAPHICS_G4DN"}, **request)


# ------------------------------------------------------------------------------------ custom import
def _import_custom(client: Any, name: str = "custom", **extra: Any) -> dict[str, Any]:
    request = {
        "ImageName": name,
        "ImageDescription": "from Image Builder",
        "ComputeType": "BASE",
        "Protocol": "DCV",
        "ImageSource": {"Ec2ImageId": AMI},
        "InfrastructureConfigurationArn": CONFIG,
        "Platform": "WINDOWS",
        "OsVersion": "Windows_11",
        **extra,
    }
    response: dict[str, Any] = client.import_custom_workspace_image(**request)
    return response


def test_describe_custom_workspace_image_import_workflow_is_the_model_order() -> None:
    assert [*WORKFLOW, "ERROR"] == model_enum("CustomWorkspaceImageImportState")


@pytest.mark.workspaces(lifecycle="timed")
def test_import_custom_workspace_image_walks_the_workflow_with_progress(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    answer = _import_custom(client, Tags=[{"Key": "k", "Value": "v"}])
    image_id = answer["ImageId"]
    assert answer["State"] == "PENDING"
    seen = []
    for step in range(13):
        record = client.describe_custom_workspace_image_import(ImageId=image_id)
        seen.append((record["State"], record["ProgressPercentage"]))
        assert _image(client, image_id)["State"] == ("AVAILABLE" if step == 12 else "PENDING")
        workspaces_backend.clock.advance(minutes=10)
    assert [state for state, _ in seen] == list(WORKFLOW)
    assert [progress for _, progress in seen] == sorted(progress for _, progress in seen)
    assert (seen[0][1], seen[-1][1]) == (0, 100)
    assert record["ImageSource"] == {"Ec2ImageId": AMI}
    assert record["InfrastructureConfigurationArn"] == CONFIG
    assert record["ImageBuilderInstanceId"].startswith("i-") and len(record["ImageBuilderInstanceId"]) == 19
    assert record["LastUpdatedTime"] == record["Created"] + timedelta(minutes=120)
    assert record["StateMessage"] and "ErrorDetails" not in record
    assert _image(client, image_id)["RequiredTenancy"] == "DEDICATED"


def test_import_custom_workspace_image_without_byol_ends_in_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image_id = _import_custom(client)["ImageId"]
    record = client.describe_custom_workspace_image_import(ImageId=image_id)
    assert record["State"] == "ERROR"
    assert record["ErrorDetails"][0]["ErrorCode"] == "WorkspacesBYOLAccountNotFound"
    assert _image(client, image_id)["State"] == "ERROR"


def test_import_custom_workspace_image_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_import_source(CONFIG.replace("workspaces-byol", "gone"), exists=False)
    _import_custom(client, "taken")
    cases = [
        ({"Protocol": "PCOIP"}, "InvalidParameterValuesException"),
        ({"Protocol": "BYOP"}, "InvalidParameterValuesException"),
        (
            {"InfrastructureConfigurationArn": CONFIG.replace("workspaces-byol", "gone")},
            "ResourceNotFoundException",
        ),
        ({"ImageName": "taken"}, "ResourceAlreadyExistsException"),
    ]
    for extra, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            _import_custom(client, **{"ImageName": "new", **extra})
        assert _code(caught) == code, extra


def test_describe_custom_workspace_image_import_other_images_raise_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("captured")
    for image_id in ("wsi-000000000", image.image_id):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.describe_custom_workspace_image_import(ImageId=image_id)


def test_import_custom_workspace_image_shared_with_other_account_not_readable_there(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image_id = _import_custom(client)["ImageId"]
    with mock_workspaces(account_id=OTHER):
        theirs = boto3.client("workspaces", region_name=workspaces_backend.region_name)
        with pytest.raises(theirs.exceptions.ResourceNotFoundException):
            theirs.describe_custom_workspace_image_import(ImageId=image_id)


# ---------------------------------------------------------------------------------- arranged failures
@pytest.mark.workspaces(lifecycle="manual")
def test_fail_image_pending_capture_ends_in_error_at_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    image_id = client.create_workspace_image(Name="g", Description="d", WorkspaceId=ws.workspace_id)[
        "ImageId"
    ]
    workspaces_backend.fail_image(image_id, ["PendingReboot"])
    assert _image(client, image_id)["State"] == "PENDING"
    workspaces_backend.settle()
    image = _image(client, image_id)
    assert (image["State"], image["ErrorCode"]) == ("ERROR", "PendingReboot")


@pytest.mark.workspaces(lifecycle="timed")
def test_fail_image_custom_import_stops_at_its_current_step(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_enabled = True
    image_id = _import_custom(client)["ImageId"]
    workspaces_backend.clock.advance(minutes=25)  # PROCESSING_SOURCE_IMAGE
    workspaces_backend.fail_image(image_id, ["OSNotSupported"])
    workspaces_backend.clock.advance(minutes=10)
    record = client.describe_custom_workspace_image_import(ImageId=image_id)
    assert (record["State"], record["ErrorDetails"][0]["ErrorCode"]) == ("ERROR", "OSNotSupported")
    assert "ImageBuilderInstanceId" not in record
    assert _image(client, image_id)["State"] == "ERROR"
    with pytest.raises(ValueError, match="no PENDING image"):
        workspaces_backend.fail_image(image_id)
