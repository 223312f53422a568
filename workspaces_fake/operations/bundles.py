"""Handlers for bundles: Amazon's public catalog and the account's own bundles (create, update, delete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import InvalidParameterValuesException
from ..models.bundles import custom
from ..models.bundles.model import Bundle
from ..models.tags import add_tags, tags_from_request

PAGE_SIZE = 25
"""The API has no page-size member; the fake answers 25 bundles per page (so Amazon's catalog pages)."""


@operation("DescribeWorkspaceBundles")
def describe_workspace_bundles(
    backend: WorkspacesBackend,
    *,
    bundle_ids: Optional[list[str]] = None,
    owner: Optional[str] = None,
    next_token: Optional[str] = None,
) -> Result:
    """By ids (public or own), or by owner: ``AMAZON`` for the public catalog, none for the account's own."""
    if bundle_ids is not None and owner is not None:
        raise InvalidParameterValuesException(
            "BundleIds and Owner cannot be combined; specify one of them, or neither."
        )
    items = [b for b in backend.bundles.values_unobserved() if _selected(backend, b, bundle_ids, owner)]
    page, token = backend.paginator.page(
        items,
        operation="DescribeWorkspaceBundles",
        filters={"BundleIds": bundle_ids, "Owner": owner},
        limit=PAGE_SIZE,
        token=next_token,
    )
    return {"Bundles": page, "NextToken": token}


def _selected(
    backend: WorkspacesBackend, bundle: Bundle, bundle_ids: Optional[list[str]], owner: Optional[str]
) -> bool:
    own = bundle.owner == backend.account_id
    if bundle_ids is not None:
        return bundle.bundle_id in bundle_ids and (own or bundle.is_public)
    if owner is None:
        return own
    if owner.upper() == "AMAZON":
        return bundle.is_public
    return own and owner == backend.account_id


@operation("CreateWorkspaceBundle")
def create_workspace_bundle(
    backend: WorkspacesBackend,
    *,
    bundle_name: str,
    bundle_description: str,
    image_id: str,
    compute_type: Mapping[str, Any],
    user_storage: Mapping[str, Any],
    root_storage: Optional[Mapping[str, Any]] = None,
    tags: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """A custom bundle over one of the account's AVAILABLE images, AVAILABLE at once [A]."""
    tag_values = tags_from_request(tags or [])
    bundle = custom.create_bundle(
        backend, bundle_name, bundle_description, image_id, compute_type, user_storage, root_storage
    )
    add_tags(backend, bundle.bundle_id, tag_values)
    return {"WorkspaceBundle": bundle}


@operation("UpdateWorkspaceBundle")
def update_workspace_bundle(
    backend: WorkspacesBackend, *, bundle_id: Optional[str] = None, image_id: Optional[str] = None
) -> Result:
    """Swap the bundle's image; existing WorkSpaces keep theirs until rebuilt [M]."""
    custom.swap_image(backend, bundle_id, image_id)
    return {}


@operation("DeleteWorkspaceBundle")
def delete_workspace_bundle(backend: WorkspacesBackend, *, bundle_id: Optional[str] = None) -> Result:
    """Delete a custom bundle at once (no DELETING state), refused while WorkSpaces use it."""
    custom.delete_bundle(backend, bundle_id)
    return {}
