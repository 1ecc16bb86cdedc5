package docs

import (
	"context"
	"fmt"
	"io"

	"oms/internal/company"
)

// batch writes one PDF of title with n documents, in the order given, each
// laid out by render(i). Each render reads its order just before its pages
// and drops it after, so a batch of any size holds one order's data at a
// time. gofpdf keeps the pages themselves until Output streams the file to
// w; that (a few KB a page) is the memory that grows with a batch. ctx is
// checked between documents, and Progress told after each.
func (p *Printer) batch(ctx context.Context, w io.Writer, title string, n int, opts Options,
	render func(d *doc, c *company.Company, i int) error) error {
	if n == 0 {
		return errNoOrders
	}
	c, err := p.findCompany(ctx)
	if err != nil {
		return err
	}
	d := newDoc(c, opts, title)
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := render(d, c, i); err != nil {
			return err
		}
		if err := errPDF(title, d.pdf); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(i+1, n)
		}
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write %s: %w", title, err)
	}
	return nil
}
