#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: PostgreSQL 15 (store tests),
# Chromium (browser tests), a CJK font (so Chinese renders in screenshots, not boxes) and wrk
# (the API benchmark's load generator, whose report parsing is tested).
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "provision: missing ${need[*]}; run as root or install them with apt" >&2
  exit 1
fi
echo "provision: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
