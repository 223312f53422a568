"""UpdateWorkspacesPool's effect: which changes send a pool through UPDATING and which apply at once.

A change of bundle, directory, timeouts, application settings or running mode reconfigures the fleet:
the pool goes UPDATING and returns to the state it had. Description and capacity apply at once, in any
state the update is allowed in. A member sent with the value the pool already has is no change [A].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional

from .lifecycle import POOL
from .model import ApplicationSettingsResponse, Pool
from .rules import merged_timeouts

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def update_pool(
    backend: WorkspacesBackend,
    pool: Pool,
    *,
    description: Optional[str],
    capacity: Optional[Mapping[str, Any]],
    bundle_id: Optional[str],
    directory_id: Optional[str],
    settings: Optional[ApplicationSettingsResponse],
    timeouts: Optional[Mapping[str, Any]],
    running_mode: Optional[str],
) -> None:
    """Apply an update that passed its checks; UPDATING when the fleet itself must change."""
    new_timeouts = merged_timeouts(pool.timeout_settings, timeouts)
    reconfigured = (
        (bundle_id is not None and bundle_id != pool.bundle_id)
        or (directory_id is not None and directory_id != pool.directory_id)
        or (running_mode is not None and running_mode != pool.running_mode)
        or (settings is not None and settings != pool.application_settings)
        or new_timeouts != pool.timeout_settings
    )
    pool.description = description if description is not None else pool.description
    pool.desired = capacity["DesiredUserSessions"] if capacity is not None else pool.desired
    pool.bundle_id = bundle_id or pool.bundle_id
    pool.directory_id = directory_id or pool.directory_id
    pool.running_mode = running_mode or pool.running_mode
    pool.application_settings = settings or pool.application_settings
    pool.timeout_settings = new_timeouts
    if reconfigured:
        pool.resume_state = pool.state
        backend.lifecycle.enter(pool, POOL, "UPDATING")
