# OMS: `make run` installs what is missing, builds and opens the app;
# `make test` installs what the tests need and runs all of them.
SHELL := /bin/bash
GO_TAGS := webkit2_41 sqlite_fts5
WAILS = $(shell go env GOPATH)/bin/wails
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X oms/internal/buildinfo.Version=$(VERSION)

.PHONY: run test bench soak setup setup-test build frontend bindings headless e2e smoke clean

run: setup build
	./build/bin/oms $(if $(DATA),--data $(DATA),)

test: setup-test
	bash scripts/test.sh

# Benchmarks on generated data (300k products, 100k customers); p50/p99 in ms per op.
# Then sync: OMS against PouchDB replication on 5000 new products
# (scripts/bench-sync.sh), and a fresh workstation pulling 300k products,
# 100k customers and 1M orders (generating them takes about 25 minutes).
bench:
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 5x -timeout 30m ./internal/catalog/ ./internal/customer/
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 3x -timeout 30m ./internal/stock/
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 3x -timeout 60m ./internal/order/
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 10x -timeout 10m ./internal/docs/
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 20x -timeout 10m ./internal/shipping/
	go test -tags "sqlite_fts5" -run '^$$' -bench . -benchtime 1x -timeout 60m ./internal/report/
	bash scripts/bench-sync.sh 5000
	go test -tags "sqlite_fts5" -run '^$$' -bench 'BenchmarkSyncFreshWorkstation$$' -benchtime 1x -timeout 120m ./internal/server/

# The sync simulation at length: 10,000 runs (hours), with PostgreSQL.
soak: setup-test
	bash scripts/soak.sh

setup:
	bash scripts/setup.sh run

setup-test:
	bash scripts/setup.sh test

frontend:
	cd frontend && npm run build

build: frontend
	$(WAILS) build -s -tags "$(GO_TAGS)" -ldflags "$(LDFLAGS)"

bindings:
	OMS_DATA=$$(mktemp -d) $(WAILS) generate module -tags "$(GO_TAGS)"

headless:
	go build -tags "headless sqlite_fts5" -ldflags "$(LDFLAGS)" -o build/bin/oms-headless .

e2e: frontend
	cd frontend && npx playwright test

smoke: build
	bash scripts/smoke.sh build/bin/oms

clean:
	rm -rf build/bin build/e2e build/artifacts build/test-results frontend/dist/assets frontend/dist/index.html
