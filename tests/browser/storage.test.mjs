// Keeping data in the browser (docs/architecture.md "Storage": a snapshot, a journal entry per change, a pointer).
// The dataset survives reload and browser restart; an edit made just before the browser is closed or the page is
// killed is kept; a first save cut short, or a lost pointer, opens the newest complete snapshot (never the demo);
// a corrupted journal entry or snapshot is kept aside and reported; localStorage alone keeps every edit; with no
// storage at all the app says so at the top and never claims to have saved; two tabs do not lose each other's
// edits; a backup restores everything; liaison bundles merge; 30 full-size photos attach with storage accounted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, click as clickLabel, fileUrl, find, goTo, hasLabel, items, settle, launch, launchPersistent, openApp, scrollToLabel, waitLabel } from './lib.mjs';

const URL_ = fileUrl('test=1&today=2026-03-25');
const VIEW = { width: 1280, height: 1400 };

function profileDir(name) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h7-' + name + '-'));
  return d;
}
async function persistent(dir, viewport = VIEW) {
  return launchPersistent(dir, { viewport });
}
async function open(ctx) {
  const page = await ctx.newPage();
  page.zjErrors = [];
  page.on('pageerror', (e) => page.zjErrors.push(e.message));
  await page.goto(URL_);
  await page.waitForFunction(() => (window.zjTest && window.zjTest.frames() > 2) || window.zjFatalMessage, null, { timeout: 30000 });
  return page;
}
const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
const info = (page) => page.evaluate(() => window.zjStorage.info());
async function rename(page, index, name) {
  const ds = await dataset(page);
  const id = ds.org.members[index].id;
  const r = await page.evaluate(([id, name]) => window.zjTest.apply({ name: 'member.update', args: { id, name } }), [id, name]);
  return r;
}
/** Waits until this page has stored at least `n` times and everything it changed is on disk: no journal entry
 *  pending, no snapshot being written. */
async function saved(page, n = 1) {
  await page.waitForFunction((n) => {
    const i = window.zjStorage.info();
    return i.saves >= n && i.unsaved === 0 && !i.snapshotting;
  }, n, { timeout: 15000 });
}
/** Runs `fn(db)` on the app's IndexedDB database inside the page (behind the app's back). */
const withDb = (page, fn) => page.evaluate((src) => new Promise((res, rej) => {
  const r = indexedDB.open('zhengjian');
  r.onsuccess = () => {
    const db = r.result;
    Promise.resolve((0, eval)(src)(db)).then((v) => { db.close(); res(v); }, (e) => { db.close(); rej(e); });
  };
  r.onerror = () => rej(r.error);
}), fn.toString());
/** Kills the page's renderer (as a crash or a phone killing the browser would) and opens the app again. */
async function crashAndReopen(ctx, page) {
  await page.goto('chrome://crash').catch(() => {});
  await page.close().catch(() => {});
  return open(ctx);
}
const reopen = async (page) => {
  await page.reload();
  await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
};
async function chooseFile(page, buttonLabel, files) {
  const [fc] = await Promise.all([page.waitForEvent('filechooser'), clickLabel(page, buttonLabel)]);
  await fc.setFiles(files);
  await settle(page, 5);
}
function writeTmp(name, text) {
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h7-file-')), name);
  fs.writeFileSync(p, text);
  return p;
}

test('a new profile starts with the demo town and saves nothing until a change', async () => {
  const browser = await launch();
  const page = await openApp(browser, URL_, VIEW);
  const ds = await dataset(page);
  assert.equal(ds.demo, true);
  await page.waitForTimeout(800);
  const i = await info(page);
  assert.equal(i.backend, 'indexeddb');
  assert.equal(i.saves, 0);
  assert.equal(i.pointer, null);
  assert.equal(i.writer, true);
  await browser.close();
});

test('data survives reload and browser restart (same profile)', async () => {
  const dir = profileDir('restart');
  let ctx = await persistent(dir);
  let page = await open(ctx);
  assert.equal((await rename(page, 0, '周保存')).ok, true);
  const t0 = Date.now();
  await saved(page);
  assert.ok(Date.now() - t0 < 4000, 'on disk soon after the change');
  await page.reload();
  await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2);
  assert.equal((await dataset(page)).org.members[0].name, '周保存');
  await ctx.close();
  ctx = await persistent(dir);
  page = await open(ctx);
  assert.equal((await dataset(page)).org.members[0].name, '周保存');
  const i = await info(page);
  assert.ok(i.snapshots.length >= 1);
  assert.equal(i.snapshots[0].sha256.length, 64);
  assert.equal(i.load.state, 'ok');
  assert.deepEqual(page.zjErrors, []);
  await ctx.close();
});

