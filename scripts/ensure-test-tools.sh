#!/usr/bin/env bash
# Debian packages the test suite drives for real, installed when missing and we are
# allowed to (root or passwordless sudo); otherwise it says how. No-ops when present.
#   chromium         Playwright's browser (Playwright cannot download its own here)
#   docker-registry  a real OCI distribution registry for lib/registry's tests; they start
#                    their own instance on an ephemeral port, never the packaged service
set -euo pipefail

missing=()
need() { # need <binary> <package>
  [ -x "$1" ] || missing+=("$2")
}
need "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium
need "${DOCKER_REGISTRY_PATH:-/usr/bin/docker-registry}" docker-registry
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "Missing test tools: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})," >&2
  echo "or point CHROMIUM_PATH / DOCKER_REGISTRY_PATH at existing binaries." >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]}…" >&2
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d exit 101 keeps apt from starting packaged services (docker-registry would
# squat on port 5000); only add it when none exists, and only for this install.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ -z "$SUDO" ] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
fi
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
if [ -n "$added_policy" ]; then rm -f "$policy"; fi
