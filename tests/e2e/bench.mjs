// The desktop app's benchmark, driven by bench.sh (read its header first).
// Launches Amends and a bare Tauri page through tauri-driver under Xvfb,
// times launch -> drawn, reads PSS from /proc, and measures search-as-you-type
// latency in the page. Prints a markdown table; raw numbers go to BENCH_TSV.
// A benchmark, not a test: it asserts nothing about speed.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Keys, Session } from './webdriver.mjs';

const env = process.env;
const APP = env.BENCH_APP;
const BARE = env.BENCH_BARE;
const DB = env.BENCH_DB;
const WORK = env.BENCH_WORK;
const DISPLAY = env.BENCH_DISPLAY;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const TSV = env.BENCH_TSV;
const LABEL = env.BENCH_LABEL ?? '';
/** Wait after "drawn" (and after the scroll) before reading PSS, so the numbers are not mid-allocation. */
const SETTLE_MS = Number(env.BENCH_SETTLE_MS ?? 1500);
/** Typed one key at a time; each word is then cleared with Ctrl+A, Backspace (also a timed keystroke). */
const WORDS = (env.BENCH_WORDS ?? 'marta|okaf|priya p|riverside|søren|555-31|zoe w|kite').split('|');
/** The Customers list is scrolled to its end until at least this many rows are loaded (4 pages of 200 after the first 50). */
const CUSTOMERS_ROWS = 850;
/** A bound on those scrolls, should the page size change. */
const CUSTOMERS_SCROLLS_MAX = 20;

const now = () => performance.timeOrigin + performance.now();
const rows = [];
function record(app, mode, run, metric, value, unit) {
  rows.push({ app, mode, run, metric, value });
  appendFileSync(TSV, `${app}\t${mode}\t${run}\t${metric}\t${value}\t${unit}\n`);
}

// ---------------------------------------------------------------- processes

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** pid -> { ppid, comm, starttime (clock ticks since boot) } for every process. */
function processTable() {
  const t = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      t.set(Number(d), { ppid: Number(f[1]), comm, starttime: Number(f[19]) });
    } catch {
      /* gone */
    }
  }
  return t;
}

function descendants(root, table = processTable()) {
  const out = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift();
    for (const [pid, info] of table) if (info.ppid === p) {
      out.push(pid);
      queue.push(pid);
    }
  }
  return out;
}

function exeOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

/** The app process under the driver: the descendant running `binary`. */
function findApp(driverPid, binary) {
  const want = realpathSync(binary);
  return descendants(driverPid).find((pid) => exeOf(pid) === want) ?? null;
}

/** Pss and Rss (kB) of one process from smaps_rollup. */
function rollup(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { pss: kb('Pss'), rss: kb('Rss') };
}

/**
 * With BENCH_SMAPS=DIR, where each process's PSS lives: Pss summed per mapping
 * (file name, or [heap]/[anon]...), written as DIR/<label>-<process>.tsv, for
 * finding what grew between two points.
 */
function dumpSmaps(appPid, label) {
  const dir = env.BENCH_SMAPS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const table = processTable();
  for (const pid of [appPid, ...descendants(appPid, table)]) {
    let text;
    try {
      text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
    } catch {
      continue;
    }
    const per = new Map();
    let name = '';
    for (const line of text.split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) name = head[1] || '[anon]';
      const pss = /^Pss:\s+(\d+) kB/.exec(line);
      if (pss) per.set(name, (per.get(name) ?? 0) + Number(pss[1]));
    }
    const rowsOut = [...per].sort((a, b) => b[1] - a[1]).map(([n, kb]) => `${kb}\t${n}`).join('\n');
    const proc = pid === appPid ? 'app' : table.get(pid)?.comm ?? String(pid);
    writeFileSync(join(dir, `${label}-${proc}.tsv`), rowsOut + '\n');
  }
}

