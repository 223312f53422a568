"""Handlers, one module per resource family; importing this package registers them all."""

from __future__ import annotations

from . import account, account_links, applications, bundles, directories, images, tags, workspaces

__all__ = [
    "account",
    "account_links",
    "applications",
    "bundles",
    "directories",
    "images",
    "tags",
    "workspaces",
]
