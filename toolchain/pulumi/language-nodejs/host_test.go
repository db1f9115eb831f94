package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

func TestParseArgs(t *testing.T) {
	o := parseArgs([]string{"--logtostderr", "-v=9", "--tracing", "http://t", "-root=/r", "--unknown", "-x=1", "127.0.0.1:1234"})
	if o.engineAddress != "127.0.0.1:1234" || o.tracing != "http://t" || o.root != "/r" || o.verbose != 9 || !o.logToStderr {
		t.Fatalf("unexpected %+v", o)
	}
	// A value flag right before the engine address must not swallow it.
	o = parseArgs([]string{"-tsconfig", "127.0.0.1:1"})
	if o.engineAddress != "127.0.0.1:1" || o.tsconfig != "" {
		t.Fatalf("unexpected %+v", o)
	}
	o = parseArgs([]string{"-typescript=false", "-nodeargs=--max-old-space-size=4096 --trace-warnings", "addr"})
	if o.typescript == nil || *o.typescript || o.nodeargs != "--max-old-space-size=4096 --trace-warnings" || o.engineAddress != "addr" {
		t.Fatalf("unexpected %+v", o)
	}
	if o := parseArgs(nil); o.engineAddress != "" {
		t.Fatalf("unexpected %+v", o)
	}
}

func TestRuntimeOptions(t *testing.T) {
	h := newHost(context.Background(), parseArgs([]string{"-typescript=false", "addr"}))
	if ro := h.runtimeOptions(nil); ro.typescript {
		t.Fatal("the -typescript=false flag was ignored")
	}
	opts, err := structpb.NewStruct(map[string]any{"typescript": true, "tsconfig": "tsconfig.pulumi.json", "nodeargs": "--a --b"})
	if err != nil {
		t.Fatal(err)
	}
	ro := h.runtimeOptions(&pulumirpc.ProgramInfo{Options: opts})
	if !ro.typescript || ro.tsconfig != "tsconfig.pulumi.json" || strings.Join(ro.nodeargs, ",") != "--a,--b" {
		t.Fatalf("unexpected %+v", ro)
	}
}

func TestRunResponse(t *testing.T) {
	exit := func(code string) error { return exec.Command("sh", "-c", "exit "+code).Run() }
	if r := runResponse(nil); r.Error != "" || r.Bail {
		t.Fatalf("success: %v", r)
	}
	if r := runResponse(exit("32")); !r.Bail || r.Error != "" {
		t.Fatalf("exit 32 must bail: %v", r)
	}
	if r := runResponse(exit("3")); r.Bail || r.Error != "Program exited with non-zero exit code: 3" {
		t.Fatalf("exit 3: %v", r)
	}
	if r := runResponse(exec.Command("sh", "-c", "kill -TERM $$").Run()); !strings.Contains(r.Error, "signal") {
		t.Fatalf("signal: %v", r)
	}
}

func TestProgramEnv(t *testing.T) {
	t.Setenv("PULUMI_CONFIG", "stale")
	env, err := programEnv(&pulumirpc.RunRequest{
		Config:           map[string]string{"p:foo": "bar"},
		ConfigSecretKeys: nil,
	}, runtimeOptions{typescript: true})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", `printf '%s\n%s\n%s' "$PULUMI_CONFIG" "$PULUMI_CONFIG_SECRET_KEYS" "$PULUMI_NODEJS_TYPESCRIPT"`)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	var cfg map[string]string
	if err := json.Unmarshal([]byte(lines[0]), &cfg); err != nil || cfg["p:foo"] != "bar" {
		t.Fatalf("PULUMI_CONFIG=%q", lines[0])
	}
	if lines[1] != "[]" || lines[2] != "true" {
		t.Fatalf("unexpected %q", lines)
	}
}

func TestLocateModule(t *testing.T) {
	root := t.TempDir()
	run := filepath.Join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, "index.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	program := filepath.Join(root, "sub", "program")
	if err := os.MkdirAll(program, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := locateModule(context.Background(), "node", program, runModule)
	if err != nil || got != filepath.Join(run, "index.js") {
		t.Fatalf("got %q, %v", got, err)
	}
}
