"""A small reference model of Manage applications, written from the spec (sections 1.4-1.7, 2.1) alone.

It imports nothing from the fake. It knows WorkSpaces (state, system, compute) and association rows
(state, direction of the last deployment, what may end the deployment in flight), predicts the outcome of
every synchronous call (T1-T12, the WorkSpace preconditions of 1.6, the error order of 1.7), and accepts
asynchronous progress (T13-T18, WorkSpace steps) only along the spec's paths. Where the spec leaves a
choice open, a prediction is a set of acceptable outcomes, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

RUNNING = frozenset({"PENDING_INSTALL", "INSTALLING", "PENDING_UNINSTALL", "UNINSTALLING"})
UNINSTALL_BOUND = frozenset({"PENDING_UNINSTALL_DEPLOYMENT", "PENDING_UNINSTALL", "UNINSTALLING"})
CHANGEABLE = frozenset({"AVAILABLE", "STOPPED"})
BROKEN = frozenset({"ERROR", "UNHEALTHY", "IMPAIRED"})
UNREACHABLE = "DeploymentError.WorkspaceUnreachable"
OLD_VERSION = "ValidationError.ApplicationOldVersionExists"
SUPERSEDES = {"office-2021": "office-legacy"}

# T13-T18: where an in-flight row may be found at a later observation.
ASYNC_PATHS = {
    "PENDING_INSTALL": {"PENDING_INSTALL", "INSTALLING", "COMPLETED", "ERROR"},
    "INSTALLING": {"INSTALLING", "COMPLETED", "ERROR"},
    "PENDING_UNINSTALL": {"PENDING_UNINSTALL", "UNINSTALLING", "REMOVED", "ERROR"},
    "UNINSTALLING": {"UNINSTALLING", "REMOVED", "ERROR"},
}
# Spec 2.1: where a WorkSpace may be found later without a call ("GONE": no longer listed).
WORKSPACE_PATHS = {
    "PENDING": {"PENDING", "AVAILABLE"},
    "STARTING": {"STARTING", "AVAILABLE"},
    "STOPPING": {"STOPPING", "STOPPED"},
    "REBOOTING": {"REBOOTING", "AVAILABLE"},
    "TERMINATING": {"TERMINATING", "TERMINATED", "GONE"},
    "TERMINATED": {"TERMINATED", "GONE"},
}


@dataclass
class App:
    """A catalog application as DescribeApplications shows it, with this harness's conflict group."""

    application_id: str
    name: str
    state: str
    systems: frozenset[str]
    computes: frozenset[str]
    group: Optional[str]


@dataclass
class Workspace:
    workspace_id: str
    state: str
    system: str
    compute: str
    running_mode: str


@dataclass
class Flight:
    """What may end the deployment a row is in: an injected fault must win; the others may happen."""

    injected: Optional[str] = None
    may_unreachable: bool = False
    must_unreachable: bool = False
    may_old_version: bool = False
    must_old_version: bool = False


@dataclass
class Row:
    workspace_id: str
    application_id: str
    state: str
    direction: str = "INSTALL"
    created: Optional[datetime] = None
    updated: Optional[datetime] = None
    flight: Optional[Flight] = None


Outcome = str
"""``"ok"`` or an error code."""

Seen = tuple[str, Optional[str], datetime, datetime]
"""A row as the API shows it: state, StateReason.ErrorCode, Created, LastUpdatedTime."""


