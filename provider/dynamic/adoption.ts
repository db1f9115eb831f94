/**
 * What `create` does when the object it is about to create already exists at the vendor under the
 * declared natural key. One rule for every resource:
 *
 * - `adopt: true` on the resource: take the object over and converge it to the declared state.
 * - `ucaas:adoptMatching` (a one-off recovery setting, e.g. `UCAAS_ADOPT_MATCHING=true pulumi up`
 *   after an interrupted run and `pulumi refresh --clear-pending-creates`): take it over only when
 *   every declared field it reports already matches; refuse one that differs, naming the fields.
 *   An object the run cannot compare completely is never taken over silently: it may be someone
 *   else's, and a later `destroy` would delete it.
 * - neither: refuse, naming the object and both ways out.
 */
import { configKeyName, envVarName, getBooleanSetting } from "../config";
import type { Props } from "./handlers";

export type ExistingObjectPolicy = "adopt" | "adopt-matching" | "refuse";

export function existingObjectPolicy(inputs: Props): ExistingObjectPolicy {
    if (inputs.adopt === true) {
        return "adopt";
    }
    return getBooleanSetting("adoptMatching") ? "adopt-matching" : "refuse";
}

export interface ExistingObject {
    /** The vendor's name for errors: "PortSIP". */
    vendor: string;
    /** The object in words, as a person finds it at the vendor: `extension 1001 (user "alice", id NzAw...)`. */
    object: string;
    /** The resource type, for the hint: "PbxUser". */
    kind: string;
    /**
     * Declared fields whose live value differs from the declared one, by input name. Fields the
     * vendor never reports (secrets) are not listed; they are written as declared on takeover.
     */
    differing: readonly string[];
}

/** Thrown when create meets an existing object it may not take over. */
export class ExistingObjectError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ExistingObjectError";
    }
}

const recoveryHint =
    `If an interrupted \`pulumi up\` created it, run \`pulumi refresh --clear-pending-creates\`, then one ` +
    `\`pulumi up\` with ${configKeyName("adoptMatching")}=true (or ${envVarName("adoptMatching")}=true), which takes over ` +
    "objects whose declared fields all match and refuses any other.";

/**
 * Decides whether create may take over `existing`; returns normally when it may, throws
 * `ExistingObjectError` (a message a person can act on) when it may not.
 */
export function assertMayTakeOver(inputs: Props, existing: ExistingObject): void {
    const policy = existingObjectPolicy(inputs);
    if (policy === "adopt") {
        return;
    }
    const where = `${existing.vendor} ${existing.object}`;
    if (policy === "adopt-matching") {
        if (existing.differing.length === 0) {
            return;
        }
        throw new ExistingObjectError(
            `${where} already exists and differs from this ${existing.kind} in ${existing.differing.join(", ")}; ` +
                `${configKeyName("adoptMatching")} only takes over objects that match every declared field. ` +
                `Set adopt: true on this ${existing.kind} to take it over and overwrite those fields, or change the program to match it.`,
        );
    }
    throw new ExistingObjectError(
        `${where} already exists. Set adopt: true on this ${existing.kind} to take it over` +
            `${existing.differing.length ? ` (it differs in ${existing.differing.join(", ")}, which would be overwritten)` : ""}, ` +
            `or choose another identity. ${recoveryHint}`,
    );
}
