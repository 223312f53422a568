"""Handlers, one module per resource family; importing this package registers them all."""

from __future__ import annotations

from . import (
    aliases,
    applications,
    bundles,
    directories,
    images,
    ip_groups,
    pools,
    tags,
    workspaces,
    workspaces_lifecycle,
)

__all__ = [
    "aliases",
    "applications",
    "bundles",
    "directories",
    "images",
    "ip_groups",
    "pools",
    "tags",
    "workspaces",
    "workspaces_lifecycle",
]
