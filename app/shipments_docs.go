package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"oms/internal/auth"
	"oms/internal/docs"
	"oms/internal/errs"
	"oms/internal/printing"
)

// A shipment's printed documents: its labels (one per package, 4x6 PDF or
// ZPL for a thermal printer) and its packing slip. Anyone who sees orders
// may print them, as with the order's documents.
func init() {
	addRules(map[string]rule{
		"ShipmentsAPI.SaveLabels":       need(auth.PermOrdersView),
		"ShipmentsAPI.LabelsData":       need(auth.PermOrdersView),
		"ShipmentsAPI.PrintLabels":      need(auth.PermOrdersView),
		"ShipmentsAPI.SavePackingSlip":  need(auth.PermOrdersView),
		"ShipmentsAPI.PackingSlipData":  need(auth.PermOrdersView),
		"ShipmentsAPI.PrintPackingSlip": need(auth.PermOrdersView),
	})
}

// shipmentDoc renders a shipment's labels or packing slip in format f.
// ENOTFOUND for an unknown shipment; ECONFLICT for a packing slip as ZPL.
func shipmentDoc(ctx context.Context, svc Services, kind, shipmentID string, f printing.Format, w io.Writer) (ExportFile, error) {
	sh, err := svc.Shipping.FindShipmentByID(ctx, shipmentID)
	if err != nil {
		return ExportFile{}, err
	}
	base := kind + "-" + strings.NewReplacer("/", "-", `\`, "-").Replace(sh.Number)
	file := ExportFile{FileName: base + ".pdf", MimeType: "application/pdf"}
	switch kind {
	case printing.DocLabel:
		o, err := svc.Orders.FindOrderByID(ctx, sh.OrderID)
		if err != nil {
			return ExportFile{}, err
		}
		labels := docs.ShipmentLabels(o, sh)
		if f == printing.FormatZPL {
			file = ExportFile{FileName: base + ".zpl", MimeType: "application/zpl"}
			return file, svc.Docs.WriteLabelsZPL(ctx, w, labels)
		}
		return file, svc.Docs.WriteLabels(ctx, w, labels, docs.Options{})
	default:
		if f != printing.FormatPDF {
			return ExportFile{}, errs.Errorf(errs.ECONFLICT, "A packing slip cannot be printed as %s; choose a CUPS printer or a folder for it.", f)
		}
		return file, svc.Docs.WritePackingSlip(ctx, w, docs.ShipmentSlip(sh), docs.Options{})
	}
}

// data, save and print run for a bound method that has checked the session.
func (x *ShipmentsAPI) data(kind, shipmentID string) (ExportFile, error) {
	var buf bytes.Buffer
	file, err := shipmentDoc(x.a.context(), x.a.svc, kind, shipmentID, printing.FormatPDF, &buf)
	if err != nil {
		return ExportFile{}, err
	}
	file.Base64 = base64.StdEncoding.EncodeToString(buf.Bytes())
	return file, nil
}

func (x *ShipmentsAPI) save(kind, title, shipmentID string) (string, error) {
	ctx := x.a.context()
	var buf bytes.Buffer
	file, err := shipmentDoc(ctx, x.a.svc, kind, shipmentID, printing.FormatPDF, &buf)
	if err != nil {
		return "", err
	}
	return x.a.Documents.save(ctx, title, file, buf.Bytes())
}

func (x *ShipmentsAPI) print(kind, shipmentID string) (string, error) {
	ctx := x.a.context()
	sh, err := x.a.svc.Shipping.FindShipmentByID(ctx, shipmentID)
	if err != nil {
		return "", err
	}
	title := fmt.Sprintf("%s %s", map[string]string{printing.DocLabel: "Labels", printing.DocPackingSlip: "Packing slip"}[kind], sh.Number)
	base := kind + "-" + strings.NewReplacer("/", "-", `\`, "-").Replace(sh.Number)
	return x.a.printRendered(ctx, kind, title, base, func(f printing.Format, w io.Writer) error {
		_, err := shipmentDoc(ctx, x.a.svc, kind, shipmentID, f, w)
		return err
	})
}

// SaveLabels asks where to save the shipment's labels (one 4x6 page per
// package) with the native save dialog: the path, or "" when cancelled.
// ENOTFOUND; ECONFLICT without a native dialog.
func (x *ShipmentsAPI) SaveLabels(shipmentID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	return x.save(printing.DocLabel, "Save shipping labels", shipmentID)
}

// LabelsData returns the shipment's labels as a PDF for the frontend to
// save. ENOTFOUND.
func (x *ShipmentsAPI) LabelsData(shipmentID string) (ExportFile, error) {
	if _, err := x.a.guard(); err != nil {
		return ExportFile{}, err
	}
	return x.data(printing.DocLabel, shipmentID)
}

// PrintLabels sends the shipment's labels to this workstation's label
// printer (PDF to CUPS or a folder, ZPL to a thermal printer) and says
// where. ENOTFOUND for the shipment, or when no label printer is set.
func (x *ShipmentsAPI) PrintLabels(shipmentID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	return x.print(printing.DocLabel, shipmentID)
}

// SavePackingSlip asks where to save the shipment's packing slip with the
// native save dialog: the path, or "" when cancelled. ENOTFOUND;
// ECONFLICT without a native dialog.
func (x *ShipmentsAPI) SavePackingSlip(shipmentID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	return x.save(printing.DocPackingSlip, "Save packing slip", shipmentID)
}

// PackingSlipData returns the shipment's packing slip as a PDF. ENOTFOUND.
func (x *ShipmentsAPI) PackingSlipData(shipmentID string) (ExportFile, error) {
	if _, err := x.a.guard(); err != nil {
		return ExportFile{}, err
	}
	return x.data(printing.DocPackingSlip, shipmentID)
}

// PrintPackingSlip sends the shipment's packing slip to this
// workstation's packing slip printer and says where. ENOTFOUND for the
// shipment, or when no packing slip printer is set.
func (x *ShipmentsAPI) PrintPackingSlip(shipmentID string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	return x.print(printing.DocPackingSlip, shipmentID)
}
