#!/usr/bin/env bash
# Set up (first time only) and run Recovery Workbook.
#   bash scripts/run.sh              opens the desktop program, or, with no display,
#                                    renders the sample workbook to out/sample-workbook.pdf
#   bash scripts/run.sh COMMAND ...  runs a command-line command (build, blank, ...)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
apt_install "${APT_RUNTIME[@]}"
ensure_venv test
cd "$ROOT"
if [ $# -gt 0 ]; then
  exec "$VENV/bin/recovery-workbook" "$@"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$VENV/bin/recovery-workbook"
fi
mkdir -p out
"$VENV/bin/recovery-workbook" example -o out/sample-plan.json
"$VENV/bin/recovery-workbook" build out/sample-plan.json -o out/sample-workbook.pdf
echo "No display found, so the sample workbook was rendered instead:"
echo "  $ROOT/out/sample-workbook.pdf  (from the sample plan out/sample-plan.json)"
