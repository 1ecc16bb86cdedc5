// Package printing sends documents to this workstation's printers: a CUPS
// queue (lp), a thermal label printer taking raw ZPL on TCP port 9100, or a
// folder. Each kind of document has its own printer, kept in the local
// workstation_printers table (migration 0011).
package printing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/store"
)

// Documents are the kinds of document a workstation prints, each to its
// own printer.
const (
	DocInvoice     = "invoice"
	DocPackingSlip = "packing-slip"
	DocPickList    = "pick-list"
	DocLabel       = "label"
)

// Documents lists the documents in the order Settings shows them.
var Documents = []string{DocInvoice, DocPackingSlip, DocPickList, DocLabel}

// documentNames are the documents as a sentence names them, in the plural.
var documentNames = map[string]string{DocInvoice: "invoices", DocPackingSlip: "packing slips", DocPickList: "pick lists",
	DocLabel: "shipping labels"}

// DocumentName is how a sentence names the document, in the plural
// ("packing slips"); "" for an unknown one.
func DocumentName(document string) string { return documentNames[document] }

// Kinds of printer.
const (
	KindCUPS   = "cups"   // a CUPS queue, printed to with lp
	KindZPL    = "zpl"    // a thermal printer taking raw ZPL on host:port
	KindFolder = "folder" // a directory, such as a print server's hot folder
)

// DefaultZPLPort is the port of a thermal printer's raw socket, added to a
// ZPL target given without one.
const DefaultZPLPort = "9100"

// Printer is where one kind of document prints on this workstation.
type Printer struct {
	Document  string // DocInvoice, DocPackingSlip, DocPickList or DocLabel
	Kind      string // KindCUPS, KindZPL or KindFolder
	Target    string // the CUPS queue, host:port or the folder's path
	UpdatedAt time.Time
}

// PrinterInput sets the printer of one document.
type PrinterInput struct {
	Document string
	Kind     string
	Target   string
}

// Service keeps this workstation's printers and prints to them.
type Service struct {
	db *store.DB
	// Timeout bounds each print: lp's run, or connecting to a thermal
	// printer and, separately, sending it the label.
	Timeout time.Duration
}

// NewService returns the printing service over db.
func NewService(db *store.DB) *Service { return &Service{db: db, Timeout: 30 * time.Second} }

// checkDocument returns EINVALID on "document" for an unknown document.
func checkDocument(document string) error {
	if _, ok := documentNames[document]; !ok {
		return errs.Invalid("document", "Choose an invoice, packing slip, pick list or shipping label printer.")
	}
	return nil
}

// Validate checks the input and normalizes the target: trimmed, a ZPL
// printer's port added when left out, a folder's path cleaned. EINVALID on
// "document", "kind" or "target" with a sentence saying what is wrong.
func (in *PrinterInput) Validate() error {
	if err := checkDocument(in.Document); err != nil {
		return err
	}
	in.Kind = strings.ToLower(strings.TrimSpace(in.Kind))
	in.Target = strings.TrimSpace(in.Target)
	switch in.Kind {
	case KindCUPS, KindFolder:
	case KindZPL:
		if in.Document != DocLabel {
			return errs.Invalid("kind", "A thermal printer (ZPL) prints shipping labels only; choose a CUPS printer or a folder for %s.",
				documentNames[in.Document])
		}
	default:
		return errs.Invalid("kind", "Choose a CUPS printer, a thermal printer (ZPL) or a folder.")
	}
	if in.Target == "" {
		switch in.Kind {
		case KindCUPS:
			return errs.Invalid("target", "Choose or type the name of the CUPS printer.")
		case KindZPL:
			return errs.Invalid("target", "Enter the thermal printer's address as host:port, such as 192.168.1.50:9100.")
		}
		return errs.Invalid("target", "Enter the folder's full path.")
	}
	if utf8.RuneCountInString(in.Target) > 500 {
		return errs.Invalid("target", "This must be at most 500 characters.")
	}
	if !utf8.ValidString(in.Target) || strings.IndexFunc(in.Target, unicode.IsControl) >= 0 {
		return errs.Invalid("target", "This must not contain control characters.")
	}
	switch in.Kind {
	case KindCUPS:
		// CUPS queue names are printable characters but space, "/" and "#";
		// a leading "-" would read as an option of lp.
		if strings.ContainsAny(in.Target, " \t/#\\'\"") || strings.HasPrefix(in.Target, "-") || len(in.Target) > 127 {
			return errs.Invalid("target", "A CUPS printer name has no spaces, slashes, quotes or # and does not start with a dash.")
		}
	case KindZPL:
		t, err := hostPort(in.Target)
		if err != nil {
			return err
		}
		in.Target = t
	case KindFolder:
		if !filepath.IsAbs(in.Target) {
			return errs.Invalid("target", "Enter the folder's full path, such as /srv/print/hot.")
		}
		in.Target = filepath.Clean(in.Target)
		fi, err := os.Stat(in.Target)
		switch {
		case err != nil && errors.Is(err, os.ErrNotExist):
			return errs.Invalid("target", "There is no folder %s on this workstation.", in.Target)
		case err != nil:
			return errs.Invalid("target", "The folder %s cannot be read (%v).", in.Target, unwrapPathErr(err))
		case !fi.IsDir():
			return errs.Invalid("target", "%s is a file, not a folder.", in.Target)
		}
	}
	return nil
}

