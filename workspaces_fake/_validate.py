"""Server-side validation of what botocore's client does not check: max, pattern, enum (and the rest again).

botocore validates required members, types and minimums before sending; the real service also rejects
values that are too long, too large, off-pattern or outside an enum, with one ValidationException whose
message lists every violation in Coral's wording. This module checks each request against the operation's
input shape, collects violations in member order, and raises them together.

Each shape is compiled once into a check that knows its constraints (bounds, compiled pattern, enum set,
members with their paths); a member's check is compiled when the member first appears in a request.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Mapping
from typing import Any, Optional

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

from .errors import SerializationException, ValidationException, WorkspacesError

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


cross_check = False
"""When True (the test suite sets it), every request also takes the collecting path, and a request the
quick predicate passed must produce no violation: the two compilations of a shape cannot drift apart."""


def validate_input(
    op: OperationModel,
    params: Mapping[str, Any],
    precheck: Optional[Callable[[Mapping[str, Any]], None]] = None,
) -> None:
    """Raise ValidationException listing every constraint ``params`` breaks; return quietly otherwise.

    Nearly every request is valid, so a quick predicate answers first; only a request it rejects is
    walked again by the checks that build Coral's paths and wording. ``precheck`` (an operation's own
    wording for some malformed values, see ``_registry.operation``) runs before that walk, and so only
    for requests the predicate rejects: it words a rejection, it never rejects a valid request.
    """
    shape = op.input_shape
    if shape is None or (not params and not shape.required_members):
        return
    fits = _fits_for(shape)(params)
    if fits and not cross_check:
        return
    violations: list[Violation] = []
    try:
        if precheck is not None:
            precheck(params)
        _check_for(shape)(params, "", violations)
    except WorkspacesError:
        assert not fits, f"{op.name}: the quick predicate passed a request that was then rejected"
        raise
    if violations:
        assert not fits, f"{op.name}: the quick predicate passed {violations}"
        raise ValidationException(format_violations(violations))


def value_violations(shape: Shape, value: Any, path: str) -> list[Violation]:
    """Every constraint ``value`` breaks as a value of ``shape``; a value of the wrong type is one too.

    For checks outside a request (the arrange helpers): the same compiled predicate and checks a request's
    members go through, so a test cannot arrange a value the API would refuse.
    """
    if _fits_for(shape)(value):
        return []
    out: list[Violation] = []
    try:
        _check_for(shape)(value, path, out)
    except SerializationException:
        out.append((path, _render(value), f"be a {shape.type_name}"))
    return out


def format_violations(violations: list[Violation]) -> str:
    """Coral's wording: ``N validation error(s) detected: Value 'x' at 'path' failed to satisfy ...``."""
    count = len(violations)
    noun = "error" if count == 1 else "errors"
    parts = [
        f"Value {value} at '{path}' failed to satisfy constraint: Member must {rule}"
        for path, value, rule in violations
    ]
    return f"{count} validation {noun} detected: " + "; ".join(parts)


def _camel(name: str) -> str:
    """A member's name as Coral writes it in a path: ``WorkspaceIds`` -> ``workspaceIds``."""
    return name[:1].lower() + name[1:]


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


Check = Callable[[Any, str, list[Violation]], None]
"""A compiled check: ``check(value, path, out)`` appends violations to ``out``, or raises for a wrong type."""

_CHECKS: dict[str, Check] = {}
_COMPILING = threading.RLock()


def _check_for(shape: Shape) -> Check:
    """The compiled check of ``shape`` (shape names are unique in a service model)."""
    found = _CHECKS.get(shape.name)
    if found is None:
        with _COMPILING:
            found = _CHECKS.get(shape.name)
            if found is None:
                found = _CHECKS[shape.name] = _compile(shape)  # published whole
    return found


def _compile(shape: Shape) -> Check:
    body = _body(shape)
    type_name = shape.type_name
    types = _TYPES.get(type_name, (object,))
    special = type_name in _NUMBERS  # booleans and out-of-range integers need more than isinstance

    def check(value: Any, path: str, out: list[Violation]) -> None:
        if not (_type_ok(shape, value) if special else isinstance(value, types)):
            raise SerializationException(f"Value at '{path}' is not a valid {type_name}.")
        if body is not None:
            body(value, path, out)

    return check


