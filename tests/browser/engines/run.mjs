// The cross-engine browser run (issue 14): every scenario of scenarios.mjs in WebKitGTK and in Firefox ESR, one
// at a time, results printed per engine. Run under xvfb-run (Makefile: make test-engines); `node engines/run.mjs
// webkit` runs one engine, a second argument filters scenarios by name. Exit status 1 when any scenario failed.
import fs from 'node:fs';
import path from 'node:path';
import { Skip, loadEngines } from './drivers.mjs';
import { scenarios } from './scenarios.mjs';
import { DIST, fileUrl, serveWeb } from '../lib.mjs';  // the built files and static server the Chromium tests use

const SCENARIO_SECONDS = 120;
if (!fs.existsSync(path.join(DIST, 'zhengjian.html'))) {
  console.error(DIST + '/zhengjian.html is missing: run `make dist` first');
  process.exit(1);
}

const env = { fileUrl, serve: serveWeb };

const engines = await loadEngines();
const [onlyEngine, onlyScenario] = process.argv.slice(2);
const summary = [];
let failures = 0;
const t00 = Date.now();
for (const [name, E] of Object.entries(engines)) {
  if (onlyEngine && onlyEngine !== 'all' && onlyEngine !== name) continue;
  const res = { passed: 0, failed: [], skipped: [] };
  env.shared = {};
  for (const sc of scenarios) {
    if (onlyScenario && !sc.name.includes(onlyScenario)) continue;
    const t0 = Date.now();
    let timer;
    try {
      const note = await Promise.race([sc.run(E, env), new Promise((_, rej) => {
        timer = setTimeout(() => rej(new Error(`timed out after ${SCENARIO_SECONDS} s`)), SCENARIO_SECONDS * 1000);
      })]);
      res.passed++;
      console.log(`ok   ${name}: ${sc.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? ' — ' + note : ''}`);
    } catch (e) {
      if (e instanceof Skip) {
        res.skipped.push(`${sc.name}: ${e.message}`);
        console.log(`skip ${name}: ${sc.name} — ${e.message}`);
      } else {
        res.failed.push(sc.name);
        failures++;
        console.log(`FAIL ${name}: ${sc.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n     ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
      }
    } finally { clearTimeout(timer); }
  }
  for (const b of [env.shared.main, env.shared.hosted]) if (b) await b.close();
  if (env.shared.srv) await env.shared.srv.stop();
  summary.push(`# ${name}: ${res.passed} passed, ${res.failed.length} failed, ${res.skipped.length} skipped` +
    (res.failed.length ? `\n#   failed: ${res.failed.join('; ')}` : '') +
    res.skipped.map((s) => `\n#   skipped: ${s}`).join(''));
}
console.log(summary.join('\n'));
console.log(`# engines run: ${((Date.now() - t00) / 1000).toFixed(0)} s`);
process.exit(failures ? 1 : 0);
