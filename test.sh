#!/usr/bin/env bash
# Set everything up, then run the whole test suite: lint, import contracts, tests.
# The core suite runs with PySide6/shiboken6/VTK made unimportable (TW_BLOCK_QT=1),
# which proves the core does not need them; Qt tests (tests/qt) run offscreen.
# Extra arguments go to the core pytest run (e.g. -k accession -x).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
export PYTHONDONTWRITEBYTECODE=1
echo "== ruff"
.venv/bin/ruff check src tests scripts installers bench
echo "== import contracts"
.venv/bin/lint-imports --no-cache
echo "== core tests (GUI toolkits blocked)"
TW_BLOCK_QT=1 .venv/bin/python -m pytest -p no:pytest-qt -W ignore::pytest.PytestConfigWarning \
    --ignore=tests/qt "$@"
if compgen -G "tests/qt/test_*.py" >/dev/null; then
    # One process per file, for now: a long single process crashed natively when the
    # garbage collector freed Qt objects on a worker thread; qt/gui_gc.py now keeps
    # collection on the GUI thread (README, Development).
    echo "== Qt tests (offscreen, one process per file)"
    failed=()
    for file in tests/qt/test_*.py; do
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$file" || failed+=("$file")
    done
    if ((${#failed[@]})); then
        echo "Qt tests failed in: ${failed[*]}" >&2
        exit 1
    fi
fi
