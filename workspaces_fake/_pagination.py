"""Opaque, tamper-evident page tokens bound to the filters of the request that asked for them.

A token carries the offset of the next page and a keyed digest of (offset, operation, filters). A forged
token, or one replayed with other filters, fails the digest and the call answers
InvalidParameterValuesException, as the spec decides for WorkSpaces.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TypeVar

from .errors import InvalidParameterValuesException, ValidationException, WorkspacesError

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 25


class Paginator:
    """Issues and checks page tokens with a secret private to one backend."""

    def __init__(self, secret: str) -> None:
        self._secret = secret.encode("utf-8")

    def page(
        self,
        items: Iterable[T],
        *,
        operation: str,
        filters: Mapping[str, Any],
        limit: Optional[int],
        token: Optional[str],
        default: int = DEFAULT_PAGE_SIZE,
    ) -> tuple[list[T], Optional[str]]:
        """One page of ``items`` and the token for the next page (None on the last page)."""
        size = limit or default
        start = self._offset(token, operation, filters) if token else 0
        window = list(itertools.islice(items, start, start + size + 1))
        if len(window) <= size:
            return window, None
        return window[:size], self._token(start + size, operation, filters)

    def _digest(self, offset: int, operation: str, filters: Mapping[str, Any]) -> str:
        material = json.dumps([offset, operation, filters], sort_keys=True, default=str).encode("utf-8")
        return hmac.new(self._secret, material, hashlib.sha256).hexdigest()[:24]

    def _token(self, offset: int, operation: str, filters: Mapping[str, Any]) -> str:
        raw = json.dumps([offset, self._digest(offset, operation, filters)]).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii")

    def _offset(self, token: str, operation: str, filters: Mapping[str, Any]) -> int:
        try:
            offset, digest = json.loads(base64.urlsafe_b64decode(token.encode("ascii")))
            valid = isinstance(offset, int) and hmac.compare_digest(
                str(digest), self._digest(offset, operation, filters)
            )
        except (ValueError, TypeError, UnicodeError):
            valid = False
        if not valid:
            raise _bad_token_error(operation)(
                f"The value of NextToken is not valid for this {operation} request: it was not issued by "
                "the service or was issued for different parameters."
            )
        return int(offset)


def _bad_token_error(operation: str) -> type[WorkspacesError]:
    """InvalidParameterValuesException where the operation models it, else ValidationException, which
    every operation may answer (DescribeWorkspaceImages models only AccessDeniedException)."""
    from botocore.model import OperationNotFoundError

    from ._service import operation_model

    try:
        modeled = {shape.name for shape in operation_model(operation).error_shapes}
    except OperationNotFoundError:
        return InvalidParameterValuesException
    if InvalidParameterValuesException.__name__ in modeled:
        return InvalidParameterValuesException
    return ValidationException
