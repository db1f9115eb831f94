import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

// Connection settings (ucaas:masergyApiUrl, ucaas:masergyTokenUrl, ucaas:masergyRefreshToken) come from
// stack config or UCAAS_* variables; they are never resource inputs. Passwords and passcodes are stack secrets.
const config = new pulumi.Config();

// A desk phone user with voicemail and a conference bridge. Every change waits for its Masergy job.
const jane = new ucaas.MasergyUser("jane", {
    groupId: "SIM-NYC",
    userId: "jdoe@example.com",
    firstName: "Jane",
    lastName: config.get("janeLastName") ?? "Doe",
    emailAddress: "jane.doe@example.com",
    webPortalPassword: config.requireSecret("janePortalPassword"),
    // Any international spelling works; it is stored as E.164 (+12125550101).
    phoneNumber: config.get("janePhoneNumber") ?? "+12125550101",
    extension: "0101",
    mainServicePack: "UC-Premium",
    voicemail: true,
    voicePortalPasscode: config.requireSecret("janeVoicePortalPasscode"),
    addressType: "DEVICE",
    deviceModel: "Polycom VVX 450",
    deviceMacAddress: "00:04:f2:aa:bb:01",
    timeZone: "America/New_York",
    conference: true,
    userData: "roster:jane",
});

const raj = new ucaas.MasergyUser("raj", {
    groupId: "SIM-NYC",
    userId: "rpatel@example.com",
    firstName: "Raj",
    lastName: "Patel",
    webPortalPassword: config.requireSecret("rajPortalPassword"),
    phoneNumber: "+1 212 555 0102",
    extension: "0102",
    mainServicePack: config.get("rajServicePack") ?? "UC-Basic",
    addressType: "NONE",
    timeZone: "America/Chicago",
});

// Optional users, switched on by config, so one stack can show what happens when a job fails or hangs,
// or when a run is killed while its create job runs.
const extra = (name: string, userId: string, extension: string, phoneNumber: string) =>
    config.getBoolean(`add${name[0].toUpperCase()}${name.slice(1)}`)
        ? new ucaas.MasergyUser(name, {
              groupId: "SIM-NYC",
              userId,
              firstName: name[0].toUpperCase() + name.slice(1),
              lastName: "Example",
              webPortalPassword: config.requireSecret("rajPortalPassword"),
              phoneNumber,
              extension,
              mainServicePack: "UC-Standard",
              addressType: "NONE",
              timeZone: "Europe/London",
          })
        : undefined;
const kim = extra("kim", "kim@example.com", "0103", "+12125550103");
const lee = extra("lee", "lee@example.com", "0104", "+12125550104");
const max = extra("max", "max@example.com", "0105", "+12125550105");

export const users = pulumi.all([jane.userId, raj.userId, kim?.userId, lee?.userId, max?.userId]).apply((ids) => ids.filter(Boolean));
export const janeConferenceId = jane.conferenceId;
export const janeModeratorPin = jane.conferenceModeratorPin; // a secret output
export const janeTaskId = jane.taskId;