/** PSS of the app plus all its descendants (WebKitWebProcess, WebKitNetworkProcess), per process and in total. */
function memory(appPid) {
  const table = processTable();
  const per = {};
  let pss = 0;
  let rss = 0;
  for (const pid of [appPid, ...descendants(appPid, table)]) {
    try {
      const m = rollup(pid);
      const name = pid === appPid ? 'app' : table.get(pid)?.comm ?? String(pid);
      per[name] = (per[name] ?? 0) + m.pss;
      pss += m.pss;
      rss += m.rss;
    } catch {
      /* exited */
    }
  }
  return { pss, rss, per, count: 1 + descendants(appPid, table).length };
}

/** When `pid` started, as epoch ms (10 ms resolution): boot-relative start ticks + (now - uptime). */
function startedAt(pid) {
  const ticks = processTable().get(pid)?.starttime;
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  const bootEpoch = now() - uptime * 1000;
  return bootEpoch + (ticks / 100) * 1000; // USER_HZ is 100 on Linux
}

async function startDriver(xdg, extraEnv) {
  const port = await freePort();
  const native = await freePort();
  mkdirSync(xdg, { recursive: true });
  const log = openSync(join(WORK, 'driver.log'), 'a');
  const proc = spawn('tauri-driver', ['--port', String(port), '--native-port', String(native)], {
    env: {
      ...process.env,
      DISPLAY,
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      XDG_CONFIG_HOME: join(xdg, 'config'),
      ...extraEnv,
    },
    stdio: ['ignore', log, log],
  });
  const end = Date.now() + 15000;
  while (Date.now() < end) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { proc, port };
    } catch {
      /* not yet */
    }
    await sleep(50);
  }
  proc.kill();
  throw new Error('tauri-driver did not start; see driver.log');
}

/** Stop the driver and anything it left behind (by pid: only processes this run started). */
async function stopDriver(d) {
  const left = descendants(d.proc.pid);
  const exited = new Promise((r) => d.proc.once('exit', r));
  d.proc.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    for (const pid of left) {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
    if (left.every((pid) => !processTable().has(pid))) break;
    await sleep(500);
  }
}

// ---------------------------------------------------------------- in-page scripts

/**
 * Resolves when the screen is drawn: its content is in the DOM, then one
 * animation frame plus a task (so the frame with it has been produced).
 * Returns epoch ms (the page's clock), whether it was already drawn when the
 * probe first looked (then the time is an upper bound), and the page's own
 * timings (navigation start = timeOrigin, first contentful paint).
 */
export const DRAWN_PROBE = `
  const done = arguments[arguments.length - 1];
  const kind = arguments[0];
  const ready = kind === 'bare'
    ? () => (document.getElementById('hello')?.textContent ?? '').includes('hello')
    : () => {
        const h1 = [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Today');
        const queue = document.querySelector('section[data-kind], .card.calm, [role=alert]');
        const charts = document.querySelector('.charts, .form-error');
        return h1 && queue && charts;
      };
  const already = !!ready();
  const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  // A stale callback can answer a later script, so clear the timer and answer once.
  let timer = null;
  let tries = 0;
  const answer = () => {
    // Amends sets its mark in the frame after Today is in the DOM; give it a moment.
    if (kind !== 'bare' && mark('amends:today-drawn') == null && tries++ < 100) return setTimeout(answer, 10);
    clearTimeout(timer);
    const t = performance.timeOrigin + performance.now();
    done({ t, already, timeOrigin: performance.timeOrigin, fcp: fcp(),
      script: mark('amends:script'), todayDrawn: mark('amends:today-drawn'),
      asked: mark('amends:startup-asked'), answered: mark('amends:startup-answered') });
  };
  const finish = () => requestAnimationFrame(() => setTimeout(answer, 0));
  if (already) finish();
  else {
    const mo = new MutationObserver(() => {
      if (ready()) { mo.disconnect(); finish(); }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    timer = setTimeout(() => { mo.disconnect(); done({ failed: 'not drawn within 60 s: ' + document.body.innerText.slice(0, 200) }); }, 60000);
  }
`;

