"""moto's ``mock_aws`` as a contender, where it implements the operation.

moto has no arrange API for WorkSpaces, so its worlds are built through its own API: a VPC with two
subnets, a Simple AD directory registered with WorkSpaces, then CreateWorkspaces in batches of 25. It
implements no application operation, and its DescribeWorkspaces ignores ``Limit`` (every WorkSpace comes
back in one answer); the report says so next to its figures.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from ._common import PAGE, NotApplicable, Replay, Request, Workload, growth_per_item, new_client
from ._common import cold_start as timed_cold_start

BUNDLE_ID = "wsb-bh8rsxt14"
NOTES = {
    "page-1000": "moto ignores Limit and answers all {size}",
    "page-10000": "moto ignores Limit and answers all {size}",
}
NO_APPLICATIONS = "moto implements no application operation"


def workload(key: str, size: int) -> Workload:
    """moto's workload for a scenario; ``mock_aws`` ends when the workload is closed."""
    if key == "minimal-test":
        return Workload(_minimal_test)
    build = BUILDERS.get(key)
    if build is None:
        raise NotApplicable(NO_APPLICATIONS)
    mock, client = _start()
    try:
        built = build(client, size)
    except BaseException:
        mock.stop()
        raise
    built.close = mock.stop
    return built


def _start() -> tuple[Any, Any]:
    from moto import mock_aws

    mock = mock_aws()
    mock.start()
    return mock, new_client()


def _directory(client: Any) -> str:
    """A Simple AD directory in a fresh VPC, registered with WorkSpaces (all through moto's API)."""
    import boto3

    ec2 = boto3.client("ec2", region_name=client.meta.region_name)
    ds = boto3.client("ds", region_name=client.meta.region_name)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"us-east-1{zone}")[
            "Subnet"
        ]["SubnetId"]
        for n, zone in ((1, "a"), (2, "b"))
    ]
    directory_id = ds.create_directory(
        Name="corp.example.com",
        Password="Bench-Passw0rd",
        Size="Small",
        VpcSettings={"VpcId": vpc, "SubnetIds": subnets},
    )["DirectoryId"]
    client.register_workspace_directory(DirectoryId=directory_id, SubnetIds=subnets)
    return str(directory_id)


def _arrange(client: Any, directory_id: str, count: int, users: Any) -> list[str]:
    ids: list[str] = []
    while len(ids) < count:
        batch = [
            {"DirectoryId": directory_id, "UserName": f"user{next(users):07d}", "BundleId": BUNDLE_ID}
            for _ in range(min(PAGE, count - len(ids)))
        ]
        pending = client.create_workspaces(Workspaces=batch)["PendingRequests"]
        ids.extend(item["WorkspaceId"] for item in pending)
    return ids


def _describe_empty(client: Any, size: int) -> Workload:
    return Replay(client, lambda: [("describe_workspaces", {})])


def _create_one(client: Any, size: int) -> Workload:
    directory_id = _directory(client)
    users = itertools.count()

    def requests() -> list[Request]:
        request = {"DirectoryId": directory_id, "UserName": f"bench{next(users):07d}", "BundleId": BUNDLE_ID}
        return [("create_workspaces", {"Workspaces": [request]})]

    return Replay(client, requests)


def _page(client: Any, size: int) -> Workload:
    _arrange(client, _directory(client), size, itertools.count())
    return Replay(client, lambda: [("describe_workspaces", {"Limit": PAGE})])


def _by_id(client: Any, size: int) -> Workload:
    target = _arrange(client, _directory(client), size, itertools.count())[size // 2]
    return Replay(client, lambda: [("describe_workspaces", {"WorkspaceIds": [target]})])


def _minimal_test() -> None:
    from moto import mock_aws

    with mock_aws():
        new_client().describe_workspaces()


BUILDERS: dict[str, Callable[[Any, int], Workload]] = {
    "describe-empty": _describe_empty,
    "create-one": _create_one,
    "page-25": _page,
    "page-1000": _page,
    "page-10000": _page,
    "id-25": _by_id,
    "id-10000": _by_id,
}
"""moto implements no application operation, so the application scenarios are absent here."""


def cold_start() -> dict[str, float]:
    """moto's cold start (see :func:`._common.cold_start`)."""
    return timed_cold_start("moto", "mock_aws")


def memory(size: int) -> float:
    """Resident bytes per WorkSpace created through moto's CreateWorkspaces, 25 per call."""
    mock, client = _start()
    try:
        directory_id, users = _directory(client), itertools.count()
        return growth_per_item(lambda count: _arrange(client, directory_id, count, users), size)
    finally:
        mock.stop()
