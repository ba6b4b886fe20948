#!/usr/bin/env bash
# Installs Switchboard's dependencies, builds it and starts it: the Electron app where Electron's binary
# can be had, otherwise the headless host, whose URL it prints. `--demo` opens a sample workspace
# (kept apart from real data in ~/.switchboard/demo).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

demo=0
for arg in "$@"; do [ "$arg" = --demo ] && demo=1; done
data="${SWITCHBOARD_DATA:-$HOME/.switchboard/$([ "$demo" = 1 ] && echo demo || echo data)}"

require_node
require_build_tools
install_node_modules
npm run build

if node node_modules/electron/install.js >/dev/null 2>&1 && node -e "require('fs').accessSync(require('electron'))" 2>/dev/null; then
  # The native SQLite module must match Electron's ABI rather than Node's.
  npx --no-install electron-builder install-app-deps
  SWITCHBOARD_DATA="$data" exec npx --no-install electron . $([ "$demo" = 1 ] && echo --demo)
fi
echo "Electron is not available on this machine; starting the headless host instead."
exec node bin/switchboard.mjs host --data "$data" $([ "$demo" = 1 ] && echo --demo)
