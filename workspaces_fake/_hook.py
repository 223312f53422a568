"""The botocore side: event handlers that answer WorkSpaces calls in-process, and the activation state.

Two doors, one engine (see docs/design.md):

* The fast door answers at ``before-call``: botocore has built the request but not signed or sent it, and
  takes the already-parsed response we return, so a call costs about what a Stubber call costs.
* The wire door answers at ``before-send`` with JSON bytes, so botocore parses them, raises its modeled
  exceptions and runs its real retry loop. The fast door hands a call to the wire door when a fault rule
  will fire for it (throttling, server errors, dropped connections must exercise the user's retry settings).

Nothing is signed: while a mock is active, ``choose-signer`` answers UNSIGNED for WorkSpaces, so no
credentials are needed or read by the fake. The handlers sit in ``botocore.handlers.BUILTIN_HANDLERS``, so
every session created after ``import workspaces_fake`` carries them; the client guard (``install_guards``,
a class-level wrapper of ``_make_api_call``) wires any other WorkSpaces client at its first call while a
mock is active, so no call escapes whatever existed first.
"""

from __future__ import annotations

import functools
import inspect
import re
import sys
import threading
import time as _time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

import botocore
from botocore import client as botocore_client
from botocore import endpoint as botocore_endpoint
from botocore import handlers as botocore_handlers
from botocore import session as botocore_session
from botocore.awsrequest import AWSResponse, HeadersDict
from botocore.credentials import Credentials
from botocore.exceptions import ConnectionClosedError, EndpointConnectionError, NoCredentialsError
from botocore.model import OperationNotFoundError
from botocore.parsers import create_parser

from ._defaults import DEFAULT_ACCOUNT_ID, FALLBACK_REGION
from ._service import SERVICE_NAME, TARGET_PREFIX, offered_regions, operation_model, service_model
from ._wire import attr_name, decode_request, dumps, to_parsed, to_wire

if TYPE_CHECKING:
    from botocore.model import OperationModel

    from ._dispatch import Outcome
    from .backend import WorkspacesBackend, World

# The engine (_dispatch, errors, faults, backend and every handler) is imported by the first activation,
# not by ``import workspaces_fake``: the pytest plugin imports the package in every session, used or not.

REGION_HEADER = "x-workspaces-fake-region"
ASYNC_HEADER = "x-workspaces-fake-async"
_CONTENT_TYPE = "application/x-amz-json-1.1"


class Config(NamedTuple):
    """What one activation asked for (``None``: inherit from the activation it joins, else the default)."""

    account_id: Optional[str]
    region: Optional[str]
    lifecycle: Optional[str]
    seed: int
    real_backoff: bool = False
    any_region: bool = False
    moto_bridge: bool = True


class _Activations:
    """The process-wide activation stack; the outermost entry owns the world."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stack: list[Config] = []
        self.world: Optional[World] = None

    def push(self, config: Config) -> World:
        _load_engine()
        install_guards()
        from .backend import World

        with self._lock:
            if self.world is None:
                self.world = World(lifecycle=config.lifecycle or "instant", seed=config.seed)
            self._stack.append(config)
            self.world.moto_bridge = all(entry.moto_bridge for entry in self._stack)
            return self.world

    def pop(self, config: Config) -> None:
        with self._lock:
            if config in self._stack:
                # Remove the most recent matching entry, so out-of-order stops stay consistent.
                index = len(self._stack) - 1 - self._stack[::-1].index(config)
                del self._stack[index]
            if not self._stack:
                self.world = None
            elif self.world is not None:
                self.world.moto_bridge = all(entry.moto_bridge for entry in self._stack)

    def top(self) -> Optional[Config]:
        stack = self._stack
        return stack[-1] if stack else None

    @property
    def depth(self) -> int:
        return len(self._stack)


ACTIVE = _Activations()


def _load_engine() -> None:
    """Import the handlers and load the service model, so that no call pays for either."""
    global _dispatch, _OFFERED
    from . import _dispatch as engine  # importing the registry registers every handler

    service_model()
    _OFFERED = offered_regions()
    _dispatch = engine.dispatch


def _dispatch_loading(
    backend: WorkspacesBackend, name: str, params: Mapping[str, Any], backoff: float = 0.0
) -> Outcome:
    """The pipeline's entry before the engine is loaded: load it, then hand over (replaced by then)."""
    _load_engine()
    return _dispatch(backend, name, params, backoff=backoff)


