"""A backend as JSON: every store's resources, association rows, tags, pending transitions and rules.

Stores are found by type on the backend, so a family added later appears in the dump without an edit.
Taking the dump is a read like any other: time catches up first, as the notebook summary does.
"""

from __future__ import annotations

from typing import Any

from .._store import Store
from ..backend import CATALOG, WorkspacesBackend
from ._encode import jsonable


def resource_label(resource: Any) -> str:
    """A resource's ids, e.g. ``ws-abc`` or ``wsa-1 / WORKSPACE / ws-abc`` for an association row."""
    fields = jsonable(resource)
    if not isinstance(fields, dict):
        return str(resource)
    ids = [str(value) for key, value in fields.items() if key.endswith(("_id", "_type")) and value]
    return " / ".join(ids) or type(resource).__name__


def transitions(backend: WorkspacesBackend) -> list[dict[str, Any]]:
    """The lifecycle steps still to come: what, in which state now, and when the next step is due."""
    return [
        {
            "kind": type(resource).__name__,
            "resource": resource_label(resource),
            "state": getattr(resource, "state", None),
            "due": due.isoformat(timespec="seconds"),
        }
        for due, resource in backend.lifecycle.scheduled()
    ]


def dump_backend(backend: WorkspacesBackend) -> dict[str, Any]:
    """One backend's whole state as JSON-ready data."""
    with backend.lock:
        backend.observe()
        for name in CATALOG:
            getattr(backend, name)  # the public catalog is built on first touch
        stores = {
            name: [jsonable(item) for item in value.values_unobserved()]
            for name, value in sorted(vars(backend).items())
            if isinstance(value, Store)
        }
        return {
            "account_id": backend.account_id,
            "region": backend.region_name,
            "lifecycle": backend.lifecycle.mode,
            "resources": stores,
            "associations": [jsonable(row) for row in backend.associations],
            "tags": jsonable(backend.tags),
            "transitions": transitions(backend),
            "pending_faults": backend.faults.pending(),
            "calls": len(backend.calls),
        }
