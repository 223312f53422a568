"""Server-side validation: what botocore's client lets through (max, pattern, enum), in Coral's wording.

Rows run through a real boto3 client against test-only handlers, so they test the engine and not any
resource family. A handler that is reached records it, which proves valid requests are let through.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

import pytest
from botocore.model import ShapeResolver

from workspaces_fake import WorkspacesBackend, _validate, errors
from workspaces_fake._service import operation_model, service_model
from workspaces_fake._validate import _compiled, validate_input

WS = "ws-abcdef123"
BUNDLE = "wsb-abcdef123"
DIRECTORY = "d-1234567890"

FakeHandler = Callable[[str], Callable[[Callable[..., Any]], Callable[..., Any]]]


@pytest.fixture
def reached(fake_handler: FakeHandler) -> list[str]:
    """Test-only handlers for the operations in the table; each records that validation let it run."""
    calls: list[str] = []

    @fake_handler("DescribeWorkspaceSnapshots")
    def describe_workspace_snapshots(backend: WorkspacesBackend, *, workspace_id: str) -> Any:
        calls.append("DescribeWorkspaceSnapshots")
        return {"RebuildSnapshots": [], "RestoreSnapshots": []}

    @fake_handler("DescribeApplications")
    def describe_applications(
        backend: WorkspacesBackend,
        *,
        application_ids: Optional[list[str]] = None,
        license_type: Optional[str] = None,
        owner: Optional[str] = None,
        max_results: Optional[int] = None,
        next_token: Optional[str] = None,
    ) -> Any:
        calls.append("DescribeApplications")
        return {"Applications": []}

    @fake_handler("CreateWorkspaces")
    def create_workspaces(backend: WorkspacesBackend, *, workspaces: list[Any]) -> Any:
        calls.append("CreateWorkspaces")
        return {"FailedRequests": [], "PendingRequests": []}

    @fake_handler("CreateTags")
    def create_tags(backend: WorkspacesBackend, *, resource_id: str, tags: list[Any]) -> Any:
        calls.append("CreateTags")
        return {}

    @fake_handler("ImportClientBranding")
    def import_client_branding(backend: WorkspacesBackend, *, resource_id: str, device_type_web: Any) -> Any:
        calls.append("ImportClientBranding")
        return {}

    return calls


def _request(**member: Any) -> dict[str, Any]:
    return {"DirectoryId": DIRECTORY, "UserName": "alice", "BundleId": BUNDLE, **member}


def _one(value: str, path: str, rule: str) -> str:
    return f"1 validation error detected: Value '{value}' at '{path}' failed to satisfy constraint: {rule}"


PATTERN_WS = "Member must satisfy regular expression pattern: ^ws-[0-9a-z]{8,63}$"
OWNER = r"Member must satisfy regular expression pattern: ^\d{12}|AMAZON$"

# (id, method, params, expected message or None when the request is valid)
ROWS: list[tuple[str, str, dict[str, Any], Optional[str]]] = [
    (
        "pattern-top-level",
        "describe_workspace_snapshots",
        {"WorkspaceId": "bogus"},
        "1 validation error detected: Value 'bogus' at 'workspaceId' failed to satisfy constraint: "
        + PATTERN_WS,
    ),
    ("pattern-valid", "describe_workspace_snapshots", {"WorkspaceId": WS}, None),
    (
        "pattern-is-full-match",
        "describe_applications",
        {"Owner": "123456789012abc"},
        _one("123456789012abc", "owner", OWNER),
    ),
    (
        "pattern-alternation-prefix",
        "describe_applications",
        {"Owner": "xAMAZON"},
        _one("xAMAZON", "owner", OWNER),
    ),
    (
        "pattern-digits-are-ascii",
        "describe_applications",
        {"Owner": "\u0661" * 12},
        _one("\u0661" * 12, "owner", OWNER),
    ),
    ("pattern-owner-account", "describe_applications", {"Owner": "123456789012"}, None),
    ("pattern-owner-amazon", "describe_applications", {"Owner": "AMAZON"}, None),
    (
        "enum",
        "describe_applications",
        {"LicenseType": "FOO"},
        "1 validation error detected: Value 'FOO' at 'licenseType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [LICENSED, UNLICENSED]",
    ),
    ("enum-valid", "describe_applications", {"LicenseType": "LICENSED"}, None),
    (
        "integer-max",
        "describe_applications",
        {"MaxResults": 26},
        "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: "
        "Member must have value less than or equal to 25",
    ),
    ("integer-at-max", "describe_applications", {"MaxResults": 25}, None),
    (
        "list-max",
        "describe_applications",
        {"ApplicationIds": [f"wsa-{i:09d}" for i in range(26)]},
        "1 validation error detected: Value '[" + ", ".join(f"wsa-{i:09d}" for i in range(26)) + "]' at "
        "'applicationIds' failed to satisfy constraint: Member must have length less than or equal to 25",
    ),
    (
        "string-max",
        "describe_applications",
        {"NextToken": "t" * 2049},
        f"1 validation error detected: Value '{'t' * 2049}' at 'nextToken' failed to satisfy constraint: "
        "Member must have length less than or equal to 2048",
    ),
    (
        "two-errors-plural-joined",
        "describe_applications",
        {"LicenseType": "FOO", "Owner": "nobody", "MaxResults": 5},
        "2 validation errors detected: Value 'FOO' at 'licenseType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [LICENSED, UNLICENSED]; Value 'nobody' at 'owner' failed to "
        f"satisfy constraint: {OWNER}",
    ),
    (
        "nested-list-member-path",
        "create_workspaces",
        {"Workspaces": [_request(), _request(BundleId="bogus")]},
        "1 validation error detected: Value 'bogus' at 'workspaces.2.member.bundleId' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: ^wsb-[0-9a-z]{8,63}$",
    ),
    (
        "nested-first-member",
        "create_workspaces",
        {"Workspaces": [_request(BundleId="bogus")]},
        "at 'workspaces.1.member.bundleId'",
    ),
    (
        "deeply-nested-enum",
        "create_workspaces",
        {"Workspaces": [_request(WorkspaceProperties={"RunningMode": "SOMETIMES"})]},
        "Value 'SOMETIMES' at 'workspaces.1.member.workspaceProperties.runningMode' failed to satisfy "
        "constraint: Member must satisfy enum value set: [AUTO_STOP, ALWAYS_ON, MANUAL]",
    ),
    ("nested-valid", "create_workspaces", {"Workspaces": [_request()]}, None),
    (
        "nested-tag-key-max",
        "create_tags",
        {"ResourceId": WS, "Tags": [{"Key": "k" * 128, "Value": "v"}]},
        f"Value '{'k' * 128}' at 'tags.1.member.key' failed to satisfy constraint: "
        "Member must have length less than or equal to 127",
    ),
    (
        "map-value",
        "import_client_branding",
        {"ResourceId": DIRECTORY, "DeviceTypeWeb": {"LoginMessage": {"en_US": "x" * 2001}}},
        "at 'deviceTypeWeb.loginMessage.en_US' failed to satisfy constraint: "
        "Member must have length less than or equal to 2000",
    ),
    (
        "map-key-pattern",
        "import_client_branding",
        {"ResourceId": DIRECTORY, "DeviceTypeWeb": {"LoginMessage": {"english": "hi"}}},
        "Value 'english' at 'deviceTypeWeb.loginMessage.key' failed to satisfy constraint: "
        "Member must have length less than or equal to 5",
    ),
    (
        "dot-does-not-match-newline",
        "import_client_branding",
        {"ResourceId": DIRECTORY, "DeviceTypeWeb": {"LoginMessage": {"en_US": "two\nlines"}}},
        "Member must satisfy regular expression pattern: ^.*$",
    ),
    (
        "map-valid",
        "import_client_branding",
        {"ResourceId": DIRECTORY, "DeviceTypeWeb": {"LoginMessage": {"en_US": "Welcome"}}},
        None,
    ),
]


@pytest.mark.parametrize(("method", "params", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_validation_table(
    client: Any, reached: list[str], method: str, params: dict[str, Any], expected: Optional[str]
) -> None:
    call = getattr(client, method)
    if expected is None:
        call(**params)
        assert len(reached) == 1
        return
    with pytest.raises(client.exceptions.ValidationException) as caught:
        call(**params)
    message = caught.value.response["Error"]["Message"]
    if expected[:1].isdigit():
        assert message == expected
    else:
        assert expected in message
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert reached == []


def test_validation_counts_every_violation(client: Any, reached: list[str]) -> None:
    bad = [_request(BundleId="bogus", UserName="u" * 64) for _ in range(2)]
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.create_workspaces(Workspaces=bad)
    message = caught.value.response["Error"]["Message"]
    assert message.startswith("4 validation errors detected: ")
    assert message.count("; ") == 3
    assert "at 'workspaces.2.member.userName'" in message


def test_validation_missing_required_nested_member_is_not_null() -> None:
    op = operation_model("CreateWorkspaces")
    with pytest.raises(errors.ValidationException) as caught:
        validate_input(op, {"Workspaces": [{"UserName": "alice", "BundleId": BUNDLE}]})
    assert caught.value.message == (
        "1 validation error detected: Value null at 'workspaces.1.member.directoryId' failed to satisfy "
        "constraint: Member must not be null"
    )


def test_validation_minimums_checked_again_server_side() -> None:
    op = operation_model("DescribeApplications")
    with pytest.raises(errors.ValidationException) as caught:
        validate_input(op, {"MaxResults": 0, "ApplicationIds": []})
    assert caught.value.message == (
        "2 validation errors detected: Value '[]' at 'applicationIds' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1; Value '0' at 'maxResults' failed to satisfy "
        "constraint: Member must have value greater than or equal to 1"
    )


def test_validation_wrong_type_is_serialization_exception() -> None:
    op = operation_model("DescribeApplications")
    with pytest.raises(errors.SerializationException):
        validate_input(op, {"MaxResults": "ten"})
    with pytest.raises(errors.SerializationException):
        validate_input(op, {"MaxResults": True})


def test_validation_booleans_rendered_lowercase() -> None:
    op = operation_model("CreateWorkspaces")
    bad = {"Workspaces": [{**_request(), "UserVolumeEncryptionEnabled": True, "BundleId": "x"}]}
    with pytest.raises(errors.ValidationException) as caught:
        validate_input(op, bad)
    assert "Value 'x' at 'workspaces.1.member.bundleId'" in caught.value.message


def _patterns() -> dict[str, str]:
    model = service_model()
    found = {}
    for name in model.shape_names:
        pattern = model.shape_for(name).metadata.get("pattern")
        if pattern is not None:
            found[name] = pattern
    return found


def test_every_model_pattern_compiles_in_python_re() -> None:
    patterns = _patterns()
    assert len(patterns) > 40
    for name, pattern in patterns.items():
        try:
            compiled = _compiled(pattern)
        except re.error as exc:  # pragma: no cover - the assertion message is the point
            pytest.fail(f"pattern of {name} does not compile: {pattern!r}: {exc}")
        assert compiled.flags & re.ASCII, name


def test_validation_integer_outside_java_int_is_serialization_exception() -> None:
    op = operation_model("CreateWorkspaces")
    huge = {**_request(), "WorkspaceProperties": {"RootVolumeSizeGib": 2**31}}
    path = re.escape("workspaces.1.member.workspaceProperties.rootVolumeSizeGib")
    with pytest.raises(errors.SerializationException, match=path):
        validate_input(op, {"Workspaces": [huge]})
    fits = {**_request(), "WorkspaceProperties": {"RootVolumeSizeGib": 2**31 - 1}}
    validate_input(op, {"Workspaces": [fits]})


def test_quick_predicate_of_shapes_that_contain_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The WorkSpaces model has no recursive shape today; a future one must compile and answer right.

    A structure reached again through its own list, and two lists that hold each other: each compiles
    once, is published whole, and judges nested values by the same rules at every depth, before and
    after its structure's code is generated (after 8 uses).
    """
    monkeypatch.setattr(_validate, "_PREDICATES", {})
    resolver = ShapeResolver(
        {
            "Node": {
                "type": "structure",
                "members": {"Name": {"shape": "Name"}, "Children": {"shape": "Nodes"}},
            },
            "Nodes": {"type": "list", "member": {"shape": "Node"}},
            "Name": {"type": "string", "max": 3},
            "Ring": {"type": "list", "member": {"shape": "Ring2"}},
            "Ring2": {"type": "list", "member": {"shape": "Ring"}, "max": 1},
        }
    )
    _validate._fits_for(resolver.get_shape_by_name("Node"))  # a structure's members compile when used
    ring = _validate._fits_for(resolver.get_shape_by_name("Ring"))  # a list's member compiles with it
    assert _validate._UNPUBLISHED == {}
    assert set(_validate._PREDICATES) == {"Node", "Ring", "Ring2"}
    deep_ok = {"Name": "a", "Children": [{"Name": "b", "Children": [{"Name": "c"}]}]}
    deep_bad = {"Name": "a", "Children": [{"Name": "b", "Children": [{"Name": "four"}]}]}
    for _ in range(12):  # through the looping predicate and then the generated one
        node = _validate._PREDICATES["Node"]
        assert node(deep_ok) and not node(deep_bad)
    assert set(_validate._PREDICATES) == {"Node", "Nodes", "Name", "Ring", "Ring2"}
    assert ring([[[]], [[], []]]) is False  # an inner Ring2 holds two items, over its max of 1
    assert ring([[[[]]], []]) is True


ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1"
ARN_PAIR = "Ec2ImportTaskId, ImageBuildVersionArn"
INFRA = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/my-config"


