"""The account's own bundles: create, swap the image, delete, with the spec's checks in its order.

A custom bundle is metadata over one of the account's AVAILABLE images, so it is AVAILABLE at once [A]
(CreationTime equals LastUpdatedTime in every recorded bundle). Updating it swaps the image for new
WorkSpaces only; existing WorkSpaces keep theirs until rebuilt [M].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional

from ...errors import (
    InvalidParameterValuesException,
    OperationNotSupportedException,
    ResourceAlreadyExistsException,
    ResourceAssociatedException,
    ResourceLimitExceededException,
    ResourceNotFoundException,
    ResourceUnavailableException,
)
from ..applications import model as _apps
from ..applications.association import BUNDLE
from ..images.model import Image
from ..images.rules import own_image
from .arrange import put_bundle
from .model import Bundle
from .rules import capacity, check_volumes, default_root, fits, swap_problem

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

IN_USE = (
    "The bundle is associated with one or more WorkSpaces. Delete the WorkSpaces associated with the bundle, "
    "and try again."
)
"""[A]: the rule is documented (AG-DELETE), the wording is not."""


def own_bundle(backend: WorkspacesBackend, bundle_id: str) -> Bundle:
    """A bundle the caller may change: its own or a public one; ResourceNotFoundException otherwise."""
    bundle = backend.bundles.peek(bundle_id)
    if bundle is None or not (bundle.is_public or bundle.owner == backend.account_id):
        raise ResourceNotFoundException(f"The bundle {bundle_id} could not be found.", resource_id=bundle_id)
    return bundle


def usable_image(backend: WorkspacesBackend, image_id: str) -> Image:
    """An image of the caller's, AVAILABLE: shared images must be copied first [D] (AG-SHARE)."""
    image = own_image(backend, image_id)
    if image is None:
        raise ResourceNotFoundException(f"The image {image_id} could not be found.", resource_id=image_id)
    if image.state != "AVAILABLE":
        raise ResourceUnavailableException(f"The image {image_id} is {image.state}, not AVAILABLE.")
    return image


def create_bundle(
    backend: WorkspacesBackend,
    name: str,
    description: str,
    image_id: str,
    compute: Mapping[str, Any],
    user_storage: Mapping[str, Any],
    root_storage: Optional[Mapping[str, Any]],
) -> Bundle:
    """CreateWorkspaceBundle's checks (spec 2.3, in order), then an AVAILABLE REGULAR bundle."""
    compute_name = compute.get("Name")
    if not compute_name:
        raise InvalidParameterValuesException("ComputeType.Name is required.")
    image = usable_image(backend, image_id)
    user = capacity(user_storage, "UserStorage")
    root = capacity(root_storage, "RootStorage") if root_storage is not None else default_root(compute_name)
    check_volumes(compute_name, root, user)
    problem = fits(image, compute_name)
    if problem:
        raise InvalidParameterValuesException(f"The image {image_id} cannot be used here: {problem}.")
    mine = [b for b in backend.bundles.values_unobserved() if b.owner == backend.account_id]
    if any(b.name == name for b in mine):
        raise ResourceAlreadyExistsException(f"A bundle named {name} already exists in this account.")
    quota = backend.settings.bundle_quota
    if quota is not None and len(mine) >= quota:
        raise ResourceLimitExceededException(
            f"The account has reached its limit of {quota} custom bundles in this Region."
        )
    now = backend.clock.now()
    bundle = Bundle(
        bundle_id=backend.ids.mint("wsb", 9),
        name=name,
        owner=backend.account_id,
        image_id=image.image_id,
        compute_type_name=compute_name,
        root_volume_size_gib=root,
        user_volume_size_gib=user,
        operating_system_name=image.operating_system_name,
        protocols=_protocols(image),
        creation_time=now,
        last_updated_time=now,
        description=description,
    )
    return put_bundle(backend, bundle)


def _protocols(image: Image) -> tuple[str, ...]:
    """Linux images stream over DCV (WSP); Windows images default to PCoIP [A]."""
    process = image.ingestion_process or ""
    if process.endswith("_WSP") or image.operating_system.type == "LINUX":
        return ("WSP",)
    return ("PCOIP",)


def swap_image(backend: WorkspacesBackend, bundle_id: Optional[str], image_id: Optional[str]) -> None:
    """UpdateWorkspaceBundle (spec 2.4): new WorkSpaces from the bundle boot ``image_id``."""
    if not bundle_id or not image_id:
        raise InvalidParameterValuesException("BundleId and ImageId are both required.")
    bundle = own_bundle(backend, bundle_id)
    if bundle.is_public or bundle.bundle_type == "STANDBY":
        kind = "public" if bundle.is_public else "standby"
        raise OperationNotSupportedException(
            f"The bundle {bundle_id} is a {kind} bundle and cannot be updated."
        )
    image = usable_image(backend, image_id)
    problem = swap_problem(bundle, backend.images.peek(bundle.image_id), image)
    if problem:
        raise InvalidParameterValuesException(f"The image {image_id} cannot replace the bundle's: {problem}.")
    if image_id == bundle.image_id:
        return
    bundle.image_id = image_id
    bundle.operating_system_name = image.operating_system_name
    bundle.last_updated_time = backend.clock.now()
    _apps.on_bundle_created(backend, bundle)


def delete_bundle(backend: WorkspacesBackend, bundle_id: Optional[str]) -> None:
    """DeleteWorkspaceBundle (spec 2.5): gone at once, with its tags, unless WorkSpaces or a pool use it."""
    if not bundle_id:
        raise InvalidParameterValuesException("BundleId is required.")
    bundle = own_bundle(backend, bundle_id)
    if bundle.is_public:
        raise InvalidParameterValuesException(
            f"The bundle {bundle_id} is a public bundle and cannot be deleted."
        )
    users = backend.workspace_index.by_bundle.get(bundle_id, {}).values()
    pooled = bundle.used_by_pool or any(p.bundle_id == bundle_id for p in backend.pools.values_unobserved())
    if pooled or any(ws.state != "TERMINATED" for ws in users):
        raise ResourceAssociatedException(IN_USE)
    backend.bundles.remove(bundle_id)
    backend.tags.pop(bundle_id, None)
    backend.associations.drop_resource(BUNDLE, bundle_id)
