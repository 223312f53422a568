"""Handlers for WorkSpaces Pools: create, describe, update, start, stop, terminate; sessions.

The checks and their order are the spec's (A.5, mostly [A]); they live in :mod:`..models.pools.rules`.
Every state change goes through the pool's lifecycle table, so the three lifecycle modes apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Optional

from .._registry import OBSERVED_BELOW_MIN, Result, operation
from ..backend import WorkspacesBackend
from ..errors import (
    OperationInProgressException,
    OperationNotSupportedException,
    ResourceNotFoundException,
)
from ..models.pools import rules
from ..models.pools.arrange import find_session, new_pool
from ..models.pools.lifecycle import POOL, POOL_SESSION
from ..models.pools.model import RUNNING, STOPPED, TERMINATING, Pool, TimeoutSettings
from ..models.pools.update import update_pool
from ..models.tags import add_tags, tags_from_request

OBSERVED_BELOW_MIN.update(DisconnectTimeoutInSeconds=0, MaxUserDurationInSeconds=0)  # unset: 0 (observed)

SESSIONS_PAGE = 20
"""DescribeWorkspacesPoolSessions' default page size (the model's Limit documentation)."""


@operation("CreateWorkspacesPool")
def create_workspaces_pool(
    backend: WorkspacesBackend,
    *,
    pool_name: str,
    description: str,
    bundle_id: str,
    directory_id: str,
    capacity: Mapping[str, Any],
    tags: Optional[list[Mapping[str, Any]]] = None,
    application_settings: Optional[Mapping[str, Any]] = None,
    timeout_settings: Optional[Mapping[str, Any]] = None,
    running_mode: Optional[str] = None,
) -> Result:
    """A new pool, CREATING; it starts by itself (CREATING -> STARTING -> RUNNING) [A]."""
    rules.check_open(backend)
    tag_values = tags_from_request(tags or [])
    rules.check_name_free(backend, pool_name)
    rules.pool_directory(backend, directory_id)
    bundle = rules.pool_bundle(backend, bundle_id)
    settings = rules.application_settings(backend, application_settings)
    rules.check_pool_quota(backend)
    rules.check_instance_quota(backend, bundle.compute_type_name, capacity["DesiredUserSessions"])
    pool = new_pool(
        backend,
        pool_name=pool_name,
        description=description,
        bundle_id=bundle_id,
        directory_id=directory_id,
        desired=capacity["DesiredUserSessions"],
        running_mode=running_mode or "AUTO_STOP",
        application_settings=settings,
        timeout_settings=rules.merged_timeouts(TimeoutSettings(), timeout_settings),
    )
    add_tags(backend, pool.pool_id, tag_values)
    backend.lifecycle.enter(pool, POOL, "CREATING")
    return {"WorkspacesPool": pool}


@operation("DescribeWorkspacesPools")
def describe_workspaces_pools(
    backend: WorkspacesBackend,
    *,
    pool_ids: Optional[list[str]] = None,
    filters: Optional[list[Mapping[str, Any]]] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """Pools by creation; ids and filters combine with AND; an unknown id is ResourceNotFound [A]."""
    backend.observe()  # session timeouts, which CapacityStatus shows
    for pool_id in pool_ids or []:
        backend.pools.require(pool_id)
    items = sorted(
        (p for p in backend.pools.values_unobserved() if _matches(p, pool_ids, filters or [])),
        key=lambda p: (p.created_at, p.pool_id),
    )
    keys = {"PoolIds": pool_ids, "Filters": filters}
    page, token = backend.paginator.page(
        items, operation="DescribeWorkspacesPools", filters=keys, limit=limit, token=next_token
    )
    return {"WorkspacesPools": page, "NextToken": token}


def _matches(pool: Pool, pool_ids: Optional[list[str]], filters: Iterable[Mapping[str, Any]]) -> bool:
    """Within a filter, EQUALS/CONTAINS want any value, NOTEQUALS/NOTCONTAINS none (case-sensitive) [A]."""
    if pool_ids is not None and pool.pool_id not in pool_ids:
        return False
    for f in filters:
        values, operator = f["Values"], f["Operator"]
        hit = (
            pool.pool_name in values
            if operator.endswith("EQUALS")
            else any(v in pool.pool_name for v in values)
        )
        if hit == operator.startswith("NOT"):
            return False
    return True


@operation("UpdateWorkspacesPool")
def update_workspaces_pool(
    backend: WorkspacesBackend,
    *,
    pool_id: str,
    description: Optional[str] = None,
    bundle_id: Optional[str] = None,
    directory_id: Optional[str] = None,
    capacity: Optional[Mapping[str, Any]] = None,
    application_settings: Optional[Mapping[str, Any]] = None,
    timeout_settings: Optional[Mapping[str, Any]] = None,
    running_mode: Optional[str] = None,
) -> Result:
    """Change a RUNNING or STOPPED pool; the answer already carries the new values."""
    pool = backend.pools.require(pool_id)
    rules.check_not_busy(pool)
    rules.check_running_mode(pool, running_mode)
    if directory_id is not None:
        rules.pool_directory(backend, directory_id)
    compute = rules.pool_bundle(backend, bundle_id).compute_type_name if bundle_id else None
    settings = rules.application_settings(backend, application_settings) if application_settings else None
    if (capacity is not None or compute is not None) and pool.state != STOPPED:
        desired = capacity["DesiredUserSessions"] if capacity is not None else pool.desired
        compute = compute or rules.pool_compute(backend, pool)
        rules.check_instance_quota(backend, compute, desired, pool_id)
    update_pool(
        backend, pool, description=description, capacity=capacity, bundle_id=bundle_id,
        directory_id=directory_id, settings=settings, timeouts=timeout_settings, running_mode=running_mode,
    )  # fmt: skip
    return {"WorkspacesPool": pool}


@operation("StartWorkspacesPool")
def start_workspaces_pool(backend: WorkspacesBackend, *, pool_id: str) -> Result:
    """STOPPED -> STARTING -> RUNNING (or back to STOPPED with Errors when the start fails)."""
    pool = backend.pools.require(pool_id)
    rules.check_state(pool, frozenset({STOPPED}), "started")
    rules.check_instance_quota(backend, rules.pool_compute(backend, pool), pool.desired, pool_id)
    backend.lifecycle.enter(pool, POOL, "STARTING")
    return {}


@operation("StopWorkspacesPool")
def stop_workspaces_pool(backend: WorkspacesBackend, *, pool_id: str) -> Result:
    """RUNNING -> STOPPING -> STOPPED; every session ends (either running mode can be stopped [A])."""
    pool = backend.pools.require(pool_id)
    rules.check_state(pool, frozenset({RUNNING}), "stopped")
    backend.lifecycle.enter(pool, POOL, "STOPPING")
    return {}


@operation("TerminateWorkspacesPool")
def terminate_workspaces_pool(backend: WorkspacesBackend, *, pool_id: str) -> Result:
    """A running or starting pool stops first (STOPPING -> DELETING), a stopped one is DELETING; then gone."""
    pool = backend.pools.require(pool_id)
    if pool.state in {RUNNING, "STARTING"}:
        pool.terminating = True
        backend.lifecycle.enter(pool, POOL, "STOPPING")
    elif pool.state == STOPPED:
        backend.lifecycle.enter(pool, POOL, "DELETING")
    else:
        rules.check_not_busy(pool)
    return {}


@operation("DescribeWorkspacesPoolSessions")
def describe_workspaces_pool_sessions(
    backend: WorkspacesBackend,
    *,
    pool_id: str,
    user_id: Optional[str] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """The pool's current sessions by start time; ended sessions are not listed."""
    pool = backend.pools.require(pool_id)
    items = sorted(
        (s for s in pool.sessions.values() if user_id is None or s.user_id == user_id),
        key=lambda s: (s.start_time, s.session_id),
    )
    keys = {"PoolId": pool_id, "UserId": user_id}
    page, token = backend.paginator.page(
        items,
        operation="DescribeWorkspacesPoolSessions",
        filters=keys,
        limit=limit,
        token=next_token,
        default=SESSIONS_PAGE,
    )
    return {"Sessions": page, "NextToken": token}


@operation("TerminateWorkspacesPoolSession")
def terminate_workspaces_pool_session(backend: WorkspacesBackend, *, session_id: str) -> Result:
    """End a session of a RUNNING pool: listed until the end completes, then gone [A]."""
    backend.observe()  # session timeouts may have ended it
    session = find_session(backend, session_id)
    if session is None:
        raise ResourceNotFoundException(
            f"The session {session_id} could not be found.", resource_id=session_id
        )
    if session.state == TERMINATING:
        raise OperationInProgressException(f"The session {session_id} is already being terminated.")
    pool = backend.pools.require(session.pool_id)
    if pool.state != RUNNING:
        raise OperationNotSupportedException(
            f"The pool {pool.pool_id} is {pool.state}; sessions can be terminated only in a RUNNING pool.",
            reason="POOL_NOT_RUNNING",
        )
    backend.lifecycle.enter(session, POOL_SESSION, TERMINATING)
    return {}
