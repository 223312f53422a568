"""workspaces_fake: an in-process fake of the Amazon WorkSpaces API for boto3 tests.

``mock_workspaces`` activates it; ``WorkspacesBackend`` is the handle tests use to arrange state, control
time and inject faults; ``attach`` wires a client or session at once (the client guard does it anyway).

Importing the package only installs the botocore handlers: the engine (handlers, models, errors) loads
with the first activation, or when ``errors`` or ``WorkspacesBackend`` is first used, because the pytest
plugin imports the package in every test session, whether it uses the fake or not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._hook import as_account, attach, install_builtin_handlers, install_guards
from ._mock import MockWorkspaces, mock_workspaces

if TYPE_CHECKING:
    from . import errors
    from .backend import WorkspacesBackend

__version__ = "0.1.0"

install_builtin_handlers()
install_guards()

_LAZY = {"errors": ("errors", None), "WorkspacesBackend": ("backend", "WorkspacesBackend")}


def __getattr__(name: str) -> Any:
    """Load ``errors`` and ``WorkspacesBackend`` on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(f".{module_name}", __name__)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


__all__ = [
    "MockWorkspaces",
    "WorkspacesBackend",
    "__version__",
    "as_account",
    "attach",
    "errors",
    "mock_workspaces",
]
