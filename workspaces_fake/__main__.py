"""``python -m workspaces_fake``: ``demo``, ``operations``, ``--version`` (see ``_cli``)."""

from __future__ import annotations

import sys

from ._cli import main

if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        from .server.cli import main as serve

        sys.exit(serve(sys.argv[2:]))
    sys.exit(main(sys.argv[1:]))
