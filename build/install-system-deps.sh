#!/usr/bin/env bash
# Debian packages the tests need and npm cannot provide: Chromium for e2e (Playwright never downloads a
# browser here), poppler-utils to read PDFs, Debian's python3-openpyxl as an independent XLSX reader, and
# the sqlite3 shell as a bench baseline, 7-Zip (p7zip-full) to open encrypted exports. Installs only what is missing; needs root (or sudo) for apt-get.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
# 7-Zip: password-encrypted exports (AES-256 ZIP) are checked by opening them with 7z.
command -v 7z >/dev/null 2>&1 || missing+=(p7zip-full)
# mkfs.vfat: the FAT32 4 GiB refusal is tested on a real FAT32 image where the kernel mounts vfat.
command -v mkfs.vfat >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v mkfs.vfat >/dev/null 2>&1 || missing+=(dosfstools)
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
