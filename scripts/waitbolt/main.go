// Command waitbolt waits until a Neo4j server answers on Bolt, polling the
// driver's VerifyConnectivity. scripts/neo4j-up.sh runs it after starting the
// server.
//
//	go run ./scripts/waitbolt [-timeout 120s] [-pid N]
//
// It reads NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USERNAME (neo4j) and
// NEO4J_PASSWORD. It exits 0 once the server accepts the credentials, 1 on
// timeout or when the process given by -pid has died, and 2 at once when the
// server refuses the credentials (waiting longer would not help).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"
)

func main() {
	timeout := flag.Duration("timeout", 120*time.Second, "give up after this long")
	pid := flag.Int("pid", 0, "stop waiting when this process has exited")
	quiet := flag.Bool("q", false, "print nothing on success")
	flag.Parse()

	uri := env("NEO4J_URI", "bolt://127.0.0.1:7687")
	user := env("NEO4J_USERNAME", "neo4j")
	pass := env("NEO4J_PASSWORD", "irkg-local-pw")

	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pass, ""),
		func(c *neo4j.Config) { c.SocketConnectTimeout = 2 * time.Second })
	if err != nil {
		fmt.Fprintf(os.Stderr, "waitbolt: %v\n", err)
		os.Exit(2)
	}
	defer drv.Close(context.Background())

	start := time.Now()
	deadline := start.Add(*timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		last = drv.VerifyConnectivity(ctx)
		cancel()
		if last == nil {
			if !*quiet {
				fmt.Printf("waitbolt: %s answers (after %.1fs)\n", uri, time.Since(start).Seconds())
			}
			return
		}
		var ne *db.Neo4jError
		if errors.As(last, &ne) && ne.Code == "Neo.ClientError.Security.Unauthorized" {
			fmt.Fprintf(os.Stderr, "waitbolt: %s refused the credentials of user %q: %v\n", uri, user, last)
			os.Exit(2)
		}
		if *pid > 0 && syscall.Kill(*pid, 0) != nil {
			fmt.Fprintf(os.Stderr, "waitbolt: the server process %d has exited: %v\n", *pid, last)
			os.Exit(1)
		}
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Fprintf(os.Stderr, "waitbolt: %s did not answer within %s: %v\n", uri, *timeout, last)
	os.Exit(1)
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
