// One set of scenarios for every engine (issue 14). Each gets `E` (the engine's driver class, drivers.mjs) and
// `env` ({fileUrl(q), serve(), shared}), uses the shared browser or launches its own, asserts values read back from the app
// (its dataset, its items, its storage), and closes what it opened. skip(reason) where the engine or its driver
// cannot do a step: printed with the reason, never counted as passed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skip } from './drivers.mjs';

const Q = 'test=1&today=2026-03-25';
const PASS = '东湖村 2026 春';
const DEMO_NOTES = '稻虾共作';   // in every demo talk record (core/demo/demo_campaign.cpp)

/** Runs `body(b)` on a launched browser and closes it, also on failure. */
async function withBrowser(E, opts, body) {
  const b = await E.launch(opts);
  try { return await body(b); } finally { await b.close(); }
}
// Launching and first opening cost 5-15 s per engine on this machine, so most scenarios share one browser per
// engine (env.shared, closed by run.mjs after the engine's last scenario), opened once from file:// and resized
// where a scenario needs it; the order of `scenarios` keeps what changes the data for all (the lock) last.
const MAIN_VIEW = { width: 1280, height: 1400 };
async function main(E, env, view = MAIN_VIEW) {
  let b = env.shared.main;
  if (!b) {
    b = env.shared.main = await E.launch(MAIN_VIEW);
    env.shared.mainView = MAIN_VIEW;
    await b.open(env.fileUrl(Q));
  }
  if (env.shared.mainView.width !== view.width || env.shared.mainView.height !== view.height) {
    await b.resize(view.width, view.height);
    env.shared.mainView = view;
    await b.waitFor((v) => innerWidth === v.width && innerHeight === v.height, view, 10000, 'viewport ' + JSON.stringify(view));
    await b.settle(4);
  }
  await b.press('Escape');
  return b;
}
/** The hosted build (a local server over dist/web) in its own browser, shared by the hosted and offline scenarios. */
const onMain = async (E, env, view, body) => body(await main(E, env, view || MAIN_VIEW));
async function hosted(E, env) {
  if (!env.shared.hosted) {
    const srv = await env.serve();
    const b = await E.launch({});
    env.shared.hosted = b;
    env.shared.srv = srv;
    await b.open(srv.url + '?' + Q);
  }
  return { b: env.shared.hosted, srv: env.shared.srv };
}
/** Everything on disk: stored at least `n` times, no journal entry pending, no snapshot being written. */
const saved = (b, n = 1) => b.waitFor((n) => {
  const i = window.zjStorage.info();
  return i.saves >= n && i.unsaved === 0 && !i.snapshotting;
}, n, 15000, 'saved');
/** insertText-style input (what IMEs and phone keyboards deliver): the engine's own editing command on the focused
 *  field, which fires its beforeinput / input events. */
const insertText = (b, t) => b.eval((t) => {
  const ok = document.execCommand('insertText', false, t);
  return { ok, active: document.activeElement && document.activeElement.id };
}, t);
async function typeInto(b, testId, text) {
  await b.clickLabel(testId);
  const r = await insertText(b, text);
  assert.equal(r.active, 'zj-text', 'the text bridge has focus');
  await b.settle();
}
async function basicChecks(b) {
  assert.ok((await b.eval(() => window.zjTest.webgl())) >= 1, 'WebGL is used');
  assert.deepEqual(await b.eval(() => window.zjTest.missingGlyphs()), [], 'no missing glyphs');
  const bad = await b.eval(() => window.zjTest.missingGlyphsFor(['名\u0378', '\u{10FFFD}']));
  assert.deepEqual(bad.map((x) => x.codepoint), [0x378, 0x10FFFD], 'the glyph check can fail');
  const names = (await b.dataset()).org.members.map((m) => m.name).join('');
  assert.ok(names.includes('䶮') && names.includes('𠮷'), 'demo names with 䶮 and 𠮷');
  assert.ok((await b.items()).some((i) => i.label === '组织'), 'the navigation is drawn');
  const ms = await b.eval(() => window.zjTest.firstFrameMs());
  assert.ok(ms > 0, 'first frame drawn');
  return ms;
}

