package sync

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"oms/internal/store"
)

// The bulk form of a snapshot, for a workstation pulling a whole business
// (hundreds of thousands of products, millions of order rows). A client
// asks for it with bulk=1 on the pull; a server whose schema is the
// client's answers every pull in the framed form below, and puts a snapshot
// page's rows in Groups: one group per entity, with the rows' fields and
// clocks as the server stores them, never decoded or encoded again on
// either side. The client hands a group's rows to SQLite in one statement
// (bulkInsert). A server on another schema answers in the classic form
// (Rows), which the client merges row by row.
//
// The framed form (Content-Type ContentTypeFramed) is the PullResponse as
// one line of JSON, in which each group gives its byte lengths, followed
// by each group's Rows and then its Clocks bytes, group after group: the
// client reads them without scanning them.

// BulkParam is the pull's query parameter that asks for the bulk form.
const BulkParam = "bulk"

// TotalParam asks a bulk pull for the snapshot's Total; the client asks
// with a request of its own, beside the pages.
const TotalParam = "total"

// ContentTypeFramed is the media type of a framed pull answer.
const ContentTypeFramed = "application/x-oms-pull"

// MaxGroupBytes bounds one group's Rows or Clocks in a framed answer.
const MaxGroupBytes = 256 << 20

// Group is one entity's rows of a snapshot page in bulk form.
type Group struct {
	Entity      string `json:"entity"`
	Count       int    `json:"count"`
	RowsBytes   int    `json:"rows_bytes"`
	ClocksBytes int    `json:"clocks_bytes"`
	// Rows is a JSON array of the rows' fields objects; Clocks a JSON array
	// of their clocks objects (field → Clock), in the same order.
	Rows   []byte `json:"-"`
	Clocks []byte `json:"-"`
	// jsonb is Rows as SQLite's JSONB, when prepared (prepareGroups).
	jsonb []byte
}

// prepareGroups turns each group's rows into SQLite's binary JSONB on a
// reader connection: parsing the text is a good part of a bulk insert's
// work, and this way it happens while the previous page is written, on the
// other core. A group whose text does not parse is left as it is: the
// insert then refuses it and the row-by-row merge says why.
func prepareGroups(ctx context.Context, db *store.DB, res *PullResponse) error {
	for i := range res.Groups {
		g := &res.Groups[i]
		var b []byte
		// One parse: jsonb refuses text that is not JSON.
		if err := db.Reader().QueryRowContext(ctx, `SELECT jsonb(?1)`, string(g.Rows)).Scan(&b); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			continue
		}
		g.jsonb = b
	}
	return nil
}

// rowsArg is the group's rows as the bulk statements take them.
func (g Group) rowsArg() any {
	if g.jsonb != nil {
		return g.jsonb
	}
	return string(g.Rows)
}

// WriteFramed writes res in the framed form.
func WriteFramed(w io.Writer, res PullResponse) error {
	for i := range res.Groups {
		res.Groups[i].RowsBytes, res.Groups[i].ClocksBytes = len(res.Groups[i].Rows), len(res.Groups[i].Clocks)
	}
	head, err := json.Marshal(res)
	if err != nil {
		return err
	}
	head = append(head, '\n')
	if _, err := w.Write(head); err != nil {
		return err
	}
	for _, g := range res.Groups {
		if _, err := w.Write(g.Rows); err != nil {
			return err
		}
		if _, err := w.Write(g.Clocks); err != nil {
			return err
		}
	}
	return nil
}

// ReadFramed reads an answer in the framed form.
func ReadFramed(r io.Reader) (PullResponse, error) {
	var res PullResponse
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.ReadBytes('\n')
	if err != nil {
		return res, fmt.Errorf("read the answer's head: %w", err)
	}
	if err := json.Unmarshal(head, &res); err != nil {
		return res, fmt.Errorf("the answer's head: %w", err)
	}
	read := func(n int) ([]byte, error) {
		if n < 0 || n > MaxGroupBytes {
			return nil, fmt.Errorf("a group of %d bytes is out of range", n)
		}
		b := make([]byte, n)
		_, err := io.ReadFull(br, b)
		return b, err
	}
	for i := range res.Groups {
		g := &res.Groups[i]
		if g.Rows, err = read(g.RowsBytes); err != nil {
			return res, fmt.Errorf("%s rows: %w", g.Entity, err)
		}
		if g.Clocks, err = read(g.ClocksBytes); err != nil {
			return res, fmt.Errorf("%s clocks: %w", g.Entity, err)
		}
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return res, errors.New("the answer goes on after its last group")
	}
	return res, nil
}

// Split returns the group's rows one by one, for the row-by-row merge.
func (g Group) Split() ([]Row, error) {
	var fields []map[string]json.RawMessage
	var clocks []map[string]Clock
	if err := json.Unmarshal(g.Rows, &fields); err != nil {
		return nil, fmt.Errorf("%s rows: %w", g.Entity, err)
	}
	if err := json.Unmarshal(g.Clocks, &clocks); err != nil {
		return nil, fmt.Errorf("%s clocks: %w", g.Entity, err)
	}
	if len(fields) != len(clocks) || len(fields) != g.Count {
		return nil, fmt.Errorf("%s: %d rows, %d clocks, %d announced", g.Entity, len(fields), len(clocks), g.Count)
	}
	rows := make([]Row, len(fields))
	for i, f := range fields {
		var id string
		if err := json.Unmarshal(f["id"], &id); err != nil || id == "" {
			return nil, fmt.Errorf("a %s row has no id", g.Entity)
		}
		rows[i] = Row{Entity: g.Entity, ID: id, Fields: f, Clocks: clocks[i]}
	}
	return rows, nil
}

