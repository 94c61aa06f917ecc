package graph_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkLoaders measures, in one run, the batched loader on
// IRKG_BENCH_FACTS synthetic facts (default 100,000) and the per-fact loader
// (one transaction per fact) on the first IRKG_BENCH_PERFACT of them (default
// 5,000), both into an emptied graph that holds all the nodes. The rates are
// facts written per second during the relationship phase.
//
//	go test -run '^$' -bench Loaders -benchtime 1x ./graph/    (or bench/load_bench.sh)
func BenchmarkLoaders(b *testing.B) {
	c := graphtest.Client(b)
	ctx := context.Background()
	nFacts := envInt("IRKG_BENCH_FACTS", 100000)
	nPerFact := min(envInt("IRKG_BENCH_PERFACT", 5000), nFacts)
	batch := envInt("IRKG_BENCH_BATCH", graph.DefaultBatchSize)
	in := synthInput(nFacts, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		graphtest.Clean(b, c)
		l := &graph.Loader{Client: c, BatchSize: batch}
		s, err := l.Load(ctx, in)
		if err != nil {
			b.Fatal(err)
		}
		batched := float64(len(in.Facts)) / s.RelsElapsed.Seconds()
		b.Logf("batched (batch %d): %d facts -> %d relationships in %.2fs = %.0f facts/s, %.0f rel/s; whole load %.2fs (%d nodes in %.2fs, %d mentions, %d statements)",
			batch, len(in.Facts), s.RelsCreated, s.RelsElapsed.Seconds(), batched,
			float64(s.RelsCreated)/s.RelsElapsed.Seconds(), s.Elapsed.Seconds(),
			s.NodesCreated, s.NodesElapsed.Seconds(), s.MentionsCreated, s.Statements)

		graphtest.Clean(b, c)
		sub := &graph.Input{Documents: in.Documents, Entities: in.Entities, Facts: in.Facts[:nPerFact]}
		pl := &graph.Loader{Client: c, BatchSize: batch, PerFact: true}
		ps, err := pl.Load(ctx, sub)
		if err != nil {
			b.Fatal(err)
		}
		perFact := float64(nPerFact) / ps.RelsElapsed.Seconds()
		b.Logf("per-fact: %d facts -> %d relationships in %.2fs = %.0f facts/s (one transaction each)",
			nPerFact, ps.RelsCreated, ps.RelsElapsed.Seconds(), perFact)
		b.Logf("batched / per-fact = %.1fx", batched/perFact)
		b.ReportMetric(batched, "batched-facts/s")
		b.ReportMetric(perFact, "perfact-facts/s")
		b.ReportMetric(batched/perFact, "speedup")
	}
}
