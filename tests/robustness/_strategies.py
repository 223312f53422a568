"""Hypothesis strategies generated from botocore input shapes: well-formed requests and broken ones.

Nothing here is written per operation. A :class:`Requests` walks an operation's input shape and builds
values that respect every constraint (often reusing ids the world already holds, so requests reach the
handlers' deeper branches), or that break one: a pattern, a length, a range, an enum, a required member,
a type; with unicode look-alikes, huge strings and empty lists along the way. Whether a request is in fact
acceptable is decided afterwards by :mod:`._oracle`, never by the strategy that produced it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape
from hypothesis import strategies as st

from ._oracle import _JAVA_DOT, INT_RANGES, compiled, violations

Strategy = st.SearchStrategy[Any]

MAX_DEPTH = 6
SHORT_LIST = 3
HUGE = 200_000

# Characters that look harmless but are not ASCII, or that trip Python-specific regex semantics.
LOOKALIKES = (
    "\u0663",
    "\uff57",
    "\u0455",
    "\u200b",
    "\n",
    "\r",
    "\u2028",
    "\x00",
    "\u0130",
    "e\u0301",
    "\U0001f600",
)


def _text(min_size: int = 0, max_size: int = 40) -> Strategy:
    """Any unicode text, lone surrogates included now and then (JSON can carry them)."""
    plain = st.text(min_size=min_size, max_size=max_size)
    surrogates = st.text(st.characters(categories=["Cs"]), min_size=max(min_size, 1), max_size=3)
    return st.one_of(plain, surrogates.filter(lambda s: len(s) <= max_size))


def _repeat(low: int, high: int) -> Strategy:
    """A long string without spending Hypothesis' buffer on it: one character repeated."""
    return st.builds(
        lambda char, n: char * n, st.sampled_from(["a", "0", "\u00e9", "-"]), st.integers(low, high)
    )


@functools.lru_cache(maxsize=64)
def requests_for(known_ids: tuple[str, ...]) -> Requests:
    """One :class:`Requests` per world: arranged worlds are deterministic, so strategies are built once."""
    return Requests(known_ids)


def _mostly(usual: Strategy, rare: Strategy, odds: int = 8) -> Strategy:
    """``usual`` except once in ``odds`` draws. (``one_of`` drops repeated branches, so it cannot weigh.)
    Ids are drawn this way: most exist, so requests get past the not-found checks into the handlers."""
    return st.integers(0, odds - 1).flatmap(lambda roll: rare if roll == odds - 1 else usual)


