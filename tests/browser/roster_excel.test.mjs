// 组织 → 导入名册 with Excel workbooks LibreOffice wrote (tests/data/make_workbooks.py): the .xlsx and .xls of the
// system-export roster (title, blank and note rows above the header on row 4, 出生年月 and 入党时间 date cells shown
// as months, a second sheet 填表说明), the clean roster (ID numbers as text) and its variant whose ID numbers are
// number cells (refused but for the 9 ending in X). SheetJS (web/xlsx.js) is loaded on first use. Desktop and phone (175 %); screenshots in
// tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, DIST, launch, fileUrl, openApp, items, labels, click, scrollToLabel, serveWeb, settle } from './lib.mjs';
import { TESTDATA, clickLast, clickTab, dataset, go, pickRoster } from './roster_helpers.mjs';

const QUERY = 'test=1&today=2026-03-25';
for (const f of ['roster-export.xlsx', 'roster-export.xls', 'roster-clean.xlsx', 'roster-idnum.xlsx', 'roster-empty.xlsx']) {
  if (!fs.existsSync(path.join(TESTDATA, f)))
    throw new Error(`test workbook ${path.join(TESTDATA, f)} is missing: run make testdata (LibreOffice)`);
}

/** What the member editor's 入党日期 field shows: selected and copied (Ctrl+A, Ctrl+C) into a stub clipboard. */
async function joinFieldText(page, name) {
  await clickTab(page, '党员');
  await click(page, 'member_filter');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(name);
  await page.keyboard.press('Enter');
  await settle(page);
  await clickLast(page, name);
  await page.evaluate(() => { navigator.clipboard.writeText = async (t) => { window.zjCopied = t; }; });
  await scrollToLabel(page, 'member_join');
  await click(page, 'member_join');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await settle(page);
  await page.keyboard.press('Escape');
  await settle(page);
  return page.evaluate(() => window.zjCopied);
}

