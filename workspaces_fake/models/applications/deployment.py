"""The association state machine (spec 1.4, T1-T18) and the rules the three changing calls enforce.

Associate, Disassociate and Deploy change rows synchronously (T1-T12); the install or uninstall then runs
through the lifecycle table :data:`ASSOCIATION` (T13-T18):

    PENDING_INSTALL --pick up--> INSTALLING --finish--> COMPLETED      (or ERROR at either step)
    PENDING_UNINSTALL --pick up--> UNINSTALLING --finish--> REMOVED    (or ERROR at either step)

Picking a job up decides its fate. An injected deployment fault wins: a ``ValidationError.*`` code fails
at once (the installer's pre-checks), a ``DeploymentError.*`` code lets the job run and fails it at the
end. Without a fault, a WorkSpace that is not AVAILABLE fails the job with
``DeploymentError.WorkspaceUnreachable``, and installing an application while an older generation it
supersedes is still installed fails with ``ValidationError.ApplicationOldVersionExists``. The resolvers
read stores with ``peek``: they run while time is being moved and must not observe again.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from ... import errors
from ...lifecycle import Step, Table, minutes
from ..bundles.model import is_windows as windows_os
from .association import INSTALL, UNINSTALL, WORKSPACE, Association, StateReason

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from .model import Application

PENDING_INSTALL_DEPLOYMENT = "PENDING_INSTALL_DEPLOYMENT"
PENDING_UNINSTALL_DEPLOYMENT = "PENDING_UNINSTALL_DEPLOYMENT"
COMPLETED = "COMPLETED"
REMOVED = "REMOVED"
ERROR = "ERROR"

RUNNING = frozenset({"PENDING_INSTALL", "INSTALLING", "PENDING_UNINSTALL", "UNINSTALLING"})
"""States of a deployment in progress: such rows cannot be disassociated or deployed again."""

_INSTALL_STATES = frozenset({PENDING_INSTALL_DEPLOYMENT, "PENDING_INSTALL", "INSTALLING"})
_UNINSTALL_STATES = frozenset({PENDING_UNINSTALL_DEPLOYMENT, "PENDING_UNINSTALL", "UNINSTALLING"})

_MESSAGES = {
    "ValidationError.InsufficientDiskSpace": "The root volume of the WorkSpace has too little free space.",
    "ValidationError.InsufficientMemory": "The compute type of the WorkSpace has too little memory.",
    "ValidationError.UnsupportedOperatingSystem": "The installer does not support this operating system.",
    "ValidationError.ApplicationOldVersionExists": "An older version of the application is installed: {}.",
    "DeploymentError.InternalServerError": "The deployment failed because of an internal error.",
    "DeploymentError.WorkspaceUnreachable": "The WorkSpace could not be reached (it was {}).",
}


def reason(code: str, *details: str) -> StateReason:
    """The StateReason of ``code`` with its default message."""
    return StateReason(code, _MESSAGES[code].format(*details))


# ------------------------------------------------------------------------------------- the async steps
def _on_enter(backend: WorkspacesBackend, row: Association, state: str, at: datetime) -> None:
    if state in _INSTALL_STATES:
        row.direction = INSTALL
    elif state in _UNINSTALL_STATES:
        row.direction = UNINSTALL
    if state != ERROR:
        row.state_reason = None


def _fail(row: Association, why: StateReason) -> str:
    row.state_reason = why
    row.doomed = None
    return ERROR


def _injected(backend: WorkspacesBackend, row: Association) -> Optional[StateReason]:
    rule = backend.faults.take_deployment(row.resource_id, row.application_id)
    if rule is None:
        return None
    return StateReason(rule.error_code, rule.message or _MESSAGES[rule.error_code].format("unavailable"))


def _unreachable(backend: WorkspacesBackend, row: Association) -> Optional[StateReason]:
    workspace = backend.workspaces.peek(row.resource_id)
    state = getattr(workspace, "state", "gone")
    return None if state == "AVAILABLE" else reason("DeploymentError.WorkspaceUnreachable", state)


def _installed(row: Association) -> bool:
    """True while the application is on the machine and no uninstall job is running for it."""
    if row.state == COMPLETED:
        return True
    return row.direction == UNINSTALL and row.state in (PENDING_UNINSTALL_DEPLOYMENT, ERROR)


def _old_version(backend: WorkspacesBackend, row: Association) -> Optional[StateReason]:
    app = backend.applications.peek(row.application_id)
    if app is None or app.supersedes is None:
        return None
    for other in backend.associations.rows(WORKSPACE, row.resource_id):
        old = backend.applications.peek(other.application_id)
        if old is not None and old.conflict_group == app.supersedes and _installed(other):
            return reason("ValidationError.ApplicationOldVersionExists", old.name)
    return None


def _pick_up(backend: WorkspacesBackend, row: Association, at: datetime) -> str:
    """T13/T16, or T15/T18 from a pending state: the WorkSpace agent takes the job."""
    running = "INSTALLING" if row.direction == INSTALL else "UNINSTALLING"
    injected = _injected(backend, row)
    if injected is not None:
        if injected.error_code.startswith("ValidationError."):
            return _fail(row, injected)
        row.doomed = injected
        return running
    found = _unreachable(backend, row)
    if found is None and row.direction == INSTALL:
        found = _old_version(backend, row)
    return _fail(row, found) if found is not None else running


def _finish(backend: WorkspacesBackend, row: Association, at: datetime) -> str:
    """T14/T17, or T15/T18 from a running state."""
    found = row.doomed or _unreachable(backend, row)
    if found is not None:
        return _fail(row, found)
    return COMPLETED if row.direction == INSTALL else REMOVED


DURATIONS = {"PENDING_INSTALL": 5, "INSTALLING": 15, "PENDING_UNINSTALL": 5, "UNINSTALLING": 10}
"""Minutes each asynchronous step takes in the timed lifecycle mode."""

ASSOCIATION = Table(
    "application-association",
    steps={
        "PENDING_INSTALL": Step(to=_pick_up, after=minutes(DURATIONS["PENDING_INSTALL"])),
        "INSTALLING": Step(to=_finish, after=minutes(DURATIONS["INSTALLING"])),
        "PENDING_UNINSTALL": Step(to=_pick_up, after=minutes(DURATIONS["PENDING_UNINSTALL"])),
        "UNINSTALLING": Step(to=_finish, after=minutes(DURATIONS["UNINSTALLING"])),
    },
    on_enter=_on_enter,
)


# -------------------------------------------------------------------------------- WorkSpace rules (1.6)
_BROKEN = frozenset({"ERROR", "UNHEALTHY", "IMPAIRED"})


def os_name(workspace: Any) -> Optional[str]:
    """The WorkSpace's OperatingSystemName, or None when it has none."""
    return getattr(getattr(workspace, "workspace_properties", None), "operating_system_name", None)


