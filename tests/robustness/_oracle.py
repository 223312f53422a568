"""An independent reading of the botocore model: what the real service accepts, and what it may answer.

The fake has its own validator (``workspaces_fake._validate``); this module deliberately does not use it.
It reads the same model with the semantics of the service's front end: patterns are ECMA-262 regular
expressions matched against the whole value (Smithy's rule), so ``\\d`` and ``\\w`` are ASCII-only, and
numbers must fit their type (``integer`` is 32-bit, ``long`` 64-bit). The fuzzer compares the fake's
answers with this oracle, so a disagreement points at one of the two and never hides in both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from workspaces_fake._dispatch import without_observed
from workspaces_fake._service import service_model

# Errors any AWS JSON 1.1 service may answer, whatever the operation models (AWS "common errors").
SERVICE_WIDE_ERRORS = frozenset(
    {
        "AccessDeniedException",
        "IncompleteSignature",
        "InternalFailure",
        "InvalidClientTokenId",
        "RequestExpired",
        "SerializationException",
        "ServiceUnavailable",
        "ThrottlingException",
        "UnknownOperationException",
        "ValidationException",
    }
)

INT_RANGES: dict[str, tuple[int, int]] = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}

_CORAL = re.compile(r"^\d+ validation errors? detected: ")


_JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]"


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A model pattern with the service's semantics: ASCII character classes, matched in full, and a
    ``.`` that matches no line terminator (Java's and ECMA-262's rule; Python's ``.`` only skips ``\\n``)."""
    return re.compile(_java_dots(pattern), re.ASCII)


def _java_dots(pattern: str) -> str:
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "." and not in_class:
            out.append(_JAVA_DOT)
            continue
        out.append(char)
    return "".join(out)


UNMODELED_BUT_DECIDED = {"DeleteWorkspaceImage": frozenset({"ResourceNotFoundException"})}
"""Errors an operation answers although its model list omits them, each a decision of the behaviour spec:
DeleteWorkspaceImage on an unknown image (bundles-images spec 3.8, open question Q1; cloud-custodian catches
ResourceNotFoundException around this very call)."""


def allowed_errors(op: OperationModel) -> frozenset[str]:
    """The error codes ``op`` may answer with: its modeled errors plus the service-wide ones."""
    modeled = frozenset(shape.name for shape in op.error_shapes)
    return modeled | SERVICE_WIDE_ERRORS | UNMODELED_BUT_DECIDED.get(op.name, frozenset())


def is_validation_failure(code: str, message: str) -> bool:
    """True for the front end's constraint errors (Coral wording), as opposed to a handler's own errors."""
    return code == "SerializationException" or (code == "ValidationException" and bool(_CORAL.match(message)))


def violations(shape: Shape, value: Any, path: str = "", *, output: bool = False) -> list[str]:
    """Every way ``value`` breaks ``shape``'s constraints (empty when the service would accept it).

    With ``output=True`` the value is a parsed response: timestamps must be timezone-aware datetimes and
    blobs bytes, as botocore's parser produces them.
    """
    problem = _type_problem(shape, value, output)
    if problem:
        return [f"{path}: {problem}"]
    if isinstance(shape, StructureShape):
        return _structure_violations(shape, value, path, output)
    if isinstance(shape, ListShape):
        found = _length_violations(shape, len(value), path)
        for index, item in enumerate(value):
            found += violations(shape.member, item, f"{path}[{index}]", output=output)
        return found
    if isinstance(shape, MapShape):
        found = _length_violations(shape, len(value), path)
        for key, item in value.items():
            found += violations(shape.key, key, f"{path}.<key>", output=output)
            found += violations(shape.value, item, f"{path}.{key}", output=output)
        return found
    if shape.type_name == "string":
        return _string_violations(shape, value, path)
    if shape.type_name in INT_RANGES or shape.type_name in ("double", "float"):
        return _range_violations(shape, value, path)
    return []


_INPUT_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "double": (int, float),
    "float": (int, float),
    "structure": (Mapping,),
    "map": (Mapping,),
    "list": (list, tuple),
    "blob": (bytes, bytearray, str),
    "timestamp": (datetime, int, float, str),
}
_OUTPUT_TYPES = {**_INPUT_TYPES, "blob": (bytes,), "timestamp": (datetime,)}


def _type_problem(shape: Shape, value: Any, output: bool) -> str:
    kind = shape.type_name
    expected = (_OUTPUT_TYPES if output else _INPUT_TYPES).get(kind, (object,))
    if isinstance(value, bool) and kind != "boolean":
        return f"a boolean where a {kind} belongs"
    if not isinstance(value, expected):
        return f"a {type(value).__name__} where a {kind} belongs"
    if output and isinstance(value, datetime) and value.tzinfo is None:
        return "a naive datetime"
    bounds = INT_RANGES.get(kind)
    if bounds is not None and isinstance(value, int) and not bounds[0] <= value <= bounds[1]:
        return f"{value} does not fit a {kind}"
    return ""


def _structure_violations(
    shape: StructureShape, value: Mapping[str, Any], path: str, output: bool
) -> list[str]:
    found = [f"{path}.{name}: required" for name in shape.required_members if value.get(name) is None]
    if shape.is_tagged_union and sum(item is not None for item in value.values()) != 1:
        found.append(f"{path}: a tagged union sets exactly one member")
    for name, item in value.items():
        member = shape.members.get(name)
        if member is None:
            found.append(f"{path}.{name}: not a member")
        elif item is not None:
            found += violations(member, item, f"{path}.{name}", output=output)
    return found


def _length_violations(shape: Shape, length: int, path: str) -> list[str]:
    meta = shape.metadata
    found = []
    if "min" in meta and length < meta["min"]:
        found.append(f"{path}: length {length} < {meta['min']}")
    if "max" in meta and length > meta["max"]:
        found.append(f"{path}: length {length} > {meta['max']}")
    return found


def _string_violations(shape: Shape, value: str, path: str) -> list[str]:
    found = _length_violations(shape, len(value), path)
    pattern = shape.metadata.get("pattern")
    if pattern is not None and compiled(pattern).fullmatch(value) is None:
        found.append(f"{path}: does not match {pattern}")
    if shape.enum and value not in shape.enum:
        found.append(f"{path}: not in enum")
    return found


def _range_violations(shape: Shape, value: float, path: str) -> list[str]:
    meta = shape.metadata
    found = []
    if "min" in meta and value < meta["min"]:
        found.append(f"{path}: {value} < {meta['min']}")
    if "max" in meta and value > meta["max"]:
        found.append(f"{path}: {value} > {meta['max']}")
    return found


def output_problems(shape: Shape | None, parsed: Mapping[str, Any]) -> list[str]:
    """How a parsed success response breaks the output shape (types, required, enums, lengths, patterns).

    Stricter than botocore's own output check: enum values and patterns must hold too, because a client
    generated from the same model (a Go or Rust SDK, a typed wrapper) may rely on them.
    """
    if shape is None:
        return []
    body = {key: value for key, value in parsed.items() if key != "ResponseMetadata"}
    return violations(shape, without_observed(body), "", output=True)  # what AWS sends below a min


def operation(name: str) -> OperationModel:
    """The model of one operation."""
    return service_model().operation_model(name)
