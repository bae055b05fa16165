#!/usr/bin/env bash
# Set up (first time only) and run the whole test suite. Extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
apt_install "${APT_RUNTIME[@]}" "${APT_TEST[@]}"
ensure_venv test
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
