/**
 * Our whole reading of the Masergy UCaaS Provisioning API's answers, and of its Keycloak token
 * endpoint: every body this package reads, as a zod schema of what we read (unknown members are
 * ignored), and Masergy's error formats. The API module, the token source, the job waiter, lookups,
 * export and `pulumi-ucaas doctor` read answers through these and nothing else.
 *
 * Source: the seed `masergy-ucaas-provisioning-api.txt`. The guide documents the token answers and
 * the asynchronous receipt `{accepted, jobId, taskId}`, and names the other endpoints, but it shows
 * NO body for `user/find`, the lookups, the task view or any error. Those schemas are our reading,
 * marked "seed silent" below; `pulumi-ucaas doctor` checks them against a real tenant.
 */
import { z } from "zod";
import { jsonAnswer } from "../http/answer";
import type { VendorErrorFormat } from "../http/error-format";

/**
 * The Keycloak token answer (seed, "Creating a Refresh Token" / "Generating an Access Token"):
 * we read `access_token`, `expires_in` ("for how many seconds the access token will be valid") and
 * the `refresh_token` Keycloak may hand out with every grant.
 */
export const MasergyTokenAnswer = z.looseObject({
    access_token: z.string().min(1),
    expires_in: z.number().positive(),
    refresh_token: z.string().min(1).optional(),
});

/** The receipt of an asynchronous call (seed, "Asynchronous API calls"): `{"accepted": true, "jobId", "taskId"}`. */
export const MasergyJobReceipt = z.looseObject({
    accepted: z.literal(true),
    jobId: z.string().min(1),
    taskId: z.string().min(1),
});

/**
 * A refusal (seed silent on its body; our reading, as apiman fronts Masergy's provisioning API):
 * `{accepted: false, code, message, errors: [{field, message}]}`, at 200 or at 4xx.
 */
export const MasergyRefusal = z.looseObject({
    accepted: z.literal(false),
    code: z.string().optional(),
    message: z.string().optional(),
    errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});

export const MasergySubmitAnswer = z.discriminatedUnion("accepted", [MasergyJobReceipt, MasergyRefusal]);

/**
 * A user as `user/find` lists it (seed silent on the answer; our reading). We read the user id and
 * the profile fields a MasergyUser manages; BroadWorks may report the phone number nationally with
 * a separate `countryCode` (reference Q3). A field we read that Masergy leaves out is undefined.
 */
const optionalText = z
    .string()
    .nullable()
    .transform((value) => value ?? undefined)
    .optional();
export const MasergyFoundUser = z.looseObject({
    userId: z.string().min(1),
    groupId: optionalText,
    enterpriseId: optionalText,
    firstName: optionalText,
    lastName: optionalText,
    phoneNumber: optionalText,
    countryCode: optionalText,
    extension: optionalText,
    emailAddress: optionalText,
});

/**
 * A list answer, seed silent: our reading is an object holding the list under `key` (what the
 * lookups are named after), or the bare list. Anything else is an error, never an empty list.
 */
const listAnswer = <T extends z.ZodType>(key: string, item: T) =>
    z
        .preprocess((body) => (Array.isArray(body) ? { [key]: body } : body), z.looseObject({ [key]: z.array(item) }))
        .transform((body) => body[key] as Array<z.output<T>>);

/** `GET user/find`: `{users: [...]}` (seed silent; our reading). An answer that parsed and lists no match is "no such user". */
export const MasergyFindAnswer = listAnswer("users", MasergyFoundUser);

/** A group of `user/available_groups` (seed silent): we read its id and enterprise. */
export const MasergyGroup = z.looseObject({ groupId: z.string().min(1), enterpriseId: optionalText });

export const MasergyPhoneNumbersAnswer = listAnswer("phoneNumbers", z.string());
export const MasergyDeviceModelsAnswer = listAnswer("deviceModels", z.string());
export const MasergyServicePacksAnswer = listAnswer("servicePacks", z.string());
export const MasergyTimeZonesAnswer = listAnswer("timeZones", z.string());
export const MasergyGroupsAnswer = listAnswer("groups", MasergyGroup);

/** One step of a task (seed, "Jobs & Tasks": "create account", "create device", ...; its fields are our reading). */
export const MasergyTaskStep = z.looseObject({
    name: z.string(),
    status: z.string(),
    message: optionalText,
});

