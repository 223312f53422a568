"""What the server answers, without the HTTP: the WorkSpaces API through the one pipeline.

The API side is the wire door of ``_hook`` over a socket: the same ``decode_request``, ``_dispatch.dispatch``
and ``encode_outcome``, so a call answered over HTTP is the call answered in-process, byte for byte. The
server owns its own :class:`~workspaces_fake.backend.World` (it does not join ``mock_workspaces``
activations): one world per server, one backend per (account, region) in it, chosen per request.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from botocore.model import OperationNotFoundError

from .. import _dispatch, errors
from .._defaults import DEFAULT_ACCOUNT_ID, FALLBACK_REGION
from .._hook import encode_outcome
from .._service import SERVICE_NAME, TARGET_PREFIX, operation_model
from .._wire import decode_request, dumps
from ..backend import WorkspacesBackend, World
from ..faults import Disconnect
from ..lifecycle import MODES

PREFIX = "/_workspaces_fake"
"""The control API's reserved path prefix; every other path is the WorkSpaces endpoint."""

ACCOUNT_HEADER = "x-workspaces-fake-account"
REGION_HEADER = "x-workspaces-fake-region"
CONTENT_TYPE = "application/x-amz-json-1.1"

_SCOPE = re.compile(r"Credential=([^/,\s]*)/\d{8}/([^/,\s]+)/([^/,\s]+)/aws4_request")
_HOST_REGION = re.compile(r"(?:^|\.)([a-z]{2}(?:-[a-z]+)+-\d+)(?:\.|$)")
_ACCOUNT = re.compile(r"\d{12}")


class Reply(NamedTuple):
    """One HTTP answer: status, headers and body (``None`` as a reply means: drop the connection)."""

    status: int
    headers: dict[str, str]
    body: bytes


class Scope(NamedTuple):
    """What a SigV4 Authorization header's credential scope names."""

    access_key: str
    region: str
    service: str


def credential_scope(authorization: Optional[str]) -> Optional[Scope]:
    """The access key, region and service a SigV4 header is scoped to (None when unsigned or not SigV4)."""
    found = _SCOPE.search(authorization or "")
    return Scope(*found.groups()) if found else None


def host_region(host: Optional[str]) -> Optional[str]:
    """The region a host name carries (``workspaces.eu-west-1.amazonaws.com``), or None."""
    name = (host or "").rsplit(":", 1)[0] if not (host or "").startswith("[") else ""
    found = _HOST_REGION.search(name)
    return found.group(1) if found else None


@dataclass
class LatencyRule:
    """A server-only fault: matching calls are answered ``seconds`` late (before the pipeline runs)."""

    operation: str
    seconds: float
    remaining: int
    probability: float = 1.0
    fired: int = 0

    def describe(self) -> str:
        chance = f" with probability {self.probability}" if self.probability < 1 else ""
        total = self.remaining + self.fired
        return f"on({self.operation!r}){chance}: delay {self.seconds}s, {self.remaining} of {total} left"


