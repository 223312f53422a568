"""workspaces_fake as a contender: worlds arranged with the backend's ``add_*`` API, calls through boto3."""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable
from typing import Any

from ._common import PAGE, NotApplicable, Replay, Request, Workload, new_client, resident_bytes


def workload(key: str, size: int) -> Workload:
    """The fake's workload for a scenario; the activation ends when the workload is closed."""
    if key == "minimal-test":
        return Workload(_minimal_test)
    from workspaces_fake import mock_workspaces

    mock = mock_workspaces()
    backend = mock.start()
    try:
        built = BUILDERS[key](backend, new_client(), size)
    except BaseException:
        mock.stop()
        raise
    built.close = mock.stop
    return built


def _arrange(backend: Any, count: int) -> list[str]:
    """``count`` AVAILABLE WorkSpaces in the default directory; their ids in creation order."""
    return [backend.add_workspace().workspace_id for _ in range(count)]


def _describe_empty(backend: Any, client: Any, size: int) -> Workload:
    return Replay(client, lambda: [("describe_workspaces", {})])


def _create_one(backend: Any, client: Any, size: int) -> Workload:
    template = backend.add_workspace()
    users = itertools.count()

    def requests() -> list[Request]:
        request = {
            "DirectoryId": template.directory_id,
            "UserName": f"bench{next(users):07d}",
            "BundleId": template.bundle_id,
        }
        return [("create_workspaces", {"Workspaces": [request]})]

    return Replay(client, requests)


def _page(backend: Any, client: Any, size: int) -> Workload:
    _arrange(backend, size)
    return Replay(client, lambda: [("describe_workspaces", {"Limit": PAGE})])


def _by_id(backend: Any, client: Any, size: int) -> Workload:
    target = _arrange(backend, size)[size // 2]
    return Replay(client, lambda: [("describe_workspaces", {"WorkspaceIds": [target]})])


def _app_cycle(backend: Any, client: Any, size: int) -> Workload:
    """Each unit uses a fresh WorkSpace (arranged untimed), so every association is a new one."""
    application_id = _installable_application(client, backend.add_workspace())

    def requests() -> list[Request]:
        workspace_id = backend.add_workspace().workspace_id
        pair = {"WorkspaceId": workspace_id, "ApplicationId": application_id}
        return [
            ("associate_workspace_application", pair),
            ("deploy_workspace_applications", {"WorkspaceId": workspace_id}),
            (
                "describe_workspace_associations",
                {"WorkspaceId": workspace_id, "AssociatedResourceTypes": ["APPLICATION"]},
            ),
        ]

    return Replay(client, requests)


def _installable_application(client: Any, workspace: Any) -> str:
    """The first catalog application that this kind of WorkSpace accepts."""
    props = workspace.workspace_properties
    found = client.describe_applications(
        OperatingSystemNames=[props.operating_system_name], ComputeTypeNames=[props.compute_type_name]
    )["Applications"]
    for app in found:
        if app["State"] == "AVAILABLE":
            return str(app["ApplicationId"])
    raise NotApplicable("the catalog offers no application for the default WorkSpace")


def _describe_applications(backend: Any, client: Any, size: int) -> Workload:
    return Replay(client, lambda: [("describe_applications", {})])


def _minimal_test() -> None:
    from workspaces_fake import mock_workspaces

    with mock_workspaces():
        new_client().describe_workspaces()


BUILDERS: dict[str, Callable[[Any, Any, int], Workload]] = {
    "describe-empty": _describe_empty,
    "create-one": _create_one,
    "page-25": _page,
    "page-1000": _page,
    "page-10000": _page,
    "id-25": _by_id,
    "id-10000": _by_id,
    "app-cycle": _app_cycle,
    "describe-applications": _describe_applications,
}


def cold_start() -> dict[str, float]:
    """Import, activate, make a client and answer one call, timing each step (a fresh interpreter)."""
    t0 = time.perf_counter()
    import workspaces_fake

    t1 = time.perf_counter()
    mock = workspaces_fake.mock_workspaces()
    mock.start()
    t2 = time.perf_counter()
    client = new_client()
    t3 = time.perf_counter()
    client.describe_workspaces()
    t4 = time.perf_counter()
    mock.stop()
    return {"import": t1 - t0, "activate": t2 - t1, "client": t3 - t2, "first_call": t4 - t3}


def memory(size: int) -> float:
    """Resident bytes per WorkSpace: the growth of the process while ``size`` WorkSpaces are added."""
    from workspaces_fake import mock_workspaces

    mock = mock_workspaces()
    backend = mock.start()
    _arrange(backend, 100)  # warm every code path and cache first
    gc.collect()
    before = resident_bytes()
    _arrange(backend, size)
    gc.collect()
    grown = resident_bytes() - before
    mock.stop()
    return grown / size
