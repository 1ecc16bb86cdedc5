import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from './errors';
import { EventsOn, JobsAPI, app } from './wails';

export type JobSchedule = app.JobSchedule;
export type JobRun = app.JobRun;
export type JobParams = app.JobParams;

/** What an admin edits on a schedule (JobScheduleInput). */
export interface JobScheduleInput {
  name: string;
  spec: string;
  enabled: boolean;
  params: JobParams;
}

export const jobKeys = {
  all: ['jobs'] as const,
  schedules: ['jobs', 'schedules'] as const,
  options: ['jobs', 'options'] as const,
  runs: (scheduleId: string, limit: number, offset: number) => ['jobs', 'runs', scheduleId, limit, offset] as const,
};

/** Every schedule of this workstation with its next time and last run. */
export function useJobSchedules() {
  return useQuery({ queryKey: jobKeys.schedules, queryFn: () => call(JobsAPI.Schedules) });
}

/** The reports and ranges a report schedule may choose. */
export function useJobOptions() {
  return useQuery({ queryKey: jobKeys.options, queryFn: () => call(JobsAPI.Options), staleTime: Infinity });
}

/** A page of a schedule's runs, newest first. */
export function useJobRuns(scheduleId: string, limit: number, offset: number) {
  return useQuery({
    queryKey: jobKeys.runs(scheduleId, limit, offset),
    queryFn: () => call(() => JobsAPI.Runs(scheduleId, limit, offset)),
    enabled: scheduleId !== '',
    placeholderData: keepPreviousData,
  });
}

const toInput = (input: JobScheduleInput) =>
  app.JobScheduleInput.createFrom({ ...input, params: app.JobParams.createFrom(input.params) });

export function useUpdateSchedule() {
  const qc = useQueryClient();
  return useMutation<JobSchedule, ApiError, { id: string; input: JobScheduleInput }>({
    mutationFn: ({ id, input }) => call(() => JobsAPI.UpdateSchedule(id, toInput(input))),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useCreateSchedule() {
  const qc = useQueryClient();
  return useMutation<JobSchedule, ApiError, JobScheduleInput>({
    mutationFn: (input) => call(() => JobsAPI.CreateSchedule(toInput(input))),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useDeleteSchedule() {
  const qc = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => call(() => JobsAPI.DeleteSchedule(id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

/** Starts a run in the background; the jobs:changed event tells when it ends. */
export function useRunNow() {
  const qc = useQueryClient();
  return useMutation<JobRun, ApiError, string>({
    mutationFn: (id) => call(() => JobsAPI.RunNow(id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

/** Re-reads schedules and runs whenever the backend says a run started, ended or was skipped. */
export function useJobsEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof window === 'undefined' || !window.runtime) return;
    return EventsOn('jobs:changed', () => void qc.invalidateQueries({ queryKey: jobKeys.all }));
  }, [qc]);
}
