"""Every transition T1-T19 of spec 1.4, walked once in each lifecycle mode (instant, timed, manual).

The walk is the same in every mode; only "let the deployment finish" differs: nothing in instant mode
(the next read completes it), an hour of clock in timed mode, ``backend.settle()`` in manual mode.
"""

from __future__ import annotations

from typing import Any

import pytest
from _apps import OFFICE

from workspaces_fake import WorkspacesBackend

MODES = ["instant", "timed", "manual"]


class Walk:
    """One WorkSpace and one application, driven through boto3 in one lifecycle mode."""

    def __init__(self, client: Any, backend: WorkspacesBackend, mode: str) -> None:
        backend.lifecycle.mode = mode
        self.client, self.backend, self.mode = client, backend, mode
        self.ws = backend.add_workspace().workspace_id
        self.pair = {"WorkspaceId": self.ws, "ApplicationId": OFFICE}

    def state(self) -> str:
        rows = self.client.describe_workspace_associations(
            WorkspaceId=self.ws, AssociatedResourceTypes=["APPLICATION"]
        )
        return str(rows["Associations"][0]["State"])

    def reason(self) -> str:
        rows = self.client.describe_workspace_associations(
            WorkspaceId=self.ws, AssociatedResourceTypes=["APPLICATION"]
        )
        return str(rows["Associations"][0].get("StateReason", {}).get("ErrorCode", ""))

    def associate(self) -> str:
        return str(self.client.associate_workspace_application(**self.pair)["Association"]["State"])

    def disassociate(self) -> str:
        return str(self.client.disassociate_workspace_application(**self.pair)["Association"]["State"])

    def deploy(self, force: bool = False) -> list[str]:
        moved = self.client.deploy_workspace_applications(WorkspaceId=self.ws, Force=force)
        return [row["State"] for row in moved["Deployment"]["Associations"]]

    def halfway(self) -> None:
        """Timed mode only: past the pick-up, before the end of the running step."""
        if self.mode == "timed":
            self.backend.clock.advance(minutes=6)

    def finish(self) -> None:
        if self.mode == "timed":
            self.backend.clock.advance(hours=1)
        elif self.mode == "manual":
            self.backend.settle()

    def fail_next(self, code: str) -> None:
        self.backend.faults.on_deployment(self.ws, OFFICE).fail(code)


@pytest.fixture(params=MODES)
def walk(request: pytest.FixtureRequest, client: Any, workspaces_backend: WorkspacesBackend) -> Walk:
    return Walk(client, workspaces_backend, request.param)


def test_modes_associate_and_disassociate_without_deploying_t1_t2_t3_t9(walk: Walk) -> None:
    assert walk.associate() == "PENDING_INSTALL_DEPLOYMENT"  # T1
    with pytest.raises(walk.client.exceptions.ResourceAlreadyExistsException):  # T2
        walk.associate()
    assert walk.disassociate() == "REMOVED"  # T3
    with pytest.raises(walk.client.exceptions.ResourceNotFoundException):  # T9
        walk.disassociate()
    assert walk.associate() == "PENDING_INSTALL_DEPLOYMENT"  # T1 from REMOVED


def test_modes_install_then_uninstall_t4_t7_t8_t10_t11_t13_t14_t16_t17(walk: Walk) -> None:
    walk.associate()
    assert walk.deploy() == ["PENDING_INSTALL"]  # T10
    if walk.mode != "instant":  # in instant mode the next call already sees the install finished
        with pytest.raises(walk.client.exceptions.ResourceInUseException):  # T7 (pending)
            walk.disassociate()
    walk.halfway()
    if walk.mode == "timed":
        assert walk.state() == "INSTALLING"  # T13
        with pytest.raises(walk.client.exceptions.ResourceInUseException):  # T7 (running)
            walk.disassociate()
    walk.finish()
    assert walk.state() == "COMPLETED"  # T14
    assert walk.disassociate() == "PENDING_UNINSTALL_DEPLOYMENT"  # T4
    assert walk.disassociate() == "PENDING_UNINSTALL_DEPLOYMENT"  # T8
    assert walk.deploy() == ["PENDING_UNINSTALL"]  # T11
    walk.halfway()
    if walk.mode == "timed":
        assert walk.state() == "UNINSTALLING"  # T16
    walk.finish()
    assert walk.state() == "REMOVED"  # T17


def test_modes_failed_install_retried_with_force_t12_t15(walk: Walk) -> None:
    walk.fail_next("DeploymentError.InternalServerError")
    walk.associate()
    walk.deploy()
    walk.finish()
    assert (walk.state(), walk.reason()) == ("ERROR", "DeploymentError.InternalServerError")  # T15
    assert walk.deploy() == []
    assert walk.deploy(force=True) == ["PENDING_INSTALL"]  # T12
    walk.finish()
    assert (walk.state(), walk.reason()) == ("COMPLETED", "")


def test_modes_failed_install_disassociated_is_removed_t5(walk: Walk) -> None:
    walk.fail_next("ValidationError.InsufficientMemory")
    walk.associate()
    walk.deploy()
    walk.finish()
    assert walk.state() == "ERROR"
    assert walk.disassociate() == "REMOVED"  # T5


def test_modes_failed_uninstall_t6_t12_t18(walk: Walk) -> None:
    walk.associate()
    walk.deploy()
    walk.finish()
    walk.disassociate()
    walk.fail_next("DeploymentError.WorkspaceUnreachable")
    walk.deploy()
    walk.finish()
    assert (walk.state(), walk.reason()) == ("ERROR", "DeploymentError.WorkspaceUnreachable")  # T18
    assert walk.disassociate() == "PENDING_UNINSTALL_DEPLOYMENT"  # T6
    walk.fail_next("ValidationError.UnsupportedOperatingSystem")
    walk.deploy()
    walk.finish()
    assert walk.state() == "ERROR"
    assert walk.deploy(force=True) == ["PENDING_UNINSTALL"]  # T12, uninstall direction
    walk.finish()
    assert walk.state() == "REMOVED"


def test_modes_terminated_workspace_loses_its_rows_t19(walk: Walk) -> None:
    walk.associate()
    walk.deploy()
    walk.finish()
    walk.client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": walk.ws}])
    walk.finish()
    with pytest.raises(walk.client.exceptions.ResourceNotFoundException):
        walk.client.describe_workspace_associations(
            WorkspaceId=walk.ws, AssociatedResourceTypes=["APPLICATION"]
        )
    rows = walk.client.describe_application_associations(
        ApplicationId=OFFICE, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert rows["Associations"] == []
