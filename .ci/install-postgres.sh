#!/usr/bin/env bash
# Install Debian's PostgreSQL server binaries when missing. The store tests start their
# own throwaway server from these (initdb into a temp folder; see tests/pg.py), so no
# cluster is created and no service is started here.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# postgresql pulls in the versioned server package; its post-install step may try to
# create and start a default cluster, which tests do not use, so that is stopped again.
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if command -v pg_lsclusters >/dev/null && command -v pg_ctlcluster >/dev/null; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
    $SUDO pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  done
fi
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
