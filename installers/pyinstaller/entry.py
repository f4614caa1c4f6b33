"""The bundle's entry point: the same command line as the `tiered-ws` script.

The bundle has two launchers of it: ``tiered-ws`` (a console program: every command)
and ``tiered-ws-gui`` (no console window on Windows), which opens the desktop when
started with no command, as a Start-menu shortcut does.
"""

import multiprocessing
import sys
from pathlib import Path

from tiered_workstation.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if Path(sys.executable).stem == "tiered-ws-gui" and len(sys.argv) == 1:
        sys.argv.append("gui")
    sys.exit(main())
