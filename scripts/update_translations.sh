#!/usr/bin/env bash
# Refresh the translation source (resources/translations/*.ts) from the Qt code, then
# compile it into the package (scripts/build_resources.py).
# Translate new entries in the .ts file (Qt Linguist: .venv/bin/pyside6-linguist FILE)
# between the two steps; tests fail while an entry is unfinished or the .qm is stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source=resources/translations/tiered_workstation_zh_CN.ts
mapfile -t sources < <(find src/tiered_workstation/qt -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -ts "$source" -no-obsolete
.venv/bin/python scripts/build_resources.py --quiet
