#!/usr/bin/env bash
# Debian packages the test suite drives for real: Chromium (Playwright) and
# docker-registry (OCI registry integration tests). No-ops when already installed.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/ensure-chromium.sh"
bash "$here/ensure-registry.sh"
