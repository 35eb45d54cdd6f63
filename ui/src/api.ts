// The only file that calls Tauri. Every screen goes through these functions,
// so a command's name and argument shape live in exactly one place.
import { invoke } from '@tauri-apps/api/core';
import type { QueueItem } from './bindings/QueueItem';
import type { DemoSummary } from './bindings/DemoSummary';

export type { QueueItem };

export interface AppError {
  kind: string;
  message: string;
  field: string | null;
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

/** A readable message for any failure, for showing to the owner. */
export function messageOf(e: unknown): string {
  if (isAppError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export interface AppStatus {
  db_path: string;
  open_failure: { kind: string; message: string } | null;
  empty: boolean;
  profile_set_up: boolean;
}

export const appStatus = () => invoke<AppStatus>('app_status');
export const loadSampleData = () => invoke<DemoSummary>('load_sample_data');
export const today = (limit?: number) => invoke<QueueItem[]>('today', { limit });
