"""Client tokens: the same token and the same request give the same answer, once.

In the WorkSpaces model only the four account-link write operations carry a ``ClientToken``
(CreateAccountLinkInvitation, AcceptAccountLinkInvitation, RejectAccountLinkInvitation,
DeleteAccountLinkInvitation), and none has botocore's ``idempotencyToken`` trait, so the SDK never fills
one in: a request without a token has no replay protection. The semantics are AWS's usual ones [A]
(spec C.6): a token is scoped to the calling account and Region (one backend) and to the operation; a
retry with the same token and the same request within 24 hours of the fake's clock returns what the
first call made, in its current state, without doing anything again; the same token with a different
request is refused with the operation's conflict error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Optional, TypeVar

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend
    from ..errors import WorkspacesError

T = TypeVar("T")

WINDOW = timedelta(hours=24)
"""How long a token is remembered [A] (AWS's common client-token lifetime)."""


@dataclass(frozen=True)
class _Entry:
    fingerprint: str
    answer: Any
    at: datetime


class ClientTokens:
    """The tokens one backend has seen, per operation."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], _Entry] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def once(
        self,
        backend: WorkspacesBackend,
        operation: str,
        token: Optional[str],
        request: Mapping[str, Any],
        act: Callable[[], T],
        conflict: type[WorkspacesError],
    ) -> T:
        """``act()``'s answer, or the answer the first call with this token got.

        ``request`` is every member of the request but the token; a token seen with another request
        raises ``conflict``. A call that fails is not remembered, so its retry runs again.
        """
        if token is None:
            return act()
        now = backend.clock.now()
        fingerprint = json.dumps(request, sort_keys=True, default=str)
        entry = self._seen.get((operation, token))
        if entry is not None and now - entry.at < WINDOW:
            if entry.fingerprint != fingerprint:
                raise conflict(
                    f"The client token {token} was already used with different parameters for {operation}."
                )
            answer: T = entry.answer
            return answer
        answer = act()
        self._seen[(operation, token)] = _Entry(fingerprint, answer, now)
        return answer
