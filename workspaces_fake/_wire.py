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
import datetime as datetime_module
import functools
import json
import keyword
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Optional

from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.utils import get_tzinfo_options, parse_timestamp
from dateutil.tz import tzlocal

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


_PARSED_TIMES: dict[tuple[Any, ...], tuple[datetime, datetime]] = {}
"""Timestamps already parsed: (id of the value, the class botocore builds, which freezegun swaps while
time is frozen, and the local zone's offsets) -> (the value, its parse). Keyed by identity because the
same objects come back again and again (the catalog's release date, the creation times of a listed page)
while hashing a fresh aware datetime costs a third of parsing it; the stored value guards against a
reused id. A plain dict emptied when full: an LRU's bookkeeping cost more than it saved."""

_PARSED_TIMES_MAX = 4096


def _parsed_timestamp(value: datetime) -> datetime:
    key = (id(value), datetime_module.datetime, time.timezone, time.altzone, time.daylight)
    known = _PARSED_TIMES.get(key)
    if known is not None and known[0] is value:
        return known[1]
    if len(_PARSED_TIMES) >= _PARSED_TIMES_MAX:
        _PARSED_TIMES.clear()
    parsed = _parsed(value, key[1], key[2:])
    _PARSED_TIMES[key] = (value, parsed)
    return parsed


def _parsed(value: datetime, datetime_class: type, zone: tuple[int, ...]) -> datetime:
    """What botocore's parser makes of the epoch number ``value`` travels as: a datetime in local time."""
    fixed = _fixed_local_zone(zone) if datetime_class is datetime else None
    if fixed is None:
        result: datetime = parse_timestamp(epoch(value))
        return result
    local, offset = fixed
    if type(value) is datetime and value.tzinfo is timezone.utc and 1970 <= value.year < 2100:
        # Epoch seconds below 2**32 survive the trip through a JSON float to the microsecond, so the
        # number parses back to ``value`` itself: shift it rather than rebuild it from the number.
        shifted = value + offset if offset else value
    else:
        try:
            shifted = datetime.fromtimestamp(epoch(value), timezone.utc) + offset
        except (OverflowError, OSError, ValueError):
            # At the edges of the representable range, botocore's answer (or error) is the one.
            result = parse_timestamp(epoch(value))
            return result
    # combine() rather than replace(tzinfo=...), which costs four times as much.
    return datetime.combine(shifted.date(), shifted.time(), local)


@functools.lru_cache(maxsize=8)
def _fixed_local_zone(zone: tuple[int, ...]) -> Optional[tuple[tzinfo, timedelta]]:
    """botocore's local zone and its offset, when that zone has no daylight saving time; else None.

    botocore builds ``datetime.fromtimestamp(seconds, tzlocal())``, whose Python ``fromutc`` costs ~8 us
    a value. Without daylight saving time that is the UTC time plus a fixed offset, labelled with a
    ``tzlocal``: the same value, fold and zone class for a fraction of the cost. Zones with daylight
    saving time take botocore's own path.
    """
    standard, daylight, observes_dst = zone
    if get_tzinfo_options()[0] is not tzlocal or (observes_dst and daylight != standard):
        return None
    return tzlocal(), timedelta(seconds=-standard)


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
    out: dict[str, Any] = _walker(shape, _PARSED)(result)
    return out


