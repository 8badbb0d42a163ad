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
  // The inlined assets are ~4 MB of base64: decoded natively where the browser can (Uint8Array.fromBase64, else a
  // data: URL read by fetch), which takes a fraction of the atob loop's time (about 350 ms of every start in
  // headless Chromium on this kind of machine); the loop stays as the fallback.
  async function fromBase64(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    try {
      const r = await fetch('data:application/octet-stream;base64,' + b64);
      if (r.ok) return new Uint8Array(await r.arrayBuffer());
    } catch (e) { /* data: URLs refused here: decode below */ }
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  // A library loaded only when first used (web/qr.js: jsQR, web/xlsx.js: SheetJS), so the first frame never waits
  // for it: inlined gzip+base64 as ZJ_INLINE[name] in the single file, a plain `file` in dist/web. Its script runs
  // with `this` = window and no module system, so it sets its global; `take()` returns that global (null: the
  // load failed). One load at a time per name; a failed one is tried again on the next call.
  const libraries = new Map();
  window.zjLoadLibrary = function (name, file, take) {
    const have = take();
    if (have) return Promise.resolve(have);
    if (!libraries.has(name)) {
      const p = (async () => {
        const inl = window.ZJ_INLINE && window.ZJ_INLINE[name];
        const text = inl ? new TextDecoder().decode(await gunzip(await fromBase64(inl))) : await (await fetch(file)).text();
        new Function(text).call(window);
        const lib = take();
        if (!lib) throw new Error(file + ' did not load');
        return lib;
      })();
      libraries.set(name, p);
      p.catch(() => libraries.delete(name));
    }
    return libraries.get(name);
  };
  async function asset(name, file) {
    const inl = window.ZJ_INLINE && window.ZJ_INLINE[name];
    if (inl) return gunzip(await fromBase64(inl));
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
  // Firefox draws a missing glyph as a box holding its code point in hex digits, different for every code point, so
  // the bitmap comparison above never matches it: there, a glyph of the same size with the same frame (its outer
  // 3 px) as the box of a code point no font has is missing too.
  const hexBoxes = /Firefox\//.test(navigator.userAgent);
  function sameFrame(a, b) {
    if (a.w !== b.w || a.h !== b.h || a.w < 8 || a.h < 8) return false;
    let ink = false;
    for (let y = 0; y < a.h; y++) {
      for (let x = 0; x < a.w; x++) {
        if (x >= 3 && x < a.w - 3 && y >= 3 && y < a.h - 3) continue;
        const i = y * a.w + x;
        if (a.alpha[i] !== b.alpha[i]) return false;
        if (a.alpha[i]) ink = true;
      }
    }
    return ink;
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
        ok = g.alpha.some((v) => v > 0) && !sameBitmap(g, tofu) && !(hexBoxes && sameFrame(g, tofu));
      }
      hasCache.set(cp, ok);
      return ok;
    },
    raster(cp, px) { return drawGlyph(String.fromCodePoint(cp), px); },
  };

  // ---- settings (localStorage may be missing or throw in private modes) ------------------------
  const zjSettings = {
    get(key) { try { return localStorage.getItem('zj.setting.' + key) || ''; } catch (e) { return ''; } },
    set(key, value) {  // "" removes the key
      try {
        if (value === '') localStorage.removeItem('zj.setting.' + key);
        else localStorage.setItem('zj.setting.' + key, value);
      } catch (e) { /* kept in memory */ }
    },
  };
  function today() {
    const q = params.get('today');
    if (q && /^\d{4}-\d{2}-\d{2}$/.test(q)) return q;
    const d = new Date();
    const p2 = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p2(d.getMonth() + 1) + '-' + p2(d.getDate());
  }

  // ---- input: Pointer Events with touch gestures, wheel, keys, text bridge, resize --------------
  // Touch: a finger that moves more than SLOP px before LONG_PRESS ms scrolls (with inertia) and never
  // presses; one that lifts first is a tap (press + release); one held still is a long press (press,
  // then drags go to the widget, e.g. a slider). A second finger (pinch) is ignored: the page never zooms.
  const SLOP = 8, LONG_PRESS = 450;
  function install(M) {
    const mods = (e) => (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    const key = (code, down, m) => M.ccall('zj_key', null, ['string', 'number', 'number'], [code, down, m]);
    const text = (t) => M.ccall('zj_text', null, ['string'], [t]);
    const pos = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
    const src = (e) => (e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0);

    // -- the text bridge: one hidden textarea at ImGui's caret --------------------------------------
    const ta = document.createElement('textarea');
    ta.id = 'zj-text';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('aria-hidden', 'true');
    Object.assign(ta.style, { position: 'fixed', left: '0px', top: '0px', width: '2px', height: '24px',
      opacity: '0', fontSize: '16px' /* iOS zooms under 16 px */, padding: '0', border: '0', margin: '0',
      resize: 'none', overflow: 'hidden', caretColor: 'transparent', zIndex: '-1', whiteSpace: 'pre' });
    document.body.appendChild(ta);
    // A sentinel keeps Android keyboards sending Backspace (they send nothing on an empty field).
    const SENT = ' ';
    let composing = false, wantText = false;
    const reset = () => { ta.value = SENT; ta.setSelectionRange(SENT.length, SENT.length); };
    reset();
    const tap = (code) => { key(code, 1, 0); key(code, 0, 0); };
    function send(t) {
      const parts = t.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((p, i) => { if (p) text(p); if (i < parts.length - 1) tap('Enter'); });
    }
    function flush() {
      const v = ta.value;
      if (!v.startsWith(SENT)) {
        // The sentinel was deleted: Backspace, once per deleted character.
        const gone = SENT.length - v.length;
        for (let i = 0; i < Math.max(1, gone); i++) tap('Backspace');
      } else if (v.length > SENT.length) {
        send(v.slice(SENT.length));
      }
      reset();
    }
    ta.addEventListener('compositionstart', () => { composing = true; });
    ta.addEventListener('compositionend', (e) => {
      composing = false;
      reset();                 // drop the composition's text from the field ...
      if (e.data) send(e.data); // ... and send what was committed, once
    });
    ta.addEventListener('input', () => { if (!composing) flush(); });
    ta.addEventListener('blur', () => { if (wantText) setTimeout(() => { if (wantText && !document.hidden) focusText(); }, 0); });
    function focusText() {
      if (document.activeElement !== ta) { ta.focus({ preventScroll: true }); reset(); }
    }
    // Called from C++ (Platform_SetImeDataFn) whenever the caret or the wish for text changes.
    M.zjIme = function (want, x, y, lineH) {
      ta.style.left = Math.round(x) + 'px';
      ta.style.top = Math.round(y) + 'px';
      ta.style.height = Math.max(16, Math.round(lineH)) + 'px';
      const was = wantText;
      wantText = !!want;
      if (wantText && !was) focusText();            // desktop, keyboard focus (phones: in pointerup below)
      if (!wantText && was && document.activeElement === ta) ta.blur();
    };
    // Copy from ImGui: the async clipboard, else a selection copy.
    M.zjCopy = function (t) {
      const fallback = () => {
        const tmp = document.createElement('textarea');
        tmp.value = t; tmp.style.position = 'fixed'; tmp.style.opacity = '0';
        document.body.appendChild(tmp); tmp.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        tmp.remove();
        if (wantText) focusText();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(fallback);
      else fallback();
    };
    window.addEventListener('paste', (e) => {
      const t = (e.clipboardData || window.clipboardData).getData('text');
      e.preventDefault();
      if (!t) return;
      // Ctrl+V (Cmd+V): Ctrl is still held in ImGui, and ImGui drops typed characters while Ctrl is down, so the
      // pasted text was lost. Release the modifiers first (the next key event carries them again).
      key('', 0, 0);
      M.ccall('zj_paste', null, ['string'], [t.replace(/\r\n?/g, '\n')]);
    });

    // -- keys ----------------------------------------------------------------------------------------
    const NAMED = new Set(['Tab', 'Backspace', 'Delete', 'Enter', 'NumpadEnter', 'Escape', 'ArrowLeft', 'ArrowRight',
      'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', 'Insert']);
    window.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;   // IME or Android keyboard: the input events tell
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && e.code === 'KeyV') return;            // the paste event brings the text (never twice)
      key(e.code, 1, mods(e));
      if (NAMED.has(e.code) || ctrl || e.code === 'Space' && document.activeElement !== ta) e.preventDefault();
      if (!ctrl && document.activeElement !== ta && e.key && [...e.key].length === 1) text(e.key);
      if (ctrl) M._zj_run_frames(2);                    // copy happens inside this user gesture
    });
    window.addEventListener('keyup', (e) => { if (!e.isComposing && e.keyCode !== 229) key(e.code, 0, mods(e)); });
    window.addEventListener('focus', () => M._zj_focus(1));
    window.addEventListener('blur', () => M._zj_focus(0));

    // -- pointers ------------------------------------------------------------------------------------
    let touch = null;   // {id, x0, y0, x, y, mode: 'pending'|'scroll'|'press', timer, vx, vy, t}
    let inertia = 0;
    function afterTap() {
      // Let ImGui see the press and release now; if a text field became active, focus the bridge
      // while still inside the gesture (iOS shows the keyboard only then).
      M._zj_run_frames(3);
      if (M._zj_want_text()) focusText();
    }
    canvas.addEventListener('pointerdown', (e) => {
      const [x, y] = pos(e);
      if (e.pointerType === 'touch') {
        e.preventDefault();
        if (touch) return;                               // second finger: ignored
        cancelAnimationFrame(inertia);
        touch = { id: e.pointerId, x0: x, y0: y, x, y, mode: 'pending', vx: 0, vy: 0, t: performance.now() };
        touch.timer = setTimeout(() => {
          if (touch && touch.mode === 'pending') { touch.mode = 'press'; M._zj_pointer(1, touch.x, touch.y, 0, 1); }
        }, LONG_PRESS);
        canvas.setPointerCapture(e.pointerId);
        M._zj_pointer(0, x, y, 0, 1);
        return;
      }
      canvas.setPointerCapture(e.pointerId);
      M._zj_pointer(0, x, y, 0, src(e));
      M._zj_run_frames(1);   // hover first, then the press (tabs and table rows need a hovered frame)
      M._zj_pointer(1, x, y, e.button, src(e));
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', (e) => {
      const [x, y] = pos(e);
      if (e.pointerType === 'touch') {
        if (!touch || e.pointerId !== touch.id) return;
        const now = performance.now(), dt = Math.max(1, now - touch.t);
        const dx = x - touch.x, dy = y - touch.y;
        if (touch.mode === 'pending' && Math.hypot(x - touch.x0, y - touch.y0) > SLOP) {
          touch.mode = 'scroll'; clearTimeout(touch.timer);
        }
        if (touch.mode === 'scroll') {
          M._zj_touch_scroll(dx, dy);
          touch.vx = 0.8 * (dx / dt) + 0.2 * touch.vx; touch.vy = 0.8 * (dy / dt) + 0.2 * touch.vy;
        } else if (touch.mode === 'press') {
          M._zj_pointer(0, x, y, 0, 1);
        }
        touch.x = x; touch.y = y; touch.t = now;
        return;
      }
      M._zj_pointer(0, x, y, 0, src(e));
    });
    function touchEnd(e, cancelled) {
      if (!touch || e.pointerId !== touch.id) return;
      clearTimeout(touch.timer);
      const t = touch; touch = null;
      if (t.mode === 'pending' && !cancelled) {          // a tap
        M._zj_pointer(1, t.x, t.y, 0, 1);
        M._zj_run_frames(2);                             // press seen in its own frames ...
        M._zj_pointer(2, t.x, t.y, 0, 1);                // ... then the release
        afterTap();
      } else if (t.mode === 'press') {
        M._zj_pointer(2, t.x, t.y, 0, 1);
        afterTap();
      } else if (t.mode === 'scroll') {                  // inertia: velocity decays by 5% per ms-frame
        let vx = t.vx, vy = t.vy, last = performance.now();
        const step = (now) => {
          const dt = Math.min(50, now - last); last = now;
          const k = Math.pow(0.995, dt);
          vx *= k; vy *= k;
          if (Math.hypot(vx, vy) < 0.02) return;
          M._zj_touch_scroll(vx * dt, vy * dt);
          inertia = requestAnimationFrame(step);
        };
        inertia = requestAnimationFrame(step);
      }
      M._zj_pointer(0, -1e6, -1e6, 0, 1);               // a lifted finger hovers nothing
    }
    canvas.addEventListener('pointerup', (e) => {
      if (e.pointerType === 'touch') { touchEnd(e, false); return; }
      const [x, y] = pos(e);
      M._zj_pointer(2, x, y, e.button < 0 ? 0 : e.button, src(e));
      if (M._zj_want_text()) focusText();
    });
    canvas.addEventListener('pointercancel', (e) => {
      if (e.pointerType === 'touch') { touchEnd(e, true); return; }
      const [x, y] = pos(e);
      M._zj_pointer(2, x, y, 0, src(e));
    });
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') M._zj_pointer(3, 0, 0, 0, 0); });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      const k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 10 : 1 / 100;
      M._zj_wheel(-e.deltaX * k, -e.deltaY * k);
      e.preventDefault();
    }, { passive: false });
    // Safari's own pinch gestures.
    for (const g of ['gesturestart', 'gesturechange']) document.addEventListener(g, (e) => e.preventDefault());

    // -- size: canvas from CSS, backing store at devicePixelRatio -------------------------------------
    // The canvas covers the visual viewport: when a phone keyboard shrinks it (Chrome for Android and Safari keep
    // the layout viewport as it is), the app gets the smaller height and brings the focused field above the
    // keyboard (zj_resize).
    function resize() {
      const vv = window.visualViewport;
      if (vv && vv.height > 0) {
        canvas.style.height = Math.round(vv.height) + 'px';
        canvas.style.top = Math.round(vv.offsetTop) + 'px';
      }
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(r.width * dpr));
      canvas.height = Math.max(1, Math.round(r.height * dpr));
      M._zj_resize(r.width, r.height, dpr);
    }
    window.addEventListener('resize', resize);
    window.addEventListener('orientationchange', resize);
    if (window.visualViewport) window.visualViewport.addEventListener('resize', resize);
    resize();
  }

  // ---- files: choose, download, open a printable page ------------------------------------------
  function pickFile(M, request, accept) {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const f = input.files && input.files[0];
      input.remove();
      if (!f) return;
      let bytes;
      try { bytes = new Uint8Array(await f.arrayBuffer()); } catch (e) { M.ccall('zj_file_picked', null, ['number', 'string', 'number', 'number'], [request, f.name, 0, -1]); return; }
      // A workbook where the screen takes one (accept names .xlsx): read by SheetJS (web/xlsx.js, loaded now) and
      // handed over as its cells (JSON, core ParseRosterWorkbookJson).
      if (accept && /\.xlsx/.test(accept) && window.zjXlsx && window.zjXlsx.isWorkbook(f.name, bytes))
        bytes = new TextEncoder().encode(await window.zjXlsx.toWorkbookJson(bytes, f.name));
      const p = M._malloc(bytes.length || 1);
      M.HEAPU8.set(bytes, p);
      M.ccall('zj_file_picked', null, ['number', 'string', 'number', 'number'], [request, f.name, p, bytes.length]);
      M._free(p);
    });
    document.body.appendChild(input);
    input.click();
  }
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url; a.download = name; a.style.display = 'none';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    window.zjLastDownload = { name, mime, size: bytes.length, text: () => new TextDecoder().decode(bytes) };
  }
  function openHtml(name, html) {
    window.zjLastHtml = { name, html };
    const w = (typeof window.print === 'function') ? window.open('', '_blank') : null;
    if (w && w.document) {
      w.document.open(); w.document.write(html); w.document.close();
      return true;
    }
    download(name, 'text/html;charset=utf-8', new TextEncoder().encode(html));
    return false;
  }

  // ---- boot -----------------------------------------------------------------------------------
  // The module uses WebAssembly exception handling (CMakeLists.txt): a browser without it cannot run the app at all,
  // and is told so plainly instead of failing to compile it (a tiny module with try / catch_all, as
  // wasm-feature-detect checks it).
  function wasmExceptions() {
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6,
                                                  0, 6, 64, 25, 11, 11]));
    } catch (e) { return false; }
  }
  async function boot() {
    let wasm, font;
    if (typeof WebAssembly !== 'object' || !wasmExceptions()) {
      fatal('此浏览器版本过旧，无法运行整建。请升级浏览器（Chrome/Edge 95、Safari 16.4、Firefox 113 或更新），' +
            '或在微信中点右上角“…”选择“在浏览器打开”。 / This browser is too old to run Zhengjian: please update it.');
      return;
    }
    try {
      // web/storage.js reads the saved dataset meanwhile, so the module starts with it.
      [wasm, font] = await Promise.all([asset('wasm', 'app.wasm'), asset('font', 'ui.ttf'),
                                        window.zjStorage ? window.zjStorage.preload().catch(() => {}) : null]);
    } catch (e) {
      fatal(String(e.message || e));
      return;
    }
    const Module = {
      canvas,
      wasmBinary: wasm,
      zjFontBytes: font,
      zjTestMode: params.get('test') === '1',
      zjWebGLVersion: params.get('webgl') === '1' ? 1 : 0,   // ?webgl=1 forces WebGL1 (tests, old phones)
      zjGlyphs,
      zjSettings,
      zjToday: today,
      zjFatal: fatal,
      zjInstall() { install(Module); },
      zjPickFile: (request, accept) => pickFile(Module, request, accept),
      zjDownload: download,
      zjOpenHtml: openHtml,
      zjStorage: window.zjStorage || null,
      zjReady() {
        window.zjFirstFrameMs = performance.now() - t0;
        statusEl.style.display = 'none';
        if (window.zjStorage) window.zjStorage.start(Module);   // autosave (web/storage.js)
        if (Module.zjTestMode) exposeTest();   // only once the runtime can answer
      },
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onAbort: (what) => fatal('程序出错，请刷新页面重试。(' + what + ')'),
    };
    function exposeTest() {
      window.zjTest = {
        items: () => JSON.parse(Module.ccall('zj_test_items_json', 'string', [], [])),
        dataset: () => Module.ccall('zj_test_dataset_json', 'string', [], []),
        frames: () => Module.ccall('zj_test_frames', 'number', [], []),
        webgl: () => Module.ccall('zj_test_webgl', 'number', [], []),
        apply: (cmd) => JSON.parse(Module.ccall('zj_test_apply', 'string', ['string'], [JSON.stringify(cmd)])),
        missingGlyphs: () => JSON.parse(Module.ccall('zj_test_missing_glyphs_json', 'string', [], [])),
        missingGlyphsFor: (texts) => JSON.parse(Module.ccall('zj_test_missing_glyphs_for', 'string', ['string'],
                                                             [JSON.stringify(texts)])),
        firstFrameMs: () => window.zjFirstFrameMs,
        // Asks for a snapshot at the end of the next frame (as after 300 journal entries); tests of recovery.
        snapshotNow: () => Module.ccall('zj_storage_snapshot_now', null, [], []),
        wasmBytes: () => (Module.HEAP8 ? Module.HEAP8.length : 0),   // the wasm memory's size (benchmarks)
      };
    }
    window.zjStartApp(Module);
  }
  boot();
})();