@dataclass
class ServerState:
    """The world a server answers from, and what only a server has (latency rules, its defaults)."""

    account_id: str = DEFAULT_ACCOUNT_ID
    region: str = FALLBACK_REGION
    lifecycle: str = "instant"
    seed: int = 0
    world: World = field(init=False)
    latency: dict[tuple[str, str], list[LatencyRule]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    page_views: int = 0
    """How often the page was rendered (shown on it, so a test can see it refresh itself)."""
    chance: random.Random = field(init=False)
    """Draws for rules with a probability: seeded with the world, so a seeded run repeats its faults."""

    def __post_init__(self) -> None:
        if self.lifecycle not in MODES:
            raise ValueError(f"lifecycle must be one of {', '.join(MODES)}; got {self.lifecycle!r}")
        self.world = World(lifecycle=self.lifecycle, seed=self.seed)
        self.chance = random.Random(self.seed)

    def backend(self, account_id: Optional[str] = None, region: Optional[str] = None) -> WorkspacesBackend:
        """The backend of (account, region), the server's defaults for what is not given."""
        return self.world.backend(account_id or self.account_id, region or self.region)

    def new_world(self, seed: Optional[int] = None) -> None:
        """Throw every backend away (and every latency rule); a new seed makes ids start over from it."""
        with self.lock:
            if seed is not None:
                self.seed = seed
            self.world = World(lifecycle=self.lifecycle, seed=self.seed)
            self.chance = random.Random(self.seed)
            self.latency.clear()

    # ------------------------------------------------------------------------------------ latency rules
    def add_latency(self, key: tuple[str, str], rule: LatencyRule) -> None:
        with self.lock:
            self.latency.setdefault(key, []).append(rule)

    def delay(self, key: tuple[str, str], operation: str) -> float:
        """Use up the first latency rule matching this call; the seconds to wait (0 when none)."""
        rules = self.latency.get(key)
        if not rules:
            return 0.0
        with self.lock:
            for rule in rules:
                if rule.remaining > 0 and rule.operation in ("*", operation):
                    if rule.probability < 1 and self.chance.random() >= rule.probability:
                        continue
                    rule.remaining -= 1
                    rule.fired += 1
                    return rule.seconds
        return 0.0

    def pending_latency(self, key: tuple[str, str]) -> list[str]:
        with self.lock:
            return [rule.describe() for rule in self.latency.get(key, []) if rule.remaining > 0]

    def clear_latency(self, key: tuple[str, str]) -> None:
        with self.lock:
            self.latency.pop(key, None)


# ------------------------------------------------------------------------------------------ the API side
def api_error(status: int, code: str, message: str, request_id: Optional[str] = None) -> Reply:
    """An AWS JSON 1.1 error answer that no operation model is needed for."""
    request_id = request_id or _dispatch.new_request_id()
    return Reply(status, _headers(request_id), dumps({"__type": code, "message": message}))


def _headers(request_id: str) -> dict[str, str]:
    return {"x-amzn-RequestId": request_id, "Content-Type": CONTENT_TYPE}


def answer_api(state: ServerState, headers: Mapping[str, str], body: bytes) -> Optional[Reply]:
    """Answer one WorkSpaces request (``None``: a fault rule dropped the connection).

    ``headers`` are keyed in lower case. Signatures are not verified; unsigned requests are answered.
    """
    scope = credential_scope(headers.get("authorization"))
    if scope is not None and scope.service != SERVICE_NAME:
        # What the real endpoint says to a request signed for another service, before anything else.
        message = f"Credential should be scoped to correct service: '{SERVICE_NAME}'. "
        return api_error(403, "InvalidSignatureException", message)
    target = headers.get("x-amz-target") or ""
    service, _, name = target.partition(".")
    if service != TARGET_PREFIX or not name:
        message = f"{target or 'A request without X-Amz-Target'} is not a WorkSpaces operation."
        return api_error(400, "UnknownOperationException", message)
    try:
        model = operation_model(name)
    except OperationNotFoundError:
        return api_error(400, "UnknownOperationException", f"{name} is not a WorkSpaces operation.")
    account_id, region = request_account(state, headers, scope), request_region(state, headers, scope)
    backend = state.world.backend(account_id, region)
    wait = state.delay((account_id, region), name)
    if wait:
        time.sleep(wait)
    try:
        params = decode_request(model.input_shape, body)
    except ValueError:
        outcome = _dispatch.Outcome(name, _dispatch.new_request_id(), error=errors.SerializationException())
    else:
        try:
            outcome = _dispatch.dispatch(backend, name, params)
        except Disconnect:
            return None
    status, out = encode_outcome(model, outcome)
    return Reply(status, _headers(outcome.request_id), out)


def request_account(state: ServerState, headers: Mapping[str, str], scope: Optional[Scope]) -> str:
    """The explicit header, else a 12-digit access key id, else the server's default account."""
    explicit = headers.get(ACCOUNT_HEADER)
    if explicit:
        return explicit
    if scope is not None and _ACCOUNT.fullmatch(scope.access_key):
        return scope.access_key
    return state.account_id


def request_region(state: ServerState, headers: Mapping[str, str], scope: Optional[Scope]) -> str:
    """The explicit header, else the SigV4 credential scope, else the host name, else the default."""
    return (
        headers.get(REGION_HEADER)
        or (scope.region if scope is not None else None)
        or host_region(headers.get("host"))
        or state.region
    )
