import * as pulumi from "@pulumi/pulumi";
import { callSites, declaringFrom } from "../dynamic/declaration";
import { argsOf, inDependencyOrder, mergedOptions, optionsOf } from "./entry-options";
import { MissingSecretsError, type MissingSecret } from "./errors";
import type { Roster } from "./load";
import { nameEntries, type NamedEntry } from "./names";
import { isSecretRef, type SecretRef } from "./secret-ref";
import { ReferenceTargets, resolveReferences } from "./references";
import { rosterOfStack } from "./stack-shard";

/** The resources a roster declared, by logical name (e.g. `pbx-user-alice`). */
export type DeployedRoster = Record<string, pulumi.CustomResource>;

/** `alicePassword` reads the project's config; `ucaas:x` or `other:x` reads that namespace. */
function configOf(ref: SecretRef): { config: pulumi.Config; key: string } {
    const separator = ref.secret.indexOf(":");
    return separator < 0
        ? { config: new pulumi.Config(), key: ref.secret }
        : { config: new pulumi.Config(ref.secret.slice(0, separator)), key: ref.secret.slice(separator + 1) };
}

/** Every secret reference the stack's config lacks, so one run reports them all. */
function missingSecrets(entries: readonly NamedEntry[]): MissingSecret[] {
    const missing = new Map<string, string[]>();
    for (const { section, entry, name } of entries) {
        for (const field of section.secretKeys) {
            const ref = entry[field];
            if (isSecretRef(ref)) {
                const { config, key } = configOf(ref);
                if (config.getSecret(key) === undefined) {
                    missing.set(ref.secret, [...(missing.get(ref.secret) ?? []), `${name}: ${field}`]);
                }
            }
        }
    }
    return [...missing].map(([key, usedBy]) => ({ key, usedBy }));
}

/** A roster's entries in declaration order, how to declare each, and what was declared. */
interface RosterDeclarations {
    entries: NamedEntry[];
    declare(named: NamedEntry): void;
    declared: DeployedRoster;
}

/** What both forms of deployRoster declare; fails, before declaring anything, when the stack lacks roster secrets. */
function rosterDeclarations(whole: Roster, opts: pulumi.CustomResourceOptions): RosterDeclarations {
    // A sharded roster: only this stack's shard (docs/sharding.md).
    const roster = rosterOfStack(whole);
    const entries = nameEntries(roster.sections, { tenants: roster.tenants ?? {} });
    const missing = missingSecrets(entries);
    if (missing.length) {
        throw new MissingSecretsError(roster.file, missing, pulumi.getStack());
    }
    const declared: DeployedRoster = {};
    // `pbx.roles name Support` -> the role's resource, for entries that reference it.
    const targets = new ReferenceTargets<pulumi.CustomResource>();
    const declare = ({ section, entry, name, aliases }: NamedEntry) => {
        const args = argsOf(entry);
        for (const key of section.secretKeys) {
            const ref = args[key];
            if (isSecretRef(ref)) {
                const { config, key: configKey } = configOf(ref);
                args[key] = config.requireSecret(configKey);
            }
        }
        resolveReferences(section, args, targets, (target, reference) => (target as unknown as Record<string, pulumi.Output<unknown>>)[reference.output]);
        const entryOpts = mergedOptions(opts, optionsOf(entry), declared);
        if (aliases.length) {
            entryOpts.aliases = [...(opts.aliases ?? []), ...aliases.map((alias) => ({ name: alias }))];
        }
        const resource = section.declare(name, args, entryOpts);
        declared[name] = resource;
        targets.add(section, entry, resource);
    };
    return { entries: inDependencyOrder(entries), declare, declared };
}

/**
 * Declares one resource per roster entry, named after an identity that no update changes (see
 * `sections.ts`), with the names it had before as aliases and the entry's own resource options
 * merged into `opts` (see `mergedOptions`). Entries are declared in dependency order (roles before
 * the users that use them, users before their groups, an entry after those its `dependsOn` names).
 * Fails, before declaring anything, when the stack lacks any of the roster's secrets, naming them all.
 * A roster split into `shards:` declares the entries of this stack's shard alone (see stack-shard.ts).
 */
export function deployRoster(roster: Roster, opts: pulumi.CustomResourceOptions = {}): DeployedRoster {
    const { entries, declare, declared } = rosterDeclarations(roster, opts);
    entries.forEach(declare);
    return declared;
}

export interface DeployRosterAsyncOptions {
    /** Entries declared between two turns of the event loop; 25 when not given. */
    batchSize?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `deployRoster` in batches: the same resources, names, options and order, with a turn of the event
 * loop between batches. The Node SDK sends a declaration to the engine only when the program yields,
 * so a long synchronous loop keeps the engine (and the dynamic-provider process) idle until its end;
 * yielding lets the first resources be created while the rest are declared. Resolves to what
 * `deployRoster` returns once every entry is declared. Throws as it does, at once (missing secrets: before any declaration).
 */
export function deployRosterAsync(
    roster: Roster,
    opts: pulumi.CustomResourceOptions = {},
    { batchSize = 25 }: DeployRosterAsyncOptions = {},
): Promise<DeployedRoster> {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new Error(`deployRosterAsync: batchSize must be a whole number of at least 1, not ${batchSize}.`);
    }
    // Later batches run from the event loop, where the program is not on the stack: their resources
    // are recorded as declared where the program called this (see dynamic/declaration.ts).
    const caller = callSites();
    // Synchronous, like deployRoster: a roster error (missing secrets) is thrown here, in the
    // program's own turn, not as a rejection that the runtime would only see later (Node then warns
    // that a rejection was handled asynchronously, in the middle of the error a person reads).
    const { entries, declare, declared } = rosterDeclarations(roster, opts);
    declaringFrom(caller, () => entries.slice(0, batchSize).forEach(declare));
    return (async () => {
        for (let start = batchSize; start < entries.length; start += batchSize) {
            await nextTurn();
            declaringFrom(caller, () => entries.slice(start, start + batchSize).forEach(declare));
        }
        return declared;
    })();
}
