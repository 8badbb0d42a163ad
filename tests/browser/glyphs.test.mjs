// no UI string and no demo-data string draws a missing-glyph box. Characters outside the
// embedded GB2312 subset (䶮 U+4DAE, 𠮷 U+20BB7 outside the BMP) come from the system fonts (Canvas2D).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, launch, fileUrl, openApp, click, settle } from './lib.mjs';

test('every UI and demo-data character has a glyph', async () => {
  const browser = await launch();
  try {
    const page = await openApp(browser, fileUrl('test=1&today=2026-03-25'));
    const missing = await page.evaluate(() => window.zjTest.missingGlyphs());
    assert.deepEqual(missing, []);
    const d = JSON.parse(await page.evaluate(() => window.zjTest.dataset()));
    const names = d.org.members.map((m) => m.name).join('');
    assert.ok(names.includes('䶮') && names.includes('𠮷'), 'demo town has names with 䶮 and 𠮷');
    // The check can fail: an unassigned code point (U+0378) and a private-use plane-16 one are reported.
    const bad = await page.evaluate(() => window.zjTest.missingGlyphsFor(['名\u0378', '\u{10FFFD}']));
    assert.deepEqual(bad.map((b) => b.codepoint), [0x378, 0x10FFFD]);
    // Screenshot of the roster with the rare names, filtered.
    await click(page, '组织');
    await settle(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'rare-glyphs-organization.png') });
  } finally {
    await browser.close();
  }
});
