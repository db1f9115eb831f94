/**
 * Rule 4: Masergy asks for no more than one poll of a job every 10 seconds; shorter intervals are
 * for a simulator on this machine. The provider refuses them when an operation starts; the rule
 * refuses them in the preview, for each Masergy user, from the settings the run has (stack config,
 * then `UCAAS_*` variables, then the defaults, read the way the provider reads them).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configKeyName, envVarName, getSetting } from "../config";
import { kindOfType } from "../dynamic/kinds";
import { masergyMinPollIntervalSeconds } from "../settings/rules";
import { isLoopbackHost } from "../settings/urls";

export const masergyPollPolicyName = "masergy-poll-interval";

interface PollConfig {
    minimumSeconds?: number;
}

const settingNames = (key: "masergyPollIntervalSeconds" | "masergyApiUrl") => `${configKeyName(key)} / ${envVarName(key)}`;

export const masergyPollPolicy: ResourceValidationPolicy = {
    name: masergyPollPolicyName,
    description: `Masergy asks for no more than one poll of a job every ${masergyMinPollIntervalSeconds} seconds.`,
    configSchema: {
        properties: { minimumSeconds: { type: "number", minimum: 0, default: masergyMinPollIntervalSeconds } },
    },
    validateResource: (args, reportViolation) => {
        if (kindOfType(args.type) !== "MasergyUser") return;
        const minimum = args.getConfig<PollConfig>().minimumSeconds ?? masergyMinPollIntervalSeconds;
        const interval = getSetting("masergyPollIntervalSeconds");
        let host: string;
        try {
            host = new URL(getSetting("masergyApiUrl") ?? "").hostname;
        } catch {
            return; // not a URL: the resource's check refuses it, saying so
        }
        // A value that is not a positive number is the check's to refuse as well.
        if (!(Number(interval) > 0) || Number(interval) >= minimum || isLoopbackHost(host)) return;
        reportViolation(
            `${settingNames("masergyPollIntervalSeconds")} is ${interval}: ${args.name} would poll its Masergy jobs more often than once every ` +
                `${minimum} seconds, at ${host} (${settingNames("masergyApiUrl")}), which is not this machine. ` +
                `Set it to ${minimum} or more (pulumi config set ${configKeyName("masergyPollIntervalSeconds")} ${minimum}) or remove it; ` +
                "shorter intervals are only for a simulator on localhost.",
        );
    },
};
