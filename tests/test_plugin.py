"""The pytest plugin, exercised in inner pytest runs (pytester): fixture, marker, teardown fault check."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

# Inner runs load only what they need: with PYTHONDONTWRITEBYTECODE set, every plugin loaded means its
# modules are assertion-rewritten again (hypothesis alone costs seconds per inner run).
BLOCKED = ("randomly", "cacheprovider", "hypothesispytest", "benchmark", "xdist", "xdist.looponfail")
ARGS = tuple(arg for name in BLOCKED for arg in ("-p", f"no:{name}"))

HEADER = """
import boto3
import pytest
from workspaces_fake import WorkspacesBackend


def call(region):
    return boto3.client("workspaces", region_name=region).describe_workspaces()
"""


def _run(pytester: pytest.Pytester, body: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(test_inner=HEADER + body)
    return pytester.runpytest_inprocess(*ARGS, *args)


def test_fixture_default_region_and_account(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    result = _run(
        pytester,
        """
def test_it(workspaces_backend: WorkspacesBackend):
    assert (workspaces_backend.account_id, workspaces_backend.region_name) == ("123456789012", "us-east-1")
    assert workspaces_backend.lifecycle.mode == "instant"
    call("us-east-1")
    assert len(workspaces_backend.calls) == 1
""",
    )
    result.assert_outcomes(passed=1)


def test_fixture_region_from_environment(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-northeast-1")
    result = _run(
        pytester,
        """
def test_it(workspaces_backend):
    assert workspaces_backend.region_name == "ap-northeast-1"
    call("ap-northeast-1")
    assert len(workspaces_backend.calls) == 1
""",
    )
    result.assert_outcomes(passed=1)


def test_marker_configures_fixture_under_strict_markers(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
@pytest.mark.workspaces(region="eu-west-1", account_id="111122223333", lifecycle="timed", seed=3)
def test_it(workspaces_backend):
    assert (workspaces_backend.account_id, workspaces_backend.region_name) == ("111122223333", "eu-west-1")
    assert workspaces_backend.lifecycle.mode == "timed"
    assert workspaces_backend.world.seed == 3
    call("eu-west-1")
    assert len(workspaces_backend.calls) == 1
""",
        "--strict-markers",
    )
    result.assert_outcomes(passed=1)


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(*ARGS, "--markers")
    result.stdout.fnmatch_lines(
        ["@pytest.mark.workspaces(region=None, account_id=*configure the workspaces_backend*"]
    )


def test_marker_closest_wins_over_class_marker(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
@pytest.mark.workspaces(region="eu-west-1", lifecycle="manual")
class TestIt:
    @pytest.mark.workspaces(region="us-west-2")
    def test_it(self, workspaces_backend):
        assert workspaces_backend.region_name == "us-west-2"
        assert workspaces_backend.lifecycle.mode == "manual"
""",
    )
    result.assert_outcomes(passed=1)


def test_in_region_reaches_sibling_of_client_region(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
@pytest.mark.workspaces(region="us-east-1")
def test_it(workspaces_backend):
    call("eu-west-1")
    sibling = workspaces_backend.in_region("eu-west-1")
    assert len(sibling.calls) == 1 and len(workspaces_backend.calls) == 0
    sibling.faults.on("DescribeWorkspaces").fail("AccessDeniedException")
    with pytest.raises(Exception, match="AccessDenied"):
        call("eu-west-1")
""",
    )
    result.assert_outcomes(passed=1)


def test_unfired_fault_rule_fails_the_test_at_teardown(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
def test_it(workspaces_backend):
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    workspaces_backend.in_region("eu-west-1").faults.on("RebootWorkspaces").disconnect()
""",
    )
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*these fault rules never fired*",
            "*123456789012/us-east-1: on('DescribeWorkspaces'): fail with ThrottlingException, 2 of 2 left*",
            "*123456789012/eu-west-1: on('RebootWorkspaces'): disconnect, 1 of 1 left*",
            "*assert_all_faults_fired=False*",
        ]
    )


def test_fired_fault_rule_passes(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
def test_it(workspaces_backend):
    workspaces_backend.faults.on("DescribeWorkspaces").fail("AccessDeniedException")
    with pytest.raises(Exception):
        call(workspaces_backend.region_name)
""",
    )
    result.assert_outcomes(passed=1)


def test_unfired_fault_rule_opt_out(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
@pytest.mark.workspaces(assert_all_faults_fired=False)
def test_it(workspaces_backend):
    workspaces_backend.faults.on("DescribeWorkspaces").fail("ThrottlingException")
""",
    )
    result.assert_outcomes(passed=1)


def test_fixture_state_is_fresh_per_test(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
@pytest.mark.parametrize("n", [1, 2])
def test_it(workspaces_backend, n):
    assert len(workspaces_backend.calls) == 0
    call(workspaces_backend.region_name)
""",
    )
    result.assert_outcomes(passed=2)


@pytest.mark.parametrize(
    ("marker", "message"),
    [("'eu-west-1'", "keyword arguments only"), ("colour='blue'", "unknown option(s)*colour*")],
)
def test_marker_misuse_is_a_usage_error(pytester: pytest.Pytester, marker: str, message: str) -> None:
    result = _run(
        pytester,
        f"""
@pytest.mark.workspaces({marker})
def test_it(workspaces_backend):
    pass
""",
    )
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{message}*"])


def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
def test_it(workspaces_backend):
    pass
""",
        "-p",
        "no:workspaces_fake",
    )
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'workspaces_backend' not found*"])
