package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"
)

// Config says where the graph lives and how to log in.
type Config struct {
	URI      string // bolt://, neo4j://, and their +s / +ssc TLS forms, passed to the driver unchanged
	Username string
	Password string
	Database string
	// RetryTime bounds the driver's retries of one transaction (0: 30 s).
	RetryTime time.Duration
}

// Defaults of the NEO4J_* environment variables.
const (
	DefaultURI      = "bolt://127.0.0.1:7687"
	DefaultUsername = "neo4j"
	DefaultDatabase = "neo4j"
)

// ConfigFromEnv reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE, with the defaults above (no default password).
func ConfigFromEnv() Config {
	return Config{
		URI:      envOr("NEO4J_URI", DefaultURI),
		Username: envOr("NEO4J_USERNAME", DefaultUsername),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: envOr("NEO4J_DATABASE", DefaultDatabase),
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// Client is a connection to one database of a Neo4j server. One per process;
// it is safe for concurrent use.
type Client struct {
	driver  neo4j.DriverWithContext
	cfg     Config
	aliases Aliases
}

// Connect opens a driver, checks that the server answers and accepts the
// credentials, and that the database exists. Its errors are classified by
// [KindOf].
func Connect(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.URI == "" {
		cfg.URI = DefaultURI
	}
	if cfg.Username == "" {
		cfg.Username = DefaultUsername
	}
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	retry := cfg.RetryTime
	if retry <= 0 {
		retry = 30 * time.Second
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *config.Config) {
			c.MaxTransactionRetryTime = retry
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = 30 * time.Second
		})
	if err != nil {
		return nil, &Error{Kind: KindConfig, Op: "connect to " + cfg.URI, Err: err}
	}
	c := &Client{driver: drv, cfg: cfg}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(ctx)
		return nil, wrap("connect to "+cfg.URI, err)
	}
	// VerifyConnectivity does not look at the database: ask it something.
	if _, err := c.execute(ctx, "RETURN 1", nil); err != nil {
		drv.Close(ctx)
		return nil, wrap(fmt.Sprintf("open database %q on %s", cfg.Database, cfg.URI), err)
	}
	return c, nil
}

// Close releases the driver's connections.
func (c *Client) Close(ctx context.Context) error { return c.driver.Close(ctx) }

// Config returns the configuration the client was opened with.
func (c *Client) Config() Config { return c.cfg }

// execute runs one statement as a managed, retried transaction on the
// client's database.
func (c *Client) execute(ctx context.Context, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	return neo4j.ExecuteQuery(ctx, c.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(c.cfg.Database))
}

// Kind classifies a failure so that a command can choose its exit code.
type Kind int

const (
	KindOther       Kind = iota // anything else
	KindUnreachable             // no server answers, or the connection broke
	KindAuth                    // the server refused the credentials
	KindDatabase                // the database does not exist
	KindQuery                   // the server rejected a statement (syntax, types, constraints)
	KindConfig                  // a bad URI or driver setting
	KindInput                   // the input violates the ontology (label, predicate, id)
)

func (k Kind) String() string {
	switch k {
	case KindUnreachable:
		return "unreachable"
	case KindAuth:
		return "authentication failed"
	case KindDatabase:
		return "database missing"
	case KindQuery:
		return "query failed"
	case KindConfig:
		return "bad configuration"
	case KindInput:
		return "bad input"
	}
	return "error"
}

// Error is a failure of an operation of this package.
type Error struct {
	Kind Kind
	Op   string // what was being done: "load relationships SANCTIONS (batch 3)"
	Err  error
}

func (e *Error) Error() string {
	msg := e.Err.Error()
	switch e.Kind {
	case KindUnreachable:
		msg = "Neo4j unreachable: " + msg
	case KindAuth:
		msg = "Neo4j refused the credentials: " + msg
	case KindDatabase:
		msg = "database missing: " + msg
	}
	return e.Op + ": " + msg
}

func (e *Error) Unwrap() error { return e.Err }

// wrap names the operation and classifies a driver error.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: classify(err), Op: op, Err: simplify(err)}
}

// KindOf returns the kind of a failure returned by this package, or, for any
// other error, the kind its driver error implies.
func KindOf(err error) Kind {
	if err == nil {
		return KindOther
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return classify(err)
}

// classify inspects driver errors with errors.As (they are often wrapped).
func classify(err error) Kind {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		// The retry loop gave up: what matters is why its last attempt failed.
		if n := len(limit.Errors); n > 0 {
			return classify(limit.Errors[n-1])
		}
		return KindUnreachable
	}
	var ne *db.Neo4jError
	if errors.As(err, &ne) {
		switch ne.Code {
		case "Neo.ClientError.Security.Unauthorized",
			"Neo.ClientError.Security.AuthenticationRateLimit",
			"Neo.ClientError.Security.CredentialsExpired",
			"Neo.ClientError.Security.TokenExpired":
			return KindAuth
		case "Neo.ClientError.Database.DatabaseNotFound":
			return KindDatabase
		case "Neo.TransientError.General.DatabaseUnavailable":
			return KindUnreachable // stopping or starting: the server is going away or not there yet
		}
		if ne.Classification() == "TransientError" && ne.Category() == "Cluster" {
			return KindUnreachable
		}
		return KindQuery
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		return KindUnreachable
	}
	var ue *neo4j.UsageError
	if errors.As(err, &ue) {
		return KindConfig
	}
	var ae *neo4j.InvalidAuthenticationError
	if errors.As(err, &ae) {
		return KindAuth
	}
	var netErr net.Error
	if errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) {
		return KindUnreachable
	}
	return KindOther
}

// simplify replaces the retry loop's long report by its last error.
func simplify(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return fmt.Errorf("%w (gave up after %d attempts: %s)", limit.Errors[len(limit.Errors)-1], len(limit.Errors), limit.Cause)
	}
	return err
}
