// Zhengjian web glue: loads the app's assets (inlined or as files), hands the browser's services to
// the wasm module (system-font glyphs, settings, date, input events) and, with ?test=1, exposes the
// test contract window.zjTest = {items(), dataset(), frames(), missingGlyphs()}.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const t0 = performance.now();
  const canvas = document.getElementById('canvas');
  const statusEl = document.getElementById('status');

  function fatal(msg) {
    statusEl.textContent = msg;
    statusEl.className = 'fatal';
    statusEl.style.display = 'block';
    window.zjFatalMessage = msg;
  }

  // ---- assets: base64 + gzip inlined in the single file, plain files on a static host ----------
  async function gunzip(bytes) {
    if (typeof DecompressionStream === 'undefined') {
      throw new Error('此浏览器版本过旧（缺少 DecompressionStream），请升级浏览器或改用网页版。');
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  function fromBase64(b64) {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  async function asset(name, file) {
    const inl = window.ZJ_INLINE && window.ZJ_INLINE[name];
    if (inl) return gunzip(fromBase64(inl));
    const r = await fetch(file);
    if (!r.ok) throw new Error('无法加载 ' + file + '（' + r.status + '）');
    return new Uint8Array(await r.arrayBuffer());
  }

  // ---- glyphs from the system's fonts (Canvas2D), for characters the embedded font lacks -------
  const FAMILY = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",' +
                 '"WenQuanYi Micro Hei","Noto Sans",sans-serif';
  const gcv = document.createElement('canvas');
  const gctx = gcv.getContext('2d', { willReadFrequently: true });
  function drawGlyph(ch, px) {
    gctx.font = px + 'px ' + FAMILY;
    const m = gctx.measureText(ch);
    const l = Math.ceil(m.actualBoundingBoxLeft || 0), r = Math.ceil(m.actualBoundingBoxRight || 0);
    const a = Math.ceil(m.actualBoundingBoxAscent || 0), d = Math.ceil(m.actualBoundingBoxDescent || 0);
    const pad = 1;
    const w = Math.max(0, l + r) + 2 * pad, h = Math.max(0, a + d) + 2 * pad;
    gcv.width = Math.max(1, w); gcv.height = Math.max(1, h);
    gctx.font = px + 'px ' + FAMILY;
    gctx.fillStyle = '#fff';
    gctx.textBaseline = 'alphabetic';
    gctx.fillText(ch, pad + l, pad + a);
    const rgba = gctx.getImageData(0, 0, gcv.width, gcv.height).data;
    const alpha = new Uint8Array(gcv.width * gcv.height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3];
    return { w: gcv.width, h: gcv.height, left: -(pad + l), top: -(pad + a), advance: m.width, alpha };
  }
  function sameBitmap(a, b) {
    if (a.w !== b.w || a.h !== b.h) return false;
    for (let i = 0; i < a.alpha.length; i++) if (a.alpha[i] !== b.alpha[i]) return false;
    return true;
  }
  let tofu = null;
  const hasCache = new Map();
  const zjGlyphs = {
    // True if a system font draws `cp` as something other than the missing-glyph box.
    has(cp) {
      if (hasCache.has(cp)) return hasCache.get(cp);
      const ch = String.fromCodePoint(cp);
      let ok;
      if (/\s/u.test(ch)) {
        gctx.font = '24px ' + FAMILY;
        ok = gctx.measureText(ch).width > 0;
      } else {
        if (!tofu) tofu = drawGlyph(String.fromCodePoint(0x10FFFD), 24);
        const g = drawGlyph(ch, 24);
        ok = g.alpha.some((v) => v > 0) && !sameBitmap(g, tofu);
      }
      hasCache.set(cp, ok);
      return ok;
    },
    raster(cp, px) { return drawGlyph(String.fromCodePoint(cp), px); },
  };

  // ---- settings (localStorage may be missing or throw in private modes) ------------------------
  const zjSettings = {
    get(key) { try { return localStorage.getItem('zj.setting.' + key) || ''; } catch (e) { return ''; } },
    set(key, value) { try { localStorage.setItem('zj.setting.' + key, value); } catch (e) { /* kept in memory */ } },
  };
  function today() {
    const q = params.get('today');
    if (q && /^\d{4}-\d{2}-\d{2}$/.test(q)) return q;
    const d = new Date();
    const p2 = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p2(d.getMonth() + 1) + '-' + p2(d.getDate());
  }

  // ---- input: Pointer Events, wheel, keys, resize ----------------------------------------------
  function install(M) {
    const ccallKey = (code, down, mods) => M.ccall('zj_key', null, ['string', 'number', 'number'], [code, down, mods]);
    const mods = (e) => (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    const pos = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
    const src = (e) => (e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0);
    canvas.addEventListener('pointermove', (e) => { const [x, y] = pos(e); M._zj_pointer(0, x, y, 0, src(e)); });
    canvas.addEventListener('pointerdown', (e) => {
      canvas.setPointerCapture(e.pointerId);
      const [x, y] = pos(e);
      M._zj_pointer(0, x, y, 0, src(e));
      M._zj_pointer(1, x, y, e.button, src(e));
      e.preventDefault();
    });
    const up = (e) => { const [x, y] = pos(e); M._zj_pointer(2, x, y, e.button < 0 ? 0 : e.button, src(e)); };
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') M._zj_pointer(3, 0, 0, 0, 0); });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      const k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 10 : 1 / 100;
      M._zj_wheel(-e.deltaX * k, -e.deltaY * k);
      e.preventDefault();
    }, { passive: false });
    const swallow = new Set(['Tab', 'Backspace', 'Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown',
                             'PageUp', 'PageDown', 'Home', 'End', 'Enter', 'Escape']);
    window.addEventListener('keydown', (e) => {
      ccallKey(e.code, 1, mods(e));
      if (!e.ctrlKey && !e.metaKey && e.key && [...e.key].length === 1) M.ccall('zj_text', null, ['string'], [e.key]);
      if (swallow.has(e.code) || ((e.ctrlKey || e.metaKey) && /^Key[AZYCX]$/.test(e.code))) e.preventDefault();
    });
    window.addEventListener('keyup', (e) => ccallKey(e.code, 0, mods(e)));
    window.addEventListener('focus', () => M._zj_focus(1));
    window.addEventListener('blur', () => M._zj_focus(0));
    // Canvas size from CSS, backing store at devicePixelRatio.
    function resize() {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(r.width * dpr));
      canvas.height = Math.max(1, Math.round(r.height * dpr));
      M._zj_resize(r.width, r.height, dpr);
    }
    window.addEventListener('resize', resize);
    window.addEventListener('orientationchange', resize);
    resize();
  }

  // ---- boot -----------------------------------------------------------------------------------
  async function boot() {
    let wasm, font;
    try {
      [wasm, font] = await Promise.all([asset('wasm', 'app.wasm'), asset('font', 'ui.ttf')]);
    } catch (e) {
      fatal(String(e.message || e));
      return;
    }
    const Module = {
      canvas,
      wasmBinary: wasm,
      zjFontBytes: font,
      zjTestMode: params.get('test') === '1',
      zjGlyphs,
      zjSettings,
      zjToday: today,
      zjFatal: fatal,
      zjInstall() { install(Module); },
      zjReady() {
        window.zjFirstFrameMs = performance.now() - t0;
        statusEl.style.display = 'none';
      },
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onAbort: (what) => fatal('程序出错，请刷新页面重试。(' + what + ')'),
    };
    if (Module.zjTestMode) {
      window.zjTest = {
        items: () => JSON.parse(Module.ccall('zj_test_items_json', 'string', [], [])),
        dataset: () => Module.ccall('zj_test_dataset_json', 'string', [], []),
        frames: () => Module.ccall('zj_test_frames', 'number', [], []),
        missingGlyphs: () => JSON.parse(Module.ccall('zj_test_missing_glyphs_json', 'string', [], [])),
        firstFrameMs: () => window.zjFirstFrameMs,
      };
    }
    window.zjStartApp(Module);
  }
  boot();
})();
