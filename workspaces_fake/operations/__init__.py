"""Handlers, one module per resource family; importing this package registers them all."""

from __future__ import annotations

from . import applications, branding, bundles, directories, images, tags, workspaces

__all__ = ["applications", "branding", "bundles", "directories", "images", "tags", "workspaces"]
