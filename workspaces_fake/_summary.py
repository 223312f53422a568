"""What a backend looks like at a glance: ``print(backend)`` and the HTML a notebook shows.

One snapshot of the backend (WorkSpaces with their states and application rows, then every catalog
application with the states of its associations) is rendered twice, as plain text and as HTML tables.
Taking the snapshot is a read like any other, so time catches up first; long lists are cut short.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from .models.applications.association import WORKSPACE

if TYPE_CHECKING:
    from .backend import WorkspacesBackend

MAX_WORKSPACES = 20
"""WorkSpaces listed one by one; the rest are counted."""


@dataclass
class _AppRow:
    name: str
    state: str
    reason: str = ""


@dataclass
class _WorkspaceLine:
    workspace_id: str
    state: str
    user_name: str
    platform: str
    bundle_id: str
    applications: list[_AppRow] = field(default_factory=list)


@dataclass
class _CatalogLine:
    application_id: str
    name: str
    state: str
    associations: str


@dataclass
class _Snapshot:
    title: str
    workspaces: list[_WorkspaceLine]
    more_workspaces: int
    catalog: list[_CatalogLine]


def _workspace_line(backend: WorkspacesBackend, workspace: Any, names: dict[str, str]) -> _WorkspaceLine:
    props = getattr(workspace, "workspace_properties", None)
    platform = "/".join(
        str(value)
        for value in (
            getattr(props, "operating_system_name", None),
            getattr(props, "compute_type_name", None),
        )
        if value
    )
    line = _WorkspaceLine(
        workspace.workspace_id,
        workspace.state,
        getattr(workspace, "user_name", "") or "",
        platform,
        getattr(workspace, "bundle_id", "") or "",
    )
    for row in backend.associations.rows(WORKSPACE, workspace.workspace_id):
        why = row.state_reason.error_code if row.state_reason is not None else ""
        line.applications.append(_AppRow(names.get(row.application_id, row.application_id), row.state, why))
    return line


def _tally(backend: WorkspacesBackend, application_id: str) -> str:
    counts = Counter(
        f"{row.resource_type.lower()} {row.state}"
        for row in backend.associations.rows_of_application(application_id)
    )
    return ", ".join(f"{count} {what}" for what, count in sorted(counts.items())) or "-"


def snapshot(backend: WorkspacesBackend) -> _Snapshot:
    """Everything the two renderings show, read once (after letting time catch up)."""
    with backend.lock:
        backend.observe()
        apps = list(backend.applications.values_unobserved())
        names = {app.application_id: app.name for app in apps}
        shown = itertools.islice(backend.workspaces.values_unobserved(), MAX_WORKSPACES)
        lines = [_workspace_line(backend, workspace, names) for workspace in shown]
        catalog = [
            _CatalogLine(a.application_id, a.name, a.state, _tally(backend, a.application_id)) for a in apps
        ]
        where = f"{backend.account_id}/{backend.region_name}"
        title = (
            f"WorkspacesBackend {where} (lifecycle {backend.lifecycle.mode}, "
            f"clock {backend.clock.now():%Y-%m-%d %H:%M:%S} UTC)"
        )
        return _Snapshot(title, lines, max(0, len(backend.workspaces) - len(lines)), catalog)


def text(backend: WorkspacesBackend) -> str:
    """The summary as plain text, for ``print(backend)`` and IPython."""
    snap = snapshot(backend)
    out = [snap.title, f"WorkSpaces ({len(snap.workspaces) + snap.more_workspaces}):"]
    for ws in snap.workspaces:
        out.append(
            f"  {ws.workspace_id}  {ws.state:<10} {ws.user_name}  {ws.platform}  {ws.bundle_id}".rstrip()
        )
        out.extend(f"      {app.name}: {app.state} {app.reason}".rstrip() for app in ws.applications)
    if not snap.workspaces:
        out.append("  (none)")
    if snap.more_workspaces:
        out.append(f"  ... and {snap.more_workspaces} more")
    out.append(f"Applications ({len(snap.catalog)}):")
    width = max((len(line.name) for line in snap.catalog), default=0)
    out.extend(
        f"  {line.application_id}  {line.name:<{width}}  {line.state:<14} {line.associations}"
        for line in snap.catalog
    )
    return "\n".join(out)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html(backend: WorkspacesBackend) -> str:
    """The summary as HTML, for Jupyter's ``_repr_html_``."""
    snap = snapshot(backend)
    ws_rows = [
        [
            ws.workspace_id,
            ws.state,
            ws.user_name,
            ws.platform,
            "; ".join(f"{a.name}: {a.state} {a.reason}".rstrip() for a in ws.applications) or "-",
        ]
        for ws in snap.workspaces
    ]
    more = f"<p>... and {snap.more_workspaces} more WorkSpaces</p>" if snap.more_workspaces else ""
    app_rows = [[line.application_id, line.name, line.state, line.associations] for line in snap.catalog]
    workspaces = _table(["WorkspaceId", "State", "User", "Platform", "Applications"], ws_rows)
    applications = _table(["ApplicationId", "Name", "State", "Associations"], app_rows)
    return (
        f"<div><strong>{escape(snap.title)}</strong><h4>WorkSpaces</h4>{workspaces}{more}"
        f"<h4>Applications</h4>{applications}</div>"
    )
