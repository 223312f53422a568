"""The demo scenario printed by ``python -m workspaces_fake demo``."""

from __future__ import annotations

import argparse
from typing import Optional


def main(argv: Optional[list[str]] = None) -> int:
    """Run the demo; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m workspaces_fake")
    parser.add_argument("command", choices=["demo"], help="what to run")
    parser.parse_args(argv)
    import boto3

    from . import mock_workspaces

    with mock_workspaces():
        client = boto3.client("workspaces", region_name="us-east-1")
        found = client.describe_workspaces()["Workspaces"]
        print(f"DescribeWorkspaces on an empty world: {len(found)} WorkSpaces")
    return 0
