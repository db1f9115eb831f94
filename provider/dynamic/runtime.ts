/**
 * The provider-process side of every resource: `thinProvider` methods land here by package name.
 * Module state (settings, token caches, HTTP clients) is shared by all resources of a run. Every
 * method registers the resource's secret values and scrubs them from any error it lets out.
 */
import type * as pulumi from "@pulumi/pulumi";
import { appliedInputsKey, inputsDigest } from "./diff";
import { isReference, readReference } from "./get";
import type { Props, ResourceHandlers } from "./handlers";
import type { ResourceKind } from "./kinds";
import { withoutStackTrace, type HostLoggedOperation } from "./host-log";
import { ResourceInitError } from "./partial-failure";
import { registerSecretProps, scrubbedError, secretSafeFailures } from "./secret-guard";
import { configureSettings, settingsFailures, withStoredConfigHint } from "./settings-gate";

const providerKey = "__provider";

// Loaded on first use so a run that only touches one vendor never loads the others.
const handlerLoaders: Record<ResourceKind, () => ResourceHandlers> = {
    PbxRole: () => require("../pbx/pbx-role.handlers").pbxRoleHandlers,
    PbxUser: () => require("../pbx/pbx-user.handlers").pbxUserHandlers,
    PbxGroup: () => require("../pbx/pbx-group.handlers").pbxGroupHandlers,
    UmpEndpoint: () => require("../ump/ump-endpoint.handlers").umpEndpointHandlers,
    TeamsEnterpriseUser: () => require("../teams/teams-enterprise-user.handlers").teamsEnterpriseUserHandlers,
    MasergyUser: () => require("../masergy/masergy-user.handlers").masergyUserHandlers,
};

function handlers(kind: ResourceKind): ResourceHandlers {
    const load = handlerLoaders[kind];
    if (!load) {
        throw new Error(`Unknown pulumi-ucaas resource kind "${kind}".`);
    }
    return load();
}

/**
 * Runs one operation of `kind` with the secret values of `bags` registered, scrubbing any error it
 * throws; `logged` names an operation whose errors the host prints (see `host-log.ts`).
 */
async function guarded<T>(
    kind: ResourceKind,
    bags: Array<Props | undefined>,
    operation: (h: ResourceHandlers) => Promise<T>,
    logged?: HostLoggedOperation,
): Promise<T> {
    try {
        const h = handlers(kind);
        registerSecretProps(h.secretKeys, ...bags);
        return await operation(h);
    } catch (error) {
        const scrubbed = scrubbedError(withStoredConfigHint(error));
        throw logged ? withoutStackTrace(scrubbed, kind, logged) : scrubbed;
    }
}

function withoutProvider(props: Props | undefined): Props {
    const { [providerKey]: _ignored, ...rest } = props ?? {};
    return rest;
}

/**
 * Completes a partial-failure error's properties: the serialized provider, so a later read or
 * delete can run, and the digest of the inputs this operation applied. The properties describe what
 * the vendor holds; with the digest, a later diff sees any difference from the declared inputs as
 * drift (`changes: true`), also after a `refresh` has cleared the init error.
 */
function completePartialFailure(error: unknown, source: Props, applied: Props): unknown {
    if (error instanceof ResourceInitError) {
        error.properties = { ...stamp(error.properties, applied), [providerKey]: source[providerKey] };
    }
    return error;
}

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    configureSettings(req);
}

export function check(kind: ResourceKind, olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    return guarded(kind, [olds, news], async (h) => {
        // Settings first: they are not inputs, and a resource of a misconfigured vendor must not pass.
        const settings = settingsFailures(kind);
        const result = await h.check(withoutProvider(olds), withoutProvider(news));
        const failures = [...settings, ...secretSafeFailures(result.failures ?? [], h.secretKeys, news)];
        return failures.length ? { ...result, failures } : result;
    }, "check");
}

export function diff(kind: ResourceKind, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return guarded(kind, [olds, news], (h) => h.diff(id, withoutProvider(olds), withoutProvider(news)), "diff");
}

/** Records which inputs the outputs were produced from (see `appliedInputsKey`). */
function stamp(outs: Props | undefined, applied: Props): Props {
    return { ...definedOnly(outs), [appliedInputsKey]: inputsDigest(applied) };
}

/** The engine cannot carry `undefined` ("Unexpected struct type"): an unset output is an absent one. */
function definedOnly(props: Props | undefined): Props {
    // Props are plain JSON; a JSON round trip drops undefined members at every depth.
    return JSON.parse(JSON.stringify(props ?? {})) as Props;
}

export function create(kind: ResourceKind, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const declared = withoutProvider(inputs);
    return guarded(kind, [inputs], async (h) => {
        try {
            const result = await h.create(declared);
            return { ...result, outs: stamp(result.outs, declared) };
        } catch (error) {
            throw completePartialFailure(error, inputs, declared);
        }
    });
}

export function read(kind: ResourceKind, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return guarded(kind, [props], async (h) => {
        if (isReference(props)) {
            const found = await readReference(kind, id);
            return { id: found.id, props: definedOnly(found.props) };
        }
        const result = await h.read(id, withoutProvider(props));
        // Refreshed outputs describe the live object; the inputs they were applied from stay the same.
        return result.id && result.props
            ? { ...result, props: definedOnly({ ...result.props, [appliedInputsKey]: props[appliedInputsKey] }) }
            : result;
    }, "read");
}

export function update(kind: ResourceKind, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const declared = withoutProvider(news);
    return guarded(kind, [olds, news], async (h) => {
        try {
            const result = await h.update(id, withoutProvider(olds), declared);
            return { outs: stamp(result.outs, declared) };
        } catch (error) {
            throw completePartialFailure(error, news, declared);
        }
    });
}

export function remove(kind: ResourceKind, id: string, props: Props): Promise<void> {
    return guarded(kind, [props], (h) => h.delete(id, withoutProvider(props)), "delete");
}
