package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"

	"oms/internal/auth"
	"oms/internal/docs"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/printing"
	"oms/internal/shipping"
)

// Many shipments at once, as the Shipments tab of the warehouse works with
// them: a step for all of them (the driver collected the day's parcels),
// and one document with the labels or packing slips of all of them. The
// same permissions as for one shipment.
func init() {
	addRules(map[string]rule{
		"ShipmentsAPI.UpdateStatuses": need(auth.PermWarehouseUse),
		"ShipmentsAPI.SaveBatch":      need(auth.PermOrdersView),
		"ShipmentsAPI.BatchData":      need(auth.PermOrdersView),
		"ShipmentsAPI.PrintBatch":     need(auth.PermOrdersView),
	})
}

// UpdateStatuses records the same step (in_transit, delivered, exception
// or returned) for every shipment of ids in one go: all of them take it or
// none does; their orders follow. It returns the shipments after, in the
// order of ids. EINVALID on "status", "note", "ids" (none, or more than
// 500) and "ids[i]" for the first shipment that cannot take the step;
// ENOTFOUND on "ids[i]".
func (x *ShipmentsAPI) UpdateStatuses(ids []string, status, note string) ([]ShipmentView, error) {
	me, err := x.a.guard()
	if err != nil {
		return nil, err
	}
	list, err := x.a.svc.Shipping.UpdateStatuses(x.a.context(), actorOf(me), ids, shipping.Status(status), note)
	if err != nil {
		return nil, err
	}
	x.a.emit(EventOrdersChanged, nil)
	return shipmentViews(list), nil
}

// batchKinds are the documents of a batch and how a print job names them.
var batchKinds = map[string]string{printing.DocLabel: "Labels", printing.DocPackingSlip: "Packing slips"}

// batchShipments reads the shipments of a batch and their orders, sorted
// as sortBy asks ("" as given, "number" by order number, "bin" by the
// first bin each order is picked from, "carrier" by the shipment's
// carrier, ties by order then shipment number). EINVALID on "kind",
// "sortBy", "ids"; ENOTFOUND on "ids[i]".
func batchShipments(ctx context.Context, svc Services, kind string, ids []string, sortBy string) ([]*shipping.Shipment, map[string]*order.Order, error) {
	if _, ok := batchKinds[kind]; !ok {
		return nil, nil, errs.Invalid("kind", "Choose labels or packing slips.")
	}
	switch sortBy {
	case docs.SortGiven, docs.SortNumber, docs.SortBin, docs.SortCarrier:
	default:
		return nil, nil, errs.Invalid("sortBy", "Sort by order number, bin or carrier.")
	}
	if len(ids) == 0 {
		return nil, nil, errs.Invalid("ids", "Select at least one shipment.")
	}
	if len(ids) > shipping.MaxBatch {
		return nil, nil, errs.Invalid("ids", "Select at most %d shipments for one document.", shipping.MaxBatch)
	}
	shipments := make([]*shipping.Shipment, 0, len(ids))
	orders := map[string]*order.Order{}
	byNumber := make(map[string]*shipping.Shipment, len(ids))
	keys := make([]docs.Label, 0, len(ids))
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		sh, err := svc.Shipping.FindShipmentByID(ctx, id)
		if errs.Code(err) == errs.ENOTFOUND {
			return nil, nil, &errs.Error{Code: errs.ENOTFOUND, Message: errs.Message(err), Field: fmt.Sprintf("ids[%d]", i)}
		} else if err != nil {
			return nil, nil, err
		}
		if byNumber[sh.Number] != nil {
			continue // listed twice: its documents print once
		}
		o := orders[sh.OrderID]
		if o == nil {
			if o, err = svc.Orders.FindOrderByID(ctx, sh.OrderID); err != nil {
				return nil, nil, err
			}
			orders[o.ID] = o
		}
		byNumber[sh.Number] = sh
		shipments = append(shipments, sh)
		// One key per shipment: the docs sort labels by their order and carrier.
		keys = append(keys, docs.Label{ShipmentNumber: sh.Number, OrderID: o.ID, OrderNumber: o.Number, Carrier: sh.CarrierName})
	}
	sorted, err := svc.Docs.SortLabelsBy(ctx, keys, sortBy)
	if err != nil {
		return nil, nil, err
	}
	for i, k := range sorted {
		shipments[i] = byNumber[k.ShipmentNumber]
	}
	return shipments, orders, nil
}

// shipmentsBatchDoc renders one document of kind for many shipments in
// format f: every package's label, or one packing slip per shipment.
// The errors are batchShipments's, and ECONFLICT for packing slips as ZPL.
func shipmentsBatchDoc(ctx context.Context, svc Services, kind string, ids []string, sortBy string, f printing.Format, w io.Writer) (ExportFile, error) {
	shipments, orders, err := batchShipments(ctx, svc, kind, ids, sortBy)
	if err != nil {
		return ExportFile{}, err
	}
	return renderBatch(ctx, svc, kind, shipments, orders, f, w)
}

