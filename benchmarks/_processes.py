"""The contenders' processes, seen from the parent: serving processes and one-shot runs.

Every contender gets the same clean environment, and its own interpreter (see :mod:`benchmarks._child`
for the other end of the conversation).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import _codec
from ._timing import Plan

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900

Result = dict[str, Any]


def child_env() -> dict[str, str]:
    """The same clean environment for every contender: fake credentials, one region, no AWS config.

    moto sets such credentials itself; giving them to everyone means every boto3.client() resolves
    credentials the same cheap way, and nobody reads the machine's ~/.aws or probes instance metadata.
    moto is told not to load its catalog of EC2 images, which only its (untimed) VPC setup would use.
    Bytecode caching is on whatever the caller's environment says: every installed package has its
    caches, and an import that compiles its sources would measure the compiler.
    """
    env = {name: text for name, text in os.environ.items() if not name.startswith("AWS_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        MOTO_EC2_LOAD_DEFAULT_AMIS="false",
    )
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks._child", *args]


def _mode(plan: Plan) -> str:
    return "smoke" if plan.smoke else "full"


class Server:
    """A contender's serving process; requests and replies are single JSON lines."""

    def __init__(self, contender: str, plan: Plan) -> None:
        self.contender = contender
        self._errors = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115  (closed by close())
        self._process = subprocess.Popen(
            _command("serve", contender, _mode(plan)),
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
            encoding="utf-8",
        )

    def send(self, request: dict[str, Any]) -> None:
        """Send a request without waiting (several contenders can then set up at once)."""
        stdin = self._process.stdin
        if stdin is None or stdin.closed:
            return
        try:
            stdin.write(_codec.dumps(request) + "\n")
            stdin.flush()
        except BrokenPipeError:
            stdin.close()  # the process died; receive() reports why

    def receive(self) -> Result:
        """The reply to the oldest request not yet answered; an ``error`` if the process died."""
        stdout = self._process.stdout
        line = stdout.readline() if stdout is not None else ""
        if not line:
            return {"status": "error", "note": f"the {self.contender} process died:\n{self._stderr()}"}
        reply: Result = _codec.loads(line)
        return reply

    def ask(self, request: dict[str, Any]) -> Result:
        """Send a request and wait for its reply."""
        self.send(request)
        return self.receive()

    def close(self) -> None:
        """Let the process finish (end of its input) and wait for it."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=TIMEOUT)
        finally:
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._errors.close()

    def _stderr(self) -> str:
        self._process.wait(timeout=TIMEOUT)
        self._errors.seek(0)
        return self._errors.read()[-4000:]


def run_once(contender: str, scenario: str, plan: Plan) -> Result:
    """A one-shot measurement (cold start, memory) in a fresh interpreter."""
    done = subprocess.run(
        _command("once", contender, scenario, _mode(plan)),
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        reply: Result = {"status": "error", "note": f"exit status {done.returncode}:\n{done.stderr[-4000:]}"}
    else:
        reply = _codec.loads(lines[-1])
    return {"contender": contender, "scenario": scenario, **reply}
