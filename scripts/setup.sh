#!/usr/bin/env bash
# Set up everything Tiered Workstation needs on a Debian machine:
#   * Debian packages (dcmtk peers, Qt's xcb/EGL libraries, a CJK font, Xvfb,
#     poppler) when missing and running as root;
#   * a local virtual environment in .venv with the pinned Python packages.
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[setup] %s\n' "$*" >&2; }

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

DEB_PACKAGES=(
    dcmtk                       # storescu/findscu/movescu/...: reference DICOM peers in tests
    libegl1 libgl1              # VTK offscreen (EGL + Mesa)
    libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
    libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1   # Qt xcb platform
    fonts-wqy-microhei          # Chinese glyphs on screen and in PDFs
    poppler-utils               # pdftoppm/pdftotext to check printed reports
    xvfb                        # virtual display for the Qt-embedded VTK test
    postgresql                  # tests prove the schema and workflow on PostgreSQL too
    orthanc curl                # tests/interop: Orthanc as an independent peer (REST by curl)
    iproute2                    # ip netns: Orthanc runs in a loopback-only namespace
    libpulse0                   # QtMultimedia (lesson recording and playback) links to it
    ffmpeg                      # ffprobe checks the codec and duration of recorded lessons
    dpkg-dev lintian            # installers/: the .deb is built and checked
    desktop-file-utils appstream systemd   # ... its desktop entry, metainfo and unit
)

install_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { log "not a Debian system: skipping system packages"; return 0; }
    local missing=() pkg
    for pkg in "${DEB_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing Debian packages: ${missing[*]}"
        # services (Orthanc, PostgreSQL) must not start listening on their own: the tests
        # start them with temporary configurations where nobody else can reach them
        local guard=""
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
            chmod +x /usr/sbin/policy-rc.d
            guard=/usr/sbin/policy-rc.d
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        if [ -n "$guard" ]; then rm -f "$guard"; fi
    else
        log "WARNING: missing Debian packages (run as root to install): ${missing[*]}"
    fi
}

PY="$(find_python)" || { log "Python 3.11 or newer is required (apt-get install python3)"; exit 1; }
extra=()
if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    extra+=("python3-venv")
fi
install_debian_packages "${extra[@]}"

if [ ! -x .venv/bin/python ]; then
    log "creating .venv with $("$PY" --version)"
    "$PY" -m venv .venv
fi

stamp=.venv/.tiered-installed
want="$(cat requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages (pinned in requirements/lock.txt)"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements/lock.txt
    .venv/bin/python -m pip install --quiet --no-deps -e .
    echo "$want" > "$stamp"
fi
# what the package loads at run time (translations, sounds, icons) from resources/
.venv/bin/python scripts/build_resources.py --quiet
