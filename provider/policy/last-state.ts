/**
 * The stack as it was before this run: what the guardrails compare the program with.
 *
 * The engine never shows a policy pack the old state, nor which operation a step is: `Analyze`
 * gets a resource's new inputs (the same for an update and a replacement), `AnalyzeStack` the
 * resources the run keeps (deleted ones are absent, and in a preview a replaced or updated one
 * shows its new inputs). So the pack reads the stack's last checkpoint itself, with the CLI that
 * started it and that CLI's backend login and secrets settings, once per run and before the first
 * of this package's resources is changed: every change of one waits for its own analysis, which
 * waits for this read. With `--refresh` this is the state before the refresh: a preview saves
 * nothing, and `up` has not saved its refresh yet when the first resource is analyzed (measured with
 * the CLI 3.276, test/policy/refresh.engine.test.ts).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import type { Props } from "../dynamic/handlers";
import { GuardrailError } from "./errors";

/** One resource of the last checkpoint, with its outputs as a provider sees them (secrets revealed). */
export interface PriorResource {
    urn: string;
    type: string;
    id: string;
    outputs: Props;
}

export interface LastState {
    /** The stack, as `org/project/stack`. */
    stack: string;
    resources: PriorResource[];
    byUrn: ReadonlyMap<string, PriorResource>;
}

interface CheckpointResource {
    urn: string;
    type: string;
    id?: string;
    custom?: boolean;
    delete?: boolean;
    outputs?: Props;
}

let reading: Promise<LastState> | undefined;

/** The stack's last checkpoint, read once per run. */
export function lastState(): Promise<LastState> {
    reading ??= readLastState();
    return reading;
}

async function readLastState(): Promise<LastState> {
    const stack = `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
    let stdout: string;
    try {
        // The pack runs in its own folder; a full stack name needs no project folder.
        ({ stdout } = await promisify(execFile)("pulumi", ["stack", "export", "--show-secrets", "--stack", stack], {
            maxBuffer: 1 << 30,
            env: process.env,
        }));
    } catch (error) {
        const detail = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split("\n").pop();
        throw new GuardrailError(
            `could not read the last state of stack ${stack} (\`pulumi stack export --show-secrets\`, with the backend login and ` +
                `secrets settings of this run): ${detail}`,
        );
    }
    return parseCheckpoint(stack, stdout);
}

/** The resources of `pulumi stack export --show-secrets` output that exist now. */
export function parseCheckpoint(stack: string, text: string): LastState {
    const exported = JSON.parse(text) as { deployment?: { resources?: CheckpointResource[] } };
    const resources = (exported.deployment?.resources ?? [])
        // A resource marked `delete` is an old copy a replacement has yet to delete.
        .filter((r) => r.custom && !r.delete && r.id)
        .map((r) => ({ urn: r.urn, type: r.type, id: r.id!, outputs: revealed(r.outputs ?? {}, r.urn) as Props }));
    return { stack, resources, byUrn: new Map(resources.map((r) => [r.urn, r])) };
}

/** Exported values with each secret replaced by its value, as the engine hands them to a provider. */
function revealed(value: unknown, urn: string): unknown {
    if (Array.isArray(value)) return value.map((item) => revealed(item, urn));
    if (typeof value !== "object" || value === null) return value;
    const object = value as Record<string, unknown>;
    if (object[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
        if (typeof object.plaintext !== "string") {
            throw new GuardrailError(`the last state of ${urn} has a secret that \`pulumi stack export --show-secrets\` did not reveal`);
        }
        return revealed(JSON.parse(object.plaintext), urn);
    }
    return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, revealed(inner, urn)]));
}
