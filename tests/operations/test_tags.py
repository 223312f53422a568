"""CreateTags, DescribeTags, DeleteTags on the account's WorkSpaces, directories, bundles and images."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

Maker = Callable[[WorkspacesBackend], str]
KINDS: dict[str, Maker] = {
    "workspace": lambda b: b.add_workspace().workspace_id,
    "directory": lambda b: b.add_directory().directory_id,
    "bundle": lambda b: b.add_bundle("mine").bundle_id,
    "image": lambda b: b.add_image("mine").image_id,
}


def _tags(client: Any, resource_id: str) -> list[dict[str, str]]:
    return list(client.describe_tags(ResourceId=resource_id)["TagList"])


@pytest.mark.parametrize("kind", list(KINDS))
def test_tags_round_trip_on_every_resource_kind(
    client: Any, workspaces_backend: WorkspacesBackend, kind: str
) -> None:
    resource_id = KINDS[kind](workspaces_backend)
    assert _tags(client, resource_id) == []
    client.create_tags(ResourceId=resource_id, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])
    client.create_tags(ResourceId=resource_id, Tags=[{"Key": "a", "Value": "3"}, {"Key": "c"}])
    assert _tags(client, resource_id) == [
        {"Key": "a", "Value": "3"},
        {"Key": "b", "Value": "2"},
        {"Key": "c", "Value": ""},
    ]
    client.delete_tags(ResourceId=resource_id, TagKeys=["a", "never-there"])
    assert [t["Key"] for t in _tags(client, resource_id)] == ["b", "c"]


@pytest.mark.parametrize("call", ["create_tags", "describe_tags", "delete_tags"])
@pytest.mark.parametrize(
    "resource_id", ["ws-000000000", "d-0123456789", "wsi-000000000", "wsipg-12345678", "nonsense"]
)
def test_tags_unknown_resource_raises_not_found(client: Any, call: str, resource_id: str) -> None:
    extra: dict[str, Any] = {
        "create_tags": {"Tags": [{"Key": "a", "Value": "b"}]},
        "delete_tags": {"TagKeys": ["a"]},
        "describe_tags": {},
    }[call]
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, call)(ResourceId=resource_id, **extra)
    assert caught.value.response["ResourceId"] == resource_id


def test_tags_public_bundle_cannot_be_tagged(client: Any) -> None:
    bundle_id = public_bundle_id("Standard with Windows 10 (Server 2022 based)")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_tags(ResourceId=bundle_id, Tags=[{"Key": "a", "Value": "b"}])


def test_create_tags_fifty_is_the_limit(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    resource_id = workspaces_backend.add_workspace(tags={f"k{n}": "v" for n in range(49)}).workspace_id
    client.create_tags(ResourceId=resource_id, Tags=[{"Key": "k49", "Value": "v"}])
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.create_tags(
            ResourceId=resource_id, Tags=[{"Key": "k50", "Value": "v"}, {"Key": "k0", "Value": "x"}]
        )
    tags = _tags(client, resource_id)
    assert len(tags) == 50 and tags[0] == {"Key": "k0", "Value": "v"}


@pytest.mark.parametrize(
    "tags",
    [[{"Key": "aws:reserved", "Value": "v"}], [{"Key": "dup", "Value": "1"}, {"Key": "dup", "Value": "2"}]],
    ids=["reserved-prefix", "repeated-key"],
)
def test_create_tags_bad_keys_raise_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, tags: list[dict[str, str]]
) -> None:
    resource_id = workspaces_backend.add_directory().directory_id
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.create_tags(ResourceId=resource_id, Tags=tags)
    assert _tags(client, resource_id) == []


def test_create_tags_too_long_key_raises_validation(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    resource_id = workspaces_backend.add_directory().directory_id
    with pytest.raises(client.exceptions.ValidationException):
        client.create_tags(ResourceId=resource_id, Tags=[{"Key": "k" * 128, "Value": "v"}])
