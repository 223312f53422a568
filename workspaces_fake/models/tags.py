"""Tags on WorkSpaces resources: the rules every tagging request follows, in one place.

Tags are kept in ``backend.tags`` (resource id -> {key: value}) so resources stay lean; a resource that
goes away takes its tags with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InvalidParameterValuesException, ResourceLimitExceededException

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

MAX_TAGS = 50
RESERVED_PREFIX = "aws:"


@dataclass(frozen=True)
class Tag:
    """API shape ``Tag``."""

    key: str
    value: str


def tags_from_request(tags: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The tags of a request as a dict; InvalidParameterValuesException for reserved or repeated keys."""
    found: dict[str, str] = {}
    for tag in tags:
        key = str(tag["Key"])
        if key.lower().startswith(RESERVED_PREFIX):
            raise InvalidParameterValuesException(f"The tag key {key} uses the reserved prefix aws:.")
        if key in found:
            raise InvalidParameterValuesException(f"The tag key {key} appears more than once.")
        found[key] = str(tag.get("Value") or "")
    if len(found) > MAX_TAGS:
        raise InvalidParameterValuesException(f"A resource can have at most {MAX_TAGS} tags.")
    return found


def add_tags(backend: WorkspacesBackend, resource_id: str, tags: Mapping[str, str]) -> None:
    """Merge ``tags`` into the resource's; ResourceLimitExceededException past 50, changing nothing."""
    merged = {**backend.tags.get(resource_id, {}), **tags}
    if len(merged) > MAX_TAGS:
        raise ResourceLimitExceededException(
            f"The resource {resource_id} would have {len(merged)} tags; the limit is {MAX_TAGS}."
        )
    if merged:
        backend.tags[resource_id] = merged


def tag_list(backend: WorkspacesBackend, resource_id: str) -> list[Tag]:
    """The resource's tags in the order they were added."""
    return [Tag(key, value) for key, value in backend.tags.get(resource_id, {}).items()]


def remove_tags(backend: WorkspacesBackend, resource_id: str, keys: Iterable[str]) -> None:
    """Remove the named keys; keys the resource does not have are ignored."""
    current = backend.tags.get(resource_id)
    if current is None:
        return
    for key in keys:
        current.pop(key, None)
    if not current:
        del backend.tags[resource_id]
