// Shared helpers for the browser tests: launch Debian's Chromium through playwright-core, open the
// app, and find items by label through the app's locator (window.zjTest, ?test=1).
import { chromium } from 'playwright-core';
import { after } from 'node:test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.ZJ_DIST || path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic'];

// Every browser and persistent context a test opens is closed after the file's last test, also when a test
// failed before its own close: an open browser would keep the file's process alive until run.mjs kills it.
const opened = new Set();
function track(b) { opened.add(b); b.on('close', () => opened.delete(b)); return b; }
after(async () => { for (const b of [...opened]) { try { await b.close(); } catch (e) { /* already gone */ } } });

export async function launch(extraArgs = []) {
  return track(await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] }));
}
/** A persistent context (a browser profile in `dir`, kept across launches); options as playwright's. */
export async function launchPersistent(dir, options = {}) {
  return track(await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...options }));
}

export function fileUrl(query = '') {
  return 'file://' + path.join(DIST, 'zhengjian.html') + (query ? '?' + query : '');
}

/** A static server over dist/web on a free port: {url, close(), stop()}. stop() also drops open connections
 *  (a service worker test takes the server down while the browser still holds keep-alive sockets). */
export async function serveWeb() {
  const root = path.join(DIST, 'web');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
                  '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png',
                  '.webmanifest': 'application/manifest+json' };
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const p = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = p.endsWith('/') ? path.join(p, 'index.html') : p;
    if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const close = () => new Promise((r) => server.close(r));
  const stop = () => new Promise((r) => { server.close(() => r()); for (const s of sockets) s.destroy(); });
  return { url: `http://127.0.0.1:${server.address().port}/`, close, stop };
}

/** Opens the app and waits until it has drawn a few frames. Collects page errors into page.zjErrors. */
export async function openApp(browser, url, { width = 1280, height = 800, scale = 1, touch = false, init = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale,
                                             hasTouch: touch, isMobile: touch });
  if (init) await context.addInitScript(init);  // runs before the page's own scripts (e.g. a stored 字号)
  const page = await context.newPage();
  page.zjErrors = [];
  page.on('pageerror', (e) => page.zjErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.zjErrors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => (window.zjTest && window.zjTest.frames() > 2) || window.zjFatalMessage,
                             null, { timeout: 30000 });
  const fatal = await page.evaluate(() => window.zjFatalMessage);
  if (fatal) throw new Error('app failed to start: ' + fatal);
  return page;
}

/** Waits for frames so the UI reflects the last input. */
export async function settle(page, frames = 3) {
  const start = await page.evaluate(() => window.zjTest.frames());
  await page.waitForFunction((n) => window.zjTest.frames() >= n, start + frames, { timeout: 10000 });
}

export async function items(page) { return page.evaluate(() => window.zjTest.items()); }
export async function labels(page) { return (await items(page)).map((i) => i.label); }

/** The item whose label is exactly `label` (first match); throws with the visible labels if none. */
export async function find(page, label, { window } = {}) {
  const all = await items(page);
  const hit = all.find((i) => i.label === label && (!window || i.window.startsWith(window)));
  if (!hit) throw new Error(`no item labelled ${JSON.stringify(label)}; visible: ${JSON.stringify(all.map((i) => i.label))}`);
  return hit;
}

/** Clicks (or taps) the centre of the item labelled `label`. */
export async function click(page, label, opts = {}) {
  const it = await find(page, label, opts);
  const x = it.x + it.w / 2, y = it.y + it.h / 2;
  if (opts.tap) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await settle(page);
}

/** True when some visible item's label equals `re` (a string) or matches it (a RegExp). */
export async function hasLabel(page, re) {
  return (await items(page)).some((i) => (typeof re === 'string' ? i.label === re : re.test(i.label)));
}

/** Waits until a label like `re` is visible and returns its item ({label, x, y, w, h}); throws with the visible
 *  labels after `timeout` ms. */
export async function waitLabel(page, re, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const it = (await items(page)).find((i) => (typeof re === 'string' ? i.label === re : re.test(i.label)));
    if (it) return it;
    await page.waitForTimeout(100);
  }
  throw new Error('no label ' + re + '; visible: ' + JSON.stringify((await items(page)).map((i) => i.label)));
}

/** Shows a screen through the navigation (the tallest item of that label: side bar or tab bar; on a phone
 *  the "…" menu when the screen is not in the tab bar), with a tap when `tap`. */
export async function goTo(page, screen, tap = false) {
  if (!(await hasLabel(page, screen))) await click(page, '…', { tap });
  const all = (await items(page)).filter((it) => it.label === screen);
  if (!all.length) throw new Error('no navigation to ' + screen);
  const it = all.reduce((a, b) => (b.h > a.h ? b : a));
  if (tap) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page, 4);
}

/** Scrolls the screen (mouse wheel over the screen's own scroll bar at the right edge, clear of nested lists)
 *  until the item labelled `label` is fully in view below the header (one or more lines, by width and 字号) and
 *  above the phone's tab bar, or the screen can scroll no further; returns it. Throws with the visible labels when
 *  it never shows. For screens longer than a phone's height. */
export async function scrollToLabel(page, label, tries = 24) {
  const vp = page.viewportSize();
  const bottom = vp.height - (vp.width < 600 ? 90 : 20);
  let lastY = null, lastShape = null, x = vp.width - 20;
  for (let i = 0; i < tries; i++) {
    const all = await items(page);
    const top = Math.max(0, ...all.filter((x) => ['字号', 'EN', 'English', '中文'].includes(x.label)).map((x) => x.y + x.h));
    const it = all.find((x) => x.label === label);
    if (it && it.y >= top && (it.y + it.h <= bottom || it.y === lastY)) return it;  // in view, or the screen's end
    // Nothing moved under the right edge (no scroll bar there on this screen): wheel over the middle instead.
    const shape = all.map((x) => x.label + '@' + x.y).join('|');
    if (shape === lastShape) x = x === vp.width - 20 ? vp.width / 2 : vp.width - 20;
    lastShape = shape;
    lastY = it ? it.y : null;
    await page.mouse.move(x, vp.height * 0.45);
    await page.mouse.wheel(0, it && it.y < top ? -250 : 250);
    await settle(page, 3);
  }
  throw new Error(`never in view: ${JSON.stringify(label)}; visible: ${JSON.stringify(await labels(page))}`);
}
