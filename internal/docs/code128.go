package docs

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// code128Patterns are the bar/space widths, in modules, of the Code 128
// symbols by value (ISO/IEC 15417, table 1): bar, space, bar, space, bar,
// space; 11 modules each. The stop symbol (106) has a final 2-module bar.
var code128Patterns = [...]string{
	"212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
	"221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
	"221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
	"212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
	"231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
	"231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
	"314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
	"112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
	"111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
	"214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
	"114131", "311141", "411131", "211412", "211214", "211232", "2331112",
}

const (
	code128StartB = 104
	code128Stop   = 106
	// code128Quiet is the quiet zone each side, in modules: the standard's
	// minimum is 10.
	code128Quiet = 10
)

// Code128B returns the symbol values of text in Code 128 subset B: the
// start code, one value per character, the check digit (the start value
// plus each value times its position, modulo 103) and the stop code. Text
// must be 1 to 80 printable ASCII characters (space to tilde).
func Code128B(text string) ([]int, error) {
	if text == "" || len(text) > 80 {
		return nil, fmt.Errorf("code128: text must be 1 to 80 characters, got %d", len(text))
	}
	values := make([]int, 0, len(text)+3)
	values = append(values, code128StartB)
	sum := code128StartB
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < ' ' || c > '~' {
			return nil, fmt.Errorf("code128: %q cannot be encoded in subset B", text)
		}
		v := int(c) - ' '
		values = append(values, v)
		sum += v * (i + 1)
	}
	return append(values, sum%103, code128Stop), nil
}

// Code128Modules returns the bar and space widths of the symbols, in
// modules, starting with a bar; quiet zones are not included.
func Code128Modules(values []int) []int {
	var widths []int
	for _, v := range values {
		for _, w := range code128Patterns[v] {
			widths = append(widths, int(w-'0'))
		}
	}
	return widths
}

// drawCode128 draws text as a Code 128 (subset B) barcode with its quiet
// zones at (x, y): module is the narrowest bar in mm, h the bars' height.
// It returns the width drawn, quiet zones included.
func drawCode128(pdf *gofpdf.Fpdf, text string, x, y, module, h float64) (float64, error) {
	values, err := Code128B(text)
	if err != nil {
		return 0, err
	}
	pos := x + code128Quiet*module
	pdf.SetFillColor(0, 0, 0)
	for i, w := range Code128Modules(values) {
		if i%2 == 0 { // bars are the even entries
			pdf.Rect(pos, y, float64(w)*module, h, "F")
		}
		pos += float64(w) * module
	}
	return pos + code128Quiet*module - x, nil
}
