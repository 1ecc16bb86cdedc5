package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	gosync "sync"

	"github.com/klauspost/compress/zstd"
)

// Answers are compressed with zstd when the client accepts it (the
// workstations do: a snapshot of millions of rows is gigabytes of JSON,
// which zstd's fastest level shrinks about 8x at several hundred MB/s),
// else with gzip when accepted (other programs), else not at all.

var zstdEncoders = gosync.Pool{New: func() any {
	e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		panic(err) // only for invalid options
	}
	return e
}}

// accepts reports whether the Accept-Encoding header lists coding.
func accepts(r *http.Request, coding string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), coding) && strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// startBody sets the answer's headers, status and content coding, and
// returns the writer of its body and the function that finishes it.
func startBody(w http.ResponseWriter, r *http.Request, status int, contentType string) (io.Writer, func()) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Add("Vary", "Accept-Encoding")
	switch {
	case accepts(r, "zstd"):
		w.Header().Set("Content-Encoding", "zstd")
		w.WriteHeader(status)
		e := zstdEncoders.Get().(*zstd.Encoder)
		e.Reset(w)
		return e, func() {
			_ = e.Close()
			e.Reset(nil)
			zstdEncoders.Put(e)
		}
	case accepts(r, "gzip"):
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(status)
		gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		return gz, func() { _ = gz.Close() }
	default:
		w.WriteHeader(status)
		return w, func() {}
	}
}
