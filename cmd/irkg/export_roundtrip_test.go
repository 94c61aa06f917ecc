package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/irkg/irkg/export"
	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

// The round-trip tests build the same articles' graph twice, once with
// `irkg load` and once through an export (a Cypher script, or CSV files and
// the real neo4j-admin importer), and compare canonical dumps of the two.

// hostile is the text every export must carry as it is.
const hostile = "}) DETACH DELETE n //"

// exportInputs are the development corpus and two articles whose title and
// sentences hold quotes, backticks, backslashes and Cypher.
func exportInputs(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"hostile-fr.txt": `La France sanctionne la Russie: "quotes" 'single' ` + "`tick` " + hostile + "\n\n" +
			`L'Allemagne sanctionne l'Iran ; « c'est "fini" » dit ` + "`Berlin` " + hostile + ` \ fin.` + "\n",
		"hostile-en.txt": `France sanctions Russia over 'the "deal"' ` + "`x` " + hostile + ` \n` + "\n\n" +
			`The United States sanctioned Iran on Monday; the "spokesman" said ` + "`x` }) MATCH (n) DETACH DELETE n // 'ok' \\ done.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return []string{"../../testdata/corpus", dir}
}

// loadWithCLI runs `irkg load` on inputs into the server of c.
func loadWithCLI(t *testing.T, c *graph.Client, inputs []string) {
	t.Helper()
	cfg := c.Config()
	args := []string{"load", "--progress", "never", "--uri", cfg.URI, "--username", cfg.Username,
		"--password", cfg.Password, "--database", cfg.Database}
	_, errs, code := runCLI(t, "", append(args, inputs...)...)
	if code != 0 {
		t.Fatalf("irkg load: exit %d: %s", code, errs)
	}
}

// checkReference makes sure the reference graph is not trivially empty and
// holds the hostile text as text.
func checkReference(t *testing.T, want []string) {
	t.Helper()
	var nodes, rels, hostiles int
	for _, l := range want {
		switch {
		case strings.HasPrefix(l, "N "):
			nodes++
		case strings.HasPrefix(l, "R "):
			rels++
		}
		if strings.Contains(l, hostile) {
			hostiles++
		}
	}
	if nodes < 50 || rels < 100 || hostiles < 3 {
		t.Fatalf("reference graph: %d nodes, %d relationships, %d lines holding %q: too small to compare", nodes, rels, hostiles, hostile)
	}
}

// statements cuts a script of `irkg extract --format cypher` into statements:
// every statement ends with ";" at the end of a line, and no ";" occurs
// anywhere else.
func statements(script string) []string {
	var out []string
	for _, s := range strings.Split(script, ";\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(l, "//") && strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

func runScript(t *testing.T, c *graph.Client, script string) {
	t.Helper()
	for i, s := range statements(script) {
		if _, err := c.Run(context.Background(), s, nil); err != nil {
			t.Fatalf("statement %d: %v\n%.500s", i+1, err, s)
		}
	}
}

// TestCypherExportRoundTrip: the script of --format cypher, run on the real
// server statement by statement (and by cypher-shell when it can be had),
// gives the graph irkg load gives; running it again changes nothing.
func TestCypherExportRoundTrip(t *testing.T) {
	c := graphtest.Client(t)
	inputs := exportInputs(t)
	script, errs, code := runCLI(t, "", append([]string{"extract", "--format", "cypher"}, inputs...)...)
	if code != 0 {
		t.Fatalf("extract --format cypher: exit %d: %s", code, errs)
	}
	if again, _, _ := runCLI(t, "", append([]string{"extract", "--format", "cypher", "--workers", "1"}, inputs...)...); again != script {
		t.Error("the script differs between two runs")
	}

	loadWithCLI(t, c, inputs)
	want := graphtest.Snapshot(t, c)
	checkReference(t, want)

	graphtest.Clean(t, c)
	runScript(t, c, script)
	graphtest.Compare(t, "script through the driver", graphtest.Snapshot(t, c), want)
	runScript(t, c, script)
	graphtest.Compare(t, "script run twice", graphtest.Snapshot(t, c), want)

	t.Run("cypher-shell", func(t *testing.T) {
		shell := cypherShell(t)
		graphtest.Clean(t, c)
		path := filepath.Join(t.TempDir(), "graph.cypher")
		if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg := c.Config()
		cmd := exec.Command("bash", shell, "-a", cfg.URI, "-u", cfg.Username, "-p", cfg.Password,
			"-d", cfg.Database, "--format", "plain", "-f", path)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cypher-shell -f: %v\n%s", err, out)
		}
		graphtest.Compare(t, "script through cypher-shell", graphtest.Snapshot(t, c), want)
	})
}

// cypherShell returns scripts/cypher-shell.sh once it has its jars (mvn
// fetches them the first time); without mvn it skips, unless the tests must
// not skip (CI, IRKG_REQUIRE_NEO4J=1).
func cypherShell(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	shell := filepath.Join(root, "scripts", "cypher-shell.sh")
	out, err := exec.Command("bash", shell, "--version").CombinedOutput()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == 3 && !graphtest.Required() {
			t.Skipf("cypher-shell cannot be had here (set CI or IRKG_REQUIRE_NEO4J=1 to fail instead): %s", out)
		}
		t.Fatalf("scripts/cypher-shell.sh --version: %v\n%s", err, out)
	}
	return shell
}

