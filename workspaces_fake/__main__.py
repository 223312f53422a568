"""``python -m workspaces_fake demo``: drive a whole scenario through boto3 against the fake."""

from __future__ import annotations

import sys

from .demo import main

if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        from .server.cli import main as serve

        sys.exit(serve(sys.argv[2:]))
    sys.exit(main(sys.argv[1:]))
