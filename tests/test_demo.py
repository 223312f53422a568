"""``python -m workspaces_fake demo`` tells the whole Manage-applications story, through boto3."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workspaces_fake import demo


def _run(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert demo.main(["demo"]) == 0
    return capsys.readouterr().out.splitlines()


def test_demo_main_prints_every_step_in_order(
    capsys: pytest.CaptureFixture[str], no_aws_config: None
) -> None:
    lines = _run(capsys)
    steps = [line.split("]")[0] + "]" for line in lines if line.startswith("[")]
    assert steps == [f"[{n}]" for n in range(1, 10)]
    text = "\n".join(lines)
    assert "RegisterWorkspaceDirectory d-1234567890: REGISTERING" in text
    assert "+ 3 min  REGISTERED" in text
    assert "+20 min  AVAILABLE" in text
    assert "DescribeApplications: 10 applications, 8 installable" in text


def test_demo_main_shows_failure_force_retry_and_uninstall(
    capsys: pytest.CaptureFixture[str], no_aws_config: None
) -> None:
    lines = _run(capsys)
    index = {line.split("]")[0]: number for number, line in enumerate(lines) if line.startswith("[")}
    after_deploy = lines[index["[5"] : index["[6"]]
    failed = "Visio Professional 2021: ERROR (DeploymentError.InternalServerError)"
    assert after_deploy[-1].endswith(f"Office Professional Plus 2021: COMPLETED, {failed}")
    assert lines[index["[6"]].endswith("without Force: nothing to deploy")
    retried = lines[index["[7"] : index["[8"]]
    assert retried[0].endswith("Force=True: Visio Professional 2021: PENDING_INSTALL")
    assert retried[-1].endswith("Visio Professional 2021: COMPLETED")
    assert lines[index["[8"]].endswith("Visio Professional 2021: PENDING_UNINSTALL_DEPLOYMENT")
    uninstall = lines[index["[9"] :]
    assert any(line.endswith("Visio Professional 2021: REMOVED") for line in uninstall)


def test_demo_main_ends_with_the_backend_summary(
    capsys: pytest.CaptureFixture[str], no_aws_config: None
) -> None:
    lines = _run(capsys)
    start = next(
        n for n, line in enumerate(lines) if line.startswith("WorkspacesBackend 123456789012/us-east-1")
    )
    summary = "\n".join(lines[start:])
    assert "alice" in summary and "AVAILABLE" in summary
    assert "Microsoft Office LTSC Professional Plus 2021: COMPLETED" in summary
    assert "Microsoft Visio LTSC Professional 2021: REMOVED" in summary
    assert len(lines) < 45, "the demo should stay short enough to read at a glance"


def test_demo_main_rejects_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        demo.main(["bogus"])
    assert "invalid choice" in capsys.readouterr().err


def test_demo_module_entry_point_runs(no_aws_config: None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workspaces_fake", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[9] DeployWorkspaceApplications" in done.stdout
