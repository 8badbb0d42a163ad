// Runs every browser test (tests/browser/*.test.mjs) with Node's test runner, one file at a time, and prints a
// summary of the files. Screenshots go to tests/artifacts/. A file that runs past FILE_MINUTES is killed and
// counted as failed (a hung page must not hold up the whole run). `node run.mjs storage lock` runs those files only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_MINUTES = 20;
const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs') && (!only.length || only.some((o) => f.includes(o))))
  .sort().map((f) => path.join(here, f));
const dist = process.env.ZJ_DIST || path.join(here, '..', '..', 'dist');
if (!fs.existsSync(path.join(dist, 'zhengjian.html'))) {
  console.error(dist + '/zhengjian.html is missing: run `make dist` first');
  process.exit(1);
}
const failed = [];
for (const f of files) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', f],
                      { stdio: 'inherit', timeout: FILE_MINUTES * 60000, killSignal: 'SIGKILL' });
  const s = ((Date.now() - t0) / 1000).toFixed(0);
  const name = path.basename(f);
  if (r.error && r.error.code === 'ETIMEDOUT') { failed.push(name); console.log(`# ${name}: killed after ${FILE_MINUTES} minutes`); }
  else if (r.status !== 0) { failed.push(name); console.log(`# ${name}: FAILED (${s} s)`); }
  else console.log(`# ${name}: passed (${s} s)`);
}
console.log(`# browser test files: ${files.length - failed.length} passed, ${failed.length} failed${failed.length ? ': ' + failed.join(', ') : ''}`);
process.exit(failed.length ? 1 : 0);
