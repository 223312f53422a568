"""The workspaces_server fixture in inner pytest runs: the marker configures it; unfired rules fail a test."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

BLOCKED = ("randomly", "cacheprovider", "hypothesispytest", "benchmark", "xdist", "xdist.looponfail")
ARGS = tuple(arg for name in BLOCKED for arg in ("-p", f"no:{name}"))

BODY = """
import pytest


@pytest.mark.workspaces(lifecycle="manual", region="eu-west-3", account_id="222233334444")
def test_configured(workspaces_server):
    backend = workspaces_server.control.backend()
    assert (backend.lifecycle.mode, backend.region_name, backend.account_id) == (
        "manual", "eu-west-3", "222233334444"
    )


def test_unfired(workspaces_server):
    workspaces_server.control.backend().faults.on("DescribeWorkspaces").fail("ThrottlingException")


@pytest.mark.workspaces(assert_all_faults_fired=False)
def test_unfired_allowed(workspaces_server):
    workspaces_server.control.backend().faults.on("DescribeWorkspaces").delay(1)
"""


def test_marker_configures_the_server_and_unfired_rules_fail(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=BODY)
    result = pytester.runpytest_inprocess(*ARGS)
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        ["*workspaces_server: these fault rules never fired*", "*ThrottlingException*"]
    )