test('desktop: .xlsx and .xls rosters from LibreOffice, sheet choice, month dates, numeric ID numbers refused', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    assert.equal((await dataset(page)).org.members.length, 120);   // the demo town
    assert.equal(await page.evaluate(() => !!window.XLSX), false, 'SheetJS is not loaded before it is needed');

    await pickRoster(page, path.join(TESTDATA, 'roster-export.xlsx'));
    let ls = await labels(page);
    // make_rosters.py EXPORT: header on row 4, 40 people new to the demo town, every join month a date cell.
    for (const l of ['文件：roster-export.xlsx', '读取工作表：党员花名册', '选择工作表', '表头：第4行', '新增 40', '更新 0', '拒绝 0', '跳过 0',
                     '表格中有2个有内容的工作表，可在上方选择要导入的一个。'])
      assert.ok(ls.includes(l), l + ' in ' + JSON.stringify(ls));
    assert.ok(ls.includes('表头之上的行已跳过：第1行 “东湖镇党员花名册”；第3行 “导出时间：2026年11月  共40人”'), JSON.stringify(ls));
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-xlsx-desktop.png') });

    // The other sheet: read when chosen (a note, no header: refused, naming what is missing), then back.
    await click(page, 'import_sheet_choice');
    await clickLast(page, '填表说明');
    ls = await labels(page);
    assert.ok(ls.includes('读取工作表：填表说明'), JSON.stringify(ls));
    assert.ok(ls.includes('文件被拒绝，未做任何改动：'), JSON.stringify(ls));
    await click(page, 'import_sheet_choice');
    await clickLast(page, '党员花名册');
    assert.ok((await labels(page)).includes('新增 40'));

    await click(page, '确认导入（新增 40，更新 0）');
    let d = await dataset(page);
    assert.equal(d.org.members.length, 160);
    let liu = d.org.members.find((m) => m.name === '柳松');
    assert.equal(liu.join_date, '1996-06', 'a month cell stays a month');
    assert.equal(liu.birth_date, '1968-03-05', 'the ID number gives the birth day');
    assert.equal(await joinFieldText(page, '柳松'), '1996-06', 'the member editor shows the month');

    // The .xls (BIFF8) of the same sheet: the same 40 people. Undo the .xlsx import first (党员's 撤销, above the
    // table: scroll back up from the member editor).
    await page.mouse.move(640, 400);
    for (let i = 0; i < 6 && !(await labels(page)).includes('撤销'); i++) { await page.mouse.wheel(0, -600); await settle(page); }
    await click(page, '撤销');
    assert.equal((await dataset(page)).org.members.length, 120);
    await pickRoster(page, path.join(TESTDATA, 'roster-export.xls'));
    ls = await labels(page);
    assert.ok(ls.includes('文件：roster-export.xls') && ls.includes('读取工作表：党员花名册'), JSON.stringify(ls));
    assert.ok(ls.includes('新增 40'), JSON.stringify(ls));
    await click(page, '确认导入（新增 40，更新 0）');
    d = await dataset(page);
    assert.equal(d.org.members.length, 160);
    liu = d.org.members.find((m) => m.name === '柳松');
    assert.equal(liu.join_date, '1996-06');

    // The clean roster with its ID column kept as text: all 120 new. The same with ID numbers as number cells:
    // 111 refused with the reason; the 9 ID numbers ending in X (counted in roster-utf8-bom.csv: 9 of 120) cannot be
    // numbers, stay text cells and are new.
    await pickRoster(page, path.join(TESTDATA, 'roster-clean.xlsx'));
    assert.ok((await labels(page)).includes('新增 120'), JSON.stringify(await labels(page)));
    await pickRoster(page, path.join(TESTDATA, 'roster-idnum.xlsx'));
    ls = await labels(page);
    assert.ok(ls.includes('拒绝 111') && ls.includes('新增 9'), JSON.stringify(ls));
    assert.ok(ls.some((l) => /^row \d+: \[公民身份号码\] 身份证号在表格中存为数字,末几位已丢失;请把该列设为文本后重新填写$/.test(l)),
              JSON.stringify(ls.filter((l) => l.startsWith('row '))));
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-xlsx-numeric-id-desktop.png') });
    await click(page, '取消');

    // A workbook whose sheet is empty, and a damaged one: refused as a whole, nothing changes.
    await pickRoster(page, path.join(TESTDATA, 'roster-empty.xlsx'));
    ls = await labels(page);
    assert.ok(ls.includes('文件被拒绝，未做任何改动：'), JSON.stringify(ls));
    assert.ok(ls.some((l) => l.endsWith('工作表"Sheet1"是空的,没有表头和数据')), JSON.stringify(ls));
    const bad = path.join(os.tmpdir(), 'zj-broken-roster.xlsx');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    await pickRoster(page, bad);
    ls = await labels(page);
    assert.ok(ls.includes('文件被拒绝，未做任何改动：'), JSON.stringify(ls));
    assert.ok(ls.some((l) => l.includes('表格文件已损坏或不是Excel/WPS表格')), JSON.stringify(ls));
    assert.equal((await dataset(page)).org.members.length, 160);
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('phone 175 %: the .xlsx preview fits the width', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY), { width: 390, height: 844, scale: 3, touch: true,
                                                          init: () => localStorage.setItem('zj.setting.zoom', '175%') });
    await pickRoster(page, path.join(TESTDATA, 'roster-export.xlsx'), { phone: true });
    const wide = async () => (await items(page)).filter((i) => i.x + i.w > 391 && i.w < 2000).map((i) => i.label);
    // Small steps down (a loaded machine may run several wheel steps into one frame and pass a line): first back to
    // the top, then down to each line in turn.
    await page.mouse.move(195, 380);
    for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -800); await settle(page); }
    const seek = async (label) => {
      for (let i = 0; i < 30; i++) {
        const it = (await items(page)).find((x) => x.label === label);
        if (it && it.y > 110 && it.y + it.h < 754) return;
        await page.mouse.wheel(0, 120);
        await settle(page, 4);
      }
      throw new Error('never in view: ' + label + ' ' + JSON.stringify(await labels(page)));
    };
    await seek('表头：第4行');
    assert.deepEqual(await wide(), [], 'the preview fits the phone near the sheet choice');
    const ls = await labels(page);
    for (const l of ['文件：roster-export.xlsx', '读取工作表：党员花名册', '选择工作表', 'import_sheet_choice'])
      assert.ok(ls.includes(l), l + ' in ' + JSON.stringify(ls));
    await page.screenshot({ path: path.join(ARTIFACTS, 'organization-import-xlsx-phone-175.png') });
    await seek('新增 40');
    assert.deepEqual(await wide(), [], 'the preview fits the phone near the counts');
    await scrollToLabel(page, '确认导入（新增 40，更新 0）');
    await click(page, '确认导入（新增 40，更新 0）', { tap: true });
    assert.equal((await dataset(page)).org.members.length, 160);
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

// dist/web: SheetJS is its own file (sheetjs.js), precached by the service worker, fetched on first use.
test('web build: sheetjs.js is listed for offline use and loads on first use', async () => {
  const sw = fs.readFileSync(path.join(DIST, 'web', 'sw.js'), 'utf8');
  assert.ok(sw.includes('"sheetjs.js"') && sw.includes('"xlsx.js"'), 'the service worker precaches the Excel reader');
  const server = await serveWeb();
  const browser = await launch();
  try {
    const page = await openApp(browser, server.url + '?' + QUERY);
    assert.equal(await page.evaluate(() => !!window.XLSX), false, 'not loaded before it is needed');
    assert.equal(await page.evaluate(async () => (await window.zjXlsx.load()).version), '0.20.3');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
