#!/bin/sh
# Mermaid's own parser (npm's mermaid 11, with jsdom for the DOM it expects),
# for the tests that read argmap's Mermaid export with it. Installed into
# .mermaid/ (not on the PATH); needs Node.js and npm.
set -eu
cd "$(dirname "$0")/.."
MODULES=.mermaid/node_modules
if [ -f "$MODULES/mermaid/package.json" ] && [ -f "$MODULES/jsdom/package.json" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Node.js is missing: installing it with apt-get (for Mermaid's parser)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "Mermaid's parser needs Node.js and npm; install them, e.g.:" >&2
    echo "  sudo apt-get install nodejs npm" >&2
    exit 1
  fi
fi
mkdir -p .mermaid
npm install --silent --no-audit --no-fund --prefix .mermaid 'mermaid@11' 'jsdom@26' >/dev/null
node tests/mermaid_parse.mjs "$MODULES" <<'JSON' >/dev/null
["flowchart BT\n  a --> b\n"]
JSON
