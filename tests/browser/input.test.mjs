// typing (insertText, IME composition, Android keyCode-229 Backspace, paste), touch (tap,
// drag-scroll a 500-row list without pressing), display at device scale 1 and 3, WebGL1 fallback,
// keyboard undo. Values are read back from the dataset, not from pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, items, labels, click, find, settle, scrollToLabel } from './lib.mjs';

const QUERY = 'test=1&today=2026-03-25';
const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
const memberName = async (page, id) => (await dataset(page)).org.members.find((m) => m.id === id)?.name;

/** Opens 组织, selects the first member row of the table (pinyin order), focuses the name field; returns the
 *  member id. */
async function editFirstMember(page, opts = {}) {
  await click(page, '组织', opts);
  const d = await dataset(page);
  const byName = new Map(d.org.members.map((m) => [m.name, m]));
  const row = (await items(page)).find((i) => byName.has(i.label));
  assert.ok(row, 'a member row is visible');
  const first = byName.get(row.label);
  await click(page, first.name, opts);
  await click(page, 'member_name', opts);
  return first.id;
}

test('Chinese through insertText, IME composition, keyCode-229 Backspace and paste reach the dataset', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const id = await editFirstMember(page);
    // Focus is on the hidden text bridge, placed at the caret.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'zj-text');

    // 1. insertText (what IMEs and phone keyboards deliver): select all, type a new name, Enter.
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('张三丰');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰');

    // 2. IME composition through Chromium's own IME path (CDP): pinyin shown while composing, only the
    //    committed characters arrive, once.
    await click(page, 'member_name');
    await page.keyboard.press('End');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'l', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'li', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '李' });
    await settle(page);
    // The same with DOM composition events as some Android keyboards send them.
    await page.evaluate(() => {
      const ta = document.getElementById('zj-text');
      ta.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      ta.value += 'hua';
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: 'hua', isComposing: true }));
      ta.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'hua' }));
      ta.value = ta.value.replace('hua', '华');
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '华', isComposing: true }));
      ta.dispatchEvent(new CompositionEvent('compositionend', { data: '华' }));
      // Firefox sends one more input event after compositionend: it must not add the text again.
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '华' }));
    });
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰李华');

    // 3. Android Backspace: keydown with keyCode 229 and no key, then the field loses a character.
    await click(page, 'member_name');
    await page.keyboard.press('End');
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
    await page.evaluate(() => {
      const ta = document.getElementById('zj-text');
      ta.value = ta.value.slice(0, -1);
      ta.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward' }));
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 229, key: 'Unidentified', code: '' });
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰李');

    // 4. Paste (Ctrl+V and the phone's paste menu both end in a paste event).
    await click(page, 'member_name');
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '𠮷䶮');
      document.getElementById('zj-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    });
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰李𠮷䶮');
    await page.screenshot({ path: path.join(ARTIFACTS, 'input-desktop.png') });

    // 5. Keyboard undo / redo of the rename commands (no field active).
    await page.keyboard.press('Escape');
    await settle(page);
    await page.keyboard.press('Control+Z');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰李');
    await page.keyboard.press('Control+Y');
    await settle(page);
    assert.equal(await memberName(page, id), '张三丰李𠮷䶮');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('phone: tap opens the field and keyboard bridge, drag scrolls a 500-row list without selecting', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true });
    // 500 rows: the demo's 120 members plus 380 added through commands.
    const d = await dataset(page);
    const branch = d.org.branches[0].id;
    await page.evaluate(({ branch }) => {
      for (let i = 0; i < 380; i++) window.zjTest.apply({ name: 'member.add', args: { name: '测试党员' + String(i).padStart(3, '0'), branch_id: branch } });
    }, { branch });
    await click(page, '…', { tap: true });
    await click(page, '组织', { tap: true });
    assert.ok((await labels(page)).includes('显示 500 / 500 人'));
    const firstBefore = (await items(page)).filter((i) => i.window.includes('members'))[0];

    // Drag up by 300 px with the finger, through Chromium's touch input.
    const cdp = await page.context().newCDPSession(page);
    const x = 150, y0 = firstBefore.y + 200;   // inside the table
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let k = 1; k <= 10; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - 18 * k }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(600);   // inertia settles
    await settle(page);
    const rowsAfter = (await items(page)).filter((i) => i.window.includes('members'));
    assert.notEqual(rowsAfter[0].label, firstBefore.label, 'the list scrolled');
    assert.ok(!(await labels(page)).includes('删除该党员'), 'dragging did not select a member');
    await page.screenshot({ path: path.join(ARTIFACTS, 'input-phone-scrolled.png') });

    // Tap a visible row: it is selected, the editor opens; tap the name field: the text bridge gets focus.
    const row = rowsAfter[2];   // not the first: it may sit under the frozen header row
    await page.touchscreen.tap(row.x + row.w / 2, row.y + row.h / 2);
    await settle(page);
    // The editor is below the table: scroll the screen by dragging on the header area of the editor.
    const field = await find(page, 'member_name').catch(() => null);
    if (!field) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 20, y: 760 }] });
      for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 20, y: 760 - 40 * k }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(600);
      await settle(page);
    }
    await click(page, 'member_name', { tap: true });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'zj-text');
    await page.keyboard.insertText('手机');
    await page.keyboard.press('Enter');
    await settle(page);
    const names = (await dataset(page)).org.members.map((m) => m.name);
    assert.ok(names.some((n) => n.endsWith('手机')), 'typed on the phone');
    await page.screenshot({ path: path.join(ARTIFACTS, 'input-phone-typed.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

// Scrolling chained as phone browsers do: a drag on the member list scrolls the list first; once the list is at its
// end, the same drags scroll the screen around it (never a drag that moves nothing).
test('phone: a drag on a nested list scrolls the list to its end, then the screen', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true });
    await click(page, '…', { tap: true });
    await click(page, '组织', { tap: true });
    const cdp = await page.context().newCDPSession(page);
    const inList = async () => (await items(page)).filter((i) => i.window.includes('members'));
    const outside = async () => (await items(page)).filter((i) => !i.window.includes('members') && i.label === '新增党员')[0];
    const drag = async (x, y0) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
      for (let k = 1; k <= 10; k++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - 14 * k }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(500);
      await settle(page);
    };
    // A member selected: the editor below the list makes the screen longer than the phone.
    let rows = await inList();
    await page.touchscreen.tap(rows[1].x + 40, rows[1].y + rows[1].h / 2);
    await settle(page);
    const rows0 = await inList();
    const anchor0 = await outside();
    assert.ok(rows0.length > 3 && anchor0, 'the member list and 新增党员 are on screen');
    const top = rows0[0].y, bottom = Math.max(...rows0.map((r) => r.y + r.h));
    const x = rows0[0].x + 60, y = Math.round(bottom - 20);
    assert.ok(bottom - top > 150, 'the list is tall enough to drag in');
    // The first drag moves the list, not the screen.
    await drag(x, y);
    const rows1 = await inList();
    assert.notEqual(rows1[0].label, rows0[0].label, 'the list scrolled first');
    assert.equal((await outside()).y, anchor0.y, 'the screen stayed while the list could move');
    // 120 members: drag on, always starting inside the list, until the list is at its end and the screen moves.
    let moved = false;
    for (let i = 0; i < 40 && !moved; i++) {
      rows = await inList();
      const b = Math.max(...rows.map((r) => r.y + r.h));
      await drag(x, Math.round(b - 20));
      const o = await outside();
      moved = !o || o.y < anchor0.y;  // gone above the top, or moved up
    }
    assert.ok(moved, 'after the list reached its end, the drags scrolled the screen');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

// A phone keyboard shrinks the visual viewport (Chrome for Android, Safari), not the layout: the field being typed
// in is brought above it. The keyboard is stood in for by a visual viewport of 500 px, as a 844 px phone shows with
// its keyboard up.
test('phone: the visual viewport shrunk to 500 px by the keyboard keeps the focused field in view', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true });
    await click(page, '…', { tap: true });
    await click(page, '组织', { tap: true });
    const rows = (await items(page)).filter((i) => i.window.includes('members'));
    await page.touchscreen.tap(rows[2].x + rows[2].w / 2, rows[2].y + rows[2].h / 2);
    await settle(page);
    let f = await scrollToLabel(page, 'member_name');
    if (f.y < 600) {  // put the field low on the screen, where a keyboard covers it
      await page.mouse.move(385, 420);
      await page.mouse.wheel(0, -(640 - f.y));
      await settle(page, 6);
      f = await find(page, 'member_name');
    }
    assert.ok(f.y > 520, 'the field starts below the 500 px a keyboard leaves: y ' + f.y);
    await page.touchscreen.tap(f.x + f.w / 2, f.y + f.h / 2);
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'zj-text');
    await page.evaluate(() => {
      const vv = window.visualViewport;
      Object.defineProperty(vv, 'height', { configurable: true, get: () => 500 });
      vv.dispatchEvent(new Event('resize'));
    });
    await settle(page, 12);
    const g = await find(page, 'member_name');
    assert.ok(g.y >= 0 && g.y + g.h <= 500, `the field is inside the 500 px left: y ${g.y}, h ${g.h}`);
    assert.equal(await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().height), 500);
    await page.keyboard.insertText('甲');
    await settle(page);
    assert.ok((await labels(page)).length > 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'input-phone-keyboard.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('crisp at device scale 1 and 3: backing store follows devicePixelRatio', async () => {
  const browser = await launch();
  try {
    for (const scale of [1, 3]) {
      const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale, touch: true });
      const [cw, ch, iw, ih] = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return [c.width, c.height, innerWidth, innerHeight];
      });
      assert.equal(cw, iw * scale);
      assert.equal(ch, ih * scale);
      const label = await find(page, '党建知识专题学习');
      await page.screenshot({ path: path.join(ARTIFACTS, `text-scale-${scale}.png`),
                              clip: { x: label.x - 4, y: label.y - 4, width: label.w + 8, height: label.h + 8 } });
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
});

test('runs on WebGL1 when WebGL2 is unavailable', async () => {
  const browser = await launch(['--disable-webgl2']);
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const hasWebGL2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
    if (hasWebGL2) {
      // This Chromium ignores the switch: force the fallback path from the address instead.
      await page.goto(fileUrl(QUERY + '&webgl=1'));
      await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2);
    }
    assert.equal(await page.evaluate(() => window.zjTest.webgl()), 1);
    await settle(page);
    assert.ok((await labels(page)).includes('截止 03-31'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'webgl1-dashboard.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});
