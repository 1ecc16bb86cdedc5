package server

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	gosync "sync"
	"time"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

type ctxT = context.Context

// Server serves sync over one database. It keeps no state between
// requests: several processes may serve one PostgreSQL database.
type Server struct {
	db     *DB
	id     string
	schema Schema
	now    func() time.Time
	log    *slog.Logger
	hooks  hooks
}

// hooks let the simulation (sim_test.go) inject faults and plant the
// classic sync bugs it must catch; all zero in production.
type hooks struct {
	// crashBeforeCommit, when it returns true, ends a push without
	// committing, as a process dying there would.
	crashBeforeCommit func() bool
	// beforeCommit runs just before a push commits (the simulation's jitter).
	beforeCommit func()
	position     func(tx *dbtx, next int64) int64
	snapshotHW   func(hw int64) int64
	bulkBytes    int // a bulk snapshot page's size, maxBulkBytes when 0

	// Planted bugs.
	ackBeforeCommit  bool         // a push that dies before its commit has answered success already
	plainSequence    func() int64 // positions from a plain sequence, without the srv_meta lock
	unenforcedDedupe bool         // no lock, change ids not enforced: a duplicate is found only by reading
}

// New returns a server over db for this binary's schema.
func New(ctx context.Context, db *DB, log *slog.Logger) (*Server, error) {
	tables, seed, err := describe(ctx)
	if err != nil {
		return nil, err
	}
	schema := Schema{}
	for _, t := range tables {
		schema[t.Name] = t
	}
	if err := db.seed(ctx, seed); err != nil {
		return nil, err
	}
	id, err := db.ServerID(ctx)
	if err != nil {
		return nil, fmt.Errorf("read server id: %w", err)
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Server{db: db, id: id, schema: schema, now: time.Now, log: log}, nil
}

var described struct {
	once   gosync.Once
	tables []store.TableInfo
	seed   map[string][]string
	err    error
}

// describe describes this binary's schema once per process.
func describe(ctx context.Context) ([]store.TableInfo, map[string][]string, error) {
	described.once.Do(func() {
		described.tables, described.seed, described.err = store.DescribeSchemaRows(context.WithoutCancel(ctx))
	})
	return described.tables, described.seed, described.err
}

// seed adds the rows every workstation's migrations create (default
// settings, payment methods), with the zero clock, so that any edit of them
// wins and the server knows them when it comes.
func (db *DB) seed(ctx context.Context, rows map[string][]string) error {
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for entity, list := range rows {
		for _, j := range list {
			var fields map[string]json.RawMessage
			if err := json.Unmarshal([]byte(j), &fields); err != nil {
				return fmt.Errorf("seed %s: %w", entity, err)
			}
			var id string
			if err := json.Unmarshal(fields["id"], &id); err != nil {
				return fmt.Errorf("seed %s: %w", entity, err)
			}
			if _, err := tx.exec(`INSERT INTO srv_entities (entity, id, fields, clocks, deleted, position) VALUES (?, ?, ?, ?, '', 0)
				ON CONFLICT (entity, id) DO NOTHING`, entity, id, j, `{"":""}`); err != nil {
				return fmt.Errorf("seed %s: %w", entity, err)
			}
		}
	}
	return tx.Commit()
}

// ID returns the server's identity.
func (s *Server) ID() string { return s.id }

// maxBody is the largest request body accepted, after decompression.
const maxBody = 64 << 20

// Handler returns the HTTP handler of the sync endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+omsync.PathEnrol, s.versioned(s.handleEnrol))
	mux.HandleFunc("POST "+omsync.PathPush, s.versioned(s.authed(s.handlePush)))
	mux.HandleFunc("GET "+omsync.PathPull, s.versioned(s.authed(s.handlePull)))
	mux.HandleFunc("GET "+omsync.PathStatus, s.versioned(s.authed(s.handleStatus)))
	s.routeAPI(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, r, 200, map[string]string{"status": "ok", "server_id": s.id})
	})
	return mux
}

// versioned refuses a protocol or schema outside the server's range with
// 426 Upgrade Required, before the request touches anything.
func (s *Server) versioned(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		proto, err1 := strconv.Atoi(r.Header.Get(omsync.HeaderProtocol))
		schema, err2 := strconv.Atoi(r.Header.Get(omsync.HeaderSchema))
		max := store.SchemaVersion()
		switch {
		case err1 != nil || err2 != nil:
			writeError(w, r, refuse(400, omsync.CodeBadRequest, "Every request must carry the headers %s and %s.", omsync.HeaderProtocol, omsync.HeaderSchema))
		case proto != omsync.ProtocolVersion || schema < omsync.MinSchema || schema > max:
			writeJSON(w, r, http.StatusUpgradeRequired, omsync.ErrorResponse{Code: omsync.CodeUpgrade, SchemaMin: omsync.MinSchema, SchemaMax: max,
				Error: fmt.Sprintf("Upgrade required: this server speaks protocol %d and schema versions %d to %d; the workstation sent protocol %d, schema %d. Its changes are kept until both run compatible versions.",
					omsync.ProtocolVersion, omsync.MinSchema, max, proto, schema)})
		default:
			next(w, r)
		}
	}
}

