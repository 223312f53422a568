"""Applications, the arrange API for them, and the hooks that make associations follow resources.

The catalog is data (:mod:`.catalog`); rows and their indexes live in :mod:`.association`; the state
machine in :mod:`.deployment`. This module holds what the rest of the fake touches: the
:class:`Application` model, the :class:`ApplicationsArrange` mixin of the backend, and the ``on_*`` hooks
the WorkSpaces family calls when WorkSpaces, images and bundles appear or go (spec 1.8):

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
from typing import TYPE_CHECKING, Any, Optional, cast

from .association import BUNDLE, IMAGE, WORKSPACE, Association, AssociationBook
from .catalog import AMAZON_CATALOG, CATALOG_CREATED, OFFICE_2019, CatalogEntry, catalog_id
from .deployment import COMPLETED

if TYPE_CHECKING:
    from .._store import Store
    from ..backend import WorkspacesBackend

__all__ = [
    "Application",
    "ApplicationsArrange",
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


def _enum(shape: str) -> list[str]:
    from .._service import service_model

    values: list[str] = service_model().shape_for(shape).enum
    return values


def _check_enum(shape: str, values: Iterable[str], what: str) -> list[str]:
    allowed, given = _enum(shape), list(values)
    wrong = [value for value in given if value not in allowed]
    if wrong:
        raise ValueError(f"{what}: {wrong} not in the model's {shape} enum ({', '.join(allowed)})")
    return given


class ApplicationsArrange:
    """The test-facing arrange API for applications (mixed into the backend).

    ``backend.applications`` (a store) and ``backend.associations`` (an :class:`AssociationBook`) are
    the read side; these methods shape the catalog.
    """

    if TYPE_CHECKING:
        applications: Store[Application]
        associations: AssociationBook
        account_id: str

    def _seed_applications(self) -> None:
        """Load the Amazon application catalog into a fresh backend."""
        for entry in AMAZON_CATALOG:
            self._add_entry(entry)

    def _add_entry(self, entry: CatalogEntry) -> Application:
        computes = [name for name in _enum("Compute") if name not in entry.compute_excluded]
        return self.add_application(
            entry.name,
            supported_operating_system_names=list(entry.operating_systems),
            supported_compute_type_names=computes,
            state=entry.state,
            description=entry.description,
            conflict_group=entry.conflict_group,
            supersedes=entry.supersedes,
            application_id=catalog_id(entry.name),
            created=CATALOG_CREATED,
        )

    def add_application(
        self,
        name: str,
        *,
        supported_operating_system_names: Iterable[str],
        supported_compute_type_names: Iterable[str],
        license_type: str = "LICENSED",
        owner: str = "AMAZON",
        state: str = "AVAILABLE",
        description: str = "",
        conflict_group: Optional[str] = None,
        supersedes: Optional[str] = None,
        application_id: Optional[str] = None,
        created: Optional[datetime] = None,
    ) -> Application:
        """Add an application to this backend's catalog and return it.

        Enum members are checked against the botocore model (``ValueError`` names the allowed values).
        Without ``application_id`` the id is derived from the name, as for the Amazon catalog.
        """
        app = Application(
            application_id=application_id or catalog_id(name),
            name=name,
            created=created or self._now(),
            description=description,
            license_type=_check_enum("WorkSpaceApplicationLicenseType", [license_type], "license_type")[0],
            owner=_check_owner(owner),
            state=_check_enum("WorkSpaceApplicationState", [state], "state")[0],
            supported_compute_type_names=_check_enum(
                "Compute", supported_compute_type_names, "supported_compute_type_names"
            ),
            supported_operating_system_names=_check_enum(
                "OperatingSystemName", supported_operating_system_names, "supported_operating_system_names"
            ),
            conflict_group=conflict_group,
            supersedes=supersedes,
        )
        if app.application_id in self.applications:
            raise ValueError(f"application {app.application_id} ({name!r}) is already in the catalog")
        return self.applications.put(app.application_id, app)

    def clear_applications(self) -> None:
        """Empty the catalog (and drop every association row), to replace it with ``add_application``."""
        backend = self._as_backend()
        for application_id in self.applications.ids():
            for row in self.associations.drop_application(application_id):
                backend.lifecycle.forget(row)
            self.applications.remove(application_id)

    def application_named(self, name: str) -> Application:
        """The catalog application with this exact name (KeyError naming the known ones otherwise)."""
        for app in self.applications.values_unobserved():
            if app.name == name:
                return app
        known = ", ".join(app.name for app in self.applications.values_unobserved())
        raise KeyError(f"no application named {name!r}; the catalog has: {known}")

    def _now(self) -> datetime:
        return self._as_backend().clock.now()

    def _as_backend(self) -> WorkspacesBackend:
        return cast("WorkspacesBackend", self)

    # ------------------------------------------------------------------------ notebook and console views
    def __str__(self) -> str:
        from .._summary import text

        return text(self._as_backend())

    def _repr_html_(self) -> str:
        from .._summary import html

        return html(self._as_backend())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display: the same summary as ``print(backend)``."""
        printer.text(repr(self) if cycle else str(self))


def _check_owner(owner: str) -> str:
    if owner != "AMAZON" and not (len(owner) == 12 and owner.isdigit()):
        raise ValueError(f"owner must be 'AMAZON' or a 12-digit account id; got {owner!r}")
    return owner


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
