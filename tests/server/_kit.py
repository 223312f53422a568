"""Helpers the server tests share (a module, not collected): boto3 clients pointed at a server."""

from __future__ import annotations

from typing import Any, Optional

import boto3
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