test('an edit made just before the browser closes, or the page is killed, is kept', async () => {
  const dir = profileDir('close');
  let ctx = await persistent(dir);
  let page = await open(ctx);
  await rename(page, 0, '第一版');
  await saved(page);
  // The browser closed 100 ms after an edit (the fault reported: lost without a word under 0.7 s).
  await rename(page, 1, '关闭前一刻');
  await page.waitForTimeout(100);
  await ctx.close();
  ctx = await persistent(dir);
  page = await open(ctx);
  let ds = await dataset(page);
  assert.equal(ds.org.members[0].name, '第一版');
  assert.equal(ds.org.members[1].name, '关闭前一刻');
  // The renderer killed 250 ms after an edit.
  await rename(page, 2, '崩溃前一刻');
  await page.waitForTimeout(250);
  page = await crashAndReopen(ctx, page);
  ds = await dataset(page);
  assert.equal(ds.org.members[2].name, '崩溃前一刻');
  assert.equal(await hasLabel(page, /本机保存的数据有问题/), false);
  assert.deepEqual(page.zjErrors, []);
  await ctx.close();
});

test('the first save cut short before its pointer: the snapshot opens, not the demo, and nothing is pruned', async () => {
  const dir = profileDir('first');
  const ctx = await persistent(dir);
  let page = await open(ctx);
  // The first save stops after writing its snapshot, before the pointer; then the renderer dies.
  await page.evaluate(() => {
    window.zjStorage.hooks.afterWrite = () => { window.zjPausedInSave = true; return new Promise(() => {}); };
  });
  await rename(page, 0, '首次保存');
  await page.waitForFunction(() => window.zjPausedInSave === true, null, { timeout: 10000 });
  page = await crashAndReopen(ctx, page);
  assert.equal((await dataset(page)).org.members[0].name, '首次保存');
  await waitLabel(page, /^上次保存没有完成/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-nopointer-banner.png') });
  let i = await info(page);
  assert.equal(i.load.state, 'nopointer');
  // It is written again with a pointer soon; later work saves on top of it, and the next start is clean.
  await rename(page, 1, '其后修改');
  await page.waitForFunction(() => window.zjStorage.info().pointer !== null, null, { timeout: 15000 });
  await saved(page);
  await reopen(page);
  const ds = await dataset(page);
  assert.equal(ds.org.members[0].name, '首次保存');
  assert.equal(ds.org.members[1].name, '其后修改');
  assert.equal(await hasLabel(page, /^上次保存没有完成/), false);
  i = await info(page);
  assert.equal(i.load.state, 'ok');
  await ctx.close();
});

test('a lost pointer: the newest snapshot that verifies opens, with a word', async () => {
  const dir = profileDir('pointer');
  const ctx = await persistent(dir);
  const page = await open(ctx);
  await rename(page, 0, '指针丢失前');
  await saved(page);
  await rename(page, 1, '日志中的修改');
  await saved(page, 2);
  await withDb(page, (db) => new Promise((res, rej) => {
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').delete('pointer');
    tx.oncomplete = res; tx.onerror = () => rej(tx.error);
  }));
  await reopen(page);
  const ds = await dataset(page);
  assert.equal(ds.demo, true, 'the demo town, edited');
  assert.equal(ds.org.members[0].name, '指针丢失前');
  assert.equal(ds.org.members[1].name, '日志中的修改', 'the journal on top of that snapshot is replayed');
  await waitLabel(page, /^上次保存没有完成/);
  await ctx.close();
});

test('a corrupted journal entry is kept aside and reported; the rest opens', async () => {
  const dir = profileDir('journal');
  const ctx = await persistent(dir);
  const page = await open(ctx);
  await rename(page, 0, '快照中');
  await saved(page);
  await rename(page, 1, '将被损坏的修改');
  await saved(page, 2);
  const n = await withDb(page, (db) => new Promise((res, rej) => {
    const tx = db.transaction('journal', 'readwrite');
    const store = tx.objectStore('journal');
    let count = 0;
    store.getAll().onsuccess = (e) => {
      for (const rec of e.target.result) { rec.text = rec.text.replace('将被损坏的修改', '被篡改'); store.put(rec); count++; }
    };
    tx.oncomplete = () => res(count); tx.onerror = () => rej(tx.error);
  }));
  assert.ok(n >= 1, 'a journal entry to damage');
  await reopen(page);
  const ds = await dataset(page);
  assert.equal(ds.org.members[0].name, '快照中');
  assert.notEqual(ds.org.members[1].name, '被篡改', 'a damaged entry is never applied');
  await waitLabel(page, /条修改记录校验不符,已另存/);
  const i = await info(page);
  assert.ok(i.aside >= 1, 'kept aside');
  await ctx.close();
});

test('a corrupted snapshot is detected, kept aside, nothing saved over it, and the previous snapshot recovered', async () => {
  const dir = profileDir('corrupt');
  const ctx = await persistent(dir);
  const page = await open(ctx);
  await rename(page, 0, '好的一版');
  await saved(page);
  // A second snapshot (as after 300 journal entries).
  await page.evaluate(() => window.zjTest.snapshotNow());
  await page.waitForFunction(() => window.zjStorage.info().snapshots.length >= 2, null, { timeout: 30000 });
  await rename(page, 0, '将被损坏');
  await page.evaluate(() => window.zjTest.snapshotNow());
  await page.waitForFunction(() => window.zjStorage.info().snapshots.length >= 3, null, { timeout: 30000 });
  await saved(page, 2);
  const seqs = (await info(page)).snapshots.map((x) => x.seq);
  // Damage the current snapshot behind the app's back (a bad disk sector, a broken extension …).
  await withDb(page, (db) => new Promise((res, rej) => {
    const tx = db.transaction(['meta', 'snapshots'], 'readwrite');
    tx.objectStore('meta').get('pointer').onsuccess = (e) => {
      tx.objectStore('snapshots').get(e.target.result.seq).onsuccess = (e2) => {
        const rec = e2.target.result;
        rec.bytes = rec.bytes.slice(0, rec.bytes.length >> 1);
        tx.objectStore('snapshots').put(rec);
      };
    };
    tx.oncomplete = res; tx.onerror = () => rej(tx.error);
  }));
  await reopen(page);
  await waitLabel(page, /本机保存的数据有问题/);
  await waitLabel(page, /校验和不符/);
  await page.waitForFunction(() => window.zjStorage.info().aside >= 1, null, { timeout: 5000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-corrupt-banner.png') });
  await page.waitForTimeout(700);
  assert.equal((await info(page)).saves, 0, 'nothing saved over it while the problem stands');
  assert.deepEqual((await info(page)).snapshots.map((x) => x.seq), seqs, 'no snapshot pruned');
  await goTo(page, '数据');
  const older = Math.min(...seqs);
  await waitLabel(page, `恢复此版本 #${older}`, 15000);
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-recovery-1280.png') });
  await clickLabel(page, `恢复此版本 #${older}`);
  await settle(page, 3);
  assert.equal((await dataset(page)).org.members[0].name, '好的一版');
  await saved(page);
  await reopen(page);
  assert.equal((await dataset(page)).org.members[0].name, '好的一版');
  assert.equal(await hasLabel(page, /本机保存的数据有问题/), false);
  await ctx.close();
});

test('localStorage alone (no IndexedDB): every edit kept, old copies pruned first, no false quota message', async () => {
  const dir = profileDir('ls');
  const ctx = await persistent(dir);
  await ctx.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }); });
  let page = await open(ctx);
  assert.equal((await info(page)).backend, 'localstorage');
  for (let k = 0; k < 6; k++) {
    assert.equal((await rename(page, k, '本地存储' + k)).ok, true);
    await saved(page, k + 1);
  }
  const i = await info(page);
  assert.equal(i.lastError, '', 'no error: ' + i.lastError);
  await reopen(page);
  const ds = await dataset(page);
  for (let k = 0; k < 6; k++) assert.equal(ds.org.members[k].name, '本地存储' + k);
  assert.equal(await hasLabel(page, /存储空间已满|删除.*照片/), false);
  await ctx.close();
});