/**
 * `GET task/{taskId}/view` (seed: the endpoint, "since user creation has multiple steps, which
 * might help you find the one that fails"; its body is NOT documented). Our reading: the task's
 * `status` (QUEUED / RUNNING / COMPLETED / FAILED; any other status counts as still running), its
 * `steps`, the `taskResult` the seed's task notification carries ("OK"), and the generated
 * `resultData` (seed: "conferenceId" and "conferenceModeratorPin").
 */
export const MasergyTaskView = z.looseObject({
    taskId: optionalText,
    jobId: optionalText,
    type: optionalText,
    status: z.string().min(1),
    taskResult: optionalText,
    steps: z.array(MasergyTaskStep),
    resultData: z
        .record(z.string(), z.string())
        .nullable()
        .transform((value) => value ?? undefined)
        .optional(),
});

export const masergyAnswers = {
    token: jsonAnswer("a Keycloak token {access_token, expires_in, refresh_token?}", MasergyTokenAnswer),
    submit: jsonAnswer("an asynchronous receipt {accepted: true, jobId, taskId} or a refusal {accepted: false, code, message}", MasergySubmitAnswer),
    find: jsonAnswer("a user/find answer {users: [{userId, ...}]}", MasergyFindAnswer),
    taskView: jsonAnswer("a task view {status, steps: [{name, status}], taskResult?, resultData?}", MasergyTaskView),
    phoneNumbers: jsonAnswer("a lookup answer {phoneNumbers: [string]}", MasergyPhoneNumbersAnswer),
    deviceModels: jsonAnswer("a lookup answer {deviceModels: [string]}", MasergyDeviceModelsAnswer),
    servicePacks: jsonAnswer("a lookup answer {servicePacks: [string]}", MasergyServicePacksAnswer),
    timeZones: jsonAnswer("a lookup answer {timeZones: [string]}", MasergyTimeZonesAnswer),
    groups: jsonAnswer("a lookup answer {groups: [{groupId, enterpriseId?}]}", MasergyGroupsAnswer),
};

/**
 * Masergy's error voices (seed silent on all of them; our reading): the provisioning API's
 * `{code, message, errors?: [{field, message}]}` (with `accepted: false` for a refused write), the
 * apiman gateway's `{type, failureCode, responseCode, message}` and Keycloak's `{error,
 * error_description}`. Only the provisioning API's own 404 says a task or user does not exist; the
 * gateway's 404 (an unknown API path) does not.
 */
const ProvisioningError = z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});
const GatewayError = z.looseObject({ failureCode: z.number(), type: z.string().optional(), message: z.string().optional() });
const KeycloakError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

export const MasergyErrorBody = z.union([
    KeycloakError.transform((body) => ({ voice: "keycloak" as const, body })),
    GatewayError.transform((body) => ({ voice: "gateway" as const, body })),
    ProvisioningError.transform((body) => ({ voice: "provisioning" as const, body })),
]);

type FieldProblems = z.output<typeof ProvisioningError>["errors"];

/** The vendor's message with every field problem appended. */
export function describeRefusal(message: string | undefined, errors: FieldProblems): { message?: string; detail?: unknown } {
    const fieldProblems = (errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).filter(Boolean);
    return { message: [message, ...fieldProblems].filter(Boolean).join("; ") || undefined, detail: errors?.length ? errors : undefined };
}

export const masergyErrorFormat: VendorErrorFormat<z.output<typeof MasergyErrorBody>> = {
    description: "Masergy's error format {code, message} (or apiman's {failureCode, message}, or Keycloak's {error, error_description})",
    schema: MasergyErrorBody,
    describe: (parsed) => {
        switch (parsed.voice) {
            case "keycloak":
                return { code: parsed.body.error, message: parsed.body.error_description };
            case "gateway":
                return { code: `${parsed.body.type ?? "Failure"} ${parsed.body.failureCode}`, message: parsed.body.message };
            case "provisioning":
                return { code: parsed.body.code, ...describeRefusal(parsed.body.message, parsed.body.errors) };
        }
    },
    isNotFound: (statusCode, parsed) => statusCode === 404 && parsed.voice === "provisioning",
};
