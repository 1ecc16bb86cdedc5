package server

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"oms/internal/store"
	omsync "oms/internal/sync"
)

// MaxPush is the most changes one push may carry.
const MaxPush = 1000

// aheadLimit is how far ahead of the server's clock a change's HLC may be
// before the device is flagged (the change is still merged: its clock is
// only an order, and a device whose clock was wrong must not lose its work).
const aheadLimit = 5 * time.Minute

// Schema is the synced tables of this binary's workstation schema by name.
type Schema map[string]store.TableInfo

// Push applies a device's changes in one transaction and answers after it
// committed. Changes must come in device_seq order without gaps: a seq the
// server already applied gets its stored result again (the change must be
// the same one, or the database was copied), the next one is applied, a
// gap is refused before anything is applied.
func (s *Server) Push(ctx ctxT, dev Device, req omsync.PushRequest) (omsync.PushResponse, error) {
	var res omsync.PushResponse
	if req.Device != dev.ID {
		return res, refuse(403, omsync.CodeForbidden, "This push names device %s but is signed by device %s.", req.Device, dev.ID)
	}
	if len(req.Changes) > MaxPush {
		return res, refuse(400, omsync.CodeBadRequest, "A push carries at most %d changes; this one has %d.", MaxPush, len(req.Changes))
	}
	for i, c := range req.Changes {
		if c.Device != dev.ID {
			return res, refuse(403, omsync.CodeForbidden, "Change %d belongs to device %s, not to the device that sent it (%s).", c.Seq, c.Device, dev.ID)
		}
		if c.Seq < 1 {
			return res, refuse(400, omsync.CodeBadRequest, "Change seqs start at 1; this push has change %d.", c.Seq)
		}
		if i > 0 && c.Seq != req.Changes[i-1].Seq+1 {
			return res, refuse(400, omsync.CodeBadRequest, "The changes of a push must have consecutive seqs: %d follows %d.", c.Seq, req.Changes[i-1].Seq)
		}
	}
	tx, err := s.db.begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	// Every push takes the srv_meta row first and holds it to commit, so
	// positions are handed out, and become visible, in order.
	var pos int64
	var clock store.HLC
	lock := `UPDATE srv_meta SET position = position WHERE id = 1 RETURNING position, hlc_wall, hlc_counter`
	if s.hooks.plainSequence != nil || s.hooks.unenforcedDedupe {
		lock = `SELECT position, hlc_wall, hlc_counter FROM srv_meta WHERE id = 1` // planted bug: no lock
	}
	if err := tx.queryRow(lock).Scan(&pos, &clock.Wall, &clock.Counter); err != nil {
		return res, fmt.Errorf("push: %w", err)
	}
	var lastSeq int64
	var revoked string
	if err := tx.queryRow(`SELECT last_seq, revoked_at FROM srv_devices WHERE id = ?`, dev.ID).Scan(&lastSeq, &revoked); err != nil {
		return res, fmt.Errorf("push: %w", err)
	}
	if revoked != "" {
		return res, refuse(403, omsync.CodeRevoked, "This device was revoked on the server.")
	}
	if len(req.Changes) > 0 && req.Changes[0].Seq > lastSeq+1 {
		return res, &Error{Status: 409, Code: omsync.CodeGap, Expected: lastSeq + 1,
			Msg: fmt.Sprintf("The server expects change %d next, not %d.", lastSeq+1, req.Changes[0].Seq)}
	}
	a := &applier{s: s, tx: tx, pos: pos, clock: clock, now: s.now(), cells: map[cell]bool{}}
	var skew int64
	for _, c := range req.Changes {
		if c.Seq <= lastSeq {
			r, err := a.stored(dev.ID, c)
			if err != nil {
				return res, err
			}
			res.Results = append(res.Results, r)
			continue
		}
		r, ahead, err := a.applyDeviceChange(c)
		if err != nil {
			return res, fmt.Errorf("push: change %d: %w", c.Seq, err)
		}
		skew = max(skew, ahead)
		res.Results = append(res.Results, r)
		lastSeq = c.Seq
	}
	if err := a.raiseStockExceptions(); err != nil {
		return res, fmt.Errorf("push: %w", err)
	}
	if _, err := tx.exec(`UPDATE srv_meta SET position = CASE WHEN position < ? THEN ? ELSE position END, hlc_wall = ?, hlc_counter = ? WHERE id = 1`,
		a.pos, a.pos, a.clock.Wall, a.clock.Counter); err != nil {
		return res, fmt.Errorf("push: %w", err)
	}
	if _, err := tx.exec(`UPDATE srv_devices SET last_seq = ?, last_seen_at = ?, clock_skew_ms = CASE WHEN ? > 0 THEN ? ELSE clock_skew_ms END WHERE id = ?`,
		lastSeq, store.FormatTime(a.now), skew, skew, dev.ID); err != nil {
		return res, fmt.Errorf("push: %w", err)
	}
	if s.hooks.beforeCommit != nil {
		s.hooks.beforeCommit()
	}
	if s.hooks.crashBeforeCommit != nil && s.hooks.crashBeforeCommit() {
		tx.Rollback()
		if s.hooks.ackBeforeCommit {
			res.LastSeq = lastSeq
			return res, nil // planted bug: the answer left before the commit
		}
		return res, errors.New("push: the server stopped before it committed")
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("push: commit: %w", err)
	}
	res.LastSeq = lastSeq
	return res, nil
}

