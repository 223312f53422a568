"""Handlers for bundles: DescribeWorkspaceBundles over Amazon's public catalog and the account's own."""

from __future__ import annotations

from typing import Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import InvalidParameterValuesException
from ..models.bundles.model import Bundle

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
