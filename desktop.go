//go:build !headless

package main

import (
	"context"
	"embed"
	"fmt"
	"io"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"oms/app"
	"oms/internal/buildinfo"
	"oms/internal/cli"
	"oms/internal/config"
	"oms/internal/store"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

// wailsEmitter sends events through the Wails runtime.
type wailsEmitter struct{ ctx context.Context }

func (e wailsEmitter) Emit(name string, data any) { runtime.EventsEmit(e.ctx, name, data) }

// desktop opens the window on the data directory's database.
func desktop(dataDir string, stderr io.Writer) error {
	if bindingsBuild {
		tmp, err := os.MkdirTemp("", "oms-bindings-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dataDir = tmp
	}
	log, closeLog, err := cli.OpenLog(dataDir, stderr)
	if err != nil {
		return err
	}
	defer closeLog()
	db, err := store.Open(context.Background(), config.DBPath(dataDir))
	if err != nil {
		return err
	}
	defer db.Close()
	log.Info("starting desktop", "data", dataDir, "version", buildinfo.String(), "device", db.Device().ID)
	a := app.New(app.NewServices(db), log, buildinfo.Version)
	err = wails.Run(&options.App{
		Title:            "OMS",
		Width:            1280,
		Height:           800,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 1},
		OnStartup:        func(ctx context.Context) { a.Start(ctx, wailsEmitter{ctx}) },
		OnShutdown:       func(context.Context) { a.Stop() },
		Bind:             a.Bindings(),
		ErrorFormatter:   a.FormatError,
		Linux:            &linux.Options{ProgramName: "oms", Icon: icon},
	})
	if err != nil {
		return fmt.Errorf("desktop window: %w", err)
	}
	return nil
}