// TestCypherLiteralsOnServer: literals of hostile strings and edge numbers
// read back on the real server as the values they were made from.
func TestCypherLiteralsOnServer(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	for _, s := range []string{
		"", "l'Iran", `"quoted"`, "`tick`", hostile, `\`, `\'`, `\\'`, `\u0041`, `\U0001F600`,
		"a;b", "line\nbreak\r\n", "\x00\x01\x1f\x7f", "é’«»", "😀 emoji", "\xffbad", "/* c */ // c",
	} {
		lit := export.CypherString(s)
		tab, err := c.Run(ctx, "RETURN "+lit+" AS s", nil)
		if err != nil {
			t.Errorf("RETURN %s: %v", lit, err)
			continue
		}
		if got, want := tab.Rows[0][0], string([]rune(s)); got != want {
			t.Errorf("%s reads back as %q, want %q", lit, got, want)
		}
	}
	for _, f := range []float64{0.9, 1, -0.5, 1e21, 1e-7, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1)} {
		tab, err := c.Run(ctx, "RETURN "+export.CypherFloat(f)+" AS f", nil)
		if err != nil {
			t.Errorf("RETURN %s: %v", export.CypherFloat(f), err)
			continue
		}
		if got, ok := tab.Rows[0][0].(float64); !ok || got != f {
			t.Errorf("%s reads back as %#v, want %v", export.CypherFloat(f), tab.Rows[0][0], f)
		}
	}
	for _, i := range []int64{0, -1, math.MaxInt64, math.MinInt64} {
		tab, err := c.Run(ctx, "RETURN "+export.CypherInt(i)+" AS i", nil)
		if err != nil {
			t.Errorf("RETURN %s: %v", export.CypherInt(i), err)
			continue
		}
		if got, ok := tab.Rows[0][0].(int64); !ok || got != i {
			t.Errorf("%s reads back as %#v, want %d", export.CypherInt(i), tab.Rows[0][0], i)
		}
	}
}

// TestNeo4jImportRoundTrip: the CSV files of --format neo4j-import, imported
// by the real neo4j-admin (the command extract prints) into a temporary
// Neo4j home and served by a second, temporary server, give the graph irkg
// load gives on the main server.
func TestNeo4jImportRoundTrip(t *testing.T) {
	c := graphtest.Client(t) // the lock, and the main server for irkg load
	lib, java := neo4jJars(t)
	inputs := exportInputs(t)

	out := filepath.Join(t.TempDir(), "import")
	_, errs, code := runCLI(t, "", append([]string{"extract", "--format", "neo4j-import", "--out", out}, inputs...)...)
	if code != 0 {
		t.Fatalf("extract --format neo4j-import: exit %d: %s", code, errs)
	}
	var admin []string
	for _, line := range strings.Split(errs, "\n") {
		if strings.HasPrefix(line, "neo4j-admin database import full ") {
			if strings.ContainsAny(line, `'"\`) {
				t.Fatalf("the command is quoted; this test splits it on spaces: %s", line)
			}
			admin = strings.Fields(line)
		}
	}
	if admin == nil {
		t.Fatalf("extract printed no neo4j-admin command:\n%s", errs)
	}
	t.Logf("%s", strings.Join(admin, " "))

	srv := newTempNeo4j(t, lib, java)
	srv.admin(t, "dbms", "set-initial-password", graphtest.DefaultPassword)
	srv.admin(t, admin[1:]...) // the printed command, neo4j-admin being the AdminTool
	imported := srv.start(t)

	// The constraints of schema.cypher, as the printed cypher-shell line would run them.
	schema, err := os.ReadFile(filepath.Join(out, "schema.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	runScript(t, imported, string(schema))
	tab, err := imported.Run(context.Background(), "SHOW CONSTRAINTS YIELD type WHERE type = 'UNIQUENESS' RETURN count(*)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := tab.Rows[0][0].(int64); n != int64(len(graph.DefaultAllow().Labels())) {
		t.Errorf("%d uniqueness constraints after schema.cypher, want one per label", n)
	}

	loadWithCLI(t, c, inputs)
	want := graphtest.Snapshot(t, c)
	checkReference(t, want)
	graphtest.Compare(t, "neo4j-admin import", graphtest.Snapshot(t, imported), want)
}

// neo4jJars returns the jars of scripts/neo4j-up.sh and the java to run
// them; without them the test skips, unless it must not.
func neo4jJars(t *testing.T) (lib, java string) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	lib = filepath.Join(root, ".neo4j", "lib")
	java = "java"
	if h := os.Getenv("JAVA_HOME"); h != "" {
		java = filepath.Join(h, "bin", "java")
	}
	jars, _ := filepath.Glob(filepath.Join(lib, "neo4j-import-tool-*.jar"))
	_, jerr := exec.LookPath(java)
	if len(jars) == 0 || jerr != nil {
		msg := fmt.Sprintf("needs the Neo4j jars in %s (bash scripts/neo4j-up.sh) and java (%v)", lib, jerr)
		if graphtest.Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return lib, java
}

// tempNeo4j is a Neo4j home of its own, in a temporary directory, on the
// jars of the main server, with free ports; the test stops its server and
// deletes it at the end, whatever happens.
type tempNeo4j struct {
	lib, java, home string
	bolt, http      int
}

func newTempNeo4j(t *testing.T, lib, java string) *tempNeo4j {
	t.Helper()
	home := t.TempDir()
	s := &tempNeo4j{lib: lib, java: java, home: home, bolt: freePort(t), http: freePort(t)}
	conf, err := os.ReadFile("../../neo4j/neo4j.conf")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`(?m):7687$`).ReplaceAllString(string(conf), ":"+strconv.Itoa(s.bolt))
	text = regexp.MustCompile(`(?m):7474$`).ReplaceAllString(text, ":"+strconv.Itoa(s.http))
	text = regexp.MustCompile(`(?m)^server.memory.pagecache.size=.*$`).ReplaceAllString(text, "server.memory.pagecache.size=64m")
	for _, d := range []string{"conf", "logs"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (s *tempNeo4j) env() []string {
	return append(os.Environ(), "NEO4J_HOME="+s.home, "NEO4J_CONF="+filepath.Join(s.home, "conf"))
}

// admin runs neo4j-admin (org.neo4j.cli.AdminTool) on the home.
func (s *tempNeo4j) admin(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(s.java, append([]string{"-cp", filepath.Join(s.lib, "*"), "org.neo4j.cli.AdminTool"}, args...)...)
	cmd.Env = s.env()
	cmd.Dir = s.home
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neo4j-admin %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// start runs the server (as scripts/neo4j-up.sh does) and connects to it.
// Its cleanup stops the server before the home is deleted; the server also
// dies with the test process (Pdeathsig).
func (s *tempNeo4j) start(t *testing.T) *graph.Client {
	t.Helper()
	log, err := os.Create(filepath.Join(s.home, "logs", "console.log"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
		"-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields",
		"-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
		"-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
		"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-cp", filepath.Join(s.lib, "*"), "org.neo4j.server.CommunityEntryPoint",
		"--home-dir=" + s.home, "--config-dir=" + filepath.Join(s.home, "conf")}
	cmd := exec.Command(s.java, args...)
	cmd.Env = s.env()
	cmd.Dir = s.home
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		log.Close()
		t.Fatalf("start the temporary Neo4j: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); log.Close(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})

	cfg := graph.Config{URI: fmt.Sprintf("bolt://127.0.0.1:%d", s.bolt), Username: "neo4j",
		Password: graphtest.DefaultPassword, Database: "neo4j", RetryTime: 10 * time.Second}
	deadline := time.Now().Add(180 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		c, err := graph.Connect(ctx, cfg)
		cancel()
		if err == nil {
			t.Cleanup(func() { c.Close(context.Background()) })
			return c
		}
		select {
		case <-exited:
			b, _ := os.ReadFile(filepath.Join(s.home, "logs", "console.log"))
			t.Fatalf("the temporary Neo4j exited: %s", tail(string(b), 3000))
		default:
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(s.home, "logs", "neo4j.log"))
			t.Fatalf("the temporary Neo4j did not answer on %s: %v\n%s", cfg.URI, err, tail(string(b), 3000))
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
