package app

import (
	"context"
	"io"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/printing"
)

// Who may configure printers: whoever manages the settings. Everyone
// signed in sees where their documents print.
func init() {
	addRules(map[string]rule{
		"PrintersAPI.Printers":     signedIn,
		"PrintersAPI.SetPrinter":   need(auth.PermSettingsCompany),
		"PrintersAPI.ClearPrinter": need(auth.PermSettingsCompany),
		"PrintersAPI.CupsPrinters": need(auth.PermSettingsCompany),
	})
}

// PrintersAPI is this workstation's printers, one per kind of document.
type PrintersAPI struct{ a *App }

// WorkstationPrinter is where one kind of document prints on this
// workstation; Kind and Target are "" when no printer is set.
type WorkstationPrinter struct {
	Document  string `json:"document"` // invoice, packing-slip, pick-list or label
	Label     string `json:"label"`    // "Packing slip"
	Kind      string `json:"kind"`     // cups, zpl, folder or ""
	Target    string `json:"target"`   // the CUPS queue, host:port or folder
	UpdatedAt string `json:"updatedAt"`
}

// PrinterInput sets the printer of one document.
type PrinterInput struct {
	Document string `json:"document"`
	Kind     string `json:"kind"`
	Target   string `json:"target"`
}

// printerLabels name the documents as Settings lists them.
var printerLabels = map[string]string{printing.DocInvoice: "Invoice", printing.DocPackingSlip: "Packing slip",
	printing.DocPickList: "Pick list", printing.DocLabel: "Shipping label"}

func printerView(document string, p *printing.Printer) WorkstationPrinter {
	v := WorkstationPrinter{Document: document, Label: printerLabels[document]}
	if p != nil {
		v.Kind, v.Target, v.UpdatedAt = p.Kind, p.Target, stockTime(p.UpdatedAt)
	}
	return v
}

// Printers returns one row per kind of document, in Settings' order, with
// its printer on this workstation or none.
func (x *PrintersAPI) Printers() ([]WorkstationPrinter, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	list, err := x.a.svc.Printing.FindPrinters(x.a.context())
	if err != nil {
		return nil, err
	}
	byDoc := map[string]*printing.Printer{}
	for _, p := range list {
		byDoc[p.Document] = p
	}
	out := make([]WorkstationPrinter, 0, len(printing.Documents))
	for _, d := range printing.Documents {
		out = append(out, printerView(d, byDoc[d]))
	}
	return out, nil
}

// SetPrinter sets the printer of one kind of document on this workstation.
// EINVALID on "document", "kind" or "target".
func (x *PrintersAPI) SetPrinter(in PrinterInput) (WorkstationPrinter, error) {
	me, err := x.a.guard()
	if err != nil {
		return WorkstationPrinter{}, err
	}
	p, err := x.a.svc.Printing.SetPrinter(x.a.context(), actorOf(me),
		printing.PrinterInput{Document: in.Document, Kind: in.Kind, Target: in.Target})
	if err != nil {
		return WorkstationPrinter{}, err
	}
	return printerView(p.Document, p), nil
}

// ClearPrinter removes the printer of one kind of document. EINVALID on
// "document".
func (x *PrintersAPI) ClearPrinter(document string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Printing.ClearPrinter(x.a.context(), actorOf(me), document)
}

// CupsPrinters lists the CUPS queues of this workstation to choose from;
// none when CUPS is not installed or has no printers.
func (x *PrintersAPI) CupsPrinters() ([]string, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	return x.a.svc.Printing.CupsPrinters(x.a.context())
}

// printRendered sends a document to the printer this workstation has for
// it (printing.DocInvoice, DocPackingSlip, DocPickList or DocLabel),
// rendering it in the format that printer takes. title names the print job,
// fileBase the file a folder printer writes. It returns the sentence for
// the user; the errors are printing.Service.Print's.
func (a *App) printRendered(ctx context.Context, document, title, fileBase string, render func(printing.Format, io.Writer) error) (string, error) {
	msg, err := a.svc.Printing.Print(ctx, document, title, fileBase, render)
	if err != nil {
		if errs.Code(err) != errs.EINTERNAL {
			a.log.Info("print refused", "document", document, "title", title, "err", err)
		}
		return "", err
	}
	a.log.Info("printed", "document", document, "title", title, "result", msg)
	return msg, nil
}
