// 谈 record drafts (shell/screens/talk.cpp "Drafts"): a talk typed on a phone but not saved survives a reload,
// is named at the top of 谈, is saved with today's date (not the planned one) and then leaves no draft behind;
// with a passphrase lock set no draft is stored in clear (the stored ones are removed when the lock is set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, items, labels, click, settle, goTo, scrollToLabel, waitLabel } from './lib.mjs';

const QUERY = 'test=1&today=2026-03-25';
const KEY = 'zj.setting.talk.drafts';
const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
const draftsStored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** Filters 谈's list by the interviewee and opens the talk. */
async function openTalk(page, d, talk, tap) {
  const who = d.org.members.find((m) => m.id === talk.interviewee_id).name;
  await click(page, 'talk_filter', { tap });
  await page.keyboard.insertText(who);
  await settle(page);
  const row = (await items(page)).find((it) => it.label.startsWith('talk:') && it.label.includes(who));
  assert.ok(row, 'the talk is listed: ' + JSON.stringify(await labels(page)));
  if (tap) await page.touchscreen.tap(row.x + row.w / 2, row.y + row.h / 2);
  else await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
  await settle(page);
}

test('phone: a talk draft survives a reload, is saved with today\'s date, then no draft is left', async () => {
  const browser = await launch();
  try {
    const opts = { width: 390, height: 844, scale: 3, touch: true };
    const page = await openApp(browser, fileUrl(QUERY), opts);
    const d0 = await dataset(page);
    const talk = d0.campaign.talks.find((t) => !t.record && t.planned_date && t.planned_date !== '2026-03-25');
    assert.ok(talk, 'an open talk planned for another day');
    await goTo(page, '谈', true);
    await openTalk(page, d0, talk, true);
    assert.ok((await labels(page)).includes(`计划：${talk.planned_date} ` +
      `${String(Math.floor(talk.planned_start_minute / 60)).padStart(2, '0')}:${String(talk.planned_start_minute % 60).padStart(2, '0')}`),
      'the planned date and time stand above the form');
    const notes = await scrollToLabel(page, 'talk_notes');
    await page.touchscreen.tap(notes.x + notes.w / 2, notes.y + notes.h / 2);
    await settle(page);
    await page.keyboard.insertText('村里道路硬化还差两公里');
    await settle(page, 4);
    const stored = JSON.parse(await draftsStored(page));
    assert.equal(stored[talk.id].form.notes, '村里道路硬化还差两公里', 'the draft is stored as it is typed');
    await scrollToLabel(page, '放弃草稿');
    assert.ok((await labels(page)).some((l) => l.startsWith('草稿：上次编辑 ')), 'the user is told a draft exists');
    await page.screenshot({ path: path.join(ARTIFACTS, 'talk-draft-phone.png') });

    await page.reload();
    await page.waitForFunction(() => window.zjTest && window.zjTest.frames() > 2, null, { timeout: 30000 });
    assert.ok(!(await dataset(page)).campaign.talks.find((t) => t.id === talk.id).record, 'nothing saved');
    await goTo(page, '谈', true);
    await waitLabel(page, '未保存的谈话草稿（点开继续）：');
    const pair = (await items(page)).find((it) => it.label.includes(' — ') && !it.label.startsWith('talk:') &&
                                          it.y < 400 && it.h >= 44);
    assert.ok(pair, 'the draft is a button to open its talk: ' + JSON.stringify(await labels(page)));
    await page.touchscreen.tap(pair.x + pair.w / 2, pair.y + pair.h / 2);
    await settle(page);
    const save = await scrollToLabel(page, '保存谈话记录');
    await page.touchscreen.tap(save.x + save.w / 2, save.y + save.h / 2);
    await settle(page, 4);
    const rec = (await dataset(page)).campaign.talks.find((t) => t.id === talk.id).record;
    assert.ok(rec, 'saved');
    assert.equal(rec.notes, '村里道路硬化还差两公里', 'the draft\'s text is what was saved');
    assert.equal(rec.held_on, '2026-03-25', 'held on today, the day recorded, not on the planned date');
    assert.equal(await draftsStored(page), null, 'a saved record leaves no draft');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});

test('with a passphrase lock set, no talk draft is stored in clear', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl(QUERY));
    const d0 = await dataset(page);
    const talk = d0.campaign.talks.find((t) => !t.record);
    await goTo(page, '谈');
    await openTalk(page, d0, talk, false);
    await scrollToLabel(page, 'talk_place');
    await click(page, 'talk_place');
    await page.keyboard.insertText('村部二楼');
    await settle(page, 4);
    assert.ok((await draftsStored(page) || '').includes('村部二楼'), 'stored before the lock');
    // Set the lock on 数据.
    await goTo(page, '数据');
    for (const id of ['lock_pass1', 'lock_pass2']) {
      await scrollToLabel(page, id);
      await click(page, id);
      await page.keyboard.insertText('一二三四五六七八');
      await settle(page);
    }
    await scrollToLabel(page, '设置口令锁');
    await click(page, '设置口令锁');
    await waitLabel(page, /^已设置口令锁/, 20000);
    await settle(page, 4);
    assert.equal(await draftsStored(page), null, 'the stored draft is removed once a lock is set');
    // Back on 谈 the draft is still in the page, marked as not stored; typing more stores nothing.
    await goTo(page, '谈');
    const place = await scrollToLabel(page, 'talk_place');
    await page.mouse.click(place.x + place.w / 2, place.y + place.h / 2);
    await page.keyboard.insertText('东');
    await settle(page, 4);
    await scrollToLabel(page, '放弃草稿');
    assert.ok((await labels(page)).some((l) => l.startsWith('草稿：尚未保存。已设口令锁')), JSON.stringify(await labels(page)));
    assert.equal(await draftsStored(page), null, 'nothing stored while the lock is set');
    assert.deepEqual(page.zjErrors, []);
  } finally {
    await browser.close();
  }
});