/**
 * Installs the keystroke timer on the Customers screen. For an armed keystroke:
 * t0 = the search box's input event; the search request that carries the box's
 * value is followed through fetch (Tauri's IPC goes over fetch to ipc://);
 * tDom = a task after its JSON is parsed (the app's continuation and Svelte's
 * flush are microtasks, so the list is updated by then); tFrame = the next
 * animation frame after that; tMut = the first DOM change under <main> after
 * the response (absent when the new results equal the old ones).
 */
export const KEY_HOOK = `
  if (window.__bench) return 'again';
  const B = (window.__bench = { armed: false });
  document.addEventListener('input', (e) => {
    if (B.armed && B.t0 == null && e.target && e.target.id === 'customer-search') {
      B.t0 = performance.now();
      B.query = e.target.value;
    }
  }, true);
  const realFetch = window.fetch;
  window.fetch = function (url, init) {
    const p = realFetch.apply(this, arguments);
    if (!String(url).includes('search_customers') || !B.armed || B.t0 == null || B.tResp != null) return p;
    let q = null;
    try { q = JSON.parse(init.body).query; } catch (e) {}
    if (q !== B.query) return p;
    B.tReq = performance.now();
    return p.then((res) => {
      const json = res.json.bind(res);
      res.json = () => json().then((v) => {
        B.tResp = performance.now();
        B.count = Array.isArray(v) ? v.length : null;
        setTimeout(() => {
          B.tDom = performance.now();
          requestAnimationFrame(() => { B.tFrame = performance.now(); B.resolve?.(); });
        }, 0);
        return v;
      });
      return res;
    });
  };
  new MutationObserver(() => {
    if (B.armed && B.tResp != null && B.tMut == null) B.tMut = performance.now();
  }).observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true, characterData: true });
  return 'installed';
`;

export const KEY_ARM = `
  const B = window.__bench;
  Object.assign(B, { armed: true, t0: null, query: null, tReq: null, tResp: null, tDom: null, tFrame: null, tMut: null, count: null, resolve: null });
`;

export const KEY_WAIT = `
  const done = arguments[arguments.length - 1];
  const B = window.__bench;
  // A stale callback can answer a later script, so clear the timer and answer once.
  let timer = null;
  const report = () => {
    clearTimeout(timer);
    B.armed = false;
    B.resolve = null;
    done({ t0: B.t0, tReq: B.tReq, tResp: B.tResp, tDom: B.tDom, tFrame: B.tFrame, tMut: B.tMut, query: B.query, count: B.count });
  };
  if (B.tFrame != null) report();
  else {
    B.resolve = report;
    timer = setTimeout(() => { B.armed = false; B.resolve = null; done({ failed: 'no result for ' + JSON.stringify(B.query) + ' within 10 s', t0: B.t0 }); }, 10000);
  }
`;

// ---------------------------------------------------------------- one launch

/**
 * New WebDriver session with the "eager" page-load strategy: commands wait for
 * DOMContentLoaded, not the load event, so the drawn-probe starts watching
 * before the app's first IPC answers arrive.
 */
async function startSession(port, application) {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      capabilities: { alwaysMatch: { 'tauri:options': { application }, pageLoadStrategy: 'eager' }, firstMatch: [{}] },
    }),
  });
  const json = await res.json();
  if (!res.ok || json.value?.error) throw new Error(`new session: ${json.value?.error} ${json.value?.message ?? ''}`);
  return new Session(base, json.value.sessionId);
}