def to_wire(shape: Shape | None, result: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready dict the real service would send for this result."""
    if shape is None:
        return {}
    out: dict[str, Any] = _walker(shape, _WIRE)(result)
    return out


def dumps(body: Mapping[str, Any]) -> bytes:
    """Serialize a wire dict compactly, as the service does."""
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


# ------------------------------------------------------------------------------------------ compiled walks
# Walking an output shape node by node (isinstance checks, name mapping, a call per scalar) costs more than
# the rest of a call. Each shape is therefore compiled once per form into a closure that knows its members,
# their attributes and which of them need converting; scalars that pass through unchanged cost nothing.
# A nested member is compiled when it first has a value: most never do (an empty list, an unused setting),
# and compiling the whole tree of an output shape up front was most of the cost of a first call.
Walker = Callable[[Any], Any]
Members = list[tuple[str, str, Optional[Walker]]]

_PARSED, _WIRE = "parsed", "wire"
_LEAVES: dict[str, dict[str, Leaf]] = {_PARSED: _PARSED_LEAVES, _WIRE: _WIRE_LEAVES}
_WALKERS: dict[tuple[str, str], Walker] = {}
"""(shape name, form) -> the compiled walk of a structure, list or map shape."""
_COMPILING = threading.RLock()


def _walker(shape: Shape, form: str) -> Walker:
    """The compiled walk of a structure, list or map shape: compiled on first use, then shared."""
    key = (shape.name, form)
    walker = _WALKERS.get(key)
    if walker is None:
        with _COMPILING:
            walker = _WALKERS.get(key)
            if walker is None:
                walker = _WALKERS[key] = _compile(shape, form)  # published whole
    return walker


def _compile(shape: Shape, form: str) -> Walker:
    if isinstance(shape, StructureShape):
        return _structure_walk(shape, form)
    if isinstance(shape, ListShape):
        return _list_walk(_element(shape.member, form))
    if isinstance(shape, MapShape):
        return _map_walk(_element(shape.value, form))
    return _LEAVES[form].get(shape.type_name) or _unchanged


def _unchanged(value: Any) -> Any:
    return value


def _is_nested(shape: Shape) -> bool:
    return isinstance(shape, (StructureShape, ListShape, MapShape))


def _element(shape: Shape, form: str) -> Optional[Walker]:
    """The walk of a list's items or a map's values (compiled now: the container has some); None: as is."""
    return _walker(shape, form) if _is_nested(shape) else _LEAVES[form].get(shape.type_name)


def _later(shape: Shape, form: str, members: Members, index: int) -> Walker:
    """A nested member's walk, compiled when the member first has a value, then put in its place."""

    empty: Optional[type] = (
        list if isinstance(shape, ListShape) else dict if isinstance(shape, MapShape) else None
    )

    def first_use(value: Any) -> Any:
        if empty is not None and not value:
            return empty()  # nothing to compile for yet
        walker = _walker(shape, form)
        name, attribute, _ = members[index]
        members[index] = (name, attribute, walker)
        return walker(value)

    return first_use


_MAPPING_TYPES: dict[type, bool] = {}
"""Which value types are mappings: asked once per type (an ABC check per value costs more than a walk)."""


def _is_mapping(value: Any) -> bool:
    kind = type(value)
    found = _MAPPING_TYPES.get(kind)
    if found is None:
        found = _MAPPING_TYPES[kind] = isinstance(value, Mapping)
    return found


def _structure_walk(shape: StructureShape, form: str) -> Walker:
    """A structure from a result dict (keyed by API names) or a model object (read by attribute)."""
    members: Members = []
    for index, (name, member) in enumerate(shape.members.items()):
        sub = (
            _later(member, form, members, index)
            if _is_nested(member)
            else _LEAVES[form].get(member.type_name)
        )
        members.append((name, attr_name(name), sub))

    generated: dict[str, Walker] = {}  # by how values are read: _MAPPING, _OBJECT or _PARTIAL
    by_type: dict[type, Walker] = {}  # the generated walk each value type settled on
    uses = [0]
    partial: set[type] = set()  # model classes without an attribute for every member

    def walk(value: Any) -> Any:
        code = by_type.get(type(value))
        return code(value) if code is not None else learn(value)

    def learn(value: Any) -> Any:
        """The first uses by a loop; then the generated walk for the value's type, remembered by type."""
        kind = _MAPPING if _is_mapping(value) else _PARTIAL if type(value) in partial else _OBJECT
        code = generated.get(kind)
        if code is None:
            uses[0] += 1
            if uses[0] <= _LOOP_USES:
                return _read_each(members, value, kind == _MAPPING)
            code = generated[kind] = _generated(members, kind, missing)
        by_type[type(value)] = code
        return code(value)

    def missing(value: Any) -> Any:
        """An object lacked a member: its class is read with defaults from now on."""
        partial.add(type(value))
        by_type.pop(type(value), None)
        return learn(value)

    return walk


_LOOP_USES = 8
"""A structure is walked by a loop for its first uses, and by generated code after: generating costs
~40-250 us, so a shape a test reads once (a first call from a cold interpreter) never pays for it."""


_MAPPING, _OBJECT, _PARTIAL = "mapping", "object", "partial"
"""How a structure's values are read: ``value.get(name)``, ``value.attribute``, or ``getattr`` with a
default for classes that leave some members out."""


def _generated(members: Members, kind: str, missing: Walker) -> Walker:
    """The walk of one structure as straight-line code, one member after the other, with no loop.

    Built with ``exec`` as dataclasses builds ``__init__``: reading ~20 members of a WorkSpace this way
    costs a quarter of a loop over them. Names come from the service model and are quoted or checked
    before they become code. A member's converter is read from ``members`` at each call, because a
    nested member's converter replaces itself once compiled. Direct attribute reads are guarded: an
    object without one of the members goes to ``missing``, which reads its class with defaults.
    """
    direct = kind == _OBJECT
    lines = ["def walk(value):", "  try:" if direct else "  if True:", "    out = {}"]
    for index, (name, attribute, sub) in enumerate(members):
        if kind == _MAPPING:
            read = f"value.get({name!r})"
        elif kind == _OBJECT and attribute.isidentifier() and not keyword.iskeyword(attribute):
            read = f"value.{attribute}"
        else:
            read = f"getattr(value, {attribute!r}, None)"
        store = "v" if sub is None else f"members[{index}][2](v)"
        lines += [f"    v = {read}", "    if v is not None:", f"        out[{name!r}] = {store}"]
    lines.append("    return out")
    if direct:
        lines += ["  except AttributeError:", "    return missing(value)"]
    namespace: dict[str, Any] = {"members": members, "missing": missing}
    exec("\n".join(lines), namespace)  # the code above is built from quoted model names
    walk: Walker = namespace["walk"]
    return walk


def _read_each(members: Members, value: Any, mapping: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, attribute, sub in members:
        item = value.get(name) if mapping else getattr(value, attribute, None)
        if item is not None:
            out[name] = item if sub is None else sub(item)
    return out


def _list_walk(sub: Optional[Walker]) -> Walker:
    if sub is None:
        return list  # strings and enums (e.g. SupportedComputeTypeNames) are copied, not walked
    return lambda value: [sub(item) for item in value]


def _map_walk(sub: Optional[Walker]) -> Walker:
    if sub is None:
        return dict
    return lambda value: {key: sub(item) for key, item in value.items()}


def decode_request(shape: Shape | None, body: bytes | str | None) -> dict[str, Any]:
    """Parse a request body into the Python form a handler receives (blobs as bytes, timestamps aware).

    Raises ValueError for a body that is not a JSON object; the pipeline answers SerializationException.
    """
    if not body:
        return {}
    data = _load_json(body.decode("utf-8") if isinstance(body, bytes) else body)  # botocore sends UTF-8
    if not isinstance(data, dict):
        raise ValueError("the request body is not a JSON object")
    if not data or shape is None or not _needs_decoding(shape):
        return data
    decoded: dict[str, Any] = _decode(shape, data)
    return decoded


_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _load_json(text: str) -> Any:
    """``json.loads`` for the compact bodies botocore sends, through the decoder's C scanner directly.

    ``json.loads`` adds three Python frames and two whitespace matches around that scanner, three times
    the scanner's own cost for a small body. Anything but one value filling the whole text (surrounding
    whitespace, trailing data, nothing at all) goes to ``json.loads``, which accepts or rejects it.
    """
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        end = -1
    return value if end == len(text) else json.loads(text)


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
