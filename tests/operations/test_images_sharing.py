"""DeleteWorkspaceImage, UpdateWorkspaceImagePermission, DescribeWorkspaceImagePermissions, and what
DescribeWorkspaceImages shows of shared images and of updates."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces

OTHER = "210987654321"


def _share(client: Any, image_id: str, account: str = OTHER, allow: bool = True) -> None:
    client.update_workspace_image_permission(ImageId=image_id, AllowCopyImage=allow, SharedAccountId=account)


def _ids(response: dict[str, Any]) -> list[str]:
    return [image["ImageId"] for image in response["Images"]]


# ------------------------------------------------------------------------------------------- delete
def test_delete_workspace_image_removes_image_and_tags(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden")
    client.create_tags(ResourceId=image.image_id, Tags=[{"Key": "k", "Value": "v"}])
    client.delete_workspace_image(ImageId=image.image_id)
    assert client.describe_workspace_images(ImageIds=[image.image_id])["Images"] == []
    assert image.image_id not in workspaces_backend.tags
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.delete_workspace_image(ImageId=image.image_id)
    assert caught.value.response["ResourceId"] == image.image_id


def test_delete_workspace_image_error_image_can_be_deleted(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("broken", state="ERROR", failure_codes=["DomainJoined"])
    client.delete_workspace_image(ImageId=image.image_id)
    assert client.describe_workspace_images()["Images"] == []


def test_delete_workspace_image_pending_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    image = workspaces_backend.add_image("pending", state="PENDING")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.delete_workspace_image(ImageId=image.image_id)


def test_delete_workspace_image_used_by_bundle_raises_with_real_text(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("eng")
    with pytest.raises(client.exceptions.ResourceAssociatedException) as caught:
        client.delete_workspace_image(ImageId=bundle.image_id)
    assert caught.value.response["Error"]["Message"] == (
        "One or more bundles are associated with the Image. "
        "Delete bundles associated with Image, and try again."
    )
    client.delete_workspace_bundle(BundleId=bundle.bundle_id)
    client.delete_workspace_image(ImageId=bundle.image_id)


def test_delete_workspace_image_shared_raises_associated_until_unshared(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden", shared_with=OTHER)
    with pytest.raises(client.exceptions.ResourceAssociatedException) as caught:
        client.delete_workspace_image(ImageId=image.image_id)
    assert "shared" in caught.value.response["Error"]["Message"]
    _share(client, image.image_id, allow=False)
    client.delete_workspace_image(ImageId=image.image_id)


def test_delete_workspace_image_shared_with_me_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    theirs = workspaces_backend.in_account(OTHER).add_image(
        "theirs", shared_with=workspaces_backend.account_id
    )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_workspace_image(ImageId=theirs.image_id)


# ------------------------------------------------------------------------------------------ sharing
def test_update_workspace_image_permission_shares_in_the_same_region_only(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden", operating_system_name="WINDOWS_SERVER_2019")
    _share(client, image.image_id)
    with mock_workspaces(account_id=OTHER):
        theirs = boto3.client("workspaces", region_name=workspaces_backend.region_name)
        shared = theirs.describe_workspace_images(ImageType="SHARED")["Images"]
        assert _ids(theirs.describe_workspace_images(ImageIds=[image.image_id])) == [image.image_id]
        assert theirs.describe_workspace_images()["Images"] == []
        elsewhere = boto3.client("workspaces", region_name="eu-west-1")
        assert elsewhere.describe_workspace_images(ImageType="SHARED")["Images"] == []
    own = client.describe_workspace_images()["Images"]
    assert shared == own
    assert shared[0]["OwnerAccountId"] == workspaces_backend.account_id
    assert client.describe_workspace_images(ImageType="SHARED")["Images"] == []


def test_update_workspace_image_permission_unshare_hides_it_at_once(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden")
    _share(client, image.image_id)
    _share(client, image.image_id)  # sharing twice is a no-op
    _share(client, image.image_id, allow=False)
    recipient = workspaces_backend.in_account(OTHER)
    with mock_workspaces(account_id=OTHER):
        theirs = boto3.client("workspaces", region_name=recipient.region_name)
        assert theirs.describe_workspace_images(ImageType="SHARED")["Images"] == []


def test_update_workspace_image_permission_errors_follow_the_spec_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    mine = workspaces_backend.add_image("mine")
    pending = workspaces_backend.add_image("pending", state="PENDING")
    theirs = workspaces_backend.in_account(OTHER).add_image(
        "theirs", shared_with=workspaces_backend.account_id
    )
    byol = workspaces_backend.add_image(
        "byol", operating_system_name="WINDOWS_10", required_tenancy="DEDICATED"
    )
    cases = [
        ("wsi-000000000", True, OTHER, "ResourceNotFoundException"),
        (theirs.image_id, True, "111122223333", "OperationNotSupportedException"),
        (pending.image_id, True, OTHER, "ResourceUnavailableException"),
        (mine.image_id, True, workspaces_backend.account_id, "InvalidParameterValuesException"),
        (mine.image_id, False, OTHER, "InvalidParameterValuesException"),
        (byol.image_id, True, OTHER, "InvalidParameterValuesException"),
    ]
    for image_id, allow, account, code in cases:
        with pytest.raises(client.exceptions.ClientError) as caught:
            _share(client, image_id, account, allow)
        assert caught.value.response["Error"]["Code"] == code, (image_id, allow, account)


def test_update_workspace_image_permission_byol_image_to_byol_account_works(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    byol = workspaces_backend.add_image(
        "byol", operating_system_name="WINDOWS_10", required_tenancy="DEDICATED"
    )
    workspaces_backend.in_account(OTHER).settings.byol_enabled = True
    _share(client, byol.image_id)
    assert byol.shared_with == [OTHER]


def test_describe_workspace_image_permissions_lists_accounts_in_order_and_pages(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("golden")
    assert client.describe_workspace_image_permissions(ImageId=image.image_id)["ImagePermissions"] == []
    accounts = [f"{n:012d}" for n in (3, 1, 2)]
    for account in accounts:
        _share(client, image.image_id, account)
    first = client.describe_workspace_image_permissions(ImageId=image.image_id, MaxResults=2)
    assert first["ImageId"] == image.image_id
    rest = client.describe_workspace_image_permissions(ImageId=image.image_id, NextToken=first["NextToken"])
    found = [p["SharedAccountId"] for p in first["ImagePermissions"] + rest["ImagePermissions"]]
    assert found == accounts and "NextToken" not in rest
    assert not client.can_paginate("describe_workspace_image_permissions")


def test_describe_workspace_image_permissions_unknown_or_shared_with_me_raise_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    theirs = workspaces_backend.in_account(OTHER).add_image(
        "theirs", shared_with=workspaces_backend.account_id
    )
    for image_id in ("wsi-000000000", theirs.image_id):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.describe_workspace_image_permissions(ImageId=image_id)


# ------------------------------------------------------------------------------------------ updates
@pytest.mark.parametrize(
    ("operating_system", "shown"),
    [("WINDOWS_10", True), ("WINDOWS_SERVER_2016", True), ("WINDOWS_SERVER_2019", True),
     ("WINDOWS_SERVER_2022", False), ("UBUNTU_22_04", False)],
)  # fmt: skip
def test_describe_workspace_images_updates_only_for_updatable_os(
    client: Any, workspaces_backend: WorkspacesBackend, operating_system: str, shown: bool
) -> None:
    workspaces_backend.add_image("golden", operating_system_name=operating_system)
    image = client.describe_workspace_images()["Images"][0]
    expected = {
        "UpdateAvailable": False,
        "Description": "This WorkSpace image does not have updates available",
    }
    assert image.get("Updates") == (expected if shown else None)


def test_describe_workspace_images_updates_available_when_arranged(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_image("golden", operating_system_name="WINDOWS_10", updates_available=True)
    assert client.describe_workspace_images()["Images"][0]["Updates"]["UpdateAvailable"] is True


def test_add_image_error_state_shows_error_fields(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.add_image("broken", state="ERROR", failure_codes=["DomainJoined", "FirewallEnabled"])
    image = client.describe_workspace_images()["Images"][0]
    assert (image["State"], image["ErrorCode"]) == ("ERROR", "DomainJoined")
    assert [d["ErrorCode"] for d in image["ErrorDetails"]] == ["DomainJoined", "FirewallEnabled"]
    with pytest.raises(ValueError, match="WorkspaceImageErrorDetailCode"):
        workspaces_backend.add_image("bad", failure_codes=["NoSuchCode"])
