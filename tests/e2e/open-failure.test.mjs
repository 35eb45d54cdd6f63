// A database that cannot be opened shows what to do, never a blank window,
// and the file is left untouched. run.sh points AMENDS_DB at a text file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';

const { E2E_PORT, E2E_APP, E2E_DB, E2E_ARTIFACTS } = process.env;
let s;
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
});

test('a file that is not a database gets a clear screen with what to do', async () => {
  const before = readFileSync(E2E_DB);
  const h1 = await s.wait('h1', 15000);
  assert.equal(await h1.text(), 'Your records could not be opened');
  const body = await (await s.$('[role="alert"]')).text();
  assert.ok(body.includes(E2E_DB), 'names the file');
  assert.match(body, /What to do/);
  await s.screenshot(join(E2E_ARTIFACTS, '12-open-failure.png'));
  assert.deepEqual(readFileSync(E2E_DB), before, 'file untouched');
});
