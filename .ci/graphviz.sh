#!/bin/sh
# Make sure Graphviz's `dot` is on PATH: install it with apt-get when we are
# root, otherwise say exactly what to run.
set -eu
if command -v dot >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Graphviz is missing: installing it with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq graphviz >/dev/null
    command -v dot >/dev/null 2>&1 && exit 0
fi
echo "error: argmap renders through Graphviz's 'dot', which is not installed. Run:" >&2
if command -v apt-get >/dev/null 2>&1; then
    echo "    sudo apt-get install graphviz" >&2
elif command -v brew >/dev/null 2>&1; then
    echo "    brew install graphviz" >&2
elif command -v dnf >/dev/null 2>&1; then
    echo "    sudo dnf install graphviz" >&2
else
    echo "    your package manager's graphviz package (see https://graphviz.org/download/)" >&2
fi
echo "then run make again." >&2
exit 1
