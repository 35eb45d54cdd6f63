// The only file that calls Tauri. Every screen goes through these functions,
// so a command's name and argument shape live in exactly one place.
import { invoke } from '@tauri-apps/api/core';

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

export interface IncidentSummary {
  id: number;
  customer_id: number;
  customer_name: string;
  title: string;
  category: string;
  severity: number;
  status: string;
  discovered_by: 'us' | 'customer';
  occurred_at: string;
  discovered_at: string;
  fix_promised_by: string | null;
  second_failure: boolean;
  order_value_minor: number;
}

export interface QueueItem {
  kind: 'get_there_first' | 'acknowledge' | 'fix_due' | 'follow_up_due' | 'in_recovery';
  incident: IncidentSummary;
}

export const appStatus = () => invoke<AppStatus>('app_status');
export const loadSampleData = () => invoke<{ customers: number; incidents: number }>('load_sample_data');
export const today = (limit?: number) => invoke<QueueItem[]>('today', { limit });
