/**
 * Our whole reading of the AudioCodes UMP 365 ENT API's answers (`sysadmin/api`): every body this
 * package reads, as a zod schema of what we read (unknown members are ignored), and UMP's error
 * format. The API module, lookups, export and `pulumi-ucaas doctor` read answers through these.
 *
 * Source: the seed `audiocodes-ump365-rest-api.txt`, section 2.2 (examples of every answer we read).
 * The seed says errors are "any status not in the range of 200-299" and shows no error body, and it
 * shows no answer for `/script`; those readings are ours, marked below.
 */
import { z } from "zod";
import { jsonAnswer } from "../http/answer";
import type { VendorErrorFormat } from "../http/error-format";
import { scriptAttributes } from "./wire";

/** UMP answers unset values as null or "" (seed 2.2.2.2); both mean "not set" to the readers. */
const text = z.string().nullish();
const flag = z.boolean().nullish();

/** The type UMP reports each `/script` attribute in (seed 2.2.2.2 and the attribute table of 2.2.2.3). */
const attributeTypes: Record<string, z.ZodType> = { HostedVoiceMail: flag, EnterpriseVoiceEnabled: flag };

/**
 * `GET proxy/endpoint/{sip address}` (seed 2.2.2.2): the user's detail. We read its SIP address,
 * display name, UPN and registrar pool, and every attribute `/script` sets; an attribute UMP leaves
 * out entirely is undefined, which the handler refuses to take as "cleared".
 */
export const UmpEndpointDetail = z.looseObject({
    SipAddress: z.string().min(1),
    DisplayName: text,
    UserPrincipalName: text,
    RegistrarPool: text,
    ...Object.fromEntries(scriptAttributes.map((attribute) => [attribute, attributeTypes[attribute] ?? text])),
});

/** An item of `POST proxy/endpoint/list` (seed 2.2.2.1): we read its SIP address and voice settings. */
export const UmpEndpointSummary = z.looseObject({
    SipAddress: z.string().min(1),
    LineURI: text,
    EnterpriseVoiceEnabled: flag,
});

/** `POST proxy/endpoint/list` (seed 2.2.2.1): `{"Total": 184, "Data": [...]}`. */
export const UmpEndpointList = z.looseObject({ Total: z.number().int().nonnegative().optional(), Data: z.array(UmpEndpointSummary) });

/** `GET license` (seed 2.2.1.1): we read the licensed and used counts, customer, expiry and machine id. */
export const UmpLicense = z.looseObject({
    CBUsers: z.number(),
    InUseCceUsers: z.number(),
    Customer: text,
    Expired: text,
    MachineID: text,
});

/** `GET numberrange` (seed 2.2.1.5): `{"rows": [...]}` (the seed's example lost its opening brace). */
export const UmpNumberRanges = z.looseObject({
    rows: z.array(
        z.looseObject({
            Identity: z.string(),
            NumberRangeType: z.string(),
            NumbersAvailable: z.number(),
            NumberRangeStart: z.string(),
            NumberRangeEnd: z.string(),
            Priority: text,
        }),
    ),
});

/** `GET signindomain` (seed 2.2.1.6): `[{Text, Value}]`. */
export const UmpSignInDomains = z.array(z.looseObject({ Text: z.string(), Value: z.string() }));

/** `GET proxy/registrarpools` (seed 2.2.1.3): `[{Identity, ReplicationTicks}]`. */
export const UmpRegistrarPools = z.array(z.looseObject({ Identity: z.string(), ReplicationTicks: z.number().optional() }));

export const umpAnswers = {
    endpoint: jsonAnswer("a UMP user detail {SipAddress, DisplayName, LineURI, EnterpriseVoiceEnabled, ...}", UmpEndpointDetail),
    endpointList: jsonAnswer("a UMP user list {Total, Data: [{SipAddress, LineURI, ...}]}", UmpEndpointList),
    license: jsonAnswer("a UMP license {CBUsers, InUseCceUsers, ...}", UmpLicense),
    numberRanges: jsonAnswer("UMP number ranges {rows: [{Identity, NumberRangeType, NumbersAvailable, ...}]}", UmpNumberRanges),
    signInDomains: jsonAnswer("UMP sign-in domains [{Text, Value}]", UmpSignInDomains),
    registrarPools: jsonAnswer("UMP registrar pools [{Identity}]", UmpRegistrarPools),
};

/**
 * UMP's error body (seed silent; our reading): RFC 7807 problem details `{title, status, detail,
 * errors?}`, the `ProblemDetails` schema the seed's SP section names. Only a 404 problem is UMP
 * saying the user is not in the directory; ASP.NET's routing 404 (`{"Message": "No HTTP resource
 * was found..."}`) and a proxy's page are errors.
 */
export const UmpProblem = z.looseObject({
    title: z.string(),
    status: z.number().int().optional(),
    detail: z.string().nullish(),
    errors: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
});
/** Older deployments' ASP.NET error (`{"Message": ...}`): read for its message, never as "not found". */
const AspNetError = z.looseObject({ Message: z.string() });

export const UmpErrorBody = z.union([
    UmpProblem.transform((body) => ({ problem: true as const, body })),
    AspNetError.transform((body) => ({ problem: false as const, message: body.Message })),
]);

export const umpErrorFormat: VendorErrorFormat<z.output<typeof UmpErrorBody>> = {
    description: "UMP's problem details {title, status, detail}",
    schema: UmpErrorBody,
    describe: (parsed) => {
        if (!parsed.problem) {
            return { message: parsed.message };
        }
        const fieldMessages = Object.entries(parsed.body.errors ?? {}).map(
            ([field, messages]) => `${field}: ${(Array.isArray(messages) ? messages : [messages]).join(", ")}`,
        );
        return {
            code: parsed.body.title,
            message: [parsed.body.detail, ...fieldMessages].filter(Boolean).join("; ") || undefined,
            detail: parsed.body.errors,
        };
    },
    isNotFound: (statusCode, parsed) => statusCode === 404 && parsed.problem,
};
