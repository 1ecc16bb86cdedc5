package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"

	"oms/internal/errs"
)

// Format is what a printer takes: PDF (CUPS, folders) or raw ZPL
// (thermal label printers).
type Format int

// Formats.
const (
	FormatPDF Format = iota
	FormatZPL
)

// String names the format.
func (f Format) String() string {
	if f == FormatZPL {
		return "ZPL"
	}
	return "PDF"
}

// Print renders a document in the format its printer takes and sends it
// there: a CUPS queue gets the PDF through lp with title as the job's
// name, a thermal printer the ZPL over TCP, a folder the PDF as
// fileBase.pdf (fileBase-2.pdf and so on when taken; never overwriting).
// It returns a sentence for the user saying where it went.
//
// ENOTFOUND on "printer" when the document has no printer here; EINVALID on
// "document"; ECONFLICT when the printer cannot take it: CUPS not installed,
// lp refusing (its message included), a thermal printer not answering or
// refusing the connection, a folder gone or not writable. Render's own
// errors come back as they are.
func (s *Service) Print(ctx context.Context, document, title, fileBase string, render func(f Format, w io.Writer) error) (string, error) {
	p, err := s.FindPrinter(ctx, document)
	if err != nil {
		return "", err
	}
	format := FormatPDF
	if p.Kind == KindZPL {
		format = FormatZPL
	}
	var buf bytes.Buffer
	if err := render(format, &buf); err != nil {
		return "", err
	}
	switch p.Kind {
	case KindCUPS:
		return s.printCUPS(ctx, p.Target, title, buf.Bytes())
	case KindZPL:
		return s.printZPL(ctx, p.Target, buf.Bytes())
	case KindFolder:
		return writeFolder(p.Target, fileBase, buf.Bytes())
	}
	return "", fmt.Errorf("print %s: unknown printer kind %q", document, p.Kind)
}

func (s *Service) timeout() time.Duration {
	if s.Timeout <= 0 {
		return 30 * time.Second
	}
	return s.Timeout
}

// errNoCUPS is the error when lp is not installed.
var errNoCUPS = errs.Errorf(errs.ECONFLICT,
	"CUPS is not installed on this workstation (lp was not found; the package is cups-client): install it, or choose another printer in Settings → Printers.")

// jobTitle makes a title safe as lp's job name: one line, at most 100
// characters.
func jobTitle(title string) string {
	title = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, title)
	title = strings.Join(strings.Fields(title), " ")
	if r := []rune(title); len(r) > 100 {
		title = string(r[:100])
	}
	if title == "" {
		return "OMS document"
	}
	return title
}

// printCUPS pipes the PDF to lp -d queue -t title -.
func (s *Service) printCUPS(ctx context.Context, queue, title string, pdf []byte) (string, error) {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return "", errNoCUPS
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout())
	defer cancel()
	cmd := exec.CommandContext(ctx, lp, "-d", queue, "-t", jobTitle(title), "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr, stdout bytes.Buffer
	cmd.Stderr, cmd.Stdout = &stderr, &stdout
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return "", errs.Errorf(errs.ECONFLICT, "CUPS did not take the document for printer %q within %s; is the CUPS service running?",
				queue, s.timeout())
		}
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if msg == "" {
			msg = err.Error()
		}
		if r := []rune(msg); len(r) > 300 {
			msg = string(r[:300]) + "…"
		}
		return "", errs.Errorf(errs.ECONFLICT, "Printer %q (CUPS) did not take the document: %s", queue, msg)
	}
	return fmt.Sprintf("Sent to printer %q (CUPS).", queue), nil
}

// printZPL sends the ZPL to the printer's raw port.
func (s *Service) printZPL(ctx context.Context, addr string, zpl []byte) (string, error) {
	d := net.Dialer{Timeout: s.timeout()}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", netError(addr, err, s.timeout())
	}
	defer conn.Close()
	if err := conn.SetWriteDeadline(time.Now().Add(s.timeout())); err != nil {
		return "", fmt.Errorf("zpl %s: %w", addr, err)
	}
	if _, err := conn.Write(zpl); err != nil {
		return "", netError(addr, err, s.timeout())
	}
	if err := conn.Close(); err != nil {
		return "", netError(addr, err, s.timeout())
	}
	return fmt.Sprintf("Sent to the label printer at %s (ZPL).", addr), nil
}

