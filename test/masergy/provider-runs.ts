/**
 * `pulumi up` of one MasergyUser, as the engine drives the provider: create when the stack holds
 * nothing, else diff and then update or replace (deleting first); a partial failure (an error with an
 * id) records its properties, any other error leaves the state as it was. For the fault matrix,
 * which runs many faults quickly over real HTTP; the engine itself is exercised in masergy.engine.test.ts.
 */
import { strict as assert } from "node:assert";
import type { MasergySimulatorHandle } from "pulumi-ucaas/simulators";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";

export { capturingLog } from "../helpers/capture-log";

export type State = Record<string, unknown> | undefined;
export type InitError = Error & { id?: string; properties?: Record<string, unknown> };

const provider = providerFor("MasergyUser");

const withoutProvider = (props: Record<string, unknown> | undefined) => {
    const { __provider: _p, ...rest } = props ?? {};
    return rest;
};

export interface UpResult {
    state: State;
    error?: InitError;
    /** What the plan was: create, same, update or replace. */
    step: "create" | "same" | "update" | "replace";
}

export async function upOnce(args: Record<string, unknown>, state: State): Promise<UpResult> {
    const inputs = await checked(provider, args);
    const id = inputs.userId as string;
    let step: UpResult["step"] = "create";
    try {
        if (state) {
            const diff = await provider.diff(id, state, inputs);
            step = diff.changes === false ? "same" : diff.replaces?.length ? "replace" : "update";
            if (step === "same") {
                return { state, step };
            }
            if (step === "update") {
                const { outs } = await provider.update(id, state, { ...inputs, __provider: fakeProviderText });
                return { state: outs, step };
            }
            await provider.delete(id, state);
            state = undefined;
        }
        const { outs } = await provider.create({ ...inputs, __provider: fakeProviderText });
        return { state: outs, step };
    } catch (error) {
        const init = error as InitError;
        return { state: init.id ? withoutProvider(init.properties) : state, error: init, step };
    }
}

/** `pulumi refresh` of the resource: its state as `read` returns it, or undefined when it is gone. */
export async function refreshOnce(state: State): Promise<State> {
    const read = await provider.read(state!.userId as string, state!);
    return read.id ? (read.props as State) : undefined;
}

/**
 * The rerun converged: Masergy holds the user as declared, made by one create job and never
 * deleted, and the state records it with no note left and nothing more to do.
 */
export async function assertConverged(sim: MasergySimulatorHandle, args: Record<string, unknown>, state: State): Promise<void> {
    const inputs = await checked(provider, args);
    const users = sim.state().users.filter((u) => u.userId === inputs.userId);
    assert.equal(users.length, 1, "exactly one user");
    const [user] = users;
    for (const key of ["firstName", "lastName", "phoneNumber", "extension", "emailAddress", "mainServicePack", "timeZone", "addressType"]) {
        assert.equal(user[key as keyof typeof user], inputs[key], `Masergy holds ${key} as declared`);
    }
    const tasks = sim.tasks();
    assert.equal(tasks.filter((t) => t.type === "CREATE_USER" && t.status === "COMPLETED").length, 1, "one create job completed: no duplicate");
    assert.equal(tasks.filter((t) => t.type === "DELETE_USER").length, 0, "no user was deleted");
    assert.ok(state, "the user is in the state");
    assert.equal(state.userId, inputs.userId);
    assert.deepEqual(Object.keys(state).filter((key) => key.startsWith("__") && key !== "__appliedInputs"), [], "no note left in the state");
    assert.deepEqual(await provider.diff(inputs.userId as string, state, inputs), { changes: false }, "nothing more to do");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, checking every 5 ms. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(5);
    }
}