_dispatch: Callable[..., Outcome] = _dispatch_loading
"""``_dispatch.dispatch`` once loaded: a module global, because an import inside a call costs ~0.7 us."""


_CALLER: ContextVar[Optional[str]] = ContextVar("workspaces_fake_caller_account", default=None)
"""The account the current call is made as, when its client says so (see :func:`client_account`)."""


def active_backend(region: Optional[str]) -> Optional[WorkspacesBackend]:
    """The backend a call in ``region`` goes to, or None when no mock is active.

    The account is the calling client's (``as_account``, or its credentials), else the activation's.
    """
    config = ACTIVE.top()
    world = ACTIVE.world
    if config is None or world is None:
        return None
    account_id = _CALLER.get() or config.account_id or DEFAULT_ACCOUNT_ID
    return world.backend(account_id, region or config.region or FALLBACK_REGION)


_OFFERED: frozenset[str] = frozenset()
"""``_service.offered_regions()`` once the engine is loaded (a module global: read on every call)."""


def _any_region() -> bool:
    config = ACTIVE.top()
    return config is not None and config.any_region


def _not_offered(region: Optional[str], params: Mapping[str, Any]) -> None:
    """What the real client gets where WorkSpaces is not offered: its endpoint does not answer.

    botocore builds ``https://workspaces.<region>.<partition's domain>`` for any well-formed region name,
    and the connection fails (after its retries) with EndpointConnectionError naming that URL. The fake
    raises that error at once, without retrying and without opening a connection.
    """
    url = params.get("url") or f"https://{SERVICE_NAME}.{region}.amazonaws.com/"
    raise EndpointConnectionError(
        endpoint_url=url,
        error=f"WorkSpaces is not offered in {region!r} (workspaces_fake; any_region=True allows it)",
    )


# ----------------------------------------------------------------------------------------------- fast door
def before_call(model: OperationModel, params: dict[str, Any], context: dict[str, Any], **_: Any) -> Any:
    """Answer a WorkSpaces call with its parsed response, or defer it to the wire door (or do nothing)."""
    region = context.get("client_region")
    backend = active_backend(region)
    if backend is None:
        return None
    if region not in _OFFERED and not _any_region():
        _not_offered(region, params)
    name = model.name
    # The fake's own model, not the client's: its shapes are resolved once per process, while every new
    # client (a test usually makes one) brings a fresh model whose shapes would be resolved again.
    op = operation_model(name)
    try:
        body = decode_request(op.input_shape, params.get("body"))
    except ValueError:
        return _for_client(context, _fast_error(op, _serialization_error(name)))
    if backend.faults.peek(name, body) is not None:
        return None  # the wire door answers, so botocore's retry logic sees the fault
    answer = _fast_answer(op, _dispatch(backend, name, body))
    return _for_client(context, answer) if _is_async_client(context) else answer


def _for_client(context: dict[str, Any], answer: tuple[AWSResponse, dict[str, Any]]) -> Any:
    """An aiobotocore client gets its own response class, whose ``content`` after-call handlers await."""
    if not _is_async_client(context):
        return answer
    http, parsed = answer
    return _aio_response(http.url, http.status_code, dict(http.headers), http.raw), parsed


def _serialization_error(name: str, request_id: Optional[str] = None) -> Outcome:
    from . import errors
    from ._dispatch import Outcome

    return Outcome(name, request_id or _new_id(), error=errors.SerializationException())


