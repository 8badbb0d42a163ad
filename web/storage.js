// Zhengjian web storage (issue 7 "Nothing lost"): the dataset's snapshots in IndexedDB (localStorage where
// IndexedDB is missing, memory as the last resort), the writer lock between tabs, storage health figures,
// and the evidence (痕迹) store. Loaded before glue.js; glue.js awaits zjStorage.preload() before starting
// the wasm module and hands zjStorage to it as Module.zjStorage (shell/platform_web_storage.cpp).
//
// Write protocol (a crash or a closed tab mid-save leaves the last good copy readable):
//   1. put the new snapshot {seq, time, text, sha256, revision} under a new key (nothing is overwritten);
//   2. read it back and verify its SHA-256 (crypto.subtle; the wasm Sha256Hex where crypto.subtle is missing);
//   3. switch the pointer {seq, sha256} to it and prune snapshots beyond the last KEEP.
// The C++ side verifies the pointed-to snapshot again on start; a mismatch or an unreadable document is kept
// aside ('aside' store) and never overwritten; the user chooses a snapshot to recover.
'use strict';
(function () {
  const DB_NAME = 'zhengjian';
  const DB_VERSION = 1;
  const KEEP = 10;              // snapshots kept
  const LOCK = 'zhengjian-writer';
  const LS = 'zj.ds.';          // localStorage fallback prefix

  const st = {
    backend: 'memory',          // 'indexeddb' | 'localstorage' | 'memory'
    openError: '',
    pointer: null,              // {seq, sha256}
    snapshots: [],              // [{seq, time, sha256, size, revision}] newest first
    texts: new Map(),           // seq -> text (kept until the app took them)
    aside: 0,                   // records kept aside
    writer: true,               // this tab holds the writer lock
    lockKind: 'none',           // 'weblocks' | 'broadcast' | 'none'
    persisted: null, persistRequested: false,
    usage: null, quota: null,
    lastSavedMs: 0, lastSavedSeq: 0, saving: false, lastError: '', lastErrorName: '',
    saves: 0,
    externalText: null,         // newer data saved by the writer tab, for a reader tab to show
    becameWriter: false,
    deviceId: '',
    evidenceCount: 0, evidenceBytes: 0,
  };
  let db = null;
  let channel = null;
  const memory = { snaps: new Map(), pointer: null, aside: [], meta: new Map(), evidence: new Map() };
  let sha256Fallback = null;    // set by the module: (text) => hex

  // ---- small helpers ----------------------------------------------------------------------------
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const done = (tx) => new Promise((res, rej) => {
    tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error || new Error('abort'));
  });
  async function sha256Hex(text) {
    if (window.crypto && crypto.subtle && crypto.subtle.digest) {
      const h = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      return Array.from(new Uint8Array(h), (b) => b.toString(16).padStart(2, '0')).join('');
    }
    if (sha256Fallback) return sha256Fallback(text);
    return '';
  }
  function lsGet(k) { try { return localStorage.getItem(LS + k); } catch (e) { return null; } }
  function lsSet(k, v) { localStorage.setItem(LS + k, v); }
  function lsDel(k) { try { localStorage.removeItem(LS + k); } catch (e) { /* ignore */ } }

  function openDb() {
    return new Promise((resolve, reject) => {
      let r;
      try { r = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { reject(e); return; }
      r.onupgradeneeded = () => {
        const d = r.result;
        if (!d.objectStoreNames.contains('snapshots')) d.createObjectStore('snapshots', { keyPath: 'seq' });
        if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta');
        if (!d.objectStoreNames.contains('aside')) d.createObjectStore('aside', { autoIncrement: true });
        if (!d.objectStoreNames.contains('evidence')) d.createObjectStore('evidence', { keyPath: 'id' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked'));
    });
  }

  // ---- backend operations -------------------------------------------------------------------------
  async function metaGet(key) {
    if (st.backend === 'indexeddb') return req(db.transaction('meta').objectStore('meta').get(key));
    if (st.backend === 'localstorage') { const v = lsGet('meta.' + key); return v == null ? undefined : JSON.parse(v); }
    return memory.meta.get(key);
  }
  async function metaPut(key, value) {
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('meta', 'readwrite'); tx.objectStore('meta').put(value, key); return done(tx);
    }
    if (st.backend === 'localstorage') return lsSet('meta.' + key, JSON.stringify(value));
    memory.meta.set(key, value);
  }
  async function snapPut(rec) {
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('snapshots', 'readwrite'); tx.objectStore('snapshots').put(rec); return done(tx);
    }
    if (st.backend === 'localstorage') return lsSet('snap.' + rec.seq, JSON.stringify(rec));
    memory.snaps.set(rec.seq, rec);
  }
  async function snapGet(seq) {
    if (st.backend === 'indexeddb') return req(db.transaction('snapshots').objectStore('snapshots').get(seq));
    if (st.backend === 'localstorage') { const v = lsGet('snap.' + seq); try { return v == null ? undefined : JSON.parse(v); } catch (e) { return { seq, text: v, sha256: '' }; } }
    return memory.snaps.get(seq);
  }
  async function snapKeys() {
    if (st.backend === 'indexeddb') return req(db.transaction('snapshots').objectStore('snapshots').getAllKeys());
    if (st.backend === 'localstorage') {
      const out = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k && k.startsWith(LS + 'snap.')) out.push(Number(k.slice((LS + 'snap.').length)));
      }
      return out.sort((a, b) => a - b);
    }
    return Array.from(memory.snaps.keys()).sort((a, b) => a - b);
  }
  async function snapDelete(seqs) {
    if (!seqs.length) return;
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('snapshots', 'readwrite');
      for (const s of seqs) tx.objectStore('snapshots').delete(s);
      return done(tx);
    }
    for (const s of seqs) { if (st.backend === 'localstorage') lsDel('snap.' + s); else memory.snaps.delete(s); }
  }
  async function asidePut(rec) {
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('aside', 'readwrite'); tx.objectStore('aside').add(rec); return done(tx);
    }
    if (st.backend === 'localstorage') { lsSet('aside.' + Date.now() + '.' + Math.random().toString(16).slice(2), JSON.stringify(rec)); return; }
    memory.aside.push(rec);
  }
  async function asideCount() {
    if (st.backend === 'indexeddb') return req(db.transaction('aside').objectStore('aside').count());
    if (st.backend === 'localstorage') {
      let n = 0;
      for (let i = 0; i < localStorage.length; i++) if ((localStorage.key(i) || '').startsWith(LS + 'aside.')) n++;
      return n;
    }
    return memory.aside.length;
  }

  // ---- snapshots list (for the recovery offer and the health panel) -------------------------------
  async function refreshSnapshots(withTexts) {
    const keys = (await snapKeys()).sort((a, b) => b - a);
    const list = [];
    for (const k of keys) {
      let r;
      try { r = await snapGet(k); } catch (e) { r = null; }
      if (!r) continue;
      const text = typeof r.text === 'string' ? r.text : '';
      list.push({ seq: k, time: r.time || 0, sha256: r.sha256 || '', size: text.length, revision: r.revision || 0 });
      if (withTexts) st.texts.set(k, text);
    }
    st.snapshots = list;
  }

  // ---- the writer lock between tabs ---------------------------------------------------------------
  // Web Locks: the first tab holds LOCK for its life; a later tab waits for it (read-only meanwhile) and
  // becomes the writer when the first closes. Without Web Locks: BroadcastChannel "who writes?" (200 ms).
  function onBecomeWriter() {
    st.writer = true;
    st.becameWriter = true;
    // The data may have changed since this tab loaded: take the newest saved copy.
    loadLatestForReader().catch(() => {});
  }
  async function acquireLock() {
    if (navigator.locks && navigator.locks.request) {
      st.lockKind = 'weblocks';
      const got = await new Promise((resolve) => {
        navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
          if (!lock) { resolve(false); return null; }
          resolve(true);
          return new Promise(() => {});  // held until the tab closes
        }).catch(() => resolve(false));
      });
      if (got) { st.writer = true; return; }
      st.writer = false;
      navigator.locks.request(LOCK, () => { onBecomeWriter(); return new Promise(() => {}); }).catch(() => {});
      return;
    }
    if (channel) {
      st.lockKind = 'broadcast';
      st.writer = !(await probeWriter());
      startBroadcastLock();
      return;
    }
    st.lockKind = 'none';
    st.writer = true;
  }
  // Without Web Locks (BroadcastChannel 'zhengjian'): the writer says 'writer-here' every HEARTBEAT ms and
  // 'writer-bye' on page hide; a reader that hears neither for TAKEOVER ms, or hears 'writer-bye', asks
  // 'who-writes?' once more (200 ms) and becomes the writer when nobody answers. Two tabs that both took over
  // (a race) settle it by tab id: the smaller id writes, the other goes back to reading.
  const HEARTBEAT = 1000, TAKEOVER = 3500;
  const tabId = Math.random().toString(16).slice(2) + Date.now().toString(16);
  let lastWriterSeen = 0, takingOver = false;
  async function probeWriter() {
    let other = false;
    const probe = (e) => { if (e.data && e.data.type === 'writer-here') other = true; };
    channel.addEventListener('message', probe);
    channel.postMessage({ type: 'who-writes', tab: tabId });
    await new Promise((r) => setTimeout(r, 200));
    channel.removeEventListener('message', probe);
    return other;
  }
  async function tryTakeOver() {
    if (st.writer || takingOver) return;
    takingOver = true;
    try {
      await new Promise((r) => setTimeout(r, Math.random() * 150));  // spread racing readers
      if (!st.writer && !(await probeWriter())) {
        onBecomeWriter();
        channel.postMessage({ type: 'writer-here', tab: tabId });
      }
    } finally { takingOver = false; lastWriterSeen = Date.now(); }
  }
  function startBroadcastLock() {
    lastWriterSeen = Date.now();
    channel.addEventListener('message', (e) => {
      const m = e.data || {};
      if (m.type === 'writer-here') {
        lastWriterSeen = Date.now();
        if (st.writer && m.tab && m.tab < tabId) { st.writer = false; loadLatestForReader().catch(() => {}); }
      }
      if (m.type === 'writer-bye' && !st.writer) tryTakeOver();
    });
    setInterval(() => {
      if (st.writer) channel.postMessage({ type: 'writer-here', tab: tabId });
      else if (Date.now() - lastWriterSeen > TAKEOVER) tryTakeOver();
    }, HEARTBEAT);
    window.addEventListener('pagehide', () => {
      if (!st.writer) return;
      poll(true);
      st.writer = false;   // this tab is going away: no more saves from it after the last one
      chain.then(() => channel.postMessage({ type: 'writer-bye', tab: tabId }));
      channel.postMessage({ type: 'writer-bye', tab: tabId });
    });
  }
  async function loadLatestForReader() {
    const p = await metaGet('pointer');
    if (!p) return;
    const r = await snapGet(p.seq);
    if (!r || typeof r.text !== 'string') return;
    if ((await sha256Hex(r.text)) !== p.sha256) return;  // the writer's next save will tell again
    st.pointer = p;
    st.externalText = r.text;
  }

  // ---- preload: before the module starts ----------------------------------------------------------
  async function preload() {
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('no IndexedDB');
      db = await Promise.race([openDb(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 4000))]);
      st.backend = 'indexeddb';
    } catch (e) {
      st.openError = String(e && e.message || e);
      try { localStorage.setItem(LS + 'probe', '1'); localStorage.removeItem(LS + 'probe'); st.backend = 'localstorage'; }
      catch (e2) { st.backend = 'memory'; }
    }
    try { channel = new BroadcastChannel('zhengjian'); } catch (e) { channel = null; }
    if (channel) {
      channel.addEventListener('message', (e) => {
        const m = e.data || {};
        if (m.type === 'who-writes' && st.writer) channel.postMessage({ type: 'writer-here', tab: tabId });
        if (m.type === 'saved' && !st.writer) loadLatestForReader().catch(() => {});
      });
    }
    await acquireLock();
    try {
      st.deviceId = (await metaGet('device_id')) || '';
      if (!/^[0-9a-f]{16}$/.test(st.deviceId)) {
        const b = crypto.getRandomValues(new Uint8Array(8));
        st.deviceId = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        if (st.writer) await metaPut('device_id', st.deviceId);
      }
    } catch (e) { /* memory only */ }
    try {
      st.pointer = (await metaGet('pointer')) || null;
      await refreshSnapshots(true);
      st.aside = await asideCount();
    } catch (e) {
      st.openError = st.openError || String(e && e.message || e);
    }
    if (navigator.storage && navigator.storage.persist && st.backend === 'indexeddb') {
      st.persistRequested = true;
      navigator.storage.persisted().then((p) => {
        st.persisted = p;
        if (!p) return navigator.storage.persist().then((q) => { st.persisted = q; });
      }).catch(() => {});
    }
    refreshEstimate();
    setInterval(refreshEstimate, 5000);
    evidenceRefresh();
  }

  async function refreshEstimate() {
    try {
      if (navigator.storage && navigator.storage.estimate) {
        const e = await navigator.storage.estimate();
        st.usage = e.usage; st.quota = e.quota;
      }
      if (navigator.storage && navigator.storage.persisted) st.persisted = await navigator.storage.persisted();
      if (st.backend === 'indexeddb') {
        const all = await req(db.transaction('evidence').objectStore('evidence').getAll());
        st.evidenceCount = all.length;
        st.evidenceBytes = all.reduce((n, r) => n + (r.size || 0) + (r.thumbSize || 0) + (r.text ? r.text.length * 2 : 0), 0);
      } else {
        st.evidenceCount = memory.evidence.size;
      }
    } catch (e) { /* figures stay as they were */ }
  }

  // ---- save: write new, verify, switch ------------------------------------------------------------
  let chain = Promise.resolve();
  const hooks = {};   // tests: hooks.afterWrite = () => Promise (pauses the save between write and switch)
  function save(text, revision) {
    if (!st.writer) return Promise.resolve(false);
    chain = chain.then(() => saveNow(text, revision)).catch(() => false);
    return chain;
  }
  async function saveNow(text, revision) {
    if (!text || !text.trim()) { st.lastError = 'empty document refused'; return false; }  // never store an empty copy
    st.saving = true;
    try {
      const sha = await sha256Hex(text);
      const keys = await snapKeys();
      const seq = (keys.length ? Math.max(...keys) : 0) + 1;
      const rec = { seq, time: Date.now(), text, sha256: sha, revision: revision || 0, device: st.deviceId };
      await snapPut(rec);                                   // 1. write new
      if (hooks.afterWrite) await hooks.afterWrite(seq);
      const back = await snapGet(seq);                      // 2. read back and verify
      if (!back || back.text !== text || (await sha256Hex(back.text)) !== sha) throw new Error('verify failed');
      st.pointer = { seq, sha256: sha, time: rec.time };
      await metaPut('pointer', st.pointer);                                 // 3. switch the pointer
      const old = (await snapKeys()).sort((a, b) => b - a).slice(KEEP);
      await snapDelete(old);
      st.snapshots = [{ seq, time: rec.time, sha256: sha, size: text.length, revision: rec.revision }]
        .concat(st.snapshots.filter((s) => s.seq !== seq && !old.includes(s.seq))).slice(0, KEEP);
      // 口令锁 (web/lock.js): once a dataset with a talk lock is stored, older snapshots from before the lock
      // still hold talk records in clear: delete those (checked once per change of lock state).
      const locked = /"talk_lock":\s*\{/.test(text);
      if (locked && st.lastSavedLocked !== true) {
        const plain = [];
        for (const k of await snapKeys()) {
          if (k === seq) continue;
          const r = await snapGet(k);
          if (r && typeof r.text === 'string' && !/"talk_lock":\s*\{/.test(r.text)) plain.push(k);
        }
        if (plain.length) {
          await snapDelete(plain);
          st.snapshots = st.snapshots.filter((s) => !plain.includes(s.seq));
        }
      }
      st.lastSavedLocked = locked;
      st.lastSavedMs = rec.time; st.lastSavedSeq = seq; st.saves++;
      st.lastError = ''; st.lastErrorName = '';
      if (channel) channel.postMessage({ type: 'saved', seq });
      return true;
    } catch (e) {
      st.lastError = String(e && e.message || e);
      st.lastErrorName = (e && e.name) || '';
      return false;
    } finally {
      st.saving = false;
    }
  }
  /// Keeps a stored snapshot aside (corrupt or refused): copied into 'aside' with the reason, never deleted.
  async function keepAside(seq, reason) {
    try {
      const r = (await snapGet(seq)) || { seq, text: st.texts.get(seq) || '' };
      await asidePut({ time: Date.now(), reason, record: r });
      st.aside = await asideCount();
      return true;
    } catch (e) { st.lastError = String(e && e.message || e); return false; }
  }

  // ---- evidence (痕迹): records in their own store, photos as Blobs ---------------------------------
  async function evidencePut(rec) {
    if (hooks.evidencePut) await hooks.evidencePut(rec);
    if (st.backend !== 'indexeddb') { memory.evidence.set(rec.id, rec); return; }
    const tx = db.transaction('evidence', 'readwrite');
    tx.objectStore('evidence').put(rec);
    await done(tx);
    refreshEstimate();
  }
  async function evidenceAll() {
    if (st.backend !== 'indexeddb') return Array.from(memory.evidence.values());
    return req(db.transaction('evidence').objectStore('evidence').getAll());
  }
  async function evidenceDelete(id) {
    if (st.backend !== 'indexeddb') { memory.evidence.delete(id); return; }
    const tx = db.transaction('evidence', 'readwrite'); tx.objectStore('evidence').delete(id); await done(tx);
    refreshEstimate();
  }

  // ---- evidence API for the module (shell/platform_web_storage.cpp) --------------------------------
  // Records: {id, parent_kind, parent_id, kind: 'photo'|'text', caption, text, created, device, size, width,
  // height, thumbSize, photo: Blob, thumb: Blob}. The list the module reads leaves the Blobs out.
  // A record whose store failed (QuotaExceededError …) stays in `pendingEvidence` (kept in this page, marked
  // unsaved) and is retried with the next store.
  let evidenceCache = [];
  const pendingEvidence = new Map();
  const evStatus = { busy: 0, done: 0, failed: 0, lastError: '', lastErrorName: '', kept: 0 };
  const strip = (r, unsaved) => ({ id: r.id, parent_kind: r.parent_kind, parent_id: r.parent_id, kind: r.kind,
    caption: r.caption || '', text: r.text || '', created: r.created, device: r.device, size: r.size || 0,
    width: r.width || 0, height: r.height || 0, thumbSize: r.thumbSize || 0, unsaved: !!unsaved });
  function evidenceRefresh() {
    return evidenceAll().then((all) => {
      const ids = new Set(all.map((r) => r.id));
      evidenceCache = all.map((r) => strip(r, false))
        .concat(Array.from(pendingEvidence.values()).filter((r) => !ids.has(r.id)).map((r) => strip(r, true)))
        .sort((a, b) => a.created - b.created);
      st.evidenceCount = evidenceCache.length;
    }).catch(() => {});
  }
  function newId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(8)), (x) => x.toString(16).padStart(2, '0')).join('');
  }
  async function storeEvidence(rec) {
    try {
      await evidencePut(rec);
      pendingEvidence.delete(rec.id);
      evStatus.done++;
      evStatus.lastError = ''; evStatus.lastErrorName = '';
    } catch (e) {
      pendingEvidence.set(rec.id, rec);   // keep the record in the page, never drop it
      evStatus.failed++;
      evStatus.lastError = String(e && e.message || e);
      evStatus.lastErrorName = (e && e.name) || '';
    }
    evStatus.kept = pendingEvidence.size;
    await evidenceRefresh();
  }
  async function toBlob(canvas, type, q) {
    if (canvas.convertToBlob) return canvas.convertToBlob({ type, quality: q });
    return new Promise((res) => canvas.toBlob(res, type, q));
  }
  // Downscales to `max` px on the long side, JPEG at quality `q`.
  async function scaled(bitmap, max, q) {
    const k = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * k)), h = Math.max(1, Math.round(bitmap.height * k));
    const c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h)
      : Object.assign(document.createElement('canvas'), { width: w, height: h });
    c.getContext('2d').drawImage(bitmap, 0, 0, w, h);
    return { blob: await toBlob(c, 'image/jpeg', q), w, h };
  }
  async function addPhotoFile(file, kind, parentId) {
    evStatus.busy++;
    try {
      const bitmap = await createImageBitmap(file);
      const big = await scaled(bitmap, 1600, 0.85);
      const thumb = await scaled(bitmap, 240, 0.7);
      if (bitmap.close) bitmap.close();
      const rec = { id: newId(), parent_kind: kind, parent_id: parentId, kind: 'photo', caption: file.name || '',
        created: Date.now(), device: st.deviceId, photo: big.blob, size: big.blob.size, width: big.w, height: big.h,
        thumb: thumb.blob, thumbSize: thumb.blob.size, originalSize: file.size };
      await storeEvidence(rec);
    } catch (e) {
      evStatus.failed++;
      evStatus.lastError = '无法读取图片 ' + (file.name || '') + ':' + String(e && e.message || e);
      evStatus.lastErrorName = (e && e.name) || '';
    } finally {
      evStatus.busy--;
    }
  }
  function evidencePickPhotos(kind, parentId) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.setAttribute('capture', 'environment');
    input.multiple = true;
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const files = Array.from(input.files || []);
      input.remove();
      for (const f of files) await addPhotoFile(f, kind, parentId);   // one at a time: phones have little memory
    });
    document.body.appendChild(input);
    input.click();
  }
  function evidenceAddText(kind, parentId, text) {
    storeEvidence({ id: newId(), parent_kind: kind, parent_id: parentId, kind: 'text', text, caption: '',
      created: Date.now(), device: st.deviceId, size: 0 });
  }
  async function evidenceOpen(id) {
    const all = await evidenceAll();
    const r = all.find((x) => x.id === id) || pendingEvidence.get(id);
    if (!r || !r.photo) return;
    const url = URL.createObjectURL(r.photo);
    window.zjLastEvidenceOpened = id;
    const w = window.open(url, '_blank');
    if (!w) { const a = document.createElement('a'); a.href = url; a.download = (r.caption || id) + '.jpg'; a.click(); }
    setTimeout(() => URL.revokeObjectURL(url), 120000);
  }
  // The thumbnail of photo evidence `id`, decoded (ImageBitmap, or a canvas where createImageBitmap is
  // missing) for the module to upload as a texture; null when there is no such photo.
  async function evidenceThumbBitmap(id) {
    let r = pendingEvidence.get(id);
    if (!r) {
      if (st.backend === 'indexeddb') r = await req(db.transaction('evidence').objectStore('evidence').get(id));
      else r = memory.evidence.get(id);
    }
    const blob = r && (r.thumb || r.photo);
    if (!blob) return null;
    if (typeof createImageBitmap === 'function') return createImageBitmap(blob);
    const url = URL.createObjectURL(blob);
    try {
      const img = await new Promise((res, rej) => { const i = new Image(); i.onload = () => res(i); i.onerror = () => rej(new Error('decode')); i.src = url; });
      const c = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
      c.getContext('2d').drawImage(img, 0, 0);
      return c;
    } finally { URL.revokeObjectURL(url); }
  }
  const b64 = (blob) => blob ? new Promise((res) => { const f = new FileReader(); f.onload = () => res(String(f.result).split(',')[1] || ''); f.readAsDataURL(blob); }) : Promise.resolve(null);
  const fromB64 = (s) => { const bin = atob(s); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i); return new Blob([u], { type: 'image/jpeg' }); };
  async function exportBackupWithEvidence(name, datasetText) {
    const all = (await evidenceAll()).concat(Array.from(pendingEvidence.values()));
    const ev = [];
    for (const r of all) {
      const o = strip(r, false); delete o.unsaved;
      o.photo = await b64(r.photo); o.thumb = await b64(r.thumb);
      ev.push(o);
    }
    const doc = '{"format":"zhengjian-backup","format_version":1,"evidence":' + JSON.stringify(ev) + ',"dataset":' + datasetText + '}';
    M.zjDownload(name, 'application/json', new TextEncoder().encode(doc));
  }
  /// The evidence records of `ids` (stored or kept in the page) with photos and thumbnails as base64 JPEG, for
  /// a liaison bundle (shell ShareBundleWithEvidence).
  async function evidenceRecordsForExport(ids) {
    const want = new Set(ids);
    const all = (await evidenceAll()).concat(Array.from(pendingEvidence.values()));
    const out = [], seen = new Set();
    for (const r of all) {
      if (!want.has(r.id) || seen.has(r.id)) continue;
      seen.add(r.id);
      const o = strip(r, false); delete o.unsaved;
      if (r.photo) o.photo = await b64(r.photo);
      if (r.thumb) o.thumb = await b64(r.thumb);
      out.push(o);
    }
    return out;
  }
  async function evidenceImport(json) {
    let list = [];
    try { list = JSON.parse(json); } catch (e) { return; }
    const have = new Set((await evidenceAll()).map((r) => r.id));
    for (const o of list) {
      if (!o || typeof o.id !== 'string' || have.has(o.id)) continue;
      const rec = Object.assign({}, o);
      rec.photo = o.photo ? fromB64(o.photo) : null;
      rec.thumb = o.thumb ? fromB64(o.thumb) : null;
      await storeEvidence(rec);
    }
  }

  // ---- where the data stands: warnings for risky places ------------------------------------------
  function warnings() {
    const ua = navigator.userAgent || '';
    const w = [];
    if (/MicroMessenger|QQ\/|DingTalk|AlipayClient|Weibo|Lark|FBAN|FBAV/i.test(ua)) w.push('inapp');
    const safari = /Safari/i.test(ua) && !/Chrome|Chromium|CriOS|FxiOS|Android|Edg/i.test(ua);
    if (safari && !(navigator.standalone || (window.matchMedia && matchMedia('(display-mode: standalone)').matches))) w.push('safari7');
    if (location.protocol === 'file:' && /Firefox/i.test(ua)) w.push('firefoxfile');
    if (location.protocol === 'file:' && !/Firefox/i.test(ua)) w.push('file');
    // Private windows: IndexedDB refused, or Chromium's small incognito quota (a heuristic).
    if (st.backend !== 'indexeddb' || (st.quota && st.quota < 200 * 1024 * 1024 && /Chrom/i.test(ua))) w.push('private');
    if (st.persisted === false) w.push('notpersisted');
    return w;
  }
  function info() {
    return {
      backend: st.backend, openError: st.openError, origin: location.protocol === 'file:' ? location.href.split('?')[0] : location.origin,
      pointer: st.pointer, snapshots: st.snapshots, aside: st.aside, writer: st.writer, lockKind: st.lockKind,
      persisted: st.persisted, persistRequested: st.persistRequested, usage: st.usage, quota: st.quota,
      lastSavedMs: st.lastSavedMs, lastSavedSeq: st.lastSavedSeq, saving: st.saving, saves: st.saves,
      lastError: st.lastError, lastErrorName: st.lastErrorName, deviceId: st.deviceId,
      evidenceCount: st.evidenceCount, evidenceBytes: st.evidenceBytes, warnings: warnings(),
      hasExternal: st.externalText != null, becameWriter: st.becameWriter,
    };
  }

  // ---- autosave driver: the module says when the dataset changed (revision), this saves it -----------
  // Every 200 ms the module is asked for the text of a changed dataset (it answers once the change is
  // 300 ms old, so a save is at most about half a second late); on page hide it answers at once.
  let M = null;
  function poll(force) {
    if (!M || !st.writer) return;
    let text = '';
    try { text = M.ccall('zj_storage_poll', 'string', ['number'], [force ? 1 : 0]); } catch (e) { st.lastError = 'poll: ' + e; return; }
    if (!text) return;
    save(text, M.ccall('zj_storage_revision', 'number', [], [])).then((ok) => {
      if (!ok && M) M.ccall('zj_storage_save_failed', null, [], []);
    });
  }
  function start(module) {
    M = module;
    sha256Fallback = (t) => M.ccall('zj_sha256_hex', 'string', ['string'], [t]);
    setInterval(() => poll(false), 200);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') poll(true); });
    window.addEventListener('pagehide', () => poll(true));
  }

  window.zjStorage = {
    preload, start, flush: () => { poll(true); return chain; }, save, keepAside, info, hooks, sha256Hex,
    setSha256Fallback(f) { sha256Fallback = f; },
    text(seq) { return st.texts.has(seq) ? st.texts.get(seq) : null; },
    releaseTexts() { st.texts.clear(); },
    takeExternal() { const t = st.externalText; st.externalText = null; st.becameWriter = false; return t; },
    refresh: refreshEstimate,
    evidencePut, evidenceAll,
    evidenceDelete: (id) => { pendingEvidence.delete(id); return evidenceDelete(id).then(evidenceRefresh); },
    evidenceList: () => evidenceCache, evidenceRefresh, evidencePickPhotos, evidenceAddText, evidenceOpen,
    evidenceStatus: () => evStatus, exportBackupWithEvidence, evidenceImport, addPhotoFile,
    evidenceThumbBitmap, evidenceRecordsForExport,
    get state() { return st; },
  };
})();
