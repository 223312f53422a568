"""Client tokens (models/idempotency.py): the same token and request answer once; another request conflicts.

No operation implemented on this branch carries a ClientToken (only the account-link operations do), so
these tests drive the ledger directly with a backend and its clock.
"""

from __future__ import annotations

import itertools

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.errors import ConflictException


def _counter() -> itertools.count[int]:
    return itertools.count(1)


def test_client_tokens_same_token_same_request_acts_once(workspaces_backend: WorkspacesBackend) -> None:
    made = _counter()
    tokens = workspaces_backend.client_tokens
    request = {"TargetAccountId": "210987654321"}
    first = tokens.once(workspaces_backend, "Op", "t-1", request, lambda: next(made), ConflictException)
    again = tokens.once(workspaces_backend, "Op", "t-1", dict(request), lambda: next(made), ConflictException)
    assert (first, again, next(made)) == (1, 1, 2)


def test_client_tokens_same_token_other_request_is_the_conflict_error(
    workspaces_backend: WorkspacesBackend,
) -> None:
    tokens = workspaces_backend.client_tokens
    tokens.once(workspaces_backend, "Op", "t-1", {"A": 1}, lambda: "x", ConflictException)
    with pytest.raises(ConflictException, match="t-1 was already used with different parameters"):
        tokens.once(workspaces_backend, "Op", "t-1", {"A": 2}, lambda: "y", ConflictException)


def test_client_tokens_are_scoped_to_the_operation(workspaces_backend: WorkspacesBackend) -> None:
    tokens = workspaces_backend.client_tokens
    tokens.once(workspaces_backend, "Accept", "t-1", {"A": 1}, lambda: "x", ConflictException)
    assert tokens.once(workspaces_backend, "Reject", "t-1", {"A": 2}, lambda: "y", ConflictException) == "y"


def test_client_tokens_without_token_act_every_time(workspaces_backend: WorkspacesBackend) -> None:
    made = _counter()
    tokens = workspaces_backend.client_tokens
    for _ in range(2):
        tokens.once(workspaces_backend, "Op", None, {}, lambda: next(made), ConflictException)
    assert (next(made), len(tokens)) == (3, 0)


def test_client_tokens_are_forgotten_after_24_hours(workspaces_backend: WorkspacesBackend) -> None:
    tokens = workspaces_backend.client_tokens
    tokens.once(workspaces_backend, "Op", "t-1", {"A": 1}, lambda: "x", ConflictException)
    workspaces_backend.clock.advance(hours=24)
    assert tokens.once(workspaces_backend, "Op", "t-1", {"A": 2}, lambda: "y", ConflictException) == "y"


def test_client_tokens_failed_call_is_not_remembered(workspaces_backend: WorkspacesBackend) -> None:
    tokens = workspaces_backend.client_tokens

    def fail() -> str:
        raise ConflictException("already invited")

    with pytest.raises(ConflictException):
        tokens.once(workspaces_backend, "Op", "t-1", {"A": 1}, fail, ConflictException)
    assert tokens.once(workspaces_backend, "Op", "t-1", {"A": 1}, lambda: "x", ConflictException) == "x"


def test_client_tokens_reset_forgets_them(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.client_tokens.once(workspaces_backend, "Op", "t-1", {}, lambda: "x", ConflictException)
    workspaces_backend.reset()
    assert len(workspaces_backend.client_tokens) == 0
