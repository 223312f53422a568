"""The rules a WorkSpace request must follow (spec 2.2 and 2.4), shared by create, modify and the batch ops.

A broken rule raises :class:`RuleBroken`, which carries both forms the service uses: a per-item
``ErrorCode`` for batch answers (CreateWorkspaces' FailedRequests) and an exception class for whole-call
errors (ModifyWorkspaceProperties).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NoReturn, Optional

from ...errors import (
    InvalidParameterValuesException,
    UnsupportedWorkspaceConfigurationException,
    WorkspacesError,
)
from ..bundles.model import Bundle
from .model import WorkspaceProperties

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from ..settings import Settings
    from .model import Workspace

INVALID = "InvalidParameterValuesException"
DEFAULT_AUTO_STOP_MINUTES = 60
MAX_VOLUME_GIB = 2000
SMALL_ROOT_GIB = 80
SMALL_USER_CHOICES = (10, 50, 100)
LARGE_MIN_ROOT_GIB = 175
LARGE_MIN_USER_GIB = 100

COMPUTE_RANK = {
    "VALUE": 0,
    "STANDARD": 1,
    "PERFORMANCE": 2,
    "POWER": 3,
    "POWERPRO": 4,
    "GENERALPURPOSE_4XLARGE": 5,
    "GENERALPURPOSE_8XLARGE": 6,
}
"""Compute types a WorkSpace may switch between, smallest first (the GPU families are excluded)."""


class RuleBroken(Exception):
    """A request breaks a service rule; ``code`` for per-item answers, ``error`` for whole-call ones."""

    def __init__(
        self, code: str, message: str, error: type[WorkspacesError] = InvalidParameterValuesException
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.error = error

    def raise_error(self) -> NoReturn:
        """Raise the whole-call form of this failure."""
        raise self.error(self.message) from None


def running_mode(settings: Settings, mode: str, timeout: Optional[int]) -> tuple[str, Optional[int]]:
    """The (mode, AutoStop timeout) pair a request ends up with; AUTO_STOP defaults to 60 minutes."""
    if mode == "MANUAL" and not settings.manual_running_mode_allowed:
        raise RuleBroken(INVALID, "The MANUAL running mode is only available to allow-listed accounts.")
    if timeout is None:
        return mode, DEFAULT_AUTO_STOP_MINUTES if mode == "AUTO_STOP" else None
    if mode == "ALWAYS_ON":
        raise RuleBroken(
            "AutoStopTimeoutIsNotApplicableForAnAlwaysOnWorkspace",
            "RunningModeAutoStopTimeoutInMinutes is not applicable for WorkSpace with running mode set "
            "to ALWAYS_ON.",
        )
    if mode == "MANUAL":
        raise RuleBroken(
            "AutoStopTimeoutIsNotDefaultForManualWorkspace",
            "RunningModeAutoStopTimeoutInMinutes is not applicable for WorkSpace with running mode set "
            "to MANUAL.",
        )
    if timeout <= 0 or timeout % 60:
        raise RuleBroken(INVALID, "RunningModeAutoStopTimeoutInMinutes must be a positive multiple of 60.")
    return mode, timeout


def check_volume_pair(root: int, user: int) -> None:
    """Root/user sizes must be one of AWS's allowed combinations (80/10, 80/50, 80/100, 175+/100+)."""
    small = root == SMALL_ROOT_GIB and user in SMALL_USER_CHOICES
    large = LARGE_MIN_ROOT_GIB <= root <= MAX_VOLUME_GIB and LARGE_MIN_USER_GIB <= user <= MAX_VOLUME_GIB
    if not (small or large):
        raise RuleBroken(
            INVALID,
            f"The volume sizes (root {root} GiB, user {user} GiB) are not an allowed combination: use "
            "root 80 with user 10, 50 or 100, or root 175-2000 with user 100-2000.",
        )