def compute_name(workspace: Any) -> Optional[str]:
    """The WorkSpace's ComputeTypeName, or None when it has none."""
    return getattr(getattr(workspace, "workspace_properties", None), "compute_type_name", None)


def is_windows(workspace: Any) -> bool:
    """Manage applications covers Windows WorkSpaces only."""
    return windows_os(os_name(workspace) or "")


def require_workspace(backend: WorkspacesBackend, workspace_id: str) -> Any:
    """The WorkSpace, or ResourceNotFoundException when it is unknown or terminated."""
    workspace = backend.workspaces.peek(workspace_id)
    if workspace is None or workspace.state == "TERMINATED":
        raise errors.ResourceNotFoundException(
            f"The WorkSpace {workspace_id} could not be found.", resource_id=workspace_id
        )
    return workspace


def require_changeable(workspace: Any, *, windows_only: bool = True) -> None:
    """Applications change only on an AVAILABLE or STOPPED, Windows, user-assigned WorkSpace."""
    wid, state = workspace.workspace_id, workspace.state
    if state in _BROKEN:
        raise errors.OperationNotSupportedException(
            f"WorkSpace {wid} is {state}; applications cannot be managed on it.", reason=state
        )
    if state not in ("AVAILABLE", "STOPPED"):
        raise errors.ResourceInUseException(
            f"WorkSpace {wid} is {state}; applications can be managed only while it is AVAILABLE or STOPPED.",
            resource_id=wid,
        )
    if getattr(workspace, "user_name", None) == "[UNDEFINED]":
        raise errors.OperationNotSupportedException(
            f"WorkSpace {wid} is not assigned to a user; Manage applications does not support it."
        )
    if windows_only and not is_windows(workspace):
        raise errors.OperationNotSupportedException(
            f"WorkSpace {wid} runs {os_name(workspace)}; Manage applications supports Windows only."
        )


# -------------------------------------------------------------------------------------- synchronous steps
def _conflicts(backend: WorkspacesBackend, rows: list[Association], app: Application) -> Optional[str]:
    """The name of an application among ``rows`` that ``app`` cannot share a WorkSpace with."""
    for row in rows:
        other = backend.applications.peek(row.application_id)
        if other is not None and other.application_id != app.application_id and app.conflicts_with(other):
            return other.name
    return None


def _queued_as(row: Association, force: bool) -> Optional[str]:
    """The state a deployment moves the row to (T10-T12), or None when it leaves the row alone."""
    if row.state == PENDING_INSTALL_DEPLOYMENT:
        return "PENDING_INSTALL"
    if row.state == PENDING_UNINSTALL_DEPLOYMENT:
        return "PENDING_UNINSTALL"
    if force and row.state == ERROR:
        return "PENDING_INSTALL" if row.direction == INSTALL else "PENDING_UNINSTALL"
    return None


