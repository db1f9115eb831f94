import type { ResourceReference } from "../reference/resource-reference";
import { UmpEndpointArgsSchema, UmpEndpointComputedSchema, umpEndpointReplaceKeys } from "./ump-endpoint.schema";
import { wireNameOf } from "./wire";

export const umpEndpointReference: ResourceReference = {
    kind: "UmpEndpoint",
    vendor: "AudioCodes User Management Pack 365 ENT (`sysadmin/api`)",
    module: "provider/ump/ump-endpoint",
    summary:
        "The Teams / Skype for Business voice settings of a directory user, through AudioCodes UMP 365 ENT: its number, " +
        "Enterprise Voice, policies, dial plan and address attributes. UMP manages users that live in Active Directory or " +
        "Microsoft 365; it does not create them, and neither does this resource. Deleting it releases the number " +
        "(`EnterpriseVoiceEnabled` false, `LineURI` and `PrivateLine` cleared) and leaves the user and its other attributes.",
    id: "the SIP address, `sip:user@domain`",
    naturalKey: "`identity`",
    args: UmpEndpointArgsSchema,
    computed: UmpEndpointComputedSchema,
    secretKeys: [],
    replaceKeys: umpEndpointReplaceKeys,
    wireName(path) {
        const [key] = path;
        if (key === "identity") {
            return "`SipAddress`; the `{sip address}` of `proxy/endpoint/{sip address}`";
        }
        const wire = wireNameOf[key] ?? (key in UmpEndpointComputedSchema.shape ? key[0].toUpperCase() + key.slice(1) : undefined);
        return wire && `\`${wire}\``;
    },
    get: {
        reads:
            "`GET proxy/endpoint/{sip address}`: every `/script` attribute UMP reports, normalized as `check` normalizes inputs, " +
            "and `displayName`, `userPrincipalName`, `registrarPool`. Any directory user can be read, with or without a number.",
    },
};
