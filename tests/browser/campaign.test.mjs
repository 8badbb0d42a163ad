// 学 看 谈 通报 概览: a draw with a witnessed seed typed in the UI, checked against an independent
// JavaScript port of zj-draw-v1 (core/campaign/draw.h); the speech timer full screen in its last minute and over
// time; a talk record filled in the form and read back from the dataset; attendance ticked; the closing
// report opened as printable HTML; the dashboard's progress. At desktop and phone size, screenshots kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, items, labels, click, find, settle } from './lib.mjs';

const QUERY = 'test=1&today=2026-03-25';
const VIEWPORTS = [{ name: 'desktop', width: 1280, height: 800, scale: 1 },
                   { name: 'phone', width: 390, height: 844, scale: 3, touch: true }];
const dataset = async (page) => JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, name + '.png') });

// ---- zj-draw-v1, ported from the reference in core/campaign/draw.h (BigInt for the 64-bit arithmetic) ----------
const M64 = 1n << 64n;
const MASK = M64 - 1n;
function drawPicks(seed, names, k = 2) {
  let h = 0xcbf29ce484222325n;
  const text = seed.trim() + '\n' + names.map((n) => n + '\n').join('');
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & MASK;
  let s = h;
  const next = () => {
    s = (s + 0x9E3779B97F4A7C15n) & MASK;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK;
    return z ^ (z >> 31n);
  };
  const left = [...names];
  const out = [];
  const n = Math.min(k, left.length);
  for (let i = 0; i < n; i++) {
    const m = BigInt(left.length);
    const lim = M64 - (M64 % m);
    let r = next();
    while (r >= lim) r = next();
    out.push(left.splice(Number(r % m), 1)[0]);
  }
  return out;
}
// Step 1: candidates sorted by the bytes of their UTF-8 names.
const byUtf8 = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/// Member-star figures of the campaign year counted from the saved dataset, apart from the app (notice 四(四)二):
/// per member the yearly total = base points + per item the entries' sum held within ±cap; members with no entry
/// of the year are not yet scored; exempted members and members who joined after the year are not rated.
function starFigures(ds) {
  const year = ds.campaign.year;
  const items = new Map(ds.points.catalogue.items.map((i) => [i.id, i]));
  const tenths = (x) => Math.round(x * 10);
  // Entry objects, or the compact table of a stored snapshot (core/data/entries_table.h).
  const t = ds.points.entries;
  const entries = Array.isArray(t)
    ? t.map((e) => ({ member: e.member_id, item: e.item_id, year: Number(e.date.slice(0, 4)), points: tenths(e.points) }))
    : t.rows.map((r) => ({ member: t.member_ids[r[1]], item: t.item_ids[r[2]],
                           year: new Date(r[3] * 86400000).getUTCFullYear(), points: r[4] }));
  const perMember = new Map();
  for (const e of entries) {
    if (e.year !== year || !items.has(e.item)) continue;
    const m = perMember.get(e.member) || new Map();
    m.set(e.item, (m.get(e.item) || 0) + e.points);
    perMember.set(e.member, m);
  }
  const th = ds.member_stars.thresholds;
  const exempt = new Set(ds.member_stars.exemptions.filter((e) => e.year === year).map((e) => e.member_id));
  const out = { notScored: 0, bands: [0, 0, 0, 0], below60: [] };
  for (const mem of ds.org.members) {
    if (exempt.has(mem.id) || (mem.join_date && mem.join_date > `${year}-12-31`)) continue;
    const sums = perMember.get(mem.id);
    if (!sums) { out.notScored++; continue; }
    let total = tenths(ds.points.catalogue.base_points);
    for (const [item, sum] of sums) {
      const cap = items.get(item).yearly_cap;
      total += cap == null ? sum : Math.max(-tenths(cap), Math.min(tenths(cap), sum));
    }
    const stars = total >= tenths(th.three) ? 3 : total >= tenths(th.two) ? 2 : total >= tenths(th.one) ? 1 : 0;
    out.bands[stars]++;
    if (stars === 0) out.below60.push(mem.name);
  }
  return out;
}

