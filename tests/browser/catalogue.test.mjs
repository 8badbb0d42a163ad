// names in pinyin order (拼音顺序, the browser's Intl.Collator through
// platform::CollationRanks), editing the points catalogue (积分项目) and the assessment rubric (考核细则)
// in the 评 screen's 项目与细则 tab (add an item, record points with it, removal refused while used), and
// long lecture themes wrapped on phones (学). Desktop 1280x800 and phone 390x844@3; screenshots in
// tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, items, labels, click, find, settle } from './lib.mjs';
import { clickLast, clickTab, dataset } from './roster_helpers.mjs';

const QUERY = 'test=1&today=2026-03-25';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false },
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true },
];
const apply = (page, name, args) => page.evaluate((cmd) => window.zjTest.apply(cmd), { name, args });

/** Scrolls the screen until `label` is fully in view (clear of the header and the phone's tab bar). */
async function scrollTo(page, label, { tries = 20 } = {}) {
  const vp = page.viewportSize();
  const top = 70, bottom = vp.height - (vp.width < 600 ? 110 : 20);
  for (let i = 0; i < tries; i++) {
    const hit = (await items(page)).find((it) => it.label === label);
    let dy = 300;
    if (hit) {
      if (hit.y >= top && hit.y + hit.h <= bottom) return hit;
      dy = hit.y < top ? hit.y - top - 20 : hit.y + hit.h - bottom + 20;
    }
    await page.mouse.move(vp.width - 20, vp.height * 0.45);
    await page.mouse.wheel(0, dy);
    await settle(page);
  }
  return find(page, label);
}
/** The first item whose label passes `pred` (a string: equal; a RegExp: matches), looking through the whole
 *  screen (from the top, scrolling down); null when there is none. */
async function seen(page, pred, { tries = 10 } = {}) {
  const match = (l) => (typeof pred === 'string' ? l === pred : pred.test(l));
  let hit = (await items(page)).find((i) => match(i.label));
  if (hit) return hit;
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 20, vp.height * 0.45);
  await page.mouse.wheel(0, -20000);
  await settle(page);
  for (let i = 0; i < tries; i++) {
    hit = (await items(page)).find((it) => match(it.label));
    if (hit) return hit;
    await page.mouse.wheel(0, vp.height * 0.6);
    await settle(page);
  }
  return null;
}
async function tapOrClick(page, label, tap) {
  const it = await scrollTo(page, label);
  if (tap) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}
async function typeInto(page, label, text, tap) {
  await tapOrClick(page, label, tap);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.insertText(text);
  await settle(page);
}
/** Opens a screen through the navigation (phones: maybe behind "…"), scrolled to the top. */
async function goTo(page, screen, tap) {
  let hits = (await items(page)).filter((it) => it.label === screen);
  if (!hits.length) {
    await click(page, '…', { tap });
    hits = (await items(page)).filter((it) => it.label === screen);
  }
  assert.ok(hits.length, `navigation to ${screen}`);
  const it = hits.reduce((a, b) => (b.h > a.h ? b : a));
  if (tap) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 20, vp.height * 0.5);
  await page.mouse.wheel(0, -20000);
  await settle(page);
}
/** Labels of `names` in screen order (top to bottom) among the visible items. */
async function order(page, names) {
  const its = (await items(page)).filter((i) => names.includes(i.label));
  const firstOf = new Map();
  for (const i of its) if (!firstOf.has(i.label)) firstOf.set(i.label, i);
  return [...firstOf.values()].sort((a, b) => a.y - b.y).map((i) => i.label);
}

// Added in this order (张 陈 白 阿); code-point order would be 张 < 白 < 阿 < 陈 (U+5F20 U+767D U+963F U+9648),
// pinyin order is 阿 (a) < 白 (bai) < 陈 (chen) < 张 (zhang).
const ADDED = ['张测序', '陈测序', '白测序', '阿测序'];
const PINYIN = ['阿测序', '白测序', '陈测序', '张测序'];

