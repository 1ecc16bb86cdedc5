-- Scheduled jobs (internal/jobs): what this workstation runs on a timer and
-- what became of each run. Both tables are local: a schedule belongs to the
-- workstation that runs it (a report folder or the low-stock check of one
-- machine means nothing on another), so nothing here is synced.

-- Job schedules. kind says which job runs ('sync' and 'backup' are reserved
-- for the jobs of later issues and have no implementation yet); spec is a
-- cron expression of five fields or a descriptor such as '@daily', read in
-- the workstation's local time; params is a JSON object the kind defines
-- (draft-expiry: {"days": 30}; report: {"report", "folder", "range"}).
-- A disabled schedule keeps its settings but never runs on its own.
CREATE TABLE job_schedules (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('low-stock', 'draft-expiry', 'report', 'sync', 'backup')),
	name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 100),
	spec TEXT NOT NULL CHECK (spec <> '' AND length(spec) <= 100),
	enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
	params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO sync_tables (name, kind) VALUES ('job_schedules', 'local');

-- Job runs: one row per run of a schedule, written when it starts
-- (status 'running') and completed when it ends. scheduled_for is the tick
-- the run was for (the moment "Run now" was pressed for a manual run).
-- 'skipped' is a tick that came while the previous run of the same
-- schedule was still going, so a job never overlaps itself. missed = 1
-- marks the single catch-up run at start for ticks that passed while the
-- app was closed; manual = 1 a run started by a person. result is the
-- job's own summary, error why it failed ('' when none). A run still
-- 'running' when the app starts again was cut off and is closed as failed.
CREATE TABLE job_runs (
	id TEXT PRIMARY KEY,
	schedule_id TEXT NOT NULL REFERENCES job_schedules (id),
	scheduled_for TEXT NOT NULL,
	started_at TEXT NOT NULL,
	finished_at TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'skipped')),
	result TEXT NOT NULL DEFAULT '',
	error TEXT NOT NULL DEFAULT '',
	missed INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1)),
	manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1))
);
CREATE INDEX job_runs_schedule ON job_runs (schedule_id, started_at);
CREATE INDEX job_runs_started ON job_runs (started_at);
INSERT INTO sync_tables (name, kind) VALUES ('job_runs', 'local');
