"""Applications, and the hooks that make associations follow resources.

The catalog is data (:mod:`.catalog`); rows and their indexes live in :mod:`.association`; the state
machine in :mod:`.deployment`; the arrange helpers in :mod:`.arrange`. This module holds what the rest of
the fake touches: the :class:`Application` model and the ``on_*`` hooks the other families call
when WorkSpaces, images and bundles appear or go (spec 1.8):

* a new WorkSpace starts with its bundle's applications as COMPLETED rows (they are in the image);
* a terminated WorkSpace takes its rows with it (T19);
* an image captured from a WorkSpace carries the WorkSpace's COMPLETED applications;
* a bundle mirrors its image; Amazon's public "Plus" bundles carry Office 2019.

Images made with applications preinstalled (``image.preinstalled_application_ids``) get their rows the
first time anything asks for them (:func:`image_rows`), since images have no creation hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from .association import BUNDLE, IMAGE, WORKSPACE, Association, AssociationBook
from .catalog import OFFICE_2019, catalog_id
from .deployment import COMPLETED

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

__all__ = [
    "Application",
    "AssociationBook",
    "bundle_rows",
    "image_rows",
    "on_bundle_created",
    "on_image_created_from_workspace",
    "on_workspace_created",
    "on_workspace_terminated",
]


@dataclass
class Application:
    """A catalog application (API shape ``WorkSpaceApplication``).

    ``conflict_group`` and ``supersedes`` are the fake's own: applications of one conflict group exclude
    each other; installing an application fails while one of the group it supersedes is installed.
    """

    application_id: str
    name: str
    created: datetime
    description: str
    license_type: str
    owner: str
    state: str
    supported_compute_type_names: list[str]
    supported_operating_system_names: list[str]
    conflict_group: Optional[str] = None
    supersedes: Optional[str] = None

    def conflicts_with(self, other: Application) -> bool:
        """True when the two cannot be installed on one WorkSpace."""
        return self.conflict_group is not None and self.conflict_group == other.conflict_group


# ------------------------------------------------------------------------ rows derived for bundles/images
def _stamp(backend: WorkspacesBackend, resource: Any, *attributes: str) -> datetime:
    """The resource's own creation (or update) time if it has one, else now."""
    for attribute in attributes:
        value = getattr(resource, attribute, None)
        if isinstance(value, datetime):
            return value
    return backend.clock.now()


def _installed_row(application_id: str, kind: str, target: str, at: datetime) -> Association:
    return Association(application_id, kind, target, COMPLETED, created=at, state_since=at)


def _copy_rows(
    backend: WorkspacesBackend, source: list[Association], kind: str, target: str, at: datetime
) -> None:
    for row in source:
        if row.state == COMPLETED and backend.associations.get(kind, target, row.application_id) is None:
            backend.associations.put(_installed_row(row.application_id, kind, target, at))


def _preinstall(
    backend: WorkspacesBackend, image_id: str, application_ids: Iterable[str], at: datetime
) -> None:
    for application_id in application_ids:
        if backend.applications.peek(application_id) is None:
            continue  # the catalog was replaced: the application no longer exists
        if backend.associations.get(IMAGE, image_id, application_id) is None:
            backend.associations.put(_installed_row(application_id, IMAGE, image_id, at))


def image_rows(backend: WorkspacesBackend, image_id: str) -> list[Association]:
    """The image's rows, deriving them from its preinstalled applications the first time."""
    book = backend.associations
    if (IMAGE, image_id) not in book.synced:
        image = backend.images.peek(image_id)
        if image is not None:
            preinstalled = getattr(image, "preinstalled_application_ids", None) or ()
            _preinstall(backend, image_id, preinstalled, _stamp(backend, image, "created"))
            book.synced.add((IMAGE, image_id))
    return book.rows(IMAGE, image_id)


def bundle_rows(backend: WorkspacesBackend, bundle_id: str) -> list[Association]:
    """The bundle's rows, mirroring its image the first time (if no hook did already)."""
    if (BUNDLE, bundle_id) not in backend.associations.synced:
        bundle = backend.bundles.peek(bundle_id)
        if bundle is not None:
            on_bundle_created(backend, bundle)
    return backend.associations.rows(BUNDLE, bundle_id)


def sync_all(backend: WorkspacesBackend) -> None:
    """Derive the rows of every image and bundle not seen yet (before an application-wide listing)."""
    synced = backend.associations.synced
    for image in backend.images.values_unobserved():
        if (IMAGE, image.image_id) not in synced:
            image_rows(backend, image.image_id)
    for bundle in backend.bundles.values_unobserved():
        if (BUNDLE, bundle.bundle_id) not in synced:
            bundle_rows(backend, bundle.bundle_id)


def _is_plus(bundle: Any) -> bool:
    """Amazon's public bundles named "... Office 2019 Pro Plus ..." ship Office 2019."""
    public = getattr(bundle, "owner", None) in ("AMAZON", "Amazon")
    return public and "Plus" in (getattr(bundle, "name", "") or "")


# ------------------------------------------------------------------------------------------------ hooks
def on_workspace_created(backend: WorkspacesBackend, workspace: Any) -> None:
    """A WorkSpace was created from a bundle: its bundle's applications become COMPLETED rows on it."""
    source = bundle_rows(backend, workspace.bundle_id)
    at = _stamp(backend, workspace, "created")
    _copy_rows(backend, source, WORKSPACE, workspace.workspace_id, at)


def on_workspace_terminated(backend: WorkspacesBackend, workspace_id: str) -> None:
    """A WorkSpace is gone: its association rows disappear with it (T19)."""
    for row in backend.associations.drop_resource(WORKSPACE, workspace_id):
        backend.lifecycle.forget(row)


def on_image_created_from_workspace(backend: WorkspacesBackend, workspace_id: str, image_id: str) -> None:
    """An image was captured from a WorkSpace: its COMPLETED application rows are copied onto the image."""
    image_rows(backend, image_id)
    at = _stamp(backend, backend.images.peek(image_id), "created")
    _copy_rows(backend, backend.associations.rows(WORKSPACE, workspace_id), IMAGE, image_id, at)


def on_bundle_created(backend: WorkspacesBackend, bundle: Any) -> None:
    """A bundle was created or updated: its associations mirror those of its image."""
    book, bundle_id = backend.associations, bundle.bundle_id
    book.drop_resource(BUNDLE, bundle_id)
    image_id = getattr(bundle, "image_id", None)
    if image_id:
        source = image_rows(backend, image_id)
        office = catalog_id(OFFICE_2019)
        if _is_plus(bundle) and office in backend.applications:
            image = backend.images.peek(image_id)
            _preinstall(backend, image_id, [office], _stamp(backend, image, "created"))
            source = backend.associations.rows(IMAGE, image_id)
        at = _stamp(backend, bundle, "last_updated_time", "creation_time")
        _copy_rows(backend, source, BUNDLE, bundle_id, at)
    book.synced.add((BUNDLE, bundle_id))
