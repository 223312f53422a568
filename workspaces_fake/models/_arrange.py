"""What every family's arrange helpers share: the backend's lock, and checks against the service model.

Arrange helpers (``add_workspace``, ``add_directory``, ``add_application``, ...) are plain functions defined
beside their family's model, taking the backend first; :class:`~workspaces_fake.backend.WorkspacesBackend`
binds each one as a method, so tests call ``backend.add_directory(...)``. They put resources straight into
a state the API would only reach through its lifecycle, so each argument that carries an API member is
checked first, by the same validator requests go through, against the member's shape in the botocore
model (enums, patterns, lengths, ranges): a test cannot arrange what AWS would never hold.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Optional, TypeVar, cast

from botocore import xform_name

if TYPE_CHECKING:
    from botocore.model import Shape

    from ..backend import WorkspacesBackend

F = TypeVar("F", bound=Callable[..., Any])

ARRANGE_HELPERS: dict[str, Callable[..., Any]] = {}
"""Every arrange helper by name; tests/test_layout.py checks that the backend binds each of them."""


def arrange(*structures: str, **members: str) -> Callable[[F], F]:
    """Make ``func`` an arrange helper: arguments checked against the model, the backend's lock held.

    An argument is checked against the shape of the member it names (``xform_name`` of the member) in one
    of the output ``structures`` (``"Workspace"``, ``"WorkspaceProperties"``), or against the shape
    ``members`` names for it (``compute_type_name="Compute"``). ``tags`` (a mapping) is checked key by key
    and value by value as ``TagKey`` and ``TagValue``. ``None`` means "the default" and is not checked.
    """

    def decorate(func: F) -> F:
        checks = _ArgumentChecks(func, structures, members)

        @functools.wraps(func)
        def locked(backend: WorkspacesBackend, *args: Any, **kwargs: Any) -> Any:
            checks.run(args, kwargs)
            with backend.lock:
                return func(backend, *args, **kwargs)

        ARRANGE_HELPERS[func.__name__] = locked
        return cast(F, locked)

    return decorate


class _ArgumentChecks:
    """The model shapes of one helper's arguments, worked out on its first call (the model loads late)."""

    def __init__(self, func: Callable[..., Any], structures: tuple[str, ...], members: Mapping[str, str]):
        self._name = func.__name__
        parameters = list(inspect.signature(func).parameters.values())[1:]  # after the backend
        self._names = [p.name for p in parameters]
        self._positional = [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
        self._structures = structures
        self._members = dict(members)
        self._shapes: Optional[dict[str, Shape]] = None

    def run(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
        shapes = self._shapes if self._shapes is not None else self._resolve()
        for name, value in (*zip(self._positional, args), *kwargs.items()):
            if value is None:
                continue
            if name == "tags":
                self._check_tags(value)
            elif name in shapes:
                self._check(name, shapes[name], value)

    def _resolve(self) -> dict[str, Shape]:
        from .._service import service_model

        model = service_model()
        found: dict[str, Shape] = {}
        for structure in self._structures:
            for member, shape in model.shape_for(structure).members.items():
                if xform_name(member) in self._names:
                    found.setdefault(xform_name(member), shape)
        for argument, shape_name in self._members.items():
            found[argument] = model.shape_for(shape_name)
        self._shapes = found
        return found

    def _check(self, argument: str, shape: Shape, value: Any) -> None:
        from .._validate import value_violations

        problems = value_violations(shape, value, argument)
        if problems:
            rules = "; ".join(f"{path} must {rule}" for path, _, rule in problems)
            where = f"the model's {shape.name} shape, as AWS checks it"
            raise ValueError(f"{self._name}({argument}={value!r}): {rules} ({where})")

    def _check_tags(self, tags: Any) -> None:
        if not isinstance(tags, Mapping):
            raise ValueError(f"{self._name}(tags={tags!r}): tags is a mapping of tag key to tag value")
        from .._service import service_model

        model = service_model()
        for key, value in tags.items():
            self._check("tags key", model.shape_for("TagKey"), key)
            self._check(f"tags[{key!r}]", model.shape_for("TagValue"), value)


def model_enum(shape: str) -> list[str]:
    """The values the botocore model allows for the enum shape ``shape``."""
    from .._service import service_model

    values: list[str] = service_model().shape_for(shape).enum
    return values
