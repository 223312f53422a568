"""Helpers the server tests share (a module, not collected): boto3 clients pointed at a server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Optional

import boto3
import pytest
from botocore.config import Config

from workspaces_fake.server import WorkspacesServer


def client_for(
    server: WorkspacesServer,
    region: str = "us-east-1",
    *,
    access_key: str = "testing",
    retries: int = 0,
    config: Optional[Config] = None,
) -> Any:
    """A real boto3 WorkSpaces client for ``server``: signed with dummy credentials, as users do."""
    config = config or Config(retries={"max_attempts": retries, "mode": "standard"})
    return boto3.client(
        "workspaces",
        endpoint_url=server.url,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key="testing",
        config=config,
    )


SKIP_VARIABLE = "WORKSPACES_FAKE_SKIP_MISSING_TOOLS"
"""Set to 1 on a machine without the AWS CLI, node or chromium: those tests then skip instead of failing.
CI never sets it (.ci/run installs every tool), so a tool missing there fails loudly."""


def require_tool(*names: str) -> str:
    """The path of the first of ``names`` on PATH; fails the test if none is, unless told to skip."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    missing(f"{' or '.join(names)} is not installed (.ci/run installs it)")
    raise AssertionError("unreachable")


def missing(message: str) -> None:
    """A tool a test needs is missing: fail loudly, or skip where SKIP_VARIABLE says so."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{message}; skipped because {SKIP_VARIABLE}=1")
    pytest.fail(f"{message}; set {SKIP_VARIABLE}=1 to skip such tests on this machine", pytrace=False)


def tool_environment(tmp_path: Path) -> dict[str, str]:
    """The environment for an SDK or CLI subprocess: dummy credentials, no user configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "BOTO_"))}
    empty = tmp_path / "aws-config"
    empty.write_text("")
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_REGION="us-east-1",
        AWS_CONFIG_FILE=str(empty),
        AWS_SHARED_CREDENTIALS_FILE=str(empty),
        AWS_EC2_METADATA_DISABLED="true",
        AWS_PAGER="",
    )
    return env
