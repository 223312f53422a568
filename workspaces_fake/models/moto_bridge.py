"""The bridge to moto: what other AWS services say, when moto's mock is active alongside ours.

Most users of the fake mock the rest of AWS with moto: they create the directory with Directory Service and
the subnets with EC2, then call WorkSpaces. With the bridge, the few WorkSpaces calls that concern those
resources ask moto about them, so values agree between services and a test fails where AWS would fail.

The bridge costs nothing for the calls that do not need it, and nothing without moto: :func:`moto_client`
looks moto up in ``sys.modules`` (never importing it) and reads its stubber's ``enabled`` flag. The
questions go through ordinary botocore clients, answered in-process by moto's ``before-send`` handler, not
through moto's internals. ``mock_workspaces(moto_bridge=False)`` (or the marker's option) turns it off.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

_CLIENTS: dict[tuple[str, str, str], Any] = {}
_LOCK = threading.Lock()


def moto_active() -> bool:
    """True while one of moto's mocks (``mock_aws``, its decorators or fixtures) is active in-process."""
    models = sys.modules.get("moto.core.models")
    stubber = getattr(models, "botocore_stubber", None)
    return bool(getattr(stubber, "enabled", False))


def moto_client(backend: WorkspacesBackend, service: str) -> Optional[Any]:
    """A botocore client of ``service`` that moto answers, or None when the bridge does not apply.

    None without moto, with moto's mock inactive, or with the bridge turned off for this activation.
    The client is made once per (service, account, region): creating one costs milliseconds.
    """
    if not backend.world.moto_bridge or not moto_active():
        return None
    key = (service, backend.account_id, backend.region_name)
    client = _CLIENTS.get(key)
    if client is None:
        with _LOCK:
            client = _CLIENTS.get(key)
            if client is None:
                client = _CLIENTS[key] = _new_client(backend, service)
    return client


def _new_client(backend: WorkspacesBackend, service: str) -> Any:
    """A client with placeholder credentials in the backend's region (moto accepts any)."""
    import botocore.session

    session = botocore.session.Session()
    return session.create_client(
        service,
        region_name=backend.region_name,
        aws_access_key_id="workspaces-fake",
        aws_secret_access_key="workspaces-fake",
    )


def security_group_problem(backend: WorkspacesBackend, group_id: str) -> Optional[str]:
    """Why moto's EC2 refuses ``group_id`` as a security group (None: it exists, or no bridge)."""
    client = moto_client(backend, "ec2")
    if client is None:
        return None
    from botocore.exceptions import ClientError

    try:
        client.describe_security_groups(GroupIds=[group_id])
    except ClientError:
        return f"The security group {group_id} does not exist."
    return None


def kms_key_problem(backend: WorkspacesBackend, key_id: str) -> Optional[str]:
    """Why moto's KMS refuses ``key_id`` as a volume key: unknown, not enabled, not symmetric (None: fine)."""
    client = moto_client(backend, "kms")
    if client is None:
        return None
    from botocore.exceptions import ClientError

    try:
        key = client.describe_key(KeyId=key_id)["KeyMetadata"]
    except ClientError:
        return f"The KMS key {key_id} could not be found."
    if key.get("KeyState") != "Enabled":
        return f"The KMS key {key_id} is {key.get('KeyState')}; it must be Enabled."
    if key.get("KeySpec", "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT":
        return f"The KMS key {key_id} is not a symmetric key."
    return None


def subnet_cidr(backend: WorkspacesBackend, subnet_id: str) -> Optional[str]:
    """The IPv4 CIDR of ``subnet_id`` in moto's EC2 (None: unknown to moto, or no bridge)."""
    client = moto_client(backend, "ec2")
    if client is None:
        return None
    from botocore.exceptions import ClientError

    try:
        subnets = client.describe_subnets(SubnetIds=[subnet_id])["Subnets"]
    except ClientError:
        return None
    return str(subnets[0]["CidrBlock"]) if subnets else None
