"""Fault rules: make chosen calls fail (or drop the connection), and make deployments end in ERROR.

Rules are declared fluently on a backend and used up in the order they were declared::

    backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=2)
    backend.faults.on("*").disconnect()
    backend.faults.on_deployment(application_id="wsa-...").fail("DeploymentError.InternalServerError")

API faults fire before validation, as real throttling does. They are answered through the wire door so that
botocore's own retry logic runs and ``ResponseMetadata.RetryAttempts`` counts the retries. ``pending()``
lists rules that never fired; the pytest fixture fails a test that leaves any.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from . import errors

Where = Callable[[Mapping[str, Any]], bool]


class Disconnect(Exception):
    """Raised inside the wire door to simulate a dropped connection; botocore retries it."""


@dataclass
class FaultRule:
    """One API fault: which calls it matches, what it does, and how many more times it fires."""

    operation: str
    where: Optional[Where]
    error: Optional[type[errors.WorkspacesError]]
    message: Optional[str]
    remaining: int
    fired: int = 0

    def matches(self, operation: str, params: Mapping[str, Any]) -> bool:
        """True when this rule still has uses and applies to this call."""
        if self.remaining <= 0 or self.operation not in ("*", operation):
            return False
        return self.where is None or bool(self.where(params))

    def describe(self) -> str:
        """A one-line account of the rule for error messages."""
        effect = "disconnect" if self.error is None else f"fail with {self.error.__name__}"
        scope = " where <predicate>" if self.where is not None else ""
        return (
            f"on({self.operation!r}){scope}: {effect}, {self.remaining} of {self.remaining + self.fired} left"
        )


@dataclass
class DeploymentFault:
    """One deployment fault: the next matching install or uninstall ends in ERROR with this reason."""

    workspace_id: Optional[str]
    application_id: Optional[str]
    error_code: str
    message: Optional[str]
    remaining: int
    fired: int = 0

    def matches(self, workspace_id: str, application_id: str) -> bool:
        """True when this rule still has uses and names (or leaves open) this WorkSpace and application."""
        return (
            self.remaining > 0
            and self.workspace_id in (None, workspace_id)
            and self.application_id in (None, application_id)
        )

    def describe(self) -> str:
        """A one-line account of the rule for error messages."""
        return (
            f"on_deployment(workspace_id={self.workspace_id!r}, application_id={self.application_id!r}): "
            f"{self.error_code}, {self.remaining} of {self.remaining + self.fired} left"
        )


class RuleBuilder:
    """The second half of ``faults.on(...)``: says what the matched calls do."""

    def __init__(self, plan: FaultPlan, operation: str, where: Optional[Where]) -> None:
        self._plan = plan
        self._operation = operation
        self._where = where

    def fail(self, error_code: str, message: Optional[str] = None, *, times: int = 1) -> FaultRule:
        """The next ``times`` matching calls fail with this AWS error code and its real HTTP status."""
        rule = FaultRule(self._operation, self._where, errors.error_class(error_code), message, _times(times))
        return self._plan.add(rule)

    def disconnect(self, *, times: int = 1) -> FaultRule:
        """The next ``times`` matching calls lose their connection (botocore sees ConnectionClosedError)."""
        return self._plan.add(FaultRule(self._operation, self._where, None, None, _times(times)))


class DeploymentRuleBuilder:
    """The second half of ``faults.on_deployment(...)``."""

    def __init__(self, plan: FaultPlan, workspace_id: Optional[str], application_id: Optional[str]) -> None:
        self._plan = plan
        self._workspace_id = workspace_id
        self._application_id = application_id

    def fail(self, error_code: str, message: Optional[str] = None, *, times: int = 1) -> DeploymentFault:
        """The next ``times`` matching installs or uninstalls end in ERROR with ``error_code``."""
        from ._service import service_model

        codes = service_model().shape_for("AssociationErrorCode").enum
        if error_code not in codes:
            raise ValueError(f"{error_code!r} is not an AssociationErrorCode; use one of {', '.join(codes)}")
        rule = DeploymentFault(self._workspace_id, self._application_id, error_code, message, _times(times))
        return self._plan.add_deployment(rule)


def _times(times: int) -> int:
    if times < 1:
        raise ValueError(f"times must be at least 1; got {times}")
    return times


class FaultPlan:
    """The fault rules of one backend."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._deployments: list[DeploymentFault] = []
        self._lock = threading.Lock()

    def on(self, operation: str, where: Optional[Where] = None) -> RuleBuilder:
        """Start a rule for ``operation`` (an API name, or ``"*"`` for every operation)."""
        if operation != "*":
            from ._service import service_model

            if operation not in service_model().operation_names:
                raise ValueError(f"{operation!r} is not a WorkSpaces operation")
        return RuleBuilder(self, operation, where)

    def on_deployment(
        self, workspace_id: Optional[str] = None, application_id: Optional[str] = None
    ) -> DeploymentRuleBuilder:
        """Start a rule for the next install or uninstall of this WorkSpace and/or application."""
        return DeploymentRuleBuilder(self, workspace_id, application_id)

    def add(self, rule: FaultRule) -> FaultRule:
        """Append an API rule (used by the builders)."""
        with self._lock:
            self._rules.append(rule)
        return rule

    def add_deployment(self, rule: DeploymentFault) -> DeploymentFault:
        """Append a deployment rule (used by the builders)."""
        with self._lock:
            self._deployments.append(rule)
        return rule

    def peek(self, operation: str, params: Mapping[str, Any]) -> Optional[FaultRule]:
        """The rule that would fire for this call, without using it up."""
        if not self._rules:
            return None
        with self._lock:
            return next((r for r in self._rules if r.matches(operation, params)), None)

    def fire(self, operation: str, params: Mapping[str, Any]) -> None:
        """Use up the first matching rule, raising its error or :class:`Disconnect`; else do nothing."""
        if not self._rules:
            return
        with self._lock:
            rule = next((r for r in self._rules if r.matches(operation, params)), None)
            if rule is None:
                return
            rule.remaining -= 1
            rule.fired += 1
        if rule.error is None:
            raise Disconnect(f"workspaces_fake dropped the connection for {operation}")
        raise rule.error(rule.message)

    def take_deployment(self, workspace_id: str, application_id: str) -> Optional[DeploymentFault]:
        """Use up the first deployment rule for this pair and return it, or None."""
        if not self._deployments:
            return None  # the usual case, answered without the lock
        with self._lock:
            for rule in self._deployments:
                if rule.matches(workspace_id, application_id):
                    rule.remaining -= 1
                    rule.fired += 1
                    return rule
        return None

    def pending(self) -> list[str]:
        """Descriptions of the rules that still have uses left, API rules first."""
        with self._lock:
            rules: list[FaultRule | DeploymentFault] = [*self._rules, *self._deployments]
            return [rule.describe() for rule in rules if rule.remaining > 0]

    def clear(self) -> None:
        """Drop every rule."""
        with self._lock:
            self._rules.clear()
            self._deployments.clear()
