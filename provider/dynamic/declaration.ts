/**
 * What a resource constructor costs the program, and what it leaves in the state.
 *
 * The Node SDK's constructor captures `new Error().stack` for every promise it makes (debugging
 * aids) and formats each through source-map-support: most of a declaration's ~6 ms. And it records
 * the declaring call stack in the state, every frame, SDK and Node internals included (~400 bytes
 * a resource). `declaring()` wraps a constructor's `super()`:
 *
 * - `Error.stackTraceLimit = 0`, so those debugging stacks capture no frame. The SDK's own
 *   position capture sets the limit itself (`Resource.callsites`), so it still sees every frame.
 *   Skipped when PULUMI_DEBUG_PROMISE_LEAKS is set, the switch under which the SDK reports leaked
 *   promises with the stacks they were made at.
 * - The frames the SDK records keep only those of the program's own files: not this package's (the
 *   same constructor line for every resource), nor any other package's (the SDK's, the TypeScript
 *   loader's), nor Node's. So `sourcePosition` is the program line that declared the resource, and
 *   the stack trace the program's calls to it. The SDK skips a fixed number of leading frames (its
 *   own, then the resource class's constructor, as for any provider's resource class): those stay,
 *   up to and including the first frame of this package (the `UcaasResource` constructor).
 *
 * Both hold only while `super()` runs (restored in `finally`); nothing else in the program changes.
 */
import * as path from "node:path";

/** This package's compiled (or, under ts-node, source) folder: frames in it are ours. */
const packageDir = path.resolve(__dirname, "..") + path.sep;

const dependencies = `${path.sep}node_modules${path.sep}`;

type CallSite = NodeJS.CallSite;
type PrepareStackTrace = (error: Error, frames: CallSite[]) => unknown;

function isOurs(frame: CallSite): boolean {
    return frame.getFileName()?.startsWith(packageDir) ?? false;
}

/** A frame of the program's own files: not of a package (this one, Pulumi's SDK, its TypeScript loader), not Node's. */
function isProgram(frame: CallSite): boolean {
    const file = frame.getFileName();
    return !!file && path.isAbsolute(file) && !file.startsWith(packageDir) && !file.includes(dependencies);
}

/**
 * The frames the SDK sees: its own leading ones and this package's first (the base constructor,
 * which it skips as it would any provider's resource class) untouched, then the program's. When
 * none of the program's remain (a declaration made from the event loop, such as a later batch of
 * `deployRosterAsync`), those of `origin` (captured where the program called it).
 */
export function programFrames(frames: CallSite[], origin: readonly CallSite[] = []): CallSite[] {
    const first = frames.findIndex(isOurs);
    if (first < 0) {
        return frames;
    }
    const program = frames.slice(first + 1).filter(isProgram);
    return [...frames.slice(0, first + 1), ...(program.length ? program : origin.filter(isProgram))];
}

/** V8's own rendering, for when no `Error.prepareStackTrace` is installed. */
function v8StackText(error: Error, frames: CallSite[]): string {
    return [Error.prototype.toString.call(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
}

let origin: readonly CallSite[] = [];

/** Runs `declare` with `frames` standing for the program's, when its own stack holds none of them. */
export function declaringFrom<T>(frames: readonly CallSite[], declare: () => T): T {
    const outer = origin;
    origin = frames;
    try {
        return declare();
    } finally {
        origin = outer;
    }
}

/** The call stack here, as V8's frames (for `declaringFrom`). */
export function callSites(): CallSite[] {
    const { prepareStackTrace, stackTraceLimit } = Error;
    const holder: { stack?: CallSite[] } = {};
    try {
        Error.stackTraceLimit = Infinity;
        Error.prepareStackTrace = (_error, frames) => frames;
        Error.captureStackTrace(holder, callSites);
        return holder.stack ?? [];
    } finally {
        Error.prepareStackTrace = prepareStackTrace;
        Error.stackTraceLimit = stackTraceLimit;
    }
}

/** Call before a resource constructor's `super()`, and `end()` the result in its `finally`. */
export function declaring(): { end(): void } {
    const { prepareStackTrace, stackTraceLimit } = Error;
    const render: PrepareStackTrace = prepareStackTrace ?? v8StackText;
    const frameOrigin = origin;
    Error.prepareStackTrace = (error, frames) => render(error, programFrames(frames, frameOrigin));
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
        Error.stackTraceLimit = 0;
    }
    return {
        end() {
            Error.prepareStackTrace = prepareStackTrace;
            Error.stackTraceLimit = stackTraceLimit;
        },
    };
}
