#!/usr/bin/env bash
# Install what Amends needs to build, run and test, and nothing that is
# already there. Safe to run again. Works as root or as a user with sudo.
#   scripts/deps.sh build   - to build and run the app
#   scripts/deps.sh test    - also what the tests use (Xvfb, WebDriver, PDF tools)
set -euo pipefail
want=${1:-build}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

pkgs=(libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev build-essential
      libssl-dev pkg-config file curl ca-certificates)
if [ "$want" = test ]; then
  pkgs+=(xvfb webkit2gtk-driver poppler-utils qpdf imagemagick xauth unzip cups cups-filters printer-driver-cups-pdf python3 python3-icalendar dunst dbus desktop-file-utils appstream
        postgresql openssl)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Vite 8 needs Node 20.19 or newer.
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?1:0)')
if [ "$node_ok" != 1 ]; then
  echo "Amends' UI build needs Node.js 20.19 or newer; this machine has $(node --version)." >&2
  echo "Install a newer Node.js (for example from NodeSource) and run this again." >&2
  exit 1
fi

if ! command -v cargo >/dev/null; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "Installing the Rust toolchain with rustup (needs Rust 1.89 or newer)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "Installing the UI's npm packages"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
fi
