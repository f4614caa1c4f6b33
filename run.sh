#!/usr/bin/env bash
# Set everything up, then run the main job on an embedded SQLite database: the desktop
# app over a demo center when a display exists, else the headless two-site demo.
# Extra arguments go to `tiered-ws demo` (e.g. --data-dir /tmp/tw-demo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
exec .venv/bin/tiered-ws demo --desk "$@"
