"""JSON between the parent and the contenders' processes, keeping the datetimes of recorded responses.

The Stubber must answer with the fake's responses exactly as boto3 returned them, timestamps included,
so a datetime travels as ``{"$datetime": "<ISO 8601>"}`` and comes back as an aware datetime.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

_TAG = "$datetime"


def dumps(value: Any) -> str:
    """JSON text; datetimes are tagged, anything else that JSON cannot hold is an error."""
    return json.dumps(value, default=_encode)


def loads(text: str) -> Any:
    """The value :func:`dumps` wrote, datetimes restored."""
    return json.loads(text, object_hook=_decode)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {_TAG: value.isoformat()}
    raise TypeError(f"cannot pass {type(value).__name__} between benchmark processes")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and _TAG in obj:
        return datetime.fromisoformat(obj[_TAG])
    return obj
