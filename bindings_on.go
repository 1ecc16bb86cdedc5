//go:build bindings

package main

// bindingsBuild is true when the wails CLI builds the binary only to generate
// the TypeScript bindings; it must not touch the user's data directory.
const bindingsBuild = true