def _new_id() -> str:
    from ._dispatch import new_request_id

    return new_request_id()


def _headers(request_id: str) -> dict[str, str]:
    return {"x-amzn-requestid": request_id, "content-type": _CONTENT_TYPE}


class _Answer(AWSResponse):  # type: ignore[misc]  # botocore has no type information
    """A successful fast-door response whose headers are built only if someone reads them.

    On the fast door botocore reads only ``status_code``; a ``HeadersDict`` costs more than the rest of
    the response, so it is made on first access. ``AWSResponse.__init__`` is deliberately not called: it
    would build the headers at once. tests/test_hook.py checks that this class offers every attribute
    an ``AWSResponse`` has, so a newer botocore that adds one is noticed.
    """

    def __init__(self, request_id: str, shape: Any, result: Mapping[str, Any]) -> None:
        self.url = ""
        self.status_code = 200
        self._raw: Any = None
        self._content = None
        self._request_id = request_id
        self._headers: Any = None
        self._shape = shape
        self._result = result

    @property
    def raw(self) -> Any:
        """Its own raw body (see ``stream``) unless one is set; a property, so that the response does
        not refer to itself: a reference cycle per call would leave every answer to the collector."""
        return self if self._raw is None else self._raw

    @raw.setter
    def raw(self, value: Any) -> None:
        self._raw = value

    def stream(self, **_: Any) -> Iterator[bytes]:
        """The JSON body the wire door would send (botocore reads ``raw.stream()`` for ``content``)."""
        yield dumps(to_wire(self._shape, self._result))

    @property
    def headers(self) -> Any:
        """The response headers (a botocore ``HeadersDict``, made on first access)."""
        if self._headers is None:
            self._headers = HeadersDict(_headers(self._request_id))
        return self._headers

    @headers.setter
    def headers(self, value: Any) -> None:
        self._headers = value


class _Body:
    """A raw response whose bytes are produced only if someone reads them."""

    def __init__(self, produce: Any) -> None:
        self._produce = produce

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._produce()


def _fast_answer(model: OperationModel, outcome: Outcome) -> tuple[AWSResponse, dict[str, Any]]:
    if outcome.error is not None:
        return _fast_error(model, outcome)
    result = outcome.result or {}
    parsed = to_parsed(model.output_shape, result)
    request_id = outcome.request_id
    parsed["ResponseMetadata"] = {
        "RequestId": request_id,
        "HTTPStatusCode": 200,
        "HTTPHeaders": {"x-amzn-requestid": request_id, "content-type": _CONTENT_TYPE},
        "RetryAttempts": 0,
    }
    return _Answer(request_id, model.output_shape, result), parsed


def _fast_error(model: OperationModel, outcome: Outcome) -> tuple[AWSResponse, dict[str, Any]]:
    """Errors are rare: parse our own error bytes with botocore's parser so they match the wire exactly."""
    status, body = encode_outcome(model, outcome)
    headers = _headers(outcome.request_id)
    response = {"status_code": status, "headers": headers, "body": body}
    parser = create_parser("json")
    parsed: dict[str, Any] = parser.parse(response, model.output_shape)
    error_shape = model.service_model.shape_for_error_code(parsed.get("Error", {}).get("Code"))
    if error_shape is not None:
        parsed.update(parser.parse(response, error_shape))
    parsed.setdefault("ResponseMetadata", {})["RetryAttempts"] = 0
    raw = _Body(lambda: body)
    return AWSResponse("", status, headers, raw), parsed


def encode_outcome(model: OperationModel, outcome: Outcome) -> tuple[int, bytes]:
    """The HTTP status and JSON body the real service would send for this outcome."""
    from . import errors

    err = outcome.error
    if err is None:
        return 200, dumps(to_wire(model.output_shape, outcome.result or {}))
    body: dict[str, Any] = {"__type": err.code, "message": err.message}
    if isinstance(err, errors.WorkspacesError):
        shape = service_model().shape_for_error_code(err.code)
        members = shape.members if shape is not None else {}
        for member in members:
            value = err.fields.get(attr_name(member))
            if member != "message" and value is not None:
                body[member] = value
    return err.status, dumps(body)


