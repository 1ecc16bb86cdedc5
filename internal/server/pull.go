package server

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	omsync "oms/internal/sync"
)

// MaxPull is the most rows or changes one pull returns.
const MaxPull = 2000

// A snapshot page in bulk form holds up to MaxBulkPull rows, and stops
// after the row that brings it past maxBulkBytes. Each page costs the
// workstation a transaction: for the full-size benchmark (12.7M rows),
// pages of 8 MB took 139-166 s, of 16 MB 99-108 s, of 32 MB 115 s.
const (
	MaxBulkPull  = 50_000
	maxBulkBytes = 16 << 20
)

// Cursors are opaque to the client:
//   - "" starts a fresh device with a snapshot;
//   - "t:HW:ENTITY:ID" is inside the snapshot, after row (ENTITY, ID),
//     which was taken when the log stood at HW. The snapshot goes table by
//     table, ledgers first (snapshotOrder), each table by id;
//   - "p:N" is after position N of the log;
//   - "s:…" is a snapshot cursor of an earlier version, which went through
//     the tables in another order: the snapshot starts again.
//
// A snapshot row may be newer than HW: the changes after HW then apply
// again, which the merge makes harmless.

// Pull returns the next batch after cursor for device dev; the first page
// of a snapshot gives its Total.
func (s *Server) Pull(ctx ctxT, dev Device, cursor string, limit int) (omsync.PullResponse, error) {
	return s.pull(ctx, dev, cursor, limit, false, cursor == "")
}

// PullBulk is Pull with a snapshot page in bulk form (omsync.Group), and
// the snapshot's Total only when asked for (withTotal): counting a big
// snapshot's rows takes the server a while, so the client asks for it
// beside the pages.
func (s *Server) PullBulk(ctx ctxT, dev Device, cursor string, limit int, withTotal bool) (omsync.PullResponse, error) {
	return s.pull(ctx, dev, cursor, limit, true, withTotal)
}

