// Moving a laptop's records into a shared database from Settings: run.sh starts the
// app on a file the CLI filled with sample data (E2E_DB) and makes an empty database
// on the private PostgreSQL server (E2E_MOVE_TO). Settings → Shared database → its
// address and "Move my records to it": the move shows its progress bar, then says the
// records are there; the app works on the shared database from then on; the CLI finds
// the same customers and open incidents there as in the file, which is unchanged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';
import { axeViolations } from './a11y.mjs';

const { E2E_PORT, E2E_APP, E2E_CLI, E2E_DB, E2E_ARTIFACTS, E2E_MOVE_TO } = process.env;

/** The `amends` CLI over `db`, parsed from --json. */
function cli(db, ...args) {
  return JSON.parse(execFileSync(E2E_CLI, ['--db', db, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
const customers = (db) => cli(db, 'customers', 'list', '--limit', '1000000').map((c) => c.id);
const openIncidents = (db) => cli(db, 'incidents', 'list', '--status', 'open').map((i) => [i.id, i.title]);

let s;
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
});

async function shot(name) {
  await s.screenshot(join(E2E_ARTIFACTS, `${name}.png`));
}

describe('moving my records to a shared database', () => {
  test('Settings moves them with a progress bar, and the app works on the shared database after', async () => {
    try {
      const inFile = customers(E2E_DB);
      const openInFile = openIncidents(E2E_DB);
      assert.ok(inFile.length >= 1000, 'a sample large enough for the move to take a moment');

      await s.wait('section[data-kind]', 30000);
      await (await s.byText('nav button', 'Settings')).click();
      const where = await s.wait('#s-shared-where', 10000);
      assert.match(await where.text(), /^This computer’s file:/);
      await (await s.$('#s-shared-url')).type(E2E_MOVE_TO);
      await (await s.$('#s-shared-move')).click();
      await (await s.$('#s-shared-use')).click();

      // The bar, labelled, with how far the move has got (determinate once the first report arrives).
      await s.wait('#s-shared [role="group"] progress[value]', 20000);
      await s.exec("document.getElementById('s-shared').scrollIntoView()");
      await shot('21-shared-move-progress');
      const said = await s.exec("return document.querySelector('#s-shared [role=\"group\"]').textContent");
      assert.match(said, /Moving your records/);
      assert.match(said, /Copying|Checking the copy|Finishing/);

      const done = await s.wait('#s-shared-switched', 120000);
      assert.equal(await done.text(), 'Your records are in the shared database now, and this computer works on it.');
      assert.match(await (await s.$('#s-shared-where')).text(), /^Shared database:/);
      assert.equal(await s.exec("return document.querySelector('#s-shared progress') === null"), true, 'the bar is gone');
      await shot('22-shared-moved');
      const v = await axeViolations(s);
      assert.equal(v, '', `axe-core on Settings after the move:\n${v}`);

      // The shared database holds what the file held; the file is as it was.
      assert.deepEqual(customers(E2E_MOVE_TO), inFile);
      assert.deepEqual(openIncidents(E2E_MOVE_TO), openInFile);
      assert.deepEqual(customers(E2E_DB), inFile);

      // The app works there now: a customer added in the window lands on the server, not in the file.
      await (await s.byText('nav button', 'Customers')).click();
      await (await s.byText('button', 'Add customer', 10000)).click();
      await (await s.wait('#c-name', 10000)).type('Moved Across');
      await (await s.$('main form button[type="submit"]')).click();
      await s.waitFor(
        async () => cli(E2E_MOVE_TO, 'customers', 'list', '--search', 'Moved Across').length === 1,
        10000,
        'the new customer on the server',
      );
      assert.equal(cli(E2E_DB, 'customers', 'list', '--search', 'Moved Across').length, 0, 'not in the file');
    } catch (e) {
      await shot('fail-move').catch(() => {});
      throw e;
    }
  });
});