# ----------------------------------------------------------------------------------------------- wire door
def request_created(request: Any, **_: Any) -> None:
    """Carry what the wire door needs (the client's region, sync or async) on the request's headers.

    The wire door sees only the prepared request, which has no ``context``. These headers never leave the
    process: while a mock is active the wire door answers every WorkSpaces request.
    """
    if ACTIVE.top() is not None:
        context = getattr(request, "context", {})
        region = context.get("client_region")
        if region:
            request.headers[REGION_HEADER] = region
        if _is_async_client(context):
            request.headers[ASYNC_HEADER] = "1"


def _is_async_client(context: dict[str, Any]) -> bool:
    """True for an aiobotocore client: its config is always an AioConfig (checked without importing it)."""
    aio_config = sys.modules.get("aiobotocore.config")
    return aio_config is not None and isinstance(context.get("client_config"), aio_config.AioConfig)


def choose_signer(**_: Any) -> Any:
    """While a mock is active, WorkSpaces requests are not signed: no credentials are needed."""
    return botocore.UNSIGNED if ACTIVE.top() is not None else None


def before_send(request: Any, **_: Any) -> Any:
    """Answer a prepared WorkSpaces request with JSON bytes (or a dropped connection)."""
    target = request.headers.get("X-Amz-Target")
    if isinstance(target, bytes):
        target = target.decode("ascii")
    if not target or not target.startswith(TARGET_PREFIX + "."):
        return None
    answered = getattr(request, "_workspaces_fake_response", None)
    if answered is not None:
        return answered
    region = request.headers.get(REGION_HEADER)
    backend = active_backend(region.decode("ascii") if isinstance(region, bytes) else region)
    if backend is None:
        return None
    response = _wire_answer(backend, target.split(".", 1)[1], request)
    request._workspaces_fake_response = response
    return response


def _wire_answer(backend: WorkspacesBackend, name: str, request: Any) -> AWSResponse:
    request_id = _new_id()
    try:
        model = operation_model(name)
    except OperationNotFoundError:
        unknown = {"__type": "UnknownOperationException", "message": f"{name} is not a WorkSpaces operation."}
        return _http(request, 400, request_id, dumps(unknown))
    from .faults import Disconnect

    try:
        params = decode_request(model.input_shape, request.body)
    except ValueError:
        outcome = _serialization_error(name, request_id)
    else:
        try:
            outcome = _dispatch(backend, name, params, backoff=pop_backoff())
        except Disconnect as exc:
            raise ConnectionClosedError(endpoint_url=request.url, error=str(exc)) from None
    status, body = encode_outcome(model, outcome)
    return _http(request, status, outcome.request_id, body)


def _http(request: Any, status: int, request_id: str, body: bytes) -> AWSResponse:
    raw = _Body(lambda: body)
    if request.headers.get(ASYNC_HEADER):
        return _aio_response(request.url, status, _headers(request_id), raw)
    return AWSResponse(request.url, status, _headers(request_id), raw)


def _aio_response(url: str, status: int, headers: dict[str, str], raw: _Body) -> AWSResponse:
    """aiobotocore awaits ``response.content``, which its own response class provides."""
    from aiobotocore.awsrequest import AioAWSResponse

    response: AWSResponse = AioAWSResponse(url, status, headers, _AsyncBody(raw))
    return response


class _AsyncBody:
    """The raw body aiobotocore reads with ``await raw.read()``."""

    def __init__(self, raw: _Body) -> None:
        self._raw = raw

    async def read(self) -> bytes:
        return b"".join(self._raw.stream())

    async def stream(self, **_: Any) -> AsyncIterator[bytes]:
        yield await self.read()


