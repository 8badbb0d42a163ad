// Builds what the app ships:
//   dist/zhengjian.html  one self-contained file (wasm and font gzip+base64 inlined), works from file://
//   dist/web/            the same app as files for a static host (index.html, glue.js, app.js, app.wasm, ui.ttf)
// usage: node web/build.mjs --build build/wasm --font build/font/ui.ttf --out dist
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

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
const storageJs = read(path.join(here, 'storage.js')).toString();  // loaded before glue.js
const lockJs = read(path.join(here, 'lock.js')).toString();        // passphrase lock (WebCrypto)
// camera QR reader (both outputs), jsQR from web/node_modules (npm ci, web/package-lock.json),
// service worker + update prompt (dist/web only).
const qrJs = read(path.join(here, 'qr.js')).toString();
const pwaJs = read(path.join(here, 'pwa.js')).toString();
const swTemplate = read(path.join(here, 'sw.js')).toString();
const jsqrPath = path.join(here, 'node_modules', 'jsqr', 'dist', 'jsQR.js');
if (!fs.existsSync(jsqrPath)) {
  console.error(`[build] ERROR: ${jsqrPath} is missing: run scripts/install-deps.sh (npm ci in web/)`);
  process.exit(1);
}
const jsqr = read(jsqrPath);
// Excel reader (.xlsx/.xls rosters): SheetJS CE from web/node_modules (@e965/xlsx, pinned), its xlsx.core.min.js
// build (XLSX + BIFF8 .xls; the full build's codepage tables for Excel 5.0/95 files would add ~230 KB more).
// web/xlsx.js loads it on first use, like jsQR.
const xlsxJs = read(path.join(here, 'xlsx.js')).toString();
const sheetjsPath = path.join(here, 'node_modules', '@e965', 'xlsx', 'dist', 'xlsx.core.min.js');
if (!fs.existsSync(sheetjsPath)) {
  console.error(`[build] ERROR: ${sheetjsPath} is missing: run scripts/install-deps.sh (npm ci in web/)`);
  process.exit(1);
}
const sheetjs = read(sheetjsPath);

// The Emscripten output reads a global `Module`; wrapping it lets glue.js start it once the assets
// are ready, with the Module object it built.
const appJs = `window.zjStartApp = function (Module) {\n${emJs}\n};\n`;
const noCloseTag = (s) => s.replace(/<\/script/gi, '<\\/script');

// dist/web
const web = path.join(out, 'web');
fs.mkdirSync(web, { recursive: true });
fs.writeFileSync(path.join(web, 'index.html'),
  template.replace('<!--ZJ_SCRIPTS-->', '<script src="app.js"></script>\n<script src="storage.js"></script>\n<script src="lock.js"></script>\n<script src="glue.js"></script>' +
                   '\n<script src="qr.js"></script>\n<script src="xlsx.js"></script>\n<script src="pwa.js"></script>'));
fs.writeFileSync(path.join(web, 'glue.js'), glue);
fs.writeFileSync(path.join(web, 'storage.js'), storageJs);
fs.writeFileSync(path.join(web, 'lock.js'), lockJs);
fs.writeFileSync(path.join(web, 'app.js'), appJs);
fs.writeFileSync(path.join(web, 'app.wasm'), wasm);
fs.writeFileSync(path.join(web, 'ui.ttf'), font);

// dist/web as an installable, offline app: icons, manifest, versioned service worker.
fs.writeFileSync(path.join(web, 'qr.js'), qrJs);
fs.writeFileSync(path.join(web, 'pwa.js'), pwaJs);
fs.writeFileSync(path.join(web, 'jsqr.js'), jsqr);
fs.writeFileSync(path.join(web, 'xlsx.js'), xlsxJs);
fs.writeFileSync(path.join(web, 'sheetjs.js'), sheetjs);
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';  // Debian's, with python3-pil
execFileSync(python, [path.join(here, 'make_icons.py'), web], { stdio: 'inherit' });
const icons = ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png'];
const manifest = {
  name: '整建 · 党组织整建月', short_name: '整建', lang: 'zh-CN', dir: 'ltr',
  description: '党组织整建月活动（学、看、谈、评）工作台：离线可用，数据保存在本机。',
  id: './', start_url: './', scope: './', display: 'standalone', orientation: 'any',
  theme_color: '#c41e24', background_color: '#f7f5ee',
  icons: [
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
fs.writeFileSync(path.join(web, 'manifest.webmanifest'), JSON.stringify(manifest, null, 1) + '\n');
// The version is a hash of every shipped file but index.html (which carries it) and sw.js (made from it).
const shipped = ['app.js', 'storage.js', 'lock.js', 'glue.js', 'qr.js', 'pwa.js', 'jsqr.js', 'xlsx.js', 'sheetjs.js', 'app.wasm', 'ui.ttf',
                 'manifest.webmanifest', ...icons];
const hash = crypto.createHash('sha256').update(template);
for (const f of shipped) hash.update(f).update(fs.readFileSync(path.join(web, f)));
const version = hash.digest('hex').slice(0, 16);
const head = `<meta name="zj-version" content="${version}">\n<link rel="manifest" href="manifest.webmanifest">\n` +
  `<meta name="theme-color" content="#c41e24">\n<link rel="apple-touch-icon" href="apple-touch-icon.png">\n` +
  `<meta name="apple-mobile-web-app-capable" content="yes">\n<meta name="apple-mobile-web-app-title" content="整建">\n</head>`;
const indexPath = path.join(web, 'index.html');
fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('</head>', () => head));
fs.writeFileSync(path.join(web, 'sw.js'), swTemplate.replace('__ZJ_VERSION__', version)
  .replace('__ZJ_FILES__', JSON.stringify(['./', 'index.html', ...shipped])));

// dist/zhengjian.html
const b64gz = (buf) => zlib.gzipSync(buf, { level: 9 }).toString('base64');
const inline = `<script>window.ZJ_INLINE={wasm:"${b64gz(wasm)}",font:"${b64gz(font)}",jsqr:"${b64gz(jsqr)}",xlsx:"${b64gz(sheetjs)}"};</script>\n` +
  `<script>${noCloseTag(appJs)}</script>\n<script>${noCloseTag(storageJs)}</script>\n<script>${noCloseTag(lockJs)}</script>\n<script>${noCloseTag(glue)}</script>\n<script>${noCloseTag(qrJs)}</script>\n<script>${noCloseTag(xlsxJs)}</script>`;
const single = template.replace('<!--ZJ_SCRIPTS-->', () => inline);
const singlePath = path.join(out, 'zhengjian.html');
fs.writeFileSync(singlePath, single);

const kb = (n) => (n / 1024).toFixed(0) + ' KiB';
console.log(`[build] ${singlePath}: ${kb(single.length)} (wasm ${kb(wasm.length)}, font ${kb(font.length)}, js ${kb(appJs.length)})`);
console.log(`[build] ${web}/: index.html ${shipped.join(' ')} sw.js (version ${version})`);
if (single.length > 3 * 1024 * 1024) {
  console.error(`[build] ERROR: ${singlePath} is over the 3 MB budget`);
  process.exit(1);
}
