import { strict as assert } from "node:assert";
import { parseRoster, RosterError, splitRoster } from "pulumi-ucaas";
import { findMoves } from "../../provider/shards/moves";
import { dependencyCycle, runScheduled } from "../../provider/shards/schedule";
import { masergyJobTiming } from "../../provider/masergy/client";
import { settingValueProblem } from "../../provider/settings/rules";
import { shardShares } from "../../provider/shards/shares";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";
import { rosterPbxUser } from "../helpers/roster-pbx";

const user = (name: string, extension: string, role: string, shard?: string) =>
    rosterPbxUser(name, extension, role) + (shard ? `      shard: ${shard}\n` : "");

const roster = (users: string) => `shards: [east, west, north]
pbx:
  roles:
    - name: Support
      permissions: { policies: { internalCalls: true } }
    - name: Sales
      permissions: { policies: { internalCalls: true } }
    - name: Unused
      permissions: { policies: { internalCalls: true } }
  users:
${users}  groups:
    - name: Desk
      members: [alice, bob]
      shard: north
sections: [pbx.roles, pbx.users, pbx.groups]
`;

const names = (text: string) => Object.fromEntries(splitRoster(parseRoster(text)).map((shard) => [shard.name, shard.names]));

describe("roster shards", () => {
    const text = roster(user("alice", "1001", "Support", "west") + user("bob", "1002", "Support") + user("carol", "1003", "Sales", "west"));

    it("puts each entry in its shard; a role goes with its users, to the first of their shards", () => {
        assert.deepEqual(names(text), {
            east: ["pbx-role-Support", "pbx-role-Unused", "pbx-user-bob"],
            west: ["pbx-role-Sales", "pbx-user-alice", "pbx-user-carol"],
            north: ["pbx-group-Desk"],
        });
    });

    it("names an entry of another shard by value, and depends on that shard", () => {
        const [east, west, north] = splitRoster(parseRoster(text));
        assert.equal(west.roster.sections.pbx!.users![0].role, "Support");
        assert.deepEqual(west.dependsOn, ["east"]);
        assert.deepEqual(east.dependsOn, []);
        // The group's members are users of two other shards: their extensions.
        assert.deepEqual(north.roster.sections.pbx!.groups![0].members, ["1001", "1002"]);
        assert.deepEqual(north.dependsOn, ["east", "west"]);
        // Every declared section is in every shard, empty when it has none of its entries.
        assert.deepEqual(north.roster.sections.pbx!.users, []);
    });

    it("changes the digest of the shards an edit touches, and no other", () => {
        const before = splitRoster(parseRoster(text));
        const after = splitRoster(parseRoster(text.replace("Carol Example", "Caroline Example")));
        assert.deepEqual(before.map((s, i) => s.hash === after[i].hash), [true, false, true]);
    });

    it("refuses an unknown shard, a shard key without shards, and dependsOn across shards", () => {
        const problems = (yaml: string) => {
            try {
                parseRoster(yaml);
            } catch (error) {
                assert.ok(error instanceof RosterError, String(error));
                return error.problems.map((p) => `${p.path}: ${p.message}`);
            }
            return [];
        };
        assert.match(problems(roster(user("alice", "1001", "Support", "south") + user("bob", "1002", "Support")))[0], /pbx\.users\[0\]\.shard: "south" is not one of the roster's shards/);
        assert.match(
            problems(`pbx:\n  users:\n${user("alice", "1001", "StandardUser", "east")}sections: [pbx.users]\n`)[0],
            /shard: names shard "east", but the roster has no `shards:` list/,
        );
        const across = roster(user("alice", "1001", "Support", "west") + user("bob", "1002", "Support") + "      options: { dependsOn: [pbx-user-alice] }\n");
        assert.match(problems(across)[0], /dependsOn\[0\]: pbx-user-alice is in shard west, this entry in east/);
    });

    it("finds entries whose state is in one shard and whose entry is now in another", () => {
        const shards = splitRoster(parseRoster(text));
        const states = new Map([["east", new Map([["pbx-user-alice", "urn:a"], ["pbx-user-bob", "urn:b"], ["pbx-user-gone", "urn:g"]])]]);
        assert.deepEqual(findMoves(shards, states), [{ name: "pbx-user-alice", from: "east", to: "west", urn: "urn:a" }]);
    });
});

describe("shard scheduling and shares", () => {
    restoreUcaasVariablesAfterEach();

    it("takes the shard's share through its settings: requests per vendor, and Masergy's poll interval", () => {
        assert.equal(settingValueProblem("maxConcurrentRequests", "4", () => undefined), undefined);
        assert.match(settingValueProblem("maxConcurrentRequests", "2.5", () => undefined)!, /a whole number of requests greater than 0/);
        assert.match(settingValueProblem("masergyPollSharedBy", "0", () => undefined)!, /is out of range/);
        process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "10";
        process.env.UCAAS_MASERGY_POLL_SHARED_BY = "3";
        assert.equal(masergyJobTiming().intervalMs, 30_000);
    });

    it("splits the bound per vendor among the stacks that run at once", () => {
        assert.deepEqual(shardShares(8, 4, 10, 3), { parallel: 4, requestsPerShard: 2, masergyPollSharedBy: 3 });
        assert.deepEqual(shardShares(8, 4, 2, 0), { parallel: 2, requestsPerShard: 4, masergyPollSharedBy: 1 });
        assert.throws(() => shardShares(2, 4, 4, 0), /4 shard stacks at once cannot share a bound of 2/);
    });

    it("runs at most `parallel` at once, each after its dependencies, and skips what depends on a failure", async () => {
        const deps = new Map([["b", ["a"]], ["c", ["a"]], ["d", ["x"]], ["x", []]]);
        let running = 0;
        let most = 0;
        const order: string[] = [];
        const outcomes = await runScheduled(["a", "b", "c", "x", "d"], deps, 2, async (name) => {
            most = Math.max(most, ++running);
            await new Promise((resolve) => setTimeout(resolve, 10));
            running--;
            order.push(name);
            if (name === "x") throw new Error("x failed");
        });
        assert.equal(most, 2);
        assert.ok(order.indexOf("a") < order.indexOf("b") && order.indexOf("a") < order.indexOf("c"));
        assert.deepEqual(outcomes.get("d"), { status: "not run", because: "x did not complete" });
        assert.equal(outcomes.get("x")?.status, "failed");
        assert.deepEqual(dependencyCycle(["a", "b"], new Map([["a", ["b"]], ["b", ["a"]]])), ["a", "b", "a"]);
    });
});