# ----------------------------------------------------------------------------------------------- wiring
_EVENTS: tuple[tuple[str, Any, bool], ...] = (
    ("before-call.workspaces", before_call, True),
    ("request-created.workspaces", request_created, False),
    ("choose-signer.workspaces", choose_signer, True),
    ("before-send.workspaces", before_send, True),
)


def install_builtin_handlers() -> None:
    """Add the handlers to botocore's built-ins once, so every new session carries them."""
    builtins = botocore_handlers.BUILTIN_HANDLERS
    for event, handler, first in _EVENTS:
        spec = (event, handler, botocore_handlers.REGISTER_FIRST) if first else (event, handler)
        if spec not in builtins:
            builtins.append(spec)


def attach(target: Any) -> Any:
    """Wire the fake into a client or session created before ``import workspaces_fake``; returns it.

    Not needed for safety (the client guard wires every WorkSpaces client at its first call while a mock
    is active); it only makes the wiring explicit and early. Safe to call more than once: each handler is
    unregistered before it is registered again.
    """
    events = _emitter_of(target)
    for event, handler, first in _EVENTS:
        events.unregister(event, handler)
        if first:
            events.register_first(event, handler)
        else:
            events.register(event, handler)
    return target


def _emitter_of(target: Any) -> Any:
    meta = getattr(target, "meta", None)
    if meta is not None and hasattr(meta, "events"):
        return meta.events  # a client (botocore, boto3 or aiobotocore)
    inner = getattr(target, "_session", None)
    if inner is not None and hasattr(inner, "get_component"):
        return inner.get_component("event_emitter")  # a boto3 Session
    if hasattr(target, "get_component"):
        return target.get_component("event_emitter")  # a botocore Session
    raise TypeError(f"attach() takes a client or a session; got {type(target).__name__}")


# ----------------------------------------------------------------------------------------------- the guard
_WIRED = "_workspaces_fake_wired"
"""The client attribute holding the event emitter the guard wired, so each client is wired once."""

_WIRING = threading.Lock()
_IS_WORKSPACES = "_workspaces_fake_is_workspaces"
"""Kept on the client class itself: botocore makes a class per client, and a registry of them would keep
every class (and its model) alive."""


def _is_workspaces(client: Any) -> bool:
    cls = type(client)
    known: Optional[bool] = cls.__dict__.get(_IS_WORKSPACES)
    if known is None:
        known = client.meta.service_model.service_name == SERVICE_NAME
        setattr(cls, _IS_WORKSPACES, known)
    return known


def _wire(client: Any) -> Optional[str]:
    """Give a WorkSpaces client the fake's handlers, once (whatever session it came from, whenever made);
    returns the account its calls are made as, if the client names one (else the activation decides)."""
    found = client.__dict__
    events = client.meta.events
    if found.get(_WIRED) is not events:
        with _WIRING:
            if found.get(_WIRED) is not events:
                attach(client)
                found.setdefault(_ACCOUNT, client_account(client))
                found[_WIRED] = events
    account: Optional[str] = found[_ACCOUNT]
    return account


def wire_only(client: Any) -> Any:
    """Test seam: wire ``client`` now, then take its fast door away, so every answer crosses the wire door.

    Unregistering ``before_call`` by hand is not enough: the guard would wire the client again at its
    first call while a mock is active, and the fast door would quietly answer. Returns the client.
    """
    _wire(client)
    client.meta.events.unregister("before-call.workspaces", before_call)
    return client


_ACCOUNT = "_workspaces_fake_account"
"""The client attribute holding the account its calls are made as (None: the activation's)."""

_ACCOUNT_ID = re.compile(r"\d{12}")


