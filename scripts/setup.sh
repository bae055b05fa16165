# Sourced by scripts/run.sh and scripts/test.sh: makes sure this machine has
# what the program needs, then a .venv with the package installed.
# Safe to run again: it installs only what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

# Libraries Qt needs to open a window (xcb) or draw offscreen, and the venv module.
# "a|b" lists the names one package has on different releases (trixie renamed
# the 64-bit-time libraries: libglib2.0-0 is libglib2.0-0t64 there); any one
# of them installed is enough.
APT_RUNTIME=(libgl1 libegl1 libfontconfig1 libfreetype6 "libglib2.0-0t64|libglib2.0-0" libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libxcb-xfixes0 libx11-xcb1)
# Tools the tests use: pdffonts/pdftoppm, Xvfb for the real-window test, and CUPS
# with a cups-pdf queue for the printing test (its own private cupsd).
APT_TEST=(poppler-utils xvfb xauth cups cups-client printer-driver-cups-pdf)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# The name of "a|b|..." this release knows (its package lists), else the last one.
release_name() {
  local alternatives choice
  IFS='|' read -r -a alternatives <<< "$1"
  for choice in "${alternatives[@]}"; do
    if apt-cache show "$choice" >/dev/null 2>&1; then echo "$choice"; return; fi
  done
  echo "${alternatives[-1]}"
}

apt_install() {
  local missing=() entry choice found alternatives
  for entry in "$@"; do
    found=""
    IFS='|' read -r -a alternatives <<< "$entry"
    for choice in "${alternatives[@]}"; do
      if installed "$choice"; then found="$choice"; break; fi
    done
    [ -n "$found" ] || missing+=("$entry")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install these system packages: ${missing[*]}" >&2
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: not root and no sudo; please install: ${missing[*]}" >&2
      return 0
    fi
  fi
  $sudo apt-get update -qq >/dev/null
  local names=()
  for entry in "${missing[@]}"; do names+=("$(release_name "$entry")"); done
  echo "setup: installing system packages: ${names[*]}" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${names[@]}" >/dev/null
}

ensure_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
      # Debian and Ubuntu ship venv separately (python3.X-venv).
      rm -rf "$VENV"
      local ver
      ver="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
      apt_install "python${ver}-venv"
      "$PYTHON" -m venv "$VENV"
    fi
  fi
  # Reinstall only when the project's requirements changed.
  local stamp="$VENV/.installed-$extras"
  local want
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing Recovery Workbook into .venv" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    echo "$want" > "$stamp"
  fi
  # Compile the package's bytecode now: where PYTHONDONTWRITEBYTECODE is set,
  # Python never writes it, and every start would compile ~80 modules from
  # source (about 70 ms of each `build`). Up-to-date files are skipped.
  "$VENV/bin/python" -m compileall -q -j 0 "$ROOT/workbook" >/dev/null
  # Keep the two body fonts parsed (workbook/pdf/fontcache.py, ~20 ms a build),
  # the templates compiled (workbook/text/templates.py, ~10 ms) and the
  # catalogues compiled to .mo (workbook/text/i18n.py, ~20 ms of a Spanish
  # start); see workbook/text/cachefiles.py. One process for the three.
  "$VENV/bin/python" -c "
from workbook.pdf.fonts import cache_body_fonts
from workbook.text.i18n import compile_catalogues
from workbook.text.templates import compile_templates
cache_body_fonts(); compile_templates(); compile_catalogues()"
}
