"""A keyed, insertion-ordered store of one resource kind, with not-found errors in AWS wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Generic, Optional, TypeVar

from .errors import ResourceNotFoundException

if TYPE_CHECKING:
    from .backend import WorkspacesBackend

M = TypeVar("M")


class Store(Generic[M]):
    """Resources of one kind by id, in creation order; every read first lets time catch up.

    Reading through the store observes the backend (``backend.observe()``), so a test that inspects
    ``backend.workspaces`` sees the same moment a Describe call would.
    """

    def __init__(self, backend: WorkspacesBackend, kind: str) -> None:
        self._backend = backend
        self._kind = kind
        self._items: dict[str, M] = {}

    def __contains__(self, resource_id: object) -> bool:
        return resource_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[M]:
        self._backend.observe()
        return iter(list(self._items.values()))

    def __getitem__(self, resource_id: str) -> M:
        return self.require(resource_id)

    def get(self, resource_id: str) -> Optional[M]:
        """The resource, or None when there is no such id."""
        self._backend.observe()
        return self._items.get(resource_id)

    def peek(self, resource_id: str) -> Optional[M]:
        """The resource or None, without observing: for code that runs while time is being moved."""
        return self._items.get(resource_id)

    def require(self, resource_id: str) -> M:
        """The resource, or ResourceNotFoundException naming the id."""
        found = self.get(resource_id)
        if found is None:
            raise ResourceNotFoundException(
                f"The {self._kind} {resource_id} could not be found.", resource_id=resource_id
            )
        return found

    def ids(self) -> list[str]:
        """Every id, in creation order."""
        return list(self._items)

    def values_unobserved(self) -> Iterator[M]:
        """Iterate without observing (for handlers, which run after the pipeline has observed)."""
        return iter(self._items.values())

    def put(self, resource_id: str, resource: M) -> M:
        """Add or replace a resource."""
        self._items[resource_id] = resource
        return resource

    def remove(self, resource_id: str) -> Optional[M]:
        """Delete a resource if present and return it."""
        return self._items.pop(resource_id, None)

    def clear(self) -> None:
        """Delete everything."""
        self._items.clear()
