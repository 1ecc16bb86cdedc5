package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"oms/internal/auth"
	"oms/internal/docs"
	"oms/internal/errs"
	"oms/internal/printing"
)

// Who may print: anyone who sees orders (counter staff print the invoice
// of a sale, warehouse staff the pick list and the packing slip).
func init() {
	addRules(map[string]rule{
		"DocumentsAPI.SaveDocument":     need(auth.PermOrdersView),
		"DocumentsAPI.DocumentData":     need(auth.PermOrdersView),
		"DocumentsAPI.SaveWavePickList": need(auth.PermOrdersView),
		"DocumentsAPI.WavePickListData": need(auth.PermOrdersView),
		"DocumentsAPI.PrintDocument":    need(auth.PermOrdersView),
		"DocumentsAPI.OpenDocument":     need(auth.PermOrdersView),
	})
}

// DocumentsAPI is an order's printed documents: its invoice, packing slip
// and pick list as PDF.
type DocumentsAPI struct{ a *App }

// document names: the kind the frontend asks for and what the file is called.
var documentKinds = map[string]string{"invoice": "invoice", "packing-slip": "packing-slip", "pick-list": "pick-list"}

// renderDocument writes the document of kind for the order into a PDF.
// EINVALID on "kind"; ENOTFOUND for the order.
func renderDocument(ctx context.Context, svc Services, kind, orderID string) (ExportFile, []byte, error) {
	name, ok := documentKinds[kind]
	if !ok {
		return ExportFile{}, nil, errs.Invalid("kind", "Print an invoice, a packing slip or a pick list.")
	}
	o, err := svc.Orders.FindOrderByID(ctx, orderID)
	if err != nil {
		return ExportFile{}, nil, err
	}
	p := svc.Docs
	var buf bytes.Buffer
	switch kind {
	case "invoice":
		err = p.WriteInvoice(ctx, &buf, orderID, docs.Options{})
	case "packing-slip":
		err = p.WritePackingSlip(ctx, &buf, docs.Shipment{OrderID: orderID}, docs.Options{})
	case "pick-list":
		err = p.WritePickList(ctx, &buf, []string{orderID}, docs.Options{})
	}
	if err != nil {
		return ExportFile{}, nil, err
	}
	number := strings.NewReplacer("/", "-", `\`, "-").Replace(o.Number)
	return ExportFile{FileName: fmt.Sprintf("%s-%s.pdf", name, number), MimeType: "application/pdf"}, buf.Bytes(), nil
}

// SaveDocument asks where to save the order's document of kind
// ("invoice", "packing-slip" or "pick-list") with the native save dialog
// and writes the PDF there. It returns the path written, or "" when the
// dialog was cancelled. EINVALID on "kind", ENOTFOUND, ECONFLICT where
// there is no native dialog (a browser: use DocumentData there) or the
// file cannot be written.
func (x *DocumentsAPI) SaveDocument(kind, orderID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	ctx := x.a.context()
	file, data, err := renderDocument(ctx, x.a.svc, kind, orderID)
	if err != nil {
		return "", err
	}
	return x.save(ctx, "Save "+strings.ReplaceAll(kind, "-", " "), file, data)
}

// documentTitles name the documents in a print job's title.
var documentTitles = map[string]string{"invoice": "Invoice", "packing-slip": "Packing slip", "pick-list": "Pick list"}

// PrintDocument sends the order's document of kind ("invoice",
// "packing-slip" or "pick-list") to the printer this workstation has for
// it, and returns a sentence saying where it went (`Sent to printer
// "Office" (CUPS).`). EINVALID on "kind"; ENOTFOUND for the order, or on
// "printer" when no printer is set for the kind ("No printer is set for
// packing slips on this workstation: choose one in Settings → Printers.");
// ECONFLICT when the printer cannot take it (CUPS missing, lp refusing, a
// folder gone).
func (x *DocumentsAPI) PrintDocument(kind, orderID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	if _, ok := documentKinds[kind]; !ok {
		return "", errs.Invalid("kind", "Print an invoice, a packing slip or a pick list.")
	}
	ctx := x.a.context()
	o, err := x.a.svc.Orders.FindOrderByID(ctx, orderID)
	if err != nil {
		return "", err
	}
	base := kind + "-" + strings.NewReplacer("/", "-", `\`, "-").Replace(o.Number)
	return x.a.printRendered(ctx, kind, documentTitles[kind]+" "+o.Number, base, func(f printing.Format, w io.Writer) error {
		if f != printing.FormatPDF {
			return errs.Errorf(errs.ECONFLICT, "The %s cannot be printed as %s; choose a CUPS printer or a folder for it.",
				strings.ToLower(documentTitles[kind]), f)
		}
		_, data, err := renderDocument(ctx, x.a.svc, kind, orderID)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// openFile hands a file to the system's viewer; tests replace it.
var openFile = func(path string) error {
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return errs.Errorf(errs.ECONFLICT, "No program to open documents was found (%s is missing; on Linux it comes with xdg-utils).",
				filepath.Base(cmd.Path))
		}
		return fmt.Errorf("open %s: %w", path, err)
	}
	go cmd.Wait() // reap it; the viewer may run long after
	return nil
}

// OpenDocument writes the order's document of kind ("invoice",
// "packing-slip" or "pick-list") to a temporary file and opens it in the
// system's PDF viewer, from which it can be printed with the system's
// dialog. EINVALID on "kind", ENOTFOUND; ECONFLICT outside the desktop
// window (a browser: download it instead) or without a viewer.
func (x *DocumentsAPI) OpenDocument(kind, orderID string) error {
	if _, err := x.a.guard(); err != nil {
		return err
	}
	ctx := x.a.context()
	if ctx.Value("frontend") == nil {
		return errs.Errorf(errs.ECONFLICT, "Documents open in the system's viewer from the desktop window only; download it instead.")
	}
	file, data, err := renderDocument(ctx, x.a.svc, kind, orderID)
	if err != nil {
		return err
	}
	dir := filepath.Join(os.TempDir(), "oms-documents")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("open document: %w", err)
	}
	removeOld(dir, 24*time.Hour)
	f, err := os.CreateTemp(dir, strings.TrimSuffix(file.FileName, ".pdf")+"-*.pdf")
	if err != nil {
		return fmt.Errorf("open document: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("open document: %w", err)
	}
	return openFile(f.Name())
}

// removeOld deletes the files in dir older than age: documents opened in
// the viewer yesterday are not needed any more.
func removeOld(dir string, age time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// save asks where to put a PDF with the native save dialog and writes it
// there: the path, or "" when the dialog was cancelled.
func (x *DocumentsAPI) save(ctx context.Context, title string, file ExportFile, data []byte) (string, error) {
	// Wails's runtime exits the process when called without its frontend.
	if ctx.Value("frontend") == nil {
		return "", errs.Errorf(errs.ECONFLICT, "There is no save dialog here; download the document instead.")
	}
	path, err := runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title: title, DefaultFilename: file.FileName, CanCreateDirectories: true,
		Filters: []runtime.FileFilter{{DisplayName: "PDF documents", Pattern: "*.pdf"}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", errs.Errorf(errs.ECONFLICT, "The file could not be saved there (%v); choose another place.", err)
	}
	return path, nil
}

// DocumentData returns the order's document of kind ("invoice",
// "packing-slip" or "pick-list") as a PDF file for the frontend to save.
// EINVALID on "kind", ENOTFOUND.
func (x *DocumentsAPI) DocumentData(kind, orderID string) (ExportFile, error) {
	if _, err := x.a.guard(); err != nil {
		return ExportFile{}, err
	}
	file, data, err := renderDocument(x.a.context(), x.a.svc, kind, orderID)
	if err != nil {
		return ExportFile{}, err
	}
	file.Base64 = base64.StdEncoding.EncodeToString(data)
	return file, nil
}

// maxWave is the most orders one pick list takes.
const maxWave = 200

// renderWave writes one pick list for the orders of a wave. EINVALID on
// "orderIds" for none or too many; ENOTFOUND for an unknown order.
func renderWave(ctx context.Context, svc Services, orderIDs []string) (ExportFile, []byte, error) {
	if len(orderIDs) == 0 {
		return ExportFile{}, nil, errs.Invalid("orderIds", "Choose the orders to pick.")
	}
	if len(orderIDs) > maxWave {
		return ExportFile{}, nil, errs.Invalid("orderIds", "A pick list takes at most %d orders; choose fewer.", maxWave)
	}
	var buf bytes.Buffer
	if err := svc.Docs.WritePickList(ctx, &buf, orderIDs, docs.Options{}); err != nil {
		return ExportFile{}, nil, err
	}
	first, err := svc.Orders.FindOrderByID(ctx, orderIDs[0])
	if err != nil {
		return ExportFile{}, nil, err
	}
	name := "pick-list-" + strings.NewReplacer("/", "-", `\`, "-").Replace(first.Number)
	if len(orderIDs) > 1 {
		name += fmt.Sprintf("-and-%d-more", len(orderIDs)-1)
	}
	return ExportFile{FileName: name + ".pdf", MimeType: "application/pdf"}, buf.Bytes(), nil
}

// SaveWavePickList asks where to save one pick list for the orders of a
// wave (their lines merged by product, in bin order) and writes the PDF.
// It returns the path written, or "" when the dialog was cancelled.
// EINVALID on "orderIds", ENOTFOUND, ECONFLICT where there is no native
// dialog (use WavePickListData) or the file cannot be written.
func (x *DocumentsAPI) SaveWavePickList(orderIDs []string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	ctx := x.a.context()
	file, data, err := renderWave(ctx, x.a.svc, orderIDs)
	if err != nil {
		return "", err
	}
	return x.save(ctx, "Save pick list", file, data)
}

// WavePickListData returns one pick list for the orders of a wave as a
// PDF file for the frontend to save. EINVALID on "orderIds", ENOTFOUND.
func (x *DocumentsAPI) WavePickListData(orderIDs []string) (ExportFile, error) {
	if _, err := x.a.guard(); err != nil {
		return ExportFile{}, err
	}
	file, data, err := renderWave(x.a.context(), x.a.svc, orderIDs)
	if err != nil {
		return ExportFile{}, err
	}
	file.Base64 = base64.StdEncoding.EncodeToString(data)
	return file, nil
}
