// Browser benchmark (make bench): a town of real size in headless Chromium, as a town office uses it for a year.
// For each size (the demo town; 1,000 and 5,000 members added to it) it records a year of points — 24
// points.record_many commands, each for every member — then edits one member, closes the browser 1 s after the last
// edit, opens it again and counts what is there. Printed per size (figures of one run; compare them as ratios):
//   command ms (p50, p95, max)  main-thread time of one command (zjTest.apply, the journal entry written after it)
//   longest task ms             the longest main-thread task while recording (PerformanceObserver "longtask")
//   durable ms (p95)            from a command to its journal entry committed in IndexedDB (info().unsaved === 0)
//   reopen ms                   from navigation to the third frame, the stored town opened and its journal replayed
//   raw read ms                 reading the same snapshot and journal bytes from IndexedDB alone, no parsing
//   reopen / raw read           how much the app adds to the bare read
//   memory MB                   JS heap (performance.memory) + wasm memory: at work (after the year was recorded,
//                               with its undo steps) / after reopening; both taken before the benchmark asks the app
//                               for the whole dataset (zjTest.dataset() makes a copy of the town as text)
//   kept                        point entries after reopening / entries recorded (must be all of them)
// Usage: node bench/browser/bench.mjs [sizes…]   (default: 0 1000 5000 added members)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');
const DIST = process.env.ZJ_DIST || path.join(here, '..', '..', 'dist');
const URL_ = 'file://' + path.join(DIST, 'zhengjian.html') + '?test=1&today=2026-03-25';
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
              '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];
const sizes = process.argv.slice(2).map(Number);
if (!sizes.length) sizes.push(0, 1000, 5000);

const pct = (a, p) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function open(ctx) {
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(URL_);
  await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 300000, polling: 50 });
  return { page, ms: Date.now() - t0 };
}
const durable = (page) => page.waitForFunction(() => window.zjStorage.info().unsaved === 0, null, { timeout: 300000, polling: 10 });

async function run(added) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-'));
  const launch = () => chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ARGS, viewport: { width: 1366, height: 768 } });
  let ctx = await launch();
  let { page } = await open(ctx);
  await page.evaluate(() => {
    window.zjLongest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.zjLongest = Math.max(window.zjLongest, e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  // A real town's 40 branches (the demo's 8 and 32 more), then the members, added in one step (as a roster import
  // would), spread over the branches.
  const gb = JSON.parse(await page.evaluate(() => window.zjTest.dataset())).org.general_branches[0].id;
  if (added > 0) {
    await page.evaluate((gb) => {
      for (let i = 0; i < 32; i++) window.zjTest.apply({ name: 'branch.add', args: { name: '测试村' + i + '党支部', kind: 'village', general_branch_id: gb } });
    }, gb);
  }
  const ds0 = JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
  const branches = ds0.org.branches.map((b) => b.id);
  await page.evaluate(([n, branches]) => {
    for (let i = 0; i < n; i++) {
      const r = window.zjTest.apply({ name: 'member.add', args: { name: '测试' + i, branch_id: branches[i % branches.length] } });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
  }, [added, branches]);
  await durable(page);
  const ds = JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
  const members = ds.org.members.map((m) => m.id);
  const items = ds.points.catalogue.items.filter((i) => Number(i.points) > 0).map((i) => i.id);
  const before = ds.points.entries.length;
  await page.evaluate(() => { window.zjLongest = 0; });
  const cmd = [], dur = [];
  for (let k = 0; k < 24; k++) {
    const date = `2026-${String(1 + (k >> 1)).padStart(2, '0')}-${k % 2 ? '20' : '05'}`;
    const t = await page.evaluate(([ids, item, date]) => {
      const t0 = performance.now();
      const r = window.zjTest.apply({ name: 'points.record_many', args: { member_ids: ids, item_id: item, date } });
      const t1 = performance.now();
      if (!r.ok) throw new Error(JSON.stringify(r));
      return new Promise((res) => requestAnimationFrame(() => res({ apply: t1 - t0, start: t0 })));
    }, [members, items[k % items.length], date]);
    const t0 = Date.now();
    await durable(page);
    cmd.push(t.apply);
    dur.push(Date.now() - t0);
  }
  // One small edit at full size, then the browser is closed 1 s later.
  const small = await page.evaluate((id) => {
    const t0 = performance.now();
    window.zjTest.apply({ name: 'member.update', args: { id, phone: '13900000000' } });
    return performance.now() - t0;
  }, members[0]);
  const longest = await page.evaluate(() => window.zjLongest);
  const heapWork = await page.evaluate(() => ((performance.memory ? performance.memory.usedJSHeapSize : 0) + window.zjTest.wasmBytes()) / 1048576);
  const expected = before + 24 * members.length;
  await page.waitForTimeout(1000);
  await ctx.close();

  ctx = await launch();
  const reopened = await open(ctx);
  page = reopened.page;
  const heap = await page.evaluate(() => ((performance.memory ? performance.memory.usedJSHeapSize : 0) + window.zjTest.wasmBytes()) / 1048576);
  const after = JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
  const raw = await page.evaluate(() => new Promise((res, rej) => {
    const t0 = performance.now();
    const r = indexedDB.open('zhengjian');
    r.onsuccess = () => {
      const db = r.result;
      const tx = db.transaction(['meta', 'snapshots', 'journal'], 'readonly');
      let bytes = 0;
      tx.objectStore('meta').get('pointer').onsuccess = (e) => {
        const p = e.target.result;
        if (p) tx.objectStore('snapshots').get(p.seq).onsuccess = (e2) => { bytes += e2.target.result.bytes.length; };
      };
      tx.objectStore('journal').getAll().onsuccess = (e) => { for (const j of e.target.result) bytes += j.text.length; };
      tx.oncomplete = () => { db.close(); res({ ms: performance.now() - t0, bytes }); };
      tx.onerror = () => rej(tx.error);
    };
  }));
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    members: members.length, entries: expected, cmd, dur, small, longest, reopen: reopened.ms, raw: raw.ms,
    stored_mb: raw.bytes / 1048576, heap, heapWork, kept: after.points.entries.length,
    phone: after.org.members.find((m) => m.id === members[0]).phone,
  };
}

console.log('members  entries  cmd p50/p95/max ms  member.update ms  longest task ms  durable p95 ms  reopen ms  raw read ms  reopen/raw  stored MB  memory MB  kept');
let lost = false;
for (const n of sizes) {
  const r = await run(n);
  const line = [r.members, r.entries, `${fmt(pct(r.cmd, 0.5))}/${fmt(pct(r.cmd, 0.95))}/${fmt(Math.max(...r.cmd))}`, fmt(r.small),
                fmt(r.longest), fmt(pct(r.dur, 0.95)), r.reopen, fmt(r.raw), (r.reopen / Math.max(1, r.raw)).toFixed(1),
                r.stored_mb.toFixed(1), `${r.heapWork.toFixed(0)}/${r.heap.toFixed(0)}`, `${r.kept}/${r.entries}${r.phone === '13900000000' ? '' : ' (last edit lost)'}`];
  console.log(line.join('  '));
  if (r.kept !== r.entries || r.phone !== '13900000000') lost = true;
}
if (lost) { console.log('LOST: work recorded before the browser closed was not there after reopening'); process.exit(1); }
