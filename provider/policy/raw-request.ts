/**
 * What the engine really sent, for the one question @pulumi/policy cannot answer: is this input a
 * secret? The engine hands the pack every property with its secret marker (`Analyze` marshals with
 * secrets kept), but @pulumi/policy unwraps secrets to plain values before a policy sees them
 * (pulumi/pulumi-policy#241). So while the pack is constructed, the analyzer service it registers is
 * wrapped to keep each `analyze` request in an AsyncLocalStorage that the policy reads back.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { GuardrailError } from "./errors";

/** The part of the engine's `AnalyzeRequest` (a protobuf message) read here. */
interface AnalyzeRequest {
    getProperties(): { toJavaScript(): Record<string, unknown> } | undefined;
}

type Handler = (call: { request: AnalyzeRequest }, callback: unknown) => unknown;

const requests = new AsyncLocalStorage<AnalyzeRequest>();

/** The gRPC module @pulumi/policy serves with (its own copy, if npm gave it one). */
function policyGrpc(): { Server: { prototype: { addService(service: unknown, implementation: Record<string, Handler>): void } } } {
    const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
    return require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
}

/** Runs `construct` (which starts @pulumi/policy's server) with its `analyze` handler keeping each request. */
export function keepingRawRequests<T>(construct: () => T): T {
    const prototype = policyGrpc().Server.prototype;
    const addService = prototype.addService;
    prototype.addService = function (service, implementation) {
        const analyze = implementation.analyze;
        const wrapped: Record<string, Handler> = analyze
            ? { ...implementation, analyze: (call, callback) => requests.run(call.request, () => analyze(call, callback)) }
            : implementation;
        return addService.call(this, service, wrapped);
    };
    try {
        return construct();
    } finally {
        prototype.addService = addService;
    }
}

/** The properties of the resource being analyzed as the engine sent them (secrets still marked). */
export function rawProperties(): Record<string, unknown> {
    const properties = requests.getStore()?.getProperties()?.toJavaScript();
    if (!properties) {
        // Fail closed: without the engine's request there is no telling which inputs are secret or known.
        throw new GuardrailError(
            "the engine's request is not available to the policy pack, so it cannot tell which inputs are secrets (an unexpected @pulumi/policy version?)",
        );
    }
    return properties;
}

/**
 * The properties as a dynamic provider's `diff` gets them in a preview: secrets unwrapped, a value
 * not known yet undefined; with the top-level keys that hold an unknown value.
 */
export function providerView(raw: Record<string, unknown>): { props: Record<string, unknown>; unknownKeys: string[] } {
    const unknownKeys: string[] = [];
    const view = (value: unknown, key: string): unknown => {
        if (value === pulumi.runtime.unknownValue) {
            unknownKeys.push(key);
            return undefined;
        }
        if (isMarkedSecret(value)) return view((value as { value?: unknown }).value, key);
        if (Array.isArray(value)) return value.map((item) => view(item, key));
        if (typeof value === "object" && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, view(item, key)]));
        }
        return value;
    };
    const props = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, view(value, key)]));
    return { props, unknownKeys: [...new Set(unknownKeys)] };
}

/** Whether a property value as the engine sent it is marked secret. */
export function isMarkedSecret(value: unknown): boolean {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
    );
}
