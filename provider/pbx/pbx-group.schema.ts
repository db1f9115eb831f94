import { z } from "zod";
import { unknownSentinel } from "../dynamic/unknowns";

/** The seed's pattern for a member's extension number (`[0-9]{3,64}`). */
export const PbxGroupMember = z
    .string()
    .regex(/^[0-9]{3,64}$/, "must be an extension number: 3-64 digits")
    .describe("The extension number of a member, e.g. a PbxUser's `extensionNumber` output.");

export const PbxGroupOutboundCallerId = z.strictObject({
    providerId: z.string().min(1).describe("The unique ID of the provider (trunk) the caller id belongs to."),
    callerId: z.string().min(1).describe("The caller id shown on outbound calls."),
    description: z.string().optional().describe("The description of the caller id."),
});

/** Member order means nothing at the PBX: sorted, so reordering the program is no change. */
const members = z
    .array(PbxGroupMember)
    .superRefine((list, ctx) => {
        list.forEach((extension, index) => {
            // Values still unknown during preview are all the same sentinel; they are checked once known.
            if (extension !== unknownSentinel && list.indexOf(extension) < index) {
                ctx.addIssue({ code: "custom", path: [index], message: `lists extension ${extension} a second time` });
            }
        });
    })
    .transform((list) => [...list].sort())
    .default([])
    .describe(
        "The extension numbers of every member, in any order: the group owns the whole list, so an extension left out " +
            "is removed from the group (an empty or omitted list removes everyone). Pass a PbxUser's `extensionNumber` " +
            "output rather than the number as text, so the engine creates the user before adding it.",
    );

export const PbxGroupArgsSchema = z.strictObject({
    name: z.string().min(1).max(64).describe("The name of the user group, unique on the PBX (how an existing group is found). Renaming updates the group in place."),
    description: z.string().optional().describe("The description of the user group; removing it clears it."),
    outboundCallerIds: z
        .array(PbxGroupOutboundCallerId)
        .optional()
        .describe("The group's outbound caller ids, in order. Never set: left as the PBX has them; removed from the program: cleared."),
    members,
    adopt: z.boolean().optional().describe("Take over an existing group of the same name instead of failing."),
});

export type PbxGroupInputs = z.output<typeof PbxGroupArgsSchema>;
export type PbxGroupArgsInput = z.input<typeof PbxGroupArgsSchema>;

/** What the PBX computes: the group's id. */
export const PbxGroupComputedSchema = z.object({
    groupId: z.string().describe("The PBX's id of the group (the same as the resource's `id`)."),
});

/** Inputs compared by diff. */
export const pbxGroupInputKeys = ["name", "description", "outboundCallerIds", "members"] as const;
/** Nothing replaces a group: PortSIP renames it in place, and members are added and removed one by one. */
export const pbxGroupReplaceKeys = [] as const;
