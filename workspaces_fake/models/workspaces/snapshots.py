"""WorkSpace snapshots (spec 2.7): what rebuild, restore and migration start from.

AWS snapshots the user volume ("rebuild" snapshots) and both volumes ("restore" snapshots) about 30
minutes after a WorkSpace first becomes AVAILABLE, then every 12 hours, and again after a rebuild or a
restore; restore snapshots are skipped while the WorkSpace is unhealthy. The fake keeps no timer: each
WorkSpace holds an *anchor* (the time of its first scheduled snapshot) and the snapshots a test arranged
or a rebuild/restore carried over, and the latest snapshot is computed from the clock when asked. So
the times follow the clock in every lifecycle mode and cost nothing for WorkSpaces nobody asks about.

Decisions [A]: the first snapshot comes 30 minutes after AVAILABLE in the timed mode and at once in the
instant and manual modes (so rebuild and restore work in instant tests); DescribeWorkspaceSnapshots
answers the most recent snapshot of each kind only; a restore snapshot is not taken while the WorkSpace
is UNHEALTHY, IMPAIRED or ERROR (the schedule stops at the moment it entered that state).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from .model import Workspace

EVERY = timedelta(hours=12)
FIRST_AFTER_TIMED = timedelta(minutes=30)
UNHEALTHY = frozenset({"UNHEALTHY", "IMPAIRED", "ERROR"})
KINDS = ("rebuild", "restore", "both")


class Snapshots:
    """One WorkSpace's snapshot schedule and its snapshots taken off schedule."""

    __slots__ = ("anchor", "rebuild", "restore")

    def __init__(self, anchor: Optional[datetime]) -> None:
        self.anchor = anchor
        self.rebuild: tuple[datetime, ...] = ()  # tuples: most WorkSpaces never get one, and () is shared
        self.restore: tuple[datetime, ...] = ()

    def add(self, kind: str, at: datetime) -> None:
        """Remember a ``rebuild`` or ``restore`` snapshot taken off schedule."""
        setattr(self, kind, (*getattr(self, kind), at))


def to_millis(moment: datetime) -> datetime:
    """Real snapshot times are whole milliseconds."""
    extra = moment.microsecond % 1000
    return moment.replace(microsecond=moment.microsecond - extra) if extra else moment


def first_delay(backend: WorkspacesBackend) -> timedelta:
    """How long after AVAILABLE (or after a rebuild or restore) the first snapshots come."""
    return FIRST_AFTER_TIMED if backend.lifecycle.mode == "timed" else timedelta(0)


def start_schedule(ws: Workspace, first: datetime) -> None:
    """The WorkSpace is AVAILABLE for the first time: snapshots begin at ``first``, then every 12 h."""
    if ws.snapshots is None:
        ws.snapshots = Snapshots(to_millis(first))


def restart_schedule(ws: Workspace, first: datetime, now: datetime) -> None:
    """After a rebuild or restore: keep what was taken so far, take the next pair at ``first``."""
    snapshots = ws.snapshots if ws.snapshots is not None else Snapshots(None)
    for kind in ("rebuild", "restore"):
        latest = latest_snapshot(ws, kind, now)
        if latest is not None and latest not in getattr(snapshots, kind):
            snapshots.add(kind, latest)
    snapshots.anchor = to_millis(first)
    ws.snapshots = snapshots


def _scheduled(anchor: Optional[datetime], until: datetime) -> Optional[datetime]:
    if anchor is None or until < anchor:
        return None
    return anchor + EVERY * ((until - anchor) // EVERY)


def latest_snapshot(ws: Workspace, kind: str, now: datetime) -> Optional[datetime]:
    """The most recent ``rebuild`` or ``restore`` snapshot at ``now``, or None if there is none yet."""
    snapshots = ws.snapshots
    if snapshots is None:
        return None
    until = now
    if kind == "restore" and ws.state in UNHEALTHY:
        until = min(now, ws.state_since)
    candidates = [t for t in getattr(snapshots, kind) if t <= until]
    scheduled = _scheduled(snapshots.anchor, until)
    if scheduled is not None:
        candidates.append(scheduled)
    return max(candidates, default=None)


def take(ws: Workspace, kind: str, at: datetime) -> None:
    """Record a snapshot of ``kind`` (``rebuild``, ``restore`` or ``both``) taken at ``at``."""
    if kind not in KINDS:
        raise ValueError(f"take_snapshot: kind must be one of {', '.join(KINDS)}; got {kind!r}")
    if ws.snapshots is None:
        ws.snapshots = Snapshots(None)
    for each in ("rebuild", "restore") if kind == "both" else (kind,):
        ws.snapshots.add(each, to_millis(at))


def clear(ws: Workspace, now: datetime) -> None:
    """Forget every snapshot; the 12-hour schedule takes the next pair 12 hours from ``now``."""
    if ws.snapshots is not None:  # a WorkSpace never AVAILABLE has no schedule to move
        ws.snapshots = Snapshots(to_millis(now + EVERY))