/** Launch `kind` ('amends' | 'bare') through a fresh tauri-driver with XDG dirs under `xdg`. */
async function launch(kind, xdg, { mode, run, customers = false }) {
  const binary = kind === 'amends' ? APP : BARE;
  // 'bare-flat': the bare page drawn as Amends draws (WebKit's GL compositing off, see src-tauri/src/lib.rs).
  const d = await startDriver(xdg, kind === 'amends' ? { AMENDS_DB: DB } : kind === 'bare-flat' ? { WEBKIT_DISABLE_COMPOSITING_MODE: '1' } : {});
  let s;
  try {
    const t0 = now();
    s = await startSession(d.port, binary);
    const tSession = now();
    await s.cmd('POST', '/timeouts', { script: 70000 });
    const r = await s.cmd('POST', '/execute/async', { script: DRAWN_PROBE, args: [kind === 'amends' ? 'amends' : 'bare'] });
    if (r.failed) throw new Error(`${kind} ${mode} run ${run}: ${r.failed}`);
    const appPid = findApp(d.proc.pid, binary);
    if (!appPid) throw new Error(`${kind}: the app process was not found under tauri-driver`);
    const tStart = startedAt(appPid);
    // Content already there when the probe first ran (the bare page's static "hello" always
    // is): its first frame may be earlier than the probe's, so take the page's own first
    // contentful paint, which for a page whose only content is the target is exactly it.
    // Amends marks the frame after Today (queue and charts) first reached the screen
    // (performance.mark 'amends:today-drawn', as the probe does: a frame, then a task).
    const tDrawn =
      kind !== 'amends' && r.already && r.fcp != null ? r.timeOrigin + r.fcp
      : kind === 'amends' && r.todayDrawn != null ? r.timeOrigin + r.todayDrawn
      : r.t;
    const out = {
      launch_to_drawn_ms: tDrawn - t0,
      process_start_to_drawn_ms: tDrawn - tStart,
      launch_to_process_start_ms: tStart - t0,
      session_start_ms: tSession - t0,
      process_start_to_page_start_ms: r.timeOrigin - tStart,
      page_start_to_fcp_ms: r.fcp,
      ...(r.script != null ? { page_start_to_script_ms: r.script } : {}),
      ...(r.asked != null ? { page_start_to_startup_asked_ms: r.asked, startup_ipc_ms: r.answered - r.asked } : {}),
      page_start_to_drawn_ms: tDrawn - r.timeOrigin,
      launch_to_probe_frame_ms: r.t - t0,
      drawn_before_probe: r.already ? 1 : 0,
    };
    for (const [k, v] of Object.entries(out)) if (v != null) record(kind, mode, run, k, round(v), /_ms$/.test(k) ? 'ms' : '');

    await sleep(SETTLE_MS);
    const m = memory(appPid);
    dumpSmaps(appPid, `${kind}-${mode}-${run}-drawn`);
    record(kind, mode, run, 'pss_after_drawn_kb', m.pss, 'kB');
    record(kind, mode, run, 'rss_after_drawn_kb', m.rss, 'kB');
    record(kind, mode, run, 'processes', m.count, '');
    for (const [name, kb] of Object.entries(m.per)) record(kind, mode, run, `pss_after_drawn_kb:${name}`, kb, 'kB');

    if (customers) await customersFlow(s, appPid, mode, run);
    return out;
  } finally {
    await s?.quit();
    await stopDriver(d);
  }
}

function round(v) {
  return Math.round(v * 10) / 10;
}

/** The Customers list: rows loaded (data-loaded), whether the search has more, and rows in the DOM (virtualised). */
export const CUSTOMERS_LIST = `
  const l = document.getElementById('customer-results');
  return { loaded: Number(l.dataset.loaded), more: l.dataset.more === 'true', inDom: l.querySelectorAll('li').length };
`;