def _body(shape: Shape) -> Optional[Check]:
    """The check of a value's content, once its type is right (None: nothing more to check)."""
    if isinstance(shape, StructureShape):
        return _structure_body(shape)
    if isinstance(shape, ListShape):
        return _list_body(shape)
    if isinstance(shape, MapShape):
        return _map_body(shape)
    if shape.type_name == "string":
        return _string_body(shape)
    if shape.type_name in _NUMBERS:
        return _number_body(shape)
    return None


def _structure_body(shape: StructureShape) -> Check:
    required = frozenset(shape.required_members)
    members = [(name, _camel(name), member) for name, member in shape.members.items()]
    union = shape.is_tagged_union

    def body(value: Mapping[str, Any], path: str, out: list[Violation]) -> None:
        if union and _members_set(value) != 1:
            chosen = ", ".join(name for name, item in value.items() if item is not None)
            out.append((path, f"'{{{chosen}}}'", UNION_RULE))
        for name, camel, member in members:
            item = value.get(name)
            if item is None:
                if name in required:
                    out.append((f"{path}.{camel}" if path else camel, "null", "not be null"))
                continue
            _check_for(member)(item, f"{path}.{camel}" if path else camel, out)

    return body


UNION_RULE = "have exactly one member set"
"""A tagged union (``ImageSource``, say) with no member or several: botocore refuses it before sending;
a client with validation off reaches the service, which refuses it too [A: the wording]."""


def _members_set(value: Mapping[str, Any]) -> int:
    return sum(item is not None for item in value.values())


def _list_body(shape: ListShape) -> Check:
    length = _length_body(shape)
    member = shape.member

    def body(value: list[Any], path: str, out: list[Violation]) -> None:
        if length is not None:
            length(value, path, out)
        check = _check_for(member)
        for index, item in enumerate(value, start=1):
            check(item, f"{path}.{index}.member", out)

    return body


def _map_body(shape: MapShape) -> Check:
    length = _length_body(shape)
    key_shape, value_shape = shape.key, shape.value

    def body(value: Mapping[str, Any], path: str, out: list[Violation]) -> None:
        if length is not None:
            length(value, path, out)
        check_key, check_value = _check_for(key_shape), _check_for(value_shape)
        for key, item in value.items():
            check_key(key, f"{path}.key", out)
            check_value(item, f"{path}.{key}", out)

    return body


def _length_body(shape: Shape) -> Optional[Check]:
    meta = shape.metadata
    low, high = meta.get("min"), meta.get("max")
    if low is None and high is None:
        return None

    def body(value: Any, path: str, out: list[Violation]) -> None:
        if low is not None and len(value) < low:
            out.append((path, _render(value), f"have length greater than or equal to {low}"))
        if high is not None and len(value) > high:
            out.append((path, _render(value), f"have length less than or equal to {high}"))

    return body


def _string_body(shape: Shape) -> Optional[Check]:
    length = _length_body(shape)
    pattern = shape.metadata.get("pattern")
    regex = _compiled(pattern) if pattern is not None else None
    enum = shape.enum
    allowed = frozenset(enum) if enum else None
    if length is None and regex is None and allowed is None:
        return None

    def body(value: str, path: str, out: list[Violation]) -> None:
        if length is not None:
            length(value, path, out)
        if regex is not None and regex.fullmatch(value) is None:
            out.append((path, _render(value), f"satisfy regular expression pattern: {pattern}"))
        if allowed is not None and value not in allowed:
            out.append((path, _render(value), f"satisfy enum value set: [{', '.join(enum)}]"))

    return body


def _number_body(shape: Shape) -> Optional[Check]:
    meta = shape.metadata
    low, high = meta.get("min"), meta.get("max")
    if low is None and high is None:
        return None

    def body(value: float, path: str, out: list[Violation]) -> None:
        if low is not None and value < low:
            out.append((path, _render(value), f"have value greater than or equal to {low}"))
        if high is not None and value > high:
            out.append((path, _render(value), f"have value less than or equal to {high}"))

    return body


# ------------------------------------------------------------------------------------ quick predicates
# The same rules as the checks above, compiled into predicates that only say whether a value passes: no
# paths are formatted and nothing is collected, which costs a third of the collecting walk.
Predicate = Callable[[Any], bool]

_PREDICATES: dict[str, Predicate] = {}
"""Published predicates, read without the lock: each one in here finds every predicate it reads at use
time in here too."""