test('desktop: member tables list names in pinyin order (阿 白 陈 张), the 姓名 header reverses it', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const d = await dataset(page);
    const branch = d.org.branches[0];
    for (const name of ADDED) assert.equal((await apply(page, 'member.add', { name, branch_id: branch.id })).ok, true);
    await settle(page);
    // 组织 member table: sorted by 姓名 from the start.
    await goTo(page, '组织', false);
    await typeInto(page, 'member_filter', '测序', false);
    assert.deepEqual(await order(page, ADDED), PINYIN);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pinyin-members-desktop.png') });
    // The header toggles descending (tristate: ascending -> descending).
    // The column header is drawn by ImGui's table (not in the locator): just above the first row.
    const first = await find(page, '阿测序');
    const hx = first.x + 40, hy = first.y - 10;
    await page.mouse.move(hx, hy);
    await settle(page, 2);
    await page.mouse.click(hx, hy);
    await settle(page);
    assert.deepEqual(await order(page, ADDED), [...PINYIN].reverse());

    // 评 points entry: the branch's members in pinyin order (the filter keeps the four).
    await goTo(page, '评', false);
    await click(page, 'rate_branch');
    await clickLast(page, branch.name);
    await typeInto(page, 'rate_filter', '测序', false);
    assert.deepEqual(await order(page, ADDED), PINYIN);
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('phone: the 组织 member table in pinyin order too (390 px)', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), VIEWPORTS[1]);
    const d = await dataset(page);
    for (const name of ADDED) assert.equal((await apply(page, 'member.add', { name, branch_id: d.org.branches[0].id })).ok, true);
    await goTo(page, '组织', true);
    await typeInto(page, 'member_filter', '测序', true);
    assert.deepEqual(await order(page, ADDED), PINYIN);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pinyin-members-phone.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

for (const vp of VIEWPORTS) {
  test(`积分项目 and 考核细则: add an item, record points with it, removal refused while used (${vp.name})`, async () => {
    const tap = vp.touch;
    const browser = await launch();
    try {
      const page = await openApp(browser, fileUrl(QUERY), vp);
      let d = await dataset(page);
      assert.equal(d.points.catalogue.example, true);
      const branch = d.org.branches[0];
      const member = d.org.members.find((m) => m.branch_id === branch.id);

      await goTo(page, '评', tap);
      await clickTab(page, '项目与细则', { tap });
      await settle(page);
      assert.ok(await seen(page, /^当前为示例积分项目/), 'example notice shown');
      await page.screenshot({ path: path.join(ARTIFACTS, `catalogue-items-${vp.name}.png`) });

      // A refused add first (merit item with negative points): the reason shows, nothing is added.
      await tapOrClick(page, 'cat_category:奖励积分', tap);
      await typeInto(page, 'cat_name', '参加防汛抢险', tap);
      await typeInto(page, 'cat_points', '-3', tap);
      await tapOrClick(page, 'cat_add', tap);
      assert.ok(await seen(page, /^奖励积分项目的分值应为正数/), JSON.stringify(await labels(page)));
      assert.equal((await dataset(page)).points.catalogue.items.length, d.points.catalogue.items.length);

      // Add R05 参加防汛抢险 +3, yearly cap 9: the next free merit code after the example's R01-R04.
      await typeInto(page, 'cat_points', '3', tap);
      await typeInto(page, 'cat_cap', '9', tap);
      await tapOrClick(page, 'cat_add', tap);
      d = await dataset(page);
      const added = d.points.catalogue.items.find((i) => i.name_zh === '参加防汛抢险');
      assert.ok(added, 'item added');
      assert.equal(added.code, 'R05');
      assert.equal(added.category, 'merit');
      assert.equal(added.points, 3);
      assert.equal(added.yearly_cap, 9);
      assert.equal(d.points.catalogue.example, false, 'no longer the example');
      assert.ok(await seen(page, '已保存：R05 参加防汛抢险'), 'saved message');
      await page.screenshot({ path: path.join(ARTIFACTS, `catalogue-added-${vp.name}.png`) });

      // Record points with it in 积分录入: the member gets +3 on the entry date.
      await goTo(page, '评', tap);
      await clickTab(page, '积分录入', { tap });
      await tapOrClick(page, 'rate_branch', tap);
      await clickLast(page, branch.name, { tap });
      await tapOrClick(page, 'rate_item', tap);
      await clickLast(page, 'R05 参加防汛抢险 (+3)', { tap });
      await typeInto(page, 'rate_filter', member.name, tap);
      await tapOrClick(page, 'pts:' + member.name, tap);
      await page.keyboard.press('Enter');
      await settle(page);
      d = await dataset(page);
      const entries = d.points.entries.filter((e) => e.item_id === added.id);
      assert.equal(entries.length, 1);
      assert.equal(entries[0].member_id, member.id);
      assert.equal(entries[0].points, 3);

      // Remove it: the confirmation names the item and its use; confirming is refused with the count.
      await goTo(page, '评', tap);
      await clickTab(page, '项目与细则', { tap });
      await tapOrClick(page, 'cat_remove:R05', tap);
      assert.ok((await labels(page)).includes('删除积分项目 R05 参加防汛抢险？'));
      assert.ok((await labels(page)).includes('已有 1 条积分记录使用该项目：删除会被拒绝。'));
      await tapOrClick(page, 'confirm_remove', tap);
      assert.ok((await labels(page)).includes('该积分项目已有 1 条积分记录使用，不能删除'), JSON.stringify(await labels(page)));
      await page.screenshot({ path: path.join(ARTIFACTS, `catalogue-remove-refused-${vp.name}.png`) });
      assert.ok((await dataset(page)).points.catalogue.items.some((i) => i.id === added.id), 'still there');
      await tapOrClick(page, 'confirm_cancel', tap);
      assert.ok(!(await labels(page)).includes('confirm_remove'), 'dialog closed');

      // Edit: a cap below the recorded 3 points is refused; renaming is accepted.
      await tapOrClick(page, 'cat_edit:R05', tap);
      await typeInto(page, 'cat_cap', '2', tap);
      await tapOrClick(page, 'cat_save', tap);
      assert.ok(await seen(page, /^年度上限 2 分小于每次分值 3 分/), JSON.stringify(await labels(page)));
      await typeInto(page, 'cat_cap', '9', tap);
      await typeInto(page, 'cat_name', '参加防汛抢险救灾', tap);
      await tapOrClick(page, 'cat_save', tap);
      assert.equal((await dataset(page)).points.catalogue.items.find((i) => i.id === added.id).name_zh, '参加防汛抢险救灾');

      // An unused item goes after confirmation.
      const spare = await apply(page, 'catalogue.item.add', { category: 'basic', name_zh: '临时项目', points: 1 });
      assert.equal(spare.ok, true);
      await settle(page);
      const spareCode = (await dataset(page)).points.catalogue.items.find((i) => i.id === spare.created_id).code;
      await tapOrClick(page, 'cat_remove:' + spareCode, tap);
      await tapOrClick(page, 'confirm_remove', tap);
      assert.ok(!(await dataset(page)).points.catalogue.items.some((i) => i.id === spare.created_id), 'removed');

      // 考核细则: add K7 (max 10), removal of a scored item (the demo's K1) refused with its count.
      await goTo(page, '评', tap);
      await clickTab(page, '项目与细则', { tap });
      await clickTab(page, '考核细则', { tap });
      await typeInto(page, 'rubric_name', '发展党员质量', tap);
      await typeInto(page, 'rubric_max', '10', tap);
      await tapOrClick(page, 'rubric_add', tap);
      d = await dataset(page);
      const k7 = d.branch_rating.rubric.items.find((i) => i.name_zh === '发展党员质量');
      assert.ok(k7 && k7.code === 'K7' && k7.max_points === 10, JSON.stringify(k7));
      assert.equal(d.branch_rating.rubric.example, false);
      assert.ok(await seen(page, '满分合计 110 分（评星时折算为百分制）'));
      const k1 = d.branch_rating.rubric.items.find((i) => i.code === 'K1');
      const k1Scores = d.branch_rating.assessments.reduce((n, a) => n + a.scores.filter((s) => s.item_id === k1.id).length, 0);
      if (k1Scores > 0) {
        await tapOrClick(page, 'rubric_remove:K1', tap);
        await tapOrClick(page, 'confirm_remove', tap);
        assert.ok((await labels(page)).includes(`该考核项目已有 ${k1Scores} 个考核得分使用，不能删除`), JSON.stringify(await labels(page)));
        await tapOrClick(page, 'confirm_cancel', tap);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `catalogue-rubric-${vp.name}.png`) });
      assert.deepEqual(page.zjErrors, []);
    } finally {
      await browser.close();
    }
  });
}

