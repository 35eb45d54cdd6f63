// The only file that calls Tauri. Every screen goes through these functions,
// so a command's name and argument shape live in exactly one place.
import { invoke } from '@tauri-apps/api/core';
import { documentDir, homeDir } from '@tauri-apps/api/path';
import { confirm } from '@tauri-apps/plugin-dialog';
import { listen } from '@tauri-apps/api/event';
import type { AppError } from './bindings/AppError';
import type { AppStatus } from './bindings/AppStatus';
import type { BackupInfo } from './bindings/BackupInfo';
import type { ErasureReport } from './bindings/ErasureReport';
import type { ExportSummary } from './bindings/ExportSummary';
import type { ImportReport } from './bindings/ImportReport';
import type { ImportPreview } from './bindings/ImportPreview';
import type { Field } from './bindings/Field';
import type { RestoreReport } from './bindings/RestoreReport';
import type { DashboardStats } from './bindings/DashboardStats';
import type { BatchReport } from './bindings/BatchReport';
import type { Change } from './bindings/Change';
import type { Customer } from './bindings/Customer';
import type { CustomerInput } from './bindings/CustomerInput';
import type { DemoSummary } from './bindings/DemoSummary';
import type { Draft } from './bindings/Draft';
import type { Finding } from './bindings/Finding';
import type { Incident } from './bindings/Incident';
import type { IncidentFilter } from './bindings/IncidentFilter';
import type { IncidentInput } from './bindings/IncidentInput';
import type { ImageSlot } from './bindings/ImageSlot';
import type { IncidentSummary } from './bindings/IncidentSummary';
import type { Job } from './bindings/Job';
import type { LetterKind } from './bindings/LetterKind';
import type { LetterRecord } from './bindings/LetterRecord';
import type { MakeUpReview } from './bindings/MakeUpReview';
import type { PrintKind } from './bindings/PrintKind';
import type { Progress } from './bindings/Progress';
import type { Profile } from './bindings/Profile';
import type { QueueItem } from './bindings/QueueItem';
import type { RecoveryStep } from './bindings/RecoveryStep';
import type { Startup } from './bindings/Startup';
import type { TimelineEntry } from './bindings/TimelineEntry';
import type { TimelineKind } from './bindings/TimelineKind';
import type { KeptLetter } from './bindings/KeptLetter';
import type { SentBy } from './bindings/SentBy';
import type { SavedLetter } from './bindings/SavedLetter';
import type { SavedEmail } from './bindings/SavedEmail';
import type { EmailLink } from './bindings/EmailLink';
import type { Printed } from './bindings/Printed';
import type { Printers } from './bindings/Printers';
import type { WordsField } from './bindings/WordsField';
import type { CallLog } from './bindings/CallLog';
import type { Clock } from './bindings/Clock';
import type { Cause } from './bindings/Cause';
import type { CauseDetail } from './bindings/CauseDetail';
import type { CauseSummary } from './bindings/CauseSummary';
import type { AffectReport } from './bindings/AffectReport';
import type { BackupEntry } from './bindings/BackupEntry';
import type { SampleRemoved } from './bindings/SampleRemoved';
import type { ClockSettings } from './bindings/ClockSettings';
import type { PhotoInfo } from './bindings/PhotoInfo';
import type { PhotoOwner } from './bindings/PhotoOwner';
import type { SharedStatus } from './bindings/SharedStatus';
import { openUrl } from '@tauri-apps/plugin-opener';

import type { Tone } from './bindings/Tone';
import type { ExportFormat } from './bindings/ExportFormat';
export type { Tone, ExportFormat };