_UNPUBLISHED: dict[str, Predicate] = {}
"""What the thread holding ``_COMPILING`` has compiled, or started to, for the shape it was asked for.
Published together when that shape is done: a nested predicate published alone could be used by another
thread before the predicates it reads exist, and a placeholder published alone would call itself."""


def _fits_for(shape: Shape) -> Predicate:
    """The compiled predicate of ``shape``."""
    found = _PREDICATES.get(shape.name)
    if found is None:
        with _COMPILING:
            found = _PREDICATES.get(shape.name) or _UNPUBLISHED.get(shape.name)
            if found is None:
                found = _compile_and_publish(shape)
    return found


def _compile_and_publish(shape: Shape) -> Predicate:
    """Compile ``shape`` (holding ``_COMPILING``); the outermost compilation publishes what it made."""
    outermost = not _UNPUBLISHED
    name = shape.name
    # A shape that contains itself meets itself while compiling. Nothing is called while compiling, and
    # compiled code reads nested predicates from the registry at each use, so a stand-in will do.
    _UNPUBLISHED[name] = lambda value: _PREDICATES[name](value)
    try:
        found = _UNPUBLISHED[name] = _compile_predicate(shape)
        if outermost:
            _PREDICATES.update(_UNPUBLISHED)
    finally:
        if outermost:
            _UNPUBLISHED.clear()
    return found


def _compile_predicate(shape: Shape) -> Predicate:
    if isinstance(shape, StructureShape):
        return _structure_fits(shape)
    if isinstance(shape, ListShape):
        return _list_fits(shape)
    if isinstance(shape, MapShape):
        return _map_fits(shape)
    return _leaf_fits(shape)


def _leaf_fits(shape: Shape) -> Predicate:
    """A scalar's predicate (list items, map keys and values): the test a structure inlines, as a function."""
    namespace: dict[str, Any] = {}
    exec(f"def fits(v):\n    return {_inline_test(shape, 'm', namespace)}", namespace)  # see _inline_test
    fits: Predicate = namespace["fits"]
    return fits


def _bounds(shape: Shape) -> tuple[float, float]:
    meta = shape.metadata
    low, high = meta.get("min"), meta.get("max")
    return (float("-inf") if low is None else low), (float("inf") if high is None else high)


def _structure_fits(shape: StructureShape) -> Predicate:
    """A structure's predicate: a loop over the members present for its first uses, then generated code.

    Generating costs ~0.1-1 ms (the patterns of every member are compiled with it), which a test that
    sends the request once, or a first call from a cold interpreter, should not pay; the loop compiles
    only what each request holds. Once generated, the code replaces this predicate in the registry.
    """
    name, members = shape.name, shape.members
    required = tuple(shape.required_members)
    uses = [0]

    def fits(value: Any) -> bool:
        uses[0] += 1
        if uses[0] > _LOOP_USES:
            generated = _PREDICATES[name] = _generated_structure_fits(shape)
            return generated(value)
        if type(value) is not dict and not isinstance(value, Mapping):
            return False
        if any(value.get(member) is None for member in required):
            return False
        if shape.is_tagged_union and _members_set(value) != 1:
            return False
        return all(
            _fits_for(members[member])(item)
            for member, item in value.items()
            if item is not None and member in members
        )

    return fits


_LOOP_USES = 8
"""How many requests a structure's predicate checks by looping before its code is generated."""


def _generated_structure_fits(shape: StructureShape) -> Predicate:
    """A structure's predicate as one generated function, its leaf members tested inline.

    Built with ``exec`` like the codec's walks: a request's validation otherwise touched a closure and
    its cells per member, and between two calls botocore's own work pushes those out of the CPU caches,
    so the closures cost four times what they cost in a tight loop. Member names come from the model and
    are quoted; everything else in the code is numbers and generated identifiers.
    """
    namespace: dict[str, Any] = {"Mapping": Mapping, "members_set": _members_set}
    required = set(shape.required_members)
    lines = [
        "def fits(value):",
        "    if type(value) is not dict and not isinstance(value, Mapping):",
        "        return False",
        "    get = value.get",
    ]
    if shape.is_tagged_union:
        lines += ["    if members_set(value) != 1:", "        return False"]
    for index, (name, member) in enumerate(shape.members.items()):
        test = _inline_test(member, f"m{index}", namespace)
        lines.append(f"    v = get({name!r})")
        if name in required:
            lines += [f"    if v is None or not ({test}):", "        return False"]
        elif test != "True":
            lines += [f"    if v is not None and not ({test}):", "        return False"]
    lines.append("    return True")
    exec("\n".join(lines), namespace)  # built from quoted model names and generated identifiers
    fits: Predicate = namespace["fits"]
    return fits


