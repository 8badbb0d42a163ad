// Start-up on a browser that cannot run the app: the module needs WebAssembly exception handling (CMakeLists.txt;
// Chrome 95, Safari 15.2, Firefox 100). Where WebAssembly.validate refuses a module using it, the page says in
// Chinese (then English) that the browser is too old and how to get a newer one, instead of a compile error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTIFACTS, fileUrl, launch } from './lib.mjs';

test('a browser without WebAssembly exceptions is told to upgrade, in Chinese first', async () => {
  const browser = await launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await ctx.addInitScript(() => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      // The feature probe of web/glue.js is a 28-byte module with try / catch_all: refuse that one only.
      WebAssembly.validate = (bytes) => (bytes && bytes.length === 28 ? false : validate(bytes));
    });
    const page = await ctx.newPage();
    await page.goto(fileUrl('test=1'));
    await page.waitForFunction(() => window.zjFatalMessage, null, { timeout: 20000 });
    const msg = await page.evaluate(() => window.zjFatalMessage);
    assert.match(msg, /^此浏览器版本过旧，无法运行整建。请升级浏览器/);
    assert.match(msg, /This browser is too old/);
    assert.equal(await page.evaluate(() => !!window.zjTest), false, 'the app did not start');
    await page.screenshot({ path: path.join(ARTIFACTS, 'startup-old-browser-phone.png') });
  } finally {
    await browser.close();
  }
});
