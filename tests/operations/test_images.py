"""CreateWorkspaceImage and DescribeWorkspaceImages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
UBUNTU = public_bundle_id("Standard with Ubuntu 22.04")
PLUS = public_bundle_id("Standard with Windows 10 and Office 2019 Pro Plus (Server 2019 based)")


def _capture(client: Any, workspace_id: str, name: str = "golden-2024", **extra: Any) -> dict[str, Any]:
    response: dict[str, Any] = client.create_workspace_image(
        Name=name, Description="Golden image", WorkspaceId=workspace_id, **extra
    )
    return response


def _ws_state(client: Any, workspace_id: str) -> str:
    return str(client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"][0]["State"])


def _image_state(client: Any, image_id: str) -> str:
    return str(client.describe_workspace_images(ImageIds=[image_id])["Images"][0]["State"])


def test_create_workspace_image_answers_pending_image_at_frozen_time(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    with freezegun.freeze_time(MOMENT):
        image = _capture(client, ws.workspace_id)
    image.pop("ResponseMetadata")
    assert image.pop("ImageId").startswith("wsi-")
    assert image == {
        "Name": "golden-2024",
        "Description": "Golden image",
        "OperatingSystem": {"Type": "WINDOWS"},
        "State": "PENDING",
        "RequiredTenancy": "DEFAULT",
        "Created": MOMENT,
        "OwnerAccountId": workspaces_backend.account_id,
    }


@pytest.mark.workspaces(lifecycle="timed")
def test_create_workspace_image_suspends_workspace_while_image_is_pending(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    image_id = _capture(client, ws.workspace_id)["ImageId"]
    assert (_ws_state(client, ws.workspace_id), _image_state(client, image_id)) == ("SUSPENDED", "PENDING")
    workspaces_backend.clock.advance(minutes=20)
    assert (_ws_state(client, ws.workspace_id), _image_state(client, image_id)) == ("AVAILABLE", "PENDING")
    workspaces_backend.clock.advance(minutes=5)
    assert _image_state(client, image_id) == "AVAILABLE"


@pytest.mark.workspaces(lifecycle="timed")
def test_create_workspace_image_moved_by_freezegun_tick(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    with freezegun.freeze_time(MOMENT) as frozen:
        ws = workspaces_backend.add_workspace()
        image_id = _capture(client, ws.workspace_id)["ImageId"]
        frozen.tick(timedelta(minutes=24, seconds=59))
        assert _image_state(client, image_id) == "PENDING"
        frozen.tick(timedelta(seconds=1))
        assert _image_state(client, image_id) == "AVAILABLE"


@pytest.mark.workspaces(lifecycle="manual")
def test_create_workspace_image_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    image_id = _capture(client, ws.workspace_id)["ImageId"]
    workspaces_backend.clock.advance(hours=3)
    assert (_ws_state(client, ws.workspace_id), _image_state(client, image_id)) == ("SUSPENDED", "PENDING")
    workspaces_backend.settle()
    assert (_ws_state(client, ws.workspace_id), _image_state(client, image_id)) == ("AVAILABLE", "AVAILABLE")


def test_create_workspace_image_instant_settles_by_next_call(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    image_id = _capture(client, ws.workspace_id)["ImageId"]
    assert (_ws_state(client, ws.workspace_id), _image_state(client, image_id)) == ("AVAILABLE", "AVAILABLE")


@pytest.mark.parametrize("state", ["STOPPED", "PENDING", "REBOOTING"])
def test_create_workspace_image_from_unavailable_workspace_raises(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state, running_mode="AUTO_STOP")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        _capture(client, ws.workspace_id)
    assert client.describe_workspace_images()["Images"] == []


def test_create_workspace_image_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _capture(client, "ws-000000000")


def test_create_workspace_image_duplicate_name_raises_already_exists(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    _capture(client, ws.workspace_id)
    other = workspaces_backend.add_workspace()
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        _capture(client, other.workspace_id)


def test_create_workspace_image_linux_workspace_gives_linux_image_with_tags(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=UBUNTU)
    image = _capture(client, ws.workspace_id, Tags=[{"Key": "os", "Value": "ubuntu"}])
    assert image["OperatingSystem"] == {"Type": "LINUX"}
    assert client.describe_tags(ResourceId=image["ImageId"])["TagList"] == [{"Key": "os", "Value": "ubuntu"}]


def test_create_workspace_image_carries_the_workspace_applications(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS)
    image_id = _capture(client, ws.workspace_id)["ImageId"]
    rows = client.describe_image_associations(ImageId=image_id, AssociatedResourceTypes=["APPLICATION"])
    assert [r["State"] for r in rows["Associations"]] == ["COMPLETED"]


def test_describe_workspace_images_lists_own_images_only(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    mine = workspaces_backend.add_image("mine")
    workspaces_backend.in_account("210987654321").add_image("theirs")
    public_image = client.describe_workspace_bundles(BundleIds=[UBUNTU])["Bundles"][0]["ImageId"]
    assert [i["ImageId"] for i in client.describe_workspace_images()["Images"]] == [mine.image_id]
    assert client.describe_workspace_images(ImageIds=[public_image])["Images"] == []
    assert [i["ImageId"] for i in client.describe_workspace_images(ImageType="OWNED")["Images"]] == [
        mine.image_id
    ]
    assert client.describe_workspace_images(ImageType="SHARED")["Images"] == []


def test_describe_workspace_images_pages_with_max_results_and_paginator(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_image(f"image-{n}").image_id for n in range(7)]
    first = client.describe_workspace_images(MaxResults=3)
    assert [i["ImageId"] for i in first["Images"]] == made[:3]
    pages = list(client.get_paginator("describe_workspace_images").paginate(PaginationConfig={"PageSize": 3}))
    assert [len(p["Images"]) for p in pages] == [3, 3, 1]
    assert [i["ImageId"] for p in pages for i in p["Images"]] == made


def test_describe_workspace_images_forged_token_raises_validation(client: Any) -> None:
    # DescribeWorkspaceImages does not model InvalidParameterValuesException
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspace_images(NextToken="forged")


@pytest.mark.workspaces(lifecycle="manual")
def test_add_image_pending_state_follows_lifecycle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("slow", state="PENDING", description="made in a test")
    assert _image_state(client, image.image_id) == "PENDING"
    workspaces_backend.settle()
    assert _image_state(client, image.image_id) == "AVAILABLE"


def test_add_image_rejects_names_the_api_would_not_accept(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match=r"add_image\(name=.*WorkspaceImageName"):
        workspaces_backend.add_image("has spaces")
