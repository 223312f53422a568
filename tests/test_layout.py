"""The family layout (docs/design.md, "The house"): imports run one way, and every arrange helper is bound.

Runtime imports are read from the source: module-level ``import`` statements outside ``if TYPE_CHECKING:``
(imports inside functions load late on purpose and cannot form a cycle at import time). Type-only
references to the backend are allowed anywhere: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import workspaces_fake
from workspaces_fake.backend import WorkspacesBackend
from workspaces_fake.models._arrange import ARRANGE_HELPERS

PACKAGE = Path(workspaces_fake.__file__).resolve().parent
NAME = "workspaces_fake"

LAYERS = ("_hook", "_dispatch", "operations", "models", "_store")
"""From the top down: a module may import, at runtime, only modules of its own layer or of layers below."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        anchor = module.split(".")
        anchor = anchor if is_package else anchor[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, node.module] if node.module else anchor)
    # "from . import x" imports the submodule x when there is one
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
    return name == "TYPE_CHECKING"


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(_resolve(module, path.name == "__init__.py", node))
    return {name for name in found if name in modules and name != module}


def _graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(path) for path in paths}
    return {_module_name(path): _runtime_imports(path, modules) for path in paths}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of module names, or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def test_package_has_no_runtime_import_cycle() -> None:
    cycle = _cycle(_graph())
    assert not cycle, "runtime import cycle: " + " -> ".join(cycle)


def test_imports_run_from_the_hook_down_to_the_stores() -> None:
    upward = [
        f"{source} -> {target}"
        for source, targets in _graph().items()
        for target in targets
        if (low := _layer(source)) is not None and (high := _layer(target)) is not None and high < low
    ]
    assert not upward, f"these imports run up the layers {' -> '.join(LAYERS)}: {upward}"


def test_cycle_finder_finds_a_planted_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("name", sorted(ARRANGE_HELPERS))
def test_every_arrange_helper_is_a_backend_method(name: str) -> None:
    bound = getattr(WorkspacesBackend, name, None)
    assert bound is ARRANGE_HELPERS[name], (
        f"{name} is an arrange helper (@arrange) but WorkspacesBackend does not bind it: add "
        f"`{name} = <family module>.{name}` to the backend's list of arrange helpers"
    )


def test_arrange_helpers_are_found() -> None:
    assert {"add_workspace", "add_directory", "add_bundle", "add_image", "add_application"} <= set(
        ARRANGE_HELPERS
    )
