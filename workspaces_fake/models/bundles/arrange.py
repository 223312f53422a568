"""The bundles family's arrange side: Amazon's public catalog, ``add_bundle``, and who may use a bundle.

Amazon's public images exist only to back public bundles, so they are seeded here, with the bundles
(:func:`seed_public_catalog`); an account's own images belong to :mod:`..images`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from .._arrange import arrange
from ..applications import model as _apps
from ..images import AMAZON_IMAGE_OWNER_ACCOUNT, Image, add_image
from .catalog import BUNDLES, CATALOG_DATE, IMAGES
from .model import AMAZON_OWNER, Bundle

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def seed_public_catalog(backend: WorkspacesBackend) -> None:
    """Amazon's public images and bundles (stable ids, see :mod:`.catalog`)."""
    for spec in IMAGES:
        image = Image(
            image_id=spec.image_id,
            name=spec.name,
            operating_system_name=spec.operating_system_name,
            owner_account_id=AMAZON_IMAGE_OWNER_ACCOUNT,
            created=CATALOG_DATE,
            description=spec.experience,
            state="AVAILABLE",
            state_since=CATALOG_DATE,
        )
        backend.images.put(image.image_id, image)
    for entry in BUNDLES:
        put_bundle(
            backend,
            Bundle(
                bundle_id=entry.id_in(backend.region_name),
                name=entry.name,
                owner=AMAZON_OWNER,
                image_id=entry.image.image_id,
                compute_type_name=entry.compute,
                root_volume_size_gib=entry.spec.root_gib,
                user_volume_size_gib=entry.spec.user_gib,
                operating_system_name=entry.image.operating_system_name,
                protocols=entry.protocols,
                creation_time=CATALOG_DATE,
                last_updated_time=CATALOG_DATE,
                description=entry.description,
            ),
        )


def put_bundle(backend: WorkspacesBackend, bundle: Bundle) -> Bundle:
    """Store ``bundle`` and let the applications family mirror its image's applications onto it."""
    backend.bundles.put(bundle.bundle_id, bundle)
    _apps.on_bundle_created(backend, bundle)
    return bundle


def visible_bundle(backend: WorkspacesBackend, bundle_id: str) -> Optional[Bundle]:
    """The bundle if it is public or the caller's own (the only bundles an account can use)."""
    bundle = backend.bundles.peek(bundle_id)
    if bundle is None or not (bundle.is_public or bundle.owner == backend.account_id):
        return None
    return bundle


@arrange(
    "WorkspaceBundle",
    compute_type_name="Compute",
    operating_system_name="OperatingSystemName",
    protocols="ProtocolList",
)
def add_bundle(
    backend: WorkspacesBackend,
    name: str,
    *,
    bundle_id: Optional[str] = None,
    owner: Optional[str] = None,
    image_id: Optional[str] = None,
    compute_type_name: str = "STANDARD",
    root_volume_size_gib: int = 80,
    user_volume_size_gib: int = 50,
    operating_system_name: str = "WINDOWS_SERVER_2022",
    description: str = "",
    protocols: tuple[str, ...] = ("PCOIP",),
    state: str = "AVAILABLE",
    bundle_type: str = "REGULAR",
    used_by_pool: bool = False,
) -> Bundle:
    """A bundle owned by this account; without ``image_id`` an image for it is made first.

    ``bundle_id`` chooses the id (a real Amazon id a test hard-codes, say) and ``owner="AMAZON"`` makes it
    a public bundle, visible to every account of the Region through ``Owner="AMAZON"``. ``state`` and
    ``bundle_type`` arrange PENDING / ERROR and STANDBY bundles; ``used_by_pool`` marks a bundle a
    WorkSpaces Pool runs (it cannot be deleted).
    """
    public = owner is not None and owner.upper() == "AMAZON"
    if bundle_id is not None and bundle_id in backend.bundles:
        raise ValueError(f"add_bundle: there is already a bundle {bundle_id}")
    image = _image_for(backend, name, image_id, operating_system_name, public)
    now = backend.clock.now()
    bundle = Bundle(
        bundle_id=bundle_id or backend.ids.mint("wsb", 9),
        name=name,
        owner=AMAZON_OWNER if public else backend.account_id,
        image_id=image.image_id,
        compute_type_name=compute_type_name,
        root_volume_size_gib=root_volume_size_gib,
        user_volume_size_gib=user_volume_size_gib,
        operating_system_name=image.operating_system_name,
        protocols=tuple(protocols),
        creation_time=now,
        last_updated_time=now,
        description=description or None,
        state=state,
        bundle_type=bundle_type,
        used_by_pool=used_by_pool,
    )
    return put_bundle(backend, bundle)


def _image_for(
    backend: WorkspacesBackend, name: str, image_id: Optional[str], operating_system_name: str, public: bool
) -> Image:
    if image_id is not None:
        found = backend.images.peek(image_id)
        if found is None:
            raise ValueError(f"add_bundle: there is no image {image_id}")
        return found
    image = add_image(backend, _image_name_for(name), operating_system_name=operating_system_name)
    if public:  # Amazon's image, never listed as the account's own
        image.owner_account_id = AMAZON_IMAGE_OWNER_ACCOUNT
    return image


def _image_name_for(bundle_name: str) -> str:
    cleaned = re.sub(r"[^a-zA-Z0-9_./()\\-]+", "_", bundle_name).strip("_") or "image"
    return cleaned[:64]
