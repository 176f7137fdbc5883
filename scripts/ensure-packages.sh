#!/usr/bin/env bash
# Installs the Debian packages MissionPlanner needs, if they are missing.
#   scripts/ensure-packages.sh run    Chromium and the DejaVu fonts (PDF documents; page numbers are stamped in DejaVu Sans)
#   scripts/ensure-packages.sh test   PostgreSQL, python3-aiosmtpd, Chromium, poppler-utils, python3-icalendar
#   scripts/ensure-packages.sh bench  the test packages and coinor-cbc (the exact solver the scheduling benchmark compares with)
# Uses apt-get when root, sudo when available, and otherwise prints the exact command to run.
set -euo pipefail

want=(chromium fonts-dejavu-core)
if [ "${1:-run}" = "test" ] || [ "${1:-run}" = "bench" ]; then
  want+=(postgresql python3-aiosmtpd poppler-utils python3-icalendar)
fi
if [ "${1:-run}" = "bench" ]; then
  want+=(coinor-cbc)
fi

has() {
  case "$1" in
    chromium) command -v chromium >/dev/null 2>&1 ;;
    postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null ;;
    python3-aiosmtpd) /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 ;;
    python3-icalendar) /usr/bin/python3 -c "import icalendar" >/dev/null 2>&1 ;;
    poppler-utils) command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 ;;
    coinor-cbc) command -v cbc >/dev/null 2>&1 ;;
    fonts-dejavu-core) [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ;;
    *) dpkg -s "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for p in "${want[@]}"; do
  has "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
cmd=(apt-get install -y -q --no-install-recommends "${missing[@]}")
if [ "$(id -u)" = 0 ]; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${cmd[@]}" >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -q >&2
  sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}" >&2
else
  echo "Please install them first:  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
