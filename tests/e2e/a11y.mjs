// Accessibility checks inside the real window: axe-core (the npm package,
// pinned in ui/package.json) is injected through WebDriver and run on the
// screen as it is. Every violation fails the test, whatever its impact.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const AXE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../ui/node_modules/axe-core/axe.min.js'), 'utf8');

/** The violations axe-core finds on the current screen, one line each ("" when none). */
export async function axeViolations(s) {
  const present = await s.exec('return typeof window.axe !== "undefined"');
  if (!present) await s.exec(`${AXE}; return true;`);
  const found = await s.exec(`return axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`);
  return found.join('\n');
}
