"""``python -m workspaces_fake``: help with a description, ``--version``, ``operations`` and ``demo``;
and the backend's summary in IPython, through IPython's own formatters."""

from __future__ import annotations

import subprocess
import sys

import pytest

import workspaces_fake
from workspaces_fake import _cli, _coverage, errors, mock_workspaces


def test_help_describes_the_package_and_its_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        _cli.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "in-process fake of the Amazon WorkSpaces API" in out
    assert "demo" in out and "operations" in out and "serve" in out and "--version" in out
    assert errors.DOCS_URL in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"workspaces_fake {workspaces_fake.__version__}"


def test_no_command_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        _cli.main([])
    assert done.value.code == 2
    assert "command" in capsys.readouterr().err


def test_operations_prints_the_coverage_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli.main(["operations"]) == 0
    out = capsys.readouterr().out
    assert out == _coverage.render()
    assert "DescribeWorkspaces" in out


def test_module_entry_point_runs_operations() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workspaces_fake", "operations"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Operations")


def test_demo_without_boto3_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # ``import boto3`` raises ImportError
    assert _cli.main(["demo"]) == 2
    err = capsys.readouterr().err
    assert "pip install boto3" in err
    assert "Traceback" not in err


def test_ipython_shows_the_backend_summary() -> None:
    from IPython.core.formatters import DisplayFormatter

    with mock_workspaces() as backend:
        backend.add_workspace(user_name="alice")
        shown, _metadata = DisplayFormatter().format(backend)
    assert shown["text/plain"] == str(backend)
    assert shown["text/plain"] != repr(backend)
    assert "alice" in shown["text/plain"]
    assert "alice" in shown["text/html"]
