"""A seeded random walk over the pool operations, users and the clock, checking the capacity invariants
after every step: Available = Actual - Active >= 0, Active = the sessions listed, and no session on a
pool without instances. Every error must be one the pool operations model for wrong states or limits."""

from __future__ import annotations

import random
from typing import Any

import pytest
from botocore.exceptions import ClientError

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.pools.arrange import PoolConnectionRefused

EXPECTED = {
    "ResourceNotFoundException",
    "InvalidResourceStateException",
    "OperationInProgressException",
    "ResourceLimitExceededException",
    "OperationNotSupportedException",
}
USERS = ("alice", "bob", "carol", "dave")


def _step(client: Any, backend: WorkspacesBackend, rnd: random.Random, pool_id: str) -> None:
    op = rnd.randrange(10)
    if op == 0:
        client.start_workspaces_pool(PoolId=pool_id)
    elif op == 1:
        client.stop_workspaces_pool(PoolId=pool_id)
    elif op == 2 and rnd.random() < 0.2:
        client.terminate_workspaces_pool(PoolId=pool_id)
    elif op == 3:
        client.update_workspaces_pool(PoolId=pool_id, Capacity={"DesiredUserSessions": rnd.randint(0, 5)})
    elif op == 4:
        client.update_workspaces_pool(PoolId=pool_id, RunningMode=rnd.choice(["ALWAYS_ON", "AUTO_STOP"]))
    elif op == 5:
        backend.connect_pool_user(pool_id, rnd.choice(USERS))
    elif op in (6, 7):
        sessions = client.describe_workspaces_pool_sessions(PoolId=pool_id)["Sessions"]
        if sessions and op == 6:
            client.terminate_workspaces_pool_session(SessionId=rnd.choice(sessions)["SessionId"])
        elif sessions:
            backend.disconnect_pool_session(rnd.choice(sessions)["SessionId"])
    elif op == 8:
        backend.clock.advance(seconds=rnd.choice([30, 90, 400, 1000]))
    else:
        backend.settle()


def _check(client: Any) -> None:
    for pool in client.describe_workspaces_pools()["WorkspacesPools"]:
        capacity = pool["CapacityStatus"]
        active = capacity["ActiveUserSessions"]
        assert capacity["AvailableUserSessions"] == capacity["ActualUserSessions"] - active >= 0, capacity
        listed = client.describe_workspaces_pool_sessions(PoolId=pool["PoolId"], Limit=50)["Sessions"]
        assert len(listed) == active
        if pool["State"] in ("STOPPED", "STOPPING", "DELETING"):
            assert listed == []


@pytest.mark.parametrize("lifecycle", ["instant", "timed", "manual"])
def test_pools_random_walk_keeps_capacity_invariants(
    client: Any, workspaces_backend: WorkspacesBackend, lifecycle: str
) -> None:
    workspaces_backend.lifecycle.mode = lifecycle
    workspaces_backend.settings.use_aws_quotas()
    rnd = random.Random(lifecycle)
    timeouts = {"IdleDisconnectTimeoutInSeconds": 60, "DisconnectTimeoutInSeconds": 120}
    pools = [
        workspaces_backend.add_pool(f"walk-{n}", desired_user_sessions=2, timeout_settings=timeouts).pool_id
        for n in range(2)
    ]
    for _ in range(40):
        try:
            _step(client, workspaces_backend, rnd, rnd.choice(pools))
        except ClientError as error:
            assert error.response["Error"]["Code"] in EXPECTED, error
        except (PoolConnectionRefused, ValueError):
            pass
        _check(client)
