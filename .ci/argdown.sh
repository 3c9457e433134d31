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
. .ci/need-npm.sh
need_npm "Argdown's CLI"
echo "Installing Argdown's CLI from npm into .argdown/ (for the Argdown tests; once)" >&2
mkdir -p .argdown
npm install --silent --no-audit --no-fund --prefix .argdown '@argdown/cli@1' >/dev/null
"$ARGDOWN" --version >/dev/null
