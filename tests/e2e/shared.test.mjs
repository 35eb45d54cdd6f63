// Two people, one shared database: run.sh starts two copies of the app at once,
// Sam's computer (E2E_PORT) and Priya's computer (E2E_PORT_B), each with its own
// settings folder, both on one PostgreSQL database the CLI filled with sample
// data (E2E_DB). Each names themselves in Settings; they edit the same incident;
// the save made from an older copy is refused with who changed what, and the
// page shows their version with the typing kept; each window shows the other's
// change without a click (the 3-second poll); the CLI reads the result back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keys, Session } from './webdriver.mjs';
import { axeViolations } from './a11y.mjs';

const { E2E_PORT, E2E_PORT_B, E2E_APP, E2E_CLI, E2E_DB, E2E_ARTIFACTS, E2E_CONFIG, E2E_CONFIG_B, E2E_SHARED_SECRET } =
  process.env;

/** How long one computer may take to show the other's change: the page asks every 3 s, and WebKit under Xvfb is slow. */
const SEEN_WITHIN = 12000;

/** The `amends` CLI over the shared database, parsed from --json. */
function cli(...args) {
  return JSON.parse(execFileSync(E2E_CLI, ['--db', E2E_DB, ...args, '--json'], { encoding: 'utf8' }));
}

let sam;
let priya;
before(async () => {
  sam = await Session.start(Number(E2E_PORT), E2E_APP);
  priya = await Session.start(Number(E2E_PORT_B), E2E_APP);
});
after(async () => {
  await priya?.quit();
  await sam?.quit();
});

async function shot(s, name) {
  await s.screenshot(join(E2E_ARTIFACTS, `${name}.png`));
}

async function nav(s, label) {
  await (await s.byText('nav button', label)).click();
}

async function textOf(s, css, timeout) {
  return (await s.wait(css, timeout)).text();
}

/** No axe-core violations on the screen as it is now. */
async function a11y(s, screen) {
  const v = await axeViolations(s);
  assert.equal(v, '', `axe-core on ${screen}:\n${v}`);
}

/** A test that saves a screenshot of both windows when it fails. */
function step(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (e) {
      const tag = name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-');
      await shot(sam, `fail-shared-${tag}-sam`).catch(() => {});
      await shot(priya, `fail-shared-${tag}-priya`).catch(() => {});
      throw e;
    }
  });
}

