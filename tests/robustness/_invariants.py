"""The invariants of a backend's world, checked after fuzzing, stateful steps and concurrent hammering.

Everything is read the way a user reads it: through the boto3 client for every view an operation offers,
and through the backend's public stores only to enumerate bundles and images. Nothing here imports the
implementation's state logic; the conflict groups are this harness's own reading of spec section 1.3.

* every WorkSpace, application and association state is a value of the model's enum;
* at most one live (non-REMOVED) association per (WorkSpace, application);
* no two installed or installing applications of one conflict group on one WorkSpace;
* the four resource-centric views (DescribeWorkspaceAssociations, DescribeBundleAssociations,
  DescribeImageAssociations) and the application-centric DescribeApplicationAssociations list the same rows;
* a row was never updated before it was created, nor after the fake's present.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from botocore.exceptions import ClientError

from workspaces_fake import WorkspacesBackend
from workspaces_fake._dispatch import HANDLERS
from workspaces_fake._service import service_model

# Spec 1.3: editions of one product and version exclude each other (this harness's own table, by name).
CONFLICT_GROUPS = {
    "Microsoft Office LTSC Professional Plus 2021": "office-2021",
    "Microsoft Office LTSC Standard 2021": "office-2021",
    "Microsoft Visio LTSC Professional 2021": "visio-2021",
    "Microsoft Visio LTSC Standard 2021": "visio-2021",
    "Microsoft Project Professional 2021": "project-2021",
    "Microsoft Project Standard 2021": "project-2021",
    "Microsoft Visual Studio Professional 2022": "visual-studio-2022",
    "Microsoft Visual Studio Enterprise 2022": "visual-studio-2022",
    "Microsoft Office 2016": "office-legacy",
    "Microsoft Office 2019": "office-legacy",
}
INSTALLED_OR_INSTALLING = frozenset({"PENDING_INSTALL", "INSTALLING", "COMPLETED"})
ALL_TYPES = ["WORKSPACE", "BUNDLE", "IMAGE"]
_VIEWS = {
    "WORKSPACE": ("describe_workspace_associations", "WorkspaceId", "DescribeWorkspaceAssociations"),
    "BUNDLE": ("describe_bundle_associations", "BundleId", "DescribeBundleAssociations"),
    "IMAGE": ("describe_image_associations", "ImageId", "DescribeImageAssociations"),
}


def enum(shape_name: str) -> frozenset[str]:
    """The values of one enum shape of the model."""
    return frozenset(service_model().shape_for(shape_name).enum)


@dataclass(frozen=True)
class Row:
    """One association as the API shows it, in a form both orientations can be compared in."""

    resource_type: str
    resource_id: str
    application_id: str
    state: str
    created: datetime
    updated: datetime
    error_code: Optional[str]

    @property
    def pair(self) -> tuple[str, str, str]:
        return (self.resource_type, self.resource_id, self.application_id)


@dataclass
class Picture:
    """What the API showed at one moment: WorkSpace states and every association row."""

    workspaces: dict[str, str]
    applications: dict[str, str]
    rows: list[Row]


def check(
    backend: WorkspacesBackend,
    client: Any,
    *,
    full: bool = True,
    applications: Optional[dict[str, str]] = None,
    also: Iterable[str] = (),
) -> Picture:
    """Assert every invariant that applies to the operations implemented so far; return what was seen.

    ``full=False`` (the fuzzers' per-example check) reads the bundle and image views only for the
    account's own bundles and images and those the application view names, not every public one.
    ``applications`` (id -> name, known already) skips listing the catalog and reads the application view
    only for the applications the resource views show plus those in ``also``; the stateful test passes
    one more application each step, so every application's view is compared in turn.
    """
    apps = applications if applications is not None else _applications(client)
    picture = Picture(_workspace_states(backend, client), apps, [])
    if "DescribeWorkspaceAssociations" not in HANDLERS:
        return picture
    targets = _targets(backend, picture.workspaces, everything=full)
    picture.rows = _resource_rows(client, targets)
    if "DescribeApplicationAssociations" in HANDLERS:
        focus = set(apps)
        if applications is not None:
            focus &= {row.application_id for row in picture.rows} | set(also)
        by_application = _application_rows(client, sorted(focus))
        named = {(row.resource_type, row.resource_id) for row in by_application} - set(targets)
        named = {(kind, rid) for kind, rid in named if kind == "WORKSPACE" or _VIEWS[kind][2] in HANDLERS}
        picture.rows += _resource_rows(client, sorted(named))
        _check_views_agree([row for row in picture.rows if row.application_id in focus], by_application)
    _check_rows(picture, backend.clock.now())
    return picture


# ------------------------------------------------------------------------------------------- reading
def pages(client: Any, method: str, key: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Every item of a NextToken-paginated call, following tokens by hand (not every op has a paginator)."""
    while True:
        page = getattr(client, method)(**params)
        yield from page[key]
        token = page.get("NextToken")
        if not token:
            return
        params["NextToken"] = token


def _workspace_states(backend: WorkspacesBackend, client: Any) -> dict[str, str]:
    states = enum("WorkspaceState")
    stored = {ws.workspace_id: ws.state for ws in backend.workspaces.values_unobserved()}
    assert set(stored.values()) <= states, f"WorkSpace states outside WorkspaceState: {stored}"
    if "DescribeWorkspaces" not in HANDLERS:
        return stored
    listed = list(pages(client, "describe_workspaces", "Workspaces"))
    ids = [ws["WorkspaceId"] for ws in listed]
    assert len(ids) == len(set(ids)), f"DescribeWorkspaces listed a WorkSpace twice: {ids}"
    seen = {ws["WorkspaceId"]: ws["State"] for ws in listed}
    assert set(seen.values()) <= states, f"DescribeWorkspaces states outside WorkspaceState: {seen}"
    return seen


def _applications(client: Any) -> dict[str, str]:
    if "DescribeApplications" not in HANDLERS:
        return {}
    apps = list(pages(client, "describe_applications", "Applications"))
    ids = [app["ApplicationId"] for app in apps]
    assert len(ids) == len(set(ids)), f"DescribeApplications listed an application twice: {ids}"
    assert {app["State"] for app in apps} <= enum("WorkSpaceApplicationState")
    return {app["ApplicationId"]: app["Name"] for app in apps}


def _row(resource_type: str, resource_id: str, application_id: str, item: dict[str, Any]) -> Row:
    reason = item.get("StateReason") or {}
    return Row(
        resource_type,
        resource_id,
        application_id,
        item["State"],
        item["Created"],
        item["LastUpdatedTime"],
        reason.get("ErrorCode"),
    )


def _targets(
    backend: WorkspacesBackend, workspaces: dict[str, str], everything: bool
) -> list[tuple[str, str]]:
    """The resources whose association views are read: the listed WorkSpaces, and every bundle and
    image (``everything``) or only the account's own."""
    targets = [("WORKSPACE", wid) for wid in workspaces if workspaces[wid] != "TERMINATED"]
    for kind, store in (("BUNDLE", backend.bundles), ("IMAGE", backend.images)):
        if _VIEWS[kind][2] not in HANDLERS:
            continue
        for resource in store.values_unobserved():
            own = getattr(resource, "owner", None) or getattr(resource, "owner_account_id", None)
            if everything or own == backend.account_id:
                targets.append((kind, getattr(resource, f"{kind.lower()}_id")))
    return targets


def _resource_rows(client: Any, targets: list[tuple[str, str]]) -> list[Row]:
    rows: list[Row] = []
    for kind, resource_id in targets:
        method, member, _ = _VIEWS[kind]
        try:
            items = getattr(client, method)(
                **{member: resource_id, "AssociatedResourceTypes": ["APPLICATION"]}
            )
        except ClientError as err:
            code = err.response["Error"]["Code"]
            assert code == "ResourceNotFoundException", f"{method}({resource_id}) failed: {code}"
            continue
        for item in items["Associations"]:
            assert item["AssociatedResourceType"] == "APPLICATION"
            rows.append(_row(kind, resource_id, item["AssociatedResourceId"], item))
    return rows


def _application_rows(client: Any, applications: Iterable[str]) -> list[Row]:
    rows = []
    for application_id in applications:
        params = {"ApplicationId": application_id, "AssociatedResourceTypes": ALL_TYPES}
        for item in pages(client, "describe_application_associations", "Associations", **params):
            assert item["ApplicationId"] == application_id
            rows.append(
                _row(item["AssociatedResourceType"], item["AssociatedResourceId"], application_id, item)
            )
    return rows


# ------------------------------------------------------------------------------------------ checking
def _check_rows(picture: Picture, now: datetime) -> None:
    states, codes = enum("AssociationState"), enum("AssociationErrorCode")
    pairs = Counter(row.pair for row in picture.rows)
    assert max(pairs.values(), default=0) <= 1, (
        f"a pair listed twice: {[p for p, n in pairs.items() if n > 1]}"
    )
    for row in picture.rows:
        assert row.state in states, f"{row}: state outside AssociationState"
        assert row.error_code is None or row.error_code in codes, f"{row}: ErrorCode outside the enum"
        assert (row.error_code is not None) == (row.state == "ERROR"), f"{row}: StateReason iff ERROR"
        assert row.created <= row.updated <= now, f"{row}: timestamps out of order (now {now})"
    _check_conflicts(picture)


def _check_conflicts(picture: Picture) -> None:
    groups: Counter[tuple[str, str]] = Counter()
    for row in picture.rows:
        group = CONFLICT_GROUPS.get(picture.applications.get(row.application_id, ""))
        if row.resource_type == "WORKSPACE" and group and row.state in INSTALLED_OR_INSTALLING:
            groups[(row.resource_id, group)] += 1
    clashes = [key for key, count in groups.items() if count > 1]
    assert not clashes, f"two applications of one conflict group installed or installing: {clashes}"


def _check_views_agree(by_resource: list[Row], by_application: list[Row]) -> None:
    left, right = set(by_resource), set(by_application)
    only_left, only_right = sorted(left - right, key=repr)[:3], sorted(right - left, key=repr)[:3]
    assert left == right, (
        "resource views and DescribeApplicationAssociations disagree: only in the resource views "
        f"{only_left}, only in the application view {only_right}"
    )