def client_account(client: Any) -> Optional[str]:
    """The account a client's credentials name, without resolving deferred or refreshable ones.

    Explicit credentials (``aws_access_key_id=`` on the client or its session) name an account by
    ``aws_account_id=`` (botocore's own parameter) or by an access key id of exactly 12 digits, the rule
    other AWS fakes use. Anything else leaves the account to the activation.
    """
    credentials = getattr(getattr(client, "_request_signer", None), "_credentials", None)
    if type(credentials) is not Credentials:  # deferred, refreshable or none: nothing to read cheaply
        return None
    account = getattr(credentials, "account_id", None)
    if account and _ACCOUNT_ID.fullmatch(account):
        return str(account)
    key = getattr(credentials, "access_key", None)
    return str(key) if isinstance(key, str) and _ACCOUNT_ID.fullmatch(key) else None


def as_account(client: Any, account_id: str) -> Any:
    """Make every call of ``client`` (boto3, botocore or aiobotocore) one of ``account_id``; returns it.

    The account is one of the same world as the activation's, with its own backend per region
    (``backend.in_account(account_id)`` arranges and inspects it). The mark stays on the client; make one
    client per account. Outside an activation it has no effect.
    """
    if not isinstance(account_id, str) or not _ACCOUNT_ID.fullmatch(account_id):
        raise ValueError(f"as_account: an account id is 12 digits; got {account_id!r}")
    if getattr(getattr(client, "meta", None), "events", None) is None:
        raise TypeError(f"as_account() takes a client; got {type(client).__name__}")
    client.__dict__[_ACCOUNT] = account_id
    return client


def _guarded(original: Callable[..., Any]) -> Callable[..., Any]:
    """``BaseClient._make_api_call``, wiring WorkSpaces clients while a mock is active (else pass-through)."""

    @functools.wraps(original)
    def _make_api_call(self: Any, operation_name: str, api_params: Any) -> Any:
        if not (ACTIVE._stack and _is_workspaces(self)):
            return original(self, operation_name, api_params)
        account = _wire(self)
        if account is None:
            return original(self, operation_name, api_params)
        token = _CALLER.set(account)
        try:
            return original(self, operation_name, api_params)
        finally:
            _CALLER.reset(token)

    _make_api_call.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return _make_api_call


def _guarded_async(original: Callable[..., Any]) -> Callable[..., Any]:
    """The same guard for aiobotocore's ``AioBaseClient._make_api_call`` (a coroutine function)."""

    @functools.wraps(original)
    async def _make_api_call(self: Any, operation_name: str, api_params: Any) -> Any:
        if not (ACTIVE._stack and _is_workspaces(self)):
            return await original(self, operation_name, api_params)
        account = _wire(self)
        if account is None:
            return await original(self, operation_name, api_params)
        token = _CALLER.set(account)
        try:
            return await original(self, operation_name, api_params)
        finally:
            _CALLER.reset(token)

    _make_api_call.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return _make_api_call


def install_guards() -> None:
    """Wrap ``_make_api_call`` on botocore's client base class, and aiobotocore's once it is imported.

    Class-level, so no client escapes, whichever session made it and whenever: one made before
    ``import workspaces_fake``, or from boto3's default session made before it, is wired at its first call
    while a mock is active. Idempotent; called at import and by every activation (aiobotocore may be
    imported in between, and importing it here would make ``import workspaces_fake`` heavy).
    """
    _wrap(botocore_client.BaseClient, "_make_api_call", _guarded)
    aio = sys.modules.get("aiobotocore.client")
    if aio is not None:
        _wrap(aio.AioBaseClient, "_make_api_call", _guarded_async)
    _install_backoff_guards()
    _install_credential_guards()


