// Package graphtest gives integration tests a real Neo4j: connected, locked
// against tests of other packages that use the same server, and emptied.
//
// Neo4j Community has one user database, so every test that writes owns the
// whole graph while it runs: Client takes an exclusive file lock (released at
// the end of the test) and deletes every node.
//
// Without a server (or with -short) the tests are skipped, except when CI is
// set or IRKG_REQUIRE_NEO4J=1: then a missing server is a failure. Start one
// with scripts/neo4j-up.sh; to keep the development graph, run the tests on a
// second instance (NEO4J_INSTANCE=test NEO4J_BOLT_PORT=7689 NEO4J_HTTP_PORT=7476
// bash scripts/neo4j-up.sh, then NEO4J_URI=bolt://127.0.0.1:7689 with the same
// NEO4J_INSTANCE and NEO4J_BOLT_PORT for the stop/restart test).
package graphtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/irkg/irkg/graph"
)

// DefaultPassword is the local server's documented default (scripts/neo4j-up.sh).
const DefaultPassword = "irkg-local-pw"

// Required reports whether a missing server must fail the tests.
func Required() bool {
	ci := os.Getenv("CI")
	return (ci != "" && ci != "false" && ci != "0") || os.Getenv("IRKG_REQUIRE_NEO4J") == "1"
}

// Config is graph.ConfigFromEnv with the local default password.
func Config() graph.Config {
	cfg := graph.ConfigFromEnv()
	if cfg.Password == "" {
		cfg.Password = DefaultPassword
	}
	cfg.RetryTime = 10 * time.Second
	return cfg
}

// Client connects to the test server, locks it for the rest of the test and
// empties the graph (constraints are kept).
func Client(t testing.TB) *graph.Client {
	t.Helper()
	if testing.Short() && !Required() {
		t.Skip("integration test: skipped with -short (CI or IRKG_REQUIRE_NEO4J=1 runs it anyway)")
	}
	Lock(t)
	ctx := context.Background()
	cfg := Config()
	c, err := graph.Connect(ctx, cfg)
	if err != nil {
		if graph.KindOf(err) == graph.KindUnreachable && !Required() {
			t.Skipf("no Neo4j at %s (start one with scripts/neo4j-up.sh; set CI or IRKG_REQUIRE_NEO4J=1 to fail instead): %v", cfg.URI, err)
		}
		t.Fatalf("Neo4j needed at %s (scripts/neo4j-up.sh): %v", cfg.URI, err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	Clean(t, c)
	return c
}

// Clean deletes every relationship, then every node, in batches small
// enough for the server's transaction memory limit.
func Clean(t testing.TB, c *graph.Client) {
	t.Helper()
	ctx := context.Background()
	for _, stmt := range []string{
		"MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n",
		"MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n",
	} {
		for {
			tab, err := c.Run(ctx, stmt, nil)
			if err != nil {
				t.Fatalf("clean the graph: %v", err)
			}
			if n, _ := tab.Rows[0][0].(int64); n == 0 {
				break
			}
		}
	}
}

// The lock is held once per process (tests of one package run one at a time
// unless they call t.Parallel, which these tests must not), and counted, so a
// test may call Client more than once.
var (
	lockMu   sync.Mutex
	lockFile *os.File
	lockRefs int
)

// Lock takes the machine-wide lock of the test server until the test ends.
func Lock(t testing.TB) {
	t.Helper()
	lockMu.Lock()
	defer lockMu.Unlock()
	if lockRefs == 0 {
		// One lock per server: tests against two instances do not wait for each other.
		name := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' {
				return r
			}
			return '_'
		}, strings.ToLower(Config().URI))
		path := filepath.Join(os.TempDir(), "irkg-neo4j-tests-"+name+".lock")
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
		if err != nil {
			t.Fatalf("open test lock: %v", err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			t.Fatalf("lock %s: %v", path, err)
		}
		lockFile = f
	}
	lockRefs++
	t.Cleanup(func() {
		lockMu.Lock()
		defer lockMu.Unlock()
		lockRefs--
		if lockRefs == 0 {
			syscall.Flock(int(lockFile.Fd()), syscall.LOCK_UN)
			lockFile.Close()
			lockFile = nil
		}
	})
}
