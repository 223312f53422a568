"""Deleting an image and sharing it with other accounts of the world (same Region only).

A shared image stays in its owner's backend; the recipient sees it through :func:`.rules.shared_with_me`,
with the owner's OwnerAccountId and Created [M], may copy it, and nothing else [D] (AG-SHARE).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationNotSupportedException,
    ResourceAssociatedException,
    ResourceNotFoundException,
    ResourceUnavailableException,
)
from ..applications.association import IMAGE as IMAGE_ROWS
from .model import Image
from .rules import byol_ready, own_image, visible_image

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

USED_BY_BUNDLES = (
    "One or more bundles are associated with the Image. Delete bundles associated with Image, and try again."
)
"""The real text [O] (cloud-custodian's recorded DeleteWorkspaceImage)."""

SHARED = "The image is shared with one or more accounts. Unshare the image, and try again."
"""[A]: the rule is documented, the wording is not."""


@dataclass(frozen=True)
class ImagePermission:
    """API shape ``ImagePermission``."""

    shared_account_id: str


def not_found(image_id: str) -> ResourceNotFoundException:
    """The error for an image the caller cannot see (or may not act on as owner)."""
    return ResourceNotFoundException(f"The image {image_id} could not be found.", resource_id=image_id)


def require_own(backend: WorkspacesBackend, image_id: str) -> Image:
    """The caller's own image in this Region, or ResourceNotFoundException."""
    image = own_image(backend, image_id)
    if image is None:
        raise not_found(image_id)
    return image


def delete_image(backend: WorkspacesBackend, image_id: str) -> None:
    """DeleteWorkspaceImage (spec 3.8): refused while PENDING, used by a bundle, or shared."""
    image = require_own(backend, image_id)
    if image.state == "PENDING":
        raise InvalidResourceStateException(f"The image {image_id} is PENDING and cannot be deleted yet.")
    if any(b.image_id == image_id and not b.is_public for b in backend.bundles.values_unobserved()):
        raise ResourceAssociatedException(USED_BY_BUNDLES)
    if image.shared_with:
        raise ResourceAssociatedException(SHARED)
    backend.images.remove(image_id)
    backend.lifecycle.forget(image)
    backend.tags.pop(image_id, None)
    backend.associations.drop_resource(IMAGE_ROWS, image_id)


def set_permission(backend: WorkspacesBackend, image_id: str, allow: bool, account_id: str) -> None:
    """UpdateWorkspaceImagePermission (spec 3.9): share with, or unshare from, one account."""
    image = visible_image(backend, image_id)
    if image is None:
        raise not_found(image_id)
    if image.owner_account_id != backend.account_id:
        raise OperationNotSupportedException(f"The image {image_id} was shared with you; it can't be shared.")
    if image.state != "AVAILABLE":
        raise ResourceUnavailableException(f"The image {image_id} is {image.state}, not AVAILABLE.")
    if account_id == backend.account_id:
        raise InvalidParameterValuesException("An image cannot be shared with the account that owns it.")
    if not allow:
        if account_id not in image.shared_with:
            raise InvalidParameterValuesException(
                f"The image {image_id} is not shared with {account_id}; only a shared image can be unshared."
            )
        image.shared_with.remove(account_id)
        return
    if image.required_tenancy == "DEDICATED" and not byol_ready(backend.in_account(account_id)):
        raise InvalidParameterValuesException(
            f"The BYOL image {image_id} can be shared only with accounts enabled for BYOL."
        )
    if account_id not in image.shared_with:
        image.shared_with.append(account_id)


def permissions(backend: WorkspacesBackend, image_id: str) -> list[ImagePermission]:
    """The accounts the owner shared the image with, in the order they were added [A]."""
    return [ImagePermission(account) for account in require_own(backend, image_id).shared_with]
