#!/bin/sh
# Refresh the translation sources from the interface code, then compile them.
#   1. pyside6-lupdate collects every self.tr()/translate() string of medvault/gui (French
#      source text) into resources/translations/medvault_en.ts, keeping existing translations;
#   2. translate the new entries with pyside6-linguist (or by editing the .ts XML);
#   3. pyside6-lrelease compiles the .ts into the .qm the application loads.
# Commit both the .ts and the .qm.
set -eu
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
"$bin/pyside6-lupdate" medvault/gui/*.py \
    -source-language fr_FR -target-language en -no-obsolete -locations relative \
    -ts resources/translations/medvault_en.ts
"$bin/pyside6-lrelease" resources/translations/medvault_en.ts \
    -qm resources/translations/medvault_en.qm
