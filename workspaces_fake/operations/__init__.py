"""Handlers, one module per resource family; importing this package registers them all."""

from __future__ import annotations

from . import applications, bundles, directories, images, pools, tags, workspaces

__all__ = ["applications", "bundles", "directories", "images", "pools", "tags", "workspaces"]
