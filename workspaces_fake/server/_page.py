"""The page at ``GET /_workspaces_fake/``: the world at a glance, refreshing itself every two seconds.

Each backend is shown with the notebook view's own HTML (``_summary.html``: WorkSpaces with their
application rows, the catalog with its association states), followed by what only a server shows:
directories, the lifecycle steps still to come with their due times, and the most recent calls.
"""

from __future__ import annotations

from html import escape

from .._summary import html as summary_html
from ..backend import WorkspacesBackend
from ._app import ServerState
from ._state import transitions

REFRESH_SECONDS = 2
RECENT_CALLS = 20


_REFRESH = (
    "<script>setInterval(async () => {"
    "const answer = await fetch(location.href, {cache: 'no-store'});"
    "const page = new DOMParser().parseFromString(await answer.text(), 'text/html');"
    "document.body.replaceWith(page.body);"
    f"}}, {REFRESH_SECONDS * 1000});</script>"
)
"""Refreshes the body in place (no reload: the scroll position stays); without scripts, a meta refresh."""


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p class='empty'>{escape(empty)}</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _backend_section(backend: WorkspacesBackend) -> str:
    summary = summary_html(backend)  # lets time catch up first, as every read does
    with backend.lock:
        directories = [
            [d.directory_id, str(d.directory_name), str(d.directory_type), str(d.state)]
            for d in backend.directories.values_unobserved()
        ]
        steps = [[t["kind"], t["resource"], str(t["state"]), t["due"]] for t in transitions(backend)]
        recent = list(backend.calls)[-RECENT_CALLS:]
    calls = [[c.operation, c.outcome, c.request_id] for c in reversed(recent)]
    return (
        f"<section class='backend' data-account='{escape(backend.account_id)}' "
        f"data-region='{escape(backend.region_name)}'>{summary}"
        f"<h4>Directories</h4>"
        f"{_table(['DirectoryId', 'Name', 'Type', 'State'], directories, 'No directories.')}"
        f"<h4>Pending transitions</h4>"
        f"{_table(['Kind', 'Resource', 'State', 'Next step due (UTC)'], steps, 'Nothing in transition.')}"
        f"<h4>Recent calls</h4>{_table(['Operation', 'Outcome', 'RequestId'], calls, 'No calls yet.')}"
        "</section>"
    )


def render(state: ServerState) -> str:
    """The whole page: every backend the world has made so far."""
    world = state.world
    state.page_views += 1
    backends = sorted(world.backends(), key=lambda b: (b.account_id, b.region_name))
    sections = "".join(_backend_section(b) for b in backends) or "<p class='empty'>No calls yet.</p>"
    now = world.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<noscript><meta http-equiv='refresh' content='{REFRESH_SECONDS}'></noscript>"
        "<title>workspaces_fake</title><style>"
        "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1em}"
        "th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}section{margin-bottom:2em}"
        ".empty{color:#777}</style></head><body>"
        f"<h1>workspaces_fake server</h1><p id='clock'>Clock: {escape(now)} UTC, lifecycle "
        f"{escape(state.lifecycle)}, refreshing every {REFRESH_SECONDS} s "
        f"(view <span id='views'>{state.page_views}</span>)</p>{sections}{_REFRESH}</body></html>"
    )