for (const view of [{ width: 1366, height: 768 }, { width: 390, height: 844, scale: 3, touch: true }]) {
  test(`no storage at all (a private window): said at the top at ${view.width}x${view.height}, never "saved"`, async () => {
    const browser = await launch();
    const ctx = await browser.newContext({ viewport: { width: view.width, height: view.height },
      deviceScaleFactor: view.scale || 1, hasTouch: !!view.touch, isMobile: !!view.touch });
    await ctx.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      const boom = () => { throw new DOMException('blocked', 'SecurityError'); };
      Object.defineProperty(window, 'localStorage', { get: boom, configurable: true });
    });
    const page = await ctx.newPage();
    await page.goto(URL_);
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    assert.equal((await info(page)).backend, 'memory');
    await rename(page, 0, '不会保存的修改');
    await settle(page, 5);
    const banner = await waitLabel(page, /^本浏览器不允许本页保存数据/);
    assert.ok(banner.y + banner.h <= view.height, `the warning is in sight (y ${banner.y}, ${view.height} tall)`);
    assert.equal(await hasLabel(page, /^已保存|^最近保存/), false, 'no word of saving');
    assert.ok(await hasLabel(page, /不会保存/), 'the save state says 不会保存');
    await page.screenshot({ path: path.join(ARTIFACTS, `storage-none-${view.width}.png`) });
    await browser.close();
  });
}

