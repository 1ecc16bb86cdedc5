package sync

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/zstd"

	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/store"
)

// PushBatch is how many outbox changes one push carries.
const PushBatch = 500

// prefetchPages is how many snapshot pages are fetched ahead of the one
// being written.
const prefetchPages = 2

// snapshotCacheKiB is the write connection's page cache while a snapshot
// of several pages is written.
const snapshotCacheKiB = 256 << 10

// Client syncs one workstation's database with its server.
type Client struct {
	rounds gosync.Mutex // one round at a time
	db     *store.DB
	http   *http.Client
	ts     tables
	// Renumber rewrites the device's provisional numbers at enrolment, in the
	// enrolment's transaction: renumberLocal unless a test replaces it.
	Renumber func(tx *store.Tx, station string) error
	// Faults is for the sync simulation only (internal/server/sim_test.go):
	// nil in production.
	Faults *Faults
}

// Faults injects crashes into a client and plants a classic bug, for the
// simulation to prove it catches it.
type Faults struct {
	// CrashBeforeApply, when it returns true, ends the round after a pull
	// batch arrived and before it is applied, as a process dying there would.
	CrashBeforeApply func() bool
	// CursorBeforeApply plants the bug of moving the pull cursor in its own
	// transaction before applying the batch.
	CursorBeforeApply bool
}

// NewClient returns a client for db. httpClient nil means a default with a
// 60 s timeout.
func NewClient(ctx context.Context, db *store.DB, httpClient *http.Client) (*Client, error) {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 60 * time.Second}
	}
	list, err := db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	ts := tables{}
	for _, t := range list {
		ts[t.Name] = t
	}
	return &Client{db: db, http: httpClient, ts: ts, Renumber: renumberLocal}, nil
}

// renumberLocal gives the orders, returns and shipments numbered LOCAL-…
// before enrolment the station's code.
func renumberLocal(tx *store.Tx, station string) error {
	if err := order.RenumberLocal(tx, station); err != nil {
		return err
	}
	return shipping.RenumberLocal(tx, station)
}

// RemoteError is a refusal by the server, with its code.
type RemoteError struct {
	Status int
	ErrorResponse
}

func (e *RemoteError) Error() string { return e.ErrorResponse.Error }

// UpgradeRequired reports whether err says the versions do not match.
func UpgradeRequired(err error) bool {
	var re *RemoteError
	return errors.As(err, &re) && re.Code == CodeUpgrade
}

// normalizeURL checks a server address and returns it without a trailing slash.
func normalizeURL(raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("the server address %q is not an http:// or https:// URL, e.g. https://oms.example.com:8443", raw)
	}
	return raw, nil
}

func (cl *Client) do(ctx context.Context, method, base, path string, credential string, body, out any) error {
	_, rd, err := cl.send(ctx, method, base, path, credential, body)
	if err != nil {
		return err
	}
	defer rd.Close()
	if err := json.NewDecoder(rd).Decode(out); err != nil {
		return fmt.Errorf("the server's answer is not valid: %w", err)
	}
	return nil
}

// send makes a request and returns the answer with its body decoded from
// its content coding (to be closed), or the server's refusal as a
// *RemoteError.
func (cl *Client) send(ctx context.Context, method, base, path string, credential string, body any) (*http.Response, io.ReadCloser, error) {
	var rd io.Reader
	var gz bool
	if body != nil {
		var buf bytes.Buffer
		b, err := json.Marshal(body)
		if err != nil {
			return nil, nil, err
		}
		if len(b) > 16<<10 {
			w, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
			w.Write(b)
			w.Close()
			gz = true
		} else {
			buf.Write(b)
		}
		rd = &buf
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set(HeaderProtocol, strconv.Itoa(ProtocolVersion))
	req.Header.Set(HeaderSchema, strconv.Itoa(store.SchemaVersion()))
	req.Header.Set("Accept-Encoding", "zstd, gzip")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		if gz {
			req.Header.Set("Content-Encoding", "gzip")
		}
	}
	if credential != "" {
		req.Header.Set("Authorization", "Bearer "+credential)
	}
	resp, err := cl.http.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("the server at %s cannot be reached: %w", base, err)
	}
	dec, err := decodeBody(resp)
	if err != nil {
		resp.Body.Close()
		return nil, nil, fmt.Errorf("the server's answer is not valid: %w", err)
	}
	if resp.StatusCode != 200 {
		defer dec.Close()
		re := &RemoteError{Status: resp.StatusCode}
		if err := json.NewDecoder(io.LimitReader(dec, 1<<20)).Decode(&re.ErrorResponse); err != nil || re.ErrorResponse.Error == "" {
			re.ErrorResponse = ErrorResponse{Error: fmt.Sprintf("the server answered %s", resp.Status), Code: CodeInternal}
		}
		return nil, nil, re
	}
	return resp, dec, nil
}

