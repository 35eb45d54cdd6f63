// Reminders reach the desktop: with a promise already late when the app
// starts, the app sends a notification through the session D-Bus to the
// notification server (dunst, under Xvfb). run.sh records the bus with
// dbus-monitor; this reads that record, so the real call path is checked:
// the core's clocks, the reminder thread, tauri-plugin-notification, D-Bus.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Session } from './webdriver.mjs';

const { E2E_PORT, E2E_APP, E2E_DBUS_LOG } = process.env;
let s;
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
});

test('a late first contact is announced by a desktop notification at launch', async () => {
  await s.wait('nav', 15000);
  await s.waitFor(async () => readFileSync(E2E_DBUS_LOG, 'utf8').includes('Contact them before they find out'), 20000, 'a Notify call on the bus');
  const log = readFileSync(E2E_DBUS_LOG, 'utf8');
  const call = log.slice(log.indexOf('member=Notify'));
  assert.match(call, /Contact them before they find out: Ada Reminder/);
  assert.match(call, /Kiln cracked the glaze — \d+ (h|days) over/);
});
