"""What every family's arrange helpers share: the backend's lock, and checks against the service model.

Arrange helpers (``add_workspace``, ``add_directory``, ``add_application``, ...) are plain functions defined
beside their family's model, taking the backend first; :class:`~workspaces_fake.backend.WorkspacesBackend`
binds each one as a method, so tests call ``backend.add_directory(...)``. They put resources straight into
a state the API would only reach through its lifecycle, so they check what they are given against the same
model the API is validated with: a test cannot arrange what AWS would never hold.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

F = TypeVar("F", bound=Callable[..., Any])

ARRANGE_HELPERS: dict[str, Callable[..., Any]] = {}
"""Every arrange helper by name; tests/test_conventions.py checks that the backend binds each of them."""


def arrange(func: F) -> F:
    """Mark ``func`` as an arrange helper and hold the backend's lock while it runs, as API calls do."""

    @functools.wraps(func)
    def locked(backend: WorkspacesBackend, *args: Any, **kwargs: Any) -> Any:
        with backend.lock:
            return func(backend, *args, **kwargs)

    ARRANGE_HELPERS[func.__name__] = locked
    return cast(F, locked)


def model_enum(shape: str) -> list[str]:
    """The values the botocore model allows for the enum shape ``shape``."""
    from .._service import service_model

    values: list[str] = service_model().shape_for(shape).enum
    return values


def check_enum(shape: str, values: Iterable[str], what: str) -> list[str]:
    """``values`` as a list, or ValueError naming ``what`` and the values the model's ``shape`` allows."""
    allowed, given = model_enum(shape), list(values)
    wrong = [value for value in given if value not in allowed]
    if wrong:
        raise ValueError(f"{what}: {wrong} not in the model's {shape} enum ({', '.join(allowed)})")
    return given
