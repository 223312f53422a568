"""How pools and their sessions move: the pool's lifecycle table, and the session timeouts.

No AWS source documents the pool's transitions; the table follows Terraform's waiters and AppStream's
fleets (spec A.4, all [A]): a new pool starts by itself (CREATING -> STARTING -> RUNNING), a stop drains
it (STOPPING -> STOPPED), a terminate stops it first if it runs (STOPPING -> DELETING -> gone), an update
of its configuration passes through UPDATING back to where it was.

Session timeouts are the user's time, not a service step: they act on the clock in every lifecycle mode
(``expire_sessions`` runs whenever the backend is observed). Only the end TerminateWorkspacesPoolSession
starts is a lifecycle step (TERMINATING -> gone).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Optional

from ...lifecycle import Step, Table, minutes
from .model import GONE, RUNNING, STOPPED, TERMINATING, Pool, PoolSession, WorkspacesPoolError

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def _started(backend: WorkspacesBackend, pool: Pool, at: datetime) -> str:
    """RUNNING with its errors cleared, or STOPPED with the failure a test arranged (AppStream's way)."""
    failure, pool.failing_start = pool.failing_start, None
    pool.errors = [failure] if failure is not None else None
    return STOPPED if failure is not None else RUNNING


def _stopped(backend: WorkspacesBackend, pool: Pool, at: datetime) -> str:
    return "DELETING" if pool.terminating else STOPPED


def _updated(backend: WorkspacesBackend, pool: Pool, at: datetime) -> str:
    return pool.resume_state


def _entered(backend: WorkspacesBackend, pool: Pool, state: str, at: datetime) -> None:
    """Stopping or deleting shuts the streaming instances down, and every session on them ends."""
    if state in {"STOPPING", "DELETING"}:
        for session in list(pool.sessions.values()):
            end_session(backend, session, at)
    if state == GONE:
        backend.pools.remove(pool.pool_id)
        backend.tags.pop(pool.pool_id, None)


POOL = Table(
    "workspaces-pool",
    steps={
        "CREATING": Step("STARTING", minutes(1)),
        "STARTING": Step(_started, minutes(10)),
        "STOPPING": Step(_stopped, minutes(5)),
        "UPDATING": Step(_updated, minutes(2)),
        "DELETING": Step(GONE, minutes(3)),
    },
    on_enter=_entered,
)
"""CREATING 1 min, STARTING 10 min, STOPPING 5 min, UPDATING 2 min, DELETING 3 min in timed mode [A]."""


def _session_entered(backend: WorkspacesBackend, session: PoolSession, state: str, at: datetime) -> None:
    if state == GONE:
        end_session(backend, session, at)


POOL_SESSION = Table(
    "workspaces-pool-session",
    steps={TERMINATING: Step(GONE, minutes(1))},
    on_enter=_session_entered,
)
"""A session TerminateWorkspacesPoolSession ends is listed for one more minute in timed mode [A]."""


def end_session(backend: WorkspacesBackend, session: PoolSession, at: datetime) -> None:
    """The session is over: its pool forgets it and its instance is replaced at once [A]."""
    pool = backend.pools.peek(session.pool_id)
    if pool is not None:
        pool.sessions.pop(session.session_id, None)
    session.state = GONE
    session.state_since = at
    backend.lifecycle.forget(session)


def expire_sessions(backend: WorkspacesBackend) -> None:
    """Apply every timeout whose moment has come, each at its own moment (a big jump crosses several)."""
    now = backend.clock.now()
    for pool in list(backend.pools.values_unobserved()):
        for session in list(pool.sessions.values()):
            _expire(backend, pool, session, now)


def _expire(backend: WorkspacesBackend, pool: Pool, session: PoolSession, now: datetime) -> None:
    while True:
        due = _next_timeout(pool, session)
        if due is None or due[0] > now:
            return
        at, action = due
        if action == "end":
            end_session(backend, session, at)
            return
        session.connection_state = "NOT_CONNECTED"  # idle: disconnected, the disconnect timeout starts
        session.disconnected_at = at


def _next_timeout(pool: Pool, session: PoolSession) -> Optional[tuple[datetime, str]]:
    """The session's next timeout: the end of its maximum duration, an idle disconnect, or the end of
    the time a disconnected user has to reconnect (each 0 = never)."""
    settings = pool.timeout_settings
    found: list[tuple[datetime, str]] = []
    if session.expiration_time is not None:
        found.append((session.expiration_time, "end"))
    idle = settings.idle_disconnect_timeout_in_seconds
    if session.connection_state == "CONNECTED" and idle:
        found.append((session.active_since + timedelta(seconds=idle), "disconnect"))
    wait = settings.disconnect_timeout_in_seconds
    if session.disconnected_at is not None and wait:
        found.append((session.disconnected_at + timedelta(seconds=wait), "end"))
    return min(found) if found else None


def start_failure(error_code: str, error_message: Optional[str]) -> WorkspacesPoolError:
    """The error a failed start leaves on the pool, with AWS's documented text where there is one."""
    return WorkspacesPoolError(error_code, error_message or ERROR_MESSAGES.get(error_code, error_code))


ERROR_MESSAGES = {
    "DOMAIN_JOIN_ERROR_ACCESS_DENIED": "Access is denied.",
    "DOMAIN_JOIN_ERROR_LOGON_FAILURE": "The username or password is incorrect.",
    "DOMAIN_JOIN_NERR_PASSWORD_EXPIRED": "The password of this user has expired.",
    "DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN": (
        "The specified domain either does not exist or could not be contacted."
    ),
    "DOMAIN_JOIN_ERROR_FILE_NOT_FOUND": "The system cannot find the file specified.",
    "DOMAIN_JOIN_NERR_WORKSTATION_NOT_STARTED": "The Workstation service has not been started.",
    "DOMAIN_JOIN_INTERNAL_SERVICE_ERROR": "The account already exists.",
    "DOMAIN_JOIN_ERROR_MORE_DATA": "More data is available.",
}
"""AWS's published texts for some pool error codes (WorkSpaces Pools troubleshooting notification codes)."""
