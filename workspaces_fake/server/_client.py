"""A Python client for the control API that mirrors the in-process backend's API over HTTP.

So a test steers a server that a subprocess (the AWS CLI, a Node script, a container) talks to exactly as
it steers ``workspaces_backend``::

    control = ServerControl(url)
    backend = control.backend()                      # or control.backend(account_id=..., region=...)
    ws = backend.add_workspace(user_name="alice")    # any arrange helper; the result as a dict
    backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    backend.clock.advance(minutes=20)
    backend.settle()
    assert backend.calls.of("CreateWorkspaces")[0].outcome == "ok"

Only the standard library is used. Arrange helpers return JSON (dicts with snake_case keys) instead of
model objects; a refused argument raises ``ValueError`` with the server's message, as in-process.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, Callable, Optional

from .._calls import Call

PREFIX = "/_workspaces_fake"

_RAISED: dict[str, type[Exception]] = {"ValueError": ValueError, "TypeError": TypeError, "KeyError": KeyError}


class ControlError(Exception):
    """The server refused a control request for a reason that is not a ValueError, TypeError or KeyError
    (an AWS error code such as ``ResourceNotFoundException``, or an unknown route)."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(f"{error}: {message}")
        self.status = status
        self.error = error
        self.message = message


class ServerControl:
    """The control API of one server (``url`` as the server prints it, e.g. ``http://127.0.0.1:40123``)."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._helpers: Optional[dict[str, Any]] = None

    # ------------------------------------------------------------------------------------------- plumbing
    def request(self, method: str, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        """One control request; the decoded JSON answer (errors raised as described above)."""
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Content-Type": "application/json"}
        url = f"{self.url}{PREFIX}{path}"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            try:
                answer = json.loads(exc.read())
            except ValueError:
                raise ControlError(exc.code, "HTTPError", str(exc)) from None
            finally:
                exc.close()
            error, message = str(answer.get("error")), str(answer.get("message"))
            raised = _RAISED.get(error)
            if raised is not None:
                raise raised(message) from None
            raise ControlError(exc.code, error, message) from None

    # ------------------------------------------------------------------------------------- the world
    def backend(self, account_id: Optional[str] = None, region: Optional[str] = None) -> RemoteBackend:
        """The backend of (account, region); the server's defaults for what is not given."""
        return RemoteBackend(self, account_id, region)

    def reset(self) -> None:
        """Throw away every backend (the clock and the seed's id streams start over)."""
        self.request("POST", "/reset", {})

    def seed(self, seed: int) -> None:
        """Start a new world whose ids are minted from ``seed``."""
        self.request("POST", "/seed", {"seed": seed})

    def state(self) -> dict[str, Any]:
        """The JSON dump of every backend."""
        dumped: dict[str, Any] = self.request("GET", "/state")
        return dumped

    def pending_faults(self) -> list[str]:
        """Every backend's rules that never fired, labelled ``account/region: rule``."""
        pending: list[str] = self.request("GET", "/faults/pending")["pending"]
        return pending

    def set_lifecycle(self, mode: str) -> None:
        """The lifecycle mode of every backend, and of those made later."""
        self.request("POST", "/lifecycle", {"mode": mode})

    def settle(self) -> None:
        """Settle every backend."""
        self.request("POST", "/settle", {})

    @property
    def clock(self) -> RemoteClock:
        """The world's clock (shared by every account and region)."""
        return RemoteClock(self)

    def helpers(self) -> dict[str, Any]:
        """The arrange helpers the server offers: name -> {signature, doc}."""
        if self._helpers is None:
            self._helpers = dict(self.request("GET", "/arrange")["helpers"])
        return self._helpers


class RemoteClock:
    """``backend.clock`` over HTTP: ``now()``, ``offset`` and ``advance(seconds=, minutes=, hours=)``."""

    def __init__(self, control: ServerControl) -> None:
        self._control = control

    def now(self) -> datetime:
        return datetime.fromisoformat(self._control.request("GET", "/clock")["now"])

    @property
    def offset(self) -> timedelta:
        return timedelta(seconds=self._control.request("GET", "/clock")["offset_seconds"])

    def advance(self, *, seconds: float = 0, minutes: float = 0, hours: float = 0) -> datetime:
        if min(seconds, minutes, hours) < 0:
            raise ValueError("the clock only moves forward; got a negative step")
        body = {"seconds": seconds, "minutes": minutes, "hours": hours}
        return datetime.fromisoformat(self._control.request("POST", "/clock/advance", body)["now"])