// hlcWidth is the width of store.HLC's text: 13 digits, '-', 6 digits.
const hlcWidth = 20

// NewestHLC returns the newest HLC in a JSON text of clocks, without
// decoding it: a clock is "HLC@device" and an HLC's text has a fixed
// width, so the newest is the greatest text before an '@'. It reports
// false when the text holds no clock or is not shaped so.
func NewestHLC(clocks []byte) (string, bool) {
	var newest []byte
	for i := 0; ; {
		j := bytes.IndexByte(clocks[i:], '@')
		if j < 0 {
			break
		}
		at := i + j
		if at < hlcWidth+1 || clocks[at-hlcWidth-1] != '"' || !isHLC(clocks[at-hlcWidth:at]) {
			return "", false
		}
		if h := clocks[at-hlcWidth : at]; bytes.Compare(h, newest) > 0 {
			newest = h
		}
		i = at + 1
	}
	return string(newest), newest != nil
}

func isHLC(b []byte) bool {
	for k, c := range b {
		if k == 13 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// bulkInsert writes a group's rows with one statement when every one of
// them is new here, and reports whether it did; otherwise it writes none,
// and the rows go through the row-by-row merge, which also finds the row
// at fault when the statement failed. For a document table that is when
// this device has neither waiting changes nor recorded clocks of the
// table's rows and none of the group's ids is here (a migration's seed
// row is: the merge takes it); a ledger's rows are never edited, so one
// that is here already is skipped. A new row keeps no clocks, as with
// insertNew.
func bulkInsert(tx *store.Tx, t store.TableInfo, g Group) (bool, error) {
	if !t.Synced() || g.Count == 0 {
		return false, nil
	}
	if t.Kind == "document" {
		var busy bool
		if err := tx.QueryRowContext(tx.Context(), `SELECT EXISTS (SELECT 1 FROM outbox WHERE entity = ?1)
			OR EXISTS (SELECT 1 FROM sync_clocks WHERE entity = ?1)`, t.Name).Scan(&busy); err != nil {
			return false, err
		}
		if busy {
			return false, nil
		}
	}
	if _, err := tx.ExecContext(tx.Context(), `SAVEPOINT bulk`); err != nil {
		return false, err
	}
	undo := func() error {
		if _, err := tx.ExecContext(tx.Context(), `ROLLBACK TO SAVEPOINT bulk`); err != nil {
			return err
		}
		_, err := tx.ExecContext(tx.Context(), `RELEASE SAVEPOINT bulk`)
		return err
	}
	res, err := tx.ExecContext(tx.Context(), bulkInsertSQL(t), g.rowsArg())
	if err != nil {
		return false, undo()
	}
	if n, _ := res.RowsAffected(); t.Kind == "document" && n != int64(g.Count) {
		return false, undo()
	}
	_, err = tx.ExecContext(tx.Context(), `RELEASE SAVEPOINT bulk`)
	return err == nil, err
}

// bulkInsertSQL inserts the rows of the JSON array ?1 into t: each column
// from its field, converted as valueExpr does; a column whose field is
// missing (a row from before the column existed) takes its default.
func bulkInsertSQL(t store.TableInfo) string {
	cols := make([]string, 0, len(t.Columns))
	vals := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		path := "'$.\"" + strings.ReplaceAll(c.Name, "'", "''") + "\"'"
		e := "j ->> " + path
		if plainLabel(c.Name) {
			e = "j ->> '" + c.Name + "'" // a label, not a path to parse
		}
		if c.Blob() {
			e = "unhex(" + e + ")"
		}
		switch {
		case c.HasDefault && c.NotNull:
			// The server refuses null for a NOT NULL column: null here is a
			// missing field.
			e = "COALESCE(" + e + ", " + c.Default + ")"
		case c.HasDefault:
			e = "CASE WHEN json_type(j, " + path + ") IS NULL THEN " + c.Default + " ELSE " + e + " END"
		}
		cols = append(cols, quoteIdent(c.Name))
		vals = append(vals, e)
	}
	// jsonb_each hands each row over as JSONB, which ->> reads without
	// parsing text again.
	return fmt.Sprintf(`WITH r(j) AS MATERIALIZED (SELECT value FROM jsonb_each(?1))
		INSERT INTO %s (%s) SELECT %s FROM r WHERE true ON CONFLICT (id) DO NOTHING`,
		quoteIdent(t.Name), strings.Join(cols, ", "), strings.Join(vals, ", "))
}

// plainLabel reports whether name can stand as a ->> label: letters,
// digits and underscores, not starting with a digit.
func plainLabel(name string) bool {
	for i, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return name != ""
}

// touchGroup adds to touched the orders whose payments a bulk group of
// payments or settlements brought in: their payment totals are rebuilt.
func touchGroup(tx *store.Tx, g Group, touched map[string]bool) error {
	var q string
	switch g.Entity {
	case "payments":
		q = `SELECT DISTINCT value ->> 'order_id' FROM jsonb_each(?1) WHERE value ->> 'order_id' <> ''`
	case "payment_settlements":
		q = `SELECT DISTINCT p.order_id FROM jsonb_each(?1) s JOIN payments p ON p.id = s.value ->> 'payment_id'`
	default:
		return nil
	}
	rows, err := tx.QueryContext(tx.Context(), q, g.rowsArg())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		touched[id] = true
	}
	return rows.Err()
}
