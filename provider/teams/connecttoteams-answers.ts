/**
 * Our whole reading of the ConnecttoTeams API's answers: every body this package reads, as a zod
 * schema of what we read (unknown members are ignored), and its error formats. The API module, the
 * token source and `pulumi-ucaas doctor` read answers through these and nothing else.
 *
 * Sources: the seed `connecttoteams-enterprise-configure-user.txt` (configureUser: "200 OK object",
 * nothing more) and the vendor's getting-started page on `POST /oauth/token` (reference/vendor-apis.md
 * Q1: a Spring OAuth password grant; lifetime and refresh "NOT documented"). Everything else here is
 * our reading, marked below.
 */
import { z } from "zod";
import { jsonAnswer } from "../http/answer";
import type { VendorErrorFormat } from "../http/error-format";

/** `POST /oauth/token` (Spring OAuth): we read `access_token` and, when given, `expires_in`. */
export const TeamsTokenAnswer = z.looseObject({
    access_token: z.string().min(1),
    expires_in: z.number().positive().optional(),
});

/**
 * `POST /enterprise/configureUser`: the seed says only "200 OK object". Our reading: a JSON object
 * whose `operation` (`ADD` / `EDIT`), when present, says whether the user was added or already
 * existed; without it the outcome is "unknown" and the handler says so.
 */
export const TeamsConfigureUserAnswer = z.looseObject({ operation: z.string().optional() });

/**
 * `PUT /reseller/getAuthenticatedUser` (the getting-started page, reference/vendor-apis.md Q1:
 * `{username, type: "RESELLER", ..., resellerId}`): we read the admin's `type`, whose reseller level
 * is what configureUser without an MSAL object needs. Only `pulumi-ucaas doctor` sends this call.
 */
export const TeamsAuthenticatedUser = z.looseObject({ type: z.string().min(1) });

export const teamsAnswers = {
    token: jsonAnswer("an OAuth token {access_token, expires_in?}", TeamsTokenAnswer),
    configureUser: jsonAnswer("a configureUser answer: a JSON object, {operation?: ADD|EDIT}", TeamsConfigureUserAnswer),
    authenticatedUser: jsonAnswer("the authenticated admin {username, type: RESELLER, resellerId}", TeamsAuthenticatedUser),
};

/**
 * ConnecttoTeams' error bodies (seed silent; our reading of a Spring service): API errors
 * `{status, error, message, code?, errors?}` and OAuth errors `{error, error_description}`.
 */
const SpringError = z.looseObject({
    status: z.number().int(),
    error: z.string().optional(),
    message: z.string().optional(),
    code: z.string().optional(),
    errors: z.unknown().optional(),
});
const OAuthError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

export const TeamsErrorBody = z.union([
    SpringError.transform((body) => ({ spring: true as const, body })),
    OAuthError.transform((body) => ({ spring: false as const, body })),
]);

export const teamsErrorFormat: VendorErrorFormat<z.output<typeof TeamsErrorBody>> = {
    description: "ConnecttoTeams' error format {status, error, message} (or OAuth's {error, error_description})",
    schema: TeamsErrorBody,
    describe: (parsed) =>
        parsed.spring
            ? { code: parsed.body.code ?? parsed.body.error, message: parsed.body.message, detail: parsed.body.errors }
            : { code: parsed.body.error, message: parsed.body.error_description },
    // disableUsers' "no such user" (404) in the API's own format; a proxy's 404 is not one.
    isNotFound: (statusCode, parsed) => statusCode === 404 && parsed.spring,
};
