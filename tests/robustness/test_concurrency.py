"""Threads sharing one boto3 client hammer mixed operations; nothing is lost, duplicated or escapes.

Eight threads create WorkSpaces, associate, deploy, and page through DescribeWorkspaces,
DescribeApplications and DescribeApplicationAssociations at the same time. Afterwards: every WorkSpace
created is listed exactly once; every page-through saw each WorkSpace that existed when it began, and
nothing twice; each (WorkSpace, application) pair was associated by exactly one thread (the others got
ResourceAlreadyExists); no row was moved by two deployments; the invariants hold.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from botocore.exceptions import ClientError

from workspaces_fake import WorkspacesBackend, mock_workspaces

from . import _invariants, _world
from .conftest import REGION

THREADS = 8
ROUNDS = 24
APPS = (_world.OFFICE_PRO, _world.VISIO_PRO, _world.PROJECT_PRO, _world.VS_PRO)


class Hammer:
    """The shared state of one run, and the work each thread does in turn."""

    def __init__(self, backend: WorkspacesBackend, client: Any) -> None:
        self.backend, self.client = backend, client
        self.directory = backend.add_directory().directory_id
        self.bundle = _world.bundle_with(backend, "Standard with Windows 10 (Server 2022")
        self.targets = [backend.add_workspace().workspace_id for _ in range(3)]
        self.apps = [_world.app_id(backend, name) for name in APPS]
        self.users = itertools.count()
        self.lock = threading.Lock()
        self.created: list[str] = []
        self.associated: Counter[tuple[str, str]] = Counter()
        self.moved: Counter[tuple[str, str]] = Counter()
        self.unexpected: list[str] = []
        self.start = threading.Barrier(THREADS)

    def create(self) -> None:
        request = {"DirectoryId": self.directory, "UserName": f"u{next(self.users)}", "BundleId": self.bundle}
        response = self.client.create_workspaces(Workspaces=[request])
        assert response["FailedRequests"] == [], response["FailedRequests"]
        with self.lock:
            self.created += [item["WorkspaceId"] for item in response["PendingRequests"]]

    def associate(self, index: int) -> None:
        pair = (self.targets[index % len(self.targets)], self.apps[index % len(self.apps)])
        try:
            self.client.associate_workspace_application(WorkspaceId=pair[0], ApplicationId=pair[1])
        except ClientError as err:
            code = err.response["Error"]["Code"]
            if code not in ("ResourceAlreadyExistsException", "IncompatibleApplicationsException"):
                self.unexpected.append(f"associate {pair}: {code}")
            return
        with self.lock:
            self.associated[pair] += 1

    def deploy(self, index: int) -> None:
        workspace_id = self.targets[index % len(self.targets)]
        try:
            response = self.client.deploy_workspace_applications(WorkspaceId=workspace_id)
        except ClientError as err:
            if err.response["Error"]["Code"] != "ResourceInUseException":
                self.unexpected.append(f"deploy {workspace_id}: {err.response['Error']['Code']}")
            return
        with self.lock:
            for row in response["Deployment"]["Associations"]:
                self.moved[(workspace_id, row["AssociatedResourceId"])] += 1

    def page_through(self) -> None:
        before = set(self.backend.workspaces.ids())
        seen = [
            ws["WorkspaceId"]
            for ws in _invariants.pages(self.client, "describe_workspaces", "Workspaces", Limit=3)
        ]
        assert len(seen) == len(set(seen)), f"a page-through listed a WorkSpace twice: {seen}"
        assert before <= set(seen), f"a page-through lost WorkSpaces: {sorted(before - set(seen))}"
        apps = list(_invariants.pages(self.client, "describe_applications", "Applications", MaxResults=3))
        assert len({app["ApplicationId"] for app in apps}) == len(apps) == len(self.backend.applications)
        for app in self.apps:
            params = {"ApplicationId": app, "AssociatedResourceTypes": ["WORKSPACE"], "MaxResults": 2}
            rows = list(
                _invariants.pages(self.client, "describe_application_associations", "Associations", **params)
            )
            assert len({row["AssociatedResourceId"] for row in rows}) == len(rows)

    def work(self, thread: int) -> None:
        self.start.wait()
        steps: list[Callable[[], None]] = [
            self.create,
            lambda: self.associate(thread + round_),
            self.page_through,
            lambda: self.deploy(thread + round_),
        ]
        for round_ in range(ROUNDS):
            steps[(thread + round_) % len(steps)]()


def test_concurrency_threads_sharing_a_client_lose_and_duplicate_nothing(clients: dict[str, Any]) -> None:
    client = clients["validating"]
    with mock_workspaces(region=REGION) as backend:
        hammer = Hammer(backend, client)
        before = len(backend.workspaces)
        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-5)  # switch threads every few bytecodes, not every 5 ms
        try:
            with ThreadPoolExecutor(THREADS) as pool:
                futures = [pool.submit(hammer.work, thread) for thread in range(THREADS)]
        finally:
            sys.setswitchinterval(interval)
        errors = [future.exception() for future in futures if future.exception() is not None]
        assert errors == [], errors
        assert hammer.unexpected == []
        assert len(hammer.created) == len(set(hammer.created)) == THREADS * ROUNDS // 4
        assert len(backend.workspaces) == before + len(hammer.created)
        assert set(hammer.associated.values()) <= {1}, hammer.associated
        assert set(hammer.moved.values()) <= {1}, f"a row moved by two deployments: {hammer.moved}"
        assert set(hammer.moved) <= set(hammer.associated)
        backend.settle()
        picture = _invariants.check(backend, client)
        listed = {
            (row.resource_id, row.application_id) for row in picture.rows if row.resource_type == "WORKSPACE"
        }
        assert set(hammer.associated) <= listed
