"""The bundle's entry point: the same command line as the `tiered-ws` script."""

import multiprocessing
import sys

from tiered_workstation.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
