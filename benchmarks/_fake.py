"""workspaces_fake as a contender: worlds arranged with the backend's ``add_*`` API, calls through boto3."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from ._common import PAGE, NotApplicable, Replay, Request, Workload, growth_per_item, new_client
from ._common import cold_start as timed_cold_start


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
    """The fake's cold start (see :func:`._common.cold_start`)."""
    return timed_cold_start("workspaces_fake", "mock_workspaces")


def memory(size: int) -> float:
    """Resident bytes per WorkSpace arranged with ``backend.add_workspace()``."""
    from workspaces_fake import mock_workspaces

    with mock_workspaces() as backend:
        return growth_per_item(lambda count: _arrange(backend, count), size)
