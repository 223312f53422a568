"""``python -m workspaces_fake``: the demo, the coverage table, the server and the version.

Everything here must work from a plain ``pip install workspaces_fake`` (botocore only): the coverage table
needs nothing more, and the demo says what to install when boto3 is missing instead of a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional

from .errors import DOCS_URL

DESCRIPTION = """\
workspaces_fake: an in-process fake of the Amazon WorkSpaces API for Python tests.
While mock_workspaces() or the workspaces_backend pytest fixture is active, every
WorkSpaces call made by boto3, botocore or aiobotocore is answered in-process."""


def parser() -> argparse.ArgumentParser:
    """The command line: ``demo``, ``operations``, ``serve`` and ``--version``."""
    from . import __version__

    cli = argparse.ArgumentParser(
        prog="python -m workspaces_fake",
        description=DESCRIPTION,
        epilog=f"Documentation: {DOCS_URL}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument("--version", action="version", version=f"workspaces_fake {__version__}")
    commands = cli.add_subparsers(dest="command", metavar="command", required=True)
    commands.add_parser("demo", help="drive a short Manage-applications story through boto3 (needs boto3)")
    commands.add_parser("operations", help="print which WorkSpaces operations the fake implements")
    commands.add_parser(
        "serve", help="serve the fake over HTTP for other SDKs and processes (serve --help for its options)"
    )
    return cli


def main(argv: Optional[list[str]] = None) -> int:
    """Run one command; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # the server has options of its own
        from .server.cli import main as serve

        return serve(argv[1:])
    args = parser().parse_args(argv)
    if args.command == "operations":
        from ._coverage import render

        sys.stdout.write(render())
        return 0
    return demo()


def demo() -> int:
    """The demo, or a clear message (exit code 2) when boto3 is not installed."""
    try:
        import boto3  # noqa: F401  (the demo is a boto3 story)
    except ImportError:
        print(
            "the demo drives the fake through boto3, which is not installed here.\n"
            "Install it with:  pip install boto3   (or: pip install 'workspaces_fake[demo]')",
            file=sys.stderr,
        )
        return 2
    from .demo import run_demo

    return run_demo()