/** Customers screen: search, scroll the list to its end until CUSTOMERS_ROWS rows are loaded, PSS; then timed keystrokes. */
async function customersFlow(s, appPid, mode, run) {
  await (await s.byText('nav button', 'Customers')).click();
  const box = await s.wait('#customer-search', 10000);
  await s.wait('#customer-results li', 10000);
  await s.exec(KEY_HOOK);

  // Scroll through a broad search: "a" matches most names, so reaching the end keeps loading
  // the next page. The list is virtualised: only the rows in view (and a few) are in the DOM.
  await typeTimed(s, box, 'a', mode, run, false);
  let list = await s.exec(CUSTOMERS_LIST);
  let scrolls = 0;
  while (list.loaded < CUSTOMERS_ROWS && list.more && scrolls < CUSTOMERS_SCROLLS_MAX) {
    const before = list.loaded;
    await s.exec("const l = document.getElementById('customer-results'); l.scrollTop = l.scrollHeight;");
    await s.waitFor(async () => (list = await s.exec(CUSTOMERS_LIST)).loaded > before, 10000, 'more customers');
    scrolls++;
    await sleep(200);
  }
  record('amends', mode, run, 'customers_rows_shown', list.loaded, '');
  record('amends', mode, run, 'customers_load_scrolls', scrolls, '');
  await sleep(SETTLE_MS);
  record('amends', mode, run, 'customers_rows_in_dom', (await s.exec(CUSTOMERS_LIST)).inDom, '');
  const m = memory(appPid);
  dumpSmaps(appPid, `amends-${mode}-${run}-customers`);
  record('amends', mode, run, 'pss_after_customers_kb', m.pss, 'kB');
  record('amends', mode, run, 'rss_after_customers_kb', m.rss, 'kB');
  for (const [name, kb] of Object.entries(m.per)) record('amends', mode, run, `pss_after_customers_kb:${name}`, kb, 'kB');

  await clearTimed(s, box, mode, run, false);
  await s.exec('window.scrollTo(0, 0)');
  for (const word of WORDS) {
    for (const ch of word) await typeTimed(s, box, ch, mode, run, true);
    await clearTimed(s, box, mode, run, true);
  }

  // Where Today's time goes: the commands the start-up calls, timed again from the page
  // (now with SQLite's and the OS caches warm, so a lower bound for the first call).
  const calls = await s.cmd('POST', '/execute/async', { script: IPC_TIMES, args: [] });
  for (const [cmd, t] of Object.entries(calls)) record('amends', mode, run, `ipc_ms:${cmd}`, round(t), 'ms');
}

export const IPC_TIMES = `
  const done = arguments[arguments.length - 1];
  const calls = [['startup', {}], ['today', { limit: 100 }], ['dashboard_stats', { months: 12 }]];
  (async () => {
    const out = {};
    for (const [cmd, args] of calls) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await window.__TAURI_INTERNALS__.invoke(cmd, args);
        times.push(performance.now() - t);
      }
      out[cmd] = times.sort((a, b) => a - b)[1];
    }
    done(out);
  })().catch((e) => done({ failed: String(e) }));
`;

async function keystroke(s, send, mode, run, keep) {
  await s.exec(KEY_ARM);
  await send();
  const r = await s.cmd('POST', '/execute/async', { script: KEY_WAIT, args: [] });
  if (r.failed) {
    record('amends', mode, run, 'keystroke_error', JSON.stringify(r.failed), '');
    return;
  }
  if (!keep) return;
  const q = JSON.stringify(r.query);
  record('amends', mode, run, `key_to_dom_ms:${q}`, round(r.tDom - r.t0), 'ms');
  record('amends', mode, run, `key_to_frame_ms:${q}`, round(r.tFrame - r.t0), 'ms');
  record('amends', mode, run, `key_to_response_ms:${q}`, round(r.tResp - r.t0), 'ms');
  record('amends', mode, run, `key_to_request_ms:${q}`, round(r.tReq - r.t0), 'ms');
  record('amends', mode, run, `key_dom_changed:${q}`, r.tMut != null ? 1 : 0, '');
  record('amends', mode, run, `key_results:${q}`, r.count, '');
}

const typeTimed = (s, box, ch, mode, run, keep) => keystroke(s, () => box.type(ch), mode, run, keep);
// Ctrl+A then Backspace: the selection goes in one input event, so one search for "".
const clearTimed = (s, box, mode, run, keep) =>
  keystroke(s, async () => {
    // Keys go to the focused element, and a row of the list may have it.
    await s.exec("document.getElementById('customer-search').focus()");
    await s.press(Keys.ctrl, 'a');
    await s.press('\uE003');
  }, mode, run, keep);

// ---------------------------------------------------------------- the run

