"""The control API: JSON in and out under ``/_workspaces_fake``, mirroring what a test does in-process.

Every route names its backend with ``account_id`` and ``region`` (body or query; the server's defaults
otherwise). Arrange helpers are found in the ``ARRANGE_HELPERS`` registry, so a family added later is
reachable here without an edit. A refused request answers 400 with ``{"error": ..., "message": ...}``.
docs/server.md is the reference.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from .. import errors
from .._wire import dumps
from ..backend import WorkspacesBackend
from ..lifecycle import MODES
from ..models._arrange import ARRANGE_HELPERS
from ._app import LatencyRule, Reply, ServerState
from ._encode import jsonable

Params = dict[str, Any]
Route = Callable[[ServerState, Params], Any]


class Refused(ValueError):
    """A control request the server will not carry out (answered 400 as a ValueError, with the reason)."""


def answer(state: ServerState, method: str, path: str, query: str, body: bytes) -> Reply:
    """Answer one control request; ``path`` is what follows the prefix."""
    path = path.rstrip("/")
    try:
        params: Params = dict(parse_qsl(query))
        if body:
            loaded = json.loads(body)
            if not isinstance(loaded, dict):
                raise Refused("the body is a JSON object")
            params.update(loaded)
        if method == "GET" and path == "":
            from ._page import render

            return Reply(200, {"Content-Type": "text/html; charset=utf-8"}, render(state).encode("utf-8"))
        if path.startswith("/arrange/") and method == "POST":
            return _json(200, arrange(state, path[len("/arrange/") :], params))
        route = ROUTES.get((method, path))
        if route is None:
            known = sorted({f"{m} {p}" for m, p in ROUTES})
            return _json(404, {"error": "NotFound", "message": f"{method} {path or '/'}; routes: {known}"})
        return _json(200, route(state, params))
    except (ValueError, TypeError, KeyError) as exc:
        kind = next(k for k in (ValueError, TypeError, KeyError) if isinstance(exc, k)).__name__
        return _json(400, {"error": kind, "message": _message(exc)})
    except errors.WorkspacesError as exc:
        return _json(400, {"error": exc.code, "message": exc.message})


def _message(exc: Exception) -> str:
    return str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)


def _json(status: int, data: Any) -> Reply:
    return Reply(status, {"Content-Type": "application/json"}, dumps(data))


def _backend(state: ServerState, params: Params) -> WorkspacesBackend:
    return state.backend(params.get("account_id"), params.get("region"))


def _named(state: ServerState, params: Params) -> list[WorkspacesBackend]:
    """The backend named by account_id/region, or every backend when neither is given."""
    if params.get("account_id") or params.get("region"):
        return [_backend(state, params)]
    return state.world.backends()


# ---------------------------------------------------------------------------------------------- routes
def reset(state: ServerState, params: Params) -> Any:
    """Everything (a new world, same seed) or, given account_id and/or region, that one backend."""
    if params.get("account_id") or params.get("region"):
        backend = _backend(state, params)
        backend.reset()
        state.clear_latency((backend.account_id, backend.region_name))
    else:
        state.new_world()
    return {"reset": True}


def seed(state: ServerState, params: Params) -> Any:
    """A new world whose ids are minted from ``seed``: the same calls then give the same ids."""
    value = params.get("seed")
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused(f"seed is an integer; got {value!r}")
    state.new_world(value)
    return {"seed": value}


def get_lifecycle(state: ServerState, params: Params) -> Any:
    return {"mode": _backend(state, params).lifecycle.mode, "default": state.lifecycle}


def set_lifecycle(state: ServerState, params: Params) -> Any:
    """The mode of one backend, or of every backend and of those made later when none is named."""
    mode = params.get("mode")
    if mode not in MODES:
        raise Refused(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    if not (params.get("account_id") or params.get("region")):
        state.lifecycle = state.world.lifecycle = mode
    for backend in _named(state, params):
        with backend.lock:
            backend.lifecycle.mode = mode
    return {"mode": mode}


def clock(state: ServerState, params: Params) -> Any:
    world_clock = state.world.clock
    return {"now": world_clock.now().isoformat(), "offset_seconds": world_clock.offset.total_seconds()}


def advance(state: ServerState, params: Params) -> Any:
    """Move the world's clock forward (time is shared by every account and region)."""
    steps = {unit: float(params.get(unit) or 0) for unit in ("seconds", "minutes", "hours")}
    state.world.clock.advance(**steps)
    return clock(state, params)


def settle(state: ServerState, params: Params) -> Any:
    """Run every transitional resource to a stable state (one backend, or all)."""
    for backend in _named(state, params):
        backend.settle()
    return {"settled": True}


def observe(state: ServerState, params: Params) -> Any:
    """Let time catch up, as any call would (one backend, or all)."""
    for backend in _named(state, params):
        backend.observe()
    return {"observed": True}


