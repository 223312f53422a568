"""The house conventions, checked against the code and the installed botocore model.

Handler names, error classes, the attribute-naming rule the encoder relies on, and the generated coverage
table in docs/operations.md. Each test names the fix in its failure message.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape

import workspaces_fake
from workspaces_fake import _coverage, errors, models
from workspaces_fake._dispatch import HANDLERS
from workspaces_fake._service import error_codes, operation_model, operation_names, service_model

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(workspaces_fake.__file__).resolve().parent

# Errors any AWS JSON service may answer that are not shapes of the WorkSpaces model (docs/faults.md).
COMMON_ERRORS = {
    "ThrottlingException",
    "InternalFailure",
    "ServiceUnavailable",
    "SerializationException",
    "UnknownOperationException",
}


def error_classes() -> dict[str, type[errors.WorkspacesError]]:
    """Every AWS-shaped error class errors.py defines, by code (the fake's own internal error excluded)."""
    found = {}
    for obj in vars(errors).values():
        if (
            isinstance(obj, type)
            and issubclass(obj, errors.WorkspacesError)
            and obj not in (errors.WorkspacesError, errors.FakeInternalError)
        ):
            found[obj.__name__] = obj
    return found


def _structures(shape: Shape, seen: set[str]) -> Iterator[StructureShape]:
    if shape.name in seen:
        return
    seen.add(shape.name)
    if isinstance(shape, StructureShape):
        yield shape
        for member in shape.members.values():
            yield from _structures(member, seen)
    elif isinstance(shape, ListShape):
        yield from _structures(shape.member, seen)
    elif isinstance(shape, MapShape):
        yield from _structures(shape.value, seen)


def output_structures() -> list[StructureShape]:
    """Every structure reachable from an output shape or an error shape of the model."""
    seen: set[str] = set()
    found: list[StructureShape] = []
    for name in operation_names():
        output = operation_model(name).output_shape
        if output is not None:
            found.extend(_structures(output, seen))
    for shape in service_model().error_shapes:
        found.extend(_structures(shape, seen))
    return found


# ------------------------------------------------------------------------------------------- handlers
def test_handlers_registry_is_not_empty() -> None:
    assert HANDLERS, "no handler registered: importing _dispatch must import workspaces_fake.operations"


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_handlers_function_name_is_xform_name_of_operation(name: str) -> None:
    func = HANDLERS[name].func
    expected = xform_name(name)
    assert func.__name__ == expected, f'the handler of @operation("{name}") must be named {expected}'


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_handlers_operation_exists_in_model(name: str) -> None:
    assert name in operation_names(), f"@operation({name!r}) is not an operation of the WorkSpaces model"


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_handlers_keyword_arguments_are_request_members(name: str) -> None:
    """A misspelt keyword never receives its member, and the real member answers "not supported"."""
    shape = operation_model(name).input_shape
    members = {xform_name(member) for member in (shape.members if shape is not None else {})}
    stray = sorted(HANDLERS[name].accepts - members)
    assert not stray, f"{name}: keyword-only arguments {stray} are not xform_name of any request member"


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_handlers_live_in_operations_package(name: str) -> None:
    module = HANDLERS[name].func.__module__
    assert module.startswith("workspaces_fake.operations."), f"{name}: handler defined in {module}"


# --------------------------------------------------------------------------------------------- errors
def test_errors_every_class_is_a_model_shape_or_a_common_error() -> None:
    stray = sorted(set(error_classes()) - set(error_codes()) - COMMON_ERRORS)
    assert not stray, f"errors.py defines {stray}: neither model error shapes nor documented common errors"


def test_errors_every_model_error_shape_has_a_class() -> None:
    missing = sorted(set(error_codes()) - set(error_classes()))
    assert not missing, f"model error shapes without a class in errors.py: {missing}"


@pytest.mark.parametrize("code", sorted(COMMON_ERRORS))
def test_errors_common_error_is_not_shadowed_by_model(code: str) -> None:
    """If a newer model defines one of the common errors, it stops being "common" and moves up."""
    assert code in error_classes(), f"errors.py lost the common error {code}"
    assert code not in error_codes(), f"{code} is now a model shape; remove it from COMMON_ERRORS"


def test_errors_common_errors_are_documented_with_their_status() -> None:
    """docs/faults.md tabulates the common errors; the table must match the classes."""
    text = (ROOT / "docs" / "faults.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `(\w+)` \| (\d{3}) \|", text, flags=re.M))
    actual = {code: str(error_classes()[code].status) for code in COMMON_ERRORS}
    assert documented == actual, "the common-errors table in docs/faults.md is out of step with errors.py"


def test_errors_fake_not_supported_is_not_an_aws_error() -> None:
    assert not issubclass(errors.FakeNotSupported, errors.WorkspacesError)
    assert errors.FakeNotSupported.code == "WorkspacesFakeNotSupported"
    assert (ROOT / errors.COVERAGE_DOC).is_file(), f"FakeNotSupported points users at {errors.COVERAGE_DOC}"
    # An installed package has no docs/ folder: the message names a command and URLs, never a repo path.
    message = errors.FakeNotSupported("DescribeAccount").message
    assert f"`{errors.COVERAGE_COMMAND}`" in message
    assert f"{errors.DOCS_URL}operations.md" in message and f"{errors.DOCS_URL}contributing.md" in message
    assert " docs/" not in message and "(docs/" not in message
    assert errors.COVERAGE_COMMAND == "python -m workspaces_fake operations"


def test_errors_error_class_accepts_every_code_it_lists() -> None:
    for code in errors.modeled_and_common_codes():
        assert errors.error_class(code).__name__ == code


