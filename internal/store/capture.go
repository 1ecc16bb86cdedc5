package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// Change capture. Every table registered in sync_tables gets three triggers,
// generated here from its current columns each time the database is opened:
//   - a write outside a store transaction (tx_context.active = 0) is aborted,
//     so no code path can change data without being captured;
//   - document and ledger tables append one outbox row per changed row, with
//     the next device_seq, the transaction's HLC and only the changed columns;
//   - every registered table but a cache appends an audit entry (who, device,
//     when, what); a cache is derived from audited tables by their triggers.
//
// Ledger tables are insert-only: updates and deletes are aborted.

// internalTables are the store's own tables, never captured.
var internalTables = map[string]bool{
	"schema_migrations": true,
	"sync_state":        true,
	"tx_context":        true,
	"sync_tables":       true,
	"outbox":            true,
	"audit_log":         true,
	"sync_clocks":       true,
	"sync_inbox":        true,
}

const triggerPrefix = "capture_"

// maxCapturedColumns keeps json_object within SQLite's function argument limit.
const maxCapturedColumns = 60

type capturedTable struct {
	name    string
	kind    string
	omit    map[string]bool
	columns []tableColumn
}

type tableColumn struct {
	name string
	typ  string
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func loadCapturedTables(ctx context.Context, q queryer) ([]capturedTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, kind, audit_omit FROM sync_tables ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read sync_tables: %w", err)
	}
	var tables []capturedTable
	for rows.Next() {
		var t capturedTable
		var omit string
		if err := rows.Scan(&t.name, &t.kind, &omit); err != nil {
			rows.Close()
			return nil, err
		}
		t.omit = map[string]bool{}
		for _, c := range strings.Split(omit, ",") {
			if c = strings.TrimSpace(c); c != "" {
				t.omit[c] = true
			}
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range tables {
		t := &tables[i]
		cols, err := q.QueryContext(ctx, `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`, t.name)
		if err != nil {
			return nil, err
		}
		for cols.Next() {
			var c tableColumn
			if err := cols.Scan(&c.name, &c.typ); err != nil {
				cols.Close()
				return nil, err
			}
			t.columns = append(t.columns, c)
		}
		cols.Close()
		if len(t.columns) == 0 {
			return nil, fmt.Errorf("sync_tables names %q, which does not exist", t.name)
		}
		hasID := false
		for _, c := range t.columns {
			hasID = hasID || c.name == "id"
		}
		if !hasID {
			return nil, fmt.Errorf("captured table %q has no id column", t.name)
		}
		if len(t.columns) > maxCapturedColumns {
			return nil, fmt.Errorf("captured table %q has %d columns, more than %d", t.name, len(t.columns), maxCapturedColumns)
		}
	}
	return tables, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteText(s string) string  { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// value is the JSON-safe expression of a column of NEW or OLD.
func (c tableColumn) value(row string) string {
	ref := row + "." + quoteIdent(c.name)
	if strings.Contains(strings.ToUpper(c.typ), "BLOB") {
		return "hex(" + ref + ")"
	}
	return ref
}

// auditValue hides omitted columns: the audit says a value was set, never which.
func (t capturedTable) auditValue(c tableColumn, row string) string {
	if t.omit[c.name] {
		ref := row + "." + quoteIdent(c.name)
		return fmt.Sprintf("CASE WHEN %s IS NULL OR %s = '' THEN '' ELSE '(hidden)' END", ref, ref)
	}
	return c.value(row)
}

func (t capturedTable) synced() bool  { return t.kind == "document" || t.kind == "ledger" }
func (t capturedTable) audited() bool { return t.kind != "cache" }

// triggers returns the capture triggers of t by name.
func (t capturedTable) triggers() map[string]string {
	tbl := quoteIdent(t.name)
	guard := fmt.Sprintf("SELECT RAISE(ABORT, %s) WHERE (SELECT active FROM tx_context WHERE id = 1) IS NOT 1;",
		quoteText(t.name+": write outside a store transaction"))
	// A trigger's body runs only when it has work: to refuse a write outside
	// a store transaction, or to capture one. With capture off (a remote
	// transaction applying other devices' rows) the trigger costs its WHEN
	// alone, which matters to a snapshot of millions of rows.
	// (One lookup of tx_context; without its row the trigger runs, and
	// refuses.)
	when := "((SELECT active IS NOT 1 FROM tx_context WHERE id = 1) IS NOT 0)"
	if t.synced() || t.audited() {
		when = "((SELECT active IS NOT 1 OR capture = 1 FROM tx_context WHERE id = 1) IS NOT 0)"
	}
	from := "FROM tx_context c, sync_state s WHERE c.id = 1 AND s.id = 1 AND c.capture = 1"
	nextSeq := "UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 AND (SELECT capture FROM tx_context WHERE id = 1) = 1;"
	outbox := func(op, fields string) string {
		return fmt.Sprintf(`INSERT INTO outbox (seq, id, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at)
    SELECT s.last_seq, oms_uuid7(), %s, %%s.id, '%s', %s, c.hlc, c.user_id, c.schema_version, c.now %s;`,
			quoteText(t.name), op, fields, from)
	}
	audit := func(op, row, changes string) string {
		return fmt.Sprintf(`INSERT INTO audit_log (id, at, user_id, user_name, device_id, action, entity, entity_id, changes)
    SELECT oms_uuid7(), c.now, c.user_id, c.user_name, s.device_id, '%s', %s, %s.id, %s %s;`,
			op, quoteText(t.name), row, changes, from)
	}

	var newObj, auditNew, auditOld, changedObj, auditChanged, unchangedPaths, same []string
	for _, c := range t.columns {
		name := quoteText(c.name)
		newObj = append(newObj, name, c.value("NEW"))
		auditNew = append(auditNew, name, t.auditValue(c, "NEW"))
		auditOld = append(auditOld, name, t.auditValue(c, "OLD"))
		auditChanged = append(auditChanged, name, fmt.Sprintf("json_array(%s, %s)", t.auditValue(c, "OLD"), t.auditValue(c, "NEW")))
		eq := fmt.Sprintf("NEW.%s IS OLD.%s", quoteIdent(c.name), quoteIdent(c.name))
		same = append(same, eq)
		unchangedPaths = append(unchangedPaths, fmt.Sprintf(`CASE WHEN %s THEN %s ELSE '$."~"' END`, eq, quoteText(`$."`+c.name+`"`)))
	}
	changedObj = []string{fmt.Sprintf("json_remove(json_object(%s), %s)", strings.Join(newObj, ", "), strings.Join(unchangedPaths, ", "))}
	auditChangedExpr := fmt.Sprintf("json_remove(json_object(%s), %s)", strings.Join(auditChanged, ", "), strings.Join(unchangedPaths, ", "))

	body := func(stmts ...string) string {
		return "BEGIN\n    " + strings.Join(stmts, "\n    ") + "\nEND"
	}
	name := func(op string) string { return triggerPrefix + t.name + "_" + op }
	out := map[string]string{}

	ins := []string{guard}
	if t.synced() {
		ins = append(ins, nextSeq, fmt.Sprintf(outbox("insert", "json_object("+strings.Join(newObj, ", ")+")"), "NEW"))
	}
	if t.audited() {
		ins = append(ins, audit("insert", "NEW", "json_object("+strings.Join(auditNew, ", ")+")"))
	}
	out[name("insert")] = fmt.Sprintf("CREATE TRIGGER %s AFTER INSERT ON %s\nWHEN %s\n%s", quoteIdent(name("insert")), tbl, when, body(ins...))

	if t.kind == "ledger" {
		for _, op := range []string{"update", "delete"} {
			out[name(op)] = fmt.Sprintf("CREATE TRIGGER %s BEFORE %s ON %s\n%s", quoteIdent(name(op)), strings.ToUpper(op), tbl,
				body(fmt.Sprintf("SELECT RAISE(ABORT, %s);", quoteText(t.name+" is append-only: "+op+" refused"))))
		}
		return out
	}

	upd := []string{guard, fmt.Sprintf("SELECT RAISE(ABORT, %s) WHERE NEW.id IS NOT OLD.id;", quoteText(t.name+": id cannot change"))}
	if t.synced() {
		upd = append(upd, nextSeq, fmt.Sprintf(outbox("update", changedObj[0]), "NEW"))
	}
	if t.audited() {
		upd = append(upd, audit("update", "NEW", auditChangedExpr))
	}
	out[name("update")] = fmt.Sprintf("CREATE TRIGGER %s AFTER UPDATE ON %s\nWHEN NOT (%s) AND (%s OR NEW.id IS NOT OLD.id)\n%s",
		quoteIdent(name("update")), tbl, strings.Join(same, " AND "), when, body(upd...))

	del := []string{guard}
	if t.synced() {
		del = append(del, nextSeq, fmt.Sprintf(outbox("delete", "'{}'"), "OLD"))
	}
	if t.audited() {
		del = append(del, audit("delete", "OLD", "json_object("+strings.Join(auditOld, ", ")+")"))
	}
	out[name("delete")] = fmt.Sprintf("CREATE TRIGGER %s AFTER DELETE ON %s\nWHEN %s\n%s", quoteIdent(name("delete")), tbl, when, body(del...))
	return out
}

func dropCaptureTriggers(ctx context.Context, q queryer) error {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?)) = ?`, triggerPrefix, triggerPrefix)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if _, err := q.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(n)); err != nil {
			return fmt.Errorf("drop trigger %s: %w", n, err)
		}
	}
	return rows.Err()
}

// syncTriggers makes the capture triggers match the registered tables'
// current columns, rewriting them only when they differ.
func (db *DB) syncTriggers(ctx context.Context) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	tables, err := loadCapturedTables(ctx, tx)
	if err != nil {
		return err
	}
	want := map[string]string{}
	for _, t := range tables {
		for n, s := range t.triggers() {
			want[n] = s
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?)) = ?`, triggerPrefix, triggerPrefix)
	if err != nil {
		return err
	}
	have := map[string]string{}
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return err
		}
		have[n] = s
	}
	rows.Close()
	if equalMaps(want, have) {
		return nil
	}
	if err := dropCaptureTriggers(ctx, tx); err != nil {
		return err
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, want[n]); err != nil {
			return fmt.Errorf("create trigger %s: %w", n, err)
		}
	}
	return tx.Commit()
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// UncapturedTables returns the tables that hold data but are neither store
// internals nor registered for capture. Tests require it to be empty, so a
// new table cannot slip past the outbox and the audit log.
func (db *DB) UncapturedTables(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT m.name FROM sqlite_master m
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND m.name NOT IN (SELECT name FROM sync_tables)
		AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
		ORDER BY m.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		if !internalTables[n] && !isVirtualShadow(ctx, db.read, n) {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

// isVirtualShadow reports whether name is a shadow table of a virtual table
// (an FTS5 index's _data, _idx, _content, _docsize or _config).
func isVirtualShadow(ctx context.Context, q *sql.DB, name string) bool {
	var n int
	_ = q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND sql LIKE 'CREATE VIRTUAL TABLE%' AND ? LIKE name || '\_%' ESCAPE '\'`, name).Scan(&n)
	return n > 0
}
