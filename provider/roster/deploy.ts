import * as pulumi from "@pulumi/pulumi";
import type { Roster } from "./load";
import { rosterSections, type RosterSection } from "./sections";
import { isSecretRef, type SecretRef } from "./secret-ref";

/** The resources a roster declared, by logical name (e.g. `pbx-user-1001`). */
export type DeployedRoster = Record<string, pulumi.CustomResource>;

/** `pbx-user` + `1001` -> `pbx-user-1001`; characters a URN should not carry become `_`. */
export function logicalName(section: RosterSection, entry: Record<string, unknown>): string {
    return `${section.namePrefix}-${section.naturalKey(entry).replace(/[^A-Za-z0-9._@+-]/g, "_")}`;
}

/** `alicePassword` reads the project's config; `ucaas:x` or `other:x` reads that namespace. */
function resolveSecret(ref: SecretRef): pulumi.Output<string> {
    const separator = ref.secret.indexOf(":");
    return separator < 0
        ? new pulumi.Config().requireSecret(ref.secret)
        : new pulumi.Config(ref.secret.slice(0, separator)).requireSecret(ref.secret.slice(separator + 1));
}

/**
 * Declares one resource per roster entry. Logical names come from natural keys, so reordering the
 * file changes nothing; sections are declared in dependency order (roles before the users that use them).
 */
export function deployRoster(roster: Roster, opts: pulumi.CustomResourceOptions = {}): DeployedRoster {
    const declared: DeployedRoster = {};
    const byKey = new Map<string, Map<string, pulumi.CustomResource>>();
    for (const section of rosterSections) {
        const entries = roster.sections[section.vendor]?.[section.list];
        const sectionResources = new Map<string, pulumi.CustomResource>();
        byKey.set(`${section.vendor}.${section.list}`, sectionResources);
        for (const entry of entries ?? []) {
            const args: Record<string, unknown> = { ...entry };
            for (const key of section.secretKeys) {
                if (isSecretRef(args[key])) {
                    args[key] = resolveSecret(args[key]);
                }
            }
            for (const reference of section.references ?? []) {
                const target = byKey.get(reference.section)?.get(String(args[reference.field]));
                if (target) {
                    args[reference.field] = (target as unknown as Record<string, pulumi.Output<unknown>>)[reference.output];
                }
            }
            const name = logicalName(section, entry);
            const resource = section.declare(name, args, opts);
            declared[name] = resource;
            sectionResources.set(section.naturalKey(entry), resource);
        }
    }
    return declared;
}
