import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { saveOrDownload } from './documents';
import { call, type ApiError } from './errors';
import { EventsOn, ReportsAPI, type app } from './wails';

export type ReportInfo = app.ReportInfo;
export type ReportQuery = app.ReportQuery;

/** Progress of a run, from "reports:progress". */
export interface ReportProgress {
  id: string;
  done: number;
  total: number;
}

/** The end of a run, from "reports:done": error is "" when written, "cancelled" when cancelled. */
export interface ReportDone {
  id: string;
  error: string;
  fileName: string;
  rows: number;
}

export function useReports() {
  return useQuery({ queryKey: ['reports', 'list'], queryFn: () => call(ReportsAPI.Reports) });
}

/** Starts a report in the backend; resolves to the run's id. */
export function useStartReport() {
  return useMutation<string, ApiError, { name: string; query: ReportQuery }>({
    mutationFn: ({ name, query }) => call(() => ReportsAPI.Start(name, query)),
  });
}

/** Follows run id through its events: its latest progress and, once over, how it ended. */
export function useReportRun(id: string | null): { progress: ReportProgress | null; done: ReportDone | null } {
  // Kept with the run they belong to, so a new run starts blank.
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [done, setDone] = useState<ReportDone | null>(null);
  useEffect(() => {
    if (!id || typeof window === 'undefined' || !('runtime' in window) || window.runtime == null) return;
    const offProgress = EventsOn('reports:progress', (p: ReportProgress) => {
      if (p.id === id) setProgress(p);
    });
    const offDone = EventsOn('reports:done', (d: ReportDone) => {
      if (d.id === id) setDone(d);
    });
    return () => {
      offProgress();
      offDone();
    };
  }, [id]);
  return { progress: progress?.id === id ? progress : null, done: done?.id === id ? done : null };
}

export const cancelReport = (id: string) => call(() => ReportsAPI.Cancel(id));

/** Saves a written report: the native dialog in the desktop window, a download in a browser. */
export function useSaveReport() {
  return useMutation<string, ApiError, string>({
    mutationFn: (id) =>
      saveOrDownload(
        () => ReportsAPI.Save(id),
        () => ReportsAPI.Data(id),
      ),
  });
}

/** Opens a written report in the system's spreadsheet program (desktop window only). */
export function useOpenReport() {
  return useMutation<void, ApiError, string>({ mutationFn: (id) => call(() => ReportsAPI.Open(id)) });
}
