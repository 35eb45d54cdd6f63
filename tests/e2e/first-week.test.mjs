// A new owner's first week, from "Start fresh", one step after another, in
// the real window: the product's path in one file. A painter-decorator sets
// up the business, logs a complaint for a customer who is not in Amends yet,
// calls, repeats it back, promises a date, sizes the make-up once the
// calculator has the customer's value, apologises in their own words, fixes
// it, records what changed, prints the "what we changed" letter, backs up and
// restores, and erases the right one of two customers with the same name.
// Each step is checked against the database with the CLI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keys, Session } from './webdriver.mjs';

const { E2E_PORT, E2E_APP, E2E_CLI, E2E_DB, E2E_ARTIFACTS } = process.env;
const shot = (name) => s.screenshot(join(E2E_ARTIFACTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(E2E_CLI, ['--db', E2E_DB, ...args, '--json'], { encoding: 'utf8' }));
const cliText = (...args) => execFileSync(E2E_CLI, ['--db', E2E_DB, ...args], { encoding: 'utf8' }).trim();

let s;
const tmp = mkdtempSync(join(tmpdir(), 'amends-first-week-'));
before(async () => {
  s = await Session.start(Number(E2E_PORT), E2E_APP);
});
after(async () => {
  await s?.quit();
  rmSync(tmp, { recursive: true, force: true });
});

const textOf = async (css) => (await s.wait(css)).text();
const nav = async (label) => (await s.byText('nav button', label)).click();
async function type(id, text) {
  const e = await s.wait(`#${id}`);
  await e.clear();
  await e.type(text);
}
async function choose(id, value) {
  await (await s.wait(`#${id} option[value="${value}"]`)).click();
}
const done = async (label) => (await s.wait(`button[aria-label="Done: ${label}"]`)).click();
const title = () => textOf('main h1');

/** Open the customer whose row in the Customers list contains `text`, after searching for `query`. */
async function openCustomer(query, text) {
  await nav('Customers');
  const search = await s.wait('#customer-search');
  await search.clear();
  await search.type(query);
  await s.waitFor(
    async () => s.exec(`const b = [...document.querySelectorAll('#customer-results button')].find((b) => b.textContent.includes(${JSON.stringify(text)}));
      if (b) b.click(); return Boolean(b);`),
    5000,
    `a customer row with ${text}`,
  );
}

/** A test that saves a screenshot of the window when it fails; later steps need the earlier ones. */
let failed = false;
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip('an earlier step failed');
    try {
      await fn();
    } catch (e) {
      failed = true;
      await shot(`fail-week-${name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
      throw e;
    }
  });
}

const OWNER = 'Brush & Roller Decorators';
const CUSTOMER = 'Rowan Reyes';
const TITLE = 'Landing painted the wrong grey';
let incident;

describe('a new owner\'s first week', () => {
  step('Monday: start fresh and set up the business, address and paper included', async () => {
    await (await s.byText('button', 'Start fresh', 15000)).click();
    await type('p-business', OWNER);
    await type('p-signer', 'Pat Painter');
    await choose('p-type', 'trades');
    await type('p-address', '7 Kiln Lane');
    await type('p-city', 'Burlington');
    await type('p-region', 'VT');
    await type('p-postal', '05401');
    await type('p-country', 'United States');
    await type('p-phone', '(802) 555-0199');
    await type('p-email', 'pat@brushroller.example');
    await choose('p-paper', 'letter');
    const headings = await s.exec("return [...document.querySelectorAll('h1, h2')].map((h) => h.textContent.trim())");
    assert.equal(headings.filter((h) => h === 'Your business').length, 1, `one "Your business": ${headings}`);
    await shot('20-first-week-setup');
    await (await s.byText('button', 'Save and add a customer')).click();
    // Setup lands on adding the first customer, with a visible confirmation.
    await s.waitFor(async () => /customer/i.test(await title()), 5000, 'the add-customer form');
    await s.wait('#toast', 3000);
    const p = cli('profile', 'show');
    assert.equal(p.business_name, OWNER);
    assert.equal(p.city, 'Burlington');
    assert.equal(p.paper, 'letter');
  });

  step('a complaint arrives before the customer is in Amends: create them from the incident form', async () => {
    await s.press(Keys.ctrl, 'n');
    await s.waitFor(async () => (await title()) === 'New incident', 3000, 'new incident form');
    await type('i-title', TITLE);
    await (await s.$('#i-new-customer')).click();
    await type('i-nc-name', CUSTOMER);
    await type('i-nc-email', 'rowan@example.com');
    await (await s.$('#i-nc-save')).click();
    await s.waitFor(async () => cli('customers', 'list', '--search', 'rowan reyes').length === 1, 5000, 'customer created');
    await (await s.$('#i-by-customer')).click();
    await type('i-what', 'The landing is a cold grey, not the warm stone we chose. Please sort it before my family arrives next week.');
    await type('i-value', '850');
    await (await s.$('form button[type="submit"]')).click();
    await s.waitFor(async () => (await title()) === TITLE, 5000, 'incident page');
    const [c] = cli('customers', 'list', '--search', 'rowan reyes');
    [incident] = cli('incidents', 'list', '--customer', String(c.id)).map((i) => i.id);
    assert.equal(cli('incidents', 'show', String(incident)).discovered_by, 'customer');
  });

  step('their postal address goes on the customer, for the letters', async () => {
    await openCustomer('rowan', 'rowan@example.com');
    await s.waitFor(async () => (await title()) === CUSTOMER, 5000, 'customer page');
    await (await s.byText('main button', 'Edit')).click();
    await type('c-address', '22 Birch Street');
    await type('c-city', 'Burlington');
    await type('c-region', 'VT');
    await type('c-postal', '05401');
    await (await s.$('form button[type="submit"]')).click();
    await s.waitFor(async () => (await title()) === CUSTOMER, 5000, 'saved');
    const [c] = cli('customers', 'list', '--search', 'rowan reyes');
    assert.equal(c.address.city, 'Burlington');
    await nav('Incidents');
    await (await s.wait('#f-search')).type('landing');
    await (await s.wait(`#f-row-${incident}`, 5000)).click();
    await s.waitFor(async () => (await title()) === TITLE, 5000, 'back on the incident');
  });

  step('the call: contact, their words, the repeat-back and a promised date', async () => {
    await done('Contacted the customer');
    await s.waitFor(async () => (await textOf('[data-testid="status"]')) === 'In recovery', 5000, 'in recovery');
    const ours = await s.$('#w-ours');
    await ours.type('We painted your landing in a cold grey instead of the warm stone you chose, and that is on us');
    await s.exec("document.getElementById('w-ours').closest('form').querySelector('button[type=submit]').click()");
    await s.waitFor(async () => (cli('incidents', 'show', String(incident)).our_understanding ?? '').includes('warm stone'), 5000, 'repeat-back saved');
    const inc = cli('incidents', 'show', String(incident));
    assert.ok(inc.what_happened.includes('cold grey'), 'their words are theirs');
    const inFive = new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10);
    await s.exec(`const e = document.getElementById('fix-date'); e.value = '${inFive}'; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await (await s.byText('form.fix button', 'Promise')).click();
    await s.waitFor(async () => cli('incidents', 'show', String(incident)).fix_promised_by === inFive, 5000, 'fix promised');
  });

  step('the make-up calculator asks for the customer\'s value before it suggests', async () => {
    const ask = await s.wait('#m-customer-value', 5000);
    assert.match(await ask.text(), /worth/);
    await s.exec("document.getElementById('m-customer-value').scrollIntoView({ block: 'center' })");
    await shot('21-first-week-makeup-asks');
    const page = await s.exec('return document.body.innerText');
    assert.ok(!page.includes('$0.00 off'), 'no $0.00 idea');
    await type('m-yearly', '1500');
    await type('m-years', '5');
    await (await s.$('#m-customer-value-save')).click();
    await s.waitFor(async () => (await s.$$('#m-customer-value')).length === 0, 5000, 'the question answered');
    const [c] = cli('customers', 'list', '--search', 'rowan reyes');
    assert.equal(c.yearly_spend, '1500.00');
    await type('m-value', '900');
    await (await s.$('#m-desc')).type('A full repaint in the right colour and the hallway free');
    await (await s.byText('button', 'Save make-up')).click();
    await s.waitFor(async () => cli('incidents', 'show', String(incident)).makeup_value === '900.00', 5000, 'make-up saved');
    await shot('21-first-week-makeup');
  });

  step('draft the apology, put it in my own words, and save it as a PDF', async () => {
    await (await s.byText('main header button', 'Write to them')).click();
    await (await s.wait('#l-kind-apology')).click();
    await (await s.$('#l-draft')).click();
    const body = await s.$('#l-body');
    await s.waitFor(async () => (await body.prop('value')).includes('Rowan'), 5000, 'the draft');
    const mine = 'I will repaint it myself on Thursday, and I will bring the warm stone card so we can check it together.';
    await body.type(`${Keys.enter}${Keys.enter}${mine}`);
    const pdf = join(tmp, 'apology.pdf');
    await type('l-pdf', pdf);
    await (await s.$('#l-save-pdf')).click();
    await s.byText('#l-pdf-status', 'Saved', 10000);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(mine), text);
  });

  step('fixed, and two changes so it cannot happen again', async () => {
    await (await s.$('#l-back')).click();
    await s.waitFor(async () => (await title()) === TITLE, 5000, 'incident page');
    await done('Fixed it');
    for (const change of ['Colour codes are read back to the customer before mixing', 'A test patch is signed off before the first coat']) {
      await type('change-text', change);
      await (await s.byText('button', 'Add change')).click();
      await s.byText('ul.changes li', change);
    }
    await s.waitFor(async () => (await textOf('[data-testid="status"]')) === 'Follow-up due', 5000, 'follow-up due after the fix');
  });

  step('print the "what we changed" letter: the return address is whole and "next week" is not copied', async () => {
    await (await s.byText('main header button', 'Write to them')).click();
    await (await s.wait('#l-kind-follow_up')).click();
    await (await s.$('#l-draft')).click();
    await s.waitFor(async () => (await (await s.$('#l-body')).prop('value')).includes('test patch'), 5000, 'the follow-up');
    const pdf = join(tmp, 'what-we-changed.pdf');
    await type('l-pdf', pdf);
    await (await s.$('#l-save-pdf')).click();
    await s.byText('#l-pdf-status', 'Saved', 10000);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Brush & Roller Decorators · 7 Kiln Lane · Burlington VT 05401/, text);
    assert.ok(!/next week/i.test(text), 'a week later, "next week" would be wrong');
    assert.ok(text.includes('A test patch is signed off before the first coat'));
    assert.ok(text.includes('(802) 555-0199'), 'the owner\'s own number');
  });

  step('back up, then restore from the backups Amends lists', async () => {
    cliText('backup');
    const listed = JSON.parse(cliText('backup', '--list', '--json'));
    assert.ok(listed.length >= 1, 'a backup to restore');
    // A change after the backup that the restore takes back.
    cliText('customers', 'add', '--name', 'Only After The Backup');
    await nav('Settings');
    await s.wait('#s-restore', 5000);
    await s.exec("document.getElementById('s-restore').scrollIntoView()");
    await shot('22-first-week-restore-list');
    await (await s.$('#s-restore-0')).click();
    await (await s.wait('#s-restore-yes')).click();
    await s.waitFor(async () => cli('customers', 'list', '--search', 'only after the backup').length === 0, 10000, 'restored');
    assert.equal(cli('customers', 'list', '--search', 'rowan reyes').length, 1, 'the week\'s records are back');
  });

  step('erase the right one of two customers with the same name', async () => {
    const other = cliText('customers', 'add', '--name', CUSTOMER, '--email', 'rowan.other@example.com', '--city', 'Montpelier');
    await openCustomer('rowan', 'Montpelier');
    await s.waitFor(async () => (await title()) === CUSTOMER, 5000, 'the other Rowan');
    await (await s.$('#c-erase')).click();
    const ask = await s.wait('#c-erase-ask');
    const words = await ask.text();
    assert.match(words, /rowan\.other@example\.com/);
    assert.match(words, /Montpelier/);
    await shot('23-first-week-erase');
    await (await s.$('#c-erase-yes')).click();
    await s.waitFor(async () => cli('customers', 'list', '--search', 'rowan reyes').length === 1, 5000, 'one Rowan left');
    const [left] = cli('customers', 'list', '--search', 'rowan reyes');
    assert.equal(left.email, 'rowan@example.com', 'the right one went');
    assert.notEqual(String(left.id), other);
    assert.equal(cli('incidents', 'list', '--customer', String(left.id)).length, 1);
  });
});