test('学 on a phone: a long lecture theme wraps within 390 px, nothing cut', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), VIEWPORTS[1]);
    const d = await dataset(page);
    const lecture = d.campaign.lectures[0];
    const theme = '学习贯彻党的十九大精神，深入推进全面从严治党向基层延伸，建设新时代过硬的农村基层党组织专题讲习';
    assert.equal((await apply(page, 'lecture.update', { id: lecture.id, theme_zh: theme })).ok, true);
    await goTo(page, '学', true);
    const row = await find(page, '1. ' + theme);
    const vp = page.viewportSize();
    assert.ok(row.x >= 0 && row.x + row.w <= vp.width, `row within the screen: ${JSON.stringify(row)}`);
    // The theme (47 characters) cannot fit one line at 390 px: the row grows to hold it (3 or more lines).
    const line = (await find(page, '专题讲习')).h;  // the screen title's line height, larger font: a lower bound
    assert.ok(row.h > 2.5 * line * 0.75, `row height ${row.h} vs line ${line}`);
    // The editor shows the whole theme as a wrapped heading.
    const heading = (await items(page)).filter((i) => i.label === theme);
    assert.ok(heading.length >= 1, 'theme heading');
    assert.ok(heading[0].x + heading[0].w <= vp.width, JSON.stringify(heading[0]));
    await page.screenshot({ path: path.join(ARTIFACTS, 'learn-long-theme-phone.png') });
    // Desktop for comparison.
    const desk = await openApp(browser, fileUrl(QUERY));
    await apply(desk, 'lecture.update', { id: lecture.id, theme_zh: theme });
    await goTo(desk, '学', false);
    await desk.screenshot({ path: path.join(ARTIFACTS, 'learn-long-theme-desktop.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});
