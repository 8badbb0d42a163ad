// Phones by QR code, offline in villages: the hostable build works offline after the first visit,
// a new version brings the update prompt (and loses nothing), the manifest is valid; the QR code of the
// app's address decodes to that address; a talk record goes through a QR sequence (images, decoded by jsQR)
// into an identical record on another device, and a damaged chunk is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, DIST, launch, openApp, fileUrl, find, click, settle, items, scrollToLabel } from './lib.mjs';

// A static server for a copy of dist/web that can be stopped and started again on the same port (same
// origin, so the service worker and the stored data stay the same).
function staticServer(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
                  '.ttf': 'font/ttf', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  let server = null, port = 0;
  const handler = (req, res) => {
    const p = path.join(root.dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = p.endsWith('/') ? path.join(p, 'index.html') : p;
    if (!file.startsWith(root.dir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  };
  return {
    async start() {
      server = http.createServer(handler);
      await new Promise((r) => server.listen(port, '127.0.0.1', r));
      port = server.address().port;
      return `http://127.0.0.1:${port}/`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
function copyWeb(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zj-web-${label}-`));
  fs.cpSync(path.join(DIST, 'web'), dir, { recursive: true });
  return dir;
}

/** Decodes the QR code in a PNG (Buffer) inside `page`, through the app's own camera-frame decoder (jsQR). */
async function decodePng(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const x = c.getContext('2d');
    x.drawImage(img, 0, 0);
    window.zjQrForceJsQr = true;  // headless Chromium on Linux has no BarcodeDetector anyway
    return window.zjQr.decodeImageData(x.getImageData(0, 0, c.width, c.height));
  }, png.toString('base64'));
}
async function shotOf(page, label) {
  const it = await find(page, label);
  return page.screenshot({ clip: { x: it.x, y: it.y, width: it.w, height: it.h } });
}
const testValue = (page, k) => page.evaluate((key) => (window.zjTestValues || {})[key], k);
const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));

test('dist/web: offline after the first visit, update prompt on a new version, valid manifest', async () => {
  const root = { dir: copyWeb('v1') };
  const srv = staticServer(root);
  const url = await srv.start();
  const browser = await launch();
  try {
    const page = await openApp(browser, url + '?test=1&today=2026-03-25', { width: 390, height: 844, scale: 3, touch: true });
    // First visit online: the service worker installs and takes control.
    assert.equal(await page.evaluate(() => window.zjPwa.registered), true);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
    const v1 = await page.evaluate(() => window.zjPwa.version);
    assert.match(v1, /^[0-9a-f]{16}$/);
    const sw = fs.readFileSync(path.join(root.dir, 'sw.js'), 'utf8');
    assert.ok(sw.includes(`'${v1}'`), 'sw.js carries the version of index.html');

    // The manifest: installable fields and icons that load at their declared sizes.
    const man = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      const m = await (await fetch(href)).json();
      const icons = [];
      for (const i of m.icons) {
        const b = await (await fetch(new URL(i.src, href))).blob();
        const bmp = await createImageBitmap(b);
        icons.push({ ...i, type_got: b.type, w: bmp.width, h: bmp.height });
      }
      return { m, icons, theme: document.querySelector('meta[name="theme-color"]').content };
    });
    assert.equal(man.m.short_name, '整建');
    assert.ok(man.m.name.includes('整建'));
    assert.equal(man.m.display, 'standalone');
    assert.equal(man.m.start_url, './');
    assert.equal(man.m.theme_color, '#c41e24');
    assert.equal(man.theme, '#c41e24');
    assert.ok(man.icons.some((i) => i.sizes === '192x192') && man.icons.some((i) => i.sizes === '512x512'));
    assert.ok(man.icons.some((i) => i.purpose === 'maskable'));
    for (const i of man.icons) {
      assert.equal(i.type_got, 'image/png');
      assert.equal(`${i.w}x${i.h}`, i.sizes, i.src);
    }

    // Some data, saved.
    const talk = (await dataset(page)).campaign.talks.find((t) => !t.record);
    const rec = await page.evaluate((id) => window.zjTest.apply({ name: 'talk.record', args: {
      id, held_on: '2026-03-25', start_minute: 600, place: '东湖村村部', topics_covered: [0, 1], notes: '离线测试' } }), talk.id);
    assert.equal(rec.ok, true, rec.problem);
    await page.evaluate(() => window.zjStorage && window.zjStorage.flush());

    // Offline: network cut and the server stopped; the reload comes from the service worker's cache.
    await srv.stop();
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForFunction(() => (window.zjTest && window.zjTest.frames() > 2) || window.zjFatalMessage, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.zjFatalMessage || ''), '');
    const off = (await dataset(page)).campaign.talks.find((t) => t.id === talk.id);
    assert.equal(off.record && off.record.notes, '离线测试', 'the data is still there offline');
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-offline-390.png') });

    // A new version is published (same origin): the prompt appears; nothing reloads until accepted.
    const v2dir = copyWeb('v2');
    const v2 = 'feedc0de' + v1.slice(8);
    for (const f of ['sw.js', 'index.html']) {
      const p = path.join(v2dir, f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(v1, v2));
    }
    root.dir = v2dir;
    await page.context().setOffline(false);
    await srv.start();
    await page.evaluate(() => window.zjPwa.check());
    await page.waitForSelector('#zj-update', { timeout: 20000 });
    const prompt = await page.textContent('#zj-update');
    assert.ok(prompt.includes('新版本') && prompt.includes('立即更新') && prompt.includes('稍后'), prompt);
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-update-prompt-390.png') });
    assert.equal(await page.evaluate(() => window.zjPwa.version), v1, 'still the old version until accepted');
    // A change made just before accepting is kept.
    const edit = await page.evaluate((id) => window.zjTest.apply({ name: 'talk.record', args: {
      id, held_on: '2026-03-25', start_minute: 600, place: '东湖村村部', topics_covered: [0, 1], notes: '更新前的修改' } }), talk.id);
    assert.equal(edit.ok, true, edit.problem);
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#zj-update button >> text=立即更新')]);
    await page.waitForFunction(() => (window.zjTest && window.zjTest.frames() > 2) || window.zjFatalMessage, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.zjPwa.version), v2);
    const after = (await dataset(page)).campaign.talks.find((t) => t.id === talk.id);
    assert.equal(after.record.notes, '更新前的修改', 'nothing lost on update');
    assert.deepEqual(page.zjErrors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
    await page.context().close();
  } finally {
    await browser.close();
    await srv.stop().catch(() => {});
  }
});

test('the single file from file:// registers no service worker and still starts', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl('test=1&today=2026-03-25&screen=phone'));
    assert.equal(await page.evaluate(() => typeof window.zjPwa), 'undefined');
    assert.equal(await page.evaluate(() => (navigator.serviceWorker ? navigator.serviceWorker.controller : null)), null);
    assert.equal(await page.evaluate(() => typeof window.zjQr), 'object', 'the camera QR reader is in the single file');
    // ?screen=phone opened the 手机 screen; from a file there is no address a phone can reach.
    await find(page, '扫码打开');
    assert.equal(await testValue(page, 'qr.url'), '');
    assert.ok((await items(page)).some((i) => i.label.includes('手机无法访问')));
    await page.context().close();
  } finally {
    await browser.close();
  }
});

test('the QR code shown and the poster decode to the app address, with ?screen=', async () => {
  const root = { dir: copyWeb('qr') };
  const srv = staticServer(root);
  const url = await srv.start();
  const browser = await launch();
  try {
    for (const [w, h, scale, touch, tag] of [[1280, 800, 1, false, '1280'], [390, 844, 3, true, '390']]) {
      const page = await openApp(browser, url + '?test=1&today=2026-03-25&screen=phone', { width: w, height: h, scale, touch });
      assert.equal(await testValue(page, 'qr.url'), url);
      assert.equal(await decodePng(page, await shotOf(page, 'qr-open')), url);
      await page.screenshot({ path: path.join(ARTIFACTS, `phone-open-${tag}.png`) });
      // Pointing at a screen: 学 → ?screen=learn.
      await click(page, '扫码后进入', { tap: touch });
      await click(page, '学：专题讲习', { tap: touch });
      await settle(page);
      const learn = url + '?screen=learn';
      assert.equal(await testValue(page, 'qr.url'), learn);
      assert.equal(await decodePng(page, await shotOf(page, 'qr-open')), learn);
      // The poster: inline SVG QR, town name, Chinese instructions.
      await scrollToLabel(page, '打印海报');  // below the QR code on a phone
      await click(page, '打印海报', { tap: touch });
      const poster = await page.evaluate(() => window.zjLastHtml);
      assert.ok(poster.html.includes('<svg') && poster.html.includes('扫一扫') && poster.html.includes('添加到主屏幕'));
      const town = (await dataset(page)).org.town_name;
      assert.ok(poster.html.includes(town));
      const pp = await page.context().newPage();
      await pp.setContent(poster.html);
      await pp.screenshot({ path: path.join(ARTIFACTS, `phone-poster-${tag}.png`), fullPage: true });
      const svgShot = await (await pp.$('svg.qr')).screenshot();
      assert.equal(await decodePng(page, svgShot), learn);
      await pp.close();
      // An address configured by the office wins over the page's own.
      await click(page, '发布网址', { tap: touch });
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('https://zj.example.gov.cn/yuyang/');
      await settle(page);
      await click(page, '保存网址', { tap: touch });
      const conf = 'https://zj.example.gov.cn/yuyang/?screen=learn';
      assert.equal(await testValue(page, 'qr.url'), conf);
      assert.equal(await decodePng(page, await shotOf(page, 'qr-open')), conf);
      await page.evaluate(() => localStorage.removeItem('zj.setting.publish_url'));
      await page.context().close();
    }
  } finally {
    await browser.close();
    await srv.stop();
  }
});

test('a talk record round-trips through a QR sequence (images) into an identical record; a damaged chunk is refused', async () => {
  const browser = await launch();
  try {
    // Two phones (separate storage). The demo town stamps its records with the time it was opened, so B
    // opens first: A's record is then the newer revision of the talk, as it would be in the field.
    const b = await openApp(browser, fileUrl('test=1&today=2026-03-25&screen=phone'), { width: 390, height: 844, scale: 3, touch: true });
    // Phone A records a talk and shows it as a QR sequence.
    const a = await openApp(browser, fileUrl('test=1&today=2026-03-25&screen=phone'), { width: 390, height: 844, scale: 3, touch: true });
    const talk = (await dataset(a)).campaign.talks.find((t) => !t.record);
    const notes = '两委班子团结，村里主要问题是灌溉水渠年久失修；张某某愿意留任，推荐李某为后备干部。'.repeat(3);
    const r = await a.evaluate(([id, n]) => window.zjTest.apply({ name: 'talk.record', args: {
      id, held_on: '2026-03-26', start_minute: 570, place: '东湖村村部会议室', topics_covered: [0, 1, 2, 3, 4, 5],
      notes: n, intention: 'stay' } }), [talk.id, notes]);
    assert.equal(r.ok, true, r.problem);
    const sent = (await dataset(a)).campaign.talks.find((t) => t.id === talk.id);
    await click(a, '二维码发送', { tap: true });
    await click(a, '记录', { tap: true });
    const choice = (await items(a)).find((i) => i.label.startsWith('2026-03-26 '));
    assert.ok(choice, 'the recorded talk is offered');
    await click(a, choice.label, { tap: true });
    await click(a, '生成二维码', { tap: true });
    await click(a, '停止', { tap: true });  // manual paging for the test (auto-advance is on by default)
    const first = await testValue(a, 'qr.chunk');
    const n = Number(first.split('/')[1]);
    assert.ok(n >= 2, `a sequence of several codes (${first})`);
    await a.screenshot({ path: path.join(ARTIFACTS, 'phone-send-390.png') });
    // Page through all n codes by hand (下一张 wraps around), keeping each image under its number.
    const pngs = new Array(n);
    for (let k = 0; k < n; k++) {
      const [i] = (await testValue(a, 'qr.chunk')).split('/').map(Number);
      assert.equal(pngs[i - 1], undefined, `code ${i} shown once`);
      pngs[i - 1] = await shotOf(a, 'qr-send');
      await click(a, '下一张', { tap: true });
    }
    const payload = await testValue(a, 'qr.sent_payload');

    // Phone B scans the images.
    assert.ok(!(await dataset(b)).campaign.talks.find((t) => t.id === talk.id).record, 'phone B lacks the record');
    await click(b, '扫码接收', { tap: true });
    const texts = [];
    for (const png of pngs) texts.push(await decodePng(b, png));
    texts.forEach((t, i) => assert.ok(t && t.startsWith(`ZJQ1:${i + 1}/${n}:`), `code ${i + 1} decoded: ${t}`));
    const deliver = (t) => b.evaluate((x) => window.zjQr.deliver(x), t);
    // In any order; a damaged chunk (one character misread) is refused and changes nothing.
    await deliver(texts[n - 1]);
    const damaged = texts[0].slice(0, -1) + (texts[0].endsWith('A') ? 'B' : 'A');
    await deliver(damaged);
    await settle(b);
    assert.equal(await testValue(b, 'qr.last_scan'), 'refused');
    assert.ok((await items(b)).some((i) => i.label.includes('已拒收')), 'the refusal is shown');
    assert.ok((await items(b)).some((i) => i.label === `已收到 1 / ${n} 张`));
    await b.screenshot({ path: path.join(ARTIFACTS, 'phone-receive-refused-390.png') });
    for (let i = 0; i < n - 1; i++) await deliver(texts[i]);
    await settle(b);
    assert.equal(await testValue(b, 'qr.last_scan'), 'complete');
    assert.equal(await testValue(b, 'qr.received'), payload, 'the received bytes are the sent bundle');
    await find(b, '导入预览');
    await b.screenshot({ path: path.join(ARTIFACTS, 'phone-receive-preview-390.png') });
    await click(b, '确认合并', { tap: true });
    const got = (await dataset(b)).campaign.talks.find((t) => t.id === talk.id);
    assert.deepEqual(got, sent, 'the record on phone B is identical to phone A\'s');
    assert.deepEqual(a.zjErrors, []);
    assert.deepEqual(b.zjErrors, []);
    await a.context().close();
    await b.context().close();
  } finally {
    await browser.close();
  }
});

test('the camera view reads a code shown by another phone (fake camera fed with the QR image)', async () => {
  // Phone A shows the first code of a recorded talk; its image becomes the fake camera's video (Y4M, I420).
  const browserA = await launch();
  const y4m = path.join(os.tmpdir(), `zj-qr-camera-${process.pid}.y4m`);
  let chunk;
  try {
    const a = await openApp(browserA, fileUrl('test=1&today=2026-03-25&screen=phone'), { width: 390, height: 844, touch: true });
    await click(a, '二维码发送', { tap: true });
    await settle(a, 5);  // a tab shows its contents from the next frame
    await click(a, '生成二维码', { tap: true });
    await click(a, '停止', { tap: true });
    chunk = await testValue(a, 'qr.chunk');
    const png = await shotOf(a, 'qr-send');
    const frame = await a.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const w = 640, h = 480, c = document.createElement('canvas');
      c.width = w; c.height = h;
      const x = c.getContext('2d');
      x.fillStyle = '#fff'; x.fillRect(0, 0, w, h);
      const s = Math.min((w - 40) / img.width, (h - 40) / img.height);
      x.drawImage(img, (w - img.width * s) / 2, (h - img.height * s) / 2, img.width * s, img.height * s);
      const d = x.getImageData(0, 0, w, h).data;
      const out = new Uint8Array(w * h * 3 / 2);
      for (let i = 0; i < w * h; i++) out[i] = Math.round(0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2]);
      out.fill(128, w * h);  // grey image: neutral chroma
      let bin = '';
      for (let i = 0; i < out.length; i += 0x8000) bin += String.fromCharCode(...out.subarray(i, i + 0x8000));
      return { w, h, b64: btoa(bin) };
    }, png.toString('base64'));
    const header = Buffer.from(`YUV4MPEG2 W${frame.w} H${frame.h} F10:1 Ip A1:1 C420jpeg\n`);
    const body = Buffer.from(frame.b64, 'base64');
    const frames = [];
    for (let i = 0; i < 10; i++) frames.push(Buffer.from('FRAME\n'), body);
    fs.writeFileSync(y4m, Buffer.concat([header, ...frames]));
    await a.context().close();
  } finally {
    await browserA.close();
  }
  // Phone B opens its camera view: getUserMedia -> video -> canvas -> decoder -> the sequence reader.
  const browserB = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
                                 `--use-file-for-fake-video-capture=${y4m}`]);
  try {
    const b = await openApp(browserB, fileUrl('test=1&today=2026-03-25&screen=phone'), { width: 390, height: 844, touch: true });
    await click(b, '扫码接收', { tap: true });
    await settle(b, 5);
    await click(b, '打开摄像头扫码', { tap: true });
    await b.waitForSelector('#zj-qr-camera video');
    await b.waitForFunction(() => (window.zjTestValues || {})['qr.last_scan'] === 'accepted', null, { timeout: 30000 });
    const n = chunk.split('/')[1];
    await b.waitForFunction((t) => document.querySelector('#zj-qr-camera').textContent.includes(t), `已收到 1 / ${n} 张`);
    await b.screenshot({ path: path.join(ARTIFACTS, 'phone-camera-390.png') });
    await b.click('#zj-qr-camera button');
    await settle(b);
    assert.equal(await b.evaluate(() => !!document.querySelector('#zj-qr-camera')), false);
    await find(b, '打开摄像头扫码');
    await b.context().close();
  } finally {
    await browserB.close();
    fs.rmSync(y4m, { force: true });
  }
});
