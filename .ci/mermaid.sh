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
. .ci/need-npm.sh
need_npm "Mermaid's parser"
echo "Installing Mermaid's parser from npm into .mermaid/ (for the Mermaid tests; once)" >&2
mkdir -p .mermaid
npm install --silent --no-audit --no-fund --prefix .mermaid 'mermaid@11' 'jsdom@26' >/dev/null
node tests/mermaid_parse.mjs "$MODULES" <<'JSON' >/dev/null
["flowchart BT\n  a --> b\n"]
JSON
