// A minimal policy pack for the toolchain test, speaking the engine's Analyzer protocol directly with
// the gRPC code that @pulumi/pulumi ships (no @pulumi/policy): it shows that the CLI starts a Node.js
// policy pack through our language host, hands it the stack's settings, and applies its verdicts.
//   - "stack-seen" (advisory) reports every dynamic resource with the stack and config the pack received;
//   - "no-forbidden-name" (mandatory) rejects a dynamic resource whose `name` input is "forbidden".
const grpc = require("@grpc/grpc-js");
const pulumi = require("@pulumi/pulumi");
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const pluginProto = require("@pulumi/pulumi/proto/plugin_pb");
const emptyProto = require("google-protobuf/google/protobuf/empty_pb");

const packName = "toolchain-test-pack";
const packVersion = "0.0.1";
const { ADVISORY, MANDATORY } = analyzerProto.EnforcementLevel;

function policy(name, description, level) {
    const info = new analyzerProto.PolicyInfo();
    info.setName(name);
    info.setDescription(description);
    info.setEnforcementlevel(level);
    return info;
}

function diagnostic(name, level, urn, message) {
    const d = new analyzerProto.AnalyzeDiagnostic();
    d.setPolicyname(name);
    d.setPolicypackname(packName);
    d.setPolicypackversion(packVersion);
    d.setEnforcementlevel(level);
    d.setUrn(urn);
    d.setMessage(message);
    return d;
}

const ok = (callback, value) => callback(null, value);

const server = new grpc.Server();
server.addService(analyzerRpc.AnalyzerService, {
    getAnalyzerInfo(_call, callback) {
        const info = new analyzerProto.AnalyzerInfo();
        info.setName(packName);
        info.setVersion(packVersion);
        info.setPoliciesList([
            policy("stack-seen", "reports the stack the pack runs for", ADVISORY),
            policy("no-forbidden-name", "a dynamic resource may not be named 'forbidden'", MANDATORY),
        ]);
        ok(callback, info);
    },
    getPluginInfo(_call, callback) {
        const info = new pluginProto.PluginInfo();
        info.setVersion(packVersion);
        ok(callback, info);
    },
    configure(_call, callback) {
        ok(callback, new emptyProto.Empty());
    },
    analyze(call, callback) {
        const req = call.request;
        const response = new analyzerProto.AnalyzeResponse();
        if (req.getType() === "pulumi-nodejs:dynamic:Resource") {
            const props = req.getProperties()?.toJavaScript() ?? {};
            const marker = new pulumi.Config("policytest").get("marker") ?? "(none)";
            const diagnostics = [
                diagnostic("stack-seen", ADVISORY, req.getUrn(),
                    `resource ${req.getName()} seen in stack ${pulumi.getStack()}, marker ${marker}`),
            ];
            if (props.name === "forbidden") {
                diagnostics.push(diagnostic("no-forbidden-name", MANDATORY, req.getUrn(),
                    `resource ${req.getName()} is named "forbidden"`));
            }
            response.setDiagnosticsList(diagnostics);
        }
        ok(callback, response);
    },
    analyzeStack(_call, callback) {
        ok(callback, new analyzerProto.AnalyzeResponse());
    },
    cancel(_call, callback) {
        ok(callback, new emptyProto.Empty());
    },
});

server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
        console.error(err);
        process.exit(1);
    }
    // The language host reads the port from the first line of our stdout.
    process.stdout.write(`${port}\n`);
});
