/**
 * Writes that no job confirms (PortSIP's 204s, UMP's `/script` answered "Success") are read back
 * once per write sequence and compared with what was declared. A vendor that answers "done" and
 * does nothing (a read-only replica, a policy that reverts the change, a proxy that swallows the
 * body) must not leave the state saying it did.
 */
import type { Props } from "./handlers";
import { ResourceInitError } from "./partial-failure";

export interface WrittenFields {
    /** The vendor's name for errors: "PortSIP". */
    vendor: string;
    /** The object in words: "user NzAw...". */
    object: string;
    /** The write operations of the sequence, as the vendor client names them: "update user U1 (email)". */
    operations: readonly string[];
    /** The resource id, recorded with the live values. */
    id: string;
    /** Declared fields (input names) that the read-back shows with other values. */
    differing: readonly string[];
    /** The outputs as the vendor really holds them: what the state records. */
    live: Props;
}

/**
 * Returns when every written field reads back as declared. Otherwise throws a partial failure that
 * names the fields and records the vendor's real values, so the next `pulumi up` writes them again.
 */
export function assertWritesTook(written: WrittenFields): void {
    if (written.differing.length === 0) {
        return;
    }
    throw new ResourceInitError(
        written.id,
        written.live,
        `${written.vendor}: ${written.operations.join(", ")} answered as done, but reading the ${written.object} back shows ` +
            `${written.differing.join(", ")} not as declared: ${written.vendor} ignored or undid the write. The state records what ` +
            `${written.vendor} holds, so the next \`pulumi up\` writes it again.`,
    );
}
