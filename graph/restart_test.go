package graph_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

// localServer reports whether the test server is the one scripts/neo4j-up.sh
// started from this checkout (so that the test may stop and start it).
func localServer(t *testing.T) (root string, ok bool) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, ".neo4j")
	if inst := os.Getenv("NEO4J_INSTANCE"); inst != "" {
		dir = filepath.Join(dir, "instances", inst)
	}
	b, err := os.ReadFile(filepath.Join(dir, "server.pid"))
	if err != nil {
		return root, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return root, false
	}
	_, err = os.Stat(filepath.Join("/proc", strconv.Itoa(pid)))
	port := os.Getenv("NEO4J_BOLT_PORT")
	if port == "" {
		port = "7687"
	}
	return root, err == nil && graphtest.Config().URI == "bolt://127.0.0.1:"+port
}

func script(t *testing.T, root, name string) {
	t.Helper()
	cmd := exec.Command("bash", filepath.Join(root, "scripts", name))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	t.Logf("%s: %s", name, strings.TrimSpace(string(out)))
}

// TestServerStoppedMidLoad stops the real server between two batches of a
// load: the load must fail with an "unreachable" error, and once the server
// is back, running the same load again must give the graph a single
// uninterrupted load gives.
func TestServerStoppedMidLoad(t *testing.T) {
	c := graphtest.Client(t)
	root, ok := localServer(t)
	if !ok {
		t.Skip("needs the server of scripts/neo4j-up.sh from this checkout (NEO4J_INSTANCE and NEO4J_BOLT_PORT as given to it)")
	}
	ctx := context.Background()
	in := synthInput(6000, 7)

	// The reference: one uninterrupted load.
	load(t, c, in)
	want := graphtest.Snapshot(t, c)
	graphtest.Clean(t, c)

	// Stop the server once a third of the rows are written, while the loader
	// waits between two statements; then let it go on against a dead server.
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			script(t, root, "neo4j-up.sh")
		}
	})
	var once sync.Once
	stopped := make(chan struct{})
	l := &graph.Loader{Client: c, BatchSize: 200, Progress: func(done, total int) {
		if done*3 >= total {
			once.Do(func() {
				script(t, root, "neo4j-down.sh")
				close(stopped)
			})
		}
	}}
	_, err := l.Load(ctx, in)
	select {
	case <-stopped:
	default:
		t.Fatal("the load ended before the server was stopped")
	}
	if err == nil {
		t.Fatal("the load succeeded although the server was stopped")
	}
	if graph.KindOf(err) != graph.KindUnreachable {
		t.Errorf("error kind %v, want unreachable: %v", graph.KindOf(err), err)
	}
	if msg := err.Error(); !strings.Contains(msg, "Neo4j unreachable") || !strings.Contains(msg, "batch") || strings.Contains(msg, "\n") {
		t.Errorf("error is not one clear line naming the batch: %q", msg)
	}
	t.Logf("load error: %v", err)

	script(t, root, "neo4j-up.sh")
	restarted = true
	c2, err := graph.Connect(ctx, graphtest.Config())
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close(ctx)
	l2 := &graph.Loader{Client: c2, BatchSize: 200}
	if _, err := l2.Load(ctx, in); err != nil {
		t.Fatalf("rerun after restart: %v", err)
	}
	graphtest.Compare(t, "graph after an interrupted load and a rerun", graphtest.Snapshot(t, c2), want)
}
