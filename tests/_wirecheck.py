"""Helpers for comparing the two doors: botocore's parse of wire bytes, and a strict structural equality."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def parse_wire(model: Any, status: int, headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """What botocore's endpoint returns for these bytes: the parser, plus modeled error fields on errors."""
    from botocore.parsers import ResponseParserFactory

    parser = ResponseParserFactory().create_parser(model.service_model.resolved_protocol)
    response = {"status_code": status, "headers": headers, "body": body}
    parsed: dict[str, Any] = parser.parse(response, model.output_shape)
    if status >= 300:
        code = parsed.get("Error", {}).get("Code")
        error_shape = model.service_model.shape_for_error_code(code)
        if error_shape is not None:
            parsed.update(parser.parse(response, error_shape))
    return parsed


def assert_same(fast: Any, wire: Any, path: str = "$") -> None:
    """Strict structural equality: same types (datetimes with the same tzinfo class), keys and values."""
    assert type(fast) is type(wire), f"{path}: {type(fast).__name__} != {type(wire).__name__}"
    if isinstance(fast, dict):
        assert set(fast) == set(wire), f"{path}: keys {sorted(fast)} != {sorted(wire)}"
        for key in fast:
            assert_same(fast[key], wire[key], f"{path}.{key}")
    elif isinstance(fast, list):
        assert len(fast) == len(wire), f"{path}: {len(fast)} items != {len(wire)}"
        for index, (a, b) in enumerate(zip(fast, wire)):
            assert_same(a, b, f"{path}[{index}]")
    elif isinstance(fast, datetime):
        assert type(fast.tzinfo) is type(wire.tzinfo), f"{path}: tzinfo {fast.tzinfo!r} != {wire.tzinfo!r}"
        assert fast == wire, f"{path}: {fast!r} != {wire!r}"
    else:
        assert fast == wire, f"{path}: {fast!r} != {wire!r}"


def without_metadata(parsed: dict[str, Any]) -> dict[str, Any]:
    """A parsed response minus ResponseMetadata (request ids legitimately differ between two calls)."""
    return {key: value for key, value in parsed.items() if key != "ResponseMetadata"}