func (s *Server) pull(ctx ctxT, dev Device, cursor string, limit int, bulk, withTotal bool) (omsync.PullResponse, error) {
	max := MaxPull
	if bulk && (cursor == "" || strings.HasPrefix(cursor, "s:") || strings.HasPrefix(cursor, "t:")) {
		max = MaxBulkPull
	}
	if limit <= 0 || limit > max {
		limit = max
	}
	var res omsync.PullResponse
	switch {
	case cursor == "" || strings.HasPrefix(cursor, "s:"):
		// The highest committed position: every smaller one is committed too,
		// because pushes take positions in commit order (push.go).
		var hw int64
		if err := s.db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) FROM srv_log`).Scan(&hw); err != nil {
			return res, err
		}
		if s.hooks.snapshotHW != nil {
			hw = s.hooks.snapshotHW(hw)
		}
		return s.snapshot(ctx, dev, hw, "", "", limit, withTotal, bulk)
	case strings.HasPrefix(cursor, "t:"):
		parts := strings.SplitN(cursor, ":", 4)
		if len(parts) != 4 {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		hw, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		return s.snapshot(ctx, dev, hw, parts[2], parts[3], limit, withTotal, bulk)
	case strings.HasPrefix(cursor, "p:"):
		pos, err := strconv.ParseInt(cursor[2:], 10, 64)
		if err != nil || pos < 0 {
			return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
		}
		return s.changes(ctx, dev, pos, limit)
	default:
		return res, refuse(400, omsync.CodeBadRequest, "The pull cursor %q is not one this server gave.", cursor)
	}
}

// snapshot pages through every live row after (entity, id). Rows whose
// every value this device wrote itself are left out: it has them (a
// workstation that worked alone before it enrolled pulls only what others
// wrote). In bulk form the stored fields and clocks go out as they are.
func (s *Server) snapshot(ctx ctxT, dev Device, hw int64, entity, id string, limit int, withTotal, bulk bool) (omsync.PullResponse, error) {
	res := omsync.PullResponse{Snapshot: true}
	if withTotal {
		if err := s.db.sql.QueryRowContext(ctx, `SELECT count(*) FROM srv_entities WHERE deleted = ''`).Scan(&res.Total); err != nil {
			return res, err
		}
	}
	order, err := s.snapshotOrder(ctx)
	if err != nil {
		return res, err
	}
	// The table the cursor is in, and the ones after it.
	if entity != "" {
		order = slices.DeleteFunc(order, func(t string) bool { return s.snapshotCompare(t, entity) < 0 })
	}
	pg := snapshotPage{res: &res, limit: limit, maxBytes: maxBulkBytes, bulk: bulk, device: dev.ID,
		// A device that never pushed wrote none of the rows: their clocks
		// need no reading.
		mine: dev.LastSeq > 0}
	if s.hooks.bulkBytes > 0 {
		pg.maxBytes = s.hooks.bulkBytes
	}
	for _, table := range order {
		if pg.full() {
			break
		}
		if table != entity {
			entity, id = table, ""
		}
		if id, err = s.snapshotTable(ctx, &pg, table, id); err != nil {
			return res, err
		}
	}
	res.More = true
	if pg.full() {
		res.Cursor = fmt.Sprintf("t:%d:%s:%s", hw, entity, id)
	} else {
		res.Cursor = "p:" + strconv.FormatInt(hw, 10)
		res.Snapshot = false
	}
	return res, nil
}

// snapshotPage is a snapshot page being filled.
type snapshotPage struct {
	res             *omsync.PullResponse
	limit, maxBytes int
	scanned, size   int
	bulk, mine      bool // mine: the device may have written rows, whose clocks say so
	device          string
}

func (pg *snapshotPage) full() bool { return pg.scanned >= pg.limit || pg.size >= pg.maxBytes }

// snapshotTable adds the live rows of table after id to the page until it
// is full, and returns the id of the last row it read.
func (s *Server) snapshotTable(ctx ctxT, pg *snapshotPage, table, after string) (string, error) {
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(`SELECT id, fields, clocks FROM srv_entities
		WHERE entity = ? AND id > ? AND deleted = '' ORDER BY id LIMIT ?`), table, after, pg.limit-pg.scanned)
	if err != nil {
		return after, err
	}
	defer rows.Close()
	last := after
	var g *omsync.Group
	for !pg.full() && rows.Next() {
		var rid string
		var fields, clocks sql.RawBytes
		if err := rows.Scan(&rid, &fields, &clocks); err != nil {
			return last, err
		}
		pg.scanned++
		last = rid
		var rc map[string]omsync.Clock
		if pg.mine || !pg.bulk {
			if err := json.Unmarshal(clocks, &rc); err != nil {
				return last, fmt.Errorf("%s %s: %w", table, rid, err)
			}
			if pg.mine && allWrittenBy(rc, pg.device) {
				continue
			}
		}
		if !pg.bulk {
			r := omsync.Row{Entity: table, ID: rid, Clocks: rc}
			if err := json.Unmarshal(fields, &r.Fields); err != nil {
				return last, fmt.Errorf("%s %s: %w", table, rid, err)
			}
			pg.res.Rows = append(pg.res.Rows, r)
			continue
		}
		if g == nil {
			pg.res.Groups = append(pg.res.Groups, omsync.Group{Entity: table, Rows: []byte{'['}, Clocks: []byte{'['}})
			g = &pg.res.Groups[len(pg.res.Groups)-1]
		} else {
			g.Rows, g.Clocks = append(g.Rows, ','), append(g.Clocks, ',')
		}
		g.Rows, g.Clocks = append(g.Rows, fields...), append(g.Clocks, clocks...)
		g.Count++
		pg.size += len(fields) + len(clocks)
	}
	if g != nil {
		g.Rows, g.Clocks = append(g.Rows, ']'), append(g.Clocks, ']')
	}
	return last, rows.Err()
}

// snapshotOrder lists the tables the server holds rows of, in the order a
// snapshot sends them: ledgers first, then the others, each set by name.
// A cache derived from a ledger (an order's payment totals, its payment
// status) is then complete when the document it belongs to arrives, so it
// is written once, not once and then again for every ledger row.
func (s *Server) snapshotOrder(ctx ctxT) ([]string, error) {
	// One index probe per table, on SQLite and PostgreSQL alike.
	rows, err := s.db.sql.QueryContext(ctx, `WITH RECURSIVE t(name) AS (
			SELECT MIN(entity) FROM srv_entities
			UNION ALL
			SELECT (SELECT MIN(entity) FROM srv_entities WHERE entity > t.name) FROM t WHERE t.name IS NOT NULL)
		SELECT name FROM t WHERE name IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(names, s.snapshotCompare)
	return names, nil
}

// snapshotCompare orders tables for a snapshot: ledgers first, then by name.
func (s *Server) snapshotCompare(a, b string) int {
	if la, lb := s.schema[a].Kind == "ledger", s.schema[b].Kind == "ledger"; la != lb {
		if la {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

func (s *Server) changes(ctx ctxT, dev Device, after int64, limit int) (omsync.PullResponse, error) {
	res := omsync.PullResponse{}
	rows, err := s.db.sql.QueryContext(ctx, s.db.q(`SELECT position, change_id, device_id, seq, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at
		FROM srv_log WHERE position > ? ORDER BY position LIMIT ?`), after, limit)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	n := 0
	last := after
	for rows.Next() {
		var c omsync.Change
		var fields string
		var pos int64
		if err := rows.Scan(&pos, &c.ID, &c.Device, &c.Seq, &c.Entity, &c.EntityID, &c.Op, &fields, &c.HLC, &c.UserID, &c.SchemaVersion, &c.CreatedAt); err != nil {
			return res, err
		}
		n++
		last = pos
		if c.Device == dev.ID {
			continue // the device has its own changes
		}
		if err := json.Unmarshal([]byte(fields), &c.Fields); err != nil {
			return res, fmt.Errorf("log position %d: %w", pos, err)
		}
		res.Changes = append(res.Changes, c)
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	res.Cursor = "p:" + strconv.FormatInt(last, 10)
	res.More = n == limit
	return res, nil
}

// allWrittenBy reports whether device wrote every value the clocks cover.
func allWrittenBy(clocks map[string]omsync.Clock, device string) bool {
	if len(clocks) == 0 {
		return false
	}
	for _, c := range clocks {
		if _, d := c.Split(); d != device {
			return false
		}
	}
	return true
}
