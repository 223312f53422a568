"""The call pipeline: faults -> not-supported -> validate -> observe -> handler.

``_hook`` translates botocore events into :func:`dispatch` calls; tests may call :func:`dispatch` directly.
Importing this module imports ``workspaces_fake.operations``, whose modules register their handlers with
``_registry.operation``; handlers receive the top-level request members as snake_case keyword arguments,
nested members in their API spelling.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Union

from botocore.model import OperationModel, OperationNotFoundError

from . import errors
from . import operations as _operations  # noqa: F401  (importing it registers every handler)
from ._calls import Call
from ._registry import HANDLERS as HANDLERS  # re-exported: tests and the docs generator read it here
from ._registry import OBSERVED_BELOW_MIN, Result
from ._registry import Registration as Registration
from ._service import operation_model
from ._validate import validate_input
from ._wire import attr_name
from .faults import Disconnect

if TYPE_CHECKING:
    from .backend import WorkspacesBackend

logger = logging.getLogger("workspaces_fake")

self_check = False
"""When True (the test suite sets it), every result is checked against the output shape by botocore's
own validator before it is encoded, as botocore's Stubber checks canned responses."""


class Outcome(NamedTuple):
    """What one call produced: a result or an error, and the request id it was answered under.

    A named tuple rather than a frozen dataclass: one is made per call, and it is built twice as fast.
    """

    operation: str
    request_id: str
    result: Optional[Result] = None
    error: Union[errors.WorkspacesError, errors.FakeNotSupported, None] = None


def dispatch(
    backend: WorkspacesBackend, name: str, params: Mapping[str, Any], backoff: float = 0.0
) -> Outcome:
    """Answer one call against ``backend``; only :class:`faults.Disconnect` escapes as an exception.

    ``backoff`` is the delay botocore asked for before this attempt (a retry), recorded on the call.
    """
    request_id = new_request_id()
    with backend.lock:
        try:
            backend.faults.fire(name, params)
            outcome = Outcome(name, request_id, result=_answer(backend, name, params))
        except (errors.WorkspacesError, errors.FakeNotSupported) as err:
            outcome = Outcome(name, request_id, error=err)
        except Disconnect:
            backend.calls.record(Call(name, params, "disconnect", request_id, backoff))
            raise
        except Exception as exc:  # a bug in the fake must not surface as a traceback inside botocore
            logger.exception("workspaces_fake failed while answering %s", name)
            bug = errors.FakeInternalError(operation=name, detail=f"{type(exc).__name__}: {exc}")
            outcome = Outcome(name, request_id, error=bug)
        label = "ok" if outcome.error is None else outcome.error.code
        backend.calls.record(Call(name, params, label, request_id, backoff))
        return outcome


_REQUEST_IDS = random.Random()
"""A private stream: a test's ``random.seed()`` neither fixes the request ids nor is used up by them."""


_VARIANT = dict(zip("0123456789abcdef", "89ab89ab89ab89ab"))
"""The variant digit of a version-4 UUID (10xx in binary) for each random hex digit, evenly."""


_READY: list[str] = []
"""Request ids made ahead, handed out with ``pop()`` (atomic, so threads never share one)."""


def new_request_id() -> str:
    """A random version-4 UUID, the form of AWS request ids (uuid.uuid4() costs ten times as much).

    Made 16 at a time: formatting them in one tight loop costs a fraction of formatting each inside a
    call, where botocore's own work has pushed this code out of the CPU caches.
    """
    try:
        return _READY.pop()
    except IndexError:
        _READY.extend(_request_ids(16))
        return _READY.pop()


def _request_ids(count: int) -> list[str]:
    digits = _REQUEST_IDS.randbytes(16 * count).hex()
    return [
        f"{d[:8]}-{d[8:12]}-4{d[13:16]}-{_VARIANT[d[16]]}{d[17:20]}-{d[20:]}"
        for d in (digits[start : start + 32] for start in range(0, 32 * count, 32))
    ]


def _answer(backend: WorkspacesBackend, name: str, params: Mapping[str, Any]) -> Result:
    registration = HANDLERS.get(name)
    op = _operation_or_unknown(name)
    if registration is None:
        raise errors.FakeNotSupported(name)
    validate_input(op, params, registration.precheck)
    members = tuple(params)
    keywords = registration.keywords.get(members)
    if keywords is None:
        keywords = _keywords(registration, members)
    kwargs = dict(zip(keywords, params.values()))
    backend.lifecycle.observe()  # as backend.observe(), whose lock this call already holds
    result = registration.func(backend, **kwargs)
    if self_check:
        _check_result(op, result)
    return result


def _keywords(registration: Registration, members: tuple[str, ...]) -> tuple[str, ...]:
    """The keyword names for ``members``; FakeNotSupported names the first the handler does not take."""
    keywords = tuple(attr_name(member) for member in members)
    for member, keyword in zip(members, keywords):
        if keyword not in registration.accepts:
            raise errors.FakeNotSupported(registration.name, member)
    if len(registration.keywords) < 1024:  # requests name the members of one input shape: few orders
        registration.keywords[members] = keywords
    return keywords


def _operation_or_unknown(name: str) -> OperationModel:
    try:
        return operation_model(name)
    except OperationNotFoundError:
        raise errors.UnknownOperationException(f"Operation {name} is not known to WorkSpaces.") from None


def _check_result(op: OperationModel, result: Result) -> None:
    """Fail loudly when a handler's result would not pass botocore's validation of the output shape."""
    from botocore.validate import validate_parameters

    from ._wire import to_parsed

    if op.output_shape is not None:
        validate_parameters(without_observed(to_parsed(op.output_shape, result)), op.output_shape)


_ABSENT = object()


def without_observed(value: Any) -> Any:
    """``value`` without the members AWS is observed to answer below the model's minimum
    (:data:`OBSERVED_BELOW_MIN`), at any depth."""
    if isinstance(value, dict):
        return {k: without_observed(v) for k, v in value.items() if OBSERVED_BELOW_MIN.get(k, _ABSENT) != v}
    if isinstance(value, list):
        return [without_observed(item) for item in value]
    return value
