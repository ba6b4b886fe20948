# Shared by scripts/run.sh and scripts/test-all.sh: checks and installs what a fresh Debian/Ubuntu or
# macOS machine lacks. Debian packages are installed with apt-get (through sudo when not root).

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1
  fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 0
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# Postfix asks which kind of mail setup to write to /etc/postfix during install; the tests bring
# their own configuration (tests/support/mail-server), so answer "No configuration" beforehand.
preseed_postfix() {
  command -v debconf-set-selections >/dev/null 2>&1 || return 0
  echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
}

# The email integration tests start a private Dovecot and Postfix on loopback ports.
require_mail_servers() {
  command -v apt-get >/dev/null 2>&1 || return 0
  if [ -x /usr/sbin/dovecot ] && [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/lmtp ] && [ -x /usr/sbin/postfix ] \
    && command -v openssl >/dev/null 2>&1; then return 0; fi
  preseed_postfix
  apt_install dovecot-imapd dovecot-lmtpd postfix openssl
}

require_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "Switchboard needs Node.js 20.19 or newer (https://nodejs.org, or 'brew install node@22' on macOS)." >&2
    exit 1
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "Switchboard needs Node.js 20.19 or newer; this machine has $(node --version)." >&2
    exit 1
  fi
}

# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
require_build_tools() {
  if command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then apt_install build-essential python3; return 0; fi
  if [ "$(uname)" = Darwin ]; then xcode-select --install 2>/dev/null || true; fi
}

# Electron's and Playwright's own downloads are skipped: Electron is fetched separately where the
# network allows (scripts/run.sh), and the tests drive the system's Chromium.
install_node_modules() {
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
}