# ------------------------------------------------------------------------------------- model attributes
def test_output_structures_members_stay_distinct_under_xform_name() -> None:
    """The encoder reads member ``X`` from attribute ``xform_name(X)``; two members on one attribute clash."""
    structures = output_structures()
    assert len(structures) > 50, "the walk found too few output structures to mean anything"
    clashes = []
    for shape in structures:
        attrs: dict[str, str] = {}
        for member in shape.members:
            other = attrs.setdefault(xform_name(member), member)
            if other != member:
                clashes.append(f"{shape.name}: {other} and {member} -> {xform_name(member)}")
    assert not clashes, "members that would share a model attribute:\n" + "\n".join(clashes)


def _normal(name: str) -> str:
    return name.replace("_", "").lower()


def model_dataclasses() -> list[tuple[type, StructureShape]]:
    """Dataclasses under workspaces_fake.models and the API shape each stands for.

    The shape comes from "API shape ``X``" in the class docstring, else from a shape of the same name.
    """
    shapes = service_model().shape_names
    found = []
    for info in pkgutil.iter_modules(models.__path__, models.__name__ + "."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if not (isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == info.name):
                continue
            named = re.search(r"API shape ``(\w+)``", obj.__doc__ or "")
            shape_name = named.group(1) if named else obj.__name__
            if shape_name in shapes:
                shape = service_model().shape_for(shape_name)
                assert isinstance(shape, StructureShape), f"{obj.__name__}: {shape_name} is not a structure"
                found.append((obj, shape))
            else:
                assert named is None, f"{obj.__name__} names the API shape {shape_name}, unknown to the model"
    return found


def test_models_fields_spell_api_members_as_xform_name() -> None:
    """A field meant to carry member ``X`` but spelt otherwise would be silently left out of responses."""
    pairs = model_dataclasses()
    assert pairs, "no dataclass in workspaces_fake.models stands for an API shape"
    wrong = []
    for cls, shape in pairs:
        for field in dataclasses.fields(cls):
            for member in shape.members:
                if _normal(field.name) == _normal(member) and field.name != xform_name(member):
                    wrong.append(f"{cls.__name__}.{field.name} should be {xform_name(member)} ({member})")
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------------------------------ the docs
def test_operations_doc_is_up_to_date() -> None:
    committed = _coverage.DOC_PATH.read_text(encoding="utf-8") if _coverage.DOC_PATH.exists() else ""
    assert committed == _coverage.render(), (
        f"docs/operations.md does not match the handler registry; regenerate it with: {_coverage.REGENERATE}"
    )


def test_operations_doc_lists_every_model_operation_once() -> None:
    rows = [line.split("|")[1].strip() for line in _coverage.render().splitlines() if line.startswith("| ")]
    listed = [row for row in rows if row in set(operation_names())]
    assert sorted(listed) == operation_names()


def test_operations_families_name_only_model_operations() -> None:
    grouped = [op for _family, ops in _coverage.FAMILIES for op in ops]
    unknown = sorted(set(grouped) - set(operation_names()))
    assert not unknown, f"_coverage.FAMILIES names operations the model lacks: {unknown}"
    twice = sorted({op for op in grouped if grouped.count(op) > 1})
    assert not twice, f"_coverage.FAMILIES lists these more than once: {twice}"


def test_operations_families_place_every_model_operation() -> None:
    placed = {op for _family, ops in _coverage.FAMILIES for op in ops}
    loose = sorted(set(operation_names()) - placed)
    assert not loose, f"add these operations of the installed botocore to _coverage.FAMILIES: {loose}"


def test_lifecycle_doc_steps_are_up_to_date() -> None:
    path = _coverage.DOCS / _coverage.LIFECYCLE_DOC
    committed = path.read_text(encoding="utf-8")
    assert committed == _coverage.splice_lifecycle_steps(committed), (
        f"the lifecycle steps in docs/{_coverage.LIFECYCLE_DOC} differ from the tables in "
        f"workspaces_fake/models; regenerate with: {_coverage.REGENERATE}"
    )


def test_lifecycle_doc_lists_every_transitional_state() -> None:
    tables = _coverage.lifecycle_tables()
    assert {table.name for table in tables} >= {"workspace", "application-association"}
    rendered = _coverage.render_lifecycle_steps()
    for table in tables:
        for state in table.steps:
            assert f"| {table.name} | `{state}` |" in rendered


def test_coverage_check_reports_stale_docs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "operations.md").write_text("# Operations\n", encoding="utf-8")
    markers = f"# Time\n{_coverage.BEGIN}\nold\n{_coverage.END}\nafter\n"
    (tmp_path / _coverage.LIFECYCLE_DOC).write_text(markers, encoding="utf-8")
    assert _coverage.main(["--check", "--docs", str(tmp_path)]) == 1
    assert _coverage.REGENERATE in capsys.readouterr().err
    assert _coverage.main(["--write", "--docs", str(tmp_path)]) == 0
    assert _coverage.main(["--check", "--docs", str(tmp_path)]) == 0
    spliced = (tmp_path / _coverage.LIFECYCLE_DOC).read_text(encoding="utf-8")
    assert "old" not in spliced and spliced.endswith(f"{_coverage.END}\nafter\n")


def test_coverage_splice_without_markers_fails() -> None:
    with pytest.raises(ValueError, match="markers"):
        _coverage.splice_lifecycle_steps("# no markers here\n")


# ------------------------------------------------------------------------------------------ the source
def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_source_module_uses_postponed_annotations(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = re.sub(r'^\s*(""".*?"""|\'\'\'.*?\'\'\')\s*', "", text, flags=re.S).strip()
    if body:
        assert "from __future__ import annotations" in text, f"{path.name} lacks the __future__ import"