@pytest.mark.parametrize(
    ("source", "chosen"),
    [({}, ""), ({"Ec2ImportTaskId": "import-ami-0123456789abcdef0", "ImageBuildVersionArn": ARN}, ARN_PAIR)],
)
def test_tagged_union_needs_exactly_one_member(
    workspaces_backend: WorkspacesBackend, source: dict[str, str], chosen: str
) -> None:
    """botocore refuses an ImageSource with no member or two; a client with validation off reaches the
    fake, which refuses it as the service does, by both of its validation paths (quick and collecting)."""
    import boto3
    from botocore.config import Config

    raw = boto3.client(
        "workspaces", region_name=workspaces_backend.region_name, config=Config(parameter_validation=False)
    )
    for _ in range(_validate._LOOP_USES + 2):  # past the loop, into the generated predicate
        with pytest.raises(raw.exceptions.ValidationException) as caught:
            raw.import_custom_workspace_image(
                ImageName="img",
                ImageDescription="an image",
                ComputeType="BASE",
                Protocol="DCV",
                ImageSource=source,
                InfrastructureConfigurationArn=INFRA,
                Platform="WINDOWS",
                OsVersion="Windows_11",
            )
        assert caught.value.response["Error"]["Message"] == (
            f"1 validation error detected: Value '{{{chosen}}}' at 'imageSource' failed to satisfy "
            "constraint: Member must have exactly one member set"
        )
    assert list(workspaces_backend.custom_imports.values_unobserved()) == []
