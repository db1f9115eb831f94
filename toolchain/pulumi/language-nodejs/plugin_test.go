package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func envMap(env []string) map[string]string {
	m := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v // the last value wins, as for exec
	}
	return m
}

func TestPolicyPackEnv(t *testing.T) {
	env, err := policyPackEnv([]string{"A=1"}, &pulumirpc.AnalyzerStackConfigureRequest{
		Organization:     "org",
		Project:          "proj",
		Stack:            "dev",
		DryRun:           true,
		Config:           map[string]string{"p:k": "v"},
		ConfigSecretKeys: []string{"p:k"},
	}, runtimeOptions{typescript: false, tsconfig: "tsconfig.policy.json"})
	if err != nil {
		t.Fatal(err)
	}
	m := envMap(env)
	want := map[string]string{
		"A": "1", "PULUMI_NODEJS_ORGANIZATION": "org", "PULUMI_NODEJS_PROJECT": "proj",
		"PULUMI_NODEJS_STACK": "dev", "PULUMI_NODEJS_DRY_RUN": "true", "PULUMI_NODEJS_TYPESCRIPT": "false",
		"PULUMI_NODEJS_TSCONFIG_PATH": "tsconfig.policy.json", "PULUMI_CONFIG_SECRET_KEYS": `["p:k"]`,
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s=%q, want %q", k, m[k], v)
		}
	}
	var cfg map[string]string
	if err := json.Unmarshal([]byte(m["PULUMI_CONFIG"]), &cfg); err != nil || cfg["p:k"] != "v" {
		t.Errorf("PULUMI_CONFIG=%q", m["PULUMI_CONFIG"])
	}

	// Without a stack (`pulumi policy publish`), only the engine's environment and the runtime options.
	env, err = policyPackEnv([]string{"A=1"}, nil, runtimeOptions{typescript: true})
	if err != nil {
		t.Fatal(err)
	}
	if m := envMap(env); len(m) != 2 || m["PULUMI_NODEJS_TYPESCRIPT"] != "true" {
		t.Errorf("unexpected %v", env)
	}
}

func TestRunPluginRunsPolicyPacksOnly(t *testing.T) {
	h := newHost(context.Background(), options{})
	err := h.RunPlugin(&pulumirpc.RunPluginRequest{Kind: "resource", Name: "x"}, nil)
	if status.Code(err) != codes.Unimplemented || !strings.Contains(err.Error(), "policy packs only") {
		t.Fatalf("unexpected %v", err)
	}
}
