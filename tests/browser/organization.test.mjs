// 组织: roster import through the file chooser (GBK file: preview counts, one-step apply, members
// in the table, undo/redo), a refused file changes nothing, export (BOM, injection neutralized), the tree
// (add an area, move a branch), at desktop and phone size. Screenshots in tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, items, labels, click, find, scrollToLabel, settle } from './lib.mjs';
import { TESTDATA, clickLast, clickTab, dataset, go, pickRoster } from './roster_helpers.mjs';

const QUERY = 'test=1&today=2026-03-25';

test('desktop: import the GBK roster, see it in the table, undo, refuse a broken file, export', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const before = await dataset(page);
    assert.equal(before.org.members.length, 120);   // the demo town

    await go(page, '组织');
    await clickTab(page, '名册导入导出');
    const target = await find(page, '导入名册…');
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.mouse.click(target.x + target.w / 2, target.y + target.h / 2)]);
    await fc.setFiles(path.join(TESTDATA, 'roster-gbk.csv'));
    await page.waitForFunction(() => window.zjTest.items().some((i) => i.label.startsWith('文件：')));
    await settle(page);
    const ls = await labels(page);
    // The file's 120 people are new to the demo town (their ID numbers differ): 120 new, nothing else.
    assert.ok(ls.includes('文件：roster-gbk.csv（GB18030/GBK）'), JSON.stringify(ls));
    for (const l of ['新增 120', '更新 0', '无变化 0', '拒绝 0', '跳过 0']) assert.ok(ls.includes(l), l);
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-preview-desktop.png') });
    assert.equal((await dataset(page)).org.members.length, 120, 'the preview changes nothing');

    await click(page, '确认导入（新增 120，更新 0）');
    const after = await dataset(page);
    assert.equal(after.org.members.length, 240);
    const xm = after.org.members.find((m) => m.name === '向明' && m.id_masked === '4205**********3032');
    assert.ok(xm, 'row 2 of the file is stored');
    assert.deepEqual(xm.posts, ['secretary']);
    assert.equal(xm.birth_date, '1986-12-13');
    assert.ok((await labels(page)).includes('已导入：新增 120 名，更新 0 名。可撤销。'));

    // The members' table shows them: filter by name.
    await clickTab(page, '党员');
    await click(page, 'member_filter');
    await page.keyboard.insertText('夏华海');
    await settle(page);
    let l2 = await labels(page);
    assert.ok(l2.includes('夏华海'), 'the imported member is in the table');
    assert.ok(l2.some((l) => /^显示 \d+ \/ 240 人$/.test(l)), JSON.stringify(l2.filter((l) => l.startsWith('显示'))));
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-members-desktop.png') });
    await page.keyboard.press('Escape');
    await click(page, 'member_filter');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settle(page);

    // Undo takes the whole import back in one step; redo brings it again.
    await click(page, '撤销');
    assert.equal((await dataset(page)).org.members.length, 120);
    await click(page, '重做');
    assert.equal((await dataset(page)).org.members.length, 240);

    // The same file again: all unchanged, nothing to apply.
    await pickRoster(page, path.join(TESTDATA, 'roster-gbk.csv'));
    assert.ok((await labels(page)).includes('无变化 120'));

    // The messy roster: every row imported or listed with its row, column and reason; nothing applied yet.
    await pickRoster(page, path.join(TESTDATA, 'roster-messy.csv'));
    const lm = await labels(page);
    assert.ok(lm.some((l) => /^拒绝 [1-9]\d*$/.test(l)), JSON.stringify(lm.filter((l) => l.startsWith('拒绝'))));
    assert.ok(lm.some((l) => /^row \d+: \[[^\]]+\] .+/.test(l)), 'a refused row names its column and reason');
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-messy-desktop.png') });
    await click(page, '取消');
    assert.equal((await dataset(page)).org.members.length, 240);

    // A broken file (a quote never closed) is refused as a whole and changes nothing.
    const bad = path.join(os.tmpdir(), 'zj-broken-roster.csv');
    fs.writeFileSync(bad, '\ufeff姓名,公民身份号码,所在党支部\n"张三,420581198612133032,东湖村党支部\n');
    await pickRoster(page, bad);
    const l3 = await labels(page);
    assert.ok(l3.includes('文件被拒绝，未做任何改动：'), JSON.stringify(l3));
    assert.equal((await dataset(page)).org.members.length, 240);
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-refused-desktop.png') });
    await click(page, '取消');

    // Export: UTF-8 with BOM, formula-like cells neutralized, ID numbers masked.
    const someone = (await dataset(page)).org.members[0];
    await page.evaluate((id) => window.zjTest.apply({ name: 'member.update', args: { id, name: '=1+1' } }), someone.id);
    await click(page, '导出名册（CSV）');
    // TextDecoder drops a leading BOM: the size tells it was there (3 bytes more than the text).
    const dl = await page.evaluate(() => {
      const z = window.zjLastDownload, text = z.text();
      return { name: z.name, text, bom: z.size - new TextEncoder().encode(text).length === 3 ? 0xfeff : 0 };
    });
    assert.match(dl.name, /^渔洋镇-名册-2026-03-25\.csv$/);
    assert.equal(dl.bom, 0xfeff);
    assert.ok(dl.text.includes("'=1+1"), 'formula neutralized');
    assert.ok(dl.text.includes('4205**********3032'));
    assert.ok(!dl.text.includes('420581198612133032'), 'no clear ID numbers in the export');
    assert.equal(dl.text.trim().split('\r\n').length, 241);
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('desktop: the organization tree — add an area, move a branch, refuse removing a branch with members', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    await go(page, '组织');
    await clickTab(page, '组织架构');
    await click(page, '添加片区');
    let d = await dataset(page);
    assert.deepEqual(d.org.areas.map((a) => a.name), ['一片', '二片', '新片区']);
    // Select 桃园村党支部 and move it to 第一党总支.
    await click(page, '桃园村党支部');
    await click(page, 'branch_gb');
    await clickLast(page, '第一党总支');
    d = await dataset(page);
    const gb1 = d.org.general_branches.find((g) => g.name === '第一党总支').id;
    assert.equal(d.org.branches.find((b) => b.name === '桃园村党支部').general_branch_id, gb1);
    // Mark it a focus object by hand.
    await click(page, '重点对象');
    assert.equal((await dataset(page)).org.branches.find((b) => b.name === '桃园村党支部').focus_object,
                 !d.org.branches.find((b) => b.name === '桃园村党支部').focus_object);
    // Removing a branch that still has members is refused with the reason, nothing changes.
    await click(page, '删除');
    assert.ok((await labels(page)).includes('该党支部还有 15 名党员，请先转出或删除'));
    assert.equal((await dataset(page)).org.branches.length, 8);
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-tree-desktop.png') });
    // Cadres: the tab lists them with roles.
    await clickTab(page, '干部');
    assert.ok((await labels(page)).includes('覃志军'));
    await click(page, '覃志军');
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-cadres-desktop.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('phone: import the roster by touch, preview fits the width', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true });
    await pickRoster(page, path.join(TESTDATA, 'roster-gbk.csv'), { phone: true });
    assert.ok((await labels(page)).includes('新增 120'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-preview-phone.png') });
    await click(page, '确认导入（新增 120，更新 0）', { tap: true });
    const d = await dataset(page);
    assert.equal(d.org.members.length, 240);
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-phone.png') });
    // No item reaches past the right edge (no horizontal scrolling).
    const all = await page.evaluate(() => window.zjTest.items());
    const wide = all.filter((i) => i.x + i.w > 390 + 1 && i.w < 2000);
    assert.deepEqual(wide.map((i) => i.label), []);
    await clickTab(page, '组织架构', { tap: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-tree-phone.png') });
    const treeItems = await page.evaluate(() => window.zjTest.items());
    assert.deepEqual(treeItems.filter((i) => i.x + i.w > 391 && i.w < 2000).map((i) => i.label), [], 'the tree fits the phone');
    await clickTab(page, '党员', { tap: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-members-phone.png') });
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

// A roster as a member-management system exports it (tests/data/make_rosters.py EXPORT): title and note rows
// above the header, the system's header names, 入党时间 as a month. Phone size, touch, 字号 175 %.
test('phone: a system export with title rows and month-only dates, the header row and columns named', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true,
                                                          init: () => localStorage.setItem('zj.setting.zoom', '175%') });
    await pickRoster(page, path.join(TESTDATA, 'roster-export-gbk.csv'), { phone: true });
    // The preview runs below the fold at 175%: each line is scrolled to, and nothing drawn may pass the right edge.
    const wide = async () => (await items(page)).filter((i) => i.x + i.w > 391 && i.w < 2000).map((i) => i.label);
    const expected = ['表头：第4行',
                      '表头之上的行已跳过：第1行 “东湖镇党员花名册”；第3行 “导出时间：2026年11月  共40人”',
                      '各列读作：序号，*党员姓名→姓名，性  别→性别，出生年月→出生日期，身份证号码（18位）→公民身份号码，' +
                      '所在党组织→所在党支部，入党时间→入党日期，人员类别，学历学位→学历，手机号码→联系电话，现任职务→党内职务',
                      '新增 39', '拒绝 1'];
    for (const l of expected) {
      await scrollToLabel(page, l);
      assert.deepEqual(await wide(), [], 'the preview fits the phone near ' + l);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-export-shaped-phone-175.png') });
    await scrollToLabel(page, '确认导入（新增 39，更新 0）');
    await scrollToLabel(page, '显示全部行');
    let seen = false;
    for (let i = 0; i < 8 && !seen; i++) {
      seen = (await labels(page)).some((l) => l.includes('年10月被表格去掉了末尾的0'));
      if (!seen) { await page.mouse.wheel(0, 300); await settle(page); }
    }
    assert.ok(seen, 'row 10 (2016.1) refused with its reason');
    assert.deepEqual(await wide(), [], 'the refused row fits the phone');
    await scrollToLabel(page, '确认导入（新增 39，更新 0）');
    await click(page, '确认导入（新增 39，更新 0）', { tap: true });
    const d = await dataset(page);
    const liu = d.org.members.find((m) => m.name === '柳松');
    assert.ok(liu, 'row 5 is stored');
    assert.equal(liu.join_date, '1996-06', 'a month stays a month');
    assert.equal(liu.birth_date, '1968-03-05', 'the ID number gives the birth day');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});
