#!/usr/bin/env bash
# Runs a command on another Node binary: `scripts/with-node.sh "$(scripts/node24.sh)" pnpm test`.
# That node's folder goes first in PATH (pnpm, vitest and every child process then run on it), and better-sqlite3,
# the one native module, is switched to a build for that node's ABI for the duration of the command, then switched
# back. Builds are compiled once (node-gyp, with the headers that ship with the node binary package) and cached in
# .tools/; the files in node_modules are replaced, never written in place, because pnpm hard-links them from its store.
# `scripts/with-node.sh --build-only NODE` compiles the build and touches nothing (CI starts it early, in the background).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_only=false
if [ "${1:-}" = "--build-only" ]; then
  build_only=true
  shift
fi
node_bin="$1"
shift
node_dir="$(cd "$(dirname "$node_bin")" && pwd)"
abi="$("$node_bin" -p process.versions.modules)"
gyp="$(dirname "$(readlink -f "$(command -v pnpm)")")/../dist/node_modules/node-gyp/bin/node-gyp.js"

mapfile -t packages < <(find "$root/node_modules/.pnpm" -maxdepth 3 -type d -path '*/better-sqlite3@*/node_modules/better-sqlite3')
restore=()
cleanup() {
  for pair in "${restore[@]}"; do
    rm -f "${pair#*|}"
    cp "${pair%%|*}" "${pair#*|}"
  done
}
trap cleanup EXIT

for pkg in "${packages[@]}"; do
  version="$(node -p "require('$pkg/package.json').version")"
  target="$pkg/build/Release/better_sqlite3.node"
  cache="$root/.tools/better-sqlite3/$version-abi$abi.node"
  original="$root/.tools/better-sqlite3/$version-original.node"
  if [ ! -f "$cache" ]; then
    echo "with-node.sh: building better-sqlite3 $version for Node $("$node_bin" --version) (ABI $abi)..." >&2
    work="$(mktemp -d)"
    cp -r "$pkg/." "$work/"
    rm -rf "$work/build"
    (cd "$work" && PATH="$node_dir:$PATH" "$node_bin" "$gyp" rebuild --release --jobs=max --nodedir="$(dirname "$node_dir")" >"$work.log" 2>&1) ||
      { cat "$work.log" >&2; exit 1; }
    mkdir -p "$(dirname "$cache")"
    cp "$work/build/Release/better_sqlite3.node" "$cache"
    rm -rf "$work" "$work.log"
  fi
  if [ "$build_only" = true ]; then continue; fi
  mkdir -p "$(dirname "$original")"
  rm -f "$original"
  cp "$target" "$original"
  restore+=("$original|$target")
  rm -f "$target"
  cp "$cache" "$target"
done

if [ "$build_only" = false ]; then PATH="$node_dir:$PATH" "$@"; fi
