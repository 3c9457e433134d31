#!/bin/sh
# The pictures of the docs, rendered into DEST (default docs/): the README's
# and the tutorial's (and the comparison of two outlets' maps) into
# DEST/images, every shipped map in English and German into DEST/gallery.
# Same maps and same Graphviz, same bytes: `make docs` leaves the tracked
# pictures as they are, and tests/test_build.py renders them into a temporary
# folder to compare. (The overview beside the article is a page the site
# build draws: docs/hooks.py.) ARGMAP is the command (default .venv/bin/argmap).
set -eu
cd "$(dirname "$0")/.."
dest=${1:-docs}
argmap=${ARGMAP:-.venv/bin/argmap}
echo "Rendering the pictures of the docs into $dest/images and $dest/gallery" >&2
mkdir -p "$dest/images" "$dest/gallery"
"$argmap" render maps/russian-lifeline.yaml --legend -o "$dest/images/russian-lifeline.svg" >/dev/null
"$argmap" render docs/examples/lindenau.yaml --legend -o "$dest/images/lindenau.svg" >/dev/null
"$argmap" render maps/overview.yaml --no-premises --legend -o "$dest/images/overview-no-premises.svg" >/dev/null
# Issues drawn (docs/format.md), with the legend that explains them.
"$argmap" render docs/examples/partnership.yaml --legend -o "$dest/images/partnership.svg" >/dev/null
# Two outlets' maps of one story compared (exit status 1: they differ).
status=0
"$argmap" diff docs/examples/lindenau.yaml docs/examples/lindenau-courier.yaml -o "$dest/images/lindenau-courier-diff.svg" >/dev/null || status=$?
[ "$status" -le 1 ] || exit "$status"
for map in maps/*.yaml; do
  for lang in en de; do
    "$argmap" render "$map" --lang $lang -o "$dest/gallery/$(basename "$map" .yaml).$lang.svg" >/dev/null
  done
done
