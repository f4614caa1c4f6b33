"""Exit codes and error output shared by the command modules."""

from __future__ import annotations

import sys

EXIT_FAILED, EXIT_USAGE = 1, 2


def err(message: str) -> None:
    print(message, file=sys.stderr)
