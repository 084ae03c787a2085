#!/usr/bin/env bash
# Installs what the real-VS-Code and browser tests need on a fresh machine:
# Debian's chromium (for playwright-core) and VS Code 1.100.3's server from the code-server
# npm package, under .vscode-test/code-server; and Debian's wamerican word list, which the unit
# test of the generated spelling stoplist reads (scripts/buildSpellingStoplist.ts).
# Idempotent: does nothing when all of them are there.
# Facts behind the workarounds: ../shared/notes/vscode-host-testing.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.vscode-test/code-server"
server_main="$dest/node_modules/code-server/lib/vscode/out/server-main.js"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
[ -f /usr/share/dict/words ] || need_apt+=(wamerican)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-vscode: installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$server_main" ]; then
  echo "setup-vscode: VS Code server present at $dest"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads ripgrep from GitHub unless it finds this cache.
tmp=${TMPDIR:-/tmp}
for v in v1.15.9 v1.15.10 v1.15.11 v1.15.14 v1.17.0; do
  cache="$tmp/vscode-ripgrep-cache-${v#v}"
  mkdir -p "$cache"
  if [ ! -f "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
    d=$(mktemp -d); cp "$(command -v rg)" "$d/rg"
    tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$d" rg
    rm -rf "$d"
  fi
done

mkdir -p "$dest"
cd "$dest"
[ -f package.json ] || echo '{"name":"strata-vscode-test-host","private":true}' > package.json
echo "setup-vscode: installing code-server@4.100.3 (VS Code 1.100.3 server) into $dest"
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --no-save code-server@4.100.3
[ -f "$server_main" ] || { echo "setup-vscode: $server_main missing after install" >&2; exit 1; }
echo "setup-vscode: done"
