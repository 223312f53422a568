"""The backend at a glance: ``print(backend)``, IPython's pretty printer and a notebook's HTML."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend, _summary
from workspaces_fake.models.applications.catalog import catalog_id

OFFICE = catalog_id("Microsoft Office LTSC Professional Plus 2021")
VISIO = catalog_id("Microsoft Visio LTSC Professional 2021")


@pytest.fixture
def arranged(client: Any, workspaces_backend: WorkspacesBackend) -> str:
    """A WorkSpace with Office installed and Visio failed."""
    ws = workspaces_backend.add_workspace(user_name="alice").workspace_id
    workspaces_backend.faults.on_deployment(ws, VISIO).fail("ValidationError.InsufficientDiskSpace")
    for app in (OFFICE, VISIO):
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=app)
    client.deploy_workspace_applications(WorkspaceId=ws)
    workspaces_backend.settle()
    return ws


def test_summary_text_lists_workspaces_and_application_states(
    workspaces_backend: WorkspacesBackend, arranged: str
) -> None:
    text = str(workspaces_backend)
    lines = text.splitlines()
    assert lines[0].startswith("WorkspacesBackend 123456789012/us-east-1 (lifecycle instant")
    assert any(arranged in line and "AVAILABLE" in line and "alice" in line for line in lines)
    assert "Microsoft Office LTSC Professional Plus 2021: COMPLETED" in text
    assert "Microsoft Visio LTSC Professional 2021: ERROR ValidationError.InsufficientDiskSpace" in text
    office_line = next(line for line in lines if line.strip().startswith(OFFICE))
    assert office_line.endswith("1 workspace COMPLETED")
    assert "Applications (10):" in text


def test_summary_repr_stays_one_line(workspaces_backend: WorkspacesBackend, arranged: str) -> None:
    assert "\n" not in repr(workspaces_backend)
    assert repr(workspaces_backend).startswith("<WorkspacesBackend")


def test_summary_html_is_escaped_tables(workspaces_backend: WorkspacesBackend, arranged: str) -> None:
    workspaces_backend.add_application(
        "Tools <&> more",
        supported_operating_system_names=["WINDOWS_11"],
        supported_compute_type_names=["VALUE"],
    )
    html = workspaces_backend._repr_html_()
    assert html.startswith("<div>") and html.endswith("</div>")
    assert html.count("<table>") == 2
    assert f"<td>{arranged}</td>" in html
    assert "Microsoft Office LTSC Professional Plus 2021: COMPLETED" in html
    assert "Tools &lt;&amp;&gt; more" in html and "<&>" not in html


def test_summary_ipython_pretty_printer_uses_text(
    workspaces_backend: WorkspacesBackend, arranged: str
) -> None:
    class Printer:
        def __init__(self) -> None:
            self.out: list[str] = []

        def text(self, value: str) -> None:
            self.out.append(value)

    printer = Printer()
    workspaces_backend._repr_pretty_(printer, False)
    workspaces_backend._repr_pretty_(printer, True)
    assert printer.out == [str(workspaces_backend), repr(workspaces_backend)]


def test_summary_reading_lets_time_catch_up(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.lifecycle.mode = "timed"
    ws = workspaces_backend.add_workspace().workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    client.deploy_workspace_applications(WorkspaceId=ws)
    assert ": PENDING_INSTALL" in str(workspaces_backend)
    workspaces_backend.clock.advance(minutes=20)
    assert "Microsoft Office LTSC Professional Plus 2021: COMPLETED" in str(workspaces_backend)


def test_summary_cuts_long_workspace_lists(
    workspaces_backend: WorkspacesBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_summary, "MAX_WORKSPACES", 2)
    for _ in range(5):
        workspaces_backend.add_workspace()
    text = str(workspaces_backend)
    assert "WorkSpaces (5):" in text
    assert "... and 3 more" in text
    assert "... and 3 more WorkSpaces" in workspaces_backend._repr_html_()


def test_summary_empty_backend_says_none(workspaces_backend: WorkspacesBackend) -> None:
    text = str(workspaces_backend)
    assert "WorkSpaces (0):\n  (none)" in text