def check_compute_switch(current: str, wanted: str) -> None:
    """Switching compute is allowed among Value .. PowerPro / GeneralPurpose, never into or out of GPU."""
    if current in COMPUTE_RANK and wanted in COMPUTE_RANK:
        return
    raise RuleBroken(
        "UnsupportedWorkspaceConfiguration",
        f"The compute type cannot be changed from {current} to {wanted}: changes into or out of the "
        "graphics families are not supported.",
        UnsupportedWorkspaceConfigurationException,
    )


def check_os(current: str, wanted: Optional[str]) -> None:
    """OperatingSystemName is read-only: it may be sent, but only with the value it already has."""
    if wanted is not None and wanted != current:
        raise RuleBroken(
            INVALID, f"OperatingSystemName cannot be changed (it is {current}); it comes from the image."
        )


def check_protocols(protocols: Any) -> tuple[str, ...]:
    """A WorkSpace streams with exactly one protocol."""
    if len(protocols) != 1:
        raise RuleBroken(INVALID, "Protocols must name exactly one protocol (PCOIP or WSP).")
    return (str(protocols[0]),)


def properties_for_create(
    settings: Settings, bundle: Bundle, requested: Mapping[str, Any]
) -> WorkspaceProperties:
    """The WorkspaceProperties of a new WorkSpace: the bundle's, overridden by the request."""
    mode, timeout = running_mode(
        settings,
        requested.get("RunningMode", "ALWAYS_ON"),
        requested.get("RunningModeAutoStopTimeoutInMinutes"),
    )
    check_os(bundle.operating_system_name, requested.get("OperatingSystemName"))
    root = requested.get("RootVolumeSizeGib", bundle.root_volume_size_gib)
    user = requested.get("UserVolumeSizeGib", bundle.user_volume_size_gib)
    if "RootVolumeSizeGib" in requested or "UserVolumeSizeGib" in requested:
        if root < bundle.root_volume_size_gib:
            raise RuleBroken(
                INVALID,
                f"The root volume cannot be smaller than the bundle's {bundle.root_volume_size_gib} GiB.",
            )
        check_volume_pair(root, user)
    compute = requested.get("ComputeTypeName", bundle.compute_type_name)
    if compute != bundle.compute_type_name:
        check_compute_switch(bundle.compute_type_name, compute)
    protocols = check_protocols(requested["Protocols"]) if "Protocols" in requested else bundle.protocols
    return WorkspaceProperties(
        running_mode=mode,
        running_mode_auto_stop_timeout_in_minutes=timeout,
        root_volume_size_gib=root,
        user_volume_size_gib=user,
        compute_type_name=compute,
        operating_system_name=bundle.operating_system_name,
        protocols=protocols,
        global_accelerator=requested.get("GlobalAccelerator"),
        nested_virtualization_enabled=requested.get("NestedVirtualizationEnabled"),
    )


