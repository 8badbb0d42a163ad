// Runs every browser test (tests/browser/*.test.mjs) with Node's test runner; the runner prints the
// summary (# pass / # fail). Screenshots go to tests/artifacts/. A test that runs past 4 minutes fails (a hung
// page must not hold up the whole run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(here, f));
const dist = process.env.ZJ_DIST || path.join(here, '..', '..', 'dist');
if (!fs.existsSync(path.join(dist, 'zhengjian.html'))) {
  console.error(dist + '/zhengjian.html is missing: run `make dist` first');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=240000', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
