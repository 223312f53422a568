"""Model objects as plain JSON: what the control API answers for arrange helpers and the state dump.

Models are dataclasses or ``__slots__`` classes whose attributes are ``xform_name`` of API members
(docs/design.md), so one generic walk serves every family, including families added later: attributes in
snake_case, datetimes in ISO 8601 (UTC), bytes in base64, private attributes (a leading ``_``) left out.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Mapping
from datetime import datetime
from typing import Any

_MAX_DEPTH = 12
"""Models nest a few levels (a WorkSpace's properties, a directory's permissions); deeper is a cycle."""


def jsonable(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON-ready data (dicts, lists, strings, numbers, booleans, None)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if depth > _MAX_DEPTH:
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(key): jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a NamedTuple
        return {key: jsonable(item, depth + 1) for key, item in value._asdict().items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(item, depth + 1) for item in value]
    fields = _attributes(value)
    if fields is None:
        return str(value)
    return {name: jsonable(getattr(value, name, None), depth + 1) for name in fields}


def _attributes(value: Any) -> list[str] | None:
    """The public instance attributes of a model object (dataclass fields, slots, or ``__dict__``)."""
    if dataclasses.is_dataclass(value):
        return [f.name for f in dataclasses.fields(value) if not f.name.startswith("_")]
    slots = [
        name
        for cls in type(value).__mro__
        for name in getattr(cls, "__slots__", ())
        if not name.startswith("_") and name != "__weakref__"
    ]
    if slots:
        return slots
    attributes = getattr(value, "__dict__", None)
    if attributes is None:
        return None
    return [name for name in attributes if not name.startswith("_")]
