// Command browserassets serves irkg's Neo4j Browser assets (neo4j/browser/: the
// irkg.grass stylesheet and the guide.html guide) over HTTP, so that the Browser's
// `:style URL` and `:play URL` commands, and browser.post_connect_cmd, can fetch
// them. Neo4j's own HTTP server cannot serve arbitrary files.
//
//	go run ./scripts/browserassets [-addr 127.0.0.1:7490] [-dir neo4j/browser]
//
// scripts/browser-assets.sh builds it into .neo4j/bin and starts it in the
// background. The Browser page (http://127.0.0.1:7474) fetches the files with
// XMLHttpRequest from another origin, so every answer carries
// Access-Control-Allow-Origin: *. Only GET, HEAD and OPTIONS are answered, and
// nothing is cached, so that an edited stylesheet is picked up on the next connect.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// Marker is the value of the X-Irkg-Browser-Assets header on every answer:
// scripts/browser-assets.sh uses it to tell this server from another program on the port.
const Marker = "1"

func main() {
	addr := flag.String("addr", "127.0.0.1:7490", "listen address")
	dir := flag.String("dir", "neo4j/browser", "folder to serve")
	flag.Parse()

	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "browserassets: %s is not a folder\n", *dir)
		os.Exit(2)
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           handler(*dir),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("browserassets: serving %s on http://%s/", *dir, *addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintf(os.Stderr, "browserassets: %v\n", err)
		os.Exit(1)
	}
}

// handler serves the files of dir with CORS and no-cache headers.
func handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Irkg-Browser-Assets", Marker)
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "*")
		h.Set("Cache-Control", "no-cache, no-store, must-revalidate")
		switch r.Method {
		case http.MethodOptions:
			w.WriteHeader(http.StatusNoContent)
			return
		case http.MethodGet, http.MethodHead:
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch strings.ToLower(path.Ext(r.URL.Path)) {
		case ".grass", ".conf", ".cypher":
			h.Set("Content-Type", "text/plain; charset=utf-8")
		case ".html":
			h.Set("Content-Type", "text/html; charset=utf-8")
		}
		log.Printf("%s %s", r.Method, r.URL.Path)
		files.ServeHTTP(w, r)
	})
}
