// 评 and 公示: import the GBK roster, record a branch's points from the keyboard (Enter records and
// moves to the next member), watch an imported member cross from 二星 to 三星 exactly at 90 (computed by
// hand below), the member-star lists, branch stars with moves, and the printed notice boards (escaped
// names, A4/A3). Desktop and phone; screenshots in tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, labels, click, find, settle } from './lib.mjs';
import { clickLast, clickTab, dataset, go, importGbkRoster, rowOf } from './roster_helpers.mjs';

const QUERY = 'test=1&today=2026-03-25';
const fmt = (tenths) => String(tenths);   // catalogue points are JSON numbers already (2, 0.5)
const itemLabel = (it) => `${it.code} ${it.name_zh} (${it.points > 0 ? '+' : ''}${fmt(it.points)})`;

test('desktop: keyboard points entry, a member crosses 二星 → 三星 at exactly 90, boards printed', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const d = await importGbkRoster(page);
    const dh = d.org.branches.find((b) => b.name === '东湖村党支部');
    const x = d.org.members.find((m) => m.name === '向明' && m.id_masked === '4205**********3032');
    const item = (code) => d.points.catalogue.items.find((i) => i.code === code);
    // The entry table lists a branch's members in pinyin order (拼音顺序, the browser's collation).
    const pinyin = new Intl.Collator(['zh-CN-u-co-pinyin', 'zh'], { numeric: true });
    const inBranch = d.org.members.filter((m) => m.branch_id === dh.id).sort((a, b) => pinyin.compare(a.name, b.name));

    await go(page, '评');
    await click(page, 'rate_branch');
    await clickLast(page, '东湖村党支部');
    await click(page, 'rate_date');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('2026-03-10');
    await page.keyboard.press('Enter');
    await settle(page);
    const chooseItem = async (code) => {
      await click(page, 'rate_item');
      await clickLast(page, itemLabel(item(code)));
    };

    // 1. Enter records and moves on: the first member with the default (B01 = 2), then, without touching
    //    the mouse, 1.5 for the second member.
    await chooseItem('B01');
    const [m0, m1] = inBranch;
    await click(page, 'pts:' + m0.name);
    await page.keyboard.press('Enter');
    await settle(page);
    await page.keyboard.insertText('1.5');
    await page.keyboard.press('Enter');
    await settle(page);
    let now = await dataset(page);
    const newOf = (m) => now.points.entries.filter((e) => e.member_id === m.id && e.date === '2026-03-10');
    assert.deepEqual(newOf(m0).map((e) => e.points), [2]);
    assert.deepEqual(newOf(m1).map((e) => e.points), [1.5]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-entry-desktop.png') });

    // 2. 向明 (imported, no points in 2026). By hand: B01 30 (its yearly cap) + B03 24 + B02 12 + R02 10
    //    + R03 10 + B04 2 = 88 -> 二星 (80-89). Then B06 (0.5 each, the item's default, Enter on an empty
    //    field): 88.5, 89, 89.5 stay 二星; the fourth makes 90 -> 三星 (90 and above).
    await click(page, 'rate_filter');
    await page.keyboard.insertText('向明');
    await page.keyboard.press('Enter');
    await settle(page);
    const record = async (code, value) => {
      await chooseItem(code);
      await click(page, 'pts:向明');
      if (value) await page.keyboard.insertText(value);
      await page.keyboard.press('Enter');
      await settle(page);
    };
    const rowLabels = async () => (await rowOf(page, await find(page, 'pts:向明'))).map((i) => i.label);
    for (const [code, v] of [['B01', '30'], ['B03', '24'], ['B02', '12'], ['R02', '10'], ['R03', '10'], ['B04', '2']]) await record(code, v);
    let row = await rowLabels();
    assert.ok(row.includes('88') && row.includes('二星'), JSON.stringify(row));
    for (const total of ['88.5', '89', '89.5']) {
      await record('B06');
      row = await rowLabels();
      assert.ok(row.includes(total) && row.includes('二星'), total + ' ' + JSON.stringify(row));
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-entry-89.5-desktop.png') });
    await record('B06');
    row = await rowLabels();
    assert.ok(row.includes('90') && row.includes('三星'), JSON.stringify(row));
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-entry-90-desktop.png') });
    now = await dataset(page);
    const sum = now.points.entries.filter((e) => e.member_id === x.id).reduce((s, e) => s + e.points, 0);
    assert.equal(sum, 90);

    // 3. A refused value keeps everything: points for a deduction item must be negative.
    await chooseItem('D01');
    await click(page, 'pts:向明');
    await page.keyboard.insertText('5');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.ok((await labels(page)).includes('该项目为扣分项，分值应为负数'));
    assert.equal((await dataset(page)).points.entries.length, now.points.entries.length);

    // 4. Member stars of the branch: 向明 among the 三星, the lists of possibly-unqualified and exempted.
    await clickTab(page, '党员评星');
    const ls = await labels(page);
    assert.ok(ls.some((l) => /^三星 \d+ · 二星 \d+ · 一星 \d+ · 无星 \d+$/.test(l)), JSON.stringify(ls));
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-member-stars-desktop.png') });
    // The exemption picker finds a member by pinyin initials (拼音首字母, the browser's pinyin collation):
    // "xm" and "XM" find 向明 (xiàng míng), and the list narrows to the names whose initials hold "xm".
    await click(page, 'exempt_member');
    await page.keyboard.insertText('xm');
    await settle(page);
    let lp = await labels(page);
    assert.ok(lp.includes('pick:向明'), 'xm finds 向明: ' + JSON.stringify(lp.filter((l) => l.startsWith('pick:'))));
    assert.ok(lp.filter((l) => l.startsWith('pick:')).length < inBranch.length, 'the filter narrows the list');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('XM');
    await settle(page);
    lp = await labels(page);
    assert.ok(lp.includes('pick:向明'), 'upper case XM finds 向明 too');
    await clickLast(page, 'pick:向明');
    assert.ok((await labels(page)).includes('exempt_member'));

    // 5. Branch stars: ranking with moves against last year's published stars.
    await clickTab(page, '支部评星');
    const lb = await labels(page);
    assert.ok(lb.includes('东湖村党支部'));
    assert.ok(lb.some((l) => ['↑ 升星', '↓ 降星', '＝ 持平'].includes(l)), 'year-over-year moves shown');
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-branch-stars-desktop.png') });
    await click(page, '发布本年度支部评星结果');
    assert.ok((await dataset(page)).branch_rating.history.some((h) => h.year === 2026));

    // 6. The notice boards: a name with markup is escaped; 向明 is on 东湖村's board among the 三星.
    await page.evaluate((id) => window.zjTest.apply({ name: 'member.update', args: { id, name: '向明<script>alert(1)</script>&' } }), x.id);
    await go(page, '公示');
    await click(page, 'boards_branch');
    await clickLast(page, '东湖村党支部');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), click(page, '生成公示栏并打印')]);
    const html = await page.evaluate(() => window.zjLastHtml.html);
    assert.equal(await page.evaluate(() => window.zjLastHtml.name), '渔洋镇-公示栏-2026.html');
    assert.ok(html.includes('星级党支部公示栏') && html.includes('星级党员公示栏'));
    assert.ok(html.includes('东湖村党支部 2026年度“党员评星”结果'));
    assert.ok(html.includes('size: A4 portrait'));
    assert.ok(!html.includes('<script'), 'no raw markup from names');
    const three = html.slice(html.indexOf('三星党员'), html.indexOf('</section>', html.indexOf('三星党员')));
    assert.ok(three.includes('向明&lt;script&gt;alert(1)&lt;/script&gt;&amp;'), 'escaped name in the 三星 band');
    await popup.waitForLoadState();
    await popup.setViewportSize({ width: 900, height: 1200 });
    await popup.screenshot({ path: path.join(ARTIFACTS, 'boards-print-a4.png'), fullPage: false });
    assert.ok((await popup.content()).includes('星级党员公示栏'));
    await popup.close();
    await page.screenshot({ path: path.join(ARTIFACTS, 'boards-desktop.png') });
    // A3.
    await click(page, 'A3');
    const [p2] = await Promise.all([page.context().waitForEvent('page'), click(page, '生成公示栏并打印')]);
    assert.ok((await page.evaluate(() => window.zjLastHtml.html)).includes('size: A3 portrait'));
    await p2.close();
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('phone: points entry and boards fit 390 px, touch-sized, no horizontal scrolling', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true });
    await go(page, '评', { phone: true });
    await click(page, 'rate_branch', { tap: true });
    await clickLast(page, '东湖村党支部', { tap: true });
    await settle(page);
    const all = await page.evaluate(() => window.zjTest.items());
    const wide = all.filter((i) => i.x + i.w > 391 && i.w < 2000);
    assert.deepEqual(wide.map((i) => i.label), [], 'nothing past the right edge');
    const rec = all.filter((i) => i.label === '记分');
    assert.ok(rec.length > 0 && rec.every((i) => i.h >= 44 - 0.5 || i.y + i.h > 844 - 60), 'record buttons are touch-sized');
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-entry-phone.png') });
    // Tap a member's field, type, tap 记分.
    const d = await dataset(page);
    const dh = d.org.branches.find((b) => b.name === '东湖村党支部');
    // The first row: the branch's first member in pinyin order (拼音顺序).
    const pinyin = new Intl.Collator(['zh-CN-u-co-pinyin', 'zh'], { numeric: true });
    const m0 = d.org.members.filter((m) => m.branch_id === dh.id).sort((a, b) => pinyin.compare(a.name, b.name))[0];
    await click(page, 'pts:' + m0.name, { tap: true });
    await page.keyboard.insertText('2');
    const row = await rowOf(page, await find(page, 'pts:' + m0.name));
    const btn = row.find((i) => i.label === '记分');
    await page.touchscreen.tap(btn.x + btn.w / 2, btn.y + btn.h / 2);
    await settle(page);
    const after = await dataset(page);
    assert.equal(after.points.entries.length, d.points.entries.length + 1);
    await clickTab(page, '支部评星', { tap: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-branch-stars-phone.png') });
    await clickTab(page, '党员评星', { tap: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'rate-member-stars-phone.png') });
    await go(page, '公示', { phone: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'boards-phone.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});