test('two tabs: the second is read-only, follows the first, and takes over when it closes', async () => {
  const dir = profileDir('tabs');
  const ctx = await persistent(dir);
  const a = await open(ctx);
  await rename(a, 0, '甲页修改');
  await saved(a, 1);
  const b = await open(ctx);
  assert.equal((await info(b)).writer, false);
  assert.equal((await dataset(b)).org.members[0].name, '甲页修改');
  await waitLabel(b, /另一个标签页正在编辑这份数据/);
  await b.screenshot({ path: path.join(ARTIFACTS, 'storage-second-tab.png') });
  const refused = await rename(b, 1, '乙页想改');
  assert.equal(refused.ok, false);
  // A keeps editing; B shows it.
  await rename(a, 2, '甲页再改');
  await saved(a, 2);
  await b.waitForFunction(() => JSON.parse(window.zjTest.dataset()).org.members[2].name === '甲页再改', null, { timeout: 5000 });
  // A closes: B becomes the writer and its edits are saved beside A's.
  await a.close();
  await b.waitForFunction(() => window.zjStorage.info().writer === true, null, { timeout: 5000 });
  await settle(b, 3);
  assert.equal((await rename(b, 1, '乙页修改')).ok, true);
  await saved(b, 1);
  const c = await open(ctx);
  const ds = await dataset(c);
  assert.equal(ds.org.members[0].name, '甲页修改');
  assert.equal(ds.org.members[1].name, '乙页修改');
  assert.equal(ds.org.members[2].name, '甲页再改');
  await ctx.close();
});

for (const how of ['closes (writer-bye)', 'goes silent (heartbeat timeout)']) {
  test(`two tabs without Web Locks (BroadcastChannel): the reader takes over when the writer ${how}`, async () => {
    const dir = profileDir('tabs-bc');
    const ctx = await persistent(dir);
    await ctx.addInitScript(() => { Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true }); });
    const a = await open(ctx);
    assert.equal((await info(a)).lockKind, 'broadcast');
    assert.equal((await info(a)).writer, true);
    await rename(a, 0, '甲页修改');
    await saved(a, 1);
    // The writer's page is busy (3 s of work) while the second tab asks who writes: its answer comes too late.
    await a.evaluate(() => { setTimeout(() => { const t = Date.now(); while (Date.now() - t < 3000); }, 0); });
    const b = await open(ctx);
    assert.equal((await info(b)).lockKind, 'broadcast');
    // A writer busy past the probe answers late; the senior writer's next heartbeat (1 s) sends B back to reading.
    await b.waitForFunction(() => window.zjStorage.info().writer === false, null, { timeout: 5000 })
      .catch(() => assert.fail('the second tab reads only'));
    await waitLabel(b, /另一个标签页正在编辑这份数据/);
    assert.equal((await rename(b, 1, '乙页想改')).ok, false);
    // The reader stays a reader while the writer lives (its heartbeat), well past the take-over time.
    await b.waitForTimeout(5000);
    assert.equal((await info(b)).writer, false);
    await rename(a, 2, '甲页再改');
    await saved(a, 2);
    await b.waitForFunction(() => JSON.parse(window.zjTest.dataset()).org.members[2].name === '甲页再改', null, { timeout: 5000 });
    if (how.startsWith('goes silent')) {
      // The writer vanishes without a word (a crash, a killed phone browser): its messages stop.
      await a.evaluate(() => { BroadcastChannel.prototype.postMessage = function () {}; });
    }
    const t0 = Date.now();
    await a.close();
    await b.waitForFunction(() => window.zjStorage.info().writer === true, null, { timeout: 10000 });
    const took = Date.now() - t0;
    if (how.startsWith('closes')) assert.ok(took < 2500, `took over on writer-bye in ${took} ms`);
    else assert.ok(took >= 2000, `took over after the heartbeat timeout (${took} ms)`);
    await settle(b, 3);
    await b.waitForTimeout(1500);  // the banner follows the storage info (twice a second)
    assert.ok(!(await hasLabel(b, /^另一个标签页正在编辑这份数据/)), 'the read-only banner is gone');
    assert.equal((await rename(b, 1, '乙页修改')).ok, true);
    await saved(b, 1);
    const c = await open(ctx);
    assert.equal((await info(c)).writer, false, 'a third tab reads only while B writes');
    const ds = await dataset(c);
    assert.equal(ds.org.members[0].name, '甲页修改');
    assert.equal(ds.org.members[1].name, '乙页修改');
    assert.equal(ds.org.members[2].name, '甲页再改');
    await ctx.close();
  });
}

