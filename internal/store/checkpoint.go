package store

import (
	"context"
	"database/sql"
	"time"
)

// SQLite's automatic WAL checkpoint runs inside whichever commit crosses the
// threshold, so one write in ~60 pays for copying the whole WAL back. The
// store turns it off on the write connection and checkpoints passively from
// its own connection shortly after commits instead (as litestream does):
// a passive checkpoint never blocks the writer.

const checkpointDelay = 20 * time.Millisecond

type checkpointer struct {
	conn *sql.DB
	kick chan struct{}
	done chan struct{}
}

func startCheckpointer(path string) (*checkpointer, error) {
	conn, err := sql.Open(DriverName, dsn(path))
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(1)
	c := &checkpointer{conn: conn, kick: make(chan struct{}, 1), done: make(chan struct{})}
	go c.loop()
	return c, nil
}

func (c *checkpointer) loop() {
	defer close(c.done)
	for range c.kick {
		time.Sleep(checkpointDelay) // let a burst of commits finish first
		_, _ = c.conn.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
	}
}

// poke asks for a checkpoint soon; it never blocks.
func (c *checkpointer) poke() {
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) close() error {
	close(c.kick)
	<-c.done
	_, _ = c.conn.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return c.conn.Close()
}
