"""Declarative state machines that move when observed, never on a timer.

A resource kind declares a :class:`Table`: for each transitional state, the :class:`Step` that follows it
and how long that step takes. The :class:`Engine` keeps only the resources that are in a transitional
state, in a heap ordered by when their step is due, so an observation costs nothing for settled resources
however many there are. Three modes:

* ``instant`` (default): every step is complete by the next observation (the call that started it still
  answers with the transitional state, as AWS does).
* ``timed``: steps take their realistic durations and move with the clock (``backend.clock.advance`` or a
  frozen/ticking time library); a big jump crosses several states at once, each stamped with its due time.
* ``manual``: nothing moves until ``backend.settle()``.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Protocol, Union

if TYPE_CHECKING:
    from .backend import WorkspacesBackend

MODES = ("instant", "timed", "manual")

NEVER = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""A resource's ``state_since`` before the engine first sets it (every family's placeholder)."""

Resolver = Callable[["WorkspacesBackend", Any, datetime], str]
"""Decides a step's outcome when it happens (e.g. COMPLETED or ERROR) and may apply its side effects."""

OnEnter = Callable[["WorkspacesBackend", Any, str, datetime], None]
"""Called whenever a resource of the table enters a state, with the time it entered."""


class Stateful(Protocol):
    """What the engine needs of a resource: its current state and when it entered it."""

    state: str
    state_since: datetime


@dataclass(frozen=True)
class Step:
    """What follows a transitional state: a fixed next state or a resolver, after a duration."""

    to: Union[str, Resolver]
    after: timedelta


@dataclass(frozen=True)
class Table:
    """The transitional states of one resource kind; every state not listed here is stable."""

    name: str
    steps: Mapping[str, Step]
    on_enter: OnEnter | None = None

    def is_transitional(self, state: str) -> bool:
        """True when ``state`` moves on by itself."""
        return state in self.steps


def minutes(value: float) -> timedelta:
    """Shorthand for step durations in tables."""
    return timedelta(minutes=value)


_Entry = tuple[datetime, int, Any, Table]
"""A heap entry: when the step is due, a sequence number (unique, so resources are never compared), the
resource and its table. A plain tuple: the heap compares entries on every push and pop."""


class Engine:
    """Moves one backend's transitional resources along their tables when they are observed."""

    def __init__(self, backend: WorkspacesBackend, mode: str = "instant") -> None:
        self._backend = backend
        self.mode = mode
        self._heap: list[_Entry] = []
        self._latest: dict[int, int] = {}
        self._seq = itertools.count()

    @property
    def mode(self) -> str:
        """``instant``, ``timed`` or ``manual``; may be changed at any time."""
        return self._mode

    @mode.setter
    def mode(self, value: str) -> None:
        if value not in MODES:
            raise ValueError(f"lifecycle mode must be one of {', '.join(MODES)}; got {value!r}")
        self._mode = value

    def enter(self, resource: Stateful, table: Table, state: str, at: datetime | None = None) -> None:
        """Put ``resource`` into ``state`` now (or at ``at``) and schedule its next step if there is one."""
        when = at if at is not None else self._backend.clock.now()
        resource.state = state
        resource.state_since = when
        if table.on_enter is not None:
            table.on_enter(self._backend, resource, state, when)
        step = table.steps.get(state)
        if step is None:
            self._latest.pop(id(resource), None)
            return
        seq = next(self._seq)
        self._latest[id(resource)] = seq
        heapq.heappush(self._heap, (when + step.after, seq, resource, table))

    def forget(self, resource: Stateful) -> None:
        """Stop moving ``resource`` (it was deleted); its stale heap entry is skipped later."""
        self._latest.pop(id(resource), None)

    def pending(self) -> int:
        """How many resources are still in a transitional state."""
        return len(self._latest)

    def scheduled(self) -> list[tuple[datetime, Any]]:
        """The steps still to come, earliest first: (when it is due, the resource); for views and dumps."""
        live = [
            (due, resource) for due, seq, resource, _ in self._heap if self._latest.get(id(resource)) == seq
        ]
        return sorted(live, key=lambda entry: entry[0])

    def observe(self) -> None:
        """Apply every step the mode allows at this moment."""
        if self._mode == "manual" or not self._heap:
            return
        if self._mode == "instant":
            self.settle()
            return
        now = self._backend.clock.now()
        heap = self._heap
        while heap and heap[0][0] <= now:
            due, seq, resource, table = heapq.heappop(heap)
            self._apply(seq, resource, table, due)  # stamped with its due time

    def settle(self) -> None:
        """Run every transitional resource to a stable state, stamping each step with the current time."""
        now = self._backend.clock.now()
        heap = self._heap
        while heap:
            _, seq, resource, table = heapq.heappop(heap)
            self._apply(seq, resource, table, now)

    def _apply(self, seq: int, resource: Any, table: Table, at: datetime) -> None:
        if self._latest.get(id(resource)) != seq:
            return  # a stale entry: the resource entered another state (or was forgotten) since
        step = table.steps[resource.state]
        target = step.to if isinstance(step.to, str) else step.to(self._backend, resource, at)
        self.enter(resource, table, target, at)

    def clear(self) -> None:
        """Forget every scheduled step (used by ``backend.reset()``)."""
        self._heap.clear()
        self._latest.clear()