// decodeBody undoes the answer's content coding; closing the result
// closes the body.
func decodeBody(resp *http.Response) (io.ReadCloser, error) {
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "":
		return resp.Body, nil
	case "gzip":
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		return decoded{gz, func() { gz.Close(); resp.Body.Close() }}, nil
	case "zstd":
		d, err := zstd.NewReader(resp.Body, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return nil, err
		}
		return decoded{d, func() { d.Close(); resp.Body.Close() }}, nil
	default:
		return nil, fmt.Errorf("unknown content coding %q", resp.Header.Get("Content-Encoding"))
	}
}

type decoded struct {
	io.Reader
	close func()
}

func (d decoded) Close() error { d.close(); return nil }

// Enrol enrols this workstation with the server at serverURL using a
// one-time token. Its provisional numbers (LOCAL-…) take the station
// code in the same transaction, before anything has left the device.
func (cl *Client) Enrol(ctx context.Context, serverURL, token string) (store.SyncState, error) {
	base, err := normalizeURL(serverURL)
	if err != nil {
		return store.SyncState{}, err
	}
	st, err := cl.db.SyncState(ctx)
	if err != nil {
		return st, err
	}
	if st.Credential != "" {
		return st, fmt.Errorf("this workstation is already enrolled with %s as station %s", st.ServerURL, st.StationCode)
	}
	token = strings.TrimSpace(token)
	if token == "" {
		return st, errors.New("give the enrolment token the admin printed with oms token")
	}
	var res EnrolResponse
	if err := cl.do(ctx, "POST", base, PathEnrol, "", EnrolRequest{Token: token, DeviceID: st.DeviceID, DeviceName: st.DeviceName}, &res); err != nil {
		return st, err
	}
	if res.DeviceID != st.DeviceID || res.StationCode == "" || res.Credential == "" {
		return st, errors.New("the server's enrolment answer is incomplete")
	}
	err = cl.db.Update(ctx, store.Actor{UserName: "sync"}, func(tx *store.Tx) error {
		if err := tx.SetEnrolment(store.Enrolment{ServerURL: base, ServerID: res.ServerID, StationCode: res.StationCode,
			Credential: res.DeviceID + "." + res.Credential}); err != nil {
			return err
		}
		if cl.Renumber != nil {
			if err := cl.Renumber(tx, res.StationCode); err != nil {
				return err
			}
		}
		return tx.Audit("enrol", "sync_state", st.DeviceID, map[string]string{"server": base, "station": res.StationCode})
	})
	if err != nil {
		return st, fmt.Errorf("enrolled on the server as %s, but recording it here failed: %w", res.StationCode, err)
	}
	return cl.db.SyncState(ctx)
}

// Reenrol enrols a database that the server refused as a copy of an
// enrolled workstation (restored from a backup, or copied to a new
// machine): it takes a new device identity, keeps its waiting changes,
// and enrols with a new token; the station code is new too.
func (cl *Client) Reenrol(ctx context.Context, serverURL, token string) (store.SyncState, error) {
	if _, err := normalizeURL(serverURL); err != nil {
		return store.SyncState{}, err
	}
	if strings.TrimSpace(token) == "" {
		return store.SyncState{}, errors.New("give the enrolment token the admin printed with oms token")
	}
	if err := cl.db.Update(ctx, store.Actor{UserName: "sync"}, func(tx *store.Tx) error {
		old := tx.Device().ID
		id, err := tx.ResetIdentity()
		if err != nil {
			return err
		}
		return tx.Audit("new_identity", "sync_state", id, map[string]string{"was": old})
	}); err != nil {
		return store.SyncState{}, err
	}
	return cl.Enrol(ctx, serverURL, token)
}