def _inline_test(shape: Shape, key: str, namespace: dict[str, Any]) -> str:
    """An expression in ``v`` that is true when ``v`` passes ``shape``'s checks (``key`` names helpers)."""
    type_name = shape.type_name
    low, high = _bounds(shape)
    if type_name == "string":
        parts = ["isinstance(v, str)", *_range_tests("len(v)", low, high)]
        pattern = shape.metadata.get("pattern")
        if pattern is not None:
            namespace[key] = _compiled(pattern).fullmatch
            parts.append(f"{key}(v) is not None")
        if shape.enum:
            namespace[key + "e"] = frozenset(shape.enum)
            parts.append(f"v in {key}e")
        return " and ".join(parts)
    if type_name in _INT_RANGES:
        java_low, java_high = _INT_RANGES[type_name]
        bounds = _range_tests("v", max(low, java_low), min(high, java_high))
        return " and ".join(["isinstance(v, int)", "not isinstance(v, bool)", *bounds])
    if type_name in _NUMBERS:
        return " and ".join(
            ["isinstance(v, (int, float))", "not isinstance(v, bool)", *_range_tests("v", low, high)]
        )
    if not isinstance(shape, (StructureShape, ListShape, MapShape)):
        types = _TYPES.get(type_name, (object,))  # boolean, blob, timestamp: the type is the whole rule
        return "True" if types == (object,) else f"isinstance(v, ({', '.join(t.__name__ for t in types)},))"
    _fits_for(shape)  # structures, lists and maps have their own predicates, read from the registry at
    namespace["P"] = _PREDICATES  # each use: a nested structure's predicate replaces itself once generated
    return f"P[{shape.name!r}](v)"


def _range_tests(value: str, low: float, high: float) -> list[str]:
    """``low <= value`` and ``value <= high`` as code, leaving out an unbounded side."""
    tests = []
    if low != float("-inf"):
        tests.append(f"{low!r} <= {value}")
    if high != float("inf"):
        tests.append(f"{value} <= {high!r}")
    return tests


def _list_fits(shape: ListShape) -> Predicate:
    low, high = _bounds(shape)
    member = shape.member.name
    _fits_for(shape.member)  # registered now, read from the registry at each use (see _inline_test)

    def fits(value: Any) -> bool:
        if not isinstance(value, (list, tuple)) or not low <= len(value) <= high:
            return False
        return all(map(_PREDICATES[member], value))

    return fits


def _map_fits(shape: MapShape) -> Predicate:
    low, high = _bounds(shape)
    key_name, item_name = shape.key.name, shape.value.name
    _fits_for(shape.key), _fits_for(shape.value)  # registered now, read from the registry at each use

    def fits(value: Any) -> bool:
        if not isinstance(value, Mapping) or not low <= len(value) <= high:
            return False
        key, item = _PREDICATES[key_name], _PREDICATES[item_name]
        return all(key(k) and item(v) for k, v in value.items())

    return fits


def matches_pattern(shape: Shape, value: str) -> bool:
    """True when ``value`` satisfies the shape's pattern (or the shape has none), as the service checks it."""
    pattern = shape.metadata.get("pattern")
    return pattern is None or _compiled(pattern).fullmatch(value) is not None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compile a model pattern once, with the semantics of the Java service that enforces it.

    ``re.ASCII``: Java's ``\\d``, ``\\w`` and ``\\s`` match ASCII only, so an Arabic-Indic digit is not a
    ``\\d``. Java's ``.`` matches no line terminator (CR, LF, NEL, LS, PS), where Python's skips only LF,
    so each ``.`` outside a character class becomes a class that excludes all five. Matching uses
    ``fullmatch``, as Java's ``String.matches`` does, so ``^\\d{12}|AMAZON$`` rejects ``123456789012abc``.
    """
    return re.compile(_java_dots(pattern), re.ASCII)


_JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]"


def _java_dots(pattern: str) -> str:
    """``pattern`` with every unescaped ``.`` outside a character class replaced by :data:`_JAVA_DOT`."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "[]":
            in_class = char == "["
        elif char == "." and not in_class:
            char = _JAVA_DOT
        out.append(char)
    return "".join(out)
