"""A deep, comparable picture of a backend's world, to prove that a rejected request changed nothing.

The picture is taken through the backend's public surface wherever there is one: every public attribute
of the backend that holds resources is frozen into plain data (stores through ``ids()`` and
``values_unobserved()``, so taking the picture observes nothing and moves no state). Resource objects are
frozen generically (dataclasses by field, other objects by their attributes), so new resource kinds and
new fields are covered without touching this module. The machinery of the backend (its lock, id minter,
page-token secret, fault rules, call log, and the world it belongs to) is not world state and is left out;
the lifecycle engine contributes only how many resources are still in flight.
"""

from __future__ import annotations

import dataclasses
import enum
import threading
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from workspaces_fake import WorkspacesBackend
from workspaces_fake._calls import CallLog
from workspaces_fake._ids import IdMinter
from workspaces_fake._pagination import Paginator
from workspaces_fake._store import Store
from workspaces_fake.faults import FaultPlan
from workspaces_fake.lifecycle import Engine

Frozen = Any

_MACHINERY = (CallLog, IdMinter, Paginator, FaultPlan, WorkspacesBackend, type(threading.RLock()))
_SCALARS = (str, int, float, bool, bytes, type(None))


def snapshot(backend: WorkspacesBackend) -> dict[str, Frozen]:
    """The world of ``backend`` as nested plain data; equal snapshots mean nothing observable changed."""
    picture: dict[str, Frozen] = {}
    for name, value in sorted(vars(backend).items()):
        if name.startswith("_") or isinstance(value, _MACHINERY):
            continue
        if isinstance(value, Engine):
            picture[name] = {"in_flight": value.pending(), "mode": value.mode}
            continue
        picture[name] = freeze(value)
    return picture


def freeze(value: Any, _seen: frozenset[int] = frozenset()) -> Frozen:
    """Plain, comparable data for any value a backend keeps (cycles and machinery become markers)."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (datetime, date, timedelta)):
        return repr(value)
    if isinstance(value, enum.Enum):
        return repr(value)
    if isinstance(value, (*_MACHINERY, Engine)):
        return f"<{type(value).__name__}>"
    if id(value) in _seen:
        return f"<cycle {type(value).__name__}>"
    seen = _seen | {id(value)}
    if isinstance(value, Store):
        return {key: freeze(item, seen) for key, item in zip(value.ids(), value.values_unobserved())}
    if isinstance(value, Mapping):
        return {repr(key): freeze(item, seen) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [freeze(item, seen) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(freeze(item, seen)) for item in value)
    return _freeze_object(value, seen)


def _freeze_object(value: Any, seen: frozenset[int]) -> Frozen:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    elif hasattr(value, "__dict__"):
        fields = dict(vars(value))
    elif hasattr(value, "__slots__"):
        fields = {slot: getattr(value, slot, None) for slot in value.__slots__}
    else:
        return repr(value)
    frozen = {name: freeze(item, seen) for name, item in sorted(fields.items())}
    return {"__type__": type(value).__name__, **frozen}


def difference(before: Mapping[str, Frozen], after: Mapping[str, Frozen], limit: int = 5) -> list[str]:
    """Where two snapshots differ, as readable paths (at most ``limit`` of them)."""
    found: list[str] = []
    _diff(before, after, "", found, limit)
    return found


def _diff(before: Frozen, after: Frozen, path: str, found: list[str], limit: int) -> None:
    if len(found) >= limit or before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after), key=str):
            if key not in before or key not in after:
                found.append(f"{path}.{key}: {'added' if key not in before else 'removed'}")
            else:
                _diff(before[key], after[key], f"{path}.{key}", found, limit)
        return
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (old, new) in enumerate(zip(before, after)):
            _diff(old, new, f"{path}[{index}]", found, limit)
        return
    found.append(f"{path}: {before!r:.120} -> {after!r:.120}")