def _wrap(cls: type[Any], name: str, guard: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    current = cls.__dict__[name]
    if not getattr(current, "__workspaces_fake_guard__", False):
        setattr(cls, name, guard(current))


# ----------------------------------------------------------------------------------------------- back-off
_SKIP_SLEEP: ContextVar[bool] = ContextVar("workspaces_fake_skip_sleep", default=False)
"""True while botocore decides on a retry of a WorkSpaces call under a mock that skips real back-off."""

_PENDING_BACKOFF: ContextVar[float] = ContextVar("workspaces_fake_pending_backoff", default=0.0)
"""The delay botocore asked for before the next attempt; the wire door records it on that call."""


def _skips_backoff(endpoint: Any) -> bool:
    config = ACTIVE.top()
    return config is not None and not config.real_backoff and endpoint._endpoint_prefix == SERVICE_NAME


def _take_backoff(seconds: float) -> None:
    """Instead of sleeping: move the fake's clock by the delay and keep it for the next call's log entry."""
    world = ACTIVE.world
    if world is not None and seconds > 0:
        world.clock.advance(seconds=seconds)
    _PENDING_BACKOFF.set(_PENDING_BACKOFF.get() + seconds)


def pop_backoff() -> float:
    """The back-off taken before this attempt (0.0 for a first attempt); read once by the wire door."""
    delay = _PENDING_BACKOFF.get()
    if delay:
        _PENDING_BACKOFF.set(0.0)
    return delay


class _EndpointTime:
    """What ``botocore.endpoint`` sees as its ``time`` module: the real one, except that ``sleep`` is
    skipped while :func:`_guarded_retry` says so (botocore sleeps with ``time.sleep`` in
    ``Endpoint._needs_retry`` and offers no other seam)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_time, name)

    def sleep(self, seconds: float) -> None:
        if _SKIP_SLEEP.get():
            _take_backoff(seconds)
        else:
            _time.sleep(seconds)


def _guarded_retry(original: Callable[..., Any]) -> Callable[..., Any]:
    """``Endpoint._needs_retry``: a WorkSpaces retry under a mock advances the fake's clock, no sleep."""

    @functools.wraps(original)
    def _needs_retry(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not (ACTIVE._stack and _skips_backoff(self)):
            return original(self, *args, **kwargs)
        token = _SKIP_SLEEP.set(True)
        try:
            return original(self, *args, **kwargs)
        finally:
            _SKIP_SLEEP.reset(token)

    _needs_retry.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return _needs_retry


def _guarded_sleep(original: Callable[..., Any]) -> Callable[..., Any]:
    """aiobotocore's ``AioEndpoint._sleep``: the same rule, for the coroutine it awaits between attempts."""

    @functools.wraps(original)
    async def _sleep(self: Any, amount: float) -> None:
        if ACTIVE._stack and _skips_backoff(self):
            _take_backoff(amount)
        else:
            await original(self, amount)

    _sleep.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return _sleep


def _install_backoff_guards() -> None:
    if not isinstance(botocore_endpoint.time, _EndpointTime):
        botocore_endpoint.time = _EndpointTime()
    _wrap(botocore_endpoint.Endpoint, "_needs_retry", _guarded_retry)
    aio = sys.modules.get("aiobotocore.endpoint")
    if aio is not None:
        _wrap(aio.AioEndpoint, "_sleep", _guarded_sleep)


# ----------------------------------------------------------------------------------------------- credentials
_DEFER_CREDENTIALS: ContextVar[bool] = ContextVar("workspaces_fake_defer_credentials", default=False)
"""True while a WorkSpaces client is being created under a mock: its credentials are resolved lazily."""


class _DeferredCredentials(Credentials):  # type: ignore[misc]  # botocore has no type information
    """The session's credentials, resolved the first time someone needs them, not at client creation.

    While a mock is active nothing is signed, so a WorkSpaces client made then never reads them, and the
    provider chain (whose last resort probes the EC2 metadata service, seconds on a network that drops
    those packets) does not run. If the client is used after the mock ends, the chain runs at that
    first signed call, exactly as it would have at creation.
    """

    def __init__(self, session: Any) -> None:
        self._session = session
        self._lock = threading.Lock()
        self._resolved: Optional[Any] = None
        self._done = False

    def _real(self) -> Any:
        with self._lock:
            if not self._done:
                token = _DEFER_CREDENTIALS.set(False)
                try:
                    self._resolved = self._session.get_credentials()
                finally:
                    _DEFER_CREDENTIALS.reset(token)
                self._done = True
        return self._resolved

    @property
    def method(self) -> str:
        """Read by botocore at client creation: answered without resolving anything until resolved."""
        return str(getattr(self._resolved, "method", "deferred")) if self._done else "deferred"

    def get_frozen_credentials(self) -> Any:
        real = self._real()
        return None if real is None else real.get_frozen_credentials()

    def __getattr__(self, name: str) -> Any:
        # access_key, secret_key, token, account_id, method, get_deferred_property, ...
        if name.startswith("_"):
            raise AttributeError(name)
        real = self._real()
        if real is None:
            raise NoCredentialsError()
        return getattr(real, name)


class _AioDeferredCredentials(_DeferredCredentials):
    """The same for aiobotocore, whose session and signer await the credentials."""

    async def _real_async(self) -> Any:
        if not self._done:
            token = _DEFER_CREDENTIALS.set(False)
            try:
                self._resolved = await self._session.get_credentials()
            finally:
                _DEFER_CREDENTIALS.reset(token)
            self._done = True
        return self._resolved

    async def get_frozen_credentials(self) -> Any:
        real = await self._real_async()
        return None if real is None else await real.get_frozen_credentials()

    async def get_account_id(self) -> Any:
        """aiobotocore's endpoint resolver takes this method at creation and calls it only if needed."""
        real = await self._real_async()
        answer = None if real is None else real.get_account_id()
        return await answer if inspect.isawaitable(answer) else answer


def _creating_workspaces(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    service = args[0] if args else kwargs.get("service_name")
    return bool(ACTIVE._stack) and service == SERVICE_NAME


def _guarded_create(original: Callable[..., Any]) -> Callable[..., Any]:
    """``Session.create_client``: a WorkSpaces client made under a mock gets deferred credentials."""

    @functools.wraps(original)
    def create_client(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not _creating_workspaces(args, kwargs):
            return original(self, *args, **kwargs)
        token = _DEFER_CREDENTIALS.set(True)
        try:
            return original(self, *args, **kwargs)
        finally:
            _DEFER_CREDENTIALS.reset(token)

    create_client.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return create_client


def _guarded_get_credentials(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def get_credentials(self: Any) -> Any:
        if _DEFER_CREDENTIALS.get() and self._credentials is None:
            return _DeferredCredentials(self)
        return original(self)

    get_credentials.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return get_credentials


def _guarded_aio_create(original: Callable[..., Any]) -> Callable[..., Any]:
    """aiobotocore's ``AioSession._create_client`` (the coroutine ``create_client``'s context awaits)."""

    @functools.wraps(original)
    async def _create_client(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _creating_workspaces(args, kwargs):
            _DEFER_CREDENTIALS.set(True)  # this task's context only: it ends with the task's step
            try:
                return await original(self, *args, **kwargs)
            finally:
                _DEFER_CREDENTIALS.set(False)
        return await original(self, *args, **kwargs)

    _create_client.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return _create_client


def _guarded_aio_get_credentials(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    async def get_credentials(self: Any) -> Any:
        if _DEFER_CREDENTIALS.get() and self._credentials is None:
            return _AioDeferredCredentials(self)
        return await original(self)

    get_credentials.__workspaces_fake_guard__ = True  # type: ignore[attr-defined]
    return get_credentials


def _install_credential_guards() -> None:
    _wrap(botocore_session.Session, "create_client", _guarded_create)
    _wrap(botocore_session.Session, "get_credentials", _guarded_get_credentials)
    aio = sys.modules.get("aiobotocore.session")
    if aio is not None:
        _wrap(aio.AioSession, "_create_client", _guarded_aio_create)
        _wrap(aio.AioSession, "get_credentials", _guarded_aio_get_credentials)
