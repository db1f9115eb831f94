/**
 * What the generators of scripts/reference (`npm run types`, `npm run docs`) need to know about a
 * resource besides its zod schemas, which they read for every field: its type, whether it is
 * required, its default and its description.
 *
 * A new resource `<Kind>` (say PbxGroup, in provider/pbx/):
 *   1. pbx-group.schema.ts: its args schema with a `.describe()` on every field, written from the
 *      seed, and a `PbxGroupComputedSchema` for what the vendor computes (ids): the single source
 *      of its types, its docs, its JSON Schema and its `check`.
 *   2. pbx-group.reference.ts: `export const pbxGroupReference: ResourceReference = {...}`.
 *   3. One line in ./resources.ts (once the kind is in `resourceKinds`, the build asks for it).
 *   4. `npm run types` writes pbx-group.generated.ts; the class declares its outputs with
 *      `export interface PbxGroup extends PbxGroupOutputProperties {}` and passes
 *      `resourceProps(args, outputKeysOf(schema, computed), secretKeys)` (see pbx-user.ts).
 *   5. `get`: a `GetReader` in pbx-group.get.ts and its line in dynamic/get.ts.
 *   6. `npm run docs` and `npm run schema`; test/types/resources.types.ts gets its two lines.
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