// applier applies changes within one push transaction.
type applier struct {
	s     *Server
	tx    *dbtx
	pos   int64
	clock store.HLC
	now   time.Time
	cells map[cell]bool // stock cells whose available went down in this push
}

type cell struct{ product, warehouse string }

// stored returns the result recorded for an already applied seq.
func (a *applier) stored(device string, c omsync.Change) (omsync.Result, error) {
	r := omsync.Result{Seq: c.Seq, ID: c.ID}
	var id string
	err := a.tx.queryRow(`SELECT change_id, status, reason FROM srv_applied WHERE device_id = ? AND seq = ?`, device, c.Seq).Scan(&id, &r.Status, &r.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("no result stored for change %d", c.Seq)
	}
	if err != nil {
		return r, err
	}
	if id != c.ID {
		return r, refuse(409, omsync.CodeCopy, "Change %d of this device was already received as another change: this database is a copy of the workstation's or was restored from a backup. Enrol it again as a new station (Admin → Sync, or oms enroll --again).", c.Seq)
	}
	return r, nil
}

// applyDeviceChange applies the next change of a device and records its
// result. A rejection is the change's, not the push's: it is consumed with
// its reason. It returns how far the change's clock ran ahead of the server's.
func (a *applier) applyDeviceChange(c omsync.Change) (omsync.Result, int64, error) {
	r := omsync.Result{Seq: c.Seq, ID: c.ID, Status: omsync.StatusApplied}
	var ahead int64
	if h, err := store.ParseHLC(c.HLC); err == nil {
		ahead = h.Wall - a.now.UnixMilli()
		if ahead < aheadLimit.Milliseconds() {
			ahead = 0
		}
	}
	if _, err := a.tx.exec(`SAVEPOINT change`); err != nil {
		return r, 0, err
	}
	reason, err := a.applyChange(c)
	if err != nil {
		return r, 0, err
	}
	if reason == "" && !a.s.hooks.unenforcedDedupe {
		res, err := a.tx.exec(`INSERT INTO srv_change_ids (change_id, device_id) VALUES (?, ?) ON CONFLICT (change_id) DO NOTHING`, c.ID, c.Device)
		if err != nil {
			return r, 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			reason = "This change was already received from another device: the database it came from is a copy."
		}
	}
	if reason != "" {
		if _, err := a.tx.exec(`ROLLBACK TO SAVEPOINT change`); err != nil {
			return r, 0, err
		}
		r.Status, r.Reason = omsync.StatusRejected, reason
	}
	if _, err := a.tx.exec(`RELEASE SAVEPOINT change`); err != nil {
		return r, 0, err
	}
	record := `INSERT INTO srv_applied (device_id, seq, change_id, status, reason) VALUES (?, ?, ?, ?, ?)`
	if a.s.hooks.unenforcedDedupe {
		record += ` ON CONFLICT (device_id, seq) DO NOTHING` // planted bug: the key is not held to
	}
	if _, err := a.tx.exec(record, c.Device, c.Seq, c.ID, r.Status, r.Reason); err != nil {
		return r, 0, err
	}
	return r, ahead, nil
}

