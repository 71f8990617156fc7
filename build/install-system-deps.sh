#!/usr/bin/env bash
# Debian packages the tests need and npm cannot provide: Chromium for e2e (Playwright never downloads a
# browser here), poppler-utils to read PDFs, Debian's python3-openpyxl as an independent XLSX reader, and
# the sqlite3 shell as a bench baseline. Installs only what is missing; needs root (or sudo) for apt-get.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || missing+=(python3 python3-openpyxl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present" >&2
  exit 0
fi

echo "system packages: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
else
  echo "Please install these Debian packages as root, then run again: ${missing[*]}" >&2
  exit 2
fi