def check_cooldown(label: str, last: Optional[datetime], window: Optional[timedelta], now: datetime) -> None:
    """``label`` may happen once per ``window`` after ``last`` (no window or no last time: no limit)."""
    if window is None or last is None or now - last >= window:
        return
    minutes_left = int((window - (now - last)).total_seconds() // 60) + 1
    raise RuleBroken(
        INVALID,
        f"The {label} is allowed once every {_human(window)}; try again in {minutes_left} minutes.",
    )


def _human(window: timedelta) -> str:
    hours = window.total_seconds() / 3600
    return f"{hours / 24:g} days" if hours >= 48 else f"{hours:g} hours"


# ----------------------------------------------------------------------------------- batch state changes
START_FROM = frozenset({"STOPPED"})
STOP_FROM = frozenset({"AVAILABLE", "IMPAIRED", "UNHEALTHY", "ERROR"})
REBOOT_FROM = frozenset({"AVAILABLE", "UNHEALTHY", "REBOOTING"})
STUCK_REBOOT = timedelta(minutes=20)
"""A REBOOTING WorkSpace may be rebooted again only once it has been rebooting this long."""


def not_found(workspace_id: Optional[str]) -> RuleBroken:
    """The per-item failure for an id that names no WorkSpace."""
    return RuleBroken("ResourceNotFound.Workspace", f"The WorkSpace {workspace_id} could not be found.")


def require_state(ws: Workspace, allowed: frozenset[str], operation: str) -> None:
    """Per-item failure unless ``ws`` is in one of the ``allowed`` states."""
    if ws.state not in allowed:
        raise RuleBroken(
            "InvalidResourceState.Workspace",
            f"The WorkSpace {ws.workspace_id} is {ws.state}; {operation} needs it to be "
            f"{' or '.join(sorted(allowed))}.",
        )


def require_not_migrating(ws: Workspace) -> None:
    """A WorkSpace being migrated is locked until the migration ends (TerminateWorkspaces still works)."""
    if ws.is_migration_source():
        raise RuleBroken(
            "InvalidResourceState.Workspace",
            f"The WorkSpace {ws.workspace_id} is being migrated; try again when the migration ends.",
        )


def require_stoppable(ws: Workspace, operation: str) -> None:
    """Only AUTO_STOP and MANUAL WorkSpaces can be started and stopped."""
    mode = ws.workspace_properties.running_mode
    if mode not in ("AUTO_STOP", "MANUAL"):
        raise RuleBroken(
            "UnsupportedWorkspaceConfiguration.RunningMode",
            f"The WorkSpace {ws.workspace_id} runs in {mode} mode; {operation} needs AUTO_STOP or MANUAL.",
        )


def require_reboot_allowed(ws: Workspace, now: datetime) -> None:
    """AVAILABLE or UNHEALTHY, or REBOOTING for longer than 20 minutes (stuck)."""
    require_state(ws, REBOOT_FROM, "RebootWorkspaces")
    if ws.state == "REBOOTING" and now - ws.state_since < STUCK_REBOOT:
        raise RuleBroken(
            "InvalidResourceState.Workspace",
            f"The WorkSpace {ws.workspace_id} is already rebooting; it can be rebooted again only after "
            "20 minutes in REBOOTING.",
        )


def require_terminable(ws: Workspace) -> None:
    """Any state but SUSPENDED (an image is being captured from it)."""
    if ws.state == "SUSPENDED":
        raise RuleBroken(
            "InvalidResourceState.Workspace",
            f"The WorkSpace {ws.workspace_id} is SUSPENDED while an image is created from it; "
            "it cannot be terminated until the image capture ends.",
        )


@dataclass(frozen=True)
class FailedCreateWorkspaceRequest:
    """API shape ``FailedCreateWorkspaceRequest``: the request echoed as sent, and why it failed."""

    workspace_request: Mapping[str, Any]
    error_code: str
    error_message: str


@dataclass(frozen=True)
class FailedWorkspaceChangeRequest:
    """API shape ``FailedWorkspaceChangeRequest`` (start, stop, reboot, terminate)."""

    workspace_id: Optional[str]
    error_code: str
    error_message: str


def check_directory(backend: WorkspacesBackend, directory_id: str) -> None:
    """A new WorkSpace (created or standby) needs a REGISTERED directory of WorkSpaces Personal."""
    directory = backend.directories.peek(directory_id)
    if directory is None:
        raise RuleBroken(
            "ResourceNotFound.Directory",
            "The specified directory could not be found in the specified region.",
        )
    if directory.state != "REGISTERED":
        raise RuleBroken(
            "InvalidResourceState.Directory",
            f"The directory {directory_id} is {directory.state}; WorkSpaces need a REGISTERED directory.",
        )
    if directory.workspace_type == "POOLS":  # spec A.3 [A]
        raise RuleBroken(INVALID, f"The directory {directory_id} is not a WorkSpaces Personal directory.")