// applyChange validates and merges one change. It returns a reason when
// the change is refused, an error when the database failed.
func (a *applier) applyChange(c omsync.Change) (string, error) {
	t, ok := a.s.schema[c.Entity]
	if !ok || !t.Synced() {
		return fmt.Sprintf("%q is not a table that syncs.", c.Entity), nil
	}
	if reason := checkChange(t, c); reason != "" {
		return reason, nil
	}
	cur, exists, err := a.load(c.Entity, c.EntityID)
	if err != nil {
		return "", err
	}
	if t.Kind == "ledger" {
		if exists {
			return "", nil // union by id: the row is there
		}
		if reason := checkComplete(t, c.Fields); reason != "" {
			return reason, nil
		}
		doc := omsync.ChangeDoc(c)
		if err := a.save(c.Entity, c.EntityID, doc, false); err != nil {
			return "", err
		}
		if err := a.log(c, "insert", c.Fields); err != nil {
			return "", err
		}
		if c.Entity == "stock_movements" {
			return "", a.moveStock(c.Fields)
		}
		return "", nil
	}
	if !exists && c.Op != "insert" {
		return fmt.Sprintf("The server has no %s %s to %s: the change that created it was refused or never arrived.", c.Entity, c.EntityID, c.Op), nil
	}
	if !exists {
		if reason := checkComplete(t, c.Fields); reason != "" {
			return reason, nil
		}
	}
	merged, eff := omsync.Join(c.Entity, cur, omsync.ChangeDoc(c))
	if reason, err := a.keys(t, c.EntityID, cur, merged, exists); reason != "" || err != nil {
		return reason, err
	}
	if err := a.save(c.Entity, c.EntityID, merged, exists); err != nil {
		return "", err
	}
	// A deleted document stays deleted: edits that reach it are kept in its
	// state but not sent on (a workstation that never had it cannot apply them).
	if eff.Changed() && (merged.Deleted == "" || eff.Deleted) {
		op := c.Op
		if eff.Deleted {
			op = "delete"
		}
		if err := a.log(c, op, eff.Fields); err != nil {
			return "", err
		}
	}
	if eff.Conflict == omsync.ConflictCancelShip {
		if err := a.raiseCancelShip(c.EntityID); err != nil {
			return "", err
		}
	}
	return "", nil
}

// checkChange checks a change against the table: op, ids, columns and values.
func checkChange(t store.TableInfo, c omsync.Change) string {
	switch {
	case !validID(c.ID):
		return "The change has no valid id."
	case !validID(c.EntityID) && !validKey(c.EntityID):
		return fmt.Sprintf("%q is not a valid row id.", c.EntityID)
	case c.Op != "insert" && c.Op != "update" && c.Op != "delete":
		return fmt.Sprintf("%q is not an operation (insert, update or delete).", c.Op)
	case t.Kind == "ledger" && c.Op != "insert":
		return fmt.Sprintf("%s is a ledger: its rows are never changed or deleted.", t.Name)
	case c.SchemaVersion < omsync.MinSchema || c.SchemaVersion > store.SchemaVersion():
		return fmt.Sprintf("The change was written by schema version %d; this server takes %d to %d.", c.SchemaVersion, omsync.MinSchema, store.SchemaVersion())
	}
	if _, err := store.ParseHLC(c.HLC); err != nil {
		return "The change's clock is not valid: " + err.Error()
	}
	for f, v := range c.Fields {
		col, ok := t.Column(f)
		if !ok {
			return fmt.Sprintf("%s has no column %q.", t.Name, f)
		}
		if reason := checkValue(col, v); reason != "" {
			return fmt.Sprintf("%s.%s: %s", t.Name, f, reason)
		}
	}
	if id, ok := c.Fields["id"]; ok && string(id) != string(mustJSON(c.EntityID)) {
		return "The change's id field is not its row's id."
	}
	return ""
}

