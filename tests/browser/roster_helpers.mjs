// Helpers shared by organization.test.mjs and rate.test.mjs: the roster import through the file chooser,
// the dataset, and finding items near each other (a table row).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { click, find, items, labels, settle } from './lib.mjs';

/** The rosters tests/data/make_rosters.py writes; the Makefile sets ZJ_TESTDATA_DIR ($(BUILD)/testdata). */
export const TESTDATA = process.env.ZJ_TESTDATA_DIR || '';
for (const f of ['roster-utf8-bom.csv', 'roster-gbk.csv', 'roster-messy.csv']) {
  if (!TESTDATA || !fs.existsSync(path.join(TESTDATA, f)))
    throw new Error(`test roster ${path.join(TESTDATA || '$ZJ_TESTDATA_DIR', f)} is missing: run the browser tests through make (make test-browser)`);
}
export const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));

/** Opens a screen from the side bar (desktop) or through the phone's "…" menu / tab bar. */
export async function go(page, screen, { phone = false } = {}) {
  const tap = phone ? { tap: true } : {};
  if (phone && !(await labels(page)).includes(screen)) await click(page, '…', tap);
  await click(page, screen, tap);
}

/** 组织 → 名册导入导出 → 导入名册… with `file`; returns after the preview is drawn. */
export async function pickRoster(page, file, { phone = false } = {}) {
  const tap = phone ? { tap: true } : {};
  await go(page, '组织', { phone });
  await clickTab(page, '名册导入导出', tap);
  const target = await find(page, '导入名册…');
  const [fc] = await Promise.all([page.waitForEvent('filechooser'),
    phone ? page.touchscreen.tap(target.x + target.w / 2, target.y + target.h / 2)
          : page.mouse.click(target.x + target.w / 2, target.y + target.h / 2)]);
  await fc.setFiles(file);
  // The preview's first line (文件：…) may be drawn below the fold (a phone at a large 字号): scroll towards it.
  const end = Date.now() + 10000;
  for (;;) {
    if ((await labels(page)).some((l) => l.startsWith('文件：'))) break;
    if (Date.now() > end) throw new Error('no preview (文件：…) after picking ' + file + '; visible: ' + JSON.stringify(await labels(page)));
    const vp = page.viewportSize();
    await page.mouse.move(vp.width / 2, vp.height * 0.45);
    await page.mouse.wheel(0, 150);
    await settle(page);
  }
  await settle(page);
}

/** Imports roster-gbk.csv (120 people) and applies it; returns the dataset after. */
export async function importGbkRoster(page, opts = {}) {
  await pickRoster(page, path.join(TESTDATA, 'roster-gbk.csv'), opts);
  const ls = await labels(page);
  assert.ok(ls.includes('新增 120'), 'preview counts: ' + JSON.stringify(ls));
  await click(page, '确认导入（新增 120，更新 0）', opts.phone ? { tap: true } : {});
  return dataset(page);
}

/** Items whose vertical centre lies within the row of `item` (same table row). */
export async function rowOf(page, item) {
  const cy = item.y + item.h / 2;
  return (await items(page)).filter((i) => Math.abs(i.y + i.h / 2 - cy) < 10);
}

/** Clicks the LAST item labelled `label` (a combo's popup is drawn after the screen, so its entry is last). */
export async function clickLast(page, label, { tap = false } = {}) {
  const all = (await items(page)).filter((i) => i.label === label);
  if (!all.length) throw new Error(`no item labelled ${JSON.stringify(label)}`);
  const it = all[all.length - 1];
  if (tap) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}

/** Clicks a tab (组织 / 评 tabs): tabs allow overlap, so ImGui wants the mouse over them one frame before
 *  the press, as a real pointer is. Hovers first, then clicks (or taps on phones). */
export async function clickTab(page, label, { tap = false } = {}) {
  const it = await find(page, label);
  const x = it.x + it.w / 2, y = it.y + it.h / 2;
  if (tap) {
    await page.touchscreen.tap(x, y);
  } else {
    await page.mouse.move(x, y);
    await settle(page, 2);
    await page.mouse.click(x, y);
  }
  await settle(page);
}