test('backup: export, then import into an empty profile restores everything (preview first)', async () => {
  const dir = profileDir('backup');
  const ctx = await persistent(dir);
  const page = await open(ctx);
  await rename(page, 0, '备份之人');
  await saved(page, 1);
  await goTo(page, '数据');
  await clickLabel(page, '导出备份');
  const dl = await page.evaluate(() => ({ name: window.zjLastDownload.name, text: window.zjLastDownload.text() }));
  assert.match(dl.name, /^渔洋镇-备份-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const before = await page.evaluate(() => window.zjTest.dataset());
  assert.equal(JSON.parse(dl.text).org.members[0].name, '备份之人');
  await ctx.close();

  const browser = await launch();
  const fresh = await openApp(browser, URL_, VIEW);
  assert.equal((await dataset(fresh)).org.members[0].name === '备份之人', false);
  await goTo(fresh, '数据');
  await chooseFile(fresh, '导入备份…', writeTmp(dl.name, dl.text));
  await waitLabel(fresh, /^“渔洋镇-备份-.*”:渔洋镇 → 渔洋镇$/);
  await waitLabel(fresh, /^新增 \d+ · 更新 \d+ · 将删除 \d+ · 相同 \d+$/);  // the demo's times differ per profile
  await fresh.screenshot({ path: path.join(ARTIFACTS, 'storage-backup-preview.png') });
  await clickLabel(fresh, '确认导入');
  assert.equal(await fresh.evaluate(() => window.zjTest.dataset()), before);
  // A bad file changes nothing and says why.
  await chooseFile(fresh, '导入备份…', writeTmp('坏文件.json', '{"schema_version": 99}'));
  await waitLabel(fresh, /不是整建的备份文件.*更新版本/);
  assert.equal(await fresh.evaluate(() => window.zjTest.dataset()), before);
  await browser.close();
});

test('liaison bundle: preview, apply, the same bundle twice adds nothing, undo; a conflict keeps the newer and logs', async () => {
  const browser = await launch();
  // The office hands its data to the liaison as a backup.
  const office = await openApp(browser, URL_, VIEW);
  await goTo(office, '数据');
  await clickLabel(office, '导出备份');
  const backup = await office.evaluate(() => window.zjLastDownload.text());
  const liaison = await openApp(browser, URL_, VIEW);
  await goTo(liaison, '数据');
  await chooseFile(liaison, '导入备份…', writeTmp('backup.json', backup));
  await clickLabel(liaison, '确认导入');
  // The liaison records two changes, then exports what it recorded.
  await rename(liaison, 0, '联络员改名');
  await rename(liaison, 1, '联络员改二');
  await settle(liaison, 3);
  await clickLabel(liaison, '导出材料包');
  const bundle = await liaison.evaluate(() => ({ name: window.zjLastDownload.name, text: window.zjLastDownload.text() }));
  assert.match(bundle.name, /^渔洋镇-材料包-[0-9a-f]{4}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const bj = JSON.parse(bundle.text);
  assert.equal(bj.record_count, 2);
  assert.equal(bj.sha256.length, 64);
  const liaisonDevice = (await liaison.evaluate(() => window.zjStorage.info())).deviceId;
  assert.equal(bj.device, liaisonDevice);
  // Nothing new since the hand-off.
  await clickLabel(liaison, '导出材料包');
  await waitLabel(liaison, /本机没有新记录/);

  // The office edits member 1 after the liaison did: a conflict the office's newer edit wins.
  await office.waitForTimeout(20);
  await rename(office, 1, '组织办改二');
  const file = writeTmp(bundle.name, bundle.text);
  await chooseFile(office, '导入材料包…', file);
  await waitLabel(office, /^“渔洋镇-材料包-.*”:设备 [0-9a-f]{16},.*2 条记录,SHA-256 [0-9a-f]{16}$/);
  await waitLabel(office, '新增 0 · 更新 1 · 删除 0 · 冲突 1 · 已存在 0');
  await office.screenshot({ path: path.join(ARTIFACTS, 'storage-bundle-preview.png') });
  const beforeImport = await office.evaluate(() => window.zjTest.dataset());
  await clickLabel(office, '确认导入');
  let ds = await dataset(office);
  assert.equal(ds.org.members[0].name, '联络员改名');
  assert.equal(ds.org.members[1].name, '组织办改二', 'the newer edit is kept');
  assert.equal(ds.import_log.length, 1);
  assert.equal(ds.import_log[0].conflict_log[0].kept, 'local');
  assert.equal(ds.import_log[0].conflict_log[0].other.name, '联络员改二', 'the other edit is logged');
  await waitLabel(office, /· [0-9a-f]{16} · 新增 0 · 更新 1 · 删除 0 · 冲突 1$/);  // the import log line
  // The same bundle again: nothing changes.
  const afterImport = await office.evaluate(() => window.zjTest.dataset());
  await chooseFile(office, '导入材料包…', file);
  await waitLabel(office, /没有新内容/);
  await waitLabel(office, '此材料包已导入过。');
  await clickLabel(office, '取消');
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), afterImport);
  // Undo the import.
  await clickLabel(office, '撤销上次导入');
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), beforeImport);
  // A tampered bundle is refused with its reason.
  const bad = JSON.parse(bundle.text);
  bad.records[0].record.name = '篡改';
  await chooseFile(office, '导入材料包…', writeTmp('bad.json', JSON.stringify(bad)));
  await waitLabel(office, /校验和不符/);
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), beforeImport);
  await browser.close();
});

