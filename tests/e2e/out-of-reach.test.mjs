// A shared database out of reach at start (here: one the server does not have
// yet, as after a mistyped name or before it is made): the window says so with
// the address, Try again works once the database is there, and "Work on this
// computer's file" opens the computer's own records and forgets the address.
// run.sh starts the driver with E2E_CONFIG as the settings folder and no AMENDS_DB.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';
import { axeViolations } from './a11y.mjs';

const { E2E_PORT, E2E_APP, E2E_CLI, E2E_ARTIFACTS, E2E_CONFIG, E2E_DATA, AMENDS_TEST_PG } = process.env;
const settingsFile = join(E2E_CONFIG, 'dev.amends.desktop', 'this-computer.json');

/** This computer's settings, naming the shared database `name` on the private server. */
function pointAt(name) {
  const url = AMENDS_TEST_PG.replace('/postgres?', `/${name}?`);
  assert.ok(url.includes(`/${name}?`), url);
  mkdirSync(join(E2E_CONFIG, 'dev.amends.desktop'), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ shared_database: url, person: 'Sam' }));
  return url;
}

function psql(sql) {
  execFileSync('psql', [AMENDS_TEST_PG, '-qX', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
}

let s;
after(async () => {
  await s?.quit();
});

test('out of reach: the window says which shared database, and Try again opens it once it is there', async () => {
  psql('DROP DATABASE IF EXISTS e2e_later');
  const url = pointAt('e2e_later');
  s = await Session.start(Number(E2E_PORT), E2E_APP);
  const h1 = await s.wait('h1', 20000);
  assert.equal(await h1.text(), 'The shared database could not be reached');
  const body = await (await s.$('[role="alert"]')).text();
  assert.match(body, /has no database of that name/);
  assert.match(body, /postgres:\/\/amends@.*\/e2e_later/, 'the address');
  assert.match(body, /Try again/);
  await s.screenshot(join(E2E_ARTIFACTS, '25-shared-out-of-reach.png'));
  const v = await axeViolations(s);
  assert.equal(v, '', `axe-core on the out-of-reach screen:\n${v}`);

  await (await s.$('#failure-again')).click();
  await s.byText('#failure-said', 'it still could not be opened', 15000);
  assert.match(await (await s.$('#failure-message')).text(), /has no database of that name/);

  // The database is made (as whoever runs the server would), and Try again opens it.
  psql('CREATE DATABASE e2e_later');
  await (await s.$('#failure-again')).click();
  await s.byText('button', 'Start with sample data', 20000);
  // The app made its schema there: the CLI reads it.
  const out = execFileSync(E2E_CLI, ['--db', url, 'customers', 'list', '--json'], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), []);
  await s.quit();
  s = null;
});

test('out of reach: "Work on this computer\'s file" opens the computer\'s own records and forgets the address', async () => {
  psql('DROP DATABASE IF EXISTS e2e_never');
  pointAt('e2e_never');
  s = await Session.start(Number(E2E_PORT), E2E_APP);
  await s.byText('h1', 'The shared database could not be reached', 20000);
  await (await s.$('#failure-own-file')).click();
  await s.byText('button', 'Start with sample data', 20000);
  const kept = JSON.parse(readFileSync(settingsFile, 'utf8'));
  assert.equal(kept.shared_database ?? null, null, 'the address is forgotten');
  assert.equal(kept.person, 'Sam', 'the name is kept');
  assert.ok(existsSync(join(E2E_DATA, 'dev.amends.desktop', 'amends.sqlite3')), 'this computer\'s file');
});
