"""Server-side validation of what botocore's client does not check: max, pattern, enum (and the rest again).

botocore validates required members, types and minimums before sending; the real service also rejects
values that are too long, too large, off-pattern or outside an enum, with one ValidationException whose
message lists every violation in Coral's wording. This module walks the operation's input shape once per
request, collects violations in member order, and raises them together.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from .errors import SerializationException, ValidationException

Violation = tuple[str, str, str]  # (path, rendered value, rule)

_NUMBERS = frozenset({"integer", "long", "double", "float"})

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "double": (int, float),
    "float": (int, float),
    "blob": (bytes, bytearray, str),
    "timestamp": (object,),
    "structure": (Mapping,),
    "map": (Mapping,),
    "list": (list, tuple),
}


def validate_input(op: OperationModel, params: Mapping[str, Any]) -> None:
    """Raise ValidationException listing every constraint ``params`` breaks; return quietly otherwise."""
    shape = op.input_shape
    if shape is None or (not params and not shape.required_members):
        return
    violations: list[Violation] = []
    _check_structure(shape, params, "", violations)
    if violations:
        raise ValidationException(format_violations(violations))


def format_violations(violations: list[Violation]) -> str:
    """Coral's wording: ``N validation error(s) detected: Value 'x' at 'path' failed to satisfy ...``."""
    count = len(violations)
    noun = "error" if count == 1 else "errors"
    parts = [
        f"Value {value} at '{path}' failed to satisfy constraint: Member must {rule}"
        for path, value, rule in violations
    ]
    return f"{count} validation {noun} detected: " + "; ".join(parts)


def _member_path(parent: str, name: str) -> str:
    camel = name[:1].lower() + name[1:]
    return f"{parent}.{camel}" if parent else camel


def _render(value: Any) -> str:
    if value is None:
        return "null"
    return f"'{_plain(value)}'"


def _plain(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# The service deserializes into Java ``int`` and ``long``: a number outside their range is unreadable.
_INT_RANGES: dict[str, tuple[int, int]] = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def _type_ok(shape: Shape, value: object) -> bool:
    if shape.type_name in _NUMBERS and isinstance(value, bool):
        return False
    bounds = _INT_RANGES.get(shape.type_name)
    if bounds is not None and isinstance(value, int) and not bounds[0] <= value <= bounds[1]:
        return False
    return isinstance(value, _TYPES.get(shape.type_name, (object,)))


def _check(shape: Shape, value: Any, path: str, out: list[Violation]) -> None:
    if not _type_ok(shape, value):
        raise SerializationException(f"Value at '{path}' is not a valid {shape.type_name}.")
    if isinstance(shape, StructureShape):
        _check_structure(shape, value, path, out)
    elif isinstance(shape, ListShape):
        _check_list(shape, value, path, out)
    elif isinstance(shape, MapShape):
        _check_map(shape, value, path, out)
    elif shape.type_name == "string":
        _check_string(shape, value, path, out)
    elif shape.type_name in _NUMBERS:
        _check_number(shape, value, path, out)


def _check_structure(
    shape: StructureShape, value: Mapping[str, Any], path: str, out: list[Violation]
) -> None:
    required = shape.required_members
    for name, member in shape.members.items():
        item = value.get(name)
        if item is None:
            if name in required:
                out.append((_member_path(path, name), "null", "not be null"))
            continue
        _check(member, item, _member_path(path, name), out)


def _check_list(shape: ListShape, value: list[Any], path: str, out: list[Violation]) -> None:
    _check_length(shape, value, path, out)
    for index, item in enumerate(value, start=1):
        _check(shape.member, item, f"{path}.{index}.member", out)


def _check_map(shape: MapShape, value: Mapping[str, Any], path: str, out: list[Violation]) -> None:
    _check_length(shape, value, path, out)
    for key, item in value.items():
        _check(shape.key, key, f"{path}.key", out)
        _check(shape.value, item, f"{path}.{key}", out)


def _check_length(shape: Shape, value: Any, path: str, out: list[Violation]) -> None:
    meta = shape.metadata
    if "min" in meta and len(value) < meta["min"]:
        out.append((path, _render(value), f"have length greater than or equal to {meta['min']}"))
    if "max" in meta and len(value) > meta["max"]:
        out.append((path, _render(value), f"have length less than or equal to {meta['max']}"))


def matches_pattern(shape: Shape, value: str) -> bool:
    """True when ``value`` satisfies the shape's pattern (or the shape has none), as the service checks it."""
    pattern = shape.metadata.get("pattern")
    return pattern is None or _compiled(pattern).fullmatch(value) is not None


def _check_string(shape: Shape, value: str, path: str, out: list[Violation]) -> None:
    _check_length(shape, value, path, out)
    pattern = shape.metadata.get("pattern")
    if not matches_pattern(shape, value):
        out.append((path, _render(value), f"satisfy regular expression pattern: {pattern}"))
    enum = shape.enum
    if enum and value not in enum:
        out.append((path, _render(value), f"satisfy enum value set: [{', '.join(enum)}]"))


def _check_number(shape: Shape, value: float, path: str, out: list[Violation]) -> None:
    meta = shape.metadata
    if "min" in meta and value < meta["min"]:
        out.append((path, _render(value), f"have value greater than or equal to {meta['min']}"))
    if "max" in meta and value > meta["max"]:
        out.append((path, _render(value), f"have value less than or equal to {meta['max']}"))


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compile a model pattern once, with the semantics of the Java service that enforces it.

    ``re.ASCII``: Java's ``\\d``, ``\\w`` and ``\\s`` match ASCII only, so an Arabic-Indic digit is not a
    ``\\d``. No ``re.DOTALL``: Java's ``.`` does not match a line break. Matching uses ``fullmatch``, as
    Java's ``String.matches`` does, so ``^\\d{12}|AMAZON$`` rejects ``123456789012abc``.
    """
    return re.compile(pattern, re.ASCII)
