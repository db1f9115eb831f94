/**
 * `<Kind>.get(name, id)`: a read-only reference to an object that exists at the vendor.
 *
 * The class declares the resource with Pulumi's `id` option and props marked with `getKey`. The
 * engine then reads instead of creating: it calls the provider's `read` with no stored outputs, and
 * the SDK's dynamic provider hands `read` the props the program declared instead. The handlers'
 * `read` refreshes the inputs a program declared, which a reference has none of; so the runtime
 * sends a marked read here, to read the object by its id alone, every field the vendor reports.
 * The mark stays in the outputs, so `pulumi refresh` of a reference reads it the same way. A
 * missing object is an error (a reference to nothing is no reference), never an empty resource.
 */
import type { Props } from "./handlers";
import type { ResourceKind } from "./kinds";

/** The mark in a reference's props and outputs; hidden from diffs by its `__` prefix. */
export const getKey = "__get";

export interface GetReader {
    /** The object as its vendor names it, for the error when it is missing: `PortSIP user 7`. */
    describe(id: string): string;
    /**
     * Every field the vendor reports, in the resource's terms, and the id as the vendor spells it;
     * undefined when the vendor says there is no such object.
     */
    read(id: string): Promise<{ id: string; props: Props } | undefined>;
}

// Loaded on first use, like the handlers: a run that reads one vendor never loads the others.
const readers: Record<ResourceKind, () => GetReader> = {
    MasergyUser: () => require("../masergy/masergy-user.get").masergyUserGet,
    PbxRole: () => require("../pbx/pbx-role.get").pbxRoleGet,
    PbxUser: () => require("../pbx/pbx-user.get").pbxUserGet,
    PbxGroup: () => require("../pbx/pbx-group.get").pbxGroupGet,
    UmpEndpoint: () => require("../ump/ump-endpoint.get").umpEndpointGet,
    TeamsEnterpriseUser: () => require("../teams/teams-enterprise-user.get").teamsEnterpriseUserGet,
};

export const isReference = (props: Props | undefined) => props?.[getKey] === true;

/** Reads the object a reference names; throws when the vendor has no such object. */
export async function readReference(kind: ResourceKind, id: string): Promise<{ id: string; props: Props }> {
    const reader = readers[kind]();
    const found = await reader.read(id);
    if (!found) {
        throw new Error(
            `${kind}.get: ${reader.describe(id)} does not exist. get only reads an object that exists; ` +
                `check the id, or declare \`new ${kind}(...)\` to create one.`,
        );
    }
    return { id: found.id, props: { ...found.props, [getKey]: true } };
}
