#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian/Ubuntu (or macOS with Chrome) and runs every
# suite: typecheck, unit, integration on real SQLite and servers, end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

require_node
require_build_tools
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(uname)" != Darwin ] && [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
require_mail_servers
install_node_modules

rm -rf test-results
npm test
node scripts/summarize-tests.mjs
