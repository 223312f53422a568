"""Issue 9 item 1: while a mock is active no WorkSpaces call leaves the process, whatever existed first.

The matrix (tests/_creation_matrix.py) runs in a fresh interpreter, so that sessions and clients really
exist before ``import workspaces_fake``: boto3's default session, explicit boto3 and botocore sessions and
aiobotocore sessions, each with clients made before the import, before activation and inside it. Every
call runs under a socket guard that refuses and records any lookup or connect. Before the class-level guard
(``_hook.install_guards``) 12 of the 21 cases escaped: to workspaces.us-east-1.amazonaws.com with
credentials in the environment, NoCredentialsError without.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
MATRIX = Path(__file__).with_name("_creation_matrix.py")
MOMENTS = ("before-import", "before-activation", "inside")
SOURCES = ("default-session", "boto3.Session", "botocore", "aiobotocore")


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], dict[str, Any]]:
    """The matrix's result with or without credentials, each run once per module (a fresh interpreter)."""
    results: dict[bool, dict[str, Any]] = {}

    def run(credentials: bool) -> dict[str, Any]:
        if credentials not in results:
            results[credentials] = _run_matrix(tmp_path_factory.mktemp("matrix"), credentials)
        return results[credentials]

    return run


def _run_matrix(tmp_path: Path, credentials: bool) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "BOTO_"))}
    empty = tmp_path / "empty"
    empty.write_text("")
    env.update(AWS_CONFIG_FILE=str(empty), AWS_SHARED_CREDENTIALS_FILE=str(empty), PYTHONPATH=str(ROOT))
    if credentials:
        env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    done = subprocess.run(
        [sys.executable, str(MATRIX)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("credentials", [True, False], ids=["credentials-in-env", "no-credentials"])
def test_every_creation_order_is_answered_in_process(
    matrix: Callable[[bool], dict[str, Any]], credentials: bool
) -> None:
    cases = matrix(credentials)["cases"]
    escaped = {case: result for case, result in cases.items() if result != "fake"}
    assert escaped == {}
    # The matrix really covers every source at every moment (a session made later serves no earlier client).
    for source in SOURCES:
        for moment in MOMENTS:
            assert any(case.startswith(source) and case.endswith(f"client-{moment}") for case in cases)
    assert len(cases) == 21


def test_clients_made_inside_probe_no_metadata_service(matrix: Callable[[bool], dict[str, Any]]) -> None:
    """Item 3: without credentials, clients made before activation probe IMDS (botocore's chain, 2 each);
    the 10 made inside probed it 20 times before the deferred credentials, and now not once."""
    probes = matrix(False)["probes"]
    assert probes["inside"] == []
    assert set(probes["before-activation"]) == {"169.254.169.254"}
