"""The JSON 1.1 codec: request bodies in, results and errors out, by walking botocore shapes.

This is the only place where API member names meet Python attributes. A handler's result is a dict keyed by
API member names whose values may be plain data or model objects; for an object, the member ``WorkspaceId``
is read from the attribute ``workspace_id`` (``botocore.xform_name``), so models need no ``to_dict``.

One walk of the output shape serves both doors: :func:`to_parsed` builds exactly what botocore's parser
would return for the bytes :func:`to_wire` produces (timestamps as epoch-second numbers on the wire, as
tz-aware datetimes once parsed), and the differential test keeps the two in step.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.utils import parse_timestamp

Leaf = Callable[[Any], Any]

_ATTRS: dict[str, str] = {}


def attr_name(member: str) -> str:
    """The Python attribute that holds an API member: ``RootVolumeSizeGib`` -> ``root_volume_size_gib``."""
    name = _ATTRS.get(member)
    if name is None:
        name = _ATTRS[member] = xform_name(member)
    return name


def epoch(value: datetime) -> float | int:
    """Epoch seconds as the wire carries them (an int when there is no fraction)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    seconds = value.timestamp()
    return int(seconds) if seconds.is_integer() else seconds


def _parsed_timestamp(value: datetime) -> datetime:
    result: datetime = parse_timestamp(epoch(value))
    return result


def _parsed_blob(value: Any) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _wire_blob(value: Any) -> str:
    return base64.b64encode(_parsed_blob(value)).decode("ascii")


_PARSED_LEAVES: dict[str, Leaf] = {"timestamp": _parsed_timestamp, "blob": _parsed_blob}
_WIRE_LEAVES: dict[str, Leaf] = {"timestamp": epoch, "blob": _wire_blob}


def to_parsed(shape: Shape | None, result: Mapping[str, Any]) -> dict[str, Any]:
    """The dict botocore's parser would return for this result (without ResponseMetadata)."""
    if shape is None:
        return {}
    out: dict[str, Any] = _walk(shape, result, _PARSED_LEAVES)
    return out


def to_wire(shape: Shape | None, result: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready dict the real service would send for this result."""
    if shape is None:
        return {}
    out: dict[str, Any] = _walk(shape, result, _WIRE_LEAVES)
    return out


def dumps(body: Mapping[str, Any]) -> bytes:
    """Serialize a wire dict compactly, as the service does."""
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def _walk(shape: Shape, value: Any, leaves: Mapping[str, Leaf]) -> Any:
    if isinstance(shape, StructureShape):
        return _walk_structure(shape, value, leaves)
    if isinstance(shape, ListShape):
        member = shape.member
        if _is_plain(member, leaves):
            return list(value)  # lists of strings/enums (e.g. SupportedComputeTypeNames) need no walk
        return [_walk(member, item, leaves) for item in value]
    if isinstance(shape, MapShape):
        return {key: _walk(shape.value, item, leaves) for key, item in value.items()}
    leaf = leaves.get(shape.type_name)
    return leaf(value) if leaf is not None else value


def _is_plain(shape: Shape, leaves: Mapping[str, Leaf]) -> bool:
    """True for a scalar shape that both forms carry unchanged."""
    return not isinstance(shape, (StructureShape, ListShape, MapShape)) and shape.type_name not in leaves


def _walk_structure(shape: StructureShape, value: Any, leaves: Mapping[str, Leaf]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(value, Mapping):
        for name, member in shape.members.items():
            item = value.get(name)
            if item is not None:
                out[name] = _walk(member, item, leaves)
        return out
    for name, member in shape.members.items():
        item = getattr(value, attr_name(name), None)
        if item is not None:
            out[name] = _walk(member, item, leaves)
    return out


def decode_request(shape: Shape | None, body: bytes | str | None) -> dict[str, Any]:
    """Parse a request body into the Python form a handler receives (blobs as bytes, timestamps aware).

    Raises ValueError for a body that is not a JSON object; the pipeline answers SerializationException.
    """
    if not body:
        return {}
    data = json.loads(body)
    if not isinstance(data, dict):
        raise ValueError("the request body is not a JSON object")
    if shape is None or not _needs_decoding(shape):
        return data
    decoded: dict[str, Any] = _decode(shape, data)
    return decoded


_NEEDS_DECODING: dict[str, bool] = {}
"""Input shape name -> whether its requests can carry blobs or timestamps (asked once per shape)."""


def _needs_decoding(shape: Shape) -> bool:
    found = _NEEDS_DECODING.get(shape.name)
    if found is None:
        found = _NEEDS_DECODING[shape.name] = _has_special_leaves(shape, set())
    return found


def _has_special_leaves(shape: Shape, seen: set[str]) -> bool:
    if shape.name in seen:
        return False
    seen.add(shape.name)
    if shape.type_name in ("blob", "timestamp"):
        return True
    if isinstance(shape, StructureShape):
        return any(_has_special_leaves(m, seen) for m in shape.members.values())
    if isinstance(shape, ListShape):
        return _has_special_leaves(shape.member, seen)
    if isinstance(shape, MapShape):
        return _has_special_leaves(shape.value, seen)
    return False


def _decode(shape: Shape, value: Any) -> Any:
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        return {
            key: _decode(shape.members[key], item) if key in shape.members else item
            for key, item in value.items()
        }
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_decode(shape.member, item) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {key: _decode(shape.value, item) for key, item in value.items()}
    if shape.type_name == "blob" and isinstance(value, str):
        return base64.b64decode(value)
    if shape.type_name == "timestamp" and isinstance(value, (int, float, str)):
        return parse_timestamp(value).astimezone(timezone.utc)
    return value
