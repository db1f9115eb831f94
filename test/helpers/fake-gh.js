#!/usr/bin/env node
// A stand-in for the GitHub CLI, for running the workflow's steps in tests: the calls those steps
// make, against issues and pull-request comments kept in the JSON file $FAKE_GH_STATE. Every call
// is appended to the state's `calls`. Anything else fails, so a step that starts calling
// something new fails its test.
"use strict";
const fs = require("node:fs");

const file = process.env.FAKE_GH_STATE;
const state = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { issues: [], comments: [], labels: [], calls: [] };
const args = process.argv.slice(2);
state.calls.push(args);
const flag = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
};
const bodyFile = () => fs.readFileSync(flag("--body-file"), "utf8");
const save = () => fs.writeFileSync(file, JSON.stringify(state, null, 2));
const fail = () => {
    save();
    process.stderr.write(`fake gh: unexpected call: gh ${args.join(" ")}\n`);
    process.exit(1);
};

const [group, verb] = args;
if (group === "issue" && verb === "list") {
    const open = state.issues.filter((issue) => issue.state === "open" && issue.labels.includes(flag("--label")));
    process.stdout.write(JSON.stringify(open.map(({ number, title }) => ({ number, title }))));
} else if (group === "issue" && verb === "create") {
    const number = state.issues.length + 1;
    state.issues.push({ number, title: flag("--title"), labels: [flag("--label")], body: bodyFile(), state: "open", comments: [] });
    process.stdout.write(`https://github.com/o/r/issues/${number}\n`);
} else if (group === "issue" && (verb === "edit" || verb === "close")) {
    const issue = state.issues.find((candidate) => candidate.number === Number(args[2])) ?? fail();
    if (verb === "edit") issue.body = bodyFile();
    if (verb === "close") Object.assign(issue, { state: "closed", comments: [...issue.comments, flag("--comment")] });
} else if (group === "label" && verb === "create") {
    state.labels.push(args[2]);
} else if (group === "pr" && verb === "comment") {
    state.comments.push({ id: 1000 + state.comments.length, pr: Number(args[2]), body: bodyFile() });
} else if (group === "api" && args.includes("--slurp")) {
    const pr = Number(/issues\/(\d+)\/comments$/.exec(args[args.length - 1])?.[1] ?? fail());
    process.stdout.write(JSON.stringify([state.comments.filter((comment) => comment.pr === pr)]));
} else if (group === "api" && flag("--method") === "PATCH") {
    const id = Number(/issues\/comments\/(\d+)$/.exec(args[3])?.[1] ?? fail());
    const comment = state.comments.find((candidate) => candidate.id === id) ?? fail();
    comment.body = fs.readFileSync(/^body=@(.*)$/.exec(flag("-F"))[1], "utf8");
} else {
    fail();
}
save();
