#!/usr/bin/env bash
# The registry integration tests (lib/registry/**/*.integration.test.ts) run against a real
# OCI distribution registry: Debian's docker-registry. Install it when missing and we are
# allowed to; otherwise say how. The Debian package also enables a system service on port
# 5000; the tests never use it (they start their own instance on an ephemeral port).
set -euo pipefail
bin="${DOCKER_REGISTRY_PATH:-/usr/bin/docker-registry}"
[ -x "$bin" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "docker-registry not found at $bin. Install it (Debian/Ubuntu: sudo apt-get install -y docker-registry) or set DOCKER_REGISTRY_PATH." >&2
  exit 1
fi
echo "Installing Debian's docker-registry for the registry integration tests…" >&2
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d exit 101 keeps apt from starting the packaged service (no init system here, and
# the tests do not want a registry squatting on port 5000); only add it when none exists.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ -z "$SUDO" ] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
fi
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq docker-registry >/dev/null
if [ -n "$added_policy" ]; then rm -f "$policy"; fi
[ -x "$bin" ] || { echo "docker-registry installed but $bin is missing" >&2; exit 1; }
