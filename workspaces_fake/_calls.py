"""The call log: what each backend answered, for assertions such as ``calls.of("CreateWorkspaces")``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Call(NamedTuple):
    """One call the fake answered: the operation, its parameters, and ``"ok"`` or the error code.

    ``backoff`` is the delay in seconds botocore's retry logic asked for before this attempt (0.0 for a
    first attempt). While a mock is active that delay is not slept: the fake's clock moves by it instead.

    A named tuple, immutable like a frozen dataclass: one is recorded per call, and it is made in a third
    of the time.
    """

    operation: str
    params: Mapping[str, Any]
    outcome: str
    request_id: str
    backoff: float = 0.0


@dataclass
class CallLog:
    """Every call a backend answered, in order; ``calls.of("CreateWorkspaces")`` filters by operation."""

    _calls: list[Call] = field(default_factory=list)

    def record(self, call: Call) -> None:
        """Append a call (used by the pipeline)."""
        self._calls.append(call)

    def of(self, operation: str) -> list[Call]:
        """The calls of one operation, in order."""
        return [call for call in self._calls if call.operation == operation]

    def __iter__(self) -> Iterator[Call]:
        return iter(list(self._calls))

    def __len__(self) -> int:
        return len(self._calls)

    def __getitem__(self, index: int) -> Call:
        return self._calls[index]

    def clear(self) -> None:
        """Forget every recorded call."""
        self._calls.clear()
