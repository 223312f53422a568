"""``python -m workspaces_fake serve``: run the server until interrupted (Ctrl-C or SIGTERM).

On start it prints one line to stdout, ``workspaces_fake serving on <url>``, and flushes it, so a script
or a test can read the URL (with ``--port 0``, the default, the system picks a free port).
"""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import Optional

from ..lifecycle import MODES
from ._http import WorkspacesServer

READY = "workspaces_fake serving on "
"""The start of the one line the server prints when it listens; the URL follows."""


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="python -m workspaces_fake serve",
        description="Serve the WorkSpaces fake over HTTP (AWS JSON 1.1) with a control API under "
        "/_workspaces_fake; see docs/server.md.",
    )
    made.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    made.add_argument("--port", type=int, default=0, help="port to listen on (default 0: a free one)")
    made.add_argument(
        "--lifecycle", choices=MODES, default="instant", help="lifecycle mode (default instant)"
    )
    made.add_argument("--account-id", default=None, help="default account (default 123456789012)")
    made.add_argument("--region", default=None, help="default region when a request names none (us-east-1)")
    made.add_argument("--seed", type=int, default=0, help="id seed (default 0)")
    return made


def _interrupt(signum: int, frame: Optional[FrameType]) -> None:
    raise KeyboardInterrupt


def main(argv: Optional[list[str]] = None) -> int:
    """Serve until interrupted; returns the exit code (0 after a clean shutdown)."""
    options = parser().parse_args(argv)
    server = WorkspacesServer(
        options.host,
        options.port,
        lifecycle=options.lifecycle,
        account_id=options.account_id,
        region=options.region,
        seed=options.seed,
    )
    signal.signal(signal.SIGTERM, _interrupt)
    print(f"{READY}{server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print("workspaces_fake stopped", file=sys.stderr, flush=True)
    return 0
