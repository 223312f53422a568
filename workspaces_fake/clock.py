"""Time as the fake sees it: the wall clock, read at every call, plus an offset tests can move.

The clock never caches ``datetime.now``: freezegun and time-machine patch it, and reading it at the moment
of each observation is what makes both work without special support. There are no timers and no threads:
state moves when someone looks (see :mod:`workspaces_fake.lifecycle`).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

_UTC = timezone.utc


class Clock:
    """``datetime.now(timezone.utc)`` plus an offset that :meth:`advance` moves forward."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The fake's current time, always timezone-aware UTC."""
        offset = self._offset
        return datetime.now(_UTC) + offset if offset else datetime.now(_UTC)

    @property
    def offset(self) -> timedelta:
        """How far :meth:`advance` has moved the fake ahead of the wall clock."""
        return self._offset

    def advance(self, *, seconds: float = 0, minutes: float = 0, hours: float = 0) -> datetime:
        """Move the fake's time forward and return the new now; time never goes backwards."""
        step = timedelta(seconds=seconds, minutes=minutes, hours=hours)
        if step < timedelta(0):
            raise ValueError("the clock only moves forward; got a negative step")
        with self._lock:
            self._offset += step
        return self.now()

    def reset(self) -> None:
        """Forget every advance: back to the wall clock."""
        with self._lock:
            self._offset = timedelta(0)
