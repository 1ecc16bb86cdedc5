package customer

import (
	"context"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

func TestService_Interactions(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := mustCreate(t, s, validCustomer())

	var ids []string
	for i, in := range []InteractionInput{
		{Kind: "call", Text: "Asked about delivery.", OccurredAt: testNow.Add(-72 * time.Hour)},
		{Kind: "Email", Text: "Sent the price list.\n\nWith\ttabs.", OccurredAt: testNow.Add(-48 * time.Hour)},
		{Kind: "complaint", Text: `<b>Broken</b> lid'); DELETE FROM customers;--`},
		{Kind: "visit", Text: "Came by the shop.", OccurredAt: testNow.Add(-24 * time.Hour)},
		{Kind: "note", Text: strings.Repeat("ü", MaxTextLen)},
	} {
		it, err := s.AddInteraction(ctx, testActor, c.ID, in)
		if err != nil {
			t.Fatalf("interaction %d: %v", i, err)
		}
		if it.UserID != "u-1" || it.UserName != "anna" || !it.CreatedAt.Equal(testNow) {
			t.Fatalf("interaction %d = %+v", i, it)
		}
		ids = append(ids, it.ID)
	}

	t.Run("TimelineNewestFirst", func(t *testing.T) {
		got, err := s.Timeline(ctx, c.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, it := range got {
			kinds = append(kinds, it.Kind)
		}
		// complaint and note happened "now" (the note was added last).
		if strings.Join(kinds, ",") != "note,complaint,visit,email,call" {
			t.Fatalf("timeline kinds = %v", kinds)
		}
		if got[1].Text != `<b>Broken</b> lid'); DELETE FROM customers;--` || got[3].Text != "Sent the price list.\n\nWith\ttabs." {
			t.Fatalf("texts not verbatim: %q / %q", got[1].Text, got[3].Text)
		}
		if got[0].OccurredAt.IsZero() || !got[4].OccurredAt.Equal(testNow.Add(-72*time.Hour)) {
			t.Fatalf("occurredAt = %v / %v", got[0].OccurredAt, got[4].OccurredAt)
		}
	})

	t.Run("TimelineLimit", func(t *testing.T) {
		got, err := s.Timeline(ctx, c.ID, 2)
		if err != nil || len(got) != 2 || got[0].Kind != "note" {
			t.Fatalf("%d entries, %v", len(got), err)
		}
	})

	t.Run("TimelineUnknownCustomer", func(t *testing.T) {
		_, err := s.Timeline(ctx, "missing", 10)
		wantErr(t, err, errs.ENOTFOUND, "")
	})

	for _, tc := range []struct {
		name  string
		in    InteractionInput
		field string
	}{
		{"UnknownKind", InteractionInput{Kind: "fax", Text: "x"}, "kind"},
		{"EmptyText", InteractionInput{Kind: "note", Text: " \n "}, "text"},
		{"TextTooLong", InteractionInput{Kind: "note", Text: strings.Repeat("x", MaxTextLen+1)}, "text"},
		{"TextControl", InteractionInput{Kind: "note", Text: "beep\x07"}, "text"},
		{"Future", InteractionInput{Kind: "call", Text: "x", OccurredAt: testNow.Add(48 * time.Hour)}, "occurredAt"},
		{"AncientPast", InteractionInput{Kind: "call", Text: "x", OccurredAt: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)}, "occurredAt"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			_, err := s.AddInteraction(ctx, testActor, c.ID, tc.in)
			wantErr(t, err, errs.EINVALID, tc.field)
			if n := count(t, db, `SELECT count(*) FROM customer_interactions`); n != len(ids) {
				t.Fatalf("%d interactions after a refused one, want %d", n, len(ids))
			}
		})
	}

	t.Run("UnknownCustomer", func(t *testing.T) {
		_, err := s.AddInteraction(ctx, testActor, "missing", InteractionInput{Kind: "note", Text: "x"})
		wantErr(t, err, errs.ENOTFOUND, "")
	})

	t.Run("LedgerIsInsertOnly", func(t *testing.T) {
		for _, q := range []string{
			`UPDATE customer_interactions SET kind = 'note' WHERE id = ?`,
			`DELETE FROM customer_interactions WHERE id = ?`,
		} {
			err := db.Update(ctx, testActor, func(tx *store.Tx) error {
				_, err := tx.Exec(q, ids[0])
				return err
			})
			if err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Fatalf("%s: err = %v, want it refused", q, err)
			}
		}
	})

	t.Run("Captured", func(t *testing.T) {
		if n := count(t, db, `SELECT count(*) FROM outbox WHERE entity IN ('customer_interactions', 'customer_interaction_texts') AND entity_id = ?`, ids[2]); n != 2 {
			t.Fatalf("%d outbox rows for one interaction, want 2", n)
		}
		// The text reaches the outbox (it must sync) but never the audit log.
		if n := count(t, db, `SELECT count(*) FROM audit_log WHERE changes LIKE '%Broken%'`); n != 0 {
			t.Fatalf("interaction text found in %d audit entries", n)
		}
	})
}
