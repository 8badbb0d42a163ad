// The driver layer of the cross-engine run (tests/browser/engines/run.mjs): one small class per engine with
// the same methods, so the scenarios (scenarios.mjs) are written once.
//   webkit:  WebKitGTK's MiniBrowser (--automation) through WebKitWebDriver (Debian webkit2gtk-driver), driven
//            with selenium-webdriver's W3C client (raw W3C actions for mouse, keys and touch).
//   firefox: Firefox ESR through WebDriver BiDi (puppeteer-core, browser: 'firefox'), headed: run.mjs runs
//            under xvfb-run, where WebGL2 works (headless Firefox here has none).
// Coordinates are CSS pixels of the viewport (the canvas fills it), as window.zjTest.items() gives them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const MINIBROWSER = process.env.ZJ_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER = process.env.ZJ_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const FIREFOX = process.env.ZJ_FIREFOX || '/usr/bin/firefox-esr';

/** A scenario step the engine cannot do: thrown, reported as "skipped (reason)". */
export class Skip extends Error {}
export const skip = (why) => { throw new Skip(why); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
}

/** What both drivers share: waiting on the page and the app's own hooks. */
class Base {
  async waitFor(fn, arg, timeout = 20000, what = String(fn)) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try { last = await this.eval(fn, arg); if (last) return last; } catch (e) { last = e.message; }
      await sleep(100);
    }
    throw new Error(`timed out (${timeout} ms) waiting for ${what}; last: ${JSON.stringify(last)}`);
  }
  /** Waits until the app has drawn a few frames (or failed to start: then throws its message). */
  async ready(timeout = 30000) {
    await this.waitFor(() => (window.zjTest && window.zjTest.frames() > 2) || !!window.zjFatalMessage, null, timeout, 'first frames');
    const fatal = await this.eval(() => window.zjFatalMessage || '');
    if (fatal) throw new Error('app failed to start: ' + fatal);
  }
  async open(url) { await this.goto(url); await this.ready(); }
  async settle(frames = 3) {
    const start = await this.eval(() => window.zjTest.frames());
    await this.waitFor((n) => window.zjTest.frames() >= n, start + frames, 10000, 'frames');
  }
  items() { return this.eval(() => window.zjTest.items()); }
  async dataset() { return JSON.parse(await this.eval(() => window.zjTest.dataset())); }
  apply(cmd) { return this.eval((c) => window.zjTest.apply(c), cmd); }
  async find(label) {
    const all = await this.items();
    const hit = all.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
    if (!hit) throw new Error(`no item labelled ${label}; visible: ${JSON.stringify(all.map((i) => i.label))}`);
    return hit;
  }
  async waitLabel(label, timeout = 10000) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      const all = await this.items();
      const hit = all.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
      if (hit) return hit;
      await sleep(100);
    }
    return this.find(label);
  }
  /** Clicks (or taps) the centre of the item labelled `label`. */
  async clickLabel(label, { tap = false } = {}) {
    const it = await this.find(label);
    const x = it.x + it.w / 2, y = it.y + it.h / 2;
    if (tap) await this.tap(x, y); else await this.click(x, y);
    await this.settle();
  }
  /** The navigation to a screen (tallest item of that label: side bar or tab bar; on a phone through "…"). */
  async goTo(screen, tap = false) {
    let all = (await this.items()).filter((it) => it.label === screen);
    if (!all.length) { await this.clickLabel('…', { tap }); all = (await this.items()).filter((it) => it.label === screen); }
    if (!all.length) throw new Error('no navigation to ' + screen);
    const it = all.reduce((a, b) => (b.h > a.h ? b : a));
    if (tap) await this.tap(it.x + it.w / 2, it.y + it.h / 2); else await this.click(it.x + it.w / 2, it.y + it.h / 2);
    await this.settle(4);
  }
  /** The app's file picker answered with `name`/`text`, through the app's own <input type=file> change path:
   *  WebDriver cannot reach the native file dialog the hidden input opens, so the input's click() is
   *  replaced, once, by setting its files (a DataTransfer) and firing change, as the browser does after a pick. */
  async pickFileNext(name, text) {
    await this.eval(([name, text]) => {
      const orig = HTMLInputElement.prototype.click;
      HTMLInputElement.prototype.click = function () {
        if (this.type !== 'file') return orig.call(this);
        HTMLInputElement.prototype.click = orig;
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        this.files = dt.files;
        this.dispatchEvent(new Event('change'));
      };
    }, [name, text]);
  }
}

