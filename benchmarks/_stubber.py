"""botocore's Stubber as a contender: the floor of any in-process fake.

The Stubber answers at ``before-call`` too, after botocore has validated and serialized the request, so
its cost is what any fake answering in-process must at least pay. It replays exactly the requests the
fake was sent and answers with exactly the fake's recorded responses, so both handle the same data; its
responses are queued (and validated by the Stubber) outside the timed region.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ._common import Exchange, NotApplicable, Replay, Request, Workload, new_client

EMPTY_DESCRIBE: dict[str, Any] = {"Workspaces": []}


def workload(key: str, recording: list[Exchange] | None) -> Workload:
    """The Stubber's workload for a scenario, from the fake's recording of it."""
    if key == "minimal-test":
        return Workload(_minimal_test)
    if not recording:
        raise NotApplicable("nothing to replay: workspaces_fake did not answer this scenario")
    from botocore.stub import Stubber

    client = new_client()
    stubber = Stubber(client)
    stubber.activate()
    return Replay(client, _replaying(stubber, recording), stubber.deactivate)


def _replaying(stubber: Any, recording: list[Exchange]) -> Callable[[], list[Request]]:
    requests = [(exchange["method"], exchange["params"]) for exchange in recording]

    def next_unit() -> list[Request]:
        for exchange in recording:
            stubber.add_response(exchange["method"], exchange["response"])
        return requests

    return next_unit


def _minimal_test() -> None:
    """The same steps as the others: a new client, a stubber activated on it, one call, deactivate."""
    from botocore.stub import Stubber

    client = new_client()
    with Stubber(client) as stubber:
        stubber.add_response("describe_workspaces", EMPTY_DESCRIBE)
        client.describe_workspaces()


def cold_start() -> dict[str, float]:
    """The Stubber's steps in a fresh interpreter: import, client, stubber with one response, one call."""
    t0 = time.perf_counter()
    from botocore.stub import Stubber

    t1 = time.perf_counter()
    client = new_client()
    t2 = time.perf_counter()
    stubber = Stubber(client)
    stubber.add_response("describe_workspaces", EMPTY_DESCRIBE)
    stubber.activate()
    t3 = time.perf_counter()
    client.describe_workspaces()
    t4 = time.perf_counter()
    stubber.deactivate()
    return {"import": t1 - t0, "client": t2 - t1, "activate": t3 - t2, "first_call": t4 - t3}


def memory(size: int) -> float:
    """A Stubber holds no world."""
    raise NotApplicable("the Stubber keeps no state")
