"""CreateWorkspaceBundle, UpdateWorkspaceBundle and DeleteWorkspaceBundle: the account's own bundles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")


def _create(client: Any, image_id: str, name: str = "engineering", **extra: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "BundleName": name,
        "BundleDescription": "Engineering desktops",
        "ImageId": image_id,
        "ComputeType": {"Name": "PERFORMANCE"},
        "UserStorage": {"Capacity": "100"},
        **extra,
    }
    bundle: dict[str, Any] = client.create_workspace_bundle(**request)["WorkspaceBundle"]
    return bundle


def test_create_workspace_bundle_answers_available_regular_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden")
    with freezegun.freeze_time(MOMENT):
        bundle = _create(client, image.image_id, RootStorage={"Capacity": "80"})
    assert bundle.pop("BundleId").startswith("wsb-")
    assert bundle == {
        "Name": "engineering",
        "Owner": workspaces_backend.account_id,
        "Description": "Engineering desktops",
        "ImageId": image.image_id,
        "RootStorage": {"Capacity": "80"},
        "UserStorage": {"Capacity": "100"},
        "ComputeType": {"Name": "PERFORMANCE"},
        "LastUpdatedTime": MOMENT,
        "CreationTime": MOMENT,
        "State": "AVAILABLE",
        "BundleType": "REGULAR",
    }
    assert client.describe_workspace_bundles()["Bundles"] == [{"BundleId": bundle_id(client), **bundle}]


def bundle_id(client: Any) -> str:
    return str(client.describe_workspace_bundles()["Bundles"][0]["BundleId"])


@pytest.mark.parametrize(
    ("compute", "root"), [("STANDARD", "80"), ("POWER", "175"), ("GRAPHICS_G4DN", "100")]
)
def test_create_workspace_bundle_root_left_out_gets_the_compute_default(
    client: Any, workspaces_backend: WorkspacesBackend, compute: str, root: str
) -> None:
    image = workspaces_backend.add_image("golden")
    user = "100" if compute != "STANDARD" else "50"
    bundle = _create(client, image.image_id, ComputeType={"Name": compute}, UserStorage={"Capacity": user})
    assert bundle["RootStorage"] == {"Capacity": root}


def test_create_workspace_bundle_tags_are_stored(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    image = workspaces_backend.add_image("golden")
    bundle = _create(client, image.image_id, Tags=[{"Key": "team", "Value": "eng"}])
    assert client.describe_tags(ResourceId=bundle["BundleId"])["TagList"] == [{"Key": "team", "Value": "eng"}]


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ({"ComputeType": {}}, "ComputeType.Name"),
        ({"UserStorage": {"Capacity": "abc"}}, "positive"),
        ({"UserStorage": {"Capacity": "20"}}, "must be 80 with 10, 50 or 100"),
        ({"RootStorage": {"Capacity": "175"}, "UserStorage": {"Capacity": "50"}}, "175 to 2000"),
        ({"RootStorage": {"Capacity": "2001"}}, "at most 2000"),
        ({"ComputeType": {"Name": "GRAPHICSPRO_G4DN"}, "RootStorage": {"Capacity": "80"}}, "(100+|100+)"),
    ],
)
def test_create_workspace_bundle_bad_compute_or_sizes_raise_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, extra: dict[str, Any], fragment: str
) -> None:
    image = workspaces_backend.add_image("golden")
    with pytest.raises(client.exceptions.InvalidParameterValuesException) as caught:
        _create(client, image.image_id, **extra)
    assert fragment in caught.value.response["Error"]["Message"]


def test_create_workspace_bundle_linux_image_on_windows_only_gpu_raises(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("ubuntu", operating_system_name="UBUNTU_22_04")
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        _create(client, image.image_id, ComputeType={"Name": "GRAPHICSPRO"}, RootStorage={"Capacity": "100"})


def test_create_workspace_bundle_unknown_public_or_others_image_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    public_image = workspaces_backend.bundles[STANDARD].image_id
    theirs = workspaces_backend.in_account("210987654321").add_image("theirs")
    workspaces_backend.in_account("210987654321").share_image(theirs.image_id, workspaces_backend.account_id)
    for image_id in ("wsi-000000000", public_image, theirs.image_id):
        with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
            _create(client, image_id)
        assert caught.value.response["ResourceId"] == image_id


@pytest.mark.parametrize("state", ["PENDING", "ERROR"])
def test_create_workspace_bundle_image_not_available_raises_unavailable(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    image = workspaces_backend.add_image("golden", state=state)
    with pytest.raises(client.exceptions.ResourceUnavailableException):
        _create(client, image.image_id)


def test_create_workspace_bundle_name_taken_raises_already_exists(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden")
    _create(client, image.image_id)
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        _create(client, image.image_id)


def test_create_workspace_bundle_quota_reached_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.bundle_quota = 2
    image = workspaces_backend.add_image("golden")
    _create(client, image.image_id, "one")
    _create(client, image.image_id, "two")
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        _create(client, image.image_id, "three")


# ------------------------------------------------------------------------------------------- update
def test_update_workspace_bundle_swaps_image_for_new_workspaces_only(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        bundle = workspaces_backend.add_bundle("eng", operating_system_name="WINDOWS_SERVER_2019")
        ws = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id)
    newer = workspaces_backend.add_image("newer", operating_system_name="WINDOWS_SERVER_2022")
    later = MOMENT + timedelta(days=3)
    with freezegun.freeze_time(later):
        assert (
            client.update_workspace_bundle(BundleId=bundle.bundle_id, ImageId=newer.image_id)[
                "ResponseMetadata"
            ]["HTTPStatusCode"]
            == 200
        )
    found = client.describe_workspace_bundles(BundleIds=[bundle.bundle_id])["Bundles"][0]
    assert (found["ImageId"], found["CreationTime"], found["LastUpdatedTime"]) == (
        newer.image_id,
        MOMENT,
        later,
    )
    old = client.describe_workspaces(WorkspaceIds=[ws.workspace_id])["Workspaces"][0]
    assert old["WorkspaceProperties"]["OperatingSystemName"] == "WINDOWS_SERVER_2019"
    fresh = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id)
    assert fresh.workspace_properties.operating_system_name == "WINDOWS_SERVER_2022"


def test_update_workspace_bundle_same_image_changes_nothing(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT):
        bundle = workspaces_backend.add_bundle("eng")
    client.update_workspace_bundle(BundleId=bundle.bundle_id, ImageId=bundle.image_id)
    assert client.describe_workspace_bundles()["Bundles"][0]["LastUpdatedTime"] == MOMENT


@pytest.mark.parametrize("members", [{}, {"BundleId": "wsb-000000000"}, {"ImageId": "wsi-000000000"}])
def test_update_workspace_bundle_member_missing_raises_invalid_parameter_values(
    client: Any, members: dict[str, str]
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.update_workspace_bundle(**members)


def test_update_workspace_bundle_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    bundle = workspaces_backend.add_bundle("eng")
    standby = workspaces_backend.add_bundle("standby", bundle_type="STANDBY")
    pending = workspaces_backend.add_image("pending", state="PENDING")
    linux = workspaces_backend.add_image("linux", operating_system_name="UBUNTU_22_04")
    cases = [
        ("wsb-000000000", bundle.image_id, "ResourceNotFoundException"),
        (STANDARD, bundle.image_id, "OperationNotSupportedException"),
        (standby.bundle_id, bundle.image_id, "OperationNotSupportedException"),
        (bundle.bundle_id, "wsi-000000000", "ResourceNotFoundException"),
        (bundle.bundle_id, pending.image_id, "ResourceUnavailableException"),
        (bundle.bundle_id, linux.image_id, "InvalidParameterValuesException"),
    ]
    for bundle_id_, image_id, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            client.update_workspace_bundle(BundleId=bundle_id_, ImageId=image_id)
        assert caught.value.response["Error"]["Code"] == code, (bundle_id_, image_id)


def test_update_workspace_bundle_dedicated_image_on_default_bundle_raises(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("eng", operating_system_name="WINDOWS_10")
    byol = workspaces_backend.add_image(
        "byol", operating_system_name="WINDOWS_10", required_tenancy="DEDICATED"
    )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.update_workspace_bundle(BundleId=bundle.bundle_id, ImageId=byol.image_id)


# ------------------------------------------------------------------------------------------- delete
def test_delete_workspace_bundle_removes_bundle_and_tags(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("eng")
    client.create_tags(ResourceId=bundle.bundle_id, Tags=[{"Key": "k", "Value": ""}])
    client.delete_workspace_bundle(BundleId=bundle.bundle_id)
    assert client.describe_workspace_bundles()["Bundles"] == []
    assert bundle.bundle_id not in workspaces_backend.tags
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_workspace_bundle(BundleId=bundle.bundle_id)
    image = workspaces_backend.images[bundle.image_id]
    _create(client, image.image_id, "eng")  # the name is free again


def test_delete_workspace_bundle_in_use_raises_associated_until_workspace_terminated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("eng")
    ws = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id)
    with pytest.raises(client.exceptions.ResourceAssociatedException) as caught:
        client.delete_workspace_bundle(BundleId=bundle.bundle_id)
    assert "associated with one or more WorkSpaces" in caught.value.response["Error"]["Message"]
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": ws.workspace_id}])
    workspaces_backend.settle()
    client.delete_workspace_bundle(BundleId=bundle.bundle_id)
    assert client.describe_workspace_bundles()["Bundles"] == []


def test_delete_workspace_bundle_used_by_pool_raises_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("eng", used_by_pool=True)
    with pytest.raises(client.exceptions.ResourceAssociatedException):
        client.delete_workspace_bundle(BundleId=bundle.bundle_id)


def test_delete_workspace_bundle_missing_public_or_others_raise(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    theirs = workspaces_backend.in_account("210987654321").add_bundle("theirs")
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.delete_workspace_bundle()
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.delete_workspace_bundle(BundleId=STANDARD)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_workspace_bundle(BundleId=theirs.bundle_id)


# ------------------------------------------------------------------------------------------ arrange
def test_add_bundle_chosen_id_and_amazon_owner_make_a_public_bundle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_bundle(
        "Value with Windows 10 (English)", bundle_id="wsb-zzzz0000a", owner="AMAZON"
    )
    found = client.describe_workspace_bundles(BundleIds=["wsb-zzzz0000a"])["Bundles"][0]
    assert found["Owner"] == "Amazon"
    assert client.describe_workspace_bundles()["Bundles"] == []
    assert client.describe_workspace_images()["Images"] == []
    ws = workspaces_backend.add_workspace(bundle_id="wsb-zzzz0000a")
    assert ws.bundle_id == "wsb-zzzz0000a"


def test_add_bundle_state_and_type_are_shown(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.add_bundle("mirror", state="PENDING", bundle_type="STANDBY")
    found = client.describe_workspace_bundles()["Bundles"][0]
    assert (found["State"], found["BundleType"]) == ("PENDING", "STANDBY")
    with pytest.raises(ValueError, match="must"):
        workspaces_backend.add_bundle("bad", state="DELETING")
