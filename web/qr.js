// Zhengjian: the camera QR reader (data by QR). Opened by the 手机 screen through
// shell/platform_qr_web.cpp; every code read goes to the module's zj_qr_text(text), which collects the
// ZJQ1 chunks (core/exchange/qr_transfer.h). Decoding: the browser's BarcodeDetector where it has one (Android
// Chrome, Safari 17+), otherwise jsQR (npm, pinned in web/package-lock.json; inlined gzip+base64 into the
// single file, a separate jsqr.js file in dist/web; loaded only when first needed).
//   window.zjQr = { start(), stop(), isOpen(), status(text), bind(Module),
//                   decodeImageData(imageData) -> Promise<string|null>, deliver(text) }
// decodeImageData + deliver are the exact path of a camera frame, which tests drive with screenshots.
'use strict';
(function () {
  let M = null;               // the wasm module (bound by the platform calls)
  let overlay = null, video = null, statusEl = null, errorEl = null;
  let stream = null, timer = 0, open = false, busy = false;
  let detector;               // BarcodeDetector, null when missing or failing, undefined before the first try
  let lastText = '', lastAt = 0;
  const frame = document.createElement('canvas');
  const fctx = frame.getContext('2d', { willReadFrequently: true });

  // jsQR from web/node_modules (web/package-lock.json), loaded on first use (web/glue.js zjLoadLibrary).
  const loadJsQr = () => window.zjLoadLibrary('jsqr', 'jsqr.js', () => window.jsQR || null);
  async function barcodeDetector() {
    if (detector !== undefined) return detector;
    detector = null;
    if (window.zjQrForceJsQr || typeof window.BarcodeDetector !== 'function') return null;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (formats.includes('qr_code')) detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    } catch (e) { detector = null; }
    return detector;
  }

  /** The text of the first QR code in `img` (ImageData), or null. */
  async function decodeImageData(img) {
    const bd = await barcodeDetector();
    if (bd) {
      try {
        const found = await bd.detect(img);
        if (found.length) return found[0].rawValue;
        return null;
      } catch (e) { detector = null; }
    }
    const jsQR = await loadJsQr();
    const r = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
    return r ? r.data : null;
  }
  function deliver(text) {
    if (!M || !text) return;
    M.ccall('zj_qr_text', null, ['string'], [text]);
  }

  // ---- the camera view (DOM over the canvas) --------------------------------------------------
  function build() {
    overlay = document.createElement('div');
    overlay.id = 'zj-qr-camera';
    Object.assign(overlay.style, { position: 'fixed', inset: '0', background: '#000', zIndex: '20',
      display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
      font: '18px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif', color: '#fff' });
    video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    Object.assign(video.style, { maxWidth: '100%', maxHeight: '70%', background: '#222' });
    statusEl = document.createElement('div');
    Object.assign(statusEl.style, { margin: '12px 16px', textAlign: 'center' });
    errorEl = document.createElement('div');
    Object.assign(errorEl.style, { margin: '0 16px 12px', color: '#ffb4ab', textAlign: 'center' });
    const close = document.createElement('button');
    close.textContent = '关闭摄像头';
    Object.assign(close.style, { minHeight: '48px', minWidth: '160px', fontSize: '18px', borderRadius: '8px',
      border: '0', background: '#c41e24', color: '#fff' });
    close.addEventListener('click', stop);
    overlay.append(video, statusEl, errorEl, close);
  }
  function cameraError(e) {
    const name = e && e.name;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia)
      return '此浏览器不能使用摄像头：请用 https 网址打开整建，或换用手机自带浏览器。';
    if (name === 'NotAllowedError' || name === 'SecurityError') return '没有摄像头权限：请在浏览器设置里允许整建使用摄像头，再试一次。';
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到摄像头。';
    if (name === 'NotReadableError') return '摄像头正被其他程序使用，请关闭它后再试。';
    return '无法打开摄像头（' + (e && e.message || e) + '）。';
  }
  async function tick() {
    if (!open || busy || !video || video.readyState < 2) return;
    busy = true;
    try {
      const scale = Math.min(1, 960 / Math.max(video.videoWidth, video.videoHeight));
      frame.width = Math.round(video.videoWidth * scale);
      frame.height = Math.round(video.videoHeight * scale);
      fctx.drawImage(video, 0, 0, frame.width, frame.height);
      const text = await decodeImageData(fctx.getImageData(0, 0, frame.width, frame.height));
      const now = performance.now();
      if (text && (text !== lastText || now - lastAt > 1500)) {
        lastText = text; lastAt = now;
        if (navigator.vibrate) navigator.vibrate(30);
        deliver(text);
      }
    } catch (e) {
      errorEl.textContent = '识别出错：' + (e.message || e);
    } finally { busy = false; }
  }
  async function start() {
    if (open) return;
    if (!overlay) build();
    open = true;
    errorEl.textContent = '';
    document.body.appendChild(overlay);
    loadJsQr().catch(() => {});  // warm up while the camera starts
    try {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) throw new Error('no getUserMedia');
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (!open) { stream.getTracks().forEach((t) => t.stop()); stream = null; return; }
      video.srcObject = stream;
      await video.play();
      timer = setInterval(tick, 150);
    } catch (e) {
      errorEl.textContent = cameraError(e);
    }
  }
  function stop() {
    open = false;
    clearInterval(timer);
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    if (video) video.srcObject = null;
    if (overlay) overlay.remove();
  }

  window.zjQr = {
    bind(module) { M = module; },
    start, stop,
    isOpen: () => open,
    status(text) { if (!overlay) build(); statusEl.textContent = text; },
    decodeImageData, deliver, loadJsQr,
  };
})();
