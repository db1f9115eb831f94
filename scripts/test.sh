#!/usr/bin/env bash
# The whole test suite: type-check the tests, test the Go language host, then run the mocha suite.
# Expects the environment prepared by scripts/toolchain.sh (Node >= 22, dependencies, the Pulumi
# CLI, a fresh dist/). Arguments are passed to mocha (e.g. one test file).
set -euo pipefail
cd "$(dirname "$0")/.."

export TS_NODE_PROJECT=test/tsconfig.json
# Types are checked once below; per-file type checking in ts-node would only repeat it, slowly.
export TS_NODE_TRANSPILE_ONLY=true

# Every temp folder of the run (copies of the examples with their node_modules, about 160 MB each;
# file backends; workflow steps) goes into one folder that is removed when the run ends, however it
# ends: repeated runs would otherwise fill the disk.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/ucaas-test-run-XXXXXX")
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR=$run_tmp

echo "Type-checking the tests..." >&2
./node_modules/.bin/tsc -p test/tsconfig.json

go=$(command -v go || echo /usr/local/go/bin/go)
if [[ $# -eq 0 && -x $go ]]; then
  echo "Testing the Node.js language host (toolchain/pulumi)..." >&2
  (cd toolchain/pulumi && "$go" test -mod=readonly ./language-nodejs)
fi

if [[ $# -eq 0 ]]; then
  set -- 'test/**/*.test.ts'
fi
./node_modules/.bin/mocha "$@"
