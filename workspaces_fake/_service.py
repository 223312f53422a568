"""The botocore service model of WorkSpaces, loaded once and only when first needed.

Everything the fake knows about shapes, constraints, error names and pagination comes from here, so a newer
botocore brings its new members and enum values with it. Loading is lazy because ``import workspaces_fake``
must stay cheap: the pytest plugin imports the package in every session, used or not.
"""

from __future__ import annotations

import functools
from typing import Any

from botocore.loaders import create_loader
from botocore.model import OperationModel, ServiceModel
from botocore.regions import EndpointResolver

SERVICE_NAME = "workspaces"
TARGET_PREFIX = "WorkspacesService"


@functools.cache
def service_model() -> ServiceModel:
    """The installed botocore's WorkSpaces model (cached for the life of the process)."""
    loader = create_loader()
    return ServiceModel(loader.load_service_model(SERVICE_NAME, "service-2"), service_name=SERVICE_NAME)


@functools.cache
def operation_model(name: str) -> OperationModel:
    """One operation's model; raises botocore's OperationNotFoundError for an unknown name."""
    return service_model().operation_model(name)


@functools.cache
def paginators() -> dict[str, Any]:
    """The ``pagination`` section of paginators-1.json: operation name to its keys."""
    loader = create_loader()
    data: dict[str, Any] = loader.load_service_model(SERVICE_NAME, "paginators-1")
    return dict(data.get("pagination", {}))


def operation_names() -> list[str]:
    """Every operation the model defines, sorted."""
    return sorted(service_model().operation_names)


def error_codes() -> frozenset[str]:
    """The exception shape names the model defines (its modeled error codes)."""
    return frozenset(shape.name for shape in service_model().error_shapes)


@functools.cache
def offered_regions() -> frozenset[str]:
    """The regions WorkSpaces is offered in, every partition, from botocore's own endpoint data.

    The same list ``Session.get_available_regions("workspaces", partition)`` gives: pseudo-regions such as
    ``fips-us-east-1`` are left out. A newer botocore brings new regions with it.
    """
    data = create_loader().load_data("endpoints")
    resolver = EndpointResolver(data)
    regions: set[str] = set()
    for partition in resolver.get_available_partitions():
        regions.update(resolver.get_available_endpoints(SERVICE_NAME, partition))
    return frozenset(regions)