export type {
  Cause,
  CauseDetail,
  CauseSummary,
  AffectReport,
  Clock,
  ClockSettings,
  KeptLetter,
  SentBy,
  SavedLetter,
  SavedEmail,
  Printed,
  Printers,
  WordsField,
  CallLog,
  AppError,
  AppStatus,
  ExportSummary,
  Field,
  ImportPreview,
  ImportReport,
  BatchReport,
  Change,
  Customer,
  DashboardStats,
  CustomerInput,
  Draft,
  Finding,
  Incident,
  IncidentInput,
  IncidentSummary,
  ImageSlot,
  Job,
  LetterKind,
  MakeUpReview,
  PrintKind,
  Profile,
  PhotoInfo,
  PhotoOwner,
  Progress,
  QueueItem,
  RecoveryStep,
  SharedStatus,
  TimelineKind,
};


export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

/** A readable message for any failure, for showing to the owner. */
export function messageOf(e: unknown): string {
  if (isAppError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The owner stopped a long job; its message says what was left as it was. */
export function isCancelled(e: unknown): boolean {
  return isAppError(e) && e.kind === 'cancelled';
}

/** Someone else saved the incident after the form was filled; its message says who, when and what. */
export function isConflict(e: unknown): boolean {
  return isAppError(e) && e.kind === 'conflict';
}

/** The form field a failure is about (`null` when it is not about one field). */
export function fieldOf(e: unknown): string | null {
  return isAppError(e) ? e.field : null;
}

// Start-up: the status, the profile, Today's queue and charts in one round
// trip (read by the shell while the page was loading).
export const startup = () => invoke<Startup>('startup');
export const loadSampleData = (ticket: number) => invoke<DemoSummary>('load_sample_data', { ticket });

// Profile and categories
export const getProfile = () => invoke<Profile>('get_profile');
export const saveProfile = (profile: Profile) => invoke<Profile>('save_profile', { profile });
export const listCategories = () => invoke<string[]>('list_categories');
export const addCategory = (name: string) => invoke<string[]>('add_category', { name });

// Customers
export const searchCustomers = (query: string, limit: number) =>
  invoke<Customer[]>('search_customers', { query, limit });
export const getCustomer = (id: number) => invoke<Customer>('get_customer', { id });
export const addCustomer = (input: CustomerInput) => invoke<Customer>('add_customer', { input });
export const updateCustomer = (id: number, input: CustomerInput) =>
  invoke<Customer>('update_customer', { id, input });

// Incidents
export const today = (limit?: number) => invoke<QueueItem[]>('today', { limit });
export const dashboardStats = (months: number) => invoke<DashboardStats>('dashboard_stats', { months });
export const listIncidents = (filter: IncidentFilter) => invoke<IncidentSummary[]>('list_incidents', { filter });
export const getIncident = (id: number) => invoke<Incident>('get_incident', { id });
export const addIncident = (input: IncidentInput) => invoke<Incident>('add_incident', { input });
export const updateIncident = (id: number, input: IncidentInput) =>
  invoke<Incident>('update_incident', { id, input });

/** Mark a step done (at a typed time, blank = now), skip it with a reason, or undo it. */
export const recordStep = (
  id: number,
  step: RecoveryStep,
  action: { at?: string; skipReason?: string; undo?: boolean } = {},
) => invoke<Incident>('record_step', { id, step, at: action.at, skipReason: action.skipReason, undo: action.undo });
export const promiseFix = (id: number, date: string) => invoke<Incident>('promise_fix', { id, date });
export const addChange = (id: number, text: string, date?: string) =>
  invoke<Change>('add_change', { id, date, text });
export const removeChange = (changeId: number) => invoke<void>('remove_change', { changeId });
/** Add a photo (JPEG or PNG; a HEIC file gets a message saying how to export it) to an
 *  incident's own change or to a cause's; at most two, as many as the letter prints under it. */
export const addPhoto = (owner: PhotoOwner, path: string) => invoke<PhotoInfo>('add_photo', { owner, path });
export const removePhoto = (id: number) => invoke<void>('remove_photo', { id });
/** The photo's screen thumbnail: JPEG bytes (a raw response, so an ArrayBuffer). */
export const photoThumb = (id: number) => invoke<ArrayBuffer>('photo_thumb', { id });
export const addTimeline = (id: number, kind: TimelineKind, text: string, at?: string) =>
  invoke<TimelineEntry>('add_timeline', { id, kind, text, at });
export const listLetters = (id: number) => invoke<LetterRecord[]>('list_letters', { id });
export const reviewMakeup = (id: number, offer?: string) => invoke<MakeUpReview>('review_makeup', { id, offer });
export const setMakeup = (id: number, description: string, value: string) =>
  invoke<Incident>('set_makeup', { id, description, value });

/** `table`: one table, or '' for all; `from`/`to`: YYYY-MM-DD, both included, '' for no limit. */
export const exportSpreadsheet = (
  path: string,
  format: ExportFormat,
  table: string,
  from: string,
  to: string,
  ticket: number,
) => invoke<ExportSummary>('export_spreadsheet', { path, format, table, from, to, ticket });
/** Call `cb` on every "progress" event of a long job (export, import, letters,
 *  sample data, a move to a shared database) until the returned function is called. */
export const onProgress = (cb: (p: Progress) => void) => listen<Progress>('progress', (e) => cb(e.payload));
/** The ticket of the running job of each kind (the screens run at most one of a kind at a time). */
const running = new Map<Job, number>();
let lastTicket = 0;
/** A number no earlier job had, even before a reload (milliseconds × 1000 stays below 2^53). */
function newTicket() {
  lastTicket = Math.max(lastTicket + 1, Date.now() * 1000);
  return lastTicket;
}
/** Run a long job with its progress events going to `onprogress`; `run` passes
 *  the ticket to the command, so `cancelJob` stops exactly this job. Listening
 *  starts before the job does, so the first report is not missed. */
export async function withProgress<T>(
  job: Job,
  onprogress: (p: Progress) => void,
  run: (ticket: number) => Promise<T>,
): Promise<T> {
  const ticket = newTicket();
  running.set(job, ticket);
  const stop = await onProgress((p) => {
    if (p.job === job) onprogress(p);
  });
  try {
    return await run(ticket);
  } finally {
    stop();
    if (running.get(job) === ticket) running.delete(job);
  }
}
/** Stop the running job of this kind; it leaves no partial file and changes
 *  nothing (its promise then rejects with kind "cancelled"). */
export function cancelJob(job: Job): Promise<void> {
  const ticket = running.get(job);
  return ticket ? invoke<void>('cancel_job', { ticket }) : Promise.resolve();
}
/** `mapping`: the columns the owner set by hand, as [field, header]. */
export const importCustomers = (
  path: string,
  dryRun: boolean,
  skipInvalid: boolean,
  ticket: number,
  mapping: [Field, string][] = [],
) => invoke<ImportReport>('import_customers', { path, dryRun, skipInvalid, mapping, ticket });
/** The column mapper's preview; `null` mapping: the one remembered for this header row. */
export const previewImport = (path: string, mapping: [Field, string][] | null) =>
  invoke<ImportPreview>('preview_import', { path, mapping });

// Keeping records safe. Paths come from the save/open dialogs.
export const setProfileImage = (slot: ImageSlot, path: string | null) =>
  invoke<void>('set_profile_image', { slot, path });
/** Which pictures are set: [logo, signature]. */
export const profileImages = () => invoke<[boolean, boolean]>('profile_images');
export const saveCalibrationPdf = (path: string) => invoke<void>('save_calibration_pdf', { paper: null, path });
export const backupTo = (path: string) => invoke<BackupInfo>('backup_to', { path });
export const restoreFrom = (path: string) => invoke<RestoreReport>('restore_from', { path });
export const exportCustomerData = (id: number, path: string) => invoke<void>('export_customer_data', { id, path });
export const eraseCustomer = (id: number, fromBackups = false) =>
  invoke<ErasureReport>('erase_customer', { id, fromBackups });

/** A yes/no question in a native dialog, for actions that cannot be undone. */
export function confirmAction(message: string, title: string, okLabel: string, cancelLabel: string) {
  return confirm(message, { title, kind: 'warning', okLabel, cancelLabel });
}

/** The save dialog, shown by the shell, which remembers the path: the file
 * commands only take paths picked here. `null` when the owner cancels. */
export async function chooseSavePath(defaultPath: string, filters: { name: string; extensions: string[] }[]) {
  return invoke<string | null>('choose_save_path', { defaultPath, filters });
}
/** The open dialog for one file (shown and remembered by the shell); `null` when the owner cancels. */
export async function chooseFile(filters: { name: string; extensions: string[] }[]) {
  return invoke<string | null>('choose_file', { filters });
}
/** A folder to save into by default (the Documents folder, else home). */
export async function defaultFolder(): Promise<string> {
  return documentDir().catch(() => homeDir());
}

// Letters: live checking, drafts, PDFs.
export const checkText = (text: string, letter: boolean) => invoke<Finding[]>('check_text', { text, letter });
export const draft = (id: number, kind: LetterKind, tone: Tone) => invoke<Draft>('draft', { id, kind, tone });
export const saveLetter = (id: number, kind: LetterKind, tone: Tone, body: string) =>
  invoke<LetterRecord>('save_letter', { id, kind, tone, body });
/** The incidents whose "what we changed" letter is due. */
export const followUpsDue = () => invoke<IncidentSummary[]>('follow_ups_due');
/** `ticket` 0: a job that is not cancelled (one letter). */
export const saveLettersPdf = (ids: number[], kind: PrintKind, tone: Tone, path: string, ticket = 0) =>
  invoke<BatchReport>('save_letters_pdf', { ids, kind, tone, path, ticket });
export const openPdf = (path: string) => invoke<void>('open_pdf', { path });
/** Only after the owner confirmed the letters went out. */
export const markFollowUpsSent = (ids: number[], tone: Tone) => invoke<number>('mark_follow_ups_sent', { ids, tone });

// Kept versions of a letter, and the ways one leaves Amends. `text` is the
// editor's text; a first line "Subject: …" is the subject. Each of these keeps
// the text as a version first (the same words twice are one version).
export const keptLetters = (id: number) => invoke<KeptLetter[]>('kept_letters', { id });
export const keepLetter = (id: number, kind: LetterKind, tone: Tone, subject: string | null, body: string) =>
  invoke<KeptLetter>('keep_letter', { id, kind, tone, subject, body });
export const markLetterSent = (id: number, version: number, by: SentBy) =>
  invoke<KeptLetter>('mark_letter_sent', { id, version, by });
export const saveLetterPdf = (id: number, kind: LetterKind, tone: Tone, text: string, path: string) =>
  invoke<SavedLetter>('save_letter_pdf', { id, kind, tone, text, paper: null, path });
export const printers = () => invoke<Printers>('printers');
export const printLetter = (id: number, kind: LetterKind, tone: Tone, text: string, printer: string | null) =>
  invoke<Printed>('print_letter', { id, kind, tone, text, printer });
export const saveEmail = (id: number, kind: LetterKind, tone: Tone, text: string, path: string) =>
  invoke<SavedEmail>('save_email', { id, kind, tone, text, path });
/** Keep the text and open it in the owner's mail program (a mailto: link; the capability allows nothing else). */
export async function openInEmail(id: number, kind: LetterKind, tone: Tone, text: string): Promise<KeptLetter> {
  const link = await invoke<EmailLink>('email_link', { id, kind, tone, text });
  await openUrl(link.url);
  return link.kept;
}

// The phone call.
export const setIncidentWords = (id: number, field: WordsField, text: string) =>
  invoke<Incident>('set_incident_words', { id, field, text });
export const endCall = (id: number, log: CallLog) => invoke<Incident>('end_call', { id, log });

// Categories: each with its number of incidents.
export const categoryCounts = () => invoke<[string, number][]>('category_counts');
export const renameCategory = (from: string, to: string) => invoke<[string, number][]>('rename_category', { from, to });
/** Remove a category; with `moveTo`, its incidents go there first (a merge). */
export const removeCategory = (name: string, moveTo: string | null) =>
  invoke<[string, number][]>('remove_category', { name, moveTo });

/** The make-up calculator asks for the customer's yearly spend and years when they are blank. */
export const setCustomerValue = (id: number, yearlySpend: string, years: number) =>
  invoke<MakeUpReview>('set_customer_value', { id, yearlySpend, years });

// Clocks, promises and everyday edits.
export const clockSettings = () => invoke<ClockSettings>('clock_settings');
export const saveClockSettings = (settings: ClockSettings) => invoke<ClockSettings>('save_clock_settings', { settings });
/** Running clocks, most late first: due today (or late), or with `all` every one. */
export const clocks = (all = false) => invoke<Clock[]>('clocks', { all });
/** Promise a call-back by a date and time as typed ("2026-12-10 15:00"); null or blank takes it back. */
export const setCallback = (id: number, by: string | null) => invoke<Incident>('set_callback', { id, by });
/** Delete an incident (a backup is taken first); `undoDelete` puts it back while the app stays open. */
export const deleteIncident = (id: number) => invoke<void>('delete_incident', { id });
export const undoDelete = () => invoke<Incident>('undo_delete');
export const saveCalendar = (path: string) => invoke<number>('save_calendar', { path });
export const listBackups = () => invoke<BackupEntry[]>('list_backups');
/** Restore one of the backups Amends made, by its file name. */
export const restoreBackup = (name: string) => invoke<RestoreReport>('restore_backup', { name });
export const sampleCounts = () => invoke<[number, number]>('sample_counts');
export const removeSampleData = () => invoke<SampleRemoved>('remove_sample_data');

// Causes: one mistake that touched many customers.
export const listCauses = () => invoke<CauseSummary[]>('list_causes');
export const causeDetail = (id: number) => invoke<CauseDetail>('cause_detail', { id });
/** "Did this touch anyone else?": a cause made from the incident, linked to it (blank title = the incident's). */
export const causeFromIncident = (id: number, title: string) => invoke<Cause>('cause_from_incident', { id, title });
export const linkIncident = (id: number, causeId: number | null) => invoke<Incident>('link_incident', { id, causeId });
/** Open a get-there-first incident for each customer (one transaction); `dryRun` only lists them. */
export const affectCustomers = (id: number, customers: number[], dryRun = false) =>
  invoke<AffectReport>('affect_customers', { id, customers, dryRun });
export const addCauseChange = (id: number, text: string, date?: string) =>
  invoke<Change>('add_cause_change', { id, date, text });
// A cause change's photos: addPhoto/removePhoto with owner { kind: 'cause_change', id }.

// Several people: which records this computer works on, and who is using it.
export const sharedStatus = () => invoke<SharedStatus>('shared_status');
/** The name kept with every change made on this computer; blank clears it. */
export const setPerson = (name: string) => invoke<SharedStatus>('set_person', { name });
/** Work on the shared database at a postgres:// address; with `moveRecords`, this
 *  computer's records are copied into it first (it must be empty). */
/** With `moveRecords`, a long job (progress "move_to_shared", cancelled by `ticket`). */
export const useSharedDatabase = (url: string, moveRecords: boolean, ticket = 0) =>
  invoke<SharedStatus>('use_shared_database', { url, moveRecords, ticket });
export const useThisComputersFile = () => invoke<SharedStatus>('use_this_computers_file');
/** Open the same records again after they could not be opened (a shared database out of reach). */
export const openAgain = () => invoke<AppStatus>('open_again');
/** A number that moves whenever someone else changes the records (see lib/refresh.ts). */
export const changeMark = () => invoke<number>('change_mark');
