"""Who may see and use an image, the account's BYOL switch, and the per-Region image rules.

Reads only: the operations decide which error a failed rule answers with, in the spec's check order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Optional

from ...errors import ResourceAlreadyExistsException
from .. import account as _account
from ..quotas import IMAGES
from .model import Image

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

NAME_TAKEN = (
    "A WorkSpace image with the same name exists in the destination Region. Provide a unique destination "
    "image name, and try again."
)


def byol_ready(backend: WorkspacesBackend) -> bool:
    """Whether the account is enabled for BYOL in this Region (DescribeAccount DedicatedTenancySupport).

    The one place the images family asks; the account family answers (its own enablement COMPLETED, or
    a LINKED account link whose source's has). Tests enable it with ``backend.enable_byol()``.
    """
    return _account.byol_ready(backend)


def own_images(backend: WorkspacesBackend) -> list[Image]:
    """The account's images in this Region, oldest first (Amazon's and shared ones excluded)."""
    return [i for i in backend.images.values_unobserved() if i.owner_account_id == backend.account_id]


def own_image(backend: WorkspacesBackend, image_id: str) -> Optional[Image]:
    """The image if this account owns it in this Region."""
    image = backend.images.peek(image_id)
    return image if image is not None and image.owner_account_id == backend.account_id else None


def shared_with_me(backend: WorkspacesBackend) -> Iterator[Image]:
    """Images other accounts of the world shared with this account, in this Region only."""
    for other in backend.world.backends():
        if other.region_name != backend.region_name or other.account_id == backend.account_id:
            continue
        other.observe()  # its images move with the shared clock too
        for image in other.images.values_unobserved():
            if backend.account_id in image.shared_with:
                yield image


def visible_image(backend: WorkspacesBackend, image_id: str) -> Optional[Image]:
    """The image if the caller owns it or it was shared with the caller (what Copy may read)."""
    return own_image(backend, image_id) or next(
        (image for image in shared_with_me(backend) if image.image_id == image_id), None
    )


def check_name_and_quota(backend: WorkspacesBackend, name: str, taken: str = NAME_TAKEN) -> None:
    """A new image's name must be unused in the Region (else ``taken``), and the Region's image quota not
    reached: every operation that makes an image asks here."""
    mine = own_images(backend)
    if any(image.name == name for image in mine):
        raise ResourceAlreadyExistsException(taken)
    backend.settings.quotas.check(IMAGES, len(mine), what="images")
