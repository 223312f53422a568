"""The directories family: the model and its lifecycle, registration's variants, the settings' rules, and
the arrange helper ``add_directory``."""

from __future__ import annotations

from .arrange import add_directory, fail_directory_registration
from .model import DIRECTORY, NOT_FOUND, Directory, new_directory, require_directory

__all__ = [
    "DIRECTORY",
    "NOT_FOUND",
    "Directory",
    "add_directory",
    "fail_directory_registration",
    "new_directory",
    "require_directory",
]
