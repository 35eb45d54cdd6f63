// The app follows the OS colour scheme. run.sh reopens the flows' database
// with GTK asked for its dark variant and takes screenshots in dark mode.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';
import { axeViolations } from './a11y.mjs';

const { E2E_PORT, E2E_APP, E2E_ARTIFACTS } = process.env;
let s;
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
});

test('dark theme when the desktop prefers dark', async (t) => {
  await s.wait('section[data-kind]', 15000);
  if (!(await s.exec("return matchMedia('(prefers-color-scheme: dark)').matches"))) {
    t.skip('this WebKitGTK did not report a dark preference for GTK_THEME=Adwaita:dark');
    return;
  }
  const bg = await s.exec('return getComputedStyle(document.documentElement).backgroundColor');
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background, got ${bg}`);
  await s.screenshot(join(E2E_ARTIFACTS, '13-dark-today.png'));
  assert.equal(await axeViolations(s), '', 'axe-core on Today, dark');
  await (await s.$('section[data-kind] li button')).click();
  await s.wait('.checklist');
  await s.screenshot(join(E2E_ARTIFACTS, '14-dark-incident.png'));
  assert.equal(await axeViolations(s), '', 'axe-core on an incident page, dark');
  for (const [label, screen] of [['Customers', 'Customers'], ['Incidents', 'Incidents'], ['Causes', 'Causes'], ['Export & import', 'Export & import'], ['Settings', 'Settings']]) {
    for (const b of await s.$$('nav button')) {
      if ((await b.text()).includes(label)) {
        await b.click();
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(await axeViolations(s), '', `axe-core on ${screen}, dark`);
  }
});
