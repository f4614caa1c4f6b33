#!/usr/bin/env bash
# Refresh the translation sources from the Qt code, then compile them.
# Translate new entries in the .ts file (Qt Linguist: .venv/bin/pyside6-linguist FILE)
# between the two steps; tests fail while an entry is unfinished or the .qm is stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
folder=src/tiered_workstation/qt/translations
mapfile -t sources < <(find src/tiered_workstation/qt -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -ts "$folder/tiered_workstation_zh_CN.ts" -no-obsolete
.venv/bin/pyside6-lrelease "$folder/tiered_workstation_zh_CN.ts"