test('liaison bundle carries deletions and evidence: 删除 in the preview, photos stored once, undo takes both back', async () => {
  const browser = await launch();
  const office = await openApp(browser, URL_, VIEW);
  await goTo(office, '数据');
  await clickLabel(office, '导出备份');
  const backup = await office.evaluate(() => window.zjLastDownload.text());
  const liaison = await openApp(browser, URL_, VIEW);
  await goTo(liaison, '数据');
  await chooseFile(liaison, '导入备份…', writeTmp('backup.json', backup));
  await clickLabel(liaison, '确认导入');
  // The liaison removes a lecture that was not held, renames a member, and attaches a photo and a note.
  const lds = await dataset(liaison);
  const gone = lds.campaign.lectures.find((l) => !l.held && !(l.attendee_ids || []).length);
  assert.ok(gone, 'a removable lecture');
  const r = await liaison.evaluate((id) => window.zjTest.apply({ name: 'lecture.remove', args: { id } }), gone.id);
  assert.equal(r.ok, true);
  const tomb = (await dataset(liaison)).tombstones;
  assert.equal(tomb.length, 1);
  assert.equal(tomb[0].id, gone.id);
  assert.equal(tomb[0].collection, '/campaign/lectures');
  await rename(liaison, 0, '联络员改名');
  const parent = lds.campaign.lectures.find((l) => l.id !== gone.id).id;
  await liaison.evaluate(async (parent) => {
    const c = new OffscreenCanvas(640, 480);
    const g = c.getContext('2d'); g.fillStyle = '#c02020'; g.fillRect(0, 0, 640, 480);
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    await window.zjStorage.addPhotoFile(new File([blob], '现场.jpg', { type: 'image/jpeg' }), 'lecture', parent);
    window.zjStorage.evidenceAddText('lecture', parent, '到会 12 人');
  }, parent);
  await liaison.waitForFunction(() => window.zjStorage.evidenceStatus().done >= 2, null, { timeout: 10000 });
  await liaison.evaluate(() => window.zjStorage.evidenceRefresh());
  await settle(liaison, 4);
  await liaison.evaluate(() => { window.zjLastDownload = null; });
  await clickLabel(liaison, '导出材料包');
  await liaison.waitForFunction(() => window.zjLastDownload && /材料包/.test(window.zjLastDownload.name), null, { timeout: 10000 });
  const bundle = await liaison.evaluate(() => ({ name: window.zjLastDownload.name, text: window.zjLastDownload.text() }));
  const bj = JSON.parse(bundle.text);
  assert.equal(bj.format_version, 3);  // core/exchange/bundle.h kBundleFormatVersion
  assert.equal(bj.record_count, 1);
  assert.equal(bj.deletion_count, 1);
  assert.equal(bj.evidence_count, 2);
  const photo = bj.evidence.find((e) => e.kind === 'photo');
  assert.equal(photo.caption, '现场.jpg');
  assert.ok(photo.photo.length > 1000 && photo.thumb.length > 100, 'base64 JPEGs');
  assert.equal(Buffer.from(photo.photo, 'base64').subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG');
  assert.equal(bj.evidence.find((e) => e.kind === 'text').text, '到会 12 人');
  await waitLabel(liaison, /1 条记录,1 条删除,2 项痕迹材料/);

  // The office: preview (删除, evidence counted), apply, twice = nothing, undo takes both back.
  const file = writeTmp(bundle.name, bundle.text);
  const beforeImport = await office.evaluate(() => window.zjTest.dataset());
  await chooseFile(office, '导入材料包…', file);
  await waitLabel(office, '新增 0 · 更新 1 · 删除 1 · 冲突 0 · 已存在 0');
  await waitLabel(office, '痕迹材料 2 · 新 2 · 已存在 0');
  await waitLabel(office, new RegExp(`^删除 · ${gone.theme_zh} `));  // named by its theme and date
  await office.screenshot({ path: path.join(ARTIFACTS, 'storage-bundle-deletions-preview.png') });
  await clickLabel(office, '确认导入');
  let ds = await dataset(office);
  assert.ok(!ds.campaign.lectures.some((l) => l.id === gone.id), 'the deleted lecture is gone');
  assert.equal(ds.org.members[0].name, '联络员改名');
  assert.equal(ds.import_log[0].deleted, 1);
  assert.equal(ds.tombstones.length, 1);
  await office.waitForFunction(() => window.zjStorage.evidenceList().length === 2, null, { timeout: 10000 });
  const stored = await office.evaluate(() => window.zjStorage.evidenceList());
  assert.deepEqual(stored.map((e) => e.id).sort(), bj.evidence.map((e) => e.id).sort());
  assert.ok(stored.find((e) => e.kind === 'photo').size > 1000, 'the photo is stored');
  const afterImport = await office.evaluate(() => window.zjTest.dataset());
  // Twice: nothing new.
  await chooseFile(office, '导入材料包…', file);
  await waitLabel(office, '此材料包已导入过。');
  await waitLabel(office, '痕迹材料 2 · 新 0 · 已存在 2');
  await waitLabel(office, /没有新内容/);
  await clickLabel(office, '取消');
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), afterImport);
  assert.equal((await office.evaluate(() => window.zjStorage.evidenceList())).length, 2);
  // Undo: the lecture and the member's name come back, the evidence the import brought goes.
  await clickLabel(office, '撤销上次导入');
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), beforeImport);
  await office.waitForFunction(() => window.zjStorage.evidenceList().length === 0, null, { timeout: 10000 });
  // Tampered evidence: refused with its reason, nothing changes.
  const bad = JSON.parse(bundle.text);
  bad.evidence.find((e) => e.kind === 'text').text = '到会 30 人';
  await chooseFile(office, '导入材料包…', writeTmp('bad.json', JSON.stringify(bad)));
  await waitLabel(office, /校验和不符/);
  const dropped = JSON.parse(bundle.text);
  dropped.evidence.pop();
  await chooseFile(office, '导入材料包…', writeTmp('dropped.json', JSON.stringify(dropped)));
  await waitLabel(office, /痕迹材料数与声明的不符/);
  assert.equal(await office.evaluate(() => window.zjTest.dataset()), beforeImport);
  assert.equal((await office.evaluate(() => window.zjStorage.evidenceList())).length, 0);
  await browser.close();
});

