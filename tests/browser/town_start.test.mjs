// 开始本镇 (shell/screens/town_start.cpp): on a phone opened in December, the demo's campaign is under way (its
// mobilization meeting moved to 11-23, not 200+ days overdue); from 概览's demo line a clerk types the town's name
// and two branches, starts the town, and after a reload the town is there with nothing of the demo; the storage's
// new epoch holds it. Phone size, touch, 字号 175 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, labels, click, settle, scrollToLabel, waitLabel, goTo } from './lib.mjs';

const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));

async function typeInto(page, id, text) {
  const f = await scrollToLabel(page, id);
  await page.touchscreen.tap(f.x + f.w / 2, f.y + Math.min(f.h / 2, 30));
  await settle(page);
  for (const [i, line] of text.split('\n').entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(line);
  }
  await settle(page, 3);
}

test('phone, 175 %: the demo under way in December; start a town, reload, nothing of the demo left', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl('test=1&today=2026-12-05'), { width: 390, height: 844, scale: 2, touch: true,
      init: () => localStorage.setItem('zj.setting.zoom', '175%') });
    const demo = await dataset(page);
    assert.equal(demo.demo, true);
    const mob = demo.campaign.activities.find((a) => a.kind === 'mobilization');
    assert.equal(mob.start, '2026-11-23', 'the template 2026-03-23 moved by 35 weeks');
    assert.ok(demo.campaign.activities.every((a) => a.deadline <= '2026-12-31'), 'the campaign ends within the year');
    const demoMember = demo.org.members[0].name;

    await click(page, '开始本镇…', { tap: true });
    await typeInto(page, 'town_name', '青山镇');
    await typeInto(page, 'town_structure', '一片/第一党总支/青山村党支部\n机关党总支/镇财政所党支部');
    await scrollToLabel(page, '将建立：1个片区、2个总支、2个支部');
    await page.screenshot({ path: path.join(ARTIFACTS, 'town-start-phone-175.png') });
    await scrollToLabel(page, '先导出备份');
    await click(page, '开始本镇', { tap: true });
    await scrollToLabel(page, '确定开始');
    await click(page, '确定开始', { tap: true });
    await page.waitForFunction(() => JSON.parse(window.zjTest.dataset()).org.town_name === '青山镇', null, { timeout: 10000 });
    await page.waitForFunction(() => { const i = window.zjStorage.info(); return i.unsaved === 0 && !i.snapshotting; },
                               null, { timeout: 15000 });

    await page.reload();
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    const d = await dataset(page);
    assert.equal(d.demo, false);
    assert.equal(d.org.town_name, '青山镇');
    assert.deepEqual(d.org.branches.map((b) => b.name), ['青山村党支部', '镇财政所党支部']);
    assert.equal(d.org.members.length, 0);
    assert.ok(!JSON.stringify(d).includes(demoMember), 'no demo member anywhere');
    assert.ok(!JSON.stringify(d).includes('渔洋镇'), 'no demo town anywhere');
    const shown = await labels(page);
    assert.ok(!shown.includes('示例数据'), 'no demo badge: ' + JSON.stringify(shown));
    assert.ok(shown.includes('青山镇'));

    // 试用示例镇: the demo in its own storage space (?demo=1); work done there never reaches the town, and the town
    // is one tap away (打开本镇).
    const idle = () => page.waitForFunction(() => { const i = window.zjStorage.info(); return i.unsaved === 0 && !i.snapshotting; },
                                            null, { timeout: 15000 });
    const opened = () => page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    await goTo(page, '数据', true);
    const tapAway = async (label) => {  // the page is left: no frames to wait for after the tap
      const it = await scrollToLabel(page, label);
      await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
    };
    await tapAway('试用示例镇');
    await page.waitForURL(/demo=1/, { timeout: 15000 });
    await opened();
    let demoSpace = await dataset(page);
    assert.equal(demoSpace.demo, true, 'the demo town opens in its space');
    assert.equal(demoSpace.org.town_name, '渔洋镇');
    assert.ok(page.url().includes('today=2026-12-05'), 'the other parameters are kept: ' + page.url());
    await page.evaluate(() => window.zjTest.apply({ name: 'org.town_name', args: { name: '试用镇' } }));
    await page.waitForFunction(() => JSON.parse(window.zjTest.dataset()).org.town_name === '试用镇', null, { timeout: 10000 });
    await idle();
    await tapAway('打开本镇…');
    await page.waitForURL((u) => !u.search.includes('demo=1'), { timeout: 15000 });
    await opened();
    const town = await dataset(page);
    assert.equal(town.org.town_name, '青山镇', 'the town as it was');
    assert.equal(town.demo, false);
    await page.goto(fileUrl('test=1&today=2026-12-05&demo=1'));
    await opened();
    demoSpace = await dataset(page);
    assert.equal(demoSpace.org.town_name, '试用镇', 'the demo space keeps its own work');
  } finally {
    await browser.close();
  }
});