// netError says in a sentence why a thermal printer could not be reached.
func netError(addr string, err error, timeout time.Duration) error {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return errs.Errorf(errs.ECONFLICT, "The label printer at %s refused the connection: is it switched on, and is the address right?", addr)
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return errs.Errorf(errs.ECONFLICT, "The label printer at %s did not answer within %s: is it switched on and on the network?", addr, timeout)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return errs.Errorf(errs.ECONFLICT, "The label printer's host in %s is unknown on this network.", addr)
	}
	return errs.Errorf(errs.ECONFLICT, "The label printer at %s could not be reached (%v).", addr, unwrapNetErr(err))
}

func unwrapNetErr(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	return err
}

// safeBase makes fileBase a plain file name: no path, no control or
// reserved characters, at most 120 characters.
func safeBase(fileBase string) string {
	fileBase = strings.TrimSuffix(filepath.Base(strings.ReplaceAll(fileBase, `\`, "/")), ".pdf")
	fileBase = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, fileBase)
	fileBase = strings.Trim(strings.TrimSpace(fileBase), ".")
	if r := []rune(fileBase); len(r) > 120 {
		fileBase = string(r[:120])
	}
	if fileBase == "" {
		fileBase = "document"
	}
	return fileBase
}

// writeFolder writes the PDF into dir as base.pdf, or base-2.pdf and so on
// when taken: written to a temporary file first and then linked to its
// name, which fails rather than replace a file that appeared meanwhile.
func writeFolder(dir, fileBase string, pdf []byte) (string, error) {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return "", errs.Errorf(errs.ECONFLICT, "The folder %s is not there any more: choose another in Settings → Printers.", dir)
	}
	tmp, err := os.CreateTemp(dir, ".oms-print-*.tmp")
	if err != nil {
		return "", errs.Errorf(errs.ECONFLICT, "The document cannot be written to the folder %s (%v).", dir, unwrapPathErr(err))
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	_, err = tmp.Write(pdf)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", errs.Errorf(errs.ECONFLICT, "The document cannot be written to the folder %s (%v).", dir, unwrapPathErr(err))
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return "", fmt.Errorf("print to folder: %w", err)
	}
	base := safeBase(fileBase)
	for n := 1; n <= 1000; n++ {
		name := base + ".pdf"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.pdf", base, n)
		}
		final := filepath.Join(dir, name)
		err := os.Link(tmpName, final)
		if err == nil {
			return fmt.Sprintf("Saved as %s in the folder %s.", name, dir), nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		// A file system without hard links: rename, after checking the name
		// is free (a file appearing in between would be replaced).
		if _, serr := os.Lstat(final); serr == nil {
			continue
		}
		if rerr := os.Rename(tmpName, final); rerr != nil {
			return "", errs.Errorf(errs.ECONFLICT, "The document cannot be written to the folder %s (%v).", dir, unwrapPathErr(rerr))
		}
		return fmt.Sprintf("Saved as %s in the folder %s.", name, dir), nil
	}
	return "", errs.Errorf(errs.ECONFLICT, "The folder %s already holds 1000 files named %s: clear it out.", dir, base)
}

// CupsPrinters returns the names of this workstation's CUPS queues, as
// lpstat -e lists them, sorted: none (not an error) when CUPS is not
// installed, not running or has no printers, since a queue name can still
// be typed.
func (s *Service) CupsPrinters(ctx context.Context) ([]string, error) {
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return []string{}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, min(s.timeout(), 10*time.Second))
	defer cancel()
	cmd := exec.CommandContext(ctx, lpstat, "-e")
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if err != nil {
		return []string{}, nil
	}
	names := []string{}
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.ContainsAny(l, " \t") {
			names = append(names, l)
		}
	}
	sort.Strings(names)
	return names, nil
}