// ---- WebKitGTK ---------------------------------------------------------------------------------------------
export class WebKit extends Base {
  static engine = 'webkit';
  get name() { return 'webkit'; }
  /** `profile` is accepted for symmetry; MiniBrowser in automation mode always runs an ephemeral session. */
  static async launch({ width = 1280, height = 900 } = {}) {
    const { Builder } = await import('selenium-webdriver');
    const port = await freePort();
    const proc = spawn(WEBKIT_DRIVER, ['--port=' + port], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    const end = Date.now() + 10000;
    for (;;) {
      try { const r = await fetch(`http://127.0.0.1:${port}/status`); if (r.ok) break; } catch (e) { /* not yet */ }
      if (Date.now() > end) { proc.kill(); throw new Error('WebKitWebDriver did not start: ' + err); }
      await sleep(100);
    }
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
    const w = new WebKit();
    w.driver = driver; w.proc = proc;
    await w.resize(width, height);
    return w;
  }
  async resize(width, height) {
    // The window's size includes MiniBrowser's own chrome: size it so the viewport is width x height.
    await this.driver.manage().window().setRect({ width, height });
    await sleep(300);
    const [iw, ih] = await this.eval(() => [innerWidth, innerHeight]);
    if (iw !== width || ih !== height) await this.driver.manage().window().setRect({ width: 2 * width - iw, height: 2 * height - ih });
  }
  async goto(url) { await this.driver.get(url); }
  async reload() { await this.driver.navigate().refresh(); await this.ready(); }
  eval(fn, arg) {
    // Promises are awaited (executeAsyncScript), values come back as JSON.
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn})(arguments[0])).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`,
      arg === undefined ? null : arg).then((r) => { if (r && r.e) throw new Error('in page: ' + r.e); return r.v; });
  }
  actions(list) {
    return this.driver.execute(new this.Command('actions').setParameter('actions', list));
  }
  async click(x, y) {
    await this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }] }]);
  }
  async touch(points) {
    const acts = [{ type: 'pointerMove', x: Math.round(points[0][0]), y: Math.round(points[0][1]), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }];
    for (const [x, y] of points.slice(1)) acts.push({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 60 });
    acts.push({ type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 });
    await this.actions([{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: acts }]);
  }
  tap(x, y) { return this.touch([[x, y]]); }
  drag(x, y0, y1) { const pts = []; for (let i = 0; i <= 6; i++) pts.push([x, y0 + ((y1 - y0) * i) / 6]); return this.touch(pts); }
  /** Real key events, one key per character (WebDriver "key" actions; non-ASCII characters as their own key). */
  async keys(text) {
    const acts = [];
    for (const ch of text) acts.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.actions([{ type: 'key', id: 'kbd', actions: acts }]);
  }
  async press(combo) {
    const KEYS = { Enter: '\uE007', Backspace: '\uE003', Delete: '\uE017', End: '\uE010', Home: '\uE011', Escape: '\uE00C', Control: '\uE009', Tab: '\uE004' };
    const parts = combo.split('+').map((k) => KEYS[k] || k.toLowerCase());
    const acts = parts.map((v) => ({ type: 'keyDown', value: v })).concat(parts.slice().reverse().map((v) => ({ type: 'keyUp', value: v })));
    await this.actions([{ type: 'key', id: 'kbd', actions: acts }]);
  }
  async windows() { return (await this.driver.getAllWindowHandles()).length; }
  async closeOtherWindows() {
    const me = await this.driver.getWindowHandle();
    for (const h of await this.driver.getAllWindowHandles()) {
      if (h === me) continue;
      await this.driver.switchTo().window(h);
      await this.driver.close();
    }
    await this.driver.switchTo().window(me);
  }
  async close() {
    try { await this.driver.quit(); } catch (e) { /* gone */ }
    this.proc.kill();
  }
}
WebKit.prototype.Command = null;

// ---- Firefox ESR -------------------------------------------------------------------------------------------
export class Firefox extends Base {
  static engine = 'firefox';
  get name() { return 'firefox'; }
  /** `profile`: a directory kept across launches (browser restart), else a fresh temporary one. */
  static async launch({ width = 1280, height = 900, profile = null } = {}) {
    const puppeteer = (await import('puppeteer-core')).default;
    const dir = profile || fs.mkdtempSync(path.join(os.tmpdir(), 'zj-ff-'));
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: false,
      userDataDir: dir, defaultViewport: null, args: [`--width=${width}`, `--height=${height}`],
      extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'dom.disable_open_during_load': false } });
    const f = new Firefox();
    f.browser = browser;
    f.page = (await browser.pages())[0] || await browser.newPage();
    await f.page.setViewport({ width, height });
    return f;
  }
  async goto(url) { await this.page.goto(url); }
  async reload() { await this.page.reload(); await this.ready(); }
  eval(fn, arg) { return this.page.evaluate(fn, arg === undefined ? null : arg); }
  async click(x, y) { await this.page.mouse.click(x, y, { delay: 50 }); }
  async tap(x, y) { await this.page.touchscreen.tap(x, y); }
  async drag(x, y0, y1) {
    const ts = this.page.touchscreen;
    await ts.touchStart(x, y0);
    for (let i = 1; i <= 6; i++) { await ts.touchMove(x, y0 + ((y1 - y0) * i) / 6); await sleep(30); }
    await ts.touchEnd();
  }
  async keys(text) { await this.page.keyboard.type(text); }
  async press(combo) {
    const parts = combo.split('+').map((k) => (k.length === 1 ? k.toLowerCase() : k));
    for (const k of parts) await this.page.keyboard.down(k);
    for (const k of parts.slice().reverse()) await this.page.keyboard.up(k);
  }
  async windows() { return (await this.browser.pages()).length; }
  async closeOtherWindows() { for (const p of await this.browser.pages()) if (p !== this.page) await p.close(); }
  async resize(width, height) { await this.page.setViewport({ width, height }); }
  async close() { try { await this.browser.close(); } catch (e) { /* gone */ } }
}

export async function loadEngines() {
  const { Command } = await import('selenium-webdriver/lib/command.js');
  WebKit.prototype.Command = Command;
  return { webkit: WebKit, firefox: Firefox };
}
