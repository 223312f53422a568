"""workspaces_fake: an in-process fake of the Amazon WorkSpaces API for boto3 tests.

``mock_workspaces`` activates it; ``WorkspacesBackend`` is the handle tests use to arrange state, control
time and inject faults; ``attach`` wires it into clients or sessions created before this import.
"""

from __future__ import annotations

from . import errors
from . import operations as _operations  # noqa: F401  (registers every handler)
from ._hook import attach, install_builtin_handlers
from ._mock import MockWorkspaces, mock_workspaces
from .backend import WorkspacesBackend

__version__ = "0.1.0"

install_builtin_handlers()

__all__ = ["MockWorkspaces", "WorkspacesBackend", "__version__", "attach", "errors", "mock_workspaces"]
