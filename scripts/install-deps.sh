#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine of this project's kind.
# Idempotent: each step checks first and returns quickly when its part is already there.
# Pins: Dear ImGui from Debian's source archive (version + sha256 below), playwright-core from
# tests/browser/package-lock.json. A missing or changed upstream fails with a clear message.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
THIRD=${ZJ_THIRD_PARTY:-$here/.third_party}   # outside the tracked tree (.gitignore)


APT_PKGS="emscripten nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev chromium fonts-wqy-microhei fonts-noto-cjk python3-fonttools python3-pil xz-utils dpkg-dev clang-14 libclang-rt-14-dev"

log() { printf '[deps] %s\n' "$*"; }
die() { printf '[deps] ERROR: %s\n' "$*" >&2; exit 1; }

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian binary packages ------------------------------------------------------------------
missing=()
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  sudo_ apt-get update -qq
  sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

command -v node >/dev/null && command -v npm >/dev/null ||
  die "Node.js and npm are needed (this machine kind ships Node.js 20 with npm); install them first"

# 2. Third-party sources from Debian's source archive, each pinned to a version and the sha256 of its
#    upstream tarball, unpacked under $THIRD (outside the tracked tree).
SRC_LIST=/etc/apt/sources.list.d/zhengjian-src.sources
SRC_SUITES="bookworm forky sid"   # bookworm matches the binary packages; forky/sid hold newer ImGui
ensure_deb_src() {
  if ! grep -q "Suites: $SRC_SUITES" "$SRC_LIST" 2>/dev/null; then
    sudo_ tee "$SRC_LIST" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $SRC_SUITES
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    sudo_ apt-get update -qq
  fi
}
# fetch_source PACKAGE VERSION ORIG_TARBALL SHA256 DEST_DIR_NAME
fetch_source() {
  local pkg=$1 ver=$2 orig=$3 sha=$4 dest="$THIRD/$5"
  if [ -f "$dest/.zj-pinned-$sha" ]; then log "$pkg $ver present"; return; fi
  log "fetching $pkg $ver from Debian's source archive"
  ensure_deb_src
  local work; work=$(mktemp -d)
  # Only the orig tarball is needed (its sha256 is checked below); some mirrors serve it but not the .dsc.
  ( cd "$work" && apt-get source --download-only "$pkg=$ver" >/dev/null 2>&1 ) || [ -f "$work/$orig" ] || {
    sudo_ apt-get update -qq
    ( cd "$work" && apt-get source --download-only "$pkg=$ver" >/dev/null 2>&1 ) ||
      die "$pkg $ver is no longer in Debian's source archive (suites: $SRC_SUITES). Pick a new pin in scripts/install-deps.sh."
  }
  [ -f "$work/$orig" ] || die "expected $orig from Debian, got: $(ls "$work")"
  local got; got=$(sha256sum "$work/$orig" | cut -d' ' -f1)
  [ "$got" = "$sha" ] || die "$orig has sha256 $got, pinned $sha: upstream changed, refusing it"
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$work/$orig" -C "$dest" --strip-components=1
  touch "$dest/.zj-pinned-$sha"
  rm -rf "$work"
}
fetch_source imgui 1.92.2b+ds-1 imgui_1.92.2b+ds.orig.tar.xz \
  e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48 imgui
[ -f "$THIRD/imgui/imgui.cpp" ] || die "unpacked ImGui has no imgui.cpp"
fetch_source benchmark 1.7.1-1 benchmark_1.7.1.orig.tar.gz \
  6430e4092653380d9dc4ccb45a1e2dc9259d581f4866dc0759713126056bc1d7 benchmark
fetch_source mbedtls 2.28.3-1 mbedtls_2.28.3.orig.tar.gz 3b4953aa55a681e084d31892d9904cc5328d6b4958ea57b90ae4b4f94ae69a8d mbedtls
fetch_source qr-code-generator 1.8.0-1.1 qr-code-generator_1.8.0.orig.tar.gz 2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60 qrcodegen

# 3. npm packages for the browser tests, from the committed lock file ----------------------------
if [ -f "$here/tests/browser/package-lock.json" ]; then
  lock="$here/tests/browser/package-lock.json"
  stamp="$here/tests/browser/node_modules/.zj-lock-sha"
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "npm packages present"
  else
    log "installing npm packages (npm ci)"
    ( cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error ) || die "npm ci failed in tests/browser"
    echo "$want" > "$stamp"
  fi
fi
# 4. npm packages bundled into the app (jsQR, the camera QR decoder where BarcodeDetector is missing),
#    from web/package-lock.json; web/build.mjs inlines them into both outputs.
if [ -f "$here/web/package-lock.json" ]; then
  lock="$here/web/package-lock.json"
  stamp="$here/web/node_modules/.zj-lock-sha"
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "web npm packages present"
  else
    log "installing web npm packages (npm ci)"
    ( cd "$here/web" && npm ci --no-audit --no-fund --loglevel=error ) || die "npm ci failed in web"
    echo "$want" > "$stamp"
  fi
fi
log "ok"
