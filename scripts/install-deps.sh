#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine of this project's kind.
# Idempotent: each step checks first and returns quickly when its part is already there.
# Pins: Dear ImGui from Debian's source archive (version + sha256 below), playwright-core from
# tests/browser/package-lock.json. A missing or changed upstream fails with a clear message.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
THIRD=${ZJ_THIRD_PARTY:-$here/.third_party}   # outside the tracked tree (.gitignore)


APT_PKGS="emscripten nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev chromium fonts-wqy-microhei fonts-noto-cjk python3-fonttools python3-pil xz-utils dpkg-dev clang-14 libclang-rt-14-dev firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth libreoffice-calc-nogui"

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

# The cross-engine browser run (make test-engines) drives WebKitGTK's MiniBrowser, which Debian ships in
# libwebkit2gtk-4.1-0's library folder rather than on PATH.
minibrowser=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/webkit2gtk-4.1/MiniBrowser
[ -x "$minibrowser" ] || die "$minibrowser is missing (package libwebkit2gtk-4.1-0): the WebKit browser tests need it"

command -v node >/dev/null && command -v npm >/dev/null ||
  die "Node.js and npm are needed (this machine kind ships Node.js 20 with npm); install them first"

# 2. Third-party sources from Debian's source archive, each pinned to a version and the sha256 of its
#    upstream tarball, unpacked under $THIRD (outside the tracked tree).
# Where apt reads its sources (normally /etc/apt/sources.list and /etc/apt/sources.list.d/).
eval "$(apt-config shell APT_SOURCE_LIST Dir::Etc::sourcelist/f APT_SOURCE_PARTS Dir::Etc::sourceparts/d)"
APT_SOURCE_PARTS=${APT_SOURCE_PARTS%/}
SRC_LIST=$APT_SOURCE_PARTS/zhengjian-src.sources
SRC_SUITES="bookworm forky sid"   # bookworm matches the binary packages; forky/sid hold newer ImGui
# The machine's own Debian archive, read from apt's configuration: the first enabled entry whose suite is this
# release's codename (deb822 stanzas in sources.list.d/*.sources, then one-line entries in sources.list and
# sources.list.d/*.list). Prints "URIs: ..." and, when the entry names a
# keyring, "Signed-By: ..." (a path, fingerprints or an inline key block, copied as written).
debian_archive() {
  local codename f
  codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || die "cannot tell this Debian release's codename (VERSION_CODENAME in /etc/os-release)"
  for f in "$APT_SOURCE_PARTS"/*.sources; do
    [ -f "$f" ] && [ "$f" != "$SRC_LIST" ] || continue
    awk -v want="$codename" '
      BEGIN { RS = ""; FS = "\n" }
      {
        split("", val); key = ""; signed = ""
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^#/) continue
          if (line ~ /^[ \t]/) {                      # continuation of a multi-line field
            if (key == "signed-by") signed = signed "\n" line; else val[key] = val[key] " " line
            continue
          }
          p = index(line, ":"); if (!p) continue
          key = tolower(substr(line, 1, p - 1)); v = substr(line, p + 1)
          sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v)
          val[key] = v
          if (key == "signed-by") signed = v
        }
        if (tolower(val["enabled"]) == "no" || val["uris"] == "") next
        okt = 0; n = split(val["types"], t, /[ \t]+/); for (j = 1; j <= n; j++) if (t[j] == "deb" || t[j] == "deb-src") okt = 1
        oks = 0; n = split(val["suites"], s, /[ \t]+/); for (j = 1; j <= n; j++) if (s[j] == want) oks = 1
        if (okt && oks) {
          print "URIs: " val["uris"]
          if (signed != "") print "Signed-By:" (signed ~ /^\n/ ? "" : " ") signed
          found = 1; exit
        }
      }
      END { exit !found }' "$f" && return 0
  done
  for f in "$APT_SOURCE_LIST" "$APT_SOURCE_PARTS"/*.list; do
    [ -f "$f" ] || continue
    awk -v want="$codename" '
      {
        line = $0; sub(/#.*/, "", line); sub(/^[ \t]+/, "", line)
        if (line !~ /^deb(-src)?[ \t]/) next
        sub(/^deb(-src)?[ \t]+/, "", line); opts = ""
        if (substr(line, 1, 1) == "[") { p = index(line, "]"); opts = substr(line, 2, p - 2); line = substr(line, p + 1); sub(/^[ \t]+/, "", line) }
        n = split(line, w, /[ \t]+/)
        if (n < 2 || w[2] != want) next
        signed = ""; m = split(opts, o, /[ \t]+/)
        for (j = 1; j <= m; j++) if (tolower(o[j]) ~ /^signed-by=/) signed = substr(o[j], 11)
        print "URIs: " w[1]; if (signed != "") print "Signed-By: " signed; found = 1; exit
      }
      END { exit !found }' "$f" && return 0
  done
  die "no Debian archive for $codename in apt's configuration ($APT_SOURCE_PARTS/*.sources, $APT_SOURCE_LIST, $APT_SOURCE_PARTS/*.list): the pinned sources are fetched from the archive the machine installs its packages from; configure it first"
}
# A deb-src entry for $SRC_SUITES on the machine's own archive and keyring; rewritten (and apt updated) only
# when it differs from what it should be.
ensure_deb_src() {
  local archive want
  archive=$(debian_archive)
  want="Types: deb-src
$(grep '^URIs:' <<<"$archive")
Suites: $SRC_SUITES
Components: main"
  if grep -q '^Signed-By:' <<<"$archive"; then want+=$'\n'$(sed -n '/^Signed-By:/,$p' <<<"$archive"); fi
  if [ "$(cat "$SRC_LIST" 2>/dev/null)" != "$want" ]; then
    log "deb-src entry $SRC_LIST ($(grep '^URIs:' <<<"$archive"), suites $SRC_SUITES)"
    printf '%s\n' "$want" | sudo_ tee "$SRC_LIST" >/dev/null
    sudo_ apt-get update -qq ||
      die "apt-get update failed with the deb-src entry $SRC_LIST (suites $SRC_SUITES on the machine's Debian archive); see apt's message above"
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
