"""Association rows between applications and WorkSpaces, bundles or images, indexed both ways.

One :class:`Association` row stands for one (resource, application) pair. The API shows a row in two
orientations: resource-centric (``WorkspaceResourceAssociation`` and its bundle and image twins, where the
"associated resource" is the application) and application-centric (``ApplicationResourceAssociation``,
where it is the WorkSpace, bundle or image). Responses carry frozen views of a row, taken while the call
holds the backend lock, so a later state change cannot leak into an answer already given.

The book indexes rows by resource and by application, so every lookup a call makes costs the rows of one
resource or one application, never a scan of all rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple, Optional

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

WORKSPACE = "WORKSPACE"
BUNDLE = "BUNDLE"
IMAGE = "IMAGE"

INSTALL = "INSTALL"
UNINSTALL = "UNINSTALL"

ResourceKey = tuple[str, str]
"""(resource type, resource id), e.g. ``("WORKSPACE", "ws-...")``."""


@dataclass(frozen=True)
class StateReason:
    """Why a row is in ERROR (API shape ``AssociationStateReason``)."""

    error_code: str
    error_message: str


@dataclass(eq=False)
class Association:
    """One application associated with one WorkSpace, bundle or image, and where its deployment stands.

    ``direction`` remembers whether the last deployment installed or uninstalled the application, which
    decides where a failed row goes when it is disassociated or force-deployed. ``doomed`` holds a failure
    decided when the job was picked up that shows once the running step ends.
    """

    application_id: str
    resource_type: str
    resource_id: str
    state: str
    created: datetime
    state_since: datetime
    state_reason: Optional[StateReason] = None
    direction: str = INSTALL
    doomed: Optional[StateReason] = field(default=None, repr=False)

    @property
    def key(self) -> ResourceKey:
        """The resource this row belongs to."""
        return (self.resource_type, self.resource_id)

    @property
    def last_updated_time(self) -> datetime:
        """When the row last changed state."""
        return self.state_since

    def for_resource(self) -> ResourceView:
        """A frozen view in the resource-centric orientation."""
        kind, resource_id = self.resource_type, self.resource_id
        return ResourceView(
            self.application_id,
            self.created,
            self.state_since,
            self.state,
            self.state_reason,
            resource_id if kind == WORKSPACE else None,
            resource_id if kind == BUNDLE else None,
            resource_id if kind == IMAGE else None,
        )

    def for_application(self) -> ApplicationView:
        """A frozen view in the application-centric orientation."""
        return ApplicationView(
            application_id=self.application_id,
            associated_resource_id=self.resource_id,
            associated_resource_type=self.resource_type,
            created=self.created,
            last_updated_time=self.state_since,
            state=self.state,
            state_reason=self.state_reason,
        )


class ResourceView(NamedTuple):
    """A row as a WorkSpace, bundle or image sees it: the associated resource is the application.

    Serves the shapes WorkspaceResourceAssociation, BundleResourceAssociation and
    ImageResourceAssociation; exactly one of the three resource ids is set. Views are named tuples: one
    is made per row per answer, and a frozen dataclass takes four times as long to build.
    """

    associated_resource_id: str
    created: datetime
    last_updated_time: datetime
    state: str
    state_reason: Optional[StateReason]
    workspace_id: Optional[str] = None
    bundle_id: Optional[str] = None
    image_id: Optional[str] = None
    associated_resource_type: str = "APPLICATION"


class ApplicationView(NamedTuple):
    """A row as its application sees it (API shape ``ApplicationResourceAssociation``)."""

    application_id: str
    associated_resource_id: str
    associated_resource_type: str
    created: datetime
    last_updated_time: datetime
    state: str
    state_reason: Optional[StateReason]


def _by_created_then_application(row: Association) -> tuple[datetime, str]:
    return (row.created, row.application_id)


def _by_created_then_resource(row: Association) -> tuple[datetime, str, str]:
    return (row.created, row.resource_type, row.resource_id)


class AssociationBook:
    """Every association row of one backend, indexed by resource and by application.

    Tests read it through ``of_workspace``, ``of_bundle``, ``of_image``, ``of_application`` and
    ``state``, which let time catch up first as every backend read does; handlers use the unobserved
    ``rows``/``rows_of_application``/``get``.
    """

    def __init__(self, backend: Optional[WorkspacesBackend] = None) -> None:
        self._backend = backend
        self._by_resource: dict[ResourceKey, dict[str, Association]] = {}
        self._by_application: dict[str, dict[ResourceKey, Association]] = {}
        self.synced: set[ResourceKey] = set()
        """Bundles and images whose application rows have been derived (see models/application.py)."""

    # -------------------------------------------------------------------------------- test-facing reads
    def of_workspace(self, workspace_id: str) -> list[Association]:
        """The rows of one WorkSpace, oldest first (REMOVED rows included)."""
        return self._observed(WORKSPACE, workspace_id)

    def of_bundle(self, bundle_id: str) -> list[Association]:
        """The rows of one bundle, oldest first."""
        return self._observed(BUNDLE, bundle_id)

    def of_image(self, image_id: str) -> list[Association]:
        """The rows of one image, oldest first."""
        return self._observed(IMAGE, image_id)

    def of_application(self, application_id: str) -> list[Association]:
        """Every row of one application, whatever the resource, oldest first."""
        self._observe()
        return self.rows_of_application(application_id)

    def state(self, workspace_id: str, application_id: str) -> Optional[str]:
        """The state of the (WorkSpace, application) row, or None when there is no row."""
        self._observe()
        row = self.get(WORKSPACE, workspace_id, application_id)
        return row.state if row is not None else None

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._by_resource.values())

    def __iter__(self) -> Iterator[Association]:
        self._observe()
        return iter([row for rows in self._by_resource.values() for row in rows.values()])

    def _observe(self) -> None:
        if self._backend is not None:
            self._backend.observe()

    def _observed(self, resource_type: str, resource_id: str) -> list[Association]:
        self._observe()
        return self.rows(resource_type, resource_id)

    # ----------------------------------------------------------------------------- unobserved access
    def get(self, resource_type: str, resource_id: str, application_id: str) -> Optional[Association]:
        """The row of one (resource, application) pair, or None."""
        return self._by_resource.get((resource_type, resource_id), {}).get(application_id)

    def rows(self, resource_type: str, resource_id: str) -> list[Association]:
        """The rows of one resource, ordered by Created then application id."""
        found = self._by_resource.get((resource_type, resource_id))
        return sorted(found.values(), key=_by_created_then_application) if found else []

    def rows_of_application(
        self, application_id: str, resource_types: Optional[Iterable[str]] = None
    ) -> list[Association]:
        """The rows of one application (optionally of some resource types), by Created then resource."""
        found = self._by_application.get(application_id)
        if not found:
            return []
        wanted = None if resource_types is None else frozenset(resource_types)
        rows = [row for row in found.values() if wanted is None or row.resource_type in wanted]
        return sorted(rows, key=_by_created_then_resource)

    def has_rows(self, resource_type: str, resource_id: str) -> bool:
        """True when the resource has at least one row."""
        return bool(self._by_resource.get((resource_type, resource_id)))

    # -------------------------------------------------------------------------------------- changes
    def put(self, row: Association) -> Association:
        """Add a row, replacing any row of the same (resource, application) pair."""
        self._by_resource.setdefault(row.key, {})[row.application_id] = row
        self._by_application.setdefault(row.application_id, {})[row.key] = row
        return row

    def remove(self, row: Association) -> None:
        """Delete one row (if it is still the current row of its pair)."""
        rows = self._by_resource.get(row.key)
        if rows is not None and rows.get(row.application_id) is row:
            del rows[row.application_id]
            if not rows:
                del self._by_resource[row.key]
        apps = self._by_application.get(row.application_id)
        if apps is not None and apps.get(row.key) is row:
            del apps[row.key]
            if not apps:
                del self._by_application[row.application_id]

    def drop_resource(self, resource_type: str, resource_id: str) -> list[Association]:
        """Delete every row of one resource and return them."""
        rows = list(self._by_resource.get((resource_type, resource_id), {}).values())
        for row in rows:
            self.remove(row)
        self.synced.discard((resource_type, resource_id))
        return rows

    def drop_application(self, application_id: str) -> list[Association]:
        """Delete every row of one application and return them."""
        rows = list(self._by_application.get(application_id, {}).values())
        for row in rows:
            self.remove(row)
        return rows
