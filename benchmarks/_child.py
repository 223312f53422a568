"""One contender's process, in one of two modes.

``python -m benchmarks._child serve CONTENDER smoke|full`` answers the parent's requests, one JSON line
each on stdin and stdout: ``setup`` builds a scenario's workload and warms it up (the fake also records
one unit for the Stubber to replay), ``size`` sizes its blocks and arranges them, ``block`` times one
block, ``close`` ends the workload. The parent asks every contender for a block in turn, so a busy
minute of a shared machine slows them all alike and the ratios hold.

``python -m benchmarks._child once CONTENDER SCENARIO smoke|full`` measures what a process can measure
only once (a cold start, the memory a world takes) and prints one JSON line.

boto3 is imported first, as every test suite has it before it imports a fake; the contender's own package
is imported only by the scenario, so the cold start can time that import.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import IO, Any, Optional

import boto3  # noqa: F401  (imported before the contender, as in any test suite)
from botocore.exceptions import ClientError

from . import _codec
from ._common import NotApplicable, Workload
from ._scenarios import BY_KEY, COLD, FAKE, MOTO, STUBBER
from ._timing import FULL, SMOKE, Plan, arrange_blocks, size_blocks, time_block, warm_up

NOT_SUPPORTED = "WorkspacesFakeNotSupported"
Reply = dict[str, Any]


def main(argv: list[str]) -> int:
    """Dispatch to a mode; see the module docstring."""
    mode, contender, *rest = argv
    channel = _protocol_channel()
    if mode == "serve":
        _Server(contender, SMOKE if rest[0] == "smoke" else FULL, channel).serve(sys.stdin)
    else:
        key, plan = rest[0], SMOKE if rest[1] == "smoke" else FULL
        _reply(channel, _guarded(lambda: _once(contender, key, plan)))
    return 0


def _protocol_channel() -> IO[str]:
    """The original stdout, for protocol lines only; anything a library prints goes to stderr."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return channel


def _reply(channel: IO[str], reply: Reply) -> None:
    channel.write(_codec.dumps(reply) + "\n")
    channel.flush()


def _guarded(action: Callable[[], Reply]) -> Reply:
    """The action's reply, or why there is none: ``n/a`` (not implemented) or ``error`` (a crash)."""
    try:
        return {"status": "ok", **action()}
    except NotApplicable as reason:
        return {"status": "n/a", "note": str(reason)}
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") == NOT_SUPPORTED:
            return {"status": "n/a", "note": "not implemented by workspaces_fake yet"}
        return {"status": "error", "note": traceback.format_exc()}
    except Exception:
        return {"status": "error", "note": traceback.format_exc()}


class _Server:
    """Holds at most one scenario's workload at a time, between ``setup`` and ``close``."""

    def __init__(self, contender: str, plan: Plan, channel: IO[str]) -> None:
        self._contender = contender
        self._plan = plan
        self._channel = channel
        self._workload: Optional[Workload] = None
        self._calls = 1

    def serve(self, requests: IO[str]) -> None:
        for line in requests:
            request = _codec.loads(line)
            handler = getattr(self, f"_{request.pop('cmd')}")
            _reply(self._channel, _guarded(functools.partial(handler, **request)))
        self._close()

    def _setup(self, scenario: str, recording: Optional[list[Any]] = None) -> Reply:
        self._close()
        size = BY_KEY[scenario].size_for(self._plan.smoke)
        self._workload = _workload(self._contender, scenario, size, recording)
        warm_up(self._workload.run, self._workload.prepare, self._plan)
        reply: Reply = {}
        if self._contender == FAKE:
            reply["recording"] = self._workload.record()
        note = getattr(_module(self._contender), "NOTES", {}).get(scenario)
        if note:
            reply["note"] = note.format(size=f"{size:,}")
        return reply

    def _size(self) -> Reply:
        workload = self._current()
        self._calls = size_blocks(workload.run, workload.prepare, self._plan)
        arrange_blocks(workload.prepare, self._calls, self._plan)
        return {"calls_per_block": self._calls}

    def _block(self) -> Reply:
        return {"seconds": time_block(self._current().run, self._calls)}

    def _current(self) -> Workload:
        if self._workload is None:
            raise RuntimeError("a scenario must be set up first")
        return self._workload

    def _close(self) -> Reply:
        if self._workload is not None:
            workload, self._workload = self._workload, None
            workload.close()
        return {}


def _once(contender: str, key: str, plan: Plan) -> Reply:
    module = _module(contender)
    if BY_KEY[key].kind == COLD:
        return {"phases": module.cold_start()}
    return {"bytes_per_workspace": module.memory(BY_KEY[key].size_for(plan.smoke))}


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


def _workload(contender: str, key: str, size: int, recording: Optional[list[Any]]) -> Workload:
    if contender == STUBBER:
        from . import _stubber

        return _stubber.workload(key, recording)
    workload: Workload = _module(contender).workload(key, size)
    return workload


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
