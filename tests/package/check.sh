#!/usr/bin/env bash
# Check a built .deb without installing it: unpack it into a temporary root,
# validate its launcher (desktop-file-validate) and AppStream metainfo
# (appstreamcli validate --no-net), check what it installs, then start the
# unpacked binary under Xvfb on a fresh data folder and see the first-run
# screen (tests/package/first-run.test.mjs, through tauri-driver).
#   tests/package/check.sh PATH/TO/amends_VERSION_amd64.deb
set -euo pipefail
DEB="$(realpath "$1")"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
for cmd in dpkg-deb desktop-file-validate appstreamcli Xvfb tauri-driver WebKitWebDriver node; do
  command -v "$cmd" >/dev/null || { echo "package: $cmd is not installed (make deps-test)" >&2; exit 1; }
done

# shellcheck source=../e2e/display.sh
source "$ROOT/tests/e2e/display.sh"
start_work package
PKG="$WORK/root"
dpkg-deb -x "$DEB" "$PKG"
echo "Unpacked $(basename "$DEB"): $(dpkg-deb -f "$DEB" Package) $(dpkg-deb -f "$DEB" Version), depends: $(dpkg-deb -f "$DEB" Depends)"

fail() { echo "package: $*" >&2; exit 1; }
dpkg-deb -f "$DEB" Depends | grep -q 'libwebkit2gtk-4.1-0' || fail "WebKitGTK 4.1 is not among the package's dependencies"
[[ -x "$PKG/usr/bin/amends-app" ]] || fail "usr/bin/amends-app is missing"
[[ -x "$PKG/usr/bin/amends" ]] || fail "the amends CLI is not installed beside the app"
"$PKG/usr/bin/amends" --version | grep -q "$(dpkg-deb -f "$DEB" Version)" || fail "the CLI's version is not the package's"
desktop=("$PKG"/usr/share/applications/*.desktop)
[[ -f "${desktop[0]}" ]] || fail "no .desktop launcher"
desktop-file-validate "${desktop[0]}"
grep -q '^Categories=Office;' "${desktop[0]}" || fail "the launcher is not in the Office category"
grep -q '^Exec=amends-app' "${desktop[0]}" || fail "the launcher does not start amends-app"
appstreamcli validate --no-net --explain "$PKG/usr/share/metainfo/dev.amends.desktop.metainfo.xml"
grep -q "<launchable type=\"desktop-id\">$(basename "${desktop[0]}")</launchable>" "$PKG/usr/share/metainfo/dev.amends.desktop.metainfo.xml" \
  || fail "the metainfo's launchable is not $(basename "${desktop[0]}")"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  ls "$PKG/usr/share/icons/hicolor/$size/apps/"*.png >/dev/null 2>&1 || fail "no $size icon"
done

# The unpacked binary, on a fresh data folder: the first-run screen.
start_xvfb package
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
native="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
env DISPLAY=":$DISPLAY_NUM" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache" \
  tauri-driver --port "$port" --native-port "$native" >"$WORK/driver.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$ROOT/tests/e2e/artifacts"
E2E_PORT="$port" E2E_APP="$PKG/usr/bin/amends-app" E2E_ARTIFACTS="$ROOT/tests/e2e/artifacts" \
  node --test --test-reporter=spec "$ROOT/tests/package/first-run.test.mjs" || { tail -20 "$WORK/driver.log" >&2; exit 1; }
echo "Package checks passed."
