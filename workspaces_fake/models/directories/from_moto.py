"""RegisterWorkspaceDirectory against moto's Directory Service and EC2 (the bridge: models/moto_bridge.py).

Only while moto's mock is active and the bridge is on: the ``d-`` directory must exist in moto's Directory
Service (else ResourceNotFoundException) and be Active (else InvalidResourceStateException); its subnets (the
request's SubnetIds, else the directory's) must exist in moto's EC2 (else InvalidParameterValuesException [A])
and lie in two Availability Zones (else OperationNotSupportedException). The registered directory then takes
its name, alias, DNS addresses, type and subnets from Directory Service, and the WorkSpaces security group is
created in the directory's VPC in moto's EC2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from botocore.exceptions import ClientError

from ...errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationNotSupportedException,
    ResourceNotFoundException,
)
from ..moto_bridge import moto_client

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from .model import Directory

TYPES = {
    "SimpleAD": "SIMPLE_AD",
    "ADConnector": "AD_CONNECTOR",
    "MicrosoftAD": "MICROSOFT_AD",
    "SharedMicrosoftAD": "MICROSOFT_AD",
}
"""Directory Service's ``Type`` -> WorkSpaces' ``DirectoryType``."""

NOT_ACTIVE = (
    "The specified directory is not in a valid state. Confirm that the directory has a status of Active, "
    "and try again."
)


@dataclass(frozen=True)
class DsDirectory:
    """What Directory Service (moto's) says about the directory being registered."""

    directory_id: str
    name: str
    alias: str
    directory_type: str
    stage: str
    dns_ip_addresses: list[str]
    vpc_id: str
    subnet_ids: list[str]
    customer_user_name: Optional[str]


def lookup(backend: WorkspacesBackend, directory_id: Optional[str]) -> Optional[DsDirectory]:
    """Moto's directory ``directory_id``; None when the bridge does not apply. Unknown: ResourceNotFound."""
    client = moto_client(backend, "ds") if directory_id is not None else None
    if client is None:
        return None
    try:
        found = client.describe_directories(DirectoryIds=[directory_id])["DirectoryDescriptions"]
    except ClientError as error:
        if error.response["Error"]["Code"] != "EntityDoesNotExistException":
            raise
        found = []
    if not found:
        raise ResourceNotFoundException(
            f"The directory {directory_id} could not be found in Directory Service.", resource_id=directory_id
        )
    return _from_description(found[0])


def _from_description(description: Mapping[str, Any]) -> DsDirectory:
    settings = description.get("VpcSettings") or description.get("ConnectSettings") or {}
    connect = description.get("ConnectSettings") or {}
    return DsDirectory(
        directory_id=str(description["DirectoryId"]),
        name=str(description["Name"]),
        alias=str(description.get("Alias") or description["DirectoryId"]),
        directory_type=TYPES.get(str(description.get("Type")), "SIMPLE_AD"),
        stage=str(description.get("Stage")),
        dns_ip_addresses=list(description.get("DnsIpAddrs") or connect.get("ConnectIps") or []),
        vpc_id=str(settings.get("VpcId", "")),
        subnet_ids=list(settings.get("SubnetIds") or []),
        customer_user_name=connect.get("CustomerUserName"),
    )


def check_active(found: Optional[DsDirectory]) -> None:
    """InvalidResourceStateException for a Directory Service directory that is not Active."""
    if found is not None and found.stage != "Active":
        raise InvalidResourceStateException(NOT_ACTIVE)


def check_subnets(backend: WorkspacesBackend, found: Optional[DsDirectory], subnet_ids: list[str]) -> None:
    """The subnets exist in moto's EC2, in the directory's VPC [A], in two Availability Zones."""
    if found is None:
        return
    client = moto_client(backend, "ec2")
    if client is None:
        return
    try:
        subnets = client.describe_subnets(SubnetIds=subnet_ids)["Subnets"]
    except ClientError as error:
        missing = ", ".join(subnet_ids)
        raise InvalidParameterValuesException(f"The subnets {missing} could not be found.") from error
    if any(subnet["VpcId"] != found.vpc_id for subnet in subnets):
        raise InvalidParameterValuesException(f"The subnets must be in the directory's VPC {found.vpc_id}.")
    if len({subnet["AvailabilityZone"] for subnet in subnets}) < 2:
        raise OperationNotSupportedException(
            "The subnets must be in two different Availability Zones that WorkSpaces supports."
        )


def apply(backend: WorkspacesBackend, directory: Directory, found: DsDirectory) -> None:
    """Directory Service's values on the directory, and its security group created in moto's EC2."""
    directory.directory_name = found.name
    directory.alias = found.alias
    directory.directory_type = found.directory_type
    directory.dns_ip_addresses = list(found.dns_ip_addresses)
    if found.customer_user_name is not None:
        directory.customer_user_name = found.customer_user_name
    directory.workspace_security_group_id = _security_group(backend, found)


def _security_group(backend: WorkspacesBackend, found: DsDirectory) -> str:
    """The ``<directory-id>_workspacesMembers`` group in the directory's VPC, reused on re-registration."""
    client = moto_client(backend, "ec2")
    assert client is not None  # lookup() found the directory through the bridge
    name = f"{found.directory_id}_workspacesMembers"
    filters = [{"Name": "group-name", "Values": [name]}, {"Name": "vpc-id", "Values": [found.vpc_id]}]
    existing = client.describe_security_groups(Filters=filters)["SecurityGroups"]
    if existing:
        return str(existing[0]["GroupId"])
    created = client.create_security_group(
        GroupName=name, Description="Amazon WorkSpaces Security Group", VpcId=found.vpc_id
    )
    return str(created["GroupId"])
