#!/usr/bin/env bash
# The message catalogues, managed with Babel (README, "Languages").
#
#   bash scripts/i18n.sh            extract the strings and update every catalogue
#   bash scripts/i18n.sh init LANG  start a catalogue for a new language
#   bash scripts/i18n.sh check      compile every catalogue (to a temporary folder) and
#                                   show how much is translated
#
# The program reads the .po files at run time (workbook/text/i18n.py): there is
# nothing to build or commit besides them.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
POT=workbook/locale/workbook.pot
# No source locations: they change with every edit and only make merges harder.
COMMON=(--no-location --width 100)

extract() {
    "$PYBABEL" extract -F babel.cfg "${COMMON[@]}" --sort-output \
        --project "Recovery Workbook" --copyright-holder "Recovery Workbook" \
        --msgid-bugs-address "" -o "$POT" .
    # The creation date would make every extraction a change.
    sed -i '/^"POT-Creation-Date:/d' "$POT"
}

case "${1:-update}" in
    extract) extract ;;
    update)
        extract
        "$PYBABEL" update -i "$POT" -d workbook/locale -D workbook --width 100 \
            --ignore-obsolete
        sed -i '/^"POT-Creation-Date:/d' workbook/locale/*/LC_MESSAGES/workbook.po
        ;;
    init)
        extract
        "$PYBABEL" init -i "$POT" -d workbook/locale -D workbook -l "${2:?language code}" \
            --width 100
        ;;
    check)
        tmp="$(mktemp -d)"
        trap 'rm -rf "$tmp"' EXIT
        cp -r workbook/locale/. "$tmp/"
        "$PYBABEL" compile -d "$tmp" -D workbook --statistics
        ;;
    *) echo "usage: $0 [update|extract|init LANG|check]" >&2; exit 2 ;;
esac
