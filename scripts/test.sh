#!/usr/bin/env bash
# The whole test suite: type-check the tests, then run them with mocha. Expects the environment
# prepared by scripts/toolchain.sh (Node >= 22, dependencies, the Pulumi CLI, a fresh dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

export TS_NODE_PROJECT=test/tsconfig.json
# Types are checked once below; per-file type checking in ts-node would only repeat it, slowly.
export TS_NODE_TRANSPILE_ONLY=true

echo "Type-checking the tests..." >&2
npx tsc -p test/tsconfig.json
npx mocha "$@"