class Requests:
    """Strategies for the requests of any operation, given the ids that exist in the world."""

    def __init__(self, known_ids: Sequence[str]) -> None:
        self._known = tuple(known_ids)
        self._valid: dict[str, Strategy] = {}
        self._broken: dict[str, Strategy] = {}

    # ------------------------------------------------------------------------------------------ requests
    def for_operation(self, op: OperationModel) -> Strategy:
        """Requests for ``op``: about half well-formed, the others broken in one or two places."""
        shape = op.input_shape
        if shape is None:
            return st.just({})
        broken = self.broken(shape)
        twice = broken.flatmap(lambda request: self._break_again(shape, request))
        return st.one_of(self.valid(shape), st.one_of(broken, twice))

    def _break_again(self, shape: StructureShape, request: dict[str, Any]) -> Strategy:
        if not shape.members:  # DescribeAccount: an input with no members has nothing more to break
            return st.just(request)
        return self._mutated(shape, st.just(dict(request)), 0)

    # ----------------------------------------------------------------------------------- well-formed
    def valid(self, shape: Shape, depth: int = 0) -> Strategy:
        """Values the model accepts."""
        key = f"{shape.name}@{min(depth, MAX_DEPTH)}"
        found = self._valid.get(key)
        if found is None:
            found = self._valid[key] = self._build_valid(shape, depth)
        return found

    def _build_valid(self, shape: Shape, depth: int) -> Strategy:
        if isinstance(shape, StructureShape):
            return self._valid_structure(shape, depth)
        if isinstance(shape, ListShape):
            low = shape.metadata.get("min", 0)
            longest = low + (SHORT_LIST if depth < 2 else 1)
            high = min(shape.metadata.get("max", longest), longest)
            return st.lists(self.valid(shape.member, depth + 1), min_size=low, max_size=high)
        if isinstance(shape, MapShape):
            low = shape.metadata.get("min", 0)
            pairs = (self.valid(shape.key, depth + 1), self.valid(shape.value, depth + 1))
            return st.dictionaries(*pairs, min_size=low, max_size=low + SHORT_LIST)
        return self._valid_scalar(shape)

    def _valid_structure(self, shape: StructureShape, depth: int) -> Strategy:
        required = {name: self.valid(shape.members[name], depth + 1) for name in shape.required_members}
        if depth >= MAX_DEPTH:
            return st.fixed_dictionaries(required)
        optional = {
            name: self.valid(member, depth + 1)
            for name, member in shape.members.items()
            if name not in required
        }
        return st.fixed_dictionaries(required, optional=optional)

    def _valid_scalar(self, shape: Shape) -> Strategy:
        kind = shape.type_name
        if kind == "string":
            return self._valid_string(shape)
        if kind in INT_RANGES:
            low, high = INT_RANGES[kind]
            meta = shape.metadata
            return st.integers(meta.get("min", low), meta.get("max", high))
        if kind == "boolean":
            return st.booleans()
        if kind in ("double", "float"):
            meta = shape.metadata
            return st.floats(meta.get("min"), meta.get("max"), allow_nan=False, allow_infinity=False)
        if kind == "timestamp":
            return st.datetimes(timezones=st.just(timezone.utc), min_value=datetime(2000, 1, 1))
        if kind == "blob":
            return st.binary(max_size=64)
        raise NotImplementedError(f"no strategy for shape type {kind}")

    def _valid_string(self, shape: Shape) -> Strategy:
        if shape.enum:
            return st.sampled_from(list(shape.enum))
        meta = shape.metadata
        low, high = meta.get("min", 0), meta.get("max", HUGE)
        known = [k for k in self._known if not violations(shape, k)]
        pattern = meta.get("pattern")
        if pattern is not None:
            fresh = st.from_regex(_generating(pattern), fullmatch=True).filter(
                lambda s: low <= len(s) <= high
            )
        else:
            fresh = _text(low, min(high, 40)).filter(lambda s: len(s) >= low)
            if high >= 1000:
                fresh = st.one_of(fresh, _repeat(max(low, 1000), min(high, HUGE)))
        if not known:
            return fresh
        return _mostly(st.sampled_from(known), fresh)

    # ---------------------------------------------------------------------------------------- broken
    def broken(self, shape: Shape, depth: int = 0) -> Strategy:
        """Values that break ``shape`` somewhere (the oracle confirms what exactly)."""
        key = f"{shape.name}@{min(depth, MAX_DEPTH)}"
        found = self._broken.get(key)
        if found is None:
            found = self._broken[key] = self._build_broken(shape, depth)
        return found

    def _build_broken(self, shape: Shape, depth: int) -> Strategy:
        if isinstance(shape, StructureShape):
            if not shape.members or depth >= MAX_DEPTH:
                return self._wrong_type(shape)
            return self._mutated(shape, self.valid(shape, depth), depth)
        if isinstance(shape, ListShape):
            return self._broken_list(shape, depth)
        if isinstance(shape, MapShape):
            return self._wrong_type(shape)
        if shape.type_name == "string":
            return st.one_of(self._broken_string(shape), self._wrong_type(shape))
        if shape.type_name in INT_RANGES:
            return st.one_of(self._broken_integer(shape), self._wrong_type(shape))
        return self._wrong_type(shape)

    def _mutated(self, shape: StructureShape, base: Strategy, depth: int) -> Strategy:
        names = sorted(shape.members)

        @st.composite
        def mutate(draw: st.DrawFn) -> dict[str, Any]:
            request = dict(draw(base))
            name = draw(st.sampled_from(names))
            if name in shape.required_members and draw(st.booleans()):
                request.pop(name, None)
            else:
                request[name] = draw(self.broken(shape.members[name], depth + 1))
            return request

        return mutate()

    def _broken_list(self, shape: ListShape, depth: int) -> Strategy:
        member = self.valid(shape.member, depth + 1)
        meta = shape.metadata
        options = [
            st.lists(self.broken(shape.member, depth + 1), min_size=1, max_size=3),
            st.just([]),
        ]
        if "max" in meta:
            over = meta["max"] + 1  # one element repeated: long lists cost no generation effort
            options.append(member.map(lambda item: [item] * over))
        return st.one_of(options)

    def _broken_string(self, shape: Shape) -> Strategy:
        meta = shape.metadata
        options: list[Strategy] = [_text(0, 40), st.just("")]
        if "max" in meta:
            options.append(_repeat(meta["max"] + 1, meta["max"] + 50))
            options.append(_repeat(meta["max"] + 1, meta["max"] + HUGE))
        if "pattern" in meta or shape.enum:
            options.append(self._lookalike(shape))
        return st.one_of(options)

    def _lookalike(self, shape: Shape) -> Strategy:
        """A well-formed value with one character replaced or inserted: the classic parser traps."""

        @st.composite
        def nearly(draw: st.DrawFn) -> str:
            value: str = draw(self._valid_string(shape))
            where = draw(st.integers(0, len(value)))
            glyph = draw(st.sampled_from(LOOKALIKES))
            if draw(st.booleans()) and value:
                return value[:where] + glyph + value[where + 1 :]
            return value[:where] + glyph + value[where:]

        return st.one_of(nearly(), self._valid_string(shape).map(str.swapcase))

    def _broken_integer(self, shape: Shape) -> Strategy:
        meta = shape.metadata
        low, high = INT_RANGES[shape.type_name]
        options = [st.integers(high + 1, high * 4), st.integers(low * 4, low - 1)]
        if "max" in meta:
            options.append(st.integers(meta["max"] + 1, meta["max"] + 1000))
        if "min" in meta:
            options.append(st.integers(meta["min"] - 1000, meta["min"] - 1))
        return st.one_of(options)

    def _wrong_type(self, shape: Shape) -> Strategy:
        """A scalar of another type. botocore's serializer writes scalars as given, so without client-side
        validation they reach the service; structures, lists and maps would crash botocore itself."""
        scalars = {"string": st.integers(), "integer": st.text(max_size=5), "long": st.booleans()}
        scalars["boolean"] = st.sampled_from(["true", 1, 0])
        wrong = scalars.get(shape.type_name)
        if wrong is None:
            return self.valid(shape)
        return wrong


@functools.cache
def _generating(pattern: str) -> re.Pattern[str]:
    """``compiled(pattern)`` for hypothesis to draw from: its Java dot names non-ASCII line terminators,
    which hypothesis refuses in an ASCII pattern (IncompatibleWithAlphabet); it draws only ASCII there,
    so a dot that excludes just CR and LF generates the same values."""
    return re.compile(compiled(pattern).pattern.replace(_JAVA_DOT, "[^\\n\\r]"), re.ASCII)
