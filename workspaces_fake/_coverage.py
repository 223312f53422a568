"""The generated parts of the docs: the coverage table and the lifecycle durations.

docs/operations.md is generated whole from the handler registry against the service model. Every operation
of the installed botocore model appears once, under its family, as implemented (a handler is registered)
or not supported (a call answers ``WorkspacesFakeNotSupported``). For implemented operations the table also
lists the request members the handler does not accept: a call that sends one is answered "not supported"
too. docs/time-and-lifecycle.md carries a generated block between two markers: the steps of every
lifecycle table in ``workspaces_fake.models``, with their durations in the timed mode.

``tests/test_conventions.py`` regenerates both and fails when the committed files differ. Run
``python -m workspaces_fake._coverage --write`` to regenerate them, ``--check`` to compare, or give no
option to print the coverage table.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Optional

from ._dispatch import HANDLERS, Registration
from ._service import operation_model, operation_names
from .lifecycle import Table

DOCS = Path(__file__).resolve().parent.parent / "docs"
DOC_PATH = DOCS / "operations.md"
LIFECYCLE_DOC = "time-and-lifecycle.md"
BEGIN = "<!-- begin generated: lifecycle steps -->"
END = "<!-- end generated: lifecycle steps -->"
REGENERATE = "python -m workspaces_fake._coverage --write"

# The resource families of the API, in the order of the spec's inventory (section 4). The model has no
# notion of families, so this grouping is ours; operations missing here are listed under "Other".
_FAMILY_TABLE: tuple[tuple[str, str], ...] = (
    (
        "WorkSpaces",
        "CreateWorkspaces DescribeWorkspaces TerminateWorkspaces StartWorkspaces "
        "StopWorkspaces RebootWorkspaces RebuildWorkspaces RestoreWorkspace "
        "MigrateWorkspace ModifyWorkspaceProperties ModifyWorkspaceState "
        "DescribeWorkspacesConnectionStatus DescribeWorkspaceSnapshots "
        "CreateStandbyWorkspaces",
    ),
    (
        "Applications",
        "AssociateWorkspaceApplication DisassociateWorkspaceApplication "
        "DeployWorkspaceApplications DescribeApplications DescribeApplicationAssociations "
        "DescribeWorkspaceAssociations DescribeBundleAssociations "
        "DescribeImageAssociations",
    ),
    (
        "Directories and directory settings",
        "RegisterWorkspaceDirectory DeregisterWorkspaceDirectory "
        "DescribeWorkspaceDirectories ModifyWorkspaceCreationProperties "
        "ModifyWorkspaceAccessProperties ModifySelfservicePermissions "
        "ModifySamlProperties ModifyCertificateBasedAuthProperties "
        "ModifyStreamingProperties ModifyEndpointEncryptionMode ModifyClientProperties "
        "DescribeClientProperties",
    ),
    (
        "Client branding and Amazon Connect add-ins",
        "ImportClientBranding DescribeClientBranding DeleteClientBranding "
        "CreateConnectClientAddIn DescribeConnectClientAddIns UpdateConnectClientAddIn "
        "DeleteConnectClientAddIn",
    ),
    (
        "Bundles",
        "CreateWorkspaceBundle DescribeWorkspaceBundles UpdateWorkspaceBundle DeleteWorkspaceBundle",
    ),
    (
        "Images",
        "CreateWorkspaceImage CreateUpdatedWorkspaceImage CopyWorkspaceImage "
        "ImportWorkspaceImage ImportCustomWorkspaceImage "
        "DescribeCustomWorkspaceImageImport DescribeWorkspaceImages DeleteWorkspaceImage "
        "UpdateWorkspaceImagePermission DescribeWorkspaceImagePermissions",
    ),
    (
        "Tags",
        "CreateTags DeleteTags DescribeTags",
    ),
    (
        "IP access control groups",
        "CreateIpGroup DeleteIpGroup DescribeIpGroups AuthorizeIpRules RevokeIpRules "
        "UpdateRulesOfIpGroup AssociateIpGroups DisassociateIpGroups",
    ),
    (
        "Connection aliases",
        "CreateConnectionAlias DeleteConnectionAlias DescribeConnectionAliases "
        "AssociateConnectionAlias DisassociateConnectionAlias "
        "UpdateConnectionAliasPermission DescribeConnectionAliasPermissions",
    ),
    (
        "WorkSpaces Pools",
        "CreateWorkspacesPool DescribeWorkspacesPools UpdateWorkspacesPool "
        "StartWorkspacesPool StopWorkspacesPool TerminateWorkspacesPool "
        "DescribeWorkspacesPoolSessions TerminateWorkspacesPoolSession",
    ),
    (
        "Account and BYOL",
        "DescribeAccount ModifyAccount DescribeAccountModifications ListAvailableManagementCidrRanges",
    ),
    (
        "Account links",
        "CreateAccountLinkInvitation AcceptAccountLinkInvitation "
        "RejectAccountLinkInvitation DeleteAccountLinkInvitation GetAccountLink "
        "ListAccountLinks",
    ),
)
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (family, tuple(ops.split())) for family, ops in _FAMILY_TABLE
)

IMPLEMENTED = "implemented"
NOT_SUPPORTED = "not supported"


def grouped_operations() -> list[tuple[str, list[str]]]:
    """The model's operations by family, in family order; unknown to FAMILIES means "Other"."""
    in_model = set(operation_names())
    groups = [(family, [op for op in ops if op in in_model]) for family, ops in FAMILIES]
    placed = {op for _family, ops in groups for op in ops}
    other = sorted(in_model - placed)
    if other:
        groups.append(("Other", other))
    return groups


