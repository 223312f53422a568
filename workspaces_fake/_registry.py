"""The handler registry: ``@operation("Name")`` registers a handler, :data:`HANDLERS` holds them all.

The operations modules import only this module of the pipeline, and :mod:`._dispatch` imports the
operations package (which registers every handler) and reads the registry: so the imports run one way,
hook -> dispatch -> operations -> models, with no circle through the registry.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional, TypeVar

Result = Mapping[str, Any]
Handler = Callable[..., Result]
F = TypeVar("F", bound=Handler)
Precheck = Callable[[Mapping[str, Any]], None]


@dataclass(frozen=True)
class Registration:
    """A handler and the API members it accepts (everything else answers FakeNotSupported)."""

    name: str
    func: Handler
    accepts: frozenset[str]
    precheck: Optional[Precheck] = None
    keywords: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False)
    """Request members in order -> the handler's keyword names for them, worked out once per order."""


HANDLERS: dict[str, Registration] = {}

OBSERVED_BELOW_MIN: dict[str, Any] = {}
"""Output members AWS answers with a value below the model's minimum, by member name -> that value
(observed: ``"ConnectionAliases": []`` for an account without aliases, a pool's unset timeouts as 0).
Families register theirs beside their handlers; the suite's self-check (botocore's validator on every
result) lets exactly these values through, and nothing else below a minimum."""


def operation(name: str, *, precheck: Optional[Precheck] = None) -> Callable[[F], F]:
    """Register the decorated function as the handler of the API operation ``name``.

    ``precheck`` sees the raw request before the generic validation, for the few cases where the
    service answers a malformed value with its own wording rather than Coral's (it raises a
    WorkspacesError or returns quietly). It runs only for requests the generic validation rejects, so
    it may only reject values that validation rejects too (the suite's cross-check asserts that).
    """

    def register(func: F) -> F:
        params = inspect.signature(func).parameters
        accepts = frozenset(p for p in params if params[p].kind is inspect.Parameter.KEYWORD_ONLY)
        HANDLERS[name] = Registration(name, func, accepts, precheck)
        return func

    return register
