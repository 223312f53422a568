"""User connections to a WorkSpace: a compact session list, and the connection status derived from it.

Each WorkSpace that ever had a user keeps a list of sessions ``(start, end)`` (``end`` is None while the
session is open) and the times of failed connection attempts. Nothing else is stored: the connection
status (spec 2.6), "idle for N days" and later usage metrics are all derived from this list and the
WorkSpace's state. Sessions are opened and closed by the arrange helpers (a test plays the user); the
service closes an open session whenever the WorkSpace leaves AVAILABLE (stop, reboot, rebuild, restore,
ADMIN_MAINTENANCE, terminate, image capture).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from .snapshots import to_millis

if TYPE_CHECKING:
    from .model import Workspace

Session = tuple[datetime, Optional[datetime]]
"""One user session: when it started and when it ended (None while it is open)."""

DISCONNECTED_STATES = frozenset({"AVAILABLE", "IMPAIRED", "UNHEALTHY", "REBOOTING", "ADMIN_MAINTENANCE"})
"""States in which the service can reach the WorkSpace and tell whether a user is on it [A]."""


class Connections:
    """The sessions and failed connection attempts of one WorkSpace, oldest first."""

    __slots__ = ("failures", "sessions")

    def __init__(self) -> None:
        self.sessions: list[Session] = []
        self.failures: list[datetime] = []

    def open_session(self) -> Optional[Session]:
        """The session in progress, if any."""
        if self.sessions and self.sessions[-1][1] is None:
            return self.sessions[-1]
        return None

    def last_end(self) -> Optional[datetime]:
        """When the most recent finished session ended."""
        for _start, end in reversed(self.sessions):
            if end is not None:
                return end
        return None

    def latest_time(self) -> Optional[datetime]:
        """The latest moment this list mentions (a new event may not come before it)."""
        if not self.sessions:
            return None
        start, end = self.sessions[-1]
        return end if end is not None else start


def _connections(ws: Workspace) -> Connections:
    if ws.connections is None:
        ws.connections = Connections()
    return ws.connections


def connect(ws: Workspace, at: datetime) -> None:
    """A user connects at ``at``; ValueError if the WorkSpace cannot take a session then."""
    if ws.state != "AVAILABLE":
        raise ValueError(
            f"connect_user: the WorkSpace {ws.workspace_id} is {ws.state}; a user can connect only to an "
            "AVAILABLE WorkSpace"
        )
    book = _connections(ws)
    if book.open_session() is not None:
        raise ValueError(f"connect_user: a user is already connected to {ws.workspace_id}")
    _check_order(ws, book, at)
    book.sessions.append((to_millis(at), None))


def disconnect(ws: Workspace, at: datetime) -> None:
    """The connected user disconnects at ``at``; ValueError when nobody is connected."""
    book = ws.connections
    session = book.open_session() if book is not None else None
    if book is None or session is None:
        raise ValueError(f"disconnect_user: no user is connected to {ws.workspace_id}")
    _check_order(ws, book, at)
    book.sessions[-1] = (session[0], to_millis(at))


def fail(ws: Workspace, at: datetime) -> None:
    """Record a connection attempt that failed (it opens no session)."""
    _connections(ws).failures.append(to_millis(at))


def end_session(ws: Workspace, at: datetime) -> None:
    """The WorkSpace left AVAILABLE: a session in progress ends now."""
    book = ws.connections
    if book is not None:
        session = book.open_session()
        if session is not None:
            book.sessions[-1] = (session[0], max(session[0], to_millis(at)))


def _check_order(ws: Workspace, book: Connections, at: datetime) -> None:
    latest = book.latest_time()
    if latest is not None and to_millis(at) < latest:
        raise ValueError(
            f"the sessions of {ws.workspace_id} are recorded in order: {at.isoformat()} is before "
            f"{latest.isoformat()}"
        )


def connection_status(ws: Workspace, now: datetime, ever_available: bool) -> Optional[dict[str, Any]]:
    """The WorkspaceConnectionStatus entry of ``ws``, or None when the service has nothing to say.

    PENDING WorkSpaces and those that never became AVAILABLE are left out [A]; an open session on an
    AVAILABLE WorkSpace is CONNECTED; a reachable WorkSpace without one DISCONNECTED; every other
    state UNKNOWN. LastKnownUserConnectionTimestamp is the end of the latest finished session [A].
    """
    if ws.state == "PENDING" or not ever_available:
        return None
    book = ws.connections
    if ws.state == "AVAILABLE" and book is not None and book.open_session() is not None:
        state = "CONNECTED"
    elif ws.state in DISCONNECTED_STATES:
        state = "DISCONNECTED"
    else:
        state = "UNKNOWN"
    entry: dict[str, Any] = {
        "WorkspaceId": ws.workspace_id,
        "ConnectionState": state,
        "ConnectionStateCheckTimestamp": to_millis(now),
    }
    last = book.last_end() if book is not None else None
    if last is not None:
        entry["LastKnownUserConnectionTimestamp"] = last
    return entry
