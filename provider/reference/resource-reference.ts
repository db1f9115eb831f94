/**
 * What the generators of scripts/reference (`npm run types`, `npm run docs`) need to know about a
 * resource besides its zod schemas, which they read for every field: its type, whether it is
 * required, its default and its description.
 */
import type { z } from "zod";
import type { ResourceKind } from "../dynamic/kinds";

export interface ResourceReference {
    kind: ResourceKind;
    /** The vendor API, as the reference names it: "PortSIP PBX v22 REST API". */
    vendor: string;
    /**
     * The resource class's module from the repository root, without extension:
     * "provider/pbx/pbx-user". Its declarations are generated next to it, as `pbx-user.generated.ts`.
     */
    module: string;
    /** What the resource is, in a paragraph. */
    summary: string;
    /** What the Pulumi id is. */
    id: string;
    /** What create finds an existing object by (see `adopt`). */
    naturalKey: string;
    /** The arguments, exactly as `check` validates them. */
    args: z.ZodObject;
    /** Outputs the vendor computes beyond the inputs (absent: none). */
    computed?: z.ZodObject;
    /** Inputs and outputs that are secret in state and previews. */
    secretKeys: readonly string[];
    /** Inputs whose change replaces the object. */
    replaceKeys: readonly string[];
    /**
     * The vendor's spelling of a property, given its path (`["permissions", "userCallLog"]` ->
     * `permissions.user_call_log`), as Markdown; undefined for one the vendor never receives (`adopt`).
     */
    wireName(path: readonly string[]): string | undefined;
    /** What `<Kind>.get(name, id)` reads, or why the resource refuses it. */
    get: { reads: string } | { refused: string };
}