function median(xs) {
  return quantile(xs, 0.5);
}
function quantile(xs, q) {
  if (!xs.length) return NaN;
  const a = [...xs].sort((x, y) => x - y);
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos);
  return a[lo] + (a[Math.min(lo + 1, a.length - 1)] - a[lo]) * (pos - lo);
}
const values = (app, mode, metric) =>
  rows.filter((r) => r.app === app && (mode == null || r.mode === mode) && (metric instanceof RegExp ? metric.test(r.metric) : r.metric === metric)).map((r) => Number(r.value));

/** Amends, the bare page as Tauri draws it by default, and the bare page drawn as Amends draws. */
const KINDS = ['bare', 'bare-flat', 'amends'];

async function main() {
  writeFileSync(TSV, 'app\tmode\trun\tmetric\tvalue\tunit\n');
  const log = (m) => process.stderr.write(`bench: ${m}\n`);
  // Cold: every launch gets brand-new XDG_DATA_HOME/XDG_CACHE_HOME/XDG_CONFIG_HOME, so WebKit's
  // caches and Tauri's webview data start empty. Bare and Amends alternate so load from
  // elsewhere on the machine hits both alike.
  for (let i = 1; i <= RUNS; i++) {
    for (const kind of KINDS) {
      const r = await launch(kind, join(WORK, `cold-${kind}-${i}`), { mode: 'cold', run: i });
      log(`cold ${kind} ${i}: launch->drawn ${r.launch_to_drawn_ms.toFixed(0)} ms`);
    }
  }
  // Warm: one XDG home per app, primed by one launch that is not counted, then reused.
  for (const kind of KINDS) await launch(kind, join(WORK, `warm-${kind}`), { mode: 'prime', run: 0 });
  for (let i = 1; i <= RUNS; i++) {
    for (const kind of KINDS) {
      const r = await launch(kind, join(WORK, `warm-${kind}`), { mode: 'warm', run: i, customers: kind === 'amends' });
      log(`warm ${kind} ${i}: launch->drawn ${r.launch_to_drawn_ms.toFixed(0)} ms`);
    }
  }
  report();
}