def add_fault(state: ServerState, params: Params) -> Any:
    """One rule, in the vocabulary of ``backend.faults``, plus ``probability`` and ``latency`` (seconds)."""
    backend = _backend(state, params)
    operation = str(params.get("operation") or "*")
    times = int(params.get("times", 1))
    probability = float(params.get("probability", 1.0))
    if not 0 < probability <= 1:
        raise Refused(f"probability is in (0, 1]; got {probability}")
    error, latency, message = params.get("error"), params.get("latency"), params.get("message")
    deployment = params.get("deployment")
    if deployment is not None:
        if not isinstance(deployment, Mapping) or error is None:
            shape = "{'deployment': {workspace_id?, application_id?}, 'error': code}"
            raise Refused(f"a deployment rule is {shape}")
        plan = backend.faults.on_deployment(deployment.get("workspace_id"), deployment.get("application_id"))
        return {"rule": plan.fail(str(error), message, times=times).describe()}
    if error is None and not params.get("disconnect") and latency is None:
        raise Refused("a fault rule names an error, disconnect: true, or a latency in seconds")
    described = []
    if latency is not None:
        if float(latency) < 0 or times < 1:
            raise Refused("latency is a number of seconds >= 0 and times at least 1")
        if operation != "*":
            backend.faults.on(operation)  # checks the name as an API rule would
        rule = LatencyRule(operation, float(latency), times, probability)
        state.add_latency((backend.account_id, backend.region_name), rule)
        described.append(rule.describe())
    if error is not None or params.get("disconnect"):
        where = None if probability >= 1 else _chance(state, probability)
        builder = backend.faults.on(operation, where)
        if error is None:
            api_rule = builder.disconnect(times=times)
        else:
            api_rule = builder.fail(str(error), message, times=times)
        described.append(api_rule.describe())
    return {"rule": "; ".join(described)}


def _chance(state: ServerState, probability: float) -> Callable[[Mapping[str, Any]], bool]:
    def where(_: Mapping[str, Any]) -> bool:
        return state.chance.random() < probability

    return where


def pending_faults(state: ServerState, params: Params) -> Any:
    """The rules of one backend that never fired (latency rules after the API and deployment rules)."""
    backend = _backend(state, params)
    key = (backend.account_id, backend.region_name)
    return {"pending": [*backend.faults.pending(), *state.pending_latency(key)]}


def all_pending_faults(state: ServerState, params: Params) -> Any:
    """Every backend's unfired rules, labelled ``account/region: rule``."""
    latency = [
        f"{account}/{region}: {rule}"
        for (account, region) in list(state.latency)
        for rule in state.pending_latency((account, region))
    ]
    return {"pending": [*state.world.pending_faults(), *latency]}


def clear_faults(state: ServerState, params: Params) -> Any:
    for backend in _named(state, params):
        backend.faults.clear()
        state.clear_latency((backend.account_id, backend.region_name))
    return {"cleared": True}


def calls(state: ServerState, params: Params) -> Any:
    """The call log of one backend (optionally one operation): operation, params, outcome, request id."""
    backend = _backend(state, params)
    operation = params.get("operation")
    listed = backend.calls.of(operation) if operation else list(backend.calls)
    return {"calls": [jsonable(call) for call in listed]}


def helpers(state: ServerState, params: Params) -> Any:
    """Every arrange helper: its signature (after the backend) and its docstring."""
    return {
        "helpers": {
            name: {"signature": _signature(func), "doc": inspect.getdoc(func) or ""}
            for name, func in sorted(ARRANGE_HELPERS.items())
        }
    }


def _signature(func: Callable[..., Any]) -> str:
    signature = inspect.signature(func)
    parameters = list(signature.parameters.values())[1:]
    return str(signature.replace(parameters=parameters))


def arrange(state: ServerState, name: str, params: Params) -> Any:
    """Run the arrange helper ``name`` on the named backend with ``args`` and ``kwargs``; its result."""
    func = ARRANGE_HELPERS.get(name)
    if func is None:
        raise Refused(f"{name!r} is not an arrange helper; known: {', '.join(sorted(ARRANGE_HELPERS))}")
    args, kwargs = params.get("args") or [], params.get("kwargs") or {}
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise Refused("args is a JSON list and kwargs a JSON object")
    kwargs = {key: _argument(func, key, value) for key, value in kwargs.items()}
    result = func(_backend(state, params), *args, **kwargs)
    return {"result": jsonable(result)}


def _argument(func: Callable[..., Any], name: str, value: Any) -> Any:
    """A JSON value as the helper takes it: ISO 8601 text for a datetime parameter becomes a datetime."""
    parameter = inspect.signature(func).parameters.get(name)
    if parameter is not None and isinstance(value, str) and "datetime" in str(parameter.annotation):
        return datetime.fromisoformat(value)
    return value


def dump(state: ServerState, params: Params) -> Any:
    """The whole world (or one backend): resources, associations, tags, transitions, rules, call counts."""
    from ._state import dump_backend

    world_clock = state.world.clock
    return {
        "now": world_clock.now().isoformat(),
        "lifecycle": state.lifecycle,
        "seed": state.seed,
        "backends": [dump_backend(backend) for backend in _named(state, params)],
    }


def dump_one(state: ServerState, params: Params) -> Any:
    """One backend's dump (the server's default account and region for what is not named)."""
    from ._state import dump_backend

    return dump_backend(_backend(state, params))


ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/state"): dump,
    ("GET", "/backend"): dump_one,
    ("POST", "/reset"): reset,
    ("POST", "/seed"): seed,
    ("GET", "/lifecycle"): get_lifecycle,
    ("POST", "/lifecycle"): set_lifecycle,
    ("GET", "/clock"): clock,
    ("POST", "/clock/advance"): advance,
    ("POST", "/settle"): settle,
    ("POST", "/observe"): observe,
    ("GET", "/faults"): pending_faults,
    ("GET", "/faults/pending"): all_pending_faults,
    ("POST", "/faults"): add_fault,
    ("DELETE", "/faults"): clear_faults,
    ("GET", "/calls"): calls,
    ("GET", "/arrange"): helpers,
}
"""(method, path after the prefix) -> route; POST /arrange/<helper> and GET / (the page) are matched apart."""
