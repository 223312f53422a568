"""The demo printed by ``python -m workspaces_fake demo``: Manage applications, end to end, via boto3.

It registers a directory, creates a WorkSpace and waits for it, associates two applications, deploys
them with one install set up to fail, retries that one with ``Force``, then uninstalls it. The fake runs
in the ``timed`` lifecycle and the story moves the fake's clock a minute at a time, printing each state
change with the time it took, as a user watching the console would see it. Nothing here is special to
the demo: every call is an ordinary boto3 call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from .backend import WorkspacesBackend

DIRECTORY_ID = "d-1234567890"
SUBNETS = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
BUNDLE_NAME = "Standard with Windows 10 (Server 2022 based)"
USER = "alice"
OFFICE = "Microsoft Office LTSC Professional Plus 2021"
VISIO = "Microsoft Visio LTSC Professional 2021"
FAILURE = "DeploymentError.InternalServerError"
WAIT_LIMIT_MINUTES = 120


def _short(name: str) -> str:
    return name.replace("Microsoft ", "").replace("LTSC ", "")


class Story:
    """One run of the demo: a boto3 client, the backend behind it, and what has been said so far."""

    def __init__(self, client: Any, backend: WorkspacesBackend, say: Callable[[str], None] = print) -> None:
        self.client = client
        self.backend = backend
        self.say = say
        self.names: dict[str, str] = {}
        self.workspace_id = ""

    def wait(self, read: Callable[[], str], done: Callable[[str], bool]) -> str:
        """Move the clock a minute at a time, printing each change of ``read()`` until ``done``."""
        last = read()
        for minute in range(1, WAIT_LIMIT_MINUTES + 1):
            if done(last):
                return last
            self.backend.clock.advance(minutes=1)
            now = read()
            if now != last:
                self.say(f"      +{minute:>2} min  {now}")
                last = now
        raise RuntimeError(f"the demo waited {WAIT_LIMIT_MINUTES} minutes and nothing settled: {last}")

    # ------------------------------------------------------------------------------------------- steps
    def register_directory(self) -> None:
        answer = self.client.register_workspace_directory(DirectoryId=DIRECTORY_ID, SubnetIds=SUBNETS)
        self.say(f"[1] RegisterWorkspaceDirectory {DIRECTORY_ID}: {answer['State']}")
        self.wait(self._directory_state, lambda state: state == "REGISTERED")

    def _directory_state(self) -> str:
        found = self.client.describe_workspace_directories(DirectoryIds=[DIRECTORY_ID])["Directories"]
        return str(found[0]["State"])

    def create_workspace(self) -> None:
        bundles = self.client.describe_workspace_bundles(Owner="AMAZON")["Bundles"]
        bundle_id = next(b["BundleId"] for b in bundles if b["Name"] == BUNDLE_NAME)
        request = {"DirectoryId": DIRECTORY_ID, "UserName": USER, "BundleId": bundle_id}
        answer = self.client.create_workspaces(Workspaces=[request])
        pending = answer["PendingRequests"][0]
        self.workspace_id = pending["WorkspaceId"]
        self.say(
            f'[2] CreateWorkspaces for {USER} on "{BUNDLE_NAME}": {self.workspace_id} {pending["State"]}'
        )
        self.wait(self._workspace_state, lambda state: state == "AVAILABLE")

    def _workspace_state(self) -> str:
        found = self.client.describe_workspaces(WorkspaceIds=[self.workspace_id])["Workspaces"]
        return str(found[0]["State"])

    def show_catalog(self) -> None:
        apps = self.client.describe_applications()["Applications"]
        self.names = {app["ApplicationId"]: app["Name"] for app in apps}
        installable = sum(1 for app in apps if app["State"] == "AVAILABLE")
        self.say(f"[3] DescribeApplications: {len(apps)} applications, {installable} installable")

    def app_id(self, name: str) -> str:
        return next(app_id for app_id, app_name in self.names.items() if app_name == name)

    def associate(self, *names: str) -> None:
        self.say("[4] AssociateWorkspaceApplication")
        for name in names:
            row = self.client.associate_workspace_application(
                WorkspaceId=self.workspace_id, ApplicationId=self.app_id(name)
            )["Association"]
            self.say(f"      {_short(name)}: {row['State']}")

    def rows(self) -> str:
        """The WorkSpace's application rows on one line: ``Office: COMPLETED, Visio: ERROR (...)``."""
        found = self.client.describe_workspace_associations(
            WorkspaceId=self.workspace_id, AssociatedResourceTypes=["APPLICATION"]
        )["Associations"]
        parts = []
        for row in found:
            reason = row.get("StateReason", {}).get("ErrorCode")
            state = f"{row['State']} ({reason})" if reason else row["State"]
            parts.append(f"{_short(self.names[row['AssociatedResourceId']])}: {state}")
        return ", ".join(parts)

    def deploy(self, label: str, *, force: bool = False) -> None:
        moved = self.client.deploy_workspace_applications(WorkspaceId=self.workspace_id, Force=force)
        rows = moved["Deployment"]["Associations"]
        listed = ", ".join(f"{_short(self.names[r['AssociatedResourceId']])}: {r['State']}" for r in rows)
        self.say(f"{label}: {listed or 'nothing to deploy'}")
        if rows:
            self.wait(self.rows, _settled)


def _settled(line: str) -> bool:
    busy = ("PENDING_INSTALL", "INSTALLING", "PENDING_UNINSTALL", "UNINSTALLING")
    return not any(f": {state}" in line for state in busy)


def run(client: Any, backend: WorkspacesBackend, say: Callable[[str], None] = print) -> Story:
    """The whole story against an active fake; returns it for inspection."""
    story = Story(client, backend, say)
    say('workspaces_fake demo: Manage applications through boto3 (lifecycle "timed")')
    story.register_directory()
    story.create_workspace()
    story.show_catalog()
    story.associate(OFFICE, VISIO)
    backend.faults.on_deployment(story.workspace_id, story.app_id(VISIO)).fail(FAILURE, "installer crashed")
    say(f"    (fault rule: the next {_short(VISIO)} install ends in {FAILURE})")
    story.deploy("[5] DeployWorkspaceApplications")
    story.deploy("[6] DeployWorkspaceApplications without Force")
    story.deploy("[7] DeployWorkspaceApplications Force=True", force=True)
    row = story.client.disassociate_workspace_application(
        WorkspaceId=story.workspace_id, ApplicationId=story.app_id(VISIO)
    )["Association"]
    say(f"[8] DisassociateWorkspaceApplication {_short(VISIO)}: {row['State']}")
    story.deploy("[9] DeployWorkspaceApplications")
    say("")
    say(str(backend))
    return story


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m workspaces_fake`` (kept here for callers of ``demo.main``); returns the exit code."""
    from ._cli import main as cli

    return cli(argv)


def run_demo() -> int:
    """Run the demo through boto3 (which the caller has checked is installed); returns the exit code."""
    import boto3

    from . import mock_workspaces

    with mock_workspaces(lifecycle="timed", region="us-east-1") as backend:
        client = boto3.client("workspaces", region_name="us-east-1")
        run(client, backend)
    return 0
