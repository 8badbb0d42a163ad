// 材料 screen: photo thumbnails decoded in the browser and drawn as WebGL textures (WebGL2 and the WebGL1
// fallback), loaded only for rows on screen and freed for rows gone; deleting evidence asks first (Chinese, or
// English when switched) with touch-sized buttons on phones; a photo refused for a full quota is kept and retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, click, fileUrl, find, goTo, items, launch, launchPersistent, openApp, settle } from './lib.mjs';

const URL_ = fileUrl('test=1&today=2026-03-25');
const COLOURS = [[220, 30, 30], [30, 160, 40], [30, 60, 210], [230, 180, 20], [140, 40, 160], [20, 170, 170]];

/** Stores `n` photos (COLOURS[i % 6] with a white band on top and "现场 i+1", 800x600 JPEG) as evidence of the first
 *  lecture. */
async function addPhotos(page, n) {
  await page.evaluate(async ([n, colours]) => {
    const lecture = JSON.parse(window.zjTest.dataset()).campaign.lectures[0].id;
    for (let i = 0; i < n; i++) {
      const c = new OffscreenCanvas(800, 600);
      const g = c.getContext('2d');
      const [r, gr, b] = colours[i % colours.length];
      g.fillStyle = `rgb(${r},${gr},${b})`;
      g.fillRect(0, 0, 800, 600);
      g.fillStyle = '#ffffff';  // a white band at the top: the thumbnail must not be upside down
      g.fillRect(0, 0, 800, 120);
      g.fillStyle = '#000000';
      g.font = 'bold 90px sans-serif';
      g.fillText('现场 ' + (i + 1), 40, 330);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      await window.zjStorage.addPhotoFile(new File([blob], `photo-${String(i).padStart(2, '0')}.jpg`, { type: 'image/jpeg' }),
                                          'lecture', lecture);
    }
  }, [n, COLOURS]);
  await page.waitForFunction((n) => window.zjStorage.evidenceStatus().done >= n, n, { timeout: 60000 });
  await page.evaluate(() => window.zjStorage.evidenceRefresh());
}
const thumbs = async (page) => (await items(page)).filter((i) => i.label.startsWith('thumb:'));
const waiting = async (page) => (await items(page)).filter((i) => i.label.startsWith('thumb-wait:'));
const stats = (page) => page.evaluate(() => (window.zjThumbs ? window.zjThumbs.stats() : null));
async function waitThumbs(page, n, timeout = 15000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if ((await thumbs(page)).length >= n) return;
    await page.waitForTimeout(150);
  }
  throw new Error(`expected ${n} thumbnails, drawn ${(await thumbs(page)).length}, waiting ${(await waiting(page)).length}`);
}
/** The colour of the screen at (fx, fy) of item `it` (fractions of its box; from a screenshot, decoded in the page). */
async function colourAt(page, it, fx = 0.5, fy = 0.5) {
  const png = await page.screenshot({ clip: { x: Math.round(it.x + it.w * fx) - 2, y: Math.round(it.y + it.h * fy) - 2, width: 4, height: 4 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(Math.floor(bmp.width / 2), Math.floor(bmp.height / 2), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, png.toString('base64'));
}
const near = (a, b, tol = 40) => a.every((v, k) => Math.abs(v - b[k]) <= tol);

for (const webgl of ['', 'webgl=1']) {
  test(`材料 draws photo thumbnails as textures${webgl ? ' (WebGL1 fallback)' : ''}, lazily, and frees them`, async () => {
    const browser = await launch();
    const page = await openApp(browser, URL_ + (webgl ? '&' + webgl : ''), { width: 1280, height: 800 });
    assert.equal(await page.evaluate(() => window.zjTest.webgl()), webgl ? 1 : 2);
    await addPhotos(page, 12);
    const list = await page.evaluate(() => window.zjStorage.evidenceList());
    assert.equal(list.length, 12);
    await goTo(page, '材料');
    await waitThumbs(page, 3);
    await settle(page, 4);
    // Each drawn thumbnail shows its photo's colour (the texture really is on screen).
    const drawn = await thumbs(page);
    for (const t of drawn.filter((t) => t.y + t.h < 790)) {
      const e = list.find((x) => 'thumb:' + x.id === t.label);
      const i = Number(e.caption.slice(6, 8));
      // 800x600 fitted in the square box: the image spans 12.5 % to 87.5 % of its height, the band its top fifth.
      const got = await colourAt(page, t, 0.9, 0.75);
      assert.ok(near(got, COLOURS[i % 6]), `${e.caption}: ${got} ≈ ${COLOURS[i % 6]}`);
      const top = await colourAt(page, t, 0.9, 0.2);
      assert.ok(near(top, [255, 255, 255]), `${e.caption}: the white band is on top (${top})`);
    }
    // Lazy: only the rows on screen were decoded and uploaded (12 photos do not fit in 800 px).
    const s1 = await stats(page);
    assert.ok(s1.ready >= 3 && s1.ready < 12, `textures for visible rows only: ${JSON.stringify(s1)}`);
    assert.equal(s1.ready, drawn.length);
    if (!webgl) await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-thumbs-1280.png') });
    // Scrolling to the end loads the last rows and frees the ones scrolled away.
    const last = list[list.length - 1].id;
    for (let k = 0; k < 20 && !(await thumbs(page)).some((t) => t.label === 'thumb:' + last); k++) {
      await page.mouse.move(640, 500);
      await page.mouse.wheel(0, 400);
      await settle(page, 3);
    }
    await waitThumbs(page, 1);
    await page.waitForFunction((id) => window.zjThumbs.stats().ids.includes(id), last, { timeout: 10000 });
    await page.waitForFunction(() => window.zjThumbs.stats().freed > 0, null, { timeout: 10000 });
    // Another screen: every texture is freed (GL names returned).
    await goTo(page, '概览');
    await page.waitForFunction(() => { const s = window.zjThumbs.stats(); return s.ready === 0 && s.loading === 0; }, null, { timeout: 10000 });
    const s2 = await stats(page);
    assert.equal(s2.freed, s2.created);
    assert.deepEqual(page.zjErrors, []);
    await browser.close();
  });
}

test('删除 asks first, in Chinese or English; 取消 keeps the photo, 确认删除 removes it', async () => {
  const browser = await launch();
  const page = await openApp(browser, URL_, { width: 1280, height: 800 });
  await addPhotos(page, 2);
  await goTo(page, '材料');
  await waitThumbs(page, 2);
  await click(page, '删除');
  await settle(page, 3);
  const labels = (await items(page)).map((i) => i.label);
  assert.ok(labels.includes('删除这张照片?删除后不能恢复(已导出的备份中仍有)。'), JSON.stringify(labels));
  await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-confirm-1280.png') });
  await click(page, '取消');
  await settle(page, 3);
  assert.equal((await page.evaluate(() => window.zjStorage.evidenceList())).length, 2, '取消 keeps it');
  assert.ok(!(await items(page)).some((i) => i.label === '确认删除'), 'the popup closed');
  await click(page, '删除');
  await click(page, '确认删除');
  await page.waitForFunction(() => window.zjStorage.evidenceList().length === 1, null, { timeout: 5000 });
  // English.
  await click(page, 'English');
  await settle(page, 3);
  await click(page, 'Delete');
  await settle(page, 3);
  const en = (await items(page)).map((i) => i.label);
  assert.ok(en.includes('Delete this photo? It cannot be restored (backups already exported keep it).'), JSON.stringify(en));
  // The popup's Delete is the last "Delete" drawn (on top).
  const del = (await items(page)).filter((i) => i.label === 'Delete').pop();
  await page.mouse.click(del.x + del.w / 2, del.y + del.h / 2);
  await page.waitForFunction(() => window.zjStorage.evidenceList().length === 0, null, { timeout: 5000 });
  await click(page, '中文');
  assert.deepEqual(page.zjErrors, []);
  await browser.close();
});

test('phone 390x844: thumbnails, touch-sized 查看/删除 and confirmation buttons, nothing wider than the screen', async () => {
  const browser = await launch();
  const page = await openApp(browser, URL_, { width: 390, height: 844, scale: 3, touch: true });
  await addPhotos(page, 4);
  await goTo(page, '材料', true);
  await waitThumbs(page, 2);
  await settle(page, 4);
  for (const l of ['查看', '删除']) {
    const it = await find(page, l);
    assert.ok(it.h >= 44, `${l} is touch-sized: ${it.h}`);
    assert.ok(it.x >= 0 && it.x + it.w <= 390, `${l} fits the width`);
  }
  for (const t of await thumbs(page)) assert.ok(t.x >= 0 && t.x + t.w <= 390, 'thumbnail fits');
  await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-thumbs-390.png') });
  await click(page, '删除', { tap: true });
  await settle(page, 3);
  for (const l of ['确认删除', '取消']) {
    const it = (await items(page)).filter((i) => i.label === l).pop();
    assert.ok(it, l);
    assert.ok(it.h >= 44, `${l} is touch-sized: ${it.h}`);
    assert.ok(it.x >= 0 && it.x + it.w <= 390, `${l} fits the width`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-confirm-390.png') });
  await click(page, '取消', { tap: true });
  assert.equal((await page.evaluate(() => window.zjStorage.evidenceList())).length, 4);
  await browser.close();
});

// A photo refused by a full quota (QuotaExceededError on its write) is kept in the page marked 未保存, the screen says
// the storage is full, and it is written by itself once space returns (retried every 2 s): it is then in IndexedDB
// and still there after a reload. The refusal is made by the storage hook tests have (zjStorage.hooks.evidencePut).
test('a photo refused for quota stays in the page, is retried when space returns, and survives a reload', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-quota-'));
  const ctx = await launchPersistent(dir, { viewport: { width: 1280, height: 900 } });
  try {
    let page = await ctx.newPage();
    await page.goto(URL_);
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    await page.evaluate(() => {
      window.zjQuotaFull = true;
      window.zjStorage.hooks.evidencePut = () => {
        if (window.zjQuotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.evaluate(async () => {
      const lecture = JSON.parse(window.zjTest.dataset()).campaign.lectures[0].id;
      const c = new OffscreenCanvas(400, 300);
      const g = c.getContext('2d');
      g.fillStyle = 'rgb(30,160,40)'; g.fillRect(0, 0, 400, 300);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      await window.zjStorage.addPhotoFile(new File([blob], 'quota.jpg', { type: 'image/jpeg' }), 'lecture', lecture);
    });
    const st = await page.evaluate(() => window.zjStorage.evidenceStatus());
    assert.equal(st.lastErrorName, 'QuotaExceededError');
    assert.equal(st.kept, 1);
    const listed = await page.evaluate(() => window.zjStorage.evidenceList());
    assert.equal(listed.length, 1);
    assert.equal(listed[0].unsaved, true);
    assert.equal((await page.evaluate(() => window.zjStorage.evidenceAll())).length, 0, 'nothing was written');
    assert.equal((await page.evaluate(() => window.zjStorage.info())).evidenceUnsaved, 1);
    await goTo(page, '材料');
    await settle(page, 5);
    assert.ok((await items(page)).some((i) => i.label.startsWith('存储空间已满')), 'the screen says the storage is full');
    assert.ok((await items(page)).some((i) => i.label.includes('[未保存]')), 'the photo is marked unsaved');

    // Space returns: within a few seconds the photo is written, unmarked, and the message goes.
    await page.evaluate(() => { window.zjQuotaFull = false; });
    await page.waitForFunction(() => window.zjStorage.info().evidenceUnsaved === 0, null, { timeout: 15000 });
    assert.equal((await page.evaluate(() => window.zjStorage.evidenceAll())).length, 1);
    await page.waitForFunction(() => !window.zjStorage.evidenceList().some((e) => e.unsaved), null, { timeout: 10000 });
    await settle(page, 5);
    assert.ok(!(await items(page)).some((i) => i.label.includes('[未保存]')));

    await page.reload();
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    await page.waitForFunction(() => window.zjStorage.evidenceList().length === 1, null, { timeout: 15000 });
    const after = await page.evaluate(() => window.zjStorage.evidenceList());
    assert.equal(after[0].caption, 'quota.jpg');
    assert.equal(after[0].unsaved, false);
  } finally {
    await ctx.close();
  }
});
