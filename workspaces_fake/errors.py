"""Errors the fake answers with, one class per AWS error code, messages kept in one place.

A handler raises one of these; the pipeline turns it into the JSON 1.1 error body the real service sends
(``{"__type": code, "message": ...}`` plus the error shape's modeled members, such as ``ResourceId``).
Users normally catch ``client.exceptions.<Code>`` from botocore; these classes serve fault rules and direct
dispatch. :class:`FakeNotSupported` is deliberately *not* a :class:`WorkspacesError`: it means "the fake
cannot answer this", which no AWS error should pretend to say.
"""

from __future__ import annotations

from typing import Any, ClassVar

COVERAGE_DOC = "docs/operations.md"
COVERAGE_COMMAND = "python -m workspaces_fake operations"
"""Prints the coverage table from an installed package (no repository needed)."""
DOCS_URL = "https://github.com/workspaces-fake/workspaces_fake/blob/main/docs/"
"""Where an installed package's users find the documentation."""


class WorkspacesError(Exception):
    """Base of every AWS-shaped error; ``code`` is the class name unless a subclass says otherwise.

    ``fields`` carries the error shape's extra members under their snake_case names (``resource_id``,
    ``reason``); the encoder maps them back to API names.
    """

    status: ClassVar[int] = 400
    template: ClassVar[str] = ""
    code_override: ClassVar[str | None] = None

    def __init__(self, message: str | None = None, **fields: Any) -> None:
        self.fields = fields
        self.message = message if message is not None else self.template.format(**fields)
        super().__init__(self.message)

    @property
    def code(self) -> str:
        """The AWS error code sent as ``__type``."""
        return self.code_override or type(self).__name__


# The 23 exception shapes of the WorkSpaces model. Templates are defaults; handlers usually pass a message.
class AccessDeniedException(WorkspacesError):
    template = "The user is not authorized to access a resource."


class ApplicationNotSupportedException(WorkspacesError):
    template = "The specified application is not supported for this operation."


class ComputeNotCompatibleException(WorkspacesError):
    template = "The compute type of the WorkSpace is not compatible with the application."


class ConflictException(WorkspacesError):
    template = "The request conflicts with the current state of the resource."


class IncompatibleApplicationsException(WorkspacesError):
    template = "The specified application is incompatible with another application on the resource."


class InternalServerException(WorkspacesError):
    # Documented as HTTP 400 like every other modeled WorkSpaces error (API_CreateAccountLinkInvitation).
    template = "Unexpected server error occurred."


class InvalidParameterCombinationException(WorkspacesError):
    template = "Two or more of the selected parameter values cannot be used together."


class InvalidParameterValuesException(WorkspacesError):
    template = "One or more parameter values are not valid."


class InvalidResourceStateException(WorkspacesError):
    template = "The state of the resource is not valid for this operation."


class OperatingSystemNotCompatibleException(WorkspacesError):
    template = "The operating system of the WorkSpace is not compatible with the application."


class OperationInProgressException(WorkspacesError):
    template = "The properties of this WorkSpace are currently being modified. Try again in a moment."


class OperationNotSupportedException(WorkspacesError):
    template = "This operation is not supported."


class ResourceAlreadyExistsException(WorkspacesError):
    template = "The specified resource already exists."


class ResourceAssociatedException(WorkspacesError):
    template = "The resource is associated with a directory."


class ResourceCreationFailedException(WorkspacesError):
    template = "The resource could not be created."


class ResourceInUseException(WorkspacesError):
    template = "The specified resource is currently in use."


class ResourceLimitExceededException(WorkspacesError):
    template = "Your resource limits have been exceeded."


class ResourceNotFoundException(WorkspacesError):
    template = "The resource could not be found."


class ResourceUnavailableException(WorkspacesError):
    template = "The specified resource is not available."


class UnsupportedNetworkConfigurationException(WorkspacesError):
    template = "The configuration of this network is not supported for this operation."


class UnsupportedWorkspaceConfigurationException(WorkspacesError):
    template = "The configuration of this WorkSpace is not supported for this operation."


class ValidationException(WorkspacesError):
    template = "The request is invalid."


class WorkspacesDefaultRoleNotFoundException(WorkspacesError):
    template = "The workspaces_DefaultRole role could not be found."


# Common errors every AWS JSON service may answer with (not in the model's shapes).
class ThrottlingException(WorkspacesError):
    template = "Rate exceeded"


class InternalFailure(WorkspacesError):
    status = 500
    template = "The request processing has failed because of an unknown error, exception or failure."


class ServiceUnavailable(WorkspacesError):
    status = 503
    template = "The request has failed due to a temporary failure of the server."


class SerializationException(WorkspacesError):
    template = "The request body could not be read."


class UnknownOperationException(WorkspacesError):
    template = "The operation is not known to the service."


class FakeInternalError(WorkspacesError):
    """A bug inside workspaces_fake: answered as a distinct, non-retryable error instead of a traceback."""

    code_override = "WorkspacesFakeInternalError"
    template = "workspaces_fake failed while answering {operation}: {detail}. This is a bug in the fake."


class FakeNotSupported(Exception):
    """The fake cannot answer this request: the operation or a request member has no support yet.

    Answered to boto3 as error code ``WorkspacesFakeNotSupported`` with HTTP 501, so it can never be
    mistaken for an AWS answer or for success.
    """

    code = "WorkspacesFakeNotSupported"
    status = 501

    def __init__(self, operation: str, member: str | None = None) -> None:
        self.operation = operation
        self.member = member
        what = f"the request member {member!r} of {operation}" if member else f"the operation {operation}"
        self.message = (
            f"{what} is not supported by workspaces_fake; `{COVERAGE_COMMAND}` lists what is covered "
            f"({DOCS_URL}operations.md), and {DOCS_URL}contributing.md says how to add it"
        )
        super().__init__(self.message)


def error_class(code: str) -> type[WorkspacesError]:
    """The class for an AWS error code the fake may answer with; ValueError for anything else.

    Fault rules call this when they are declared, so a typo fails the test at once, not at the call.
    """
    found = globals().get(code)
    if (
        isinstance(found, type)
        and issubclass(found, WorkspacesError)
        and found not in (WorkspacesError, FakeInternalError)
    ):
        return found
    known = ", ".join(sorted(modeled_and_common_codes()))
    raise ValueError(f"{code!r} is not an error code WorkSpaces answers with; known codes: {known}")


def modeled_and_common_codes() -> list[str]:
    """Every code :func:`error_class` accepts."""
    return sorted(
        name
        for name, obj in globals().items()
        if isinstance(obj, type)
        and issubclass(obj, WorkspacesError)
        and obj not in (WorkspacesError, FakeInternalError)
    )


__all__ = ["FakeNotSupported", "WorkspacesError", "error_class", *modeled_and_common_codes()]
