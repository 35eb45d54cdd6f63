// A small W3C WebDriver client over fetch (Node 20+), enough to drive the
// Amends window through tauri-driver: no npm packages, no BiDi.
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const Keys = { ctrl: '\uE009', enter: '\uE007', tab: '\uE004', escape: '\uE00C', down: '\uE015' };

/** Ten repaints, 100 ms apart, starting after this script returns. */
const NUDGE_PAINTS = `
  let n = 0;
  const id = setInterval(() => {
    document.documentElement.style.opacity = n % 2 ? '' : '0.999';
    if (++n >= 10) { clearInterval(id); document.documentElement.style.opacity = ''; }
  }, 100);
`;

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** Start the app: tauri-driver launches the binary and hands us its webview. */
  static async start(port, application) {
    const base = `http://127.0.0.1:${port}`;
    const body = { capabilities: { alwaysMatch: { 'tauri:options': { application } }, firstMatch: [{}] } };
    const res = await call(base, 'POST', '/session', body);
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd('DELETE', '').catch(() => {});
  }

  /** Run a function body in the page; `arguments` holds args. */
  exec(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async $(css) {
    return new Element(this, (await this.cmd('POST', '/element', { using: 'css selector', value: css }))[ELEMENT], css);
  }

  async $$(css) {
    const all = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return all.map((e) => new Element(this, e[ELEMENT], css));
  }

  /** The first element matching `css` whose text contains `text` (waits for it). */
  async byText(css, text, timeout = 5000) {
    let found = null;
    await this.waitFor(
      async () => {
        for (const el of await this.$$(css)) {
          if ((await el.text()).includes(text)) {
            found = el;
            return true;
          }
        }
        return false;
      },
      timeout,
      `${css} containing "${text}"`,
    );
    return found;
  }

  /** Wait for `css` to exist and return it. */
  async wait(css, timeout = 5000) {
    await this.waitFor(async () => (await this.$$(css)).length > 0, timeout, css);
    return this.$(css);
  }

  async waitFor(cond, timeout = 5000, what = 'condition') {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        if (await cond()) return;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
  }

  /** Press a key chord on whatever has focus, e.g. press(Keys.ctrl, 'n'). */
  async press(...keys) {
    const actions = [
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...keys.reverse().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /**
   * Save a PNG of the window. WebKit can show the previous frame right after a change, so settle
   * first. With WebKit's GL compositing off (as Amends runs it), a screenshot waits for the page's
   * next paint, and a page where nothing moves never paints: so the page repaints itself a few
   * times (an opacity change too small to see) while the request waits.
   */
  async screenshot(path) {
    await sleep(350);
    await this.exec(NUDGE_PAINTS);
    const b64 = await this.cmd('GET', '/screenshot');
    await writeFile(path, Buffer.from(b64, 'base64'));
  }

  async title() {
    return this.cmd('GET', '/title');
  }
}

export class Element {
  constructor(session, id, css) {
    this.s = session;
    this.id = id;
    this.css = css;
  }
  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  type(text) {
    return this.cmd('POST', '/value', { text });
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  text() {
    return this.cmd('GET', '/text');
  }
  prop(name) {
    return this.cmd('GET', `/property/${name}`);
  }
  attr(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
  async $(css) {
    const e = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this.s, e[ELEMENT], css);
  }
  async $$(css) {
    const all = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return all.map((e) => new Element(this.s, e[ELEMENT], css));
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value ?? {};
    throw new Error(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ''}`.trim());
  }
  return json.value;
}
