"""One contender's process: ``python -m benchmarks._child SPEC OUT`` runs the scenarios SPEC names.

The parent writes SPEC (contender, scenarios, smoke or full, the fake's recordings for the Stubber) and
reads OUT. boto3 is imported first, as every test suite has it before it imports a fake; the contender's
own package is imported only by the scenario, so the cold-start scenario can time that import.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

import boto3  # noqa: F401  (imported before the contender, as in any test suite)
from botocore.exceptions import ClientError

from . import _codec
from ._common import NotApplicable, Workload
from ._scenarios import BY_KEY, COLD, FAKE, MEMORY, MOTO, STUBBER
from ._timing import FULL, SMOKE, Plan, time_blocks

NOT_SUPPORTED = "WorkspacesFakeNotSupported"


def main(argv: list[str]) -> int:
    """Run every scenario of the spec; a failing scenario is reported, the others still run."""
    with open(argv[0], encoding="utf-8") as handle:
        spec = _codec.loads(handle.read())
    plan = SMOKE if spec["smoke"] else FULL
    results = [_guarded(spec, key, plan) for key in spec["scenarios"]]
    with open(argv[1], "w", encoding="utf-8") as handle:
        handle.write(_codec.dumps({"results": results}))
    return 0


def _guarded(spec: dict[str, Any], key: str, plan: Plan) -> dict[str, Any]:
    base = {"contender": spec["contender"], "scenario": key}
    try:
        return {**base, "status": "ok", **_run(spec, key, plan)}
    except NotApplicable as reason:
        return {**base, "status": "n/a", "note": str(reason)}
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != NOT_SUPPORTED:
            raise
        return {**base, "status": "n/a", "note": "not implemented by workspaces_fake yet"}
    except Exception:
        return {**base, "status": "error", "note": traceback.format_exc()}


def _run(spec: dict[str, Any], key: str, plan: Plan) -> dict[str, Any]:
    contender, scenario = spec["contender"], BY_KEY[key]
    module = _module(contender)
    size = scenario.size_for(plan.smoke)
    if scenario.kind == COLD:
        return {"phases": module.cold_start()}
    if scenario.kind == MEMORY:
        return {"bytes_per_workspace": module.memory(size)}
    workload = _workload(contender, key, size, spec.get("recordings", {}).get(key))
    try:
        per_block, figures = time_blocks(workload.run, workload.prepare, plan)
        out: dict[str, Any] = {"per_call": figures, "calls_per_block": per_block}
        recording = workload.record() if spec.get("record") else None
        if recording is not None:
            out["recording"] = recording
    finally:
        workload.close()
    note = getattr(module, "NOTES", {}).get(key)
    if note:
        out["note"] = note.format(size=f"{size:,}")
    return out


def _module(contender: str) -> Any:
    if contender == FAKE:
        from . import _fake

        return _fake
    if contender == STUBBER:
        from . import _stubber

        return _stubber
    if contender == MOTO:
        from . import _moto

        return _moto
    raise ValueError(f"unknown contender {contender!r}")


def _workload(contender: str, key: str, size: int, recording: Any) -> Workload:
    if contender == STUBBER:
        from . import _stubber

        return _stubber.workload(key, recording)
    workload: Workload = _module(contender).workload(key, size)
    return workload


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
