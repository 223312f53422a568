"""Issue 9 item 5: regions come from botocore's endpoint data; elsewhere the real client's error.

A client in a region where WorkSpaces is not offered gets EndpointConnectionError naming the endpoint
botocore resolved, as it would from AWS (where that host does not answer), with no connection opened.
``mock_workspaces(any_region=True)`` and the marker option ``any_region=True`` answer such regions anyway.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError, InvalidRegionError
from botocore.session import get_session

from workspaces_fake import WorkspacesBackend, _service, mock_workspaces

ONE_ATTEMPT = Config(retries={"total_max_attempts": 1})


def _client(region: str) -> Any:
    return boto3.client("workspaces", region_name=region, config=ONE_ATTEMPT)


def test_offered_regions_are_botocores_own_list() -> None:
    session = get_session()
    expected = {
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions("workspaces", partition)
    }
    offered = _service.offered_regions()
    assert offered == expected
    assert {"us-east-1", "eu-west-1", "us-gov-west-1", "cn-northwest-1"} <= offered
    assert not {"cn-north-1", "eu-north-1", "fips-us-east-1"} & offered


@pytest.mark.parametrize(
    ("region", "url"),
    [
        ("eu-north-1", "https://workspaces.eu-north-1.amazonaws.com/"),
        ("xx-fake-1", "https://workspaces.xx-fake-1.amazonaws.com/"),
        ("cn-north-1", "https://workspaces.cn-north-1.amazonaws.com.cn/"),
    ],
)
def test_region_without_workspaces_gets_the_real_clients_error(
    region: str, url: str, connections: list[Any]
) -> None:
    with mock_workspaces() as backend:
        with pytest.raises(EndpointConnectionError) as caught:
            _client(region).describe_workspaces()
        assert backend.in_region(region).calls.of("DescribeWorkspaces") == []
    assert caught.value.kwargs["endpoint_url"] == url
    assert str(caught.value).startswith(f'Could not connect to the endpoint URL: "{url}"')
    assert connections == []


def test_faulted_call_in_a_region_without_workspaces_is_refused_too(connections: list[Any]) -> None:
    with mock_workspaces() as backend:
        backend.in_region("eu-north-1").faults.on("DescribeWorkspaces").fail("ThrottlingException")
        with pytest.raises(EndpointConnectionError):
            _client("eu-north-1").describe_workspaces()
    assert connections == []


def test_malformed_region_name_fails_at_client_creation_as_botocore_does() -> None:
    with mock_workspaces(), pytest.raises(InvalidRegionError):
        _client("not a region!")


def test_any_region_answers_everywhere(connections: list[Any]) -> None:
    with mock_workspaces(any_region=True) as backend:
        backend.in_region("xx-fake-1").add_workspace()
        assert len(_client("xx-fake-1").describe_workspaces()["Workspaces"]) == 1
        with mock_workspaces():  # a nested activation inherits it
            assert _client("eu-north-1").describe_workspaces()["Workspaces"] == []
    assert connections == []


@pytest.mark.workspaces(region="cn-north-1", any_region=True)
def test_marker_option_any_region(workspaces_backend: WorkspacesBackend) -> None:
    assert workspaces_backend.region_name == "cn-north-1"
    assert _client("cn-north-1").describe_workspaces()["Workspaces"] == []


@pytest.mark.parametrize("region", sorted(_service.offered_regions()))
def test_every_offered_region_is_answered(region: str) -> None:
    with mock_workspaces():
        assert _client(region).describe_workspaces()["Workspaces"] == []
