"""The coverage table of docs/operations.md, generated from the handler registry against the service model.

Every operation of the installed botocore model appears once, under the family it belongs to, as
implemented (a handler is registered) or not supported (a call answers ``WorkspacesFakeNotSupported``).
For implemented operations the table also lists the request members the handler does not accept, since a
call that sends one of them is answered "not supported" too. ``tests/test_conventions.py`` regenerates the
table and fails when the committed file differs.

Run ``python -m workspaces_fake._coverage --write`` to regenerate docs/operations.md, ``--check`` to compare,
or no option to print the table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from ._dispatch import HANDLERS, Registration
from ._service import operation_model, operation_names

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "operations.md"
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


def main(argv: Optional[list[str]] = None) -> int:
    """Print the table, or write it to docs/operations.md (``--write``), or compare (``--check``)."""
    parser = argparse.ArgumentParser(prog="python -m workspaces_fake._coverage", description=__doc__)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help=f"write {DOC_PATH.name}")
    action.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    parser.add_argument("--path", type=Path, default=DOC_PATH, help="the file to write or check")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        args.path.write_text(text, encoding="utf-8")
        return 0
    if args.check:
        current = args.path.read_text(encoding="utf-8") if args.path.exists() else ""
        if current != text:
            print(f"{args.path} is out of date; run: {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
