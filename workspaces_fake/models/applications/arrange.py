"""The arrange helpers of the applications family, bound on the backend (``backend.add_application``).

``backend.applications`` (a store) and ``backend.associations`` (an :class:`AssociationBook`) are the read
side; these functions shape the catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from .._arrange import arrange, model_enum
from .catalog import AMAZON_CATALOG, CATALOG_CREATED, CatalogEntry, catalog_id
from .model import Application

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def seed_applications(backend: WorkspacesBackend) -> None:
    """Load the Amazon application catalog into a fresh backend."""
    for entry in AMAZON_CATALOG:
        _add_entry(backend, entry)


def _add_entry(backend: WorkspacesBackend, entry: CatalogEntry) -> Application:
    computes = [name for name in model_enum("Compute") if name not in entry.compute_excluded]
    return add_application(
        backend,
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


@arrange("WorkSpaceApplication")
def add_application(
    backend: WorkspacesBackend,
    name: str,
    *,
    supported_operating_system_names: Sequence[str],
    supported_compute_type_names: Sequence[str],
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

    Every argument is checked against its member of the model's ``WorkSpaceApplication`` shape
    (``ValueError`` names the argument and the allowed values). Without ``application_id`` the id is
    derived from the name, as for the Amazon catalog.
    """
    app = Application(
        application_id=application_id or catalog_id(name),
        name=name,
        created=created or backend.clock.now(),
        description=description,
        license_type=license_type,
        owner=owner,
        state=state,
        supported_compute_type_names=list(supported_compute_type_names),
        supported_operating_system_names=list(supported_operating_system_names),
        conflict_group=conflict_group,
        supersedes=supersedes,
    )
    if app.application_id in backend.applications:
        raise ValueError(f"application {app.application_id} ({name!r}) is already in the catalog")
    return backend.applications.put(app.application_id, app)


@arrange()
def clear_applications(backend: WorkspacesBackend) -> None:
    """Empty the catalog (and drop every association row), to replace it with ``add_application``."""
    for application_id in backend.applications.ids():
        for row in backend.associations.drop_application(application_id):
            backend.lifecycle.forget(row)
        backend.applications.remove(application_id)


@arrange()
def application_named(backend: WorkspacesBackend, name: str) -> Application:
    """The catalog application with this exact name (KeyError naming the known ones otherwise)."""
    for app in backend.applications.values_unobserved():
        if app.name == name:
            return app
    known = ", ".join(app.name for app in backend.applications.values_unobserved())
    raise KeyError(f"no application named {name!r}; the catalog has: {known}")
