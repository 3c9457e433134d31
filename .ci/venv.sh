#!/bin/sh
# Create the virtual environment; on Debian/Ubuntu, venv needs python3-venv.
set -eu
python=$1
venv=$2
if [ -x "$venv/bin/python" ]; then exit 0; fi
if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: $python not found; install Python 3.10 or newer" >&2
    exit 1
fi
if "$python" -m venv "$venv" 2>/dev/null; then exit 0; fi
rm -rf "$venv"
version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing python$version-venv with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq "python$version-venv" >/dev/null
    "$python" -m venv "$venv"
else
    echo "error: '$python -m venv' failed; install venv support first:" >&2
    echo "    sudo apt-get install python$version-venv" >&2
    exit 1
fi