// Stats is what one round moved.
type Stats struct {
	Pushed   int // changes the server applied
	Rejected int // changes the server refused (see the inbox)
	Pulled   int // rows and changes applied here
	Failed   int // pulled changes that could not be applied here (see the inbox)
	Batches  int
}

func (s Stats) String() string {
	return fmt.Sprintf("pushed %d, refused %d, pulled %d, not applied %d", s.Pushed, s.Rejected, s.Pulled, s.Failed)
}

// Progress reports a round's progress: phase "push" or "pull", done and
// total (total 0 when unknown).
type Progress func(phase string, done, total int64)

// Round runs one full sync: pushes the whole outbox, then pulls until the
// server has nothing more. It records the attempt (and its error) in the
// sync state.
func (cl *Client) Round(ctx context.Context, progress Progress) (Stats, error) {
	cl.rounds.Lock()
	defer cl.rounds.Unlock()
	stats, warning, err := cl.round(ctx, progress)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if rerr := cl.db.RecordSyncAttempt(context.WithoutCancel(ctx), msg, warning); rerr != nil && err == nil {
		err = rerr
	}
	return stats, err
}

func (cl *Client) round(ctx context.Context, progress Progress) (Stats, string, error) {
	var stats Stats
	st, err := cl.db.SyncState(ctx)
	if err != nil {
		return stats, "", err
	}
	if st.Credential == "" {
		return stats, "", errors.New("this workstation is not enrolled with a sync server")
	}
	if progress == nil {
		progress = func(string, int64, int64) {}
	}
	// Push everything waiting.
	pending, err := cl.db.PendingChanges(ctx)
	if err != nil {
		return stats, "", err
	}
	var done int64
	for {
		rows, err := cl.db.Outbox(ctx, 0, PushBatch)
		if err != nil {
			return stats, "", err
		}
		if len(rows) == 0 {
			break
		}
		changes := make([]Change, len(rows))
		for i, r := range rows {
			if changes[i], err = FromOutbox(st.DeviceID, r); err != nil {
				return stats, "", err
			}
		}
		var res PushResponse
		if err := cl.do(ctx, "POST", st.ServerURL, PathPush, st.Credential, PushRequest{Device: st.DeviceID, Changes: changes}, &res); err != nil {
			return stats, "", err
		}
		if len(res.Results) == 0 {
			return stats, "", errors.New("the server answered a push without results")
		}
		if err := cl.db.Remote(ctx, func(tx *store.Tx) error { return acknowledge(tx, cl.ts, st.DeviceID, changes, res.Results) }); err != nil {
			return stats, "", fmt.Errorf("record the server's answer: %w", err)
		}
		for _, r := range res.Results {
			if r.Status == StatusRejected {
				stats.Rejected++
			} else {
				stats.Pushed++
			}
		}
		stats.Batches++
		done += int64(len(res.Results))
		progress("push", done, int64(pending))
	}
	// Pull until nothing more.
	cursor := st.PullCursor
	var warning string
	var pulled int64
	var total atomic.Int64
	var deferred map[string]string // the indexes a snapshot builds at its end
	// While a snapshot page is applied, the next ones are on their way:
	// the server reads and sends while this workstation writes.
	pctx, stopFetch := context.WithCancel(ctx)
	defer stopFetch()
	type page struct {
		res PullResponse
		err error
	}
	var ahead chan page // the snapshot pages fetched ahead, while there are more
	fetchAhead := func(cursor string) chan page {
		ch := make(chan page, prefetchPages)
		go func() {
			defer close(ch)
			for {
				res, err := cl.pullPage(pctx, st, cursor, false, 0)
				// Parsing the rows is work for whichever core has time: here
				// while the writer has a page in hand, else the writer's.
				if err == nil && len(ch) > 0 {
					err = prepareGroups(pctx, cl.db, &res)
				}
				select {
				case ch <- page{res, err}:
				case <-pctx.Done():
					return
				}
				if err != nil || !res.More || !res.Snapshot {
					return
				}
				cursor = res.Cursor
			}
		}()
		return ch
	}
	for {
		var p page
		if ahead != nil {
			var ok bool
			p, ok = <-ahead
			if !ok {
				ahead = nil
			}
		}
		if ahead == nil {
			p.res, p.err = cl.pullPage(pctx, st, cursor, false, 0)
		}
		if p.err != nil {
			return stats, warning, p.err
		}
		res := p.res
		if ahead == nil && res.More && res.Snapshot {
			ahead = fetchAhead(res.Cursor)
			// The snapshot's size, for the progress, asked for beside the
			// pages: counting takes the server a while.
			go func(cursor string) {
				if r, err := cl.pullPage(pctx, st, cursor, true, 1); err == nil && r.Total > 0 {
					total.CompareAndSwap(0, r.Total)
				}
			}(res.Cursor)
			if err := cl.db.SetWriteCache(ctx, snapshotCacheKiB); err != nil {
				return stats, warning, err
			}
			defer cl.db.SetWriteCache(context.WithoutCancel(ctx), 0)
			// The screens' indexes are built once the rows are in
			// (store.RegisterDeferrableIndexes), in the transaction of the
			// snapshot's last page; should the round stop before, they are
			// built at once, and at the next Open should the process stop.
			if err := cl.db.Remote(ctx, func(tx *store.Tx) (err error) { deferred, err = tx.DeferIndexes(); return err }); err != nil {
				return stats, warning, fmt.Errorf("defer indexes: %w", err)
			}
			defer func() {
				if deferred != nil {
					_ = cl.db.Remote(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.RestoreIndexes(deferred) })
				}
			}()
		}
		if res.Total > 0 {
			total.Store(res.Total)
		}
		if f := cl.Faults; f != nil {
			if f.CursorBeforeApply {
				if err := cl.db.Remote(ctx, func(tx *store.Tx) error { return tx.SetPullCursor(res.Cursor, !res.Snapshot) }); err != nil {
					return stats, warning, err
				}
			}
			if f.CrashBeforeApply != nil && f.CrashBeforeApply() {
				return stats, warning, errors.New("the workstation stopped before it applied the batch")
			}
		}
		var applied, failed int
		err := cl.db.Remote(ctx, func(tx *store.Tx) error {
			var w string
			var err error
			applied, failed, w, err = applyBatch(tx, cl.ts, st.DeviceID, res)
			if w != "" {
				warning = w
			}
			if err == nil && deferred != nil && !res.Snapshot {
				err = tx.RestoreIndexes(deferred)
			}
			return err
		})
		if err != nil {
			return stats, warning, fmt.Errorf("apply pulled changes: %w", err)
		}
		if !res.Snapshot {
			deferred = nil // built again in that transaction
		}
		stats.Pulled += applied
		stats.Failed += failed
		stats.Batches++
		pulled += int64(applied + failed)
		progress("pull", pulled, total.Load())
		cursor = res.Cursor
		if !res.More {
			break
		}
	}
	return stats, warning, nil
}