test('zj-draw-v1 port matches the reference values', () => {
  // Sanity of the port on its own: deterministic, distinct picks, all candidates when fewer than k.
  const names = ['东湖村党支部', '中洲村党支部', '北港村党支部', '南岭社区党支部', '西山村党支部'].sort(byUtf8);
  const a = drawPicks('2018-03-28#4711', names);
  assert.deepEqual(a, drawPicks(' 2018-03-28#4711 ', names));
  assert.equal(new Set(a).size, 2);
  assert.deepEqual(drawPicks('1', ['甲']).length, 1);
  assert.equal(drawPicks('7', ['甲', '乙']).length, 2);
});

/** Scrolls the screen (mouse wheel over the content) until `label` is fully in view, clear of the header
 * and of the phone's bottom tab bar (a tap on a half-hidden row would hit the tab bar); returns the item. */
async function scrollTo(page, label, { up = false, tries = 16 } = {}) {
  const match = (it) => (typeof label === 'string' ? it.label === label : label.test(it.label));
  const vp = page.viewportSize();
  const bottom = vp.height - (vp.width < 600 ? 110 : 20);
  for (let i = 0; i < tries; i++) {
    const all = await items(page);
    // Below the header (one or more lines, by width and 字号): a tap higher up would land on the header.
    const top = Math.max(70, ...all.filter((it) => ['字号', 'EN', 'English', '中文'].includes(it.label)).map((it) => it.y + it.h + 8));
    const hit = all.find(match);
    let dy = up ? -300 : 300;
    if (hit) {
      if (hit.y >= top && hit.y + hit.h <= bottom) return hit;
      dy = hit.y < top ? hit.y - top - 20 : hit.y + hit.h - bottom + 20;
    }
    await page.mouse.move(vp.width - 20, vp.height * 0.45);  // over the screen area's own scroll bar
    await page.mouse.wheel(0, dy);
    await settle(page);
  }
  return find(page, typeof label === 'string' ? label : '(regex ' + label + ')');
}
async function clickItem(page, it, tap) {
  if (tap) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}
/** Opens a screen through the navigation (the tallest item with that label: strand titles share 学 看 谈). */
async function goTo(page, screen, tap) {
  let hits = (await items(page)).filter((it) => it.label === screen);
  if (!hits.length) {
    await click(page, '…', { tap });  // phone: behind "more"
    hits = (await items(page)).filter((it) => it.label === screen);
  }
  assert.ok(hits.length, `navigation to ${screen}`);
  await clickItem(page, hits.reduce((a, b) => (b.h > a.h ? b : a)), tap);
  // The screen area keeps its scroll position across screens: start at the top.
  const vp = page.viewportSize();
  await page.mouse.move(vp.width - 20, vp.height * 0.5);
  await page.mouse.wheel(0, -20000);
  await settle(page);
}

