#!/bin/sh
# Make sure Debian's Chromium is at /usr/bin/chromium, for the tests that open
# the interactive HTML viewer in a real browser (Playwright drives it; it
# downloads no browser of its own). Installs it with apt-get when we are
# root, otherwise says exactly what to run.
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: installing it with apt-get (for the browser tests)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    [ -x "$CHROMIUM" ] && exit 0
fi
echo "error: the browser tests need Chromium at $CHROMIUM, which is not installed. Run:" >&2
if command -v apt-get >/dev/null 2>&1; then
    echo "    sudo apt-get install chromium" >&2
else
    echo "    your package manager's chromium package, or link a Chromium build to $CHROMIUM" >&2
fi
echo "then run make again." >&2
exit 1
