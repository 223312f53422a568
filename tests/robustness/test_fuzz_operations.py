"""Model-driven fuzzing of every operation the fake implements, through real boto3 clients.

The operation list is read from the handler registry at collection time, so a new handler is fuzzed the
moment it is registered. Each example builds a fresh world, sends one to three generated requests (well-
formed or broken, through a validating, a non-validating or a wire-door client; in the instant, manual or
timed lifecycle mode, so transitional states are hit too) and checks:

* only ``ClientError`` or botocore's ``ParamValidationError`` comes out, and the latter only when botocore
  itself refused the request (the fake then never saw it);
* a request the model forbids is refused by validation (ValidationException/SerializationException), and a
  request the model allows is never refused by validation;
* every success conforms to the output shape (types, required members, enums, lengths, patterns);
* every error code is one the operation models or a service-wide one; never WorkspacesFakeInternalError,
  and WorkspacesFakeNotSupported only for a request member the handler deliberately does not accept;
* an error leaves the world exactly as it was; the invariants hold after the example.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError, ParamValidationError
from botocore.model import OperationModel
from hypothesis import given, settings
from hypothesis import strategies as st

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake._dispatch import HANDLERS

from . import _invariants, _oracle, _world
from ._snapshot import difference, snapshot
from ._strategies import requests_for
from .conftest import REGION, FuzzStats

OPERATIONS = sorted(HANDLERS)
CLIENT_KINDS = ("validating", "raw", "wire")
LIFECYCLE_MODES = ("instant", "manual", "timed")
_BUDGET_IN_OPERATIONS = 24
"""The profile's ``max_examples`` buys this many operations' worth of examples, shared out among all of
them: the fuzz costs the same whether 24 or 91 operations are registered (ci: 40 x 24 = 960 examples, about
ten per operation; long: thousands each)."""
PER_OPERATION = max(8, settings().max_examples * _BUDGET_IN_OPERATIONS // max(1, len(OPERATIONS)))
_MEMBER = re.compile(r"the request member '([^']+)' of")


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(max_examples=PER_OPERATION)
@given(data=st.data())
def test_fuzz_any_request_answers_truthfully(
    operation: str, data: st.DataObject, clients: dict[str, Any], fuzz_stats: FuzzStats
) -> None:
    op = _oracle.operation(operation)
    fuzz_stats.examples[operation] += 1
    mode = data.draw(st.sampled_from(LIFECYCLE_MODES), label="lifecycle")
    with mock_workspaces(region=REGION, lifecycle=mode) as backend:
        _world.arrange(backend, clients["validating"])
        requests = requests_for(tuple(_world.known_ids(backend))).for_operation(op)
        for _ in range(data.draw(st.integers(1, 3), label="calls")):
            kind = data.draw(st.sampled_from(CLIENT_KINDS), label="client")
            request = data.draw(requests, label="request")
            outcome = _call_and_check(backend, clients[kind], kind, op, request)
            fuzz_stats.record(operation, outcome)
        _invariants.check(backend, clients["validating"], full=False)


@given(data=st.data())
def test_fuzz_mixed_operations_keep_the_world_consistent(
    data: st.DataObject, clients: dict[str, Any], fuzz_stats: FuzzStats
) -> None:
    """Sequences across every registered operation (mostly well-formed), so one call's effects meet the
    next operation's checks: captures, terminations, tags, modifications, rows."""
    fuzz_stats.examples["(mixed sequences)"] += 1
    mode = data.draw(st.sampled_from(LIFECYCLE_MODES), label="lifecycle")
    with mock_workspaces(region=REGION, lifecycle=mode) as backend:
        _world.arrange(backend, clients["validating"])
        for _ in range(data.draw(st.integers(3, 8), label="calls")):
            op = _oracle.operation(data.draw(st.sampled_from(OPERATIONS), label="operation"))
            requests = requests_for(tuple(_world.known_ids(backend)))
            well_formed = data.draw(st.integers(0, 3), label="well-formed?") < 3
            strategy = (
                requests.valid(op.input_shape)
                if well_formed and op.input_shape
                else requests.for_operation(op)
            )
            kind = data.draw(st.sampled_from(CLIENT_KINDS), label="client")
            request = data.draw(strategy, label=f"{op.name} request")
            outcome = _call_and_check(backend, clients[kind], kind, op, request)
            fuzz_stats.record("(mixed sequences)", f"{op.name} {outcome}" if outcome != "ok" else "ok")
        if mode == "manual":
            backend.settle()
        _invariants.check(backend, clients["validating"])


def _call_and_check(
    backend: WorkspacesBackend, client: Any, kind: str, op: OperationModel, request: dict[str, Any]
) -> str:
    """Send one request and check every property of its answer; returns the outcome's label."""
    backend.observe()
    before, calls = snapshot(backend), len(backend.calls)
    broken = _oracle.violations(op.input_shape, request) if op.input_shape is not None else []
    try:
        response = getattr(client, xform_name(op.name))(**request)
    except ParamValidationError:
        assert kind != "raw", "botocore validated a request although validation was off"
        assert broken, f"botocore refused a request the oracle accepts: {request!r:.300}"
        assert len(backend.calls) == calls, "a request botocore refused reached the fake"
        return "ParamValidationError"
    except ClientError as err:
        code: str = err.response["Error"]["Code"]
        message: str = err.response["Error"].get("Message", "")
        _check_error(op, request, broken, code, message)
        changes = difference(before, snapshot(backend))
        assert not changes, f"{op.name} answered {code} but changed the world: {changes}"
        return code
    assert not broken, f"{op.name} accepted a request the model forbids: {broken[:3]}; {request!r:.300}"
    problems = _oracle.output_problems(op.output_shape, response)
    assert not problems, f"{op.name} answered outside its output shape: {problems[:5]}"
    return "ok"


def _check_error(
    op: OperationModel, request: dict[str, Any], broken: list[str], code: str, message: str
) -> None:
    assert code != "WorkspacesFakeInternalError", f"bug in the fake: {message}"
    if broken:
        # The code is what clients act on; the wording may be Coral's or the service's own (spec 3.4).
        assert code in ("ValidationException", "SerializationException"), (
            f"{op.name}: a request breaking {broken[:3]} must fail validation, got {code}: {message:.300}"
        )
        return
    assert not _oracle.is_validation_failure(code, message), (
        f"{op.name}: validation refused a request the model allows: {code}: {message:.300}; {request!r:.300}"
    )
    if code == "WorkspacesFakeNotSupported":
        member = _MEMBER.search(message)
        assert member is not None, f"{op.name} is registered but answered NotSupported: {message}"
        from .conftest import STATS

        STATS.not_supported[op.name][member.group(1)] += 1
        return
    assert code in _oracle.allowed_errors(op), (
        f"{op.name} answered {code}, which it does not model: {message}"
    )
