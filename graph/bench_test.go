package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// serverCPU returns a function giving the CPU time the local server (the one
// of scripts/neo4j-up.sh, NEO4J_INSTANCE) has used so far, or nil when the
// server is not a local process of this checkout.
func serverCPU() func() time.Duration {
	dir := filepath.Join("..", ".neo4j")
	if inst := os.Getenv("NEO4J_INSTANCE"); inst != "" {
		dir = filepath.Join(dir, "instances", inst)
	}
	b, err := os.ReadFile(filepath.Join(dir, "server.pid"))
	if err != nil {
		return nil
	}
	stat := filepath.Join("/proc", strings.TrimSpace(string(b)), "stat")
	read := func() time.Duration {
		b, err := os.ReadFile(stat)
		if err != nil {
			return 0
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 on
		ut, _ := strconv.Atoi(f[11])                             // utime, field 14
		st, _ := strconv.Atoi(f[12])                             // stime, field 15
		return time.Duration(ut+st) * (time.Second / 100)        // clock ticks (USER_HZ = 100)
	}
	if read() == 0 {
		return nil
	}
	return read
}

// BenchmarkLoaders measures, in one run, the batched loader on
// IRKG_BENCH_FACTS synthetic facts (default 100,000) and the per-fact loader
// (one transaction per fact) on the first IRKG_BENCH_PERFACT of them (default
// 5,000), each into an emptied graph that holds all the nodes, in
// IRKG_BENCH_ROUNDS interleaved rounds (default 2). The rates are facts
// written per second during the relationship phase; the best round of each
// is reported, as other work on the machine only ever slows a round down.
// When the server is the local one, the rates per second of server CPU are
// reported too, which other load on the machine hardly changes.
//
//	go test -run '^$' -bench Loaders -benchtime 1x ./graph/    (or bench/load_bench.sh)
func BenchmarkLoaders(b *testing.B) {
	c := graphtest.Client(b)
	ctx := context.Background()
	nFacts := envInt("IRKG_BENCH_FACTS", 100000)
	nPerFact := min(envInt("IRKG_BENCH_PERFACT", 5000), nFacts)
	batch := envInt("IRKG_BENCH_BATCH", graph.DefaultBatchSize)
	rounds := envInt("IRKG_BENCH_ROUNDS", 2)
	in := synthInput(nFacts, 1)
	sub := &graph.Input{Documents: in.Documents, Entities: in.Entities, Facts: in.Facts[:nPerFact]}
	cpu := serverCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var best, bestCPU [2]float64 // [batched, per-fact]
		for r := 1; r <= rounds; r++ {
			for k, perFact := range []bool{false, true} {
				graphtest.Clean(b, c)
				input, n := in, nFacts
				if perFact {
					input, n = sub, nPerFact
				}
				// The server's CPU after each statement, to isolate the relationship phase.
				type mark struct {
					done int
					cpu  time.Duration
				}
				var marks []mark
				var cpu0 time.Duration
				l := &graph.Loader{Client: c, BatchSize: batch, PerFact: perFact}
				if cpu != nil {
					cpu0 = cpu()
					l.Progress = func(done, _ int) { marks = append(marks, mark{done, cpu()}) }
				}
				s, err := l.Load(ctx, input)
				if err != nil {
					b.Fatal(err)
				}
				var relCPU time.Duration
				if cpu != nil {
					nodeRows := s.Entities + s.Documents
					relRows := s.Relations
					if perFact {
						relRows = n
					}
					from, to := cpu0, time.Duration(0)
					for _, m := range marks {
						if m.done <= nodeRows {
							from = m.cpu
						}
						if m.done <= nodeRows+relRows {
							to = m.cpu
						}
					}
					relCPU = to - from
				}
				report(b, r, perFact, batch, n, s, relCPU)
				best[k] = max(best[k], float64(n)/s.RelsElapsed.Seconds())
				if relCPU > 0 {
					bestCPU[k] = max(bestCPU[k], float64(n)/relCPU.Seconds())
				}
			}
		}
		b.Logf("best of %d rounds: batched %.0f facts/s, per-fact %.0f facts/s: %.1fx", rounds, best[0], best[1], best[0]/best[1])
		b.ReportMetric(best[0], "batched-facts/s")
		b.ReportMetric(best[1], "perfact-facts/s")
		b.ReportMetric(best[0]/best[1], "speedup")
		if bestCPU[0] > 0 && bestCPU[1] > 0 {
			b.Logf("per second of server CPU: batched %.0f facts, per-fact %.0f facts: %.1fx", bestCPU[0], bestCPU[1], bestCPU[0]/bestCPU[1])
			b.ReportMetric(bestCPU[0], "batched-facts/cpu-s")
			b.ReportMetric(bestCPU[1], "perfact-facts/cpu-s")
		}
	}
}

func report(b *testing.B, round int, perFact bool, batch, n int, s graph.Summary, cpu time.Duration) {
	what := "batched (batch " + strconv.Itoa(batch) + ")"
	if perFact {
		what = "per-fact (a transaction each)"
	}
	cpuText := ""
	if cpu > 0 {
		cpuText = ", server CPU " + cpu.Round(10*time.Millisecond).String()
	}
	b.Logf("round %d %s: %d facts -> %d relationships in %.2fs = %.0f facts/s (%.0f rel/s created%s); whole load %.2fs (%d nodes, %d mentions, %d statements)",
		round, what, n, s.RelsCreated, s.RelsElapsed.Seconds(), float64(n)/s.RelsElapsed.Seconds(),
		float64(s.RelsCreated)/s.RelsElapsed.Seconds(), cpuText, s.Elapsed.Seconds(),
		s.NodesCreated, s.MentionsCreated, s.Statements)
}