// checkComplete checks that a new row has every required column.
func checkComplete(t store.TableInfo, fields map[string]json.RawMessage) string {
	for _, col := range t.Columns {
		v, ok := fields[col.Name]
		if col.NotNull && !col.HasDefault && (!ok || string(v) == "null") {
			return fmt.Sprintf("A new %s row needs %s.", t.Name, col.Name)
		}
	}
	return ""
}

// checkValue checks that v is a scalar of the column's kind.
func checkValue(col store.ColumnInfo, v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "the value is empty"
	}
	if string(v) == "null" {
		if col.NotNull {
			return "the value cannot be null"
		}
		return ""
	}
	typ := strings.ToUpper(col.Type)
	switch {
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "the text is not valid"
		}
		if strings.Contains(typ, "INT") {
			return "a number is expected"
		}
	case v[0] == '-' || (v[0] >= '0' && v[0] <= '9'):
		var n json.Number
		if json.Unmarshal(v, &n) != nil {
			return "the number is not valid"
		}
		if strings.Contains(typ, "INT") {
			if _, err := n.Int64(); err != nil {
				return "a whole number is expected"
			}
		}
	default:
		return "only text, numbers and null are values"
	}
	return ""
}

func validKey(s string) bool {
	return s != "" && len(s) <= 200 && !strings.ContainsAny(s, "\x00")
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// load returns the merged state of an entity.
func (a *applier) load(entity, id string) (omsync.Doc, bool, error) {
	var fields, clocks, deleted string
	err := a.tx.queryRow(`SELECT fields, clocks, deleted FROM srv_entities WHERE entity = ? AND id = ?`, entity, id).Scan(&fields, &clocks, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return omsync.Doc{}, false, nil
	}
	if err != nil {
		return omsync.Doc{}, false, err
	}
	d := omsync.Doc{Deleted: omsync.Clock(deleted)}
	if err := json.Unmarshal([]byte(fields), &d.Fields); err != nil {
		return d, false, fmt.Errorf("%s %s: stored fields: %w", entity, id, err)
	}
	if err := json.Unmarshal([]byte(clocks), &d.Clocks); err != nil {
		return d, false, fmt.Errorf("%s %s: stored clocks: %w", entity, id, err)
	}
	return d, true, nil
}

func (a *applier) save(entity, id string, d omsync.Doc, exists bool) error {
	fields, clocks := mustJSON(d.Fields), mustJSON(d.Clocks)
	_, err := a.tx.exec(`INSERT INTO srv_entities (entity, id, fields, clocks, deleted, position, ref) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (entity, id) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks, deleted = excluded.deleted,
		position = excluded.position, ref = excluded.ref`,
		entity, id, string(fields), string(clocks), string(d.Deleted), a.pos+1, parentRef(entity, d.Fields))
	return err
}

// log appends a change to the log at the next position.
func (a *applier) log(c omsync.Change, op string, fields map[string]json.RawMessage) error {
	if fields == nil {
		fields = map[string]json.RawMessage{}
	}
	a.pos++
	if a.s.hooks.plainSequence != nil {
		a.pos = a.s.hooks.plainSequence() // planted bug: a sequence is not commit order
	}
	if a.s.hooks.position != nil {
		a.pos = a.s.hooks.position(a.tx, a.pos)
	}
	_, err := a.tx.exec(`INSERT INTO srv_log (position, change_id, device_id, seq, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.pos, c.ID, c.Device, c.Seq, c.Entity, c.EntityID, op, string(mustJSON(fields)), c.HLC, c.UserID, c.SchemaVersion, c.CreatedAt)
	return err
}

// keys keeps the natural keys of a document unique across devices. It
// returns a reason when another row holds one of them.
func (a *applier) keys(t store.TableInfo, id string, cur, merged omsync.Doc, exists bool) (string, error) {
	for _, k := range t.Unique {
		before, hadBefore := keyValue(k, cur)
		after, hasAfter := keyValue(k, merged)
		if merged.Deleted != "" {
			hasAfter = false
		}
		if exists && hadBefore && cur.Deleted == "" && (!hasAfter || before != after) {
			if _, err := a.tx.exec(`DELETE FROM srv_keys WHERE entity = ? AND key_name = ? AND key_value = ? AND entity_id = ?`, t.Name, k.Name, before, id); err != nil {
				return "", err
			}
		}
		if !hasAfter || (exists && hadBefore && cur.Deleted == "" && before == after) {
			continue
		}
		res, err := a.tx.exec(`INSERT INTO srv_keys (entity, key_name, key_value, entity_id) VALUES (?, ?, ?, ?) ON CONFLICT (entity, key_name, key_value) DO NOTHING`,
			t.Name, k.Name, after, id)
		if err != nil {
			return "", err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var holder string
			if err := a.tx.queryRow(`SELECT entity_id FROM srv_keys WHERE entity = ? AND key_name = ? AND key_value = ?`, t.Name, k.Name, after).Scan(&holder); err != nil {
				return "", err
			}
			if holder != id {
				return fmt.Sprintf("Another workstation already has a %s row with %s %s: change it here and save again.", t.Name, strings.Join(k.Columns, ", "), displayKey(after)), nil
			}
		}
	}
	return "", nil
}

// keyValue is the text of a unique key in d, false when a column is unset
// or null (NULLs never collide).
func keyValue(k store.UniqueKey, d omsync.Doc) (string, bool) {
	parts := make([]string, len(k.Columns))
	for i, col := range k.Columns {
		v, ok := d.Fields[col]
		if !ok || string(v) == "null" {
			return "", false
		}
		s := string(v)
		if k.NoCase[i] {
			s = strings.ToLower(s)
		}
		parts[i] = s
	}
	return strings.Join(parts, "\x1f"), true
}

func displayKey(k string) string { return strings.ReplaceAll(k, "\x1f", " / ") }

// nextClock advances the server's own clock, for the rows it writes itself.
func (a *applier) nextClock() store.HLC {
	a.clock = a.clock.Next(a.now)
	return a.clock
}

// writeServerDoc merges fields into a document as a write by the server
// itself (an exception it raises), logged for every workstation.
func (a *applier) writeServerDoc(entity, id string, fields map[string]any) error {
	raw := map[string]json.RawMessage{}
	for k, v := range fields {
		raw[k] = mustJSON(v)
	}
	cur, exists, err := a.load(entity, id)
	if err != nil {
		return err
	}
	op := "update"
	if !exists {
		op = "insert"
	}
	c := omsync.Change{ID: store.NewID(), Device: a.s.id, Entity: entity, EntityID: id, Op: op, Fields: raw,
		HLC: a.nextClock().String(), UserID: "", SchemaVersion: store.SchemaVersion(), CreatedAt: store.FormatTime(a.now)}
	merged, eff := omsync.Join(entity, cur, omsync.ChangeDoc(c))
	if err := a.save(entity, id, merged, exists); err != nil {
		return err
	}
	if !eff.Changed() {
		return nil
	}
	return a.log(c, op, eff.Fields)
}

// parentRef is the id of the row a line belongs to, for the public API.
func parentRef(entity string, fields map[string]json.RawMessage) string {
	col := ""
	switch entity {
	case "order_lines", "order_events", "shipments", "payments":
		col = "order_id"
	}
	if col == "" {
		return ""
	}
	var id string
	if json.Unmarshal(fields[col], &id) != nil {
		return ""
	}
	return id
}

var exceptionNS = uuid.MustParse("6f1c9a52-3b1e-4c55-9d0e-5a1f0b7c2e11")

// exceptionID is the id of the one exception of a kind for a key, the same
// on every server process.
func exceptionID(kind, key string) string {
	return uuid.NewSHA1(exceptionNS, []byte(kind+"/"+key)).String()
}