for (const vp of VIEWPORTS) {
  test(`看: live draw with a witnessed seed, agenda, full-screen timer (${vp.name})`, async () => {
    const browser = await launch();
    try {
      const page = await openApp(browser, fileUrl(QUERY), vp);
      const tap = !!vp.touch;
      // A clock the test can move forward (the timer reads Date.now through platform::NowMs).
      await page.evaluate(() => {
        const real = Date.now.bind(Date);
        window.__zjOffset = 0;
        Date.now = () => real() + window.__zjOffset;
      });
      await goTo(page, '看', tap);
      let l = await labels(page);
      assert.ok(l.includes('一片 村级党建工作现场会'), JSON.stringify(l));
      assert.ok(l.includes('镇直单位党建现场会'));

      const before = await dataset(page);
      const org = before.org;
      const area1 = org.areas.find((a) => a.name === '一片');
      const meeting = before.campaign.onsite_meetings.find((m) => m.area_id === area1.id);
      assert.equal(meeting.draw, null);
      // Candidates computed independently: villages/communities of 一片 except the pre-chosen site.
      const gbs = new Set(org.general_branches.filter((g) => g.area_id === area1.id).map((g) => g.id));
      const eligible = org.branches.filter((b) => gbs.has(b.general_branch_id) && b.kind !== 'town_unit');
      const cands = eligible.filter((b) => b.id !== meeting.preselected_branch_id).map((b) => b.name).sort(byUtf8);
      assert.ok(cands.length >= 2);
      cands.forEach((n, i) => assert.ok(l.includes(`${i + 1}. ${n}`), `candidate ${i + 1}. ${n} shown in fixed order`));

      // The witness reads out 4711; the liaison types it and prefixes the meeting date.
      await clickItem(page, await scrollTo(page, 'draw_seed'), tap);
      await page.keyboard.insertText('4711');
      await clickItem(page, await scrollTo(page, '加上会议日期'), tap);
      await clickItem(page, await scrollTo(page, '抽签'), tap);
      l = await labels(page);
      const seed = `${meeting.date}#4711`;
      assert.ok(l.includes(`种子：${seed}`), JSON.stringify(l));
      await click(page, '确认，开始抽签', { tap });

      const after = await dataset(page);
      const m2 = after.campaign.onsite_meetings.find((m) => m.id === meeting.id);
      assert.ok(m2.draw, 'draw recorded');
      assert.equal(m2.draw.seed, seed);
      assert.equal(m2.draw.algorithm, 'zj-draw-v1');
      assert.deepEqual(m2.draw.candidates.map((c) => c.name), cands, 'candidates in the fixed order');
      const expected = drawPicks(seed, cands);
      const nameOf = (id) => m2.draw.candidates.find((c) => c.id === id).name;
      assert.deepEqual(m2.draw.picked_ids.map(nameOf), expected, 'picks equal the independent zj-draw-v1 result');
      assert.match(m2.draw.drawn_at, /^\d{4}-\d\d-\d\dT/);
      l = await labels(page);
      expected.forEach((n, i) => assert.ok(l.includes(`抽中 ${i + 1}：${n}`), `result ${n} revealed`));
      assert.ok(l.includes('复核：按种子重算结果一致'));
      assert.ok(!l.includes('抽签'), 'no second draw button');
      // A second draw is refused by the command too, and nothing changes.
      const again = await page.evaluate((id) => window.zjTest.apply({ name: 'onsite.draw', args: { id, seed: '1' } }), meeting.id);
      assert.equal(again.ok, false);
      assert.deepEqual((await dataset(page)).campaign.onsite_meetings.find((m) => m.id === meeting.id).draw, m2.draw);
      await shot(page, `look-draw-${vp.name}`);
      // The agenda with its estimated end.
      const end = await scrollTo(page, /^预计结束 \d\d:\d\d$/);
      assert.ok(end, 'estimated end shown');

      // Speech timer: 05:00, start, last minute (amber), then over time (+mm:ss, red), full screen.
      const timer0 = await scrollTo(page, '05:00');
      assert.ok(timer0);
      await clickItem(page, await scrollTo(page, '开始计时'), tap);
      await page.evaluate(() => { window.__zjOffset = 250 * 1000; });  // 4:10 spoken
      await settle(page, 4);
      l = await labels(page);
      // Less than a minute left (50 s minus the real time the test took since the start).
      assert.ok(l.some((x) => /^00:[0-5]\d$/.test(x)), 'under a minute left: ' + JSON.stringify(l.filter((x) => /\d\d:\d\d/.test(x))));
      assert.ok(l.includes('最后一分钟'));
      await clickItem(page, await scrollTo(page, '全屏计时'), tap);
      const digits = (await items(page)).filter((it) => /^00:[0-5]\d$/.test(it.label)).sort((a, b) => b.h - a.h)[0];
      assert.ok(digits && digits.w > vp.width * 0.5 && digits.h > 80, `large digits (${digits && digits.w}x${digits && digits.h}px)`);
      assert.ok((await labels(page)).includes('退出全屏 (Esc)'));
      await shot(page, `look-timer-full-lastminute-${vp.name}`);
      await page.evaluate(() => { window.__zjOffset = 320 * 1000; });  // 5:20 spoken: 20 s over
      await settle(page, 4);
      l = await labels(page);
      // Over time by 20 s plus the real time the test took: shown as +mm:ss.
      const over = l.map((x) => /^\+(\d\d):(\d\d)$/.exec(x)).find(Boolean);
      assert.ok(over && Number(over[1]) * 60 + Number(over[2]) >= 20, 'overrun shown as +mm:ss: ' + JSON.stringify(l.filter((x) => /\d\d:\d\d/.test(x))));
      assert.ok(l.includes('已超时'));
      await shot(page, `look-timer-full-overrun-${vp.name}`);
      if (tap) await click(page, '退出全屏 (Esc)', { tap });
      else { await page.keyboard.press('Escape'); await settle(page); }
      assert.ok(!(await labels(page)).includes('退出全屏 (Esc)'), 'full screen left');
      assert.deepEqual(page.zjErrors, []);
      await page.context().close();
    } finally {
      await browser.close();
    }
  });

  test(`谈 record form, 学 attendance, 通报 HTML, 概览 progress (${vp.name})`, async () => {
    const browser = await launch();
    try {
      const page = await openApp(browser, fileUrl(QUERY), vp);
      const tap = !!vp.touch;
      // 概览: strand progress percentages and the attention list.
      let l = await labels(page);
      // The four strand cards (2 x 2 on a PC; one column on a phone, the first in view).
      assert.ok(l.filter((x) => /^完成 \d+%$/.test(x)).length >= (tap ? 1 : 4), 'strand percentages');
      assert.ok(l.includes('截止 03-31'));
      await shot(page, `dashboard-progress-${vp.name}`);
      // What needs attention: the mobilization (03-23) is 2 days overdue, lecture 2 (03-31) due in 6 days.
      await scrollTo(page, /^总体进度 \d+%$/);
      await scrollTo(page, '03-31 到期');
      l = await labels(page);
      assert.ok(l.includes('03-23 到期') && l.includes('全镇动员大会'), 'mobilization listed as overdue');
      await shot(page, `dashboard-attention-${vp.name}`);

      // 谈: find a talk of the town Party secretary with a village secretary, not yet held.
      const d0 = await dataset(page);
      const talk = d0.campaign.talks.find((t) => t.kind === 'secretary_with_village_secretary' && !t.record);
      assert.ok(talk);
      const member = d0.org.members.find((m) => m.id === talk.interviewee_id);
      const branch = d0.org.branches.find((b) => b.id === talk.branch_id);
      await goTo(page, '谈', tap);
      l = await labels(page);
      assert.ok(l.some((x) => /^应谈 \d+ 人次/.test(x)), JSON.stringify(l));
      await clickItem(page, await scrollTo(page, 'talk_filter'), tap);
      // Pinyin initials find the town secretary 覃志军 (qín zhì jūn): "qzj" keeps at least all his talks
      // and fewer than all talks (the browser's pinyin collation gives the initials).
      await page.keyboard.insertText('qzj');
      await settle(page);
      const his = d0.campaign.talks.filter((t) => t.interviewer_id === talk.interviewer_id).length;
      const shownOf = (await labels(page)).map((x) => /^显示 (\d+) \/ (\d+)$/.exec(x)).find(Boolean);
      assert.ok(shownOf, 'the shown count is drawn');
      assert.ok(+shownOf[1] >= his && +shownOf[1] < +shownOf[2], `qzj: ${shownOf[0]}, his talks ${his}`);
      assert.ok((await items(page)).some((it) => it.label.startsWith('talk:覃志军 — ')), 'qzj lists 覃志军\'s talks');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText(member.name);
      await settle(page);
      const row = (await items(page)).find((it) => it.label.startsWith('talk:') && it.label.includes(member.name) &&
                                                   it.label.includes(branch.name) && it.label.includes('覃志军'));
      assert.ok(row, 'talk row listed');
      await clickItem(page, row, tap);
      l = await labels(page);
      assert.ok(l.includes(`覃志军 — ${member.name} (${branch.name})`), 'the record form shows the pair');
      await scrollTo(page, 'talk_place');
      await click(page, 'talk_place', { tap });
      await page.keyboard.insertText('村委会议室');
      // Six topics for this kind (notice 四(三)一); tick 1, 3 and 6.
      for (const k of [1, 3, 6]) {
        const it = await scrollTo(page, `topic:${k}`);
        await clickItem(page, it, tap);
      }
      assert.ok(!(await labels(page)).includes('topic:7'));
      await clickItem(page, await scrollTo(page, 'talk_notes'), tap);
      await page.keyboard.insertText('班子团结；问题：<b>产业单一</b> & "稻虾共作"');
      await clickItem(page, await scrollTo(page, '留'), tap);
      const reserveMember = d0.org.members.find((m) => m.branch_id === branch.id && m.reserve_cadre);
      await clickItem(page, await scrollTo(page, `reserve:${reserveMember.name}`), tap);
      await clickItem(page, await scrollTo(page, '保存谈话记录'), tap);
      const d1 = await dataset(page);
      const saved = d1.campaign.talks.find((t) => t.id === talk.id);
      assert.ok(saved.record, 'record saved: ' + JSON.stringify(await page.evaluate(() => window.zjTest.items().slice(0, 3))));
      assert.equal(saved.record.place, '村委会议室');
      assert.deepEqual(saved.record.topics_covered, [0, 2, 5]);
      assert.equal(saved.record.notes, '班子团结；问题：<b>产业单一</b> & "稻虾共作"');
      assert.equal(saved.record.intention, 'stay');
      assert.deepEqual(saved.record.reserve_cadre_ids, [reserveMember.id]);
      assert.equal(saved.record.held_on, '2026-03-25', 'held on today (the day recorded), not on the planned date');
      assert.ok(await scrollTo(page, '已保存'));
      await shot(page, `talk-record-${vp.name}`);

      // 学: tick one person's attendance; the first lecture is held in the demo.
      await goTo(page, '学', tap);
      l = await labels(page);
      assert.ok(l.includes('共 3 次（通知要求 3 至 5 次）'), JSON.stringify(l));
      const lec0 = d1.campaign.lectures[0];
      // Untick someone present whose reflection is still owed (a handed-in one cannot be unticked):
      // find the row through the name filter.
      const people = [...d1.org.members, ...d1.org.cadres];
      const owed = lec0.reflections.find((r) => r.state === 'owed');
      const person = people.find((p) => p.id === owed.person_id).name;
      await clickItem(page, await scrollTo(page, 'attend_filter'), tap);
      await page.keyboard.insertText(person);
      await settle(page);
      await clickItem(page, await scrollTo(page, `attend:${person}`), tap);
      const lec1 = (await dataset(page)).campaign.lectures[0];
      assert.equal(lec1.attendee_ids.length, lec0.attendee_ids.length - 1, `attendance of ${person} unticked`);
      assert.equal(lec1.reflections.length, lec0.reflections.length - 1, 'the owed reflection goes with it');
      // Another owed reflection handed in today through its row's state picker.
      const owed2 = lec1.reflections.find((r) => r.state === 'owed');
      const person2 = people.find((p) => p.id === owed2.person_id).name;
      // A second tap on the filter right after a tap on a row's checkbox is sometimes not taken as a focus on the
      // phone (seen about one run in three; the field keeps the first name): tap again when the list did not follow.
      for (let attempt = 0; attempt < 3; attempt++) {
        await clickItem(page, await scrollTo(page, 'attend_filter'), tap);
        await page.keyboard.press('Control+A');
        await page.keyboard.insertText(person2);
        await settle(page);
        if (!(await labels(page)).includes(`attend:${person}`)) break;
        await settle(page, 10);
      }
      await clickItem(page, await scrollTo(page, `refl:${person2}`), tap);
      await click(page, '已交', { tap });
      const r2 = (await dataset(page)).campaign.lectures[0].reflections.find((r) => r.id === owed2.id);
      assert.equal(r2.state, 'handed_in');
      assert.equal(r2.handed_in_on, '2026-03-25');
      await scrollTo(page, '专题讲习', { up: true });
      await shot(page, `learn-${vp.name}`);

      // 通报: printable HTML with escaped user text.
      const venue = '会场<script>alert(1)</script>';
      const mId = d1.campaign.onsite_meetings[0].id;
      const r = await page.evaluate(([id, v]) => window.zjTest.apply({ name: 'onsite.update', args: { id, venue: v } }), [mId, venue]);
      assert.equal(r.ok, true);
      // Two members who joined the roster today have no points yet: 尚未记分, not below 60.
      for (const name of ['新党员甲', '新党员乙']) {
        const added = await page.evaluate(([n, b]) => window.zjTest.apply({ name: 'member.add', args: { name: n, branch_id: b } }),
                                          [name, d1.org.members[0].branch_id]);
        assert.equal(added.ok, true, JSON.stringify(added));
      }
      await goTo(page, '通报', tap);
      l = await labels(page);
      assert.ok(l.some((x) => /^谈心谈话 已谈 4 \/ \d+ 人次$/.test(x)), 'four talks recorded (3 demo + 1): ' + JSON.stringify(l));
      await shot(page, `report-${vp.name}`);
      await click(page, '生成通报（打印）', { tap });
      const html = await page.evaluate(() => window.zjLastHtml && window.zjLastHtml.html);
      const name = await page.evaluate(() => window.zjLastHtml && window.zjLastHtml.name);
      assert.ok(html, 'report HTML produced');
      assert.equal(name, '渔洋镇-整建月通报-2026-03-25.html');
      assert.ok(html.includes('渔洋镇党组织整建月活动情况通报'));
      assert.ok(html.includes('@media print') && html.includes('size: A4'));
      assert.ok(html.includes('会场&lt;script&gt;alert(1)&lt;/script&gt;'), 'user text escaped');
      assert.ok(!html.includes('<script>alert(1)'));
      for (const s of ['一片', '二片', '东湖村党支部', '可由所在支部党员大会认定为不合格党员', '逾期与近期到期事项', '已逾期 2 天', '示例数据'])
        assert.ok(html.includes(s), `report contains ${s}`);
      assert.ok(!html.includes('稻虾共作'), 'talk notes (sensitive) are not in the report');
      // The member-star figures against the dataset, counted here apart from the app: a member with no entry of
      // the year is 尚未记分 (never below 60); the report names nobody unless the annex is asked for.
      const fig = starFigures(await dataset(page));
      assert.ok(fig.notScored > 0 && fig.below60.length > 0, JSON.stringify(fig));
      assert.ok(html.includes(`尚未记分的党员 ${fig.notScored} 名`), `not yet scored: ${fig.notScored}`);
      assert.ok(html.includes(`年度积分60分以下的党员 <b>${fig.below60.length} 名</b>`), `below 60: ${fig.below60.length}`);
      assert.ok(html.includes(`<td>党员（已记分）</td><td class="n">${fig.bands[3]}</td><td class="n">${fig.bands[2]}</td>` +
                              `<td class="n">${fig.bands[1]}</td><td class="n">${fig.bands[0]}</td>`), 'star bands ' + fig.bands);
      assert.ok(!html.includes('class="annex"'), 'no names by default');
      await click(page, '附60分以下名单', { tap });
      await click(page, '生成通报（打印）', { tap });
      const annexed = await page.evaluate(() => window.zjLastHtml.html);
      const annex = annexed.slice(annexed.indexOf('<section class="annex">'));
      assert.ok(annex.length > 0 && annexed.includes('<section class="annex">'), 'the annex is there when asked for');
      assert.equal((annex.match(/<tr><td>/g) || []).length, fig.below60.length, 'one row per member below 60');
      for (const name of fig.below60) assert.ok(annex.includes(`<td>${name}</td>`), `${name} in the annex`);
      assert.ok(!annexed.includes('新党员甲'), 'a member not yet scored is never listed');
      await click(page, '附60分以下名单', { tap });
      if (!tap) {
        // The page as printed on A4.
        const view = await page.context().newPage();
        await view.setViewportSize({ width: 794, height: 1123 });
        await view.setContent(html);
        await view.emulateMedia({ media: 'print' });
        await view.screenshot({ path: path.join(ARTIFACTS, 'report-print-a4.png'), fullPage: true });
        await view.close();
      }
      assert.deepEqual(page.zjErrors, []);
      await page.context().close();
    } finally {
      await browser.close();
    }
  });
}
