"""The pools family's arrange side: pools in any state, and users streaming from them.

Sessions exist only while end users stream (SAML sign-in, then the WorkSpaces client); no API creates
them. So the backend plays the users: ``connect_pool_user`` signs a user in (or back in),
``disconnect_pool_session`` closes the client, ``record_pool_session_input`` resets the idle timer,
``end_pool_session`` logs out. ``fail_next_pool_start`` makes the next start end STOPPED with an error.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional

from .._arrange import arrange
from ..bundles.arrange import add_bundle
from ..directories import add_directory
from ..tags import add_tags
from .lifecycle import POOL, end_session, start_failure
from .model import (
    RUNNING,
    ApplicationSettingsResponse,
    NetworkAccessConfiguration,
    Pool,
    PoolSession,
    TimeoutSettings,
)
from .rules import merged_timeouts

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


class PoolConnectionRefused(Exception):
    """A user could not connect: the pool is not RUNNING, or it has no available user session."""


def partition(region: str) -> str:
    """The ARN partition of a Region."""
    if region.startswith("cn-"):
        return "aws-cn"
    return "aws-us-gov" if region.startswith("us-gov-") else "aws"


def new_pool(backend: WorkspacesBackend, **members: Any) -> Pool:
    """A stored pool with a fresh ``wspool-`` id and its ARN; the caller puts it into its first state."""
    pool_id = backend.ids.mint("wspool", 9)
    arn = f"arn:{partition(backend.region_name)}:workspaces:{backend.region_name}:{backend.account_id}"
    pool = Pool(
        pool_id=pool_id,
        pool_arn=f"{arn}:workspacespool/{pool_id}",
        created_at=backend.clock.now(),
        **members,
    )
    return backend.pools.put(pool_id, pool)


@arrange("WorkspacesPool", "CapacityStatus")
def add_pool(
    backend: WorkspacesBackend,
    pool_name: Optional[str] = None,
    *,
    state: str = RUNNING,
    desired_user_sessions: int = 1,
    directory_id: Optional[str] = None,
    bundle_id: Optional[str] = None,
    description: str = "Pool",
    running_mode: str = "AUTO_STOP",
    timeout_settings: Optional[Mapping[str, int]] = None,
    tags: Optional[Mapping[str, str]] = None,
) -> Pool:
    """A pool already in ``state`` (a transitional state moves on as the lifecycle mode allows).

    ``timeout_settings`` uses the API's spelling (``{"MaxUserDurationInSeconds": 600}``).
    Without ``directory_id`` a REGISTERED POOLS directory is made for it, without ``bundle_id`` a
    Standard Windows bundle that streams over WSP. Quotas and bundle rules are not checked.
    """
    pool = new_pool(
        backend,
        pool_name=pool_name or backend.ids.mint("pool", 6),
        description=description,
        bundle_id=bundle_id or add_bundle(backend, "Pool bundle", protocols=("WSP",)).bundle_id,
        directory_id=directory_id or add_directory(backend, workspace_type="POOLS").directory_id,
        desired=desired_user_sessions,
        running_mode=running_mode,
        application_settings=ApplicationSettingsResponse(),
        timeout_settings=merged_timeouts(TimeoutSettings(), timeout_settings),
    )
    add_tags(backend, pool.pool_id, tags or {})
    backend.lifecycle.enter(pool, POOL, state)
    return pool


@arrange("WorkspacesPoolSession")
def connect_pool_user(backend: WorkspacesBackend, pool_id: str, user_id: str) -> PoolSession:
    """The user streams: a new session on a free instance, or their disconnected session resumed.

    PoolConnectionRefused when the pool is not RUNNING or has no available user session (AWS counts
    the latter as an ``InsufficientCapacityError``; the pool's ``refused_connections`` does here).
    """
    pool = backend.pools.get(pool_id)
    if pool is None:
        raise ValueError(f"connect_pool_user: there is no pool {pool_id}")
    now = backend.clock.now()
    session = pool.session_of(user_id)
    if session is not None:
        session.connection_state, session.disconnected_at, session.active_since = "CONNECTED", None, now
        return session
    if pool.state != RUNNING:
        raise PoolConnectionRefused(
            f"the pool {pool_id} is {pool.state}; users connect only to a RUNNING pool"
        )
    if pool.capacity_status.available_user_sessions == 0:
        pool.refused_connections += 1
        raise PoolConnectionRefused(f"the pool {pool_id} has no available user session")
    return _new_session(backend, pool, user_id)


def _new_session(backend: WorkspacesBackend, pool: Pool, user_id: str) -> PoolSession:
    now = backend.clock.now()
    pool.sessions_started += 1
    number = pool.sessions_started
    limit = pool.max_duration()
    raw = backend.ids.hex("s", 32)[2:]
    session = PoolSession(
        session_id=str(uuid.UUID(hex=raw, version=4)),
        pool_id=pool.pool_id,
        user_id=user_id,
        instance_id=backend.ids.hex("i", 17),
        start_time=now,
        expiration_time=now + limit if limit is not None else None,
        network_access_configuration=NetworkAccessConfiguration(
            f"10.0.{number // 250 % 250}.{number % 250 + 4}", backend.ids.hex("eni", 17)
        ),
        state_since=now,
        active_since=now,
    )
    pool.sessions[session.session_id] = session
    return session


def find_session(backend: WorkspacesBackend, session_id: str) -> Optional[PoolSession]:
    """A live session of any of the account's pools in the Region (session ids are unique across them)."""
    for pool in backend.pools.values_unobserved():
        found = pool.sessions.get(session_id)
        if found is not None:
            return found
    return None


def _live(backend: WorkspacesBackend, session_id: str) -> PoolSession:
    backend.observe()
    found = find_session(backend, session_id)
    if found is None:
        raise ValueError(f"there is no live pool session {session_id}")
    return found


@arrange("WorkspacesPoolSession")
def disconnect_pool_session(backend: WorkspacesBackend, session_id: str) -> PoolSession:
    """The user closes the client: NOT_CONNECTED; the disconnect timeout starts."""
    session = _live(backend, session_id)
    if session.connection_state == "CONNECTED":
        session.connection_state, session.disconnected_at = "NOT_CONNECTED", backend.clock.now()
    return session


@arrange("WorkspacesPoolSession")
def record_pool_session_input(backend: WorkspacesBackend, session_id: str) -> PoolSession:
    """The connected user types or moves the mouse: the idle timeout starts again."""
    session = _live(backend, session_id)
    if session.connection_state == "CONNECTED":
        session.active_since = backend.clock.now()
    return session


@arrange("WorkspacesPoolSession")
def end_pool_session(backend: WorkspacesBackend, session_id: str) -> None:
    """The user logs out (End Session): the session ends at once, whatever the disconnect timeout."""
    end_session(backend, _live(backend, session_id), backend.clock.now())


@arrange("WorkspacesPool", "WorkspacesPoolError", error_code="WorkspacesPoolErrorCode")
def fail_next_pool_start(
    backend: WorkspacesBackend, pool_id: str, error_code: str, error_message: Optional[str] = None
) -> None:
    """The pool's next start ends STOPPED with ``Errors=[{ErrorCode, ErrorMessage}]`` (AWS's documented
    message for the code when there is one)."""
    pool = backend.pools.get(pool_id)
    if pool is None:
        raise ValueError(f"fail_next_pool_start: there is no pool {pool_id}")
    pool.failing_start = start_failure(error_code, error_message)