// renderBatch writes the document of kind for shipments read and sorted
// by batchShipments.
func renderBatch(ctx context.Context, svc Services, kind string, shipments []*shipping.Shipment, orders map[string]*order.Order, f printing.Format, w io.Writer) (ExportFile, error) {
	base := batchFileBase(kind, len(shipments))
	file := ExportFile{FileName: base + ".pdf", MimeType: "application/pdf"}
	if kind == printing.DocLabel {
		var labels []docs.Label
		for _, sh := range shipments {
			labels = append(labels, docs.ShipmentLabels(orders[sh.OrderID], sh)...)
		}
		if f == printing.FormatZPL {
			file = ExportFile{FileName: base + ".zpl", MimeType: "application/zpl"}
			return file, svc.Docs.WriteLabelsZPL(ctx, w, labels)
		}
		return file, svc.Docs.WriteLabels(ctx, w, labels, docs.Options{})
	}
	if f != printing.FormatPDF {
		return ExportFile{}, errs.Errorf(errs.ECONFLICT, "Packing slips cannot be printed as %s; choose a CUPS printer or a folder for them.", f)
	}
	slips := make([]docs.Shipment, 0, len(shipments))
	for _, sh := range shipments {
		slips = append(slips, docs.ShipmentSlip(sh))
	}
	return file, svc.Docs.WritePackingSlips(ctx, w, slips, docs.Options{})
}

// batchFileBase names a batch's file: "labels-12-shipments".
func batchFileBase(kind string, n int) string {
	name := map[string]string{printing.DocLabel: "labels", printing.DocPackingSlip: "packing-slips"}[kind]
	if n == 1 {
		return name + "-1-shipment"
	}
	return fmt.Sprintf("%s-%d-shipments", name, n)
}

// SaveBatch asks where to save one PDF of kind ("label": every package of
// every shipment; "packing-slip": one slip per shipment) for the shipments
// of ids, sorted by sortBy ("", "number", "bin" or "carrier"), with the
// native save dialog: the path, or "" when cancelled. EINVALID on "kind",
// "sortBy", "ids"; ENOTFOUND on "ids[i]"; ECONFLICT without a native
// dialog.
func (x *ShipmentsAPI) SaveBatch(kind string, ids []string, sortBy string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	ctx := x.a.context()
	var buf bytes.Buffer
	file, err := shipmentsBatchDoc(ctx, x.a.svc, kind, ids, sortBy, printing.FormatPDF, &buf)
	if err != nil {
		return "", err
	}
	return x.a.Documents.save(ctx, map[string]string{printing.DocLabel: "Save shipping labels", printing.DocPackingSlip: "Save packing slips"}[kind], file, buf.Bytes())
}

// BatchData returns the PDF SaveBatch would save, for the frontend to
// download. The errors are SaveBatch's, without ECONFLICT.
func (x *ShipmentsAPI) BatchData(kind string, ids []string, sortBy string) (ExportFile, error) {
	if _, err := x.a.guard(); err != nil {
		return ExportFile{}, err
	}
	var buf bytes.Buffer
	file, err := shipmentsBatchDoc(x.a.context(), x.a.svc, kind, ids, sortBy, printing.FormatPDF, &buf)
	if err != nil {
		return ExportFile{}, err
	}
	file.Base64 = base64.StdEncoding.EncodeToString(buf.Bytes())
	return file, nil
}

// PrintBatch sends the document SaveBatch would save to this
// workstation's printer for kind (labels as ZPL to a thermal printer) and
// says where. The errors are SaveBatch's, and ENOTFOUND when no printer is
// set for kind, ECONFLICT for packing slips on a ZPL printer.
func (x *ShipmentsAPI) PrintBatch(kind string, ids []string, sortBy string) (string, error) {
	if _, err := x.a.guard(); err != nil {
		return "", err
	}
	ctx := x.a.context()
	// Check the batch before the printer, so a bad selection is said first.
	shipments, orders, err := batchShipments(ctx, x.a.svc, kind, ids, sortBy)
	if err != nil {
		return "", err
	}
	title := fmt.Sprintf("%s of %d shipments", batchKinds[kind], len(shipments))
	if len(shipments) == 1 {
		title = fmt.Sprintf("%s %s", batchKinds[kind], shipments[0].Number)
	}
	return x.a.printRendered(ctx, kind, title, batchFileBase(kind, len(shipments)), func(f printing.Format, w io.Writer) error {
		_, err := renderBatch(ctx, x.a.svc, kind, shipments, orders, f, w)
		return err
	})
}
