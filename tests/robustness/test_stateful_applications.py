"""A stateful test of the application lifecycle against the reference model in ``_reference``.

Hypothesis runs random sequences of: create, stop, start and terminate WorkSpaces (Windows, Windows with
Office 2019 preinstalled, Linux, Value compute); associate, disassociate, deploy with and without Force;
injected deployment failures; clock advances (timed mode) and settles (manual mode). Every call's outcome
must be one the model allows; after every step the world is read back through the API, the invariants of
``_invariants`` must hold, and what changed by itself must be a path of the spec.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from botocore.exceptions import ClientError
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from workspaces_fake import WorkspacesBackend, mock_workspaces

from . import _invariants, _reference
from ._invariants import CONFLICT_GROUPS
from .conftest import REGION, make_client

UNKNOWN_WS = "ws-000unknown"
UNKNOWN_APP = "wsa-000unknown"
BUNDLES = {
    "windows": "Standard with Windows 10 (Server 2022 based)",
    "plus": "Standard with Windows 10 and Office 2019 Pro Plus (Server 2019 based)",
    "value": "Value with Windows 10 (Server 2022 based)",
    "linux": "Standard with Amazon Linux 2",
}
FAILURES = sorted(_invariants.enum("AssociationErrorCode"))
MAX_WORKSPACES = 4
CLIENT = make_client()


def outcome_of(call: Any, **params: Any) -> tuple[str, dict[str, Any]]:
    """``("ok", response)`` or ``(error code, error response)``."""
    try:
        return "ok", call(**params)
    except ClientError as err:
        return str(err.response["Error"]["Code"]), err.response


class ApplicationLifecycle(RuleBasedStateMachine):
    """The fake and the reference model, driven side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.model = _reference.Model()
        self.mock: Optional[Any] = None
        self.mode = "instant"
        self.users = 0
        self.checks = 0

    @property
    def backend(self) -> WorkspacesBackend:
        assert self.mock is not None
        return self.mock.backend  # type: ignore[no-any-return]

    # -------------------------------------------------------------------------------------- setup
    @initialize(mode=st.sampled_from(["instant", "timed", "manual"]))
    def start(self, mode: str) -> None:
        self.mode = mode
        self.mock = mock_workspaces(region=REGION, lifecycle=mode)
        self.mock.start()
        self.directory = self.backend.add_directory().directory_id
        self.bundle_ids = {kind: self._bundle_id(name) for kind, name in BUNDLES.items()}
        for app in _invariants.pages(CLIENT, "describe_applications", "Applications"):
            self.model.apps[app["ApplicationId"]] = _reference.App(
                app["ApplicationId"],
                app["Name"],
                app["State"],
                frozenset(app.get("SupportedOperatingSystemNames", [])),
                frozenset(app.get("SupportedComputeTypeNames", [])),
                CONFLICT_GROUPS.get(app["Name"]),
            )
        for kind in ("windows", "plus"):  # two WorkSpaces ready to take applications from the start
            self.create_workspace(kind)
        self.backend.settle()

    def _bundle_id(self, name: str) -> str:
        for page in CLIENT.get_paginator("describe_workspace_bundles").paginate(Owner="AMAZON"):
            for bundle in page["Bundles"]:
                if bundle["Name"] == name:
                    return str(bundle["BundleId"])
        raise KeyError(name)

    def teardown(self) -> None:
        if self.mock is not None:
            self.mock.stop()

    # ---------------------------------------------------------------------------------- choosing
    @staticmethod
    def _pick(data: st.DataObject, known: list[str], unknown: str, label: str) -> str:
        """A known id nine times in ten, else one nobody has."""
        if not known or data.draw(st.integers(0, 9), label=f"{label} known?") == 9:
            return unknown
        return data.draw(st.sampled_from(known), label=label)

    def _workspace(self, data: st.DataObject) -> str:
        return self._pick(data, sorted(self.model.workspaces), UNKNOWN_WS, "workspace")

    def _app(self, data: st.DataObject, workspace_id: Optional[str] = None) -> str:
        """An application; for ``workspace_id``, mostly one it already has a row for."""
        mine = sorted(row.application_id for row in self.model.rows_of(workspace_id or ""))
        if mine and data.draw(st.integers(0, 3), label="one of its rows?") < 3:
            return data.draw(st.sampled_from(mine), label="application")
        return self._pick(data, sorted(self.model.apps), UNKNOWN_APP, "application")

    # ------------------------------------------------------------------------------- WorkSpaces
    @precondition(lambda self: len(self.model.workspaces) < MAX_WORKSPACES)
    @rule(kind=st.sampled_from(sorted(BUNDLES)))
    def create_workspace(self, kind: str) -> None:
        self.users += 1
        request = {
            "DirectoryId": self.directory,
            "UserName": f"user{self.users}",
            "BundleId": self.bundle_ids[kind],
            "WorkspaceProperties": {"RunningMode": "AUTO_STOP"},
        }
        response = CLIENT.create_workspaces(Workspaces=[request])
        assert response["FailedRequests"] == [], response["FailedRequests"]
        (pending,) = response["PendingRequests"]
        assert pending["State"] == "PENDING"
        wid = pending["WorkspaceId"]
        listed = CLIENT.describe_workspaces(WorkspaceIds=[wid])["Workspaces"]
        props = listed[0]["WorkspaceProperties"] if listed else {}
        system, compute = props.get("OperatingSystemName", ""), props.get("ComputeTypeName", "")
        self.model.workspaces[wid] = _reference.Workspace(wid, "PENDING", system, compute, "AUTO_STOP")
        preinstalled = CLIENT.describe_bundle_associations(
            BundleId=self.bundle_ids[kind], AssociatedResourceTypes=["APPLICATION"]
        )["Associations"]
        for item in preinstalled:  # spec 1.8 (6): the bundle's applications come COMPLETED
            app = item["AssociatedResourceId"]
            self.model.rows[(wid, app)] = _reference.Row(wid, app, "COMPLETED")

    def _batch(self, method: str, member: str, workspace_id: str, expected: set[str]) -> bool:
        response = getattr(CLIENT, method)(**{member: [{"WorkspaceId": workspace_id}]})
        failed = [item["WorkspaceId"] for item in response["FailedRequests"]]
        got = "failed" if workspace_id in failed else "ok"
        assert got in expected, f"{method}({workspace_id}): {got}, model expects {expected}: {response}"
        return got == "ok"

    @precondition(lambda self: self.model.workspaces)
    @rule(data=st.data())
    def stop_workspace(self, data: st.DataObject) -> None:
        wid = data.draw(st.sampled_from(sorted(self.model.workspaces)), label="workspace")
        ws = self.model.workspaces[wid]
        if self._batch("stop_workspaces", "StopWorkspaceRequests", wid, self.model.stop_outcome(ws)):
            ws.state = "STOPPING"
            self.model.disturb(wid)

    @precondition(lambda self: self.model.workspaces)
    @rule(data=st.data())
    def start_workspace(self, data: st.DataObject) -> None:
        wid = data.draw(st.sampled_from(sorted(self.model.workspaces)), label="workspace")
        ws = self.model.workspaces[wid]
        if self._batch("start_workspaces", "StartWorkspaceRequests", wid, self.model.start_outcome(ws)):
            ws.state = "STARTING"
            self.model.disturb(wid, rescue=True)

    @precondition(lambda self: self.model.workspaces)
    @rule(data=st.data())
    def terminate_workspace(self, data: st.DataObject) -> None:
        wid = data.draw(st.sampled_from(sorted(self.model.workspaces)), label="workspace")
        ws = self.model.workspaces[wid]
        expected = self.model.terminate_outcome(ws)
        if self._batch("terminate_workspaces", "TerminateWorkspaceRequests", wid, expected):
            if ws.state not in ("TERMINATING", "TERMINATED"):
                ws.state = "TERMINATING"
            self.model.disturb(wid)

    # ------------------------------------------------------------------------------ applications
    def _guided(self, data: st.DataObject, likely: list[str], fallback: Callable[[], str], label: str) -> str:
        """Three times in four one of the ``likely`` choices (where the interesting paths start)."""
        if likely and data.draw(st.integers(0, 3), label=f"{label} guided?") < 3:
            return data.draw(st.sampled_from(likely), label=label)
        return fallback()

    def _installable(self, workspace_id: str) -> list[str]:
        ws = self.model.workspaces.get(workspace_id)
        if ws is None:
            return []
        fits = [a for a in self.model.apps.values() if ws.system in a.systems and ws.compute in a.computes]
        return sorted(a.application_id for a in fits if a.state == "AVAILABLE")

    def _deployable(self) -> list[str]:
        states = ("PENDING_INSTALL_DEPLOYMENT", "PENDING_UNINSTALL_DEPLOYMENT", "ERROR")
        return sorted({row.workspace_id for row in self.model.rows.values() if row.state in states})

    @rule(data=st.data())
    def associate(self, data: st.DataObject) -> None:
        wid = self._workspace(data)
        self._associate(
            wid, self._guided(data, self._installable(wid), lambda: self._app(data), "application")
        )

    def _associate(self, wid: str, app: str) -> None:
        expected = self.model.predict_associate(wid, app)
        got, response = outcome_of(CLIENT.associate_workspace_application, WorkspaceId=wid, ApplicationId=app)
        assert got in expected, f"associate({wid}, {app}): {got}, model expects {expected}"
        if got == "ok":
            row = response["Association"]
            assert (row["WorkspaceId"], row["AssociatedResourceId"]) == (wid, app)
            assert row["State"] == "PENDING_INSTALL_DEPLOYMENT" and "StateReason" not in row
            self.model.apply_associate(wid, app)

    def _legacy_office(self) -> list[str]:
        """WorkSpaces where Office 2016 or 2019 is installed (from an Office bundle)."""
        legacy = {a.application_id for a in self.model.apps.values() if a.group == "office-legacy"}
        return sorted(
            {
                r.workspace_id
                for r in self.model.rows.values()
                if r.application_id in legacy and r.state == "COMPLETED"
            }
        )

    @precondition(lambda self: self._legacy_office())
    @rule(data=st.data(), force=st.booleans())
    def upgrade_office(self, data: st.DataObject, force: bool) -> None:
        """Office 2021 deployed where Office 2019 is still installed (spec 1.5: old version exists)."""
        wid = data.draw(st.sampled_from(self._legacy_office()), label="workspace")
        office = sorted(a.application_id for a in self.model.apps.values() if a.group == "office-2021")
        self._associate(wid, data.draw(st.sampled_from(office), label="application"))
        self._deploy(wid, force)

    @rule(data=st.data())
    def disassociate(self, data: st.DataObject) -> None:
        wid = self._workspace(data)
        app = self._app(data, wid)
        expected = self.model.predict_disassociate(wid, app)
        call = CLIENT.disassociate_workspace_application
        got, response = outcome_of(call, WorkspaceId=wid, ApplicationId=app)
        assert got in expected, f"disassociate({wid}, {app}): {got}, model expects {expected}"
        if got == "ok":
            assert response["Association"]["State"] == self.model.apply_disassociate(wid, app)

    @rule(data=st.data(), force=st.booleans())
    def deploy(self, data: st.DataObject, force: bool) -> None:
        self._deploy(
            self._guided(data, self._deployable(), lambda: self._workspace(data), "workspace"), force
        )

    def _waiting(self) -> list[tuple[str, str]]:
        """(WorkSpace, application) pairs whose rows wait for a deployment."""
        waiting = ("PENDING_INSTALL_DEPLOYMENT", "PENDING_UNINSTALL_DEPLOYMENT")
        return sorted(key for key, row in self.model.rows.items() if row.state in waiting)

    @precondition(lambda self: self._waiting())
    @rule(data=st.data(), code=st.sampled_from(FAILURES), force=st.booleans())
    def deploy_with_failure(self, data: st.DataObject, code: str, force: bool) -> None:
        """A fault for one waiting row, then the deployment that will meet it (ERROR rows, often)."""
        wid, app = data.draw(st.sampled_from(self._waiting()), label="waiting row")
        self.backend.faults.on_deployment(workspace_id=wid, application_id=app).fail(code)
        self.model.inject(wid, app, code)
        self._deploy(wid, force)

    def _deploy(self, wid: str, force: bool) -> None:
        expected = self.model.predict_deploy(wid, force)
        got, response = outcome_of(CLIENT.deploy_workspace_applications, WorkspaceId=wid, Force=force)
        assert got in expected, f"deploy({wid}, force={force}): {got}, model expects {expected}"
        if got == "ok":
            moves = self.model.deploy_moves(wid, force)
            shown = {
                row["AssociatedResourceId"]: row["State"] for row in response["Deployment"]["Associations"]
            }
            assert shown == moves, f"deploy({wid}) moved {shown}, model expects {moves}"
            self.model.apply_deploy(wid, moves)

    @precondition(lambda self: self.model.workspaces)
    @rule(data=st.data(), code=st.sampled_from(FAILURES))
    def inject_deployment_failure(self, data: st.DataObject, code: str) -> None:
        wid = data.draw(st.sampled_from(sorted(self.model.workspaces)), label="workspace")
        app = self._app(data, wid)
        if app == UNKNOWN_APP:
            return
        self.backend.faults.on_deployment(workspace_id=wid, application_id=app).fail(code)
        self.model.inject(wid, app, code)

    # ------------------------------------------------------------------------------------- time
    @precondition(lambda self: self.mode == "timed")
    @rule(minutes=st.integers(1, 30))
    def advance_clock(self, minutes: int) -> None:
        self.backend.clock.advance(minutes=minutes)

    @precondition(lambda self: self.mode == "manual")
    @rule()
    def settle(self) -> None:
        self.backend.settle()

    # ------------------------------------------------------------------------------- invariants
    @invariant()
    def world_agrees_with_model(self) -> None:
        if self.mock is None:
            return
        self.checks += 1
        names = {app.application_id: app.name for app in self.model.apps.values()}
        rotating = sorted(names)[self.checks % len(names)]
        picture = _invariants.check(self.backend, CLIENT, full=False, applications=names, also=[rotating])
        rows = {
            (row.resource_id, row.application_id): (row.state, row.error_code, row.created, row.updated)
            for row in picture.rows
            if row.resource_type == "WORKSPACE"
        }
        problems = self.model.observe(picture.workspaces, rows)
        assert not problems, "\n".join(problems)


ApplicationLifecycle.TestCase.settings = settings()  # the profile conftest loaded
TestApplicationLifecycle = ApplicationLifecycle.TestCase
