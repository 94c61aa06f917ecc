// Package ingest turns inputs into a stream of kg.Article: plain-text and
// Markdown files with optional YAML front matter, HTML pages (reduced to the
// article by readability), RSS and Atom feeds (files or http(s) URLs, one
// article per item) and JSONL dumps (plain or gzipped, one article per line).
//
// Read is the one entry point. It streams: a directory is walked in lexical
// order and a dump is read line by line, so memory holds one document (or one
// line) at a time. A bad item is a Problem, reported through Options.Warn and
// counted in Stats, and the run goes on; Options.Strict makes the first one
// fatal.
//
// Every article leaves with the same shape whatever its format: Text is valid
// UTF-8 with \n line endings, its first line is Title, a blank line follows
// when there is a body; Published is an ISO date ("2022-08-01") or a partial
// one ("2022", "2022-08") or ""; Lang is "fr" or "en", taken from the input's
// metadata or else detected by DetectLang. Articles in other languages are
// skipped as "unsupported-language", never guessed.
package ingest