// hostPort checks a thermal printer's address, adding the default port to
// a host given alone. EINVALID on "target".
func hostPort(s string) (string, error) {
	bad := errs.Invalid("target", "Enter the thermal printer's address as host:port, such as 192.168.1.50:9100.")
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		// A host alone, or a bare IPv6 address.
		if strings.Count(s, ":") == 0 || (strings.Count(s, ":") > 1 && !strings.Contains(s, "[")) {
			host, port = strings.Trim(s, "[]"), DefaultZPLPort
		} else {
			return "", bad
		}
	}
	if host == "" || strings.ContainsAny(host, " /\\@?#") {
		return "", bad
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", errs.Invalid("target", "The port must be a number from 1 to 65535 (thermal printers usually listen on 9100).")
	}
	return net.JoinHostPort(host, port), nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

const printerColumns = `id, kind, target, updated_at`

func scanPrinter(row interface{ Scan(...any) error }) (*Printer, error) {
	var p Printer
	var updated string
	if err := row.Scan(&p.Document, &p.Kind, &p.Target, &updated); err != nil {
		return nil, err
	}
	t, err := store.ParseTime(updated)
	if err != nil {
		return nil, fmt.Errorf("printer %s: updated_at: %w", p.Document, err)
	}
	p.UpdatedAt = t
	return &p, nil
}

// FindPrinters returns the printers set on this workstation, in the order
// of Documents; a document without a printer is left out.
func (s *Service) FindPrinters(ctx context.Context) ([]*Printer, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+printerColumns+` FROM workstation_printers`)
	if err != nil {
		return nil, fmt.Errorf("find printers: %w", err)
	}
	defer rows.Close()
	byDoc := map[string]*Printer{}
	for rows.Next() {
		p, err := scanPrinter(rows)
		if err != nil {
			return nil, fmt.Errorf("find printers: %w", err)
		}
		byDoc[p.Document] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find printers: %w", err)
	}
	var out []*Printer
	for _, d := range Documents {
		if p := byDoc[d]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// FindPrinter returns the printer of a document. EINVALID on "document";
// ENOTFOUND on "printer" when none is set, with the sentence telling the
// user where to set one.
func (s *Service) FindPrinter(ctx context.Context, document string) (*Printer, error) {
	if err := checkDocument(document); err != nil {
		return nil, err
	}
	p, err := scanPrinter(s.db.Reader().QueryRowContext(ctx, `SELECT `+printerColumns+` FROM workstation_printers WHERE id = ?`, document))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "printer",
			Message: fmt.Sprintf("No printer is set for %s on this workstation: choose one in Settings → Printers.", documentNames[document])}
	}
	if err != nil {
		return nil, fmt.Errorf("find printer %s: %w", document, err)
	}
	return p, nil
}

// SetPrinter sets (or replaces) the printer of a document on this
// workstation. EINVALID on "document", "kind" or "target" (see Validate).
func (s *Service) SetPrinter(ctx context.Context, actor store.Actor, in PrinterInput) (*Printer, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *Printer
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := tx.Exec(`INSERT INTO workstation_printers (id, kind, target, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, target = excluded.target, updated_at = excluded.updated_at`,
			in.Document, in.Kind, in.Target, store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("set printer %s: %w", in.Document, err)
		}
		out = &Printer{Document: in.Document, Kind: in.Kind, Target: in.Target, UpdatedAt: tx.Now}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ClearPrinter removes the printer of a document, if one is set.
// EINVALID on "document".
func (s *Service) ClearPrinter(ctx context.Context, actor store.Actor, document string) error {
	if err := checkDocument(document); err != nil {
		return err
	}
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := tx.Exec(`DELETE FROM workstation_printers WHERE id = ?`, document); err != nil {
			return fmt.Errorf("clear printer %s: %w", document, err)
		}
		return nil
	})
}