class RemoteBackend:
    """One (account, region) of a server, with the in-process backend's API.

    ``add_*`` and every other arrange helper, ``clock``, ``faults``, ``calls``, ``lifecycle.mode``,
    ``settle()``, ``observe()``, ``reset()``, ``in_region()``, ``in_account()``, plus ``state()``.
    """

    def __init__(self, control: ServerControl, account_id: Optional[str], region: Optional[str]) -> None:
        self.control = control
        self._where = {key: value for key, value in (("account_id", account_id), ("region", region)) if value}
        self.clock = RemoteClock(control)
        self.faults = RemoteFaults(self)
        self.lifecycle = RemoteLifecycle(self)

    def request(self, method: str, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        """A control request about this backend (its account and region added to the body or query)."""
        if method == "GET":
            query = urllib.parse.urlencode(self._where)
            extra = "&" if "?" in path else "?"
            return self.control.request(method, f"{path}{extra}{query}" if query else path)
        return self.control.request(method, path, {**(body or {}), **self._where})

    @property
    def account_id(self) -> str:
        account: str = self.state()["account_id"]
        return account

    @property
    def region_name(self) -> str:
        region: str = self.state()["region"]
        return region

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name not in self.control.helpers():
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

        def helper(*args: Any, **kwargs: Any) -> Any:
            encoded = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in kwargs.items()}
            return self.request("POST", f"/arrange/{name}", {"args": list(args), "kwargs": encoded})["result"]

        helper.__name__ = name
        helper.__doc__ = self.control.helpers()[name]["doc"]
        return helper

    @property
    def calls(self) -> RemoteCallLog:
        """The call log as it is now (a snapshot: read it again after more calls)."""
        listed = self.request("GET", "/calls")["calls"]
        made = [Call(c["operation"], c["params"], c["outcome"], c["request_id"]) for c in listed]
        return RemoteCallLog(made)

    def settle(self) -> None:
        self.request("POST", "/settle")

    def observe(self) -> None:
        self.request("POST", "/observe")

    def reset(self) -> None:
        self.request("POST", "/reset")

    def state(self) -> dict[str, Any]:
        """This backend's JSON dump (resources by store, associations, tags, transitions, rules)."""
        dumped: dict[str, Any] = self.request("GET", "/backend")
        return dumped

    def in_region(self, region: str) -> RemoteBackend:
        return RemoteBackend(self.control, self._where.get("account_id"), region)

    def in_account(self, account_id: str, region: Optional[str] = None) -> RemoteBackend:
        return RemoteBackend(self.control, account_id, region or self._where.get("region"))


class RemoteCallLog:
    """A snapshot of a backend's call log: iterate it, index it, or ``of("CreateWorkspaces")``."""

    def __init__(self, calls: list[Call]) -> None:
        self._calls = calls

    def of(self, operation: str) -> list[Call]:
        return [call for call in self._calls if call.operation == operation]

    def __iter__(self) -> Iterator[Call]:
        return iter(self._calls)

    def __len__(self) -> int:
        return len(self._calls)

    def __getitem__(self, index: int) -> Call:
        return self._calls[index]


class RemoteLifecycle:
    """``backend.lifecycle.mode`` over HTTP."""

    def __init__(self, backend: RemoteBackend) -> None:
        self._backend = backend

    @property
    def mode(self) -> str:
        mode: str = self._backend.request("GET", "/lifecycle")["mode"]
        return mode

    @mode.setter
    def mode(self, value: str) -> None:
        self._backend.request("POST", "/lifecycle", {"mode": value})


class RemoteFaults:
    """``backend.faults`` over HTTP; ``on()`` also takes ``probability``, and rules may ``delay()``."""

    def __init__(self, backend: RemoteBackend) -> None:
        self._backend = backend

    def on(self, operation: str, *, probability: float = 1.0) -> RemoteRuleBuilder:
        """Start a rule for ``operation`` (or ``"*"``); predicates cannot cross HTTP, a probability can."""
        return RemoteRuleBuilder(self._backend, {"operation": operation, "probability": probability})

    def on_deployment(
        self, workspace_id: Optional[str] = None, application_id: Optional[str] = None
    ) -> RemoteRuleBuilder:
        """Start a rule for the next install or uninstall of this WorkSpace and/or application."""
        target = {"workspace_id": workspace_id, "application_id": application_id}
        return RemoteRuleBuilder(self._backend, {"deployment": target})

    def pending(self) -> list[str]:
        pending: list[str] = self._backend.request("GET", "/faults")["pending"]
        return pending

    def clear(self) -> None:
        self._backend.request("DELETE", "/faults")


class RemoteRuleBuilder:
    """The second half of ``faults.on(...)``: ``fail``, ``disconnect`` or ``delay``; each returns the rule."""

    def __init__(self, backend: RemoteBackend, rule: dict[str, Any]) -> None:
        self._backend = backend
        self._rule = rule

    def _add(self, **effect: Any) -> str:
        described: str = self._backend.request("POST", "/faults", {**self._rule, **effect})["rule"]
        return described

    def fail(self, error_code: str, message: Optional[str] = None, *, times: int = 1) -> str:
        return self._add(error=error_code, message=message, times=times)

    def disconnect(self, *, times: int = 1) -> str:
        return self._add(disconnect=True, times=times)

    def delay(self, seconds: float, *, times: int = 1) -> str:
        """The next ``times`` matching calls are answered ``seconds`` late (a server-only fault)."""
        return self._add(latency=seconds, times=times)
