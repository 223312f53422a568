"""Handlers for tags on every taggable resource of the account (WorkSpaces, directories, own bundles and
images, IP groups, connection aliases, pools)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import ResourceNotFoundException
from ..models.tags import add_tags, remove_tags, tag_list, tags_from_request


def _require_taggable(backend: WorkspacesBackend, resource_id: str) -> None:
    """The id must name one of the account's resources (Amazon's public bundles cannot be tagged)."""
    if resource_id in backend.workspaces or resource_id in backend.directories:
        return
    if resource_id in backend.ip_groups or resource_id in backend.connection_aliases:
        return
    if resource_id in backend.pools:  # pools are taggable although the CreateTags doc omits them
        return
    bundle = backend.bundles.peek(resource_id)
    if bundle is not None and bundle.owner == backend.account_id:
        return
    image = backend.images.peek(resource_id)
    if image is not None and image.owner_account_id == backend.account_id:
        return
    raise ResourceNotFoundException(
        f"The resource {resource_id} could not be found.", resource_id=resource_id
    )


@operation("CreateTags")
def create_tags(backend: WorkspacesBackend, *, resource_id: str, tags: list[Mapping[str, Any]]) -> Result:
    """Add or overwrite tags; a resource holds at most 50."""
    _require_taggable(backend, resource_id)
    add_tags(backend, resource_id, tags_from_request(tags))
    return {}


@operation("DescribeTags")
def describe_tags(backend: WorkspacesBackend, *, resource_id: str) -> Result:
    """The resource's tags, in the order they were first added."""
    _require_taggable(backend, resource_id)
    return {"TagList": tag_list(backend, resource_id)}


@operation("DeleteTags")
def delete_tags(backend: WorkspacesBackend, *, resource_id: str, tag_keys: list[str]) -> Result:
    """Remove tags by key; keys the resource does not carry are ignored."""
    _require_taggable(backend, resource_id)
    remove_tags(backend, resource_id, tag_keys)
    return {}
