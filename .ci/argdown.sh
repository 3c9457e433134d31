#!/bin/sh
# Argdown's own command-line tool, for the tests that check argmap's Argdown
# export with it and for the benchmarks that compare against it. Installed
# from npm into .argdown/ (not on the PATH); needs Node.js and npm.
set -eu
cd "$(dirname "$0")/.."
ARGDOWN=.argdown/node_modules/.bin/argdown
if [ -x "$ARGDOWN" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Node.js is missing: installing it with apt-get (for Argdown's CLI)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "Argdown's CLI needs Node.js and npm; install them, e.g.:" >&2
    echo "  sudo apt-get install nodejs npm" >&2
    exit 1
  fi
fi
mkdir -p .argdown
npm install --silent --no-audit --no-fund --prefix .argdown '@argdown/cli@1' >/dev/null
"$ARGDOWN" --version >/dev/null
