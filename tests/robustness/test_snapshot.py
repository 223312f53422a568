"""Bad input never costs data: a rejected request leaves the world exactly as it was.

The snapshot helper is tested first (it must see every kind of change, and reading must not change it),
then every registered operation is sent requests that break each of its members in turn, against a world
with WorkSpaces, images, bundles and association rows in several states; the world must not move.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import ListShape, Shape, StructureShape

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake._dispatch import HANDLERS

from . import _oracle, _world
from ._snapshot import difference, snapshot
from .conftest import REGION


@pytest.fixture
def world(clients: dict[str, Any]) -> Iterator[tuple[WorkspacesBackend, dict[str, str]]]:
    with mock_workspaces(region=REGION) as backend:
        made = _world.arrange(backend, clients["validating"])
        backend.observe()
        yield backend, made


def test_snapshot_reading_the_world_changes_nothing(world: tuple[WorkspacesBackend, dict[str, str]]) -> None:
    backend, _ = world
    first = snapshot(backend)
    second = snapshot(backend)
    assert first == second
    assert difference(first, second) == []


def test_snapshot_workspace_state_change_is_seen(world: tuple[WorkspacesBackend, dict[str, str]]) -> None:
    backend, made = world
    before = snapshot(backend)
    backend.workspaces[made["windows"]].state = "STOPPED"
    changes = difference(before, snapshot(backend))
    assert changes and made["windows"] in changes[0]


def test_snapshot_new_workspace_and_tag_are_seen(world: tuple[WorkspacesBackend, dict[str, str]]) -> None:
    backend, made = world
    before = snapshot(backend)
    backend.add_workspace()
    backend.tags[made["windows"]] = {"k": "v"}
    changes = difference(before, snapshot(backend), limit=100)
    assert any(".workspaces." in change and "added" in change for change in changes)
    assert any(".tags." in change for change in changes)


def test_snapshot_association_row_change_is_seen(
    world: tuple[WorkspacesBackend, dict[str, str]], clients: dict[str, Any]
) -> None:
    backend, made = world
    before = snapshot(backend)
    office = _world.app_id(backend, _world.OFFICE_PRO)
    clients["validating"].disassociate_workspace_application(
        WorkspaceId=made["windows"], ApplicationId=office
    )
    changes = difference(before, snapshot(backend))
    assert any("associations" in change for change in changes), changes


def test_snapshot_application_catalog_change_is_seen(world: tuple[WorkspacesBackend, dict[str, str]]) -> None:
    backend, _ = world
    before = snapshot(backend)
    next(iter(backend.applications.values_unobserved())).description = "changed"
    assert difference(before, snapshot(backend))


# --------------------------------------------------------------------------------------- rejections
def _breakers(shape: Shape, made: dict[str, str]) -> Iterator[Any]:
    """Values that break a member for sure (the oracle filters out any that would not)."""
    if shape.type_name == "string":
        yield "\u0663" * 3
        yield "x" * (shape.metadata.get("max", 300_000) + 1)
        yield 12345
    elif shape.type_name in ("integer", "long"):
        yield shape.metadata.get("max", 2**63) + 1
    elif shape.type_name == "boolean":
        yield "yes"
    elif isinstance(shape, ListShape):
        yield [_plausible(shape.member, made)] * (shape.metadata.get("max", 10_000) + 1)
        yield [{}] if isinstance(shape.member, StructureShape) else list(_breakers(shape.member, made))[:1]
    elif isinstance(shape, StructureShape):
        yield {}


def rejected_requests(op_name: str, made: dict[str, str]) -> Iterator[dict[str, Any]]:
    """For each member of the operation, a request that is otherwise plausible but breaks that member."""
    op = _oracle.operation(op_name)
    shape = op.input_shape
    if not isinstance(shape, StructureShape):
        return
    base = {name: _plausible(member, made) for name, member in shape.members.items()}
    for name, member in shape.members.items():
        for value in _breakers(member, made):
            request = {**base, name: value}
            if _oracle.violations(shape, request):
                yield request


def _plausible(shape: Shape, made: dict[str, str]) -> Any:
    """A value that refers to the arranged world where an id is expected."""
    for value in made.values():
        if not _oracle.violations(shape, value):
            return value
    if getattr(shape, "enum", None):
        return shape.enum[0]
    if isinstance(shape, ListShape):
        return [_plausible(shape.member, made)]
    if isinstance(shape, StructureShape):
        return {name: _plausible(shape.members[name], made) for name in shape.required_members}
    return {"string": "x", "integer": 1, "long": 1, "boolean": True}.get(shape.type_name)


@pytest.mark.parametrize("operation", sorted(HANDLERS))
def test_rejected_request_leaves_world_unchanged(
    operation: str, world: tuple[WorkspacesBackend, dict[str, str]], clients: dict[str, Any]
) -> None:
    backend, made = world
    method = getattr(clients["raw"], xform_name(operation))
    sent = 0
    for request in rejected_requests(operation, made):
        before = snapshot(backend)
        with pytest.raises(ClientError) as caught:
            method(**request)
        code = caught.value.response["Error"]["Code"]
        assert code in ("ValidationException", "SerializationException"), (operation, request, code)
        assert difference(before, snapshot(backend)) == [], (operation, request)
        sent += 1
    shape = _oracle.operation(operation).input_shape
    assert sent > 0 or shape is None or not shape.members  # DescribeAccount has nothing to get wrong
