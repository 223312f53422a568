"""The creation-order matrix, run in a fresh interpreter: ``python tests/_creation_matrix.py``.

Sessions and clients are made at three moments (before ``import workspaces_fake``, after the import but
before activation, inside the activation), from boto3's default session, an explicit boto3 Session, a
botocore session and an aiobotocore session. Every client then makes one call inside the activation, under
a socket guard that records and refuses every name lookup and connect. The script prints one JSON object:
``cases`` maps each case to ``"fake"`` (answered in-process) or what escaped (the host tried, or the
exception), and ``probes`` maps each moment to the hosts contacted while its clients were created (the
instance-metadata probe of botocore's credential chain).

A fresh interpreter is the only honest way to have objects that exist before the import.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
from typing import Any

ATTEMPTS: list[str] = []


def refuse_lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
    ATTEMPTS.append(str(host))
    raise socket.gaierror(socket.EAI_NONAME, f"the network is forbidden ({host})")


def refuse_connect(sock: socket.socket, address: Any) -> Any:
    ATTEMPTS.append(str(address[0]))
    raise ConnectionRefusedError(f"the network is forbidden ({address!r})")


socket.getaddrinfo = refuse_lookup  # type: ignore[assignment]
socket.socket.connect = refuse_connect  # type: ignore[assignment,method-assign]
socket.socket.connect_ex = refuse_connect  # type: ignore[assignment,method-assign]

import aiobotocore.session  # noqa: E402
import boto3  # noqa: E402
import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402

ONE_ATTEMPT = Config(retries={"total_max_attempts": 1}, connect_timeout=1, read_timeout=1)
LOOP = asyncio.new_event_loop()
EXITS = contextlib.AsyncExitStack()
PROBES: dict[str, list[str]] = {}
SYNC: dict[str, Any] = {}
ASYNC: dict[str, Any] = {}
SESSIONS: dict[str, Any] = {}


def _sync_client(session: Any) -> Any:
    return session.client("workspaces", region_name="us-east-1", config=ONE_ATTEMPT)


def _botocore_client(session: Any) -> Any:
    return session.create_client("workspaces", region_name="us-east-1", config=ONE_ATTEMPT)


def _aio_client(session: Any) -> Any:
    maker = session.create_client("workspaces", region_name="us-east-1", config=ONE_ATTEMPT)
    return LOOP.run_until_complete(EXITS.enter_async_context(maker))


def make(moment: str) -> None:
    """Sessions made at ``moment``; a client from each session that exists by now."""
    if moment == "before-import":
        boto3.setup_default_session()
    SESSIONS[f"boto3.Session/{moment}"] = boto3.Session()
    SESSIONS[f"botocore/{moment}"] = botocore.session.get_session()
    SESSIONS[f"aiobotocore/{moment}"] = aiobotocore.session.get_session()
    before = len(ATTEMPTS)
    SYNC[f"default-session/client-{moment}"] = _sync_client(boto3)
    for name, session in SESSIONS.items():
        key = f"{name}/client-{moment}"
        if name.startswith("boto3"):
            SYNC[key] = _sync_client(session)
        elif name.startswith("botocore"):
            SYNC[key] = _botocore_client(session)
        else:
            ASYNC[key] = _aio_client(session)
    PROBES[moment] = ATTEMPTS[before:]
    del ATTEMPTS[before:]


def outcome(call: Any, backend: Any) -> str:
    del ATTEMPTS[:]
    answered = len(backend.calls)
    try:
        call()
    except Exception as exc:
        escaped = ",".join(sorted(set(ATTEMPTS))) or type(exc).__name__
        return f"escaped: {escaped}"
    if ATTEMPTS:
        return f"escaped: {','.join(sorted(set(ATTEMPTS)))}"
    return "fake" if len(backend.calls) == answered + 1 else "escaped: answered elsewhere"


def main() -> None:
    make("before-import")
    import workspaces_fake

    make("before-activation")
    with workspaces_fake.mock_workspaces(region="us-east-1") as backend:
        make("inside")
        cases = {key: outcome(client.describe_workspaces, backend) for key, client in SYNC.items()}
        for key, client in ASYNC.items():
            cases[key] = outcome(lambda c=client: LOOP.run_until_complete(c.describe_workspaces()), backend)
    LOOP.run_until_complete(EXITS.aclose())
    print(json.dumps({"cases": cases, "probes": PROBES}))


if __name__ == "__main__":
    sys.exit(main())
