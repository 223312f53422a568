"""Handlers, one module per resource family; importing this package registers them all."""

from __future__ import annotations

from . import (
    account,
    account_links,
    aliases,
    applications,
    branding,
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
    "account",
    "account_links",
    "aliases",
    "applications",
    "branding",
    "bundles",
    "directories",
    "images",
    "ip_groups",
    "pools",
    "tags",
    "workspaces",
    "workspaces_lifecycle",
]
