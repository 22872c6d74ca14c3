#!/usr/bin/env bash
# Set up everything PlayAisle needs on a Debian 12 store PC or CI machine:
# system packages, npm packages, the demo footage and the built screens.
# Safe to run again: each step is skipped when its result is already there.
#
# Usage: bash scripts/setup.sh [--no-build]
set -euo pipefail

cd "$(dirname "$0")/.."
root_dir=$(pwd)
data_dir=${PLAYAISLE_DATA_DIR:-$root_dir/data}
build_screens=1
[ "${1:-}" = "--no-build" ] && build_screens=0

log() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# 1. System packages: ffmpeg decodes the cameras, Chromium runs the browser
#    tests, and a CJK font lets screens and screenshots show Chinese.
apt_packages=()
command -v ffmpeg >/dev/null 2>&1 || apt_packages+=(ffmpeg)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk' || apt_packages+=(fonts-wqy-microhei)
if [ ${#apt_packages[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing system packages (${apt_packages[*]}); run as root or install them with apt-get."
  log "installing ${apt_packages[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# 2. npm packages, reinstalled only when package-lock.json changed.
lock_hash=$(sha256sum package-lock.json | cut -c1-16)
stamp=node_modules/.playaisle-lock-$lock_hash
if [ ! -f "$stamp" ]; then
  log "installing npm packages (npm ci; better-sqlite3 may compile for about a minute)"
  npm ci --no-audit --no-fund
  touch "$stamp"
fi

# 3. Demo footage: OpenCV's sample pedestrian video from Debian's opencv-doc
#    package. Only this one file is kept; it is never committed.
sample="$data_dir/samples/vtest.avi"
if [ ! -s "$sample" ]; then
  log "fetching the demo video (vtest.avi from Debian's opencv-doc package)"
  mkdir -p "$data_dir/samples"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download -qq opencv-doc >/dev/null 2>&1) \
    || { apt-get update -qq && (cd "$work" && apt-get download -qq opencv-doc >/dev/null 2>&1); } \
    || fail "could not download Debian's opencv-doc package; check that Debian's archive is reachable."
  dpkg-deb --fsys-tarfile "$work"/opencv-doc_*.deb \
    | tar -x -C "$work" --wildcards '*/examples/data/vtest.avi'
  mv "$work"/usr/share/doc/opencv-doc/examples/data/vtest.avi "$sample.part"
  mv "$sample.part" "$sample"
  log "demo video saved to $sample"
fi

# 4. The kiosk and dashboard, built once into dist/renderer.
if [ "$build_screens" = 1 ]; then
  log "building the kiosk and dashboard screens"
  npx vite build --logLevel warn
fi

log "done"
