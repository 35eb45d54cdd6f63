// The packaged app, unpacked from its .deb (tests/package/check.sh), opens
// the first-run screen on a fresh data folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Session } from '../e2e/webdriver.mjs';

const { E2E_PORT, E2E_APP, E2E_ARTIFACTS } = process.env;
let s;
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
});

test('the packaged app opens the first-run screen', async () => {
  const h1 = await s.wait('h1', 20000);
  assert.equal(await h1.text(), 'Welcome to Amends');
  await s.byText('button', 'Start fresh');
  await s.screenshot(join(E2E_ARTIFACTS, '30-package-first-run.png'));
});
