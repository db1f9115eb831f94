import { strict as assert } from "node:assert";
import * as path from "node:path";
import { declaring, programFrames } from "../../provider/dynamic/declaration";

const ours = path.resolve(__dirname, "..", "..", "provider");

/** A V8 call site in `file` (all `programFrames` reads of one). */
const site = (file: string | null) => ({ getFileName: () => file, toString: () => `f (${file}:1:1)` }) as unknown as NodeJS.CallSite;

const sdk = (name: string) => site(`/work/app/node_modules/@pulumi/pulumi/${name}.js`);
const files = (frames: NodeJS.CallSite[]) => frames.map((frame) => frame.getFileName());

describe("declaring a resource (provider/dynamic/declaration.ts)", () => {
    describe("the frames the SDK records", () => {
        // What Resource.callsites() sees under `new PbxUser(...)` called from a program's index.ts:
        // callsites, stackTrace, Resource and CustomResource, then our constructors. The SDK skips
        // five frames (its four and the resource class's), so the fifth must stay the base constructor.
        const base = site(`${ours}/dynamic/ucaas-resource.js`);
        const sdkFrames = [sdk("resource"), sdk("resource"), sdk("resource"), sdk("resource")];
        const constructorFrames = [base, site(`${ours}/pbx/pbx-user.js`)];
        /** What stays ahead of the program's frames. */
        const leading = [...sdkFrames, base];

        it("keeps the SDK's leading frames (it skips a fixed count of them), then only the program's", () => {
            const frames = [
                ...sdkFrames,
                ...constructorFrames,
                site("/work/app/users.ts"),
                site("/work/app/index.ts"),
                site("node:internal/modules/cjs/loader"),
                site(null),
                sdk("cmd/run/run"),
                sdk("runtime/stack"),
            ];
            assert.deepEqual(files(programFrames(frames)), [...files(leading), "/work/app/users.ts", "/work/app/index.ts"]);
        });

        it("drops this package's frames between the program's (deployRoster's own calls)", () => {
            const frames = [...sdkFrames, ...constructorFrames, site(`${ours}/roster/deploy.js`), site("/work/app/index.ts"), sdk("cmd/run/run")];
            assert.deepEqual(files(programFrames(frames)), [...files(leading), "/work/app/index.ts"]);
        });

        it("stands in the origin's program frames when the program is not on the stack (a later batch, from the event loop)", () => {
            const frames = [...sdkFrames, ...constructorFrames, site(`${ours}/roster/deploy.js`), site("node:internal/timers")];
            const origin = [site(`${ours}/roster/deploy.js`), site("/work/app/index.ts"), site("node:internal/modules/cjs/loader")];
            assert.deepEqual(files(programFrames(frames, origin)), [...files(leading), "/work/app/index.ts"]);
            // The program's own frames win over the origin's.
            const direct = [...sdkFrames, ...constructorFrames, site("/work/app/other.ts")];
            assert.deepEqual(files(programFrames(direct, origin)), [...files(leading), "/work/app/other.ts"]);
        });

        it("leaves a stack without this package's frames as it is (another library's resource)", () => {
            const frames = [...sdkFrames, sdk("dynamic/index"), site("/work/app/index.ts"), site("node:internal/timers")];
            assert.deepEqual(programFrames(frames), frames);
        });
    });

    describe("while a constructor runs", () => {
        let saved: string | undefined;
        beforeEach(() => {
            saved = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
            delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
        });
        afterEach(() => {
            if (saved === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
            else process.env.PULUMI_DEBUG_PROMISE_LEAKS = saved;
        });

        it("captures no frames for the SDK's debugging stacks, and restores the limit and the formatter after", () => {
            const { prepareStackTrace, stackTraceLimit } = Error;
            const declared = declaring();
            try {
                assert.equal(Error.stackTraceLimit, 0);
                assert.equal(new Error("x").stack, "Error: x");
            } finally {
                declared.end();
            }
            assert.equal(Error.stackTraceLimit, stackTraceLimit);
            assert.equal(Error.prepareStackTrace, prepareStackTrace);
            assert.match(new Error("y").stack!, /\n {4}at /);
        });

        it("restores them when the constructor throws", () => {
            const { prepareStackTrace, stackTraceLimit } = Error;
            assert.throws(() => {
                const declared = declaring();
                try {
                    throw new Error("Missing resource name argument");
                } finally {
                    declared.end();
                }
            }, /Missing resource name/);
            assert.equal(Error.stackTraceLimit, stackTraceLimit);
            assert.equal(Error.prepareStackTrace, prepareStackTrace);
        });

        it("keeps the stack trace limit with PULUMI_DEBUG_PROMISE_LEAKS set, whose leak reports need those stacks", () => {
            process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
            const { stackTraceLimit } = Error;
            const declared = declaring();
            try {
                assert.equal(Error.stackTraceLimit, stackTraceLimit);
                assert.match(new Error("x").stack!, /\n {4}at /);
            } finally {
                declared.end();
            }
        });

        it("still shows the SDK's own position capture every frame of the program (it sets its own limit)", () => {
            const declared = declaring();
            let stack: string | undefined;
            try {
                const limit = Error.stackTraceLimit;
                Error.stackTraceLimit = Infinity; // as Resource.callsites() does
                stack = new Error().stack;
                Error.stackTraceLimit = limit;
            } finally {
                declared.end();
            }
            // No frame of this package is on this stack, so nothing is filtered: this test file is there.
            assert.match(stack!, /declaration\.test\.ts:\d+:\d+/);
        });
    });
});
