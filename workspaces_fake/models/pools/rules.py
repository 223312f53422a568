"""What a pool may be made of, and which request may touch it in which state (spec A.5, mostly [A]).

Each check raises the error the spec gives for its condition; the handlers call them in the spec's
order. A pool needs a REGISTERED ``WorkspaceType=POOLS`` directory and a Windows bundle that streams over
WSP (DCV) with a compute type that has a Pools streaming-instance quota row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional

from ...errors import (
    AccessDeniedException,
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationInProgressException,
    OperationNotSupportedException,
    ResourceAlreadyExistsException,
    ResourceNotFoundException,
)
from ..bundles.arrange import visible_bundle
from ..bundles.model import Bundle, is_windows
from ..directories import Directory
from ..quotas import POOL_INSTANCES, POOLS
from .model import GONE, STOPPED, TRANSITIONAL, ApplicationSettingsResponse, Pool, TimeoutSettings

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

CLOSED_MESSAGE = (
    "Amazon WorkSpaces Pools is no longer available to new customers as of 7/30/2026. Refer to "
    "https://docs.aws.amazon.com/workspaces/latest/adminguide/wsp-pools-end-of-support.html"
)
"""What AWS answered an account new to Pools after the end-of-support cut-off (observed)."""


def check_open(backend: WorkspacesBackend) -> None:
    """AccessDeniedException when the account may no longer create pools (a setting)."""
    if not backend.settings.pools_open_to_new_customers:
        raise AccessDeniedException(CLOSED_MESSAGE)


def check_name_free(backend: WorkspacesBackend, pool_name: str) -> None:
    """Pool names are unique per account and Region, case-sensitively, as AppStream fleet names are."""
    if any(p.pool_name == pool_name for p in backend.pools.values_unobserved()):
        raise ResourceAlreadyExistsException(f"A pool named {pool_name} already exists.")


def pool_directory(backend: WorkspacesBackend, directory_id: str) -> Directory:
    """The directory a pool may use: known, a POOLS directory, and REGISTERED."""
    directory = backend.directories.peek(directory_id)
    if directory is None:
        raise ResourceNotFoundException(
            f"The directory {directory_id} could not be found.", resource_id=directory_id
        )
    if directory.workspace_type != "POOLS":
        raise InvalidParameterValuesException(
            f"The directory {directory_id} is not a WorkSpaces Pools directory (WorkspaceType POOLS)."
        )
    if directory.state != "REGISTERED":
        raise InvalidParameterValuesException(
            f"The directory {directory_id} is {directory.state}; a pool needs a REGISTERED directory."
        )
    return directory


def pool_bundle(backend: WorkspacesBackend, bundle_id: str) -> Bundle:
    """The bundle a pool may use: the account's or public, Windows, streaming over WSP, a pool compute."""
    bundle = visible_bundle(backend, bundle_id)
    if bundle is None:
        raise ResourceNotFoundException(f"The bundle {bundle_id} could not be found.", resource_id=bundle_id)
    if not (
        is_windows(bundle.operating_system_name)
        and "WSP" in bundle.protocols
        and bundle.compute_type_name in POOL_INSTANCES
    ):
        raise OperationNotSupportedException(
            f"The bundle {bundle_id} cannot be used by a pool: pools need a Windows bundle that streams "
            "over WSP with a Value, Standard, Performance, Power, PowerPro or Graphics.g4dn compute type.",
            reason="UNSUPPORTED_BUNDLE",
        )
    return bundle


def application_settings(
    backend: WorkspacesBackend, request: Optional[Mapping[str, Any]]
) -> ApplicationSettingsResponse:
    """The settings a request asks for; ENABLED gets the account's settings bucket for the Region."""
    if request is None or request["Status"] == "DISABLED":
        if request is not None and request.get("SettingsGroup"):
            raise InvalidParameterValuesException("SettingsGroup applies only when Status is ENABLED.")
        return ApplicationSettingsResponse()
    return ApplicationSettingsResponse("ENABLED", request.get("SettingsGroup"), settings_bucket(backend))


def settings_bucket(backend: WorkspacesBackend) -> str:
    """``wspool-app-settings-<region>-<account>-<10 chars>``: one bucket per account and Region, the
    same for every pool and every run with the same seed [A] (the random part)."""
    seed = f"{backend.world.seed}:{backend.account_id}:{backend.region_name}:app-settings"
    digest = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16)
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    suffix = "".join(alphabet[(digest >> (6 * i)) % 36] for i in range(10))
    return f"wspool-app-settings-{backend.region_name}-{backend.account_id}-{suffix}"


def merged_timeouts(current: TimeoutSettings, request: Optional[Mapping[str, Any]]) -> TimeoutSettings:
    """Members sent replace the current values; members left out keep theirs [A]."""
    sent = request or {}
    return TimeoutSettings(
        sent.get("DisconnectTimeoutInSeconds", current.disconnect_timeout_in_seconds),
        sent.get("IdleDisconnectTimeoutInSeconds", current.idle_disconnect_timeout_in_seconds),
        sent.get("MaxUserDurationInSeconds", current.max_user_duration_in_seconds),
    )


def check_pool_quota(backend: WorkspacesBackend) -> None:
    """The ``WorkSpaces Pools`` quota counts every pool until it is gone."""
    backend.settings.quotas.check(POOLS, len(backend.pools), what="pools in this Region")


def check_instance_quota(backend: WorkspacesBackend, compute: str, desired: int, pool_id: str = "") -> None:
    """The streaming-instance quota of ``compute``, shared by every pool that holds instances [A]."""
    used = 0
    for other in backend.pools.values_unobserved():
        if other.pool_id != pool_id and other.holds_instances and _compute(backend, other) == compute:
            used += other.desired
    backend.settings.quotas.check(POOL_INSTANCES[compute], used, desired, what=f"{desired} more sessions")


def _compute(backend: WorkspacesBackend, pool: Pool) -> Optional[str]:
    bundle = backend.bundles.peek(pool.bundle_id)
    return bundle.compute_type_name if bundle is not None else None


def pool_compute(backend: WorkspacesBackend, pool: Pool) -> str:
    """The compute type of the pool's bundle (checked when the pool was made or updated)."""
    return _compute(backend, pool) or "STANDARD"


def check_not_busy(pool: Pool) -> None:
    """OperationInProgressException while the pool is between states."""
    if pool.state in TRANSITIONAL:
        raise OperationInProgressException(
            f"The pool {pool.pool_id} is {pool.state}; try again when it has finished."
        )


def check_state(pool: Pool, allowed: frozenset[str], action: str) -> None:
    """Busy -> OperationInProgressException; otherwise not allowed -> InvalidResourceStateException."""
    check_not_busy(pool)
    if pool.state not in allowed:
        raise InvalidResourceStateException(
            f"The pool {pool.pool_id} is {pool.state}; it cannot be {action}."
        )


def check_running_mode(pool: Pool, running_mode: Optional[str]) -> None:
    """The running mode can only be changed while the pool is STOPPED."""
    if running_mode is not None and running_mode != pool.running_mode and pool.state != STOPPED:
        raise InvalidResourceStateException(
            f"The pool {pool.pool_id} is {pool.state}; its running mode can only change when it is STOPPED."
        )


def is_gone(pool: Pool) -> bool:
    """True once the pool has been deleted (a held reference reads GONE)."""
    return pool.state == GONE