def unsupported_members(registration: Registration) -> list[str]:
    """The request members of an implemented operation that its handler does not accept."""
    from botocore import xform_name

    shape = operation_model(registration.name).input_shape
    members = shape.members if shape is not None else {}
    return [member for member in members if xform_name(member) not in registration.accepts]


def _handler_cell(registration: Registration) -> str:
    module = registration.func.__module__
    path = module.replace(".", "/") + ".py"
    return f"[`{registration.func.__name__}`](../{path})"


def _row(op: str) -> str:
    registration = HANDLERS.get(op)
    if registration is None:
        return f"| {op} | {NOT_SUPPORTED} |  |  |"
    missing = ", ".join(f"`{member}`" for member in unsupported_members(registration))
    return f"| {op} | {IMPLEMENTED} | {_handler_cell(registration)} | {missing} |"


def _count(ops: list[str]) -> int:
    return sum(1 for op in ops if op in HANDLERS)


def render() -> str:
    """The whole of docs/operations.md for the installed botocore and the registered handlers."""
    groups = grouped_operations()
    total = sum(len(ops) for _family, ops in groups)
    implemented = sum(_count(ops) for _family, ops in groups)
    lines = [
        "# Operations",
        "",
        f"<!-- Generated from the handler registry; do not edit. Regenerate with `{REGENERATE}`. -->",
        "",
        f"workspaces_fake implements {implemented} of the {total} operations in the installed botocore",
        "model of WorkSpaces. Every other operation answers the error `WorkspacesFakeNotSupported`",
        "(HTTP 501), and so does a call to an implemented operation that sends a request member listed in",
        "the last column. Nothing unsupported succeeds silently. [contributing.md](contributing.md) shows",
        "how to add an operation or a member.",
        "",
        "| Family | Implemented | Operations |",
        "|---|---:|---:|",
    ]
    lines += [f"| [{family}](#{_anchor(family)}) | {_count(ops)} | {len(ops)} |" for family, ops in groups]
    lines += [f"| **Total** | **{implemented}** | **{total}** |"]
    for family, ops in groups:
        lines += ["", f"## {family}", ""]
        lines += ["| Operation | Status | Handler | Request members not supported |", "|---|---|---|---|"]
        lines += [_row(op) for op in ops]
    return "\n".join(lines) + "\n"


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped."""
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


# ------------------------------------------------------------------------------------ lifecycle steps
def lifecycle_tables() -> list[Table]:
    """Every lifecycle table at module level in ``workspaces_fake.models`` and its family packages."""
    from . import models

    found: list[Table] = []
    modules = pkgutil.walk_packages(models.__path__, models.__name__ + ".")
    for info in sorted(modules, key=lambda i: i.name):
        module = importlib.import_module(info.name)
        found += [obj for obj in vars(module).values() if isinstance(obj, Table) and obj not in found]
    return found


def _duration(after: timedelta) -> str:
    minutes, seconds = divmod(int(after.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{hours} h" if hours else "",
        f"{minutes} min" if minutes else "",
        f"{seconds} s" if seconds else "",
    ]
    return " ".join(part for part in parts if part) or "0 s"


def _target(to: object) -> str:
    if isinstance(to, str):
        return "gone" if to == "GONE" else f"`{to}`"
    name = getattr(to, "__name__", "a resolver")
    path = str(getattr(to, "__module__", "")).replace(".", "/") + ".py"
    return f"decided when due by [`{name}`](../{path})"


def render_lifecycle_steps() -> str:
    """The Markdown table of every transitional state, what follows it and after how long."""
    lines = ["| Table | State | Moves on after (timed mode) | To |", "|---|---|---|---|"]
    for table in lifecycle_tables():
        for state, step in table.steps.items():
            lines.append(f"| {table.name} | `{state}` | {_duration(step.after)} | {_target(step.to)} |")
    return "\n".join(lines) + "\n"


def splice_lifecycle_steps(text: str) -> str:
    """``text`` with the block between BEGIN and END replaced by the current lifecycle steps."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{LIFECYCLE_DOC} lacks the markers {BEGIN!r} ... {END!r}")
    head = text[: start + len(BEGIN)]
    return f"{head}\n{render_lifecycle_steps()}{text[end:]}"


# ------------------------------------------------------------------------------------------ the command
def documents(docs: Path) -> list[tuple[Path, Callable[[str], str]]]:
    """Each generated file and how to make its current text from what is on disk."""
    return [(docs / DOC_PATH.name, lambda _old: render()), (docs / LIFECYCLE_DOC, splice_lifecycle_steps)]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def main(argv: Optional[list[str]] = None) -> int:
    """Print the coverage table, or regenerate the docs (``--write``), or compare them (``--check``)."""
    parser = argparse.ArgumentParser(prog="python -m workspaces_fake._coverage", description=__doc__)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="regenerate the generated docs")
    action.add_argument("--check", action="store_true", help="exit 1 when a generated doc is out of date")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs directory")
    args = parser.parse_args(argv)
    if not (args.write or args.check):
        sys.stdout.write(render())
        return 0
    stale = []
    for path, make in documents(args.docs):
        old = _read(path)
        new = make(old)
        if new != old:
            stale.append(path)
            if args.write:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        names = ", ".join(str(path) for path in stale)
        print(f"out of date: {names}; run: {REGENERATE}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
