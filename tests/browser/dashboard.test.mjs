// the single file opens from file://, the dashboard shows the notice's deadlines through the
// label locator, the language switches both ways, screenshots at desktop and phone size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, DIST, launch, fileUrl, openApp, labels, click, find, serveWeb, settle } from './lib.mjs';

// today = 2026-03-25: the demo campaign runs in the year of today, with the notice's dates
// (notice 四: mobilization 03-23; lectures 1 and 2 by end of March; lecture 3 and everything by 04-30).
const QUERY = 'test=1&today=2026-03-25';

test('single file is under 3 MB', () => {
  const size = fs.statSync(path.join(DIST, 'zhengjian.html')).size;
  console.log(`# dist/zhengjian.html: ${size} bytes`);
  assert.ok(size < 3 * 1024 * 1024, `size ${size}`);
});

test('dashboard from file:// shows the notice deadlines, switches language, at desktop and phone size', async () => {
  const browser = await launch();
  try {
    for (const vp of [{ name: 'desktop', width: 1280, height: 800, scale: 1 },
                      { name: 'phone', width: 390, height: 844, scale: 3, touch: true }]) {
      const page = await openApp(browser, fileUrl(QUERY), vp);
      const ms = await page.evaluate(() => window.zjFirstFrameMs);
      console.log(`# ${vp.name}: navigation to first frame ${ms.toFixed(0)} ms`);
      let l = await labels(page);
      for (const s of ['学', '看', '谈', '评', '示例数据', '2026 年度', '动员 03-23', '全部完成 04-30', '今天 2026-03-25'])
        assert.ok(l.includes(s), `missing label ${s}`);
      // Learn: two lectures by 03-31 (6 days left from 03-25), one by 04-30 (36 days left).
      assert.equal(l.filter((x) => x === '截止 03-31').length, 2);
      assert.ok(l.includes('党建知识专题学习'));
      assert.ok(l.includes('还剩 6 天'));
      assert.ok(l.includes('还剩 36 天'));
      if (vp.name === 'desktop') assert.ok(l.includes('已逾期 2 天'), 'mobilization 03-23 is 2 days overdue on 03-25');
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-zh-${vp.name}.png`) });
      // Narrow: bottom tab bar; wide: side navigation. Both have 概览.
      const nav = await find(page, '概览');
      if (vp.name === 'phone') assert.ok(nav.y > vp.height - 80, 'phone tab bar at the bottom');
      else assert.ok(nav.x < 200, 'side navigation on the left');
      assert.ok(nav.h >= 44, `touch target ${nav.h}px`);

      await click(page, vp.name === 'phone' ? 'EN' : 'English', { tap: !!vp.touch });  // a phone's header says EN
      l = await labels(page);
      for (const s of ['Learn', 'Look', 'Talk', 'Rate', 'Demo data', 'Year 2026', 'Mobilize 03-23', 'All done by 04-30'])
        assert.ok(l.includes(s), `missing English label ${s}: ${JSON.stringify(l)}`);
      assert.ok(l.includes('6 days left'));
      if (vp.name === 'desktop') assert.ok(l.includes('2 days overdue'));
      assert.ok(l.includes('Due 03-31'));
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-en-${vp.name}.png`) });
      await click(page, '中文', { tap: !!vp.touch });
      assert.ok((await labels(page)).includes('截止 03-31'));
      assert.deepEqual(page.zjErrors, []);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
});

test('language choice is kept across a reload', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    await click(page, 'English');
    await page.reload();
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2);
    await settle(page);
    assert.ok((await labels(page)).includes('Learn'));
    await click(page, '中文');
  } finally {
    await browser.close();
  }
});

test('dist/web served on localhost runs the same app', async () => {
  const server = await serveWeb();
  const browser = await launch();
  try {
    const page = await openApp(browser, server.url + '?' + QUERY);
    assert.ok((await labels(page)).includes('截止 03-31'));
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('dataset() returns the demo town as JSON', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const d = JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
    assert.equal(d.schema_version, 3);
    assert.equal(d.demo, true);
    assert.equal(d.org.town_name, '渔洋镇');
    assert.ok(d.org.members.length > 50);
  } finally {
    await browser.close();
  }
});
