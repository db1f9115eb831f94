#!/usr/bin/env bash
# End-to-end check of the toolchain: a tiny Pulumi TypeScript project with one
# dynamic resource, driven through the CLI and the Automation API, against a
# local file backend in a temporary directory.
#
#   bash scripts/toolchain.sh bash test/toolchain/smoke.sh
#
# Set KEEP=1 to keep the temporary directory.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v pulumi >/dev/null || { echo "smoke: run me through scripts/toolchain.sh" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-ucaas-smoke.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "smoke: keeping $WORK" >&2; fi

export PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE=test
export PULUMI_HOME="$WORK/home"
mkdir -p "$WORK/state" "$WORK/home" "$WORK/proj"

step() { printf '\nsmoke: == %s\n' "$*" >&2; }
fail() { printf 'smoke: FAIL: %s\n' "$*" >&2; exit 1; }

cd "$WORK/proj"
cat >Pulumi.yaml <<'EOF'
name: smoke
runtime: nodejs
description: pulumi-ucaas toolchain smoke test
EOF
pulumi_version=$(node -p "require('$REPO/node_modules/@pulumi/pulumi/package.json').version")
cat >package.json <<EOF
{ "name": "smoke", "private": true, "main": "index.ts",
  "dependencies": { "@pulumi/pulumi": "$pulumi_version" } }
EOF
ln -s "$REPO/node_modules" node_modules
cat >index.ts <<'EOF'
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const foo = config.require("foo");
const secret = config.requireSecret("s");
if (process.env.SMOKE_FAIL) {
    throw new Error("smoke deliberate failure");
}
console.log(`smoke program running, foo=${foo}`);

const provider: pulumi.dynamic.ResourceProvider = {
    async create(_inputs: any) {
        return { id: "x", outs: { value: 1 } };
    },
};

class Thing extends pulumi.dynamic.Resource {
    declare public readonly value: pulumi.Output<number>;
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { value: undefined }, opts);
    }
}

const thing = new Thing("thing");
export const value = thing.value;
export const fooOut = foo;
export const secretOut = secret;
EOF
cat >auto.js <<'EOF'
const { LocalWorkspace } = require("@pulumi/pulumi/automation");
(async () => {
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: "auto", workDir: __dirname });
    await stack.setConfig("foo", { value: "from-automation" });
    await stack.setConfig("s", { value: "y", secret: true });
    const up = await stack.up({ onOutput: (s) => process.stderr.write(s) });
    if (up.summary.result !== "succeeded") throw new Error(`up result ${up.summary.result}`);
    if (up.outputs.value.value !== 1) throw new Error(`value output ${JSON.stringify(up.outputs.value)}`);
    if (up.outputs.fooOut.value !== "from-automation") throw new Error("config not seen by the program");
    if (!up.outputs.secretOut.secret) throw new Error("secret output not secret");
    await stack.destroy({ onOutput: (s) => process.stderr.write(s) });
    await stack.workspace.removeStack("auto");
    console.log("automation ok");
})().catch((e) => { console.error(e); process.exit(1); });
EOF

step "pulumi version: $(pulumi version) (SDK $pulumi_version)"
[[ $(pulumi version) == "v$pulumi_version" ]] || fail "CLI and SDK versions differ"

step "stack init + config"
pulumi stack init dev
pulumi config set foo bar
pulumi config set --secret s x

step "up"
pulumi up --yes 2>&1 | tee "$WORK/up.log"
grep -q "smoke program running, foo=bar" "$WORK/up.log" || fail "program output / config not seen"
[[ $(pulumi stack output value) == 1 ]] || fail "stack output value != 1"
[[ $(pulumi stack output fooOut) == bar ]] || fail "stack output fooOut != bar"
[[ $(pulumi stack output secretOut --show-secrets) == x ]] || fail "secret config not seen"

step "preview --diff --expect-no-changes"
pulumi preview --diff --expect-no-changes

step "refresh"
pulumi refresh --yes

step "program error is reported once"
set +e
SMOKE_FAIL=1 pulumi up --yes >"$WORK/fail.log" 2>&1
rc=$?
set -e
cat "$WORK/fail.log"
[[ $rc -ne 0 ]] || fail "up with a throwing program succeeded"
n=$(grep -c "smoke deliberate failure" "$WORK/fail.log" || true)
[[ $n -eq 1 ]] || fail "program error shown $n times (expected once)"
if grep -q "non-zero exit code" "$WORK/fail.log"; then fail "extra 'non-zero exit code' error shown"; fi

step "destroy"
pulumi destroy --yes
pulumi stack rm --yes dev

step "automation API"
node auto.js

printf '\nsmoke: all checks passed\n' >&2
