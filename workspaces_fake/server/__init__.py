"""Server mode: the same fake over HTTP, for every SDK, the AWS CLI and other processes (docs/server.md).

``WorkspacesServer`` runs the in-process pipeline behind an AWS JSON 1.1 endpoint and a control API under
``/_workspaces_fake``; ``ServerControl`` steers it from Python as ``workspaces_backend`` steers the
in-process fake; ``python -m workspaces_fake serve`` runs one from a shell. Only the standard library is
added: the in-process use keeps botocore as its only runtime dependency.
"""

from __future__ import annotations

from ._client import ControlError, RemoteBackend, ServerControl
from ._http import WorkspacesServer

__all__ = ["ControlError", "RemoteBackend", "ServerControl", "WorkspacesServer"]
