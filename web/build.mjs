// Builds what the app ships:
//   dist/zhengjian.html  one self-contained file (wasm and font gzip+base64 inlined), works from file://
//   dist/web/            the same app as files for a static host (index.html, glue.js, app.js, app.wasm, ui.ttf)
// usage: node web/build.mjs --build build/wasm --font build/font/ui.ttf --out dist
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const here = path.dirname(new URL(import.meta.url).pathname);
const buildDir = args.build || 'build/wasm';
const fontPath = args.font || 'build/font/ui.ttf';
const out = args.out || 'dist';

const read = (p) => fs.readFileSync(p);
const emJs = read(path.join(buildDir, 'shell', 'zhengjian.js'), 'utf8').toString();
const wasm = read(path.join(buildDir, 'shell', 'zhengjian.wasm'));
const font = read(fontPath);
const template = read(path.join(here, 'index.html')).toString();
const glue = read(path.join(here, 'glue.js')).toString();

// The Emscripten output reads a global `Module`; wrapping it lets glue.js start it once the assets
// are ready, with the Module object it built.
const appJs = `window.zjStartApp = function (Module) {\n${emJs}\n};\n`;
const noCloseTag = (s) => s.replace(/<\/script/gi, '<\\/script');

// dist/web
const web = path.join(out, 'web');
fs.mkdirSync(web, { recursive: true });
fs.writeFileSync(path.join(web, 'index.html'),
  template.replace('<!--ZJ_SCRIPTS-->', '<script src="app.js"></script>\n<script src="glue.js"></script>'));
fs.writeFileSync(path.join(web, 'glue.js'), glue);
fs.writeFileSync(path.join(web, 'app.js'), appJs);
fs.writeFileSync(path.join(web, 'app.wasm'), wasm);
fs.writeFileSync(path.join(web, 'ui.ttf'), font);

// dist/zhengjian.html
const b64gz = (buf) => zlib.gzipSync(buf, { level: 9 }).toString('base64');
const inline = `<script>window.ZJ_INLINE={wasm:"${b64gz(wasm)}",font:"${b64gz(font)}"};</script>\n` +
  `<script>${noCloseTag(appJs)}</script>\n<script>${noCloseTag(glue)}</script>`;
const single = template.replace('<!--ZJ_SCRIPTS-->', () => inline);
const singlePath = path.join(out, 'zhengjian.html');
fs.writeFileSync(singlePath, single);

const kb = (n) => (n / 1024).toFixed(0) + ' KiB';
console.log(`[build] ${singlePath}: ${kb(single.length)} (wasm ${kb(wasm.length)}, font ${kb(font.length)}, js ${kb(appJs.length)})`);
console.log(`[build] ${web}/: index.html glue.js app.js app.wasm ui.ttf`);
if (single.length > 3 * 1024 * 1024) {
  console.error(`[build] ERROR: ${singlePath} is over the 3 MB budget`);
  process.exit(1);
}
