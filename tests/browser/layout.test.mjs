// Layout on phones at every text size (README "Phones"; a liaison in their fifties, large text, one thumb): every
// screen walked top to bottom by finger drags at 360x740 and 390x844, touch, 字号 100 % and 175 %. It fails when an
// interactive item (one with an ImGui id: buttons, fields, list rows, tabs) falls outside the viewport's width,
// overlaps another interactive item of its window by more than 8 px, or is under 44 CSS px tall (checked while fully in view). A
// screenshot of each screen's top is kept in tests/artifacts/layout-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, settle, items, goTo } from './lib.mjs';

const SCREENS = ['概览', '组织', '学', '看', '谈', '评', '材料', '公示', '通报', '数据', '手机'];
const MIN_H = 44;

/** Drags the screen up by about half its height with one finger from near its bottom (lists chain to the screen
 *  at their end). */
async function dragUp(page, cdp, w, h) {
  const x = w / 2, y0 = h * 0.8, step = h * 0.05;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let k = 1; k <= 10; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - step * k }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(150);
  await settle(page, 2);
}

/** The problems of one frame's items at viewport width `w` and height `h`. */
function problems(all, w, h) {
  const out = [];
  const live = all.filter((it) => it.id);
  const inView = (it) => it.y >= 0 && it.y + it.h <= h;
  for (const it of live) {
    const at = `${it.window.split('/').pop()}|${it.label} [${Math.round(it.x)},${Math.round(it.y)} ${Math.round(it.w)}x${Math.round(it.h)}]`;
    if (it.x < -0.5 || it.x + it.w > w + 0.5) out.push('off the width: ' + at);
    if (inView(it) && it.h < MIN_H - 0.5) out.push(`under ${MIN_H} px: ` + at);
  }
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i], b = live[j];
      if (a.window !== b.window || a.id === b.id || !inView(a) || !inView(b)) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // ImGui widens a list row's hit area into the spacing between rows by a few px: overlaps below 8 px are that.
      if (ox > 8 && oy > 8) out.push(`overlap: ${a.label} / ${b.label} in ${a.window.split('/').pop()}`);
    }
  }
  return out;
}

for (const [w, h] of [[360, 740], [390, 844]]) {
  for (const zoom of ['100%', '175%']) {
    test(`every screen at ${w}x${h}, touch, 字号 ${zoom}: nothing off the width, overlapping or under ${MIN_H} px`, async () => {
      const browser = await launch();
      try {
        const page = await openApp(browser, fileUrl('test=1&today=2026-03-30'), { width: w, height: h, scale: 2, touch: true,
          init: new Function(`localStorage.setItem('zj.setting.zoom', '${zoom}')`) });
        const cdp = await page.context().newCDPSession(page);
        const found = new Set();
        for (const screen of SCREENS) {
          await goTo(page, screen, true);
          await page.screenshot({ path: path.join(ARTIFACTS, `layout-${w}x${h}-${zoom.replace('%', '')}-${SCREENS.indexOf(screen)}.png`) });
          let last = '', same = 0;
          for (let step = 0; step < 24 && same < 2; step++) {
            const all = await items(page);
            for (const p of problems(all, w, h)) found.add(`${screen}: ${p}`);
            const sig = all.map((i) => i.label + '@' + Math.round(i.y)).join('|');
            same = sig === last ? same + 1 : 0;
            last = sig;
            await dragUp(page, cdp, w, h);
          }
        }
        assert.deepEqual([...found], [], `layout problems at ${w}x${h}, ${zoom}`);
        assert.deepEqual(page.zjErrors, []);
      } finally {
        await browser.close();
      }
    });
  }
}