export const scenarios = [
  {
    name: 'open from file://: first frame, WebGL, no missing glyphs',
    async run(E, env) {
      const b = await main(E, env);
      const ms = await basicChecks(b);
      return `first frame ${Math.round(ms)} ms`;
    },
  },
  {
    name: 'open the hosted build (local server over dist/web): first frame, no missing glyphs',
    async run(E, env) {
      const { b } = await hosted(E, env);
      await basicChecks(b);
      assert.equal(await b.eval(() => location.protocol), 'http:');
    },
  },
  {
    name: 'text bridge: Chinese by real key events and insertText, composition, Backspace, paste',
    async run(E, env) {
      return onMain(E, env, null, async (b) => {
        const name = async (id) => (await b.dataset()).org.members.find((m) => m.id === id).name;
        await b.clickLabel('组织');
        const d = await b.dataset();
        const byName = new Map(d.org.members.map((m) => [m.name, m]));
        const row = (await b.items()).find((i) => byName.has(i.label));
        assert.ok(row, 'a member row is visible');
        const id = byName.get(row.label).id;
        await b.clickLabel(row.label);
        await b.clickLabel('member_name');
        assert.equal(await b.eval(() => document.activeElement.id), 'zj-text', 'the bridge has focus');
        // 1. Real key events (WebDriver key actions): select all, then Chinese characters as keys, Enter.
        await b.press('Control+A');
        await b.keys('张三丰');
        await b.press('Enter');
        await b.settle();
        assert.equal(await name(id), '张三丰', 'typed by key events');
        // 2. insertText (the engine's editing command), then a composition as IMEs send it.
        await b.clickLabel('member_name');
        await b.press('End');
        await insertText(b, '李');
        await b.eval(() => {
          const ta = document.getElementById('zj-text');
          ta.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
          ta.value += 'hua';
          ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: 'hua', isComposing: true }));
          ta.value = ta.value.replace('hua', '华');
          ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '华', isComposing: true }));
          ta.dispatchEvent(new CompositionEvent('compositionend', { data: '华' }));
          ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '华' }));
        });
        await b.settle();
        await b.press('Enter');
        await b.settle();
        assert.equal(await name(id), '张三丰李华', 'insertText and composition');
        // 3. Backspace as a real key.
        await b.clickLabel('member_name');
        await b.press('End');
        await b.press('Backspace');
        await b.settle();
        await b.press('Enter');
        await b.settle();
        assert.equal(await name(id), '张三丰李', 'Backspace');
        // 4. Copy and paste through the system clipboard: select all, Ctrl+C (the app copies), End, Ctrl+V (the
        //    engine's own paste event brings the text).
        await b.clickLabel('member_name');
        await b.press('Control+A');
        await b.settle();
        await b.press('Control+C');
        await b.settle();
        await b.press('End');
        await b.settle();
        await b.press('Control+V');
        await b.settle();
        await b.press('Enter');
        await b.settle();
        assert.equal(await name(id), '张三丰李张三丰李', 'copied and pasted');
      });
    },
  },
  {
    name: 'autosave, reload and browser restart (same profile): nothing lost',
    async run(E, env) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-eng-profile-'));
      let id;
      await withBrowser(E, { profile }, async (b) => {
        await b.open(env.fileUrl(Q));
        id = (await b.dataset()).org.members[0].id;
        assert.equal((await b.apply({ name: 'member.update', args: { id, name: '周保存' } })).ok, true);
        await saved(b);
        assert.equal(await b.eval(() => window.zjStorage.info().backend), 'indexeddb');
        await b.reload();
        assert.equal((await b.dataset()).org.members.find((m) => m.id === id).name, '周保存', 'kept across reload');
        assert.equal(await b.eval(() => window.zjStorage.info().load.state), 'ok');
      });
      if (E.engine === 'webkit') skip('reload passed; browser restart: MiniBrowser --automation always runs an ephemeral (private) session, so no profile outlives the browser');
      await withBrowser(E, { profile }, async (b) => {
        await b.open(env.fileUrl(Q));
        assert.equal((await b.dataset()).org.members.find((m) => m.id === id).name, '周保存', 'kept across browser restart');
      });
    },
  },
  {
    name: 'backup export and import',
    async run(E, env) {
      await onMain(E, env, { width: 1280, height: 1400 }, async (b) => {
        const id = (await b.dataset()).org.members[0].id;
        await b.apply({ name: 'member.update', args: { id, name: '备份之人' } });
        await saved(b);
        await b.goTo('数据');
        await b.clickLabel('导出备份');
        const dl = await b.eval(() => ({ name: window.zjLastDownload.name, text: window.zjLastDownload.text() }));
        assert.match(dl.name, /^渔洋镇-备份-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
        assert.equal(JSON.parse(dl.text).org.members[0].name, '备份之人');
        await b.apply({ name: 'member.update', args: { id, name: '导出之后' } });
        await b.settle();
        await b.pickFileNext(dl.name, dl.text);
        await b.clickLabel('导入备份…');
        await b.waitLabel(/^“渔洋镇-备份-.*”:渔洋镇 → 渔洋镇$/);
        await b.clickLabel('确认导入');
        assert.equal((await b.dataset()).org.members.find((m) => m.id === id).name, '备份之人', 'the backup restored the name');
      });
    },
  },
  {
    name: 'liaison bundle import (two profiles)',
    async run(E, env) {
      const view = { width: 1280, height: 1400 };
      const office = await main(E, env, view);
      {
        await office.goTo('数据');
        await office.clickLabel('导出备份');
        const backup = await office.eval(() => window.zjLastDownload.text());
        let bundle;
        await withBrowser(E, view, async (l) => {
          await l.open(env.fileUrl(Q));
          await l.goTo('数据');
          await l.pickFileNext('backup.json', backup);
          await l.clickLabel('导入备份…');
          await l.clickLabel('确认导入');
          const id0 = (await l.dataset()).org.members[0].id;
          assert.equal((await l.apply({ name: 'member.update', args: { id: id0, name: '联络员改名' } })).ok, true);
          await l.settle();
          await l.clickLabel('导出材料包');
          bundle = await l.eval(() => ({ name: window.zjLastDownload.name, text: window.zjLastDownload.text() }));
        });
        assert.match(bundle.name, /^渔洋镇-材料包-[0-9a-f]{4}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
        await office.pickFileNext(bundle.name, bundle.text);
        await office.clickLabel('导入材料包…');
        await office.clickLabel('确认导入');
        const ds = await office.dataset();
        assert.equal(ds.org.members[0].name, '联络员改名', 'the liaison edit arrived');
        assert.ok(ds.import_log && ds.import_log.length >= 1, 'the import is logged');
      }
    },
  },
  {
    name: 'printable page (公示栏) opened in a new window',
    async run(E, env) {
      await onMain(E, env, null, async (b) => {
        await b.goTo('公示');
        const before = await b.windows();
        await b.clickLabel('生成公示栏并打印');
        const last = await b.eval(() => window.zjLastHtml && { name: window.zjLastHtml.name, has: window.zjLastHtml.html.includes('公示栏') });
        assert.ok(last && last.has, 'the page was made');
        assert.match(last.name, /^渔洋镇-公示栏-2026\.html$/);
        const end = Date.now() + 5000;
        while ((await b.windows()) <= before && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
        if (E.engine === 'webkit' && (await b.windows()) === before) {
          // A mouse click is handled in the next animation frame, outside the user gesture, and WebKit blocks
          // window.open there: the app's fallback downloads the page instead. Checked, then reported as a skip.
          const dl = await b.eval(() => window.zjLastDownload && window.zjLastDownload.name);
          assert.equal(dl, last.name, 'blocked window: the printable page was downloaded instead');
          skip('WebKit blocks window.open outside a user gesture (the app handles a mouse click in the next frame); the app downloaded the page instead (checked). Taps open it inside the gesture, untestable here without touch');
        }
        assert.equal(await b.windows(), before + 1, 'the printable page opened in a window');
        await b.closeOtherWindows();
      });
    },
  },
  {
    name: 'touch: tap navigation and fields, drag-scroll a long list',
    async run(E, env) {
      // First: does the driver's touch action reach the page as touch? (a tap on the 组织 navigation)
      let b = await main(E, env);
      await b.eval(() => { window.zjSeen = []; addEventListener('pointerdown', (e) => window.zjSeen.push(e.pointerType), true); });
      await b.goTo('组织', true);
      const seen = await b.eval(() => window.zjSeen);
      if (!seen.includes('touch')) skip(`the driver's touch actions reach the page as pointerType ${JSON.stringify(seen)}, not touch (WebKitGTK's WebDriver has no touch input); taps and drag-scroll untested here`);
      b = await main(E, env, { width: 390, height: 844 });
      const d = await b.dataset();
      const branch = d.org.branches[0].id;
      await b.eval((branch) => {
        for (let i = 0; i < 380; i++) window.zjTest.apply({ name: 'member.add', args: { name: '测试党员' + String(i).padStart(3, '0'), branch_id: branch } });
      }, branch);
      await b.goTo('概览', true);
      await b.goTo('组织', true);
      assert.ok((await b.items()).some((i) => /^显示 \d+ \/ \d+ 人$/.test(i.label) && i.label.includes('/ ' + (d.org.members.length + 380) + ' 人')), 'the taps opened 组织 with every member');
      const first = (await b.items()).filter((i) => i.window.includes('members'))[0];
      await b.drag(150, first.y + 200, first.y - 100);
      await new Promise((r) => setTimeout(r, 700));
      await b.settle();
      const after = (await b.items()).filter((i) => i.window.includes('members'));
      assert.notEqual(after[0].label, first.label, 'the list scrolled');
      assert.ok(!(await b.items()).some((i) => i.label === '删除该党员'), 'dragging did not select a member');
      await b.resize(MAIN_VIEW.width, MAIN_VIEW.height);
      env.shared.mainView = MAIN_VIEW;
    },
  },
  {
    name: 'service worker: the hosted build works offline after the first visit',
    async run(E, env) {
      const { b, srv } = await hosted(E, env);
      const reg = await b.eval(() => !!(window.zjPwa && window.zjPwa.registered));
      if (!reg) skip('no service worker registered in this engine: ' + JSON.stringify(await b.eval(() => ({ sw: 'serviceWorker' in navigator, secure: isSecureContext }))));
      await b.waitFor(() => !!navigator.serviceWorker.controller, null, 20000, 'service worker in control');
      const id = (await b.dataset()).org.members[0].id;
      await b.apply({ name: 'member.update', args: { id, name: '离线测试' } });
      await saved(b);
      await srv.stop();
      const gone = await fetch(srv.url).then(() => false, () => true);
      assert.ok(gone, 'the server is down');
      await b.reload();
      assert.equal(await b.eval(() => window.zjFatalMessage || ''), '');
      assert.equal((await b.dataset()).org.members.find((m) => m.id === id).name, '离线测试', 'data there offline');
    },
  },
  {
    name: 'APIs the engine lacks: the app takes its fallback and says so',
    async run(E, env) {
      return onMain(E, env, null, async (b) => {
        const have = await b.eval(() => ({ persist: !!(navigator.storage && navigator.storage.persist),
          compression: typeof CompressionStream === 'function', locks: !!navigator.locks,
          barcode: typeof BarcodeDetector === 'function', subtle: !!(crypto && crypto.subtle) }));
        assert.ok(have.subtle, 'WebCrypto (the lock needs it)');
        await b.apply({ name: 'member.update', args: { id: (await b.dataset()).org.members[0].id, name: '能力检查' } });
        await saved(b);
        const info = await b.eval(() => window.zjStorage.info());
        assert.equal(info.backend, 'indexeddb');
        if (!have.persist) assert.equal(info.persistRequested, false, 'no persist() asked where there is none');
        assert.equal(info.lockKind, have.locks ? 'weblocks' : 'broadcast', 'one writer tab: Web Locks, else BroadcastChannel');
        // The storage-health warnings name what this engine means for the data (web/storage.js warnings()).
        if (E.engine === 'webkit') assert.ok(info.warnings.includes('safari7'), 'Safari\'s 7-day eviction is told: ' + info.warnings);
        if (E.engine === 'firefox') assert.ok(info.warnings.includes('firefoxfile'), 'Firefox file:// storage is told: ' + info.warnings);
        const lacks = Object.entries(have).filter(([, v]) => !v).map(([k]) => k);
        return 'lacks: ' + (lacks.join(', ') || 'nothing') + '; warnings: ' + info.warnings.join(', ');
      });
    },
  },
  {
    name: 'passphrase lock (WebCrypto): set, locked after reload, wrong refused, opened',
    async run(E, env) {
      await onMain(E, env, { width: 1280, height: 2200 }, async (b) => {
        const lock = () => b.eval(() => (window.zjTestValues || {}).talk_lock || '');
        const waitLock = (re) => b.waitFor((src) => new RegExp(src).test((window.zjTestValues || {}).talk_lock || ''), re.source, 30000, 'talk_lock ' + re);
        assert.ok((await b.eval(() => window.zjTest.dataset())).includes(DEMO_NOTES));
        await b.goTo('数据');
        await typeInto(b, 'lock_pass1', PASS);
        await typeInto(b, 'lock_pass2', PASS);
        await b.clickLabel('设置口令锁');
        await waitLock(/^open readable=3 hidden=0 waiting=0$/);
        await b.waitFor(() => {
          const i = window.zjStorage.info();
          return i.pointer && i.snapshots.length && i.snapshots[0].seq === i.pointer.seq && i.snapshots[0].locked && i.unsaved === 0;
        }, null, 20000, 'sealed snapshot stored');
        await b.reload();
        await waitLock(/^closed readable=0 hidden=3 waiting=0$/);
        assert.ok(!(await b.eval(() => window.zjTest.dataset())).includes(DEMO_NOTES), 'records hidden when locked');
        await b.goTo('谈');
        await typeInto(b, 'lock_unlock_pass', PASS + '!');
        await b.clickLabel('解锁');
        await b.waitLabel(/^口令不对。/, 30000);
        assert.match(await lock(), /^closed /);
        await typeInto(b, 'lock_unlock_pass', PASS);
        await b.clickLabel('解锁');
        await waitLock(/^open readable=3 hidden=0 waiting=0$/);
        await b.waitLabel(/^口令锁已打开/);
      });
    },
  },
];