function report() {
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '–');
  const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MiB` : '–');
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b ? `${(a / b).toFixed(2)}×` : '–');
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const pair = (label, metric, mode, fmt, target, q = 0.5) => {
    const a = quantile(values('amends', mode, metric), q);
    const b = quantile(values('bare', mode, metric), q);
    const f = quantile(values('bare-flat', mode, metric), q);
    row(label, fmt(a), fmt(b), ratio(a, b), fmt(f), ratio(a, f), target);
  };
  const n = (app, mode, metric) => values(app, mode, metric).length;
  lines.push(`Amends vs a bare Tauri page ${LABEL}; medians of ${RUNS} launches each (cold: n=${n('amends', 'cold', 'launch_to_drawn_ms')}, warm: n=${n('amends', 'warm', 'launch_to_drawn_ms')}).`);
  lines.push('');
  row('Measure', 'Amends', 'Bare Tauri', 'Amends/bare', 'Bare, GL compositing off', 'Amends/that', 'Target');
  row('---', '---:', '---:', '---:', '---:', '---:', '---');
  pair('Launch → drawn, cold (WebDriver new-session → Today\'s queue and charts on screen)', 'launch_to_drawn_ms', 'cold', ms, '≤ 1.20×');
  pair('Launch → drawn, warm', 'launch_to_drawn_ms', 'warm', ms, '≤ 1.20×');
  pair('Process start → drawn, cold (excludes driver overhead)', 'process_start_to_drawn_ms', 'cold', ms, '');
  pair('Process start → drawn, warm', 'process_start_to_drawn_ms', 'warm', ms, '');
  pair('  of which process start → page start, cold', 'process_start_to_page_start_ms', 'cold', ms, '');
  pair('  of which page start → drawn, cold', 'page_start_to_drawn_ms', 'cold', ms, '');
  pair('Page start → first contentful paint, cold', 'page_start_to_fcp_ms', 'cold', ms, '');
  pair('Page start → first line of the app\'s script, cold', 'page_start_to_script_ms', 'cold', ms, '');
  pair('Page start → startup command sent, cold', 'page_start_to_startup_asked_ms', 'cold', ms, '');
  pair('startup command, sent → answered, cold', 'startup_ipc_ms', 'cold', ms, '');
  pair('WebDriver new-session, cold (overhead, in both)', 'session_start_ms', 'cold', ms, '');
  pair('p95 launch → drawn, cold', 'launch_to_drawn_ms', 'cold', ms, '', 0.95);
  pair('p95 launch → drawn, warm', 'launch_to_drawn_ms', 'warm', ms, '', 0.95);
  pair('PSS after drawn, cold (app + WebKit children)', 'pss_after_drawn_kb', 'cold', mb, '≤ 1.30×');
  pair('PSS after drawn, warm', 'pss_after_drawn_kb', 'warm', mb, '≤ 1.30×');
  {
    const a = median(values('amends', 'warm', 'pss_after_customers_kb'));
    const b = median(values('bare', 'warm', 'pss_after_drawn_kb'));
    const f = median(values('bare-flat', 'warm', 'pss_after_drawn_kb'));
    const loaded = median(values('amends', 'warm', 'customers_rows_shown'));
    const inDom = median(values('amends', 'warm', 'customers_rows_in_dom'));
    row(`PSS after Customers: search "a", scrolled to ${loaded} loaded rows (${inDom} in the DOM), warm`, mb(a), `${mb(b)} (drawn)`, ratio(a, b), `${mb(f)} (drawn)`, ratio(a, f), '≤ 1.30×');
  }
  for (const [label, re] of [
    ['Keystroke → results in DOM', /^key_to_dom_ms:/],
    ['Keystroke → next frame after results', /^key_to_frame_ms:/],
    ['Keystroke → IPC response parsed', /^key_to_response_ms:/],
  ]) {
    const xs = values('amends', 'warm', re);
    row(`${label} (median / p95, n=${xs.length})`, `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`, '–', '–', '–', '–', '< 50 ms');
  }
  for (const cmd of ['startup', 'today', 'dashboard_stats']) {
    const xs = values('amends', 'warm', `ipc_ms:${cmd}`);
    row(`IPC ${cmd}, repeated from the page (median)`, ms(median(xs)), '–', '–', '–', '–', '');
  }
  const changed = values('amends', 'warm', /^key_dom_changed:/);
  const early = values('amends', null, 'drawn_before_probe');
  const earlyBare = values('bare', null, 'drawn_before_probe');
  const slow = rows.filter((r) => /^key_to_frame_ms:/.test(r.metric) && r.value >= 50);
  const slowBy = {};
  for (const r of slow) slowBy[r.metric.slice(r.metric.indexOf(':') + 1)] = (slowBy[r.metric.slice(r.metric.indexOf(':') + 1)] ?? 0) + 1;
  lines.push('');
  lines.push(`Keystrokes whose results changed the list: ${changed.filter((x) => x).length} of ${changed.length}; ` +
    `at or over 50 ms to the frame: ${slow.length} (${Object.entries(slowBy).map(([q, k]) => `${q}×${k}`).join(', ') || 'none'}).`);
  lines.push(`Drawn: Amends by its own mark (the frame after Today's queue and charts reached the DOM), there before the probe first looked in ${early.filter((x) => x).length}/${early.length} launches; ` +
    `bare by its first contentful paint (its "hello" is static, so always there before the probe: ${earlyBare.filter((x) => x).length}/${earlyBare.length}).`);
  const errors = rows.filter((r) => r.metric === 'keystroke_error');
  if (errors.length) lines.push(`Keystrokes that timed out: ${errors.length} (see the TSV).`);
  console.log(lines.join('\n'));
}

// Run when executed (not when imported to try the in-page scripts by hand).
if (import.meta.url === `file://${process.argv[1]}`) await main();
