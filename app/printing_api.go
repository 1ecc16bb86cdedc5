package app

// PrintersAPI is this workstation's printers, one per kind of document.
type PrintersAPI struct{ a *App }
