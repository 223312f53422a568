"""The page at GET /_workspaces_fake/, rendered by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from _kit import require_tool, tool_environment

from workspaces_fake.server import RemoteBackend, WorkspacesServer

OFFICE_NAME = "Microsoft Office LTSC Professional Plus 2021"


class Tables(HTMLParser):
    """The page's tables by the heading before them (h4), as lists of rows of cell texts; and #views."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.views = ""
        self._heading: list[str] | None = None
        self._title = ""
        self._cell: list[str] | None = None
        self._in_views = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h4":
            self._heading = []
        elif tag == "tr":
            self.tables.setdefault(self._title, []).append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "span" and ("id", "views") in attrs:
            self._in_views = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "h4" and self._heading is not None:
            self._title, self._heading = "".join(self._heading).strip(), None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[self._title][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "span":
            self._in_views = False

    def handle_data(self, data: str) -> None:
        for sink in (self._heading, self._cell):
            if sink is not None:
                sink.append(data)
        if self._in_views:
            self.views += data


def _render(url: str, tmp_path: Path) -> Tables:
    """The DOM after five seconds of the page's own (virtual) time: it has refreshed itself meanwhile."""
    browser = require_tool("chromium", "chromium-browser")
    command = [
        browser,
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        f"{url}/_workspaces_fake/",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=tool_environment(tmp_path)
    )
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = Tables()
    parsed.feed(done.stdout)
    return parsed


def _column(table: list[list[str]], name: str) -> list[str]:
    index = table[0].index(name)
    return [row[index] for row in table[1:]]


def test_page_shows_the_world_and_refreshes_itself(
    workspaces_server: WorkspacesServer, server_client: Any, remote: RemoteBackend, tmp_path: Path
) -> None:
    remote.lifecycle.mode = "timed"
    directory = remote.add_directory(directory_name="corp.example.org")["directory_id"]
    workspace = remote.add_workspace(user_name="alice", directory_id=directory)["workspace_id"]
    office = remote.application_named(OFFICE_NAME)["application_id"]
    server_client.associate_workspace_application(WorkspaceId=workspace, ApplicationId=office)
    server_client.deploy_workspace_applications(WorkspaceId=workspace)

    page = _render(workspaces_server.url, tmp_path)

    assert int(page.views) >= 2, "the page fetched itself again"
    workspaces = page.tables["WorkSpaces"]
    assert _column(workspaces, "WorkspaceId") == [workspace]
    assert _column(workspaces, "User") == ["alice"]
    assert _column(workspaces, "Applications")[0].startswith(f"{OFFICE_NAME}: PENDING_INSTALL")
    applications = page.tables["Applications"]
    row = applications[_column(applications, "ApplicationId").index(office) + 1]
    assert row[-1] == "1 workspace PENDING_INSTALL"
    assert _column(page.tables["Directories"], "DirectoryId") == [directory]
    transitions = page.tables["Pending transitions"]
    assert _column(transitions, "Resource") == [f"{office} / WORKSPACE / {workspace}"]
    assert _column(transitions, "Next step due (UTC)")[0] > remote.clock.now().isoformat(timespec="seconds")
    assert _column(page.tables["Recent calls"], "Operation") == [
        "DeployWorkspaceApplications",
        "AssociateWorkspaceApplication",
    ]
