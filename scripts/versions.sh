# Pinned versions and package lists, shared by the scripts and the Makefile.
WAILS_VERSION=v2.16.0
GO_MIN=1.24
NODE_MIN=20.19
# Build tags: WebKitGTK 4.1 on Debian 12, FTS5 in SQLite.
GO_TAGS="webkit2_41 sqlite_fts5"
APT_RUN=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
APT_TEST=(xvfb xauth xdotool imagemagick chromium poppler-utils zbar-tools fonts-dejavu-core postgresql)
