// Zhengjian: the installable, offline web build. Registers web/sw.js and shows the update
// prompt (Chinese) when a new version has been published. Only in dist/web served over http(s): the
// single file (file://, or with the app inlined) never registers a service worker.
// The reload happens only when the user accepts, after web/storage.js has saved (zjStorage.flush()),
// so an update never loses unsaved data.
//   window.zjPwa = { version, registered: Promise<bool>, updateReady(), acceptUpdate() }
'use strict';
(function () {
  const meta = document.querySelector('meta[name="zj-version"]');
  const pwa = window.zjPwa = { version: meta ? meta.content : '', updateReady: () => !!waiting, acceptUpdate: accept };
  let waiting = null, banner = null, reloading = false;
  const eligible = 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !window.ZJ_INLINE && meta;
  if (!eligible) { pwa.registered = Promise.resolve(false); return; }

  function show(worker) {
    waiting = worker;
    if (banner) return;
    banner = document.createElement('div');
    banner.id = 'zj-update';
    banner.setAttribute('role', 'alertdialog');
    Object.assign(banner.style, { position: 'fixed', left: '8px', right: '8px', bottom: '8px', zIndex: '30',
      background: '#fff8e1', border: '1px solid #d6a028', borderRadius: '10px', padding: '12px 14px',
      boxShadow: '0 2px 10px rgba(0,0,0,.2)', font: '16px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
      color: '#222', display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', maxWidth: '640px',
      margin: '0 auto' });
    const text = document.createElement('div');
    text.style.flex = '1 1 260px';
    text.textContent = '整建有新版本。点“立即更新”会先保存当前数据，再重新打开；也可以稍后再更新。';
    const btn = (label, bg, fg, fn) => {
      const b = document.createElement('button');
      b.textContent = label;
      Object.assign(b.style, { minHeight: '44px', minWidth: '96px', fontSize: '16px', borderRadius: '8px',
        border: '1px solid #c41e24', background: bg, color: fg });
      b.addEventListener('click', fn);
      return b;
    };
    banner.append(text, btn('立即更新', '#c41e24', '#fff', accept),
                  btn('稍后', '#fff', '#c41e24', () => { banner.remove(); banner = null; }));
    document.body.appendChild(banner);
  }
  async function accept() {
    if (!waiting) return;
    if (banner) banner.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try { if (window.zjStorage && window.zjStorage.flush) await window.zjStorage.flush(); } catch (e) { /* saved on pagehide too */ }
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The new worker took over: reload once, only after the user accepted (a first install claims the
    // page too, but then there was no earlier controller and nothing to reload).
    if (reloading || !waiting) return;
    reloading = true;
    location.reload();
  });
  pwa.registered = (async () => {
    try {
      const hadController = !!navigator.serviceWorker.controller;
      const reg = await navigator.serviceWorker.register('sw.js');
      if (reg.waiting && hadController) show(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', () => {
          if (w.state === 'installed' && navigator.serviceWorker.controller) show(w);
        });
      });
      // Look for a new version when the app comes back to the front, and every 30 minutes.
      const check = () => { if (navigator.onLine !== false) reg.update().catch(() => {}); };
      document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
      setInterval(check, 30 * 60 * 1000);
      pwa.check = () => reg.update();
      return true;
    } catch (e) {
      console.warn('service worker not registered: ' + (e.message || e));
      return false;
    }
  })();
})();