type authedHandler func(w http.ResponseWriter, r *http.Request, dev Device)

func (s *Server) authed(next authedHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cred, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			writeError(w, r, refuse(401, omsync.CodeUnauthorized, "This request has no device credential: enrol the workstation first."))
			return
		}
		dev, err := s.db.Authenticate(r.Context(), strings.TrimSpace(cred))
		if err != nil {
			writeError(w, r, err)
			return
		}
		next(w, r, dev)
	}
}

func (s *Server) handleEnrol(w http.ResponseWriter, r *http.Request) {
	var req omsync.EnrolRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, r, err)
		return
	}
	res, err := s.db.Enrol(r.Context(), req, s.now())
	if err != nil {
		writeError(w, r, err)
		return
	}
	s.log.Info("device enrolled", "device", res.DeviceID, "station", res.StationCode)
	writeJSON(w, r, 200, res)
}

func (s *Server) handlePush(w http.ResponseWriter, r *http.Request, dev Device) {
	var req omsync.PushRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, r, err)
		return
	}
	res, err := s.Push(r.Context(), dev, req)
	if err != nil {
		s.log.Warn("push refused", "device", dev.ID, "error", err)
		writeError(w, r, err)
		return
	}
	writeJSON(w, r, 200, res)
}

func (s *Server) handlePull(w http.ResponseWriter, r *http.Request, dev Device) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	// The bulk form passes the stored rows through, so it needs a client
	// of this server's schema: an older one must merge them row by row,
	// and refuses the columns it lacks.
	bulk := r.URL.Query().Get(omsync.BulkParam) == "1" && r.Header.Get(omsync.HeaderSchema) == strconv.Itoa(store.SchemaVersion())
	cursor := r.URL.Query().Get("cursor")
	withTotal := cursor == ""
	if bulk {
		withTotal = r.URL.Query().Get(omsync.TotalParam) == "1"
	}
	res, err := s.pull(r.Context(), dev, cursor, limit, bulk, withTotal)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if !bulk {
		writeJSON(w, r, 200, res)
		return
	}
	body, done := startBody(w, r, 200, omsync.ContentTypeFramed)
	if err := omsync.WriteFramed(body, res); err != nil {
		s.log.Warn("pull answer cut short", "device", dev.ID, "error", err)
	}
	done()
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request, dev Device) {
	res := omsync.StatusResponse{ServerID: s.id, ServerTime: store.FormatTime(s.now()), ProtocolMin: omsync.ProtocolVersion, ProtocolMax: omsync.ProtocolVersion,
		SchemaMin: omsync.MinSchema, SchemaMax: store.SchemaVersion(), DeviceID: dev.ID, StationCode: dev.StationCode, LastSeq: dev.LastSeq}
	n, err := s.db.OpenExceptions(r.Context())
	if err != nil {
		writeError(w, r, err)
		return
	}
	res.OpenExceptions = n
	writeJSON(w, r, 200, res)
}

// OpenExceptions counts the exceptions not settled yet.
func (db *DB) OpenExceptions(ctx context.Context) (int64, error) {
	var n int64
	err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM srv_entities WHERE entity = 'sync_exceptions' AND deleted = '' AND fields LIKE '%"status":"open"%'`).Scan(&n)
	return n, err
}

func readJSON(r *http.Request, v any) error {
	var body io.Reader = http.MaxBytesReader(nil, r.Body, maxBody)
	if r.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(body)
		if err != nil {
			return refuse(400, omsync.CodeBadRequest, "The request body is not valid gzip: %v", err)
		}
		defer gz.Close()
		body = io.LimitReader(gz, maxBody)
	}
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		return refuse(400, omsync.CodeBadRequest, "The request body is not valid JSON for this endpoint: %v", err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, done := startBody(w, r, status, "application/json")
	_ = json.NewEncoder(body).Encode(v)
	done()
}

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *Error
	if errors.As(err, &e) {
		writeJSON(w, r, e.Status, omsync.ErrorResponse{Error: e.Msg, Code: e.Code, Expected: e.Expected})
		return
	}
	writeJSON(w, r, 500, omsync.ErrorResponse{Error: "The server failed: " + err.Error(), Code: omsync.CodeInternal})
}
