# Sourced by the scripts that install a tool from npm (.ci/argdown.sh,
# .ci/mermaid.sh): `need_npm WHAT` makes sure npm is there, installing Node.js
# with apt-get when we are root, or says what to run and exits 1.
need_npm() {
  if command -v npm >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Node.js is missing: installing it with apt-get (for $1)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "$1 needs Node.js and npm; install them, e.g.:" >&2
    echo "  sudo apt-get install nodejs npm" >&2
    exit 1
  fi
}
