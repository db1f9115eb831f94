import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { masergy, pbx, ump } from "pulumi-ucaas";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { minimalUser } from "../helpers/portsip-bodies";
import { clientFor } from "../helpers/sim-http";
import { useUmpSimulator } from "../helpers/ump";

/** The value an Output resolves to (outside a deployment every Output is known). */
const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("lookups in both forms: getX with plain values, getXOutput with Inputs; the former names as aliases", () => {
    describe("PortSIP", () => {
        const sim = usePortSipSimulator();

        it("getUsersOutput takes its filter as an Output and runs once it is known, with the same result as getUsers", async () => {
            sim().seedUser(minimalUser({ name: "bob", email: "bob@example.com", extension_number: "1002" }));
            const filter = pulumi.output("1002").apply((extension) => `extension_number eq '${extension}'`);
            const fromOutput = await valueOf(pbx.getUsersOutput({ filter }));
            assert.deepEqual(fromOutput.map((user) => user.name), ["bob"]);
            assert.deepEqual(fromOutput, await pbx.getUsers({ filter: "extension_number eq '1002'" }));
            assert.deepEqual(await pbx.users({ filter: "extension_number eq '1002'" }), fromOutput, "the former name");
        });

        it("getGroupsOutput takes its filter as an Output and waits for dependsOn; getGroups and groups() agree", async () => {
            const api = clientFor(sim().url, sim().token);
            await api.post("/api/groups", { name: "Sales", description: "Sales floor" });
            await api.post("/api/groups", { name: "Support" });
            sim().clearRequests();
            let release!: (id: string) => void;
            const id = pulumi.output(new Promise<string>((resolve) => (release = resolve)));
            const resource = { __pulumiResource: true, __pulumiCustomResource: true, id, urn: pulumi.output("urn:x") } as unknown as pulumi.CustomResource;
            const filter = pulumi.output("Sales").apply((name) => `name eq '${name}'`);
            const groups = pbx.getGroupsOutput({ filter }, { dependsOn: [resource] });
            await new Promise((resolve) => setTimeout(resolve, 100));
            assert.equal(sim().requests().length, 0, "nothing is asked while the dependency does not exist");
            release("created");
            const fromOutput = await valueOf(groups);
            assert.deepEqual(fromOutput.map((group) => [group.name, group.description]), [["Sales", "Sales floor"]]);
            assert.deepEqual(fromOutput, await pbx.getGroups({ filter: "name eq 'Sales'" }));
            assert.deepEqual(await pbx.groups({ filter: "name eq 'Sales'" }), fromOutput, "the former name");
        });

        it("getRolesOutput waits for the resources in dependsOn before asking the PBX", async () => {
            let release!: (id: string) => void;
            const id = pulumi.output(new Promise<string>((resolve) => (release = resolve)));
            const resource = { __pulumiResource: true, __pulumiCustomResource: true, id, urn: pulumi.output("urn:x") } as unknown as pulumi.CustomResource;
            const roles = pbx.getRolesOutput({ dependsOn: [resource] });
            await new Promise((resolve) => setTimeout(resolve, 100));
            assert.equal(sim().requests().length, 0, "nothing is asked while the dependency does not exist");
            release("created");
            assert.deepEqual((await valueOf(roles)).map((role) => role.name), (await pbx.getRoles()).map((role) => role.name));
            assert.ok((await valueOf(roles)).some((role) => role.name === "StandardUser"));
        });
    });

    describe("Masergy", () => {
        useMasergySimulator();

        it("getAvailablePhoneNumbersOutput takes the group as an Input; the Promise forms and the aliases agree", async () => {
            const numbers = await valueOf(masergy.getAvailablePhoneNumbersOutput({ groupId: pulumi.output("SIM-LON") }));
            assert.deepEqual(numbers, await masergy.getAvailablePhoneNumbers({ groupId: "SIM-LON" }));
            assert.ok(numbers.every((number) => number.startsWith("+44")));
            assert.deepEqual(await valueOf(masergy.getAvailableTimeZonesOutput()), await masergy.availableTimeZones());
            assert.deepEqual(await valueOf(masergy.getAvailableGroupsOutput()), await masergy.getAvailableGroups());
            assert.deepEqual(await valueOf(masergy.getAvailableDeviceModelsOutput()), await masergy.getAvailableDeviceModels());
            assert.deepEqual(await valueOf(masergy.getAvailableMainServicePacksOutput({ groupId: "SIM-LON" })), ["UC-Standard", "UC-Premium"]);
        });
    });

    describe("AudioCodes UMP", () => {
        useUmpSimulator({ licensedUsers: 25 });

        it("each lookup's Output form gives what its Promise form and its former name give", async () => {
            assert.equal((await valueOf(ump.getLicenseOutput())).cbUsers, 25);
            assert.deepEqual(await valueOf(ump.getNumberRangesOutput()), await ump.numberRanges());
            assert.deepEqual(await valueOf(ump.getSignInDomainsOutput()), await ump.getSignInDomains());
            assert.deepEqual(await valueOf(ump.getRegistrarPoolsOutput()), await ump.registrarPools());
        });
    });
});