describe('two people on one shared database', () => {
  step('each computer is named for its person and works on the shared database', async () => {
    for (const [s, name, config] of [[sam, 'Sam', E2E_CONFIG], [priya, 'Priya', E2E_CONFIG_B]]) {
      await s.wait('section[data-kind]', 20000);
      // Nameless on a shared database: every screen but Settings says so, with a way there.
      const banner = await s.wait('#name-banner', 10000);
      assert.match(await banner.text(), /no name for you yet/);
      if (name === 'Sam') await shot(s, '19-shared-nameless');
      await (await s.byText('#name-banner button', 'Add your name')).click();
      const field = await s.wait('#s-person', 10000);
      await s.waitFor(async () => (await s.exec('return document.activeElement?.id')) === 's-person', 5000, 'the name field focused');
      assert.equal(await field.prop('value'), '', `${name}'s computer has no name yet`);
      await field.type(name);
      // The name is saved when the field is left. (The toast's words stay after it fades.)
      await s.press(Keys.tab);
      await s.waitFor(
        async () => (await s.exec("return document.getElementById('toast').textContent")).includes(`kept as ${name}`),
        5000,
        `"kept as ${name}" said`,
      );
      const saved = JSON.parse(readFileSync(join(config, 'dev.amends.desktop', 'this-computer.json'), 'utf8'));
      assert.equal(saved.person, name, 'kept in this computer\'s own settings');
      await nav(s, 'Today');
      await s.wait('section[data-kind]', 10000);
      await s.waitFor(async () => (await s.$$('#name-banner')).length === 0, 5000, 'named: no banner');
      await nav(s, 'Settings');
      await s.wait('#s-shared-where', 10000);

      const where = await textOf(s, '#s-shared-where');
      assert.match(where, /^Shared database:/);
      const address = await textOf(s, '#s-shared-where code');
      assert.match(address, /^postgres:\/\/amends@.*\/e2e_shared\b/, 'the address, with its user and database');
      assert.equal(await textOf(s, '[data-testid="db-path"]'), address, 'Your records says the same');
      const page = await s.exec('return document.documentElement.outerHTML');
      assert.ok(!page.includes(E2E_SHARED_SECRET), 'the password in the address is never shown');
    }
    await sam.exec("document.getElementById('s-shared').scrollIntoView()");
    await shot(sam, '19-shared-settings');
    await a11y(sam, 'Settings on a shared database');
  });

  let incident;
  step('both open the same incident', async () => {
    const open = cli('incidents', 'list', '--status', 'open');
    assert.ok(open.length > 0, 'the sample leaves incidents open');
    incident = cli('incidents', 'show', String(open[0].id));
    for (const s of [sam, priya]) {
      await nav(s, 'Incidents');
      await (await s.wait('#f-search', 10000)).type(incident.customer_name);
      await (await s.wait(`#f-row-${incident.id}`, 10000)).click();
      await s.waitFor(async () => (await textOf(s, 'main h1')) === incident.title, 10000, 'the incident page');
    }
  });

  const samTitle = 'Left at the wrong door by the courier';
  let severity;
  step('Sam saves a new title while Priya is typing: her page says so and keeps her typing', async () => {
    assert.notEqual(incident.title, samTitle);
    // Priya opens the details and picks another severity, not saved yet. Typed, her copy
    // stays the one she opened: left untouched, the next poll would have shown Sam's version.
    await (await priya.$('#i-edit')).click();
    await priya.wait('#i-edit-form', 5000);
    severity = String(incident.severity === 5 ? 4 : 5);
    await (await priya.$(`#i-edit-severity option[value="${severity}"]`)).click();
    await priya.waitFor(async () => (await (await priya.$('#i-edit-severity')).prop('value')) === severity, 3000, 'her severity picked');

    await (await sam.$('#i-edit')).click();
    const title = await sam.wait('#i-edit-title', 5000);
    await title.clear();
    await title.type(samTitle);
    await (await sam.$('#i-edit-save')).click();
    await sam.byText('#i-edit-result', 'Saved.', 10000);
    assert.equal(await textOf(sam, 'main h1'), samTitle);
    assert.match(await textOf(sam, '#i-updated-by'), /^Last changed by Sam\b/);

    const note = await priya.byText('#i-others-changed', 'Sam changed this incident while you were typing', SEEN_WITHIN);
    assert.match(await note.text(), /Save or cancel what you typed to see their change/);
    assert.equal(await textOf(priya, 'main h1'), incident.title, 'not shown over her typing');
  });

  step('Priya\'s save is refused with who changed what; she sees his title, keeps her severity, and saves again', async () => {
    await (await priya.$('#i-edit-save')).click();
    const refusal = await priya.byText('#i-edit-form [role="alert"]', 'Sam changed this incident', 10000);
    assert.match(
      await refusal.text(),
      /^Sam changed this incident at .+? since you opened it: title\. Your edit was not saved, so nothing of theirs was lost\. Their changes are shown now, with what you typed kept: check them, then save again\.$/,
    );
    // The page shows his version, and the form what she typed.
    assert.equal(await textOf(priya, 'main h1'), samTitle);
    assert.equal(await (await priya.$('#i-edit-title')).prop('value'), samTitle, 'his title in her form');
    assert.equal(await (await priya.$('#i-edit-severity')).prop('value'), severity, 'her severity kept');
    assert.equal((await priya.$$('#i-others-changed')).length, 0, 'the note gives way to the refusal');
    assert.equal((await priya.$$('#i-edit-clashes')).length, 0, 'they changed different details: no clash to name');
    assert.equal(cli('incidents', 'show', String(incident.id)).severity, incident.severity, 'the refused save stored nothing');
    await shot(priya, '20-shared-conflict');
    await a11y(priya, 'an incident page with a save refused');

    await (await priya.$('#i-edit-save')).click();
    await priya.byText('#i-edit-result', 'Saved.', 10000);
    assert.equal((await priya.$$('#i-edit-form')).length, 0, 'the form closes once saved');
    assert.match(await textOf(priya, '#i-updated-by'), /^Last changed by Priya\b/);
  });

  step('Sam\'s page shows Priya\'s change without a click', async () => {
    await sam.waitFor(
      async () => /^Last changed by Priya\b/.test(await textOf(sam, '#i-updated-by')),
      SEEN_WITHIN,
      'Priya\'s change on Sam\'s page',
    );
    assert.match(await textOf(sam, 'header .meta'), new RegExp(`severity ${severity}\\b`));
    assert.equal(await textOf(sam, 'main h1'), samTitle);
  });

  step('the command line reads his title and her severity from the shared database', () => {
    const stored = cli('incidents', 'show', String(incident.id));
    assert.equal(stored.title, samTitle);
    assert.equal(stored.severity, Number(severity));
    if ('updated_by' in stored) assert.equal(stored.updated_by, 'Priya');
  });

  step('a note Priya adds shows on Sam\'s timeline with her name', async () => {
    const text = 'Rang back: the replacement goes out on Thursday';
    await (await priya.$('#t-kind option[value="note"]')).click();
    await (await priya.$('#t-text')).type(text);
    await (await priya.$('form.add-entry button[type="submit"]')).click();
    const hers = await priya.byText('.timeline li', text, 10000);
    assert.match(await hers.text(), /· Priya\b/);

    const seen = await sam.byText('.timeline li', text, SEEN_WITHIN);
    assert.match(await seen.text(), /· Priya\b/, 'who wrote it, on the other computer');

    const entry = cli('incidents', 'show', String(incident.id)).timeline.find((t) => t.text === text);
    assert.ok(entry, 'the note is stored');
    assert.equal(entry.kind, 'note');
    if ('person' in entry) assert.equal(entry.person, 'Priya');
  });

  step('both type what the customer asked for: her refusal names that field with his words', async () => {
    const his = 'A new delivery on Thursday';
    const hers = 'A refund of the delivery charge';
    await priya.waitFor(async () => (await textOf(priya, 'main h1')) === samTitle, 10000, 'the incident page');
    const mine = await priya.$('#w-remedy');
    await mine.clear();
    await mine.type(hers);
    const field = await sam.$('#w-remedy');
    await field.clear();
    await field.type(his);
    await (await sam.$('section[aria-labelledby="words-title"] button[type="submit"]')).click();
    await sam.waitFor(async () => cli('incidents', 'show', String(incident.id)).remedy_requested === his, 10000, 'his words saved');
    await (await priya.$('section[aria-labelledby="words-title"] button[type="submit"]')).click();
    const refusal = await priya.byText('section[aria-labelledby="words-title"] [role="alert"]', 'Sam changed this incident', 10000);
    assert.ok((await refusal.text()).includes(`Sam also changed what you typed in What they asked for (theirs: “${his}”)`), await refusal.text());
    assert.equal(await (await priya.$('#w-remedy')).prop('value'), hers, 'her words kept');
    // She keeps hers, and saves.
    await (await priya.$('section[aria-labelledby="words-title"] button[type="submit"]')).click();
    await priya.waitFor(async () => cli('incidents', 'show', String(incident.id)).remedy_requested === hers, 10000, 'her words saved');
  });

  step('both edit the customer: her save from the older form is refused, showing his changes beside hers and naming the field both changed', async () => {
    const name = incident.customer_name;
    for (const s of [sam, priya]) {
      await (await s.byText('main button.quiet', name, 5000)).click();
      await s.waitFor(async () => (await textOf(s, 'main h1')) === name, 10000, 'the customer page');
      await (await s.byText('main button', 'Edit', 5000)).click();
      await s.wait('#c-phone', 10000);
    }
    const phone = '+44 29 2018 0042';
    const city = 'Swansea';
    const herPhone = '+44 29 2018 0099';
    const email = 'shared-e2e@example.com';
    for (const [css, value] of [['#c-phone', phone], ['#c-city', city]]) {
      const field = await sam.$(css);
      await field.clear();
      await field.type(value);
    }
    await (await sam.$('main form button[type="submit"]')).click();
    await sam.waitFor(async () => (await textOf(sam, 'main h1')) === name, 10000, 'Sam\'s save');

    for (const [css, value] of [['#c-email', email], ['#c-phone', herPhone]]) {
      const field = await priya.$(css);
      await field.clear();
      await field.type(value);
    }
    await (await priya.$('main form button[type="submit"]')).click();
    const refusal = await priya.byText('main form .form-error', 'Sam changed this customer', 10000);
    assert.match(await refusal.text(), /Your edit was not saved/);
    await priya.waitFor(async () => (await (await priya.$('#c-city')).prop('value')) === city, 5000, 'his town shown');
    assert.equal(await (await priya.$('#c-email')).prop('value'), email, 'her email kept');
    assert.equal(await (await priya.$('#c-phone')).prop('value'), herPhone, 'her phone kept, where both changed it');
    const clash = await (await priya.wait('#c-clashes', 5000)).text();
    assert.match(clash, /^Sam changed a field you changed too/);
    assert.ok(clash.includes(`Phone: theirs was “${phone}”`), clash);
    assert.doesNotMatch(clash, /Town|Email/, 'only the field both changed');
    await shot(priya, '23-shared-customer-conflict');
    await a11y(priya, 'a customer form with a save refused');

    // She takes his number after all, and saves: his town, his phone, her email.
    const field = await priya.$('#c-phone');
    await field.clear();
    await field.type(phone);
    await (await priya.$('main form button[type="submit"]')).click();
    await priya.waitFor(async () => (await textOf(priya, 'main h1')) === name, 10000, 'her save, from the newer version');
    const stored = cli('customers', 'show', String(incident.customer_id));
    assert.equal(stored.phone, phone);
    assert.equal(stored.address.city, city);
    assert.equal(stored.email, email);
    assert.equal(stored.updated_by, 'Priya');
  });

  step('erasing a customer says the server\'s own backups still hold them, and offers no Amends backups', async () => {
    const name = 'Erin Erasable';
    const id = execFileSync(E2E_CLI, ['--db', E2E_DB, 'customers', 'add', '--name', name, '--city', 'Leeds'], {
      encoding: 'utf8',
    }).trim();
    await nav(sam, 'Customers');
    const search = await sam.wait('#customer-search', 5000);
    await search.clear();
    await search.type('erasable');
    await sam.waitFor(
      async () =>
        sam.exec(`const b = [...document.querySelectorAll('#customer-results button')].find((b) => b.textContent.includes('Leeds'));
          if (b) b.click(); return Boolean(b);`),
      10000,
      'the customer row',
    );
    await sam.waitFor(async () => (await textOf(sam, 'main h1')) === name, 10000, 'the customer page');
    await (await sam.$('#c-erase')).click();
    const note = await sam.wait('#c-erase-server', 5000);
    assert.match(await note.text(), /its server backs up \(pg_dump\), not Amends/);
    assert.equal((await sam.$$('#c-erase-backups')).length, 0, 'no Amends backups to erase from');
    assert.doesNotMatch(await textOf(sam, '#c-erase-ask'), /A backup is taken first/);
    await shot(sam, '24-shared-erase');
    await a11y(sam, 'erasing on a shared database');
    await (await sam.$('#c-erase-yes')).click();
    await sam.waitFor(
      async () => (await sam.exec("return document.getElementById('toast')?.textContent ?? ''")).includes('server’s backups'),
      10000,
      'the toast about the server\'s backups',
    );
    assert.equal(cli('customers', 'list', '--search', 'erasable').length, 0, 'erased from the shared database');
    assert.throws(() => cli('customers', 'show', id), /not found|No customer/i, 'their record is gone');
  });
});
