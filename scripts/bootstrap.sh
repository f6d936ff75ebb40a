# Shared set-up for scripts/start-app and scripts/run-tests (sourced, not run).
# Installs the Debian packages the app and its tests need (only when run as root,
# only those missing), then creates .venv and installs the project into it.
# A stamp holding the hash of pyproject.toml skips the pip step when nothing changed.
set -euo pipefail

HV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HV_VENV="${HV_VENV:-$HV_ROOT/.venv}"

# Qt offscreen/xcb runtime, the OS key store, a virtual screen and PDF-to-PNG for tests.
HV_DEBIAN_PACKAGES=(
  python3-venv libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  dbus gnome-keyring xvfb xauth poppler-utils fonts-dejavu-core
  chromium postgresql
)
HV_DEBIAN_PACKAGES+=(${HV_EXTRA_DEBIAN_PACKAGES:-})

hv_install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in "${HV_DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages (run as root, or: sudo apt-get install ${missing[*]})" >&2
  fi
}

hv_make_venv() {
  local extras="$1" stamp want
  want="$(cat "$HV_ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$extras"
  stamp="$HV_VENV/.homevisit-installed"
  if [ ! -x "$HV_VENV/bin/python" ]; then
    python3 -m venv "$HV_VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$HV_VENV/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    "$HV_VENV/bin/python" -m pip install -q -e "$HV_ROOT[$extras]"
    echo "$want" > "$stamp"
  fi
  # An editable install leaves our own modules uncompiled; a packaged install compiles them.
  # Compile now (only what changed) so the first import of a screen's module does not spend
  # tens of milliseconds compiling on the GUI thread.
  "$HV_VENV/bin/python" -m compileall -q -j 0 "$HV_ROOT/app" "$HV_ROOT/assessments" \
    "$HV_ROOT/ui" "$HV_ROOT/fcsync" "$HV_ROOT/gateway" >/dev/null
}
