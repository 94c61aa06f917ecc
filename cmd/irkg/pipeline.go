package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/irkg/irkg/extract"
	"github.com/irkg/irkg/ingest"
	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/schemas"
)

// inputOptions are the flags shared by commands that read articles.
type inputOptions struct {
	Inputs      []string
	InputFormat string
	Strict      bool
	Workers     int
	SchemaFiles []string
	Lang        string // force a language
}

// summary counts what a run read and wrote.
type summary struct {
	ingest.Stats
	Failed int // articles the extractor refused
	Facts  int
}

// loadExtractor loads the schema (with user files) and builds the extractor.
func loadExtractor(files []string) (*extract.Extractor, error) {
	s, err := schemas.Load(files...)
	if err != nil {
		return nil, withCode(exitSchema, fmt.Errorf("schema: %w", err))
	}
	return extract.New(s), nil
}

// extractAll streams the articles of opts.Inputs through the extractor on a
// pool of workers and hands the results to sink in input order. Memory stays
// bounded: at most 4×workers articles are in flight.
func extractAll(ctx context.Context, x *extract.Extractor, opts inputOptions, stdin io.Reader, stderr io.Writer, sink func(kg.Result) error) (summary, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		a   kg.Article
	}
	type done struct {
		seq int
		r   kg.Result
		err error
		a   kg.Article
	}
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r, err := x.Extract(j.a)
				results <- done{j.seq, r, err, j.a}
			}
		}()
	}
	var sum summary
	slots := make(chan struct{}, 4*workers)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		st, err := ingest.Read(ctx, opts.Inputs, ingest.Options{
			Format: opts.InputFormat, Strict: opts.Strict, Stdin: stdin, Lang: opts.Lang,
			Warn: func(p ingest.Problem) { fmt.Fprintf(stderr, "irkg: skipped %v\n", p) },
		}, func(a kg.Article) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, a}:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			return nil
		})
		sum.Stats = st
		readErr = err
	}()
	go func() { wg.Wait(); close(results) }()

	pending := map[int]done{}
	next := 0
	var sinkErr error
	for d := range results {
		pending[d.seq] = d
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if sinkErr != nil {
				continue
			}
			if p.err != nil {
				sum.Failed++
				err := fmt.Errorf("%s: %w", origin(p.a), p.err)
				if opts.Strict {
					sinkErr = withCode(exitInput, err)
					cancel()
					continue
				}
				fmt.Fprintf(stderr, "irkg: skipped %v\n", err)
				continue
			}
			sum.Facts += len(p.r.Facts)
			if err := sink(p.r); err != nil {
				sinkErr = err
				cancel()
			}
		}
	}
	if sinkErr != nil {
		return sum, sinkErr
	}
	if readErr != nil {
		return sum, withCode(exitInput, readErr)
	}
	return sum, nil
}

// line is the run's summary: read, skipped with reasons, refused, facts, time.
func (s summary) line(d time.Duration) string {
	reasons := make([]string, 0, len(s.SkippedBy))
	for r, n := range s.SkippedBy {
		reasons = append(reasons, fmt.Sprintf("%s %d", r, n))
	}
	sort.Strings(reasons)
	skipped := fmt.Sprintf("%d skipped", s.Skipped)
	if len(reasons) > 0 {
		skipped += " (" + strings.Join(reasons, ", ") + ")"
	}
	return fmt.Sprintf("%d articles read, %s, %d refused, %d facts, %s", s.Read, skipped, s.Failed, s.Facts, d.Round(time.Millisecond))
}

func origin(a kg.Article) string {
	if a.Origin != "" {
		return a.Origin
	}
	return a.Source
}