// pullPage fetches the batch after cursor, asking for the bulk form, for
// the snapshot's Total when withTotal, and for at most limit rows when not 0.
func (cl *Client) pullPage(ctx context.Context, st store.SyncState, cursor string, withTotal bool, limit int) (PullResponse, error) {
	var res PullResponse
	q := "?cursor=" + url.QueryEscape(cursor) + "&" + BulkParam + "=1"
	if withTotal {
		q += "&" + TotalParam + "=1"
	}
	if limit > 0 {
		q += "&limit=" + strconv.Itoa(limit)
	}
	resp, rd, err := cl.send(ctx, "GET", st.ServerURL, PathPull+q, st.Credential, nil)
	if err != nil {
		return res, err
	}
	defer rd.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), ContentTypeFramed) {
		if res, err = ReadFramed(rd); err != nil {
			return res, fmt.Errorf("the server's answer is not valid: %w", err)
		}
		return res, nil
	}
	if err := json.NewDecoder(rd).Decode(&res); err != nil {
		return res, fmt.Errorf("the server's answer is not valid: %w", err)
	}
	return res, nil
}

// Status asks the server about itself and this device.
func (cl *Client) Status(ctx context.Context) (StatusResponse, error) {
	var res StatusResponse
	st, err := cl.db.SyncState(ctx)
	if err != nil {
		return res, err
	}
	if st.Credential == "" {
		return res, errors.New("this workstation is not enrolled with a sync server")
	}
	err = cl.do(ctx, "GET", st.ServerURL, PathStatus, st.Credential, nil, &res)
	return res, err
}