test('30 full-size photos attach, downscaled, with storage accounted; a quota error keeps the record', async () => {
  const browser = await launch();
  const page = await openApp(browser, URL_, VIEW);
  // 30 JPEGs of 4000x3000 made with a canvas.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h7-photos-'));
  const files = [];
  for (let i = 0; i < 30; i++) {
    const b64 = await page.evaluate(async (i) => {
      const c = new OffscreenCanvas(4000, 3000);
      const g = c.getContext('2d');
      const grad = g.createLinearGradient(0, 0, 4000, 3000);
      grad.addColorStop(0, `hsl(${i * 12},70%,50%)`); grad.addColorStop(1, '#fff');
      g.fillStyle = grad; g.fillRect(0, 0, 4000, 3000);
      for (let k = 0; k < 400; k++) { g.fillStyle = `hsl(${(k * 37) % 360},60%,40%)`; g.fillRect((k * 997) % 4000, (k * 613) % 3000, 120, 90); }
      g.fillStyle = '#000'; g.font = '300px sans-serif'; g.fillText('现场 ' + i, 400, 1600);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const buf = new Uint8Array(await blob.arrayBuffer());
      let s = ''; for (let k = 0; k < buf.length; k++) s += String.fromCharCode(buf[k]);
      return btoa(s);
    }, i);
    const f = path.join(dir, `photo-${String(i).padStart(2, '0')}.jpg`);
    fs.writeFileSync(f, Buffer.from(b64, 'base64'));
    files.push(f);
  }
  const originalBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  await goTo(page, '材料');
  await chooseFile(page, '拍照/选照片…', files);
  await page.waitForFunction(() => window.zjStorage.evidenceStatus().done >= 30, null, { timeout: 120000 });
  await page.evaluate(() => window.zjStorage.refresh());
  await page.evaluate(() => window.zjStorage.evidenceRefresh());
  const list = await page.evaluate(() => window.zjStorage.evidenceList());
  assert.equal(list.length, 30);
  for (const e of list) {
    assert.equal(e.width, 1600);
    assert.equal(e.height, 1200);
    assert.ok(e.thumbSize > 0 && e.thumbSize < e.size);
  }
  const i = await info(page);
  assert.equal(i.evidenceCount, 30);
  const stored = list.reduce((n, e) => n + e.size + e.thumbSize, 0);
  assert.equal(i.evidenceBytes, stored);
  assert.ok(stored < originalBytes, `downscaled: ${stored} < ${originalBytes}`);
  await settle(page, 5);
  await waitLabel(page, '本机共有材料: 30');
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-evidence-1280.png') });
  await goTo(page, '概览');
  await waitLabel(page, /^痕迹材料: 30 项/);

  // Quota: the evidence store refuses with QuotaExceededError; the record stays in the page, marked unsaved.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (v, k) {
      if (this.name === 'evidence') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, v, k);
    };
  });
  await goTo(page, '材料');
  const note = await find(page, 'evidence-note');
  await page.mouse.click(note.x + 10, note.y + note.h / 2);
  await page.keyboard.type('quota test note');
  await settle(page);
  await clickLabel(page, '添加文字');
  await page.waitForFunction(() => window.zjStorage.evidenceStatus().lastErrorName === 'QuotaExceededError', null, { timeout: 5000 });
  await settle(page, 5);
  await waitLabel(page, /存储空间已满/);
  const after = await page.evaluate(() => window.zjStorage.evidenceList());
  assert.equal(after.length, 31);
  const kept = after.filter((e) => e.unsaved);
  assert.equal(kept.length, 1);
  assert.equal(kept[0].text, 'quota test note');
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-quota.png') });

  // The dataset's own save hits the quota too: the banner says so and the last good copy stays.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (v, k) {
      if (this.name === 'snapshots') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, v, k);
    };
  });
  await rename(page, 0, '空间满时的修改');
  await page.waitForFunction(() => window.zjStorage.info().lastErrorName === 'QuotaExceededError', null, { timeout: 5000 });
  await settle(page, 5);
  await waitLabel(page, /浏览器存储空间已满/);
  assert.equal((await dataset(page)).org.members[0].name, '空间满时的修改', 'the change stays in the page');
  await browser.close();
});

test('phone 390x844: the data screen fits and its buttons are touch-sized', async () => {
  const browser = await launch();
  const page = await openApp(browser, URL_, { width: 390, height: 844, scale: 3, touch: true });
  const more = await find(page, '…');
  await page.touchscreen.tap(more.x + more.w / 2, more.y + more.h / 2);
  await settle(page);
  const nav = (await items(page)).filter((i) => i.label === '数据').reduce((a, b) => (b.h > a.h ? b : a));
  await page.touchscreen.tap(nav.x + nav.w / 2, nav.y + nav.h / 2);
  await settle(page, 5);
  for (const l of ['导出备份', '导入备份…', '导出材料包', '导入材料包…']) {
    const it = await scrollToLabel(page, l);  // below 本镇 on a phone
    assert.ok(it.h >= 44, l + ' is touch-sized');
    assert.ok(it.x >= 0 && it.x + it.w <= 390, l + ' fits the width');
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-data-390.png') });
  await browser.close();
});
