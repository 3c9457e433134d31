#!/bin/sh
# arguebuf, the Python library researchers load AIF corpora with, which the
# benchmarks compare argmap's AIF import against. Installed from PyPI into a
# venv of its own (.bench-venv/), so argmap's own venv stays as users have it.
set -eu
cd "$(dirname "$0")/.."
VENV=.bench-venv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import arguebuf" 2>/dev/null; then
  exit 0
fi
sh .ci/venv.sh "${PYTHON:-python3}" "$VENV"
"$VENV/bin/python" -m pip install --quiet arguebuf
"$VENV/bin/python" -c "import arguebuf"