@dataclass
class Model:
    """The whole reference state of one backend."""

    apps: dict[str, App] = field(default_factory=dict)
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    rows: dict[tuple[str, str], Row] = field(default_factory=dict)
    faults: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    # --------------------------------------------------------------------------------- helpers
    def rows_of(self, workspace_id: str) -> list[Row]:
        return [row for (wid, _), row in self.rows.items() if wid == workspace_id]

    def live(self, workspace_id: str) -> Optional[Workspace]:
        """The WorkSpace as the app operations see it (None: unknown, terminated or gone)."""
        ws = self.workspaces.get(workspace_id)
        return None if ws is None or ws.state in ("TERMINATED", "GONE") else ws

    def _state_errors(self, ws: Workspace, windows_only: bool) -> set[Outcome]:
        """Spec 1.6: the WorkSpace must be AVAILABLE or STOPPED (and Windows where the op requires it)."""
        if ws.state in BROKEN:
            return {"OperationNotSupportedException"}
        if ws.state not in CHANGEABLE:
            return {"ResourceInUseException"}
        if windows_only and not ws.system.startswith("WINDOWS"):
            return {"OperationNotSupportedException"}
        return set()

    def _group(self, application_id: str) -> Optional[str]:
        app = self.apps.get(application_id)
        return app.group if app is not None else None

    # ----------------------------------------------------------------------------- associate (1.7.1)
    def predict_associate(self, workspace_id: str, application_id: str) -> set[Outcome]:
        ws, app = self.live(workspace_id), self.apps.get(application_id)
        if ws is None or app is None:
            return {"ResourceNotFoundException"}
        for check in (
            self._state_errors(ws, windows_only=False),
            {"ApplicationNotSupportedException"} if app.state != "AVAILABLE" else set(),
            {"OperatingSystemNotCompatibleException"} if ws.system not in app.systems else set(),
            {"ComputeNotCompatibleException"} if ws.compute not in app.computes else set(),
        ):
            if check:
                return check
        existing = self.rows.get((workspace_id, application_id))
        if existing is not None and existing.state != "REMOVED":
            return {"ResourceAlreadyExistsException"}
        return self._conflict_outcomes(workspace_id, application_id)

    def _conflict_outcomes(self, workspace_id: str, application_id: str) -> set[Outcome]:
        """Error 8: another non-REMOVED, non-uninstall-bound row of the same group. A row in ERROR after a
        failed uninstall is read both ways (the spec lists only the three uninstall states as exempt)."""
        group = self._group(application_id)
        outcomes: set[Outcome] = set()
        for row in self.rows_of(workspace_id):
            if (
                row.application_id == application_id
                or group is None
                or self._group(row.application_id) != group
            ):
                continue
            if row.state == "REMOVED" or row.state in UNINSTALL_BOUND:
                continue
            if row.state == "ERROR" and row.direction == "UNINSTALL":
                outcomes |= {"ok", "IncompatibleApplicationsException"}
                continue
            return {"IncompatibleApplicationsException"}
        return outcomes or {"ok"}

    def apply_associate(self, workspace_id: str, application_id: str) -> None:
        """T1: a fresh row waits for a deployment."""
        self.rows[(workspace_id, application_id)] = Row(
            workspace_id, application_id, "PENDING_INSTALL_DEPLOYMENT"
        )

    # -------------------------------------------------------------------------- disassociate (1.7.2)
    def predict_disassociate(self, workspace_id: str, application_id: str) -> set[Outcome]:
        ws = self.live(workspace_id)
        if ws is None or application_id not in self.apps:
            return {"ResourceNotFoundException"}
        errors = self._state_errors(ws, windows_only=True)
        if errors:
            return errors
        row = self.rows.get((workspace_id, application_id))
        if row is None or row.state == "REMOVED":
            return {"ResourceNotFoundException"}  # T9
        if row.state in RUNNING:
            return {"ResourceInUseException"}  # T7
        if row.state == "PENDING_UNINSTALL_DEPLOYMENT":
            return {"ok", "ResourceInUseException"}  # T8 and its alternative
        return {"ok"}

    def disassociate_target(self, row: Row) -> str:
        """T3-T6 (T8 leaves the row as it is)."""
        if row.state == "PENDING_INSTALL_DEPLOYMENT" or (row.state == "ERROR" and row.direction == "INSTALL"):
            return "REMOVED"
        return "PENDING_UNINSTALL_DEPLOYMENT"

    def apply_disassociate(self, workspace_id: str, application_id: str) -> str:
        row = self.rows[(workspace_id, application_id)]
        row.state = self.disassociate_target(row)
        if row.state == "PENDING_UNINSTALL_DEPLOYMENT":
            row.direction = "UNINSTALL"
        return row.state

    # -------------------------------------------------------------------------------- deploy (1.7.3)
    def predict_deploy(self, workspace_id: str, force: bool) -> set[Outcome]:
        ws = self.live(workspace_id)
        if ws is None:
            return {"ResourceNotFoundException"}
        errors = self._state_errors(ws, windows_only=True)
        if errors:
            return errors
        rows = self.rows_of(workspace_id)
        if any(row.state in RUNNING for row in rows):
            return {"ResourceInUseException"}
        staying = [row for row in rows if self._stays_installed(row, force)]
        groups = [self._group(row.application_id) for row in staying]
        named = [group for group in groups if group is not None]
        return {"IncompatibleApplicationsException"} if len(named) != len(set(named)) else {"ok"}

    @staticmethod
    def _stays_installed(row: Row, force: bool) -> bool:
        """Rows that would be COMPLETED after the deployment."""
        if row.state in ("COMPLETED", "PENDING_INSTALL_DEPLOYMENT"):
            return True
        return force and row.state == "ERROR" and row.direction == "INSTALL"

    def deploy_moves(self, workspace_id: str, force: bool) -> dict[str, str]:
        """T10-T12: application id -> the state the deployment puts the row in."""
        moves = {}
        for row in self.rows_of(workspace_id):
            if row.state == "PENDING_INSTALL_DEPLOYMENT" or (
                force and row.state == "ERROR" and row.direction == "INSTALL"
            ):
                moves[row.application_id] = "PENDING_INSTALL"
            elif row.state == "PENDING_UNINSTALL_DEPLOYMENT" or (force and row.state == "ERROR"):
                moves[row.application_id] = "PENDING_UNINSTALL"
        return moves

    def apply_deploy(self, workspace_id: str, moves: dict[str, str]) -> None:
        """T10-T12, and what may (or must) end each deployment: an injected fault, an unreachable
        WorkSpace (deployed while not AVAILABLE: must, unless it is started in time), an older version."""
        ws = self.workspaces[workspace_id]
        may_find, staying = self._installed_groups(workspace_id, moves)
        for application_id, state in moves.items():
            row = self.rows[(workspace_id, application_id)]
            row.state, row.direction = state, "INSTALL" if state == "PENDING_INSTALL" else "UNINSTALL"
            flight = Flight(injected=self._take_fault(workspace_id, application_id))
            flight.may_unreachable = flight.must_unreachable = ws.state != "AVAILABLE"
            superseded = SUPERSEDES.get(self._group(application_id) or "")
            if row.direction == "INSTALL" and superseded is not None:
                flight.may_old_version = superseded in may_find
                flight.must_old_version = superseded in staying
            row.flight = flight

    def _installed_groups(self, workspace_id: str, moves: dict[str, str]) -> tuple[set[str], set[str]]:
        """Groups an installation may find still installed, and those it must (COMPLETED, not moved)."""
        may, must = set(), set()
        for row in self.rows_of(workspace_id):
            group = self._group(row.application_id)
            if group is None:
                continue
            if row.state == "COMPLETED" or (row.direction == "UNINSTALL" and row.state != "REMOVED"):
                may.add(group)
            if row.state == "COMPLETED" and row.application_id not in moves:
                must.add(group)
        return may, must

    def inject(self, workspace_id: str, application_id: str, code: str) -> None:
        """A deployment fault fires when a job is picked up: a row still waiting for its pick-up takes it,
        otherwise the next deployment of the pair does."""
        row = self.rows.get((workspace_id, application_id))
        waiting = row is not None and row.state in ("PENDING_INSTALL", "PENDING_UNINSTALL")
        if row is not None and row.flight is not None and waiting and row.flight.injected is None:
            row.flight.injected = code
        else:
            self.faults.setdefault((workspace_id, application_id), []).append(code)

    def _take_fault(self, workspace_id: str, application_id: str) -> Optional[str]:
        queue = self.faults.get((workspace_id, application_id))
        return queue.pop(0) if queue else None

    # ----------------------------------------------------------------------------- WorkSpace changes
    def disturb(self, workspace_id: str, *, rescue: bool = False) -> None:
        """The WorkSpace stops being AVAILABLE (stop, terminate), or comes back (``rescue``: a start)."""
        for row in self.rows_of(workspace_id):
            if row.flight is not None:
                row.flight.may_unreachable = True
                if rescue:
                    row.flight.must_unreachable = False

    def stop_outcome(self, ws: Workspace) -> set[str]:
        """StopWorkspaces per item: ``"ok"`` or ``"failed"`` (FailedRequests)."""
        stoppable = ws.state in ("AVAILABLE", "IMPAIRED", "UNHEALTHY", "ERROR")
        return {"ok"} if stoppable and ws.running_mode in ("AUTO_STOP", "MANUAL") else {"failed"}

    def start_outcome(self, ws: Workspace) -> set[str]:
        return {"ok"} if ws.state == "STOPPED" and ws.running_mode in ("AUTO_STOP", "MANUAL") else {"failed"}

    def terminate_outcome(self, ws: Workspace) -> set[str]:
        if ws.state in ("TERMINATING", "TERMINATED"):
            return {"ok", "failed"}
        return {"failed"} if ws.state == "SUSPENDED" else {"ok"}

    # --------------------------------------------------------------------------------- observation
    def settle_row(self, row: Row, state: str, error_code: Optional[str]) -> list[str]:
        """Adopt an observed state of a row; returns the spec violations it shows."""
        problems = []
        if state != row.state:
            allowed = ASYNC_PATHS.get(row.state, {row.state})
            if state not in allowed:
                problems.append(
                    f"{row.workspace_id}/{row.application_id}: {row.state} -> {state} is no spec path"
                )
        if row.flight is not None and state in ("COMPLETED", "REMOVED", "ERROR"):
            problems += self._check_flight_end(row, state, error_code)
            row.flight = None
        row.state = state
        return problems

    def _check_flight_end(self, row: Row, state: str, code: Optional[str]) -> list[str]:
        flight, where = row.flight, f"{row.workspace_id}/{row.application_id}"
        assert flight is not None
        if flight.injected is not None:
            ok = state == "ERROR" and code == flight.injected
            return [] if ok else [f"{where}: injected {flight.injected} but ended {state} {code}"]
        if flight.must_unreachable and (state != "ERROR" or code != UNREACHABLE):
            return [f"{where}: deployed to a stopped WorkSpace, expected {UNREACHABLE}, got {state} {code}"]
        allowed = {UNREACHABLE} if flight.may_unreachable else set()
        allowed |= {OLD_VERSION} if flight.may_old_version else set()
        if flight.must_old_version and (state != "ERROR" or code not in allowed):
            return [f"{where}: an older version is installed, expected {OLD_VERSION}, got {state} {code}"]
        if state != "ERROR":
            return []
        return [] if code in allowed else [f"{where}: ended in ERROR {code}, which nothing explains"]

    def observe(self, workspaces: dict[str, str], rows: dict[tuple[str, str], Seen]) -> list[str]:
        """Adopt what the API shows (WorkSpace states, every row of every listed WorkSpace) and return the
        spec violations it reveals: impossible state changes, rows appearing or vanishing, time going back.
        """
        problems: list[str] = []
        for workspace_id, ws in list(self.workspaces.items()):
            problems += self._observe_workspace(ws, workspaces.get(workspace_id, "GONE"))
        for key, row in list(self.rows.items()):
            seen = rows.get(key)
            if seen is None:
                if self.live(row.workspace_id) is not None:
                    problems.append(f"{key}: the row vanished while its WorkSpace lives ({row.state})")
                del self.rows[key]
                continue
            problems += self._observe_row(row, seen)
        problems += [
            f"{key}: a row appeared from nowhere ({rows[key][0]})" for key in rows if key not in self.rows
        ]
        return problems

    def _observe_workspace(self, ws: Workspace, state: str) -> list[str]:
        problems = []
        if state == "GONE" and ws.state == "PENDING":
            return []  # a new WorkSpace may not be listed yet (spec 2.2)
        if state != ws.state and state not in WORKSPACE_PATHS.get(ws.state, {ws.state}):
            problems.append(f"{ws.workspace_id}: {ws.state} -> {state} happened without a call")
        if state != "AVAILABLE":
            self.disturb(ws.workspace_id)
        ws.state = state
        if state == "GONE":
            del self.workspaces[ws.workspace_id]
        return problems

    def _observe_row(self, row: Row, seen: Seen) -> list[str]:
        state, code, created, updated = seen
        where = f"{row.workspace_id}/{row.application_id}"
        problems = self.settle_row(row, state, code)
        if not created <= updated:
            problems.append(f"{where}: LastUpdatedTime {updated} before Created {created}")
        if row.created is not None and created != row.created:
            problems.append(f"{where}: Created changed from {row.created} to {created}")
        if row.updated is not None and updated < row.updated:
            problems.append(f"{where}: LastUpdatedTime went back from {row.updated} to {updated}")
        row.created, row.updated = created, updated
        return problems