def _staying(row: Association, force: bool) -> bool:
    """True when the row's application is (or will be) installed after a deployment."""
    return row.state == COMPLETED or _queued_as(row, force) == "PENDING_INSTALL"


def check_compatible(workspace: Any, app: Application) -> None:
    """Errors 4-6 of AssociateWorkspaceApplication: application state, operating system, compute."""
    wid = workspace.workspace_id
    if app.state != "AVAILABLE":
        raise errors.ApplicationNotSupportedException(
            f"Application {app.application_id} is {app.state} and cannot be associated."
        )
    if not is_windows(workspace) or os_name(workspace) not in app.supported_operating_system_names:
        raise errors.OperatingSystemNotCompatibleException(
            f"Application {app.application_id} does not support {os_name(workspace)} (WorkSpace {wid})."
        )
    compute = compute_name(workspace)
    if compute is not None and compute not in app.supported_compute_type_names:
        raise errors.ComputeNotCompatibleException(
            f"Application {app.application_id} does not support compute type {compute} (WorkSpace {wid})."
        )


def associate(backend: WorkspacesBackend, workspace: Any, app: Application) -> Association:
    """T1 (or T2: ResourceAlreadyExistsException; incompatible: IncompatibleApplicationsException)."""
    wid, book = workspace.workspace_id, backend.associations
    existing = book.get(WORKSPACE, wid, app.application_id)
    if existing is not None and existing.state != REMOVED:
        raise errors.ResourceAlreadyExistsException(
            f"Application {app.application_id} is already associated with WorkSpace {wid} ({existing.state})."
        )
    staying = [row for row in book.rows(WORKSPACE, wid) if row.direction == INSTALL and row.state != REMOVED]
    clash = _conflicts(backend, staying, app)
    if clash is not None:
        raise errors.IncompatibleApplicationsException(
            f"Application {app.application_id} cannot be installed next to {clash} on WorkSpace {wid}."
        )
    now = backend.clock.now()
    row = book.put(Association(app.application_id, WORKSPACE, wid, PENDING_INSTALL_DEPLOYMENT, now, now))
    backend.lifecycle.enter(row, ASSOCIATION, PENDING_INSTALL_DEPLOYMENT, now)
    return row


def disassociate(backend: WorkspacesBackend, workspace_id: str, application_id: str) -> Association:
    """T3-T8 (T9: ResourceNotFoundException)."""
    row = backend.associations.get(WORKSPACE, workspace_id, application_id)
    if row is None or row.state == REMOVED:
        raise errors.ResourceNotFoundException(
            f"Application {application_id} is not associated with WorkSpace {workspace_id}.",
            resource_id=application_id,
        )
    if row.state in RUNNING:
        raise errors.ResourceInUseException(
            f"A deployment of application {application_id} on WorkSpace {workspace_id} is in progress "
            f"({row.state}).",
            resource_id=workspace_id,
        )
    never_installed = row.state == PENDING_INSTALL_DEPLOYMENT or (
        row.state == ERROR and row.direction == INSTALL
    )
    if never_installed:
        backend.lifecycle.enter(row, ASSOCIATION, REMOVED)
    elif row.state != PENDING_UNINSTALL_DEPLOYMENT:
        backend.lifecycle.enter(row, ASSOCIATION, PENDING_UNINSTALL_DEPLOYMENT)
    return row


def _check_deployable(
    backend: WorkspacesBackend, workspace_id: str, rows: list[Association], force: bool
) -> None:
    running = next((row for row in rows if row.state in RUNNING), None)
    if running is not None:
        raise errors.ResourceInUseException(
            f"A deployment is already in progress on WorkSpace {workspace_id} "
            f"(application {running.application_id} is {running.state}).",
            resource_id=workspace_id,
        )
    staying = [row for row in rows if _staying(row, force)]
    for index, row in enumerate(staying):
        app = backend.applications.peek(row.application_id)
        clash = _conflicts(backend, staying[index + 1 :], app) if app is not None else None
        if app is not None and clash is not None:
            raise errors.IncompatibleApplicationsException(
                f"Applications {app.name} and {clash} cannot both be installed on WorkSpace {workspace_id}."
            )


def deploy(backend: WorkspacesBackend, workspace_id: str, force: bool) -> list[Association]:
    """T10-T12: queue every pending row (and, with ``force``, every failed one); uninstalls go first."""
    rows = backend.associations.rows(WORKSPACE, workspace_id)
    _check_deployable(backend, workspace_id, rows, force)
    queued = [(row, target) for row in rows if (target := _queued_as(row, force)) is not None]
    queued.sort(key=lambda pair: pair[1] != "PENDING_UNINSTALL")
    now = backend.clock.now()
    for row, target in queued:
        backend.lifecycle.enter(row, ASSOCIATION, target, now)
    return [row for row, _target in queued]
