// Zhengjian web storage: the dataset in IndexedDB as one snapshot plus a journal of small entries (localStorage
// where IndexedDB is missing, memory as the last resort), the writer lock between tabs, storage health figures,
// and the evidence (痕迹) store. docs/architecture.md "Storage". Loaded before glue.js; glue.js awaits
// zjStorage.preload() before starting the wasm module and hands zjStorage to it as Module.zjStorage
// (shell/platform_web_storage.cpp, shell/storage.cpp).
//
// Stores (IndexedDB "zhengjian", version 2):
//   snapshots {seq, time, sha256, size, revision, epoch, base, device, locked, bytes: Uint8Array (UTF-8 JSON)}
//             (version 1 kept {seq, time, text, sha256, revision}: still read)
//   journal   {j, epoch, time, sha256, text, cmds}: one entry per command, written at once in its own small
//             transaction (durability "strict": on disk when it completes), never overwritten
//   meta      pointer {seq, sha256, base, epoch, time}: the current snapshot, and the first journal entry (j >= base,
//             same epoch) that applies on top of it; snapshots: [metadata, newest first]; device_id
//   aside     copies kept aside (a snapshot or journal entry that failed its checksum or did not load), never deleted
//             except when the talk lock is set (they may hold talk records in clear)
//   evidence  photos and notes (痕迹)
// Writing a snapshot (now and then, from the module a slice per frame): write it under a new seq (nothing is
// overwritten), read it back and verify its SHA-256, switch the pointer, then delete the journal entries it holds
// and snapshots beyond the newest KEEP. A torn write never replaces a good copy; a snapshot or entry that fails its
// checksum is kept aside and the user is told. Snapshots with no pointer (a first save cut short) are used, never
// hidden or pruned. An epoch counts whole replacements of the dataset (backup import, recovery): journal entries
// of an epoch whose snapshot never completed are kept aside and reported, never replayed onto older data.
'use strict';
(function () {
  // ?demo=1 opens the demo town in a storage space of its own (database, localStorage keys, writer lock and
  // channel all suffixed): trying the product never touches, and is never mixed into, a real town's data.
  const DEMO_SPACE = new URLSearchParams(location.search).get('demo') === '1';
  const SPACE = DEMO_SPACE ? '-demo' : '';
  const DB_NAME = 'zhengjian' + SPACE;
  const DB_VERSION = 2;
  const KEEP = 5;               // snapshots kept (IndexedDB)
  const KEEP_LS = 1;            // older snapshots kept besides the current one in localStorage (5 MB or so in all)
  const LOCK = 'zhengjian-writer' + SPACE;
  const LS = DEMO_SPACE ? 'zj.demo.ds.' : 'zj.ds.';  // localStorage fallback prefix

  const st = {
    backend: 'memory',          // 'indexeddb' | 'localstorage' | 'memory'
    openError: '',
    pointer: null,              // {seq, sha256, base, epoch, time}
    snapshots: [],              // [{seq, time, sha256, size, revision, epoch, base, locked}] newest first
    aside: 0,                   // records kept aside
    writer: true,               // this tab holds the writer lock
    lockKind: 'none',           // 'weblocks' | 'broadcast' | 'none'
    persisted: null, persistRequested: false,
    usage: null, quota: null,
    nextJ: 1,                   // next journal sequence number
    pendingJ: 0,                // journal writes started and not yet committed
    queue: [],                  // journal entries whose write failed, retried in order
    durableJ: 0,                // last journal entry known committed
    lastSavedMs: 0,             // when the last write (entry or snapshot) committed
    saves: 0,                   // committed writes
    snapshotting: false,        // a snapshot is being written
    snapshotsWritten: 0,
    lastSnapshotMs: 0,
    lastError: '', lastErrorName: '', needCompact: false,
    load: null,                 // what preload found (see loadNow)
    externalLoad: false,        // a reader tab: newer data to take (a full reload)
    externalJournal: [],        // a reader tab: newer journal entries to apply
    becameWriter: false,
    deviceId: '',
    evidenceCount: 0, evidenceBytes: 0,
    lastSavedLocked: null,
  };
  let db = null;
  let channel = null;
  const memory = { snaps: new Map(), journal: new Map(), meta: new Map(), aside: [], evidence: new Map() };
  let sha256Fallback = null;    // set by the module: (text) => hex
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  // ---- small helpers ----------------------------------------------------------------------------
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const done = (tx) => new Promise((res, rej) => {
    tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error || new Error('abort'));
  });
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  async function sha256Hex(data) {   // data: string or Uint8Array
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    if (window.crypto && crypto.subtle && crypto.subtle.digest) return hex(await crypto.subtle.digest('SHA-256', bytes));
    if (sha256Fallback) return sha256Fallback(typeof data === 'string' ? data : dec.decode(data));
    return '';
  }
  function lsGet(k) { try { return localStorage.getItem(LS + k); } catch (e) { return null; } }
  function lsSet(k, v) { localStorage.setItem(LS + k, v); }
  function lsDel(k) { try { localStorage.removeItem(LS + k); } catch (e) { /* ignore */ } }
  function lsKeys(prefix) {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(LS + prefix)) out.push(k.slice((LS + prefix).length));
    }
    return out;
  }
  function bytesOf(rec) {   // a snapshot record's document as UTF-8 bytes (version 1 stored text)
    if (!rec) return null;
    if (rec.bytes instanceof Uint8Array) return rec.bytes;
    if (rec.bytes instanceof ArrayBuffer) return new Uint8Array(rec.bytes);
    if (typeof rec.text === 'string') return enc.encode(rec.text);
    return null;
  }
  function fail(e) {
    st.lastError = String(e && e.message || e);
    st.lastErrorName = (e && e.name) || '';
  }

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
        if (!d.objectStoreNames.contains('journal')) d.createObjectStore('journal', { keyPath: 'j' });
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
      const tx = db.transaction('meta', 'readwrite', { durability: 'strict' }); tx.objectStore('meta').put(value, key); return done(tx);
    }
    if (st.backend === 'localstorage') return lsSet('meta.' + key, JSON.stringify(value));
    memory.meta.set(key, value);
  }
  async function snapPut(rec) {
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('snapshots', 'readwrite', { durability: 'strict' }); tx.objectStore('snapshots').put(rec); return done(tx);
    }
    if (st.backend === 'localstorage') {
      const o = Object.assign({}, rec); delete o.bytes; o.text = dec.decode(rec.bytes);
      return lsSet('snap.' + rec.seq, JSON.stringify(o));
    }
    memory.snaps.set(rec.seq, rec);
  }
  async function snapGet(seq) {
    if (st.backend === 'indexeddb') return req(db.transaction('snapshots').objectStore('snapshots').get(seq));
    if (st.backend === 'localstorage') {
      const v = lsGet('snap.' + seq);
      try { return v == null ? undefined : JSON.parse(v); } catch (e) { return { seq, text: v, sha256: '' }; }
    }
    return memory.snaps.get(seq);
  }
  async function snapKeys() {
    if (st.backend === 'indexeddb') return req(db.transaction('snapshots').objectStore('snapshots').getAllKeys());
    if (st.backend === 'localstorage') return lsKeys('snap.').map(Number).sort((a, b) => a - b);
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
  async function journalAll() {
    if (st.backend === 'indexeddb') return req(db.transaction('journal').objectStore('journal').getAll());
    if (st.backend === 'localstorage') {
      const out = [];
      for (const k of lsKeys('j.')) { try { out.push(JSON.parse(lsGet('j.' + k))); } catch (e) { out.push({ j: Number(k), text: '', sha256: 'bad' }); } }
      return out.sort((a, b) => a.j - b.j);
    }
    return Array.from(memory.journal.values()).sort((a, b) => a.j - b.j);
  }
  async function journalKeys() {
    if (st.backend === 'indexeddb') return req(db.transaction('journal').objectStore('journal').getAllKeys());
    if (st.backend === 'localstorage') return lsKeys('j.').map(Number).sort((a, b) => a - b);
    return Array.from(memory.journal.keys()).sort((a, b) => a - b);
  }
  async function journalFrom(epoch, j) {   // entries of `epoch` with j >= `j`, in order
    let all;
    if (st.backend === 'indexeddb') {
      all = await req(db.transaction('journal').objectStore('journal').getAll(IDBKeyRange.lowerBound(j)));
    } else {
      all = (await journalAll()).filter((e) => e.j >= j);
    }
    return all.filter((e) => e.epoch === epoch);
  }
  async function journalDelete(js) {
    if (!js.length) return;
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('journal', 'readwrite');
      for (const j of js) tx.objectStore('journal').delete(j);
      return done(tx);
    }
    for (const j of js) { if (st.backend === 'localstorage') lsDel('j.' + j); else memory.journal.delete(j); }
  }
  async function asidePut(rec) {
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('aside', 'readwrite'); tx.objectStore('aside').add(rec); return done(tx);
    }
    if (st.backend === 'localstorage') {
      const o = Object.assign({}, rec);
      if (o.record && o.record.bytes) { o.record = Object.assign({}, o.record); o.record.text = dec.decode(o.record.bytes); delete o.record.bytes; }
      lsSet('aside.' + Date.now() + '.' + Math.random().toString(16).slice(2), JSON.stringify(o));
      return;
    }
    memory.aside.push(rec);
  }
  async function asideCount() {
    if (st.backend === 'indexeddb') return req(db.transaction('aside').objectStore('aside').count());
    if (st.backend === 'localstorage') return lsKeys('aside.').length;
    return memory.aside.length;
  }
  async function asideDeleteUnlocked() {   // the talk lock was set: copies kept from before it may hold talk text
    if (st.backend === 'indexeddb') {
      const tx = db.transaction('aside', 'readwrite');
      const store = tx.objectStore('aside');
      const keys = await req(store.getAllKeys());
      const all = await req(store.getAll());
      all.forEach((r, i) => { if (!r.locked) store.delete(keys[i]); });
      return done(tx);
    }
    if (st.backend === 'localstorage') {
      for (const k of lsKeys('aside.')) { try { if (!JSON.parse(lsGet('aside.' + k)).locked) lsDel('aside.' + k); } catch (e) { lsDel('aside.' + k); } }
      return;
    }
    memory.aside = memory.aside.filter((r) => r.locked);
  }

  // ---- loading: the current snapshot and its journal ----------------------------------------------
  // st.load = { state: 'none' | 'ok' | 'nopointer' | 'bad', seq, epoch, base, reason, bytes (Uint8Array),
  //             journal: [{j, text}], problems: [{j, reason}], snapshots older than the current are not read }
  async function loadNow() {
    const out = { state: 'none', seq: 0, epoch: 0, base: 0, reason: '', bytes: null, journal: [], problems: [] };
    st.pointer = (await metaGet('pointer')) || null;
    st.snapshots = (await metaGet('snapshots')) || [];
    const keys = await snapKeys();
    if (!st.snapshots.length && keys.length) {   // version 1, or a list lost: rebuild it (reads each once)
      for (const k of keys) {
        const r = await snapGet(k);
        if (r) st.snapshots.push({ seq: k, time: r.time || 0, sha256: r.sha256 || '', size: r.size || (bytesOf(r) || []).length, revision: r.revision || 0, epoch: r.epoch || 0, base: r.base || 0, locked: !!r.locked });
      }
      st.snapshots.sort((a, b) => b.seq - a.seq);
    }
    // Snapshots that exist but are not listed (a save cut between writing and listing) are listed too.
    for (const k of keys) if (!st.snapshots.some((s) => s.seq === k)) st.snapshots.push({ seq: k, time: 0, sha256: '', size: 0, revision: 0, epoch: 0, base: 0, unlisted: true });
    st.snapshots.sort((a, b) => b.seq - a.seq);
    const p = st.pointer;
    if (p) {
      out.seq = p.seq; out.epoch = p.epoch || 0; out.base = p.base || 0;
      const r = await snapGet(p.seq);
      const bytes = bytesOf(r);
      if (!bytes) { out.state = 'bad'; out.reason = 'missing'; }
      else {
        const sha = await sha256Hex(bytes);
        if (sha !== p.sha256 || (r.sha256 && sha !== r.sha256)) { out.state = 'bad'; out.reason = 'checksum'; }
        else { out.state = 'ok'; out.bytes = bytes; }
      }
    } else if (keys.length) {
      // No pointer, yet snapshots: a first save cut short, or the pointer lost. Take the newest one that verifies.
      for (const k of keys.slice().sort((a, b) => b - a)) {
        const r = await snapGet(k);
        const bytes = bytesOf(r);
        if (!bytes || !bytes.length) continue;
        if (r.sha256 && (await sha256Hex(bytes)) !== r.sha256) continue;
        out.state = 'nopointer'; out.seq = k; out.epoch = r.epoch || 0; out.base = r.base || 0; out.bytes = bytes;
        break;
      }
      if (out.state === 'none') { out.state = 'bad'; out.reason = 'nopointer'; }
    }
    // The journal: entries of the snapshot's epoch from its base, checked; anything else is kept aside and reported.
    const all = await journalAll();
    st.nextJ = all.length ? all[all.length - 1].j + 1 : Math.max(st.nextJ, 1);
    const usable = out.state === 'ok' || out.state === 'nopointer';
    const applicable = usable || out.state === 'none';
    for (const e of all) {
      const mine = usable && (e.epoch || 0) === out.epoch && e.j >= out.base;
      if (mine && typeof e.text === 'string' && (await sha256Hex(e.text)) === e.sha256) { out.journal.push({ j: e.j, text: e.text }); continue; }
      if (!mine && (e.epoch || 0) <= out.epoch && e.j < out.base) continue;   // already in the snapshot
      if (!applicable) continue;   // the snapshot itself is bad: the journal waits with it for recovery
      const reason = mine ? 'checksum' : 'unfinished';
      out.problems.push({ j: e.j, reason });
      try { await asidePut({ time: Date.now(), reason: 'journal ' + reason, journal: e, locked: !!st.lastSavedLocked }); } catch (x) { fail(x); }
      try { await journalDelete([e.j]); } catch (x) { fail(x); }
    }
    st.aside = await asideCount();
    st.load = out;
    return out;
  }

  // ---- the writer lock between tabs ---------------------------------------------------------------
  // Web Locks: the first tab holds LOCK for its life; a later tab waits for it (read-only meanwhile) and
  // becomes the writer when the first closes. Without Web Locks: BroadcastChannel "who writes?" (PROBE ms), the senior writer wins.
  function onBecomeWriter() {
    st.writer = true;
    st.becameWriter = true;
    // The data may have changed since this tab loaded: take the newest saved copy, whole.
    becameWriterPending = true;
    loadLatestForReader();
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
      if (st.writer) writerSince = Date.now();
      startBroadcastLock();
      return;
    }
    st.lockKind = 'none';
    st.writer = true;
  }
  // Without Web Locks (BroadcastChannel 'zhengjian'): the writer says 'writer-here' every HEARTBEAT ms and
  // 'writer-bye' on page hide; a reader that hears neither for TAKEOVER ms, or hears 'writer-bye', asks
  // 'who-writes?' once more (PROBE ms) and becomes the writer when nobody answers. Two tabs that both write
  // (a race, or a writer whose answer came after PROBE because its page was busy) settle it by seniority: the
  // tab that has written longer (smaller `since`, then the smaller tab id) keeps writing, the other goes back to
  // reading. A tab that has just started has changed nothing yet, so stepping down loses nothing.
  const HEARTBEAT = 1000, TAKEOVER = 3500, PROBE = 400;
  const tabId = Math.random().toString(16).slice(2) + Date.now().toString(16);
  let lastWriterSeen = 0, takingOver = false, writerSince = 0;
  const writerHere = () => channel.postMessage({ type: 'writer-here', tab: tabId, since: writerSince });
  async function probeWriter() {
    let other = false;
    const probe = (e) => { if (e.data && e.data.type === 'writer-here') other = true; };
    channel.addEventListener('message', probe);
    channel.postMessage({ type: 'who-writes', tab: tabId });
    await new Promise((r) => setTimeout(r, PROBE));
    channel.removeEventListener('message', probe);
    return other;
  }
  async function tryTakeOver() {
    if (st.writer || takingOver) return;
    takingOver = true;
    try {
      await new Promise((r) => setTimeout(r, Math.random() * 150));  // spread racing readers
      if (!st.writer && !(await probeWriter())) {
        writerSince = Date.now();
        onBecomeWriter();
        writerHere();
      }
    } finally { takingOver = false; lastWriterSeen = Date.now(); }
  }
  function startBroadcastLock() {
    lastWriterSeen = Date.now();
    channel.addEventListener('message', (e) => {
      const m = e.data || {};
      if (m.type === 'writer-here') {
        lastWriterSeen = Date.now();
        const senior = (m.since || 0) < writerSince || ((m.since || 0) === writerSince && m.tab < tabId);
        if (st.writer && m.tab && m.tab !== tabId && senior) { st.writer = false; loadLatestForReader(); }
      }
      if (m.type === 'writer-bye' && !st.writer) tryTakeOver();
    });
    setInterval(() => {
      if (st.writer) writerHere();
      else if (Date.now() - lastWriterSeen > TAKEOVER) tryTakeOver();
    }, HEARTBEAT);
    window.addEventListener('pagehide', () => {
      if (!st.writer) return;
      flushModule();
      st.writer = false;   // this tab is going away: no more saves from it after the last one
      writes.then(() => channel.postMessage({ type: 'writer-bye', tab: tabId }));
      channel.postMessage({ type: 'writer-bye', tab: tabId });
    });
  }
  // A reader tab follows the writer: new journal entries are applied as they come; a new snapshot of another epoch
  // (the data was replaced) is loaded whole.
  let readerBusy = Promise.resolve();
  function loadLatestForReader() {
    readerBusy = readerBusy.then(async () => {
      const p = (await metaGet('pointer')) || null;
      const cur = st.load || { epoch: 0, seq: 0 };
      if (!p) return;
      if (!st.load || st.load.state === 'none' || (p.epoch || 0) !== cur.epoch || becameWriterPending) {
        becameWriterPending = false;
        await loadNow();
        st.externalLoad = true;
        return;
      }
      const last = st.readJ || (st.load.journal.length ? st.load.journal[st.load.journal.length - 1].j : p.base - 1);
      for (const e of await journalFrom(p.epoch || 0, last + 1)) {
        if ((await sha256Hex(e.text)) !== e.sha256) continue;   // the writer's next entry or snapshot will tell
        st.externalJournal.push({ j: e.j, text: e.text });
        st.readJ = e.j;
      }
    }).catch((e) => fail(e));
    return readerBusy;
  }
  let becameWriterPending = false;


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
    try { channel = new BroadcastChannel('zhengjian' + SPACE); } catch (e) { channel = null; }
    if (channel) {
      channel.addEventListener('message', (e) => {
        const m = e.data || {};
        if (m.type === 'who-writes' && st.writer) channel.postMessage({ type: 'writer-here', tab: tabId, since: writerSince });
        if ((m.type === 'journal' || m.type === 'snapshot') && !st.writer) loadLatestForReader();
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
      await loadNow();
    } catch (e) {
      st.openError = st.openError || String(e && e.message || e);
      st.load = { state: 'bad', reason: 'read: ' + st.openError, seq: 0, epoch: 0, base: 0, bytes: null, journal: [], problems: [] };
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

  // ---- the journal: one small write per command ----------------------------------------------------
  // Each entry is its own transaction, started the moment the module hands it over; IndexedDB runs them in
  // order. A failed write keeps the entry in `st.queue` (this page) and retries it every 2 s, in order; while any
  // entry is not committed, leaving the page asks first (beforeunload).
  let writes = Promise.resolve();   // resolves when every write started so far has ended
  const hooks = {};   // tests: hooks.afterWrite(seq) pauses a snapshot between write and switch; hooks.beforeJournal(j)
  function putJournal(rec) {
    if (st.backend === 'indexeddb') {
      return new Promise((res, rej) => {
        let tx;
        // Relaxed: committed once the browser's storage process has the entry, without waiting for the disk's
        // flush. A killed tab or browser keeps it (the operating system writes it out); only a power cut in those
        // milliseconds could lose it. Strict durability made each entry wait for an fsync (tens of ms on a busy
        // machine) and an edit made 100 ms before the browser closed was lost. Snapshots and the pointer stay strict.
        try { tx = db.transaction('journal', 'readwrite', { durability: 'relaxed' }); } catch (e) { rej(e); return; }
        tx.objectStore('journal').put(rec);
        tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error || new Error('abort'));
      });
    }
    if (st.backend === 'localstorage') { lsSet('j.' + rec.j, JSON.stringify(rec)); return Promise.resolve(); }
    memory.journal.set(rec.j, rec);
    return Promise.resolve();
  }
  function written(rec) {
    st.pendingJ--;
    st.durableJ = Math.max(st.durableJ, rec.j);
    st.lastSavedMs = Date.now(); st.saves++;
    st.lastError = ''; st.lastErrorName = '';
    if (channel) channel.postMessage({ type: 'journal', j: rec.j, epoch: rec.epoch });
  }
  function append(epoch, text, sha, cmds) {
    if (!st.writer) return 0;
    const rec = { j: st.nextJ++, epoch, time: Date.now(), sha256: sha, text, cmds: cmds || [] };
    st.pendingJ++;
    if (st.queue.length) { st.queue.push(rec); return rec.j; }   // keep the order behind failed ones
    const p = (hooks.beforeJournal ? Promise.resolve(hooks.beforeJournal(rec.j)) : Promise.resolve()).then(() => putJournal(rec));
    writes = Promise.all([writes, p.then(() => written(rec), (e) => {
      fail(e);
      if (e && e.name === 'QuotaExceededError') st.needCompact = true;   // a snapshot cuts the journal
      st.queue.push(rec);
      st.queue.sort((a, b) => a.j - b.j);
    })]);
    return rec.j;
  }
  async function retryQueue() {
    while (st.queue.length && st.writer) {
      const rec = st.queue[0];
      // Entries a snapshot now holds need not be written any more.
      if (st.pointer && (st.pointer.epoch || 0) === rec.epoch && rec.j < (st.pointer.base || 0)) { st.queue.shift(); st.pendingJ--; continue; }
      try { await putJournal(rec); } catch (e) {
        fail(e);
        if (e && e.name === 'QuotaExceededError') st.needCompact = true;
        return;
      }
      st.queue.shift();
      written(rec);
    }
  }

  // ---- snapshots: written now and then, a slice per frame --------------------------------------------
  let snap = null;   // {epoch, base, chunks: [Uint8Array], size}
  function snapshotBegin(epoch, base) {
    snap = { epoch, base, chunks: [], size: 0 };
    st.snapshotting = true;
    // Slices between frames too (a page drawing slowly would otherwise write slowly).
    const work = () => {
      if (!snap || !M) return;
      try { M.ccall('zj_storage_work', null, [], []); } catch (e) { return; }
      if (snap) setTimeout(work, 4);
    };
    setTimeout(work, 4);
  }
  function snapshotChunk(u8) {
    if (!snap) return;
    snap.chunks.push(u8);
    snap.size += u8.length;
  }
  function snapshotAbort() { snap = null; st.snapshotting = false; }
  async function commitNow(s, revision, locked) {
    const bytes = new Uint8Array(s.size);
    let at = 0;
    for (const c of s.chunks) { bytes.set(c, at); at += c.length; }
    s.chunks = null;
    const sha = await sha256Hex(bytes);
    const keys = await snapKeys();
    const seq = Math.max(0, ...keys, ...st.snapshots.map((x) => x.seq)) + 1;
    const meta = { seq, time: Date.now(), sha256: sha, size: bytes.length, revision: revision || 0, epoch: s.epoch, base: s.base, device: st.deviceId, locked: !!locked };
    if (st.backend === 'localstorage') {
      // About 5 MB in all: make room first, never touching the current copy.
      const old = (await snapKeys()).filter((k) => !st.pointer || k !== st.pointer.seq);
      const keepOld = old.sort((a, b) => b - a).slice(0, Math.max(0, KEEP_LS - 1));
      await snapDelete(old.filter((k) => !keepOld.includes(k)));
    }
    await snapPut(Object.assign({ bytes }, meta));                        // 1. write new
    if (hooks.afterWrite) await hooks.afterWrite(seq);
    const back = bytesOf(await snapGet(seq));                           // 2. read back and verify
    if (!back || back.length !== bytes.length || (await sha256Hex(back)) !== sha) throw new Error('verify failed');
    const pointer = { seq, sha256: sha, base: s.base, epoch: s.epoch, time: meta.time };
    st.snapshots = [meta].concat(st.snapshots.filter((x) => x.seq !== seq));
    await metaPut('snapshots', st.snapshots.slice(0, KEEP + 5));
    await metaPut('pointer', pointer);                                    // 3. switch the pointer
    st.pointer = pointer;
    // 4. Cut the journal the snapshot holds; prune snapshots beyond KEEP (LocalStorage: beyond KEEP_LS).
    const cut = (await journalKeys()).filter((j) => j < s.base);
    await journalDelete(cut);
    const keep = st.backend === 'localstorage' ? KEEP_LS + 1 : KEEP;
    let drop = st.snapshots.slice(keep).map((x) => x.seq);
    // 口令锁: once a locked dataset is stored, snapshots and copies kept aside from before the lock hold talk
    // records in clear: they go.
    if (locked && st.lastSavedLocked !== true) {
      drop = drop.concat(st.snapshots.filter((x) => x.seq !== seq && !x.locked).map((x) => x.seq));
      await asideDeleteUnlocked();
      st.aside = await asideCount();
    }
    st.lastSavedLocked = !!locked;
    if (drop.length) {
      await snapDelete(drop);
      st.snapshots = st.snapshots.filter((x) => !drop.includes(x.seq));
      await metaPut('snapshots', st.snapshots);
    }
    st.snapshotsWritten++; st.lastSnapshotMs = meta.time; st.lastSavedMs = meta.time; st.saves++;
    st.lastError = ''; st.lastErrorName = ''; st.needCompact = false;
    if (channel) channel.postMessage({ type: 'snapshot', seq, epoch: s.epoch });
    retryQueue();
    return seq;
  }
  function snapshotCommit(revision, locked) {
    const s = snap;
    snap = null;
    if (!s || !st.writer) { st.snapshotting = false; return Promise.resolve(0); }
    const p = writes.then(() => commitNow(s, revision, locked)).then((seq) => { st.snapshotting = false; return seq; }, (e) => {
      fail(e);
      st.snapshotting = false;
      st.snapshotFailed = (st.snapshotFailed || 0) + 1;
      return 0;
    });
    writes = Promise.all([writes, p]);
    return p;
  }
  /// Keeps a stored snapshot aside (corrupt or refused): copied into 'aside' with the reason, never deleted.
  async function keepAside(seq, reason) {
    try {
      const r = (await snapGet(seq)) || { seq };
      await asidePut({ time: Date.now(), reason, record: r, locked: !!r.locked });
      st.aside = await asideCount();
      return true;
    } catch (e) { fail(e); return false; }
  }
  // Recovery: an older snapshot read and checked on demand (not at every start).
  const prepared = new Map();   // seq -> {state: 'reading'|'ok'|'bad', reason, bytes}
  function prepareSnapshot(seq) {
    if (prepared.has(seq)) return;
    prepared.set(seq, { state: 'reading' });
    (async () => {
      const r = await snapGet(seq);
      const bytes = bytesOf(r);
      if (!bytes || !bytes.length) { prepared.set(seq, { state: 'bad', reason: 'missing' }); return; }
      if (r.sha256 && (await sha256Hex(bytes)) !== r.sha256) { prepared.set(seq, { state: 'bad', reason: 'checksum' }); return; }
      prepared.set(seq, { state: 'ok', bytes });
    })().catch((e) => prepared.set(seq, { state: 'bad', reason: String(e && e.message || e) }));
  }
  function preparedInfo() {
    const o = {};
    prepared.forEach((v, k) => { o[k] = { state: v.state, reason: v.reason || '', size: v.bytes ? v.bytes.length : 0 }; });
    return o;
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

  // ---- evidence of talks under the passphrase lock (docs/architecture.md "The talk lock") -------------
  // While the dataset has a lock, a talk's evidence is written, backed up and put in bundles only sealed, with
  // the key web/lock.js holds: {id, parent_kind, parent_id, kind, created, device, size, width, height,
  // thumbSize, sealed: {salt, iv, ct}, photo, photo_iv, thumb, thumb_iv}, where `ct` (base64) seals
  // {caption, text, originalSize} as JSON and `photo` / `thumb` are Blobs of the sealed JPEG bytes. The
  // additional data "ev|<id>|meta" (|photo, |thumb) ties each part to its record. The module says where the lock
  // stands (setTalkLock, from shell/talk_lock.cpp) whenever that changes.
  const talkLock = { salt: '', open: false };
  const openedMeta = new Map();   // id -> {caption, text} of sealed records read with the current key
  const needsSeal = (r) => !!r && r.parent_kind === 'talk' && !r.sealed && !!talkLock.salt;
  const lockKey = () => (window.zjLock && window.zjLock.key && window.zjLock.key()) || null;
  /// The key that opens sealed record `r` now, or null.
  const keyFor = (r) => (r && r.sealed && lockKey() && window.zjLock.salt() === r.sealed.salt ? lockKey() : null);
  const blobBytes = async (b) => new Uint8Array(b.arrayBuffer ? await b.arrayBuffer()
    : await new Response(b).arrayBuffer());
  /// The fields a record keeps in clear in both forms (where it belongs, its kind, sizes).
  const openFields = (r) => ({ id: r.id, parent_kind: r.parent_kind, parent_id: r.parent_id, kind: r.kind,
    created: r.created, device: r.device, size: r.size || 0, width: r.width || 0, height: r.height || 0,
    thumbSize: r.thumbSize || 0 });
  async function sealRecord(r, k, salt) {
    const L = window.zjLock;
    const meta = await L.sealBytes(k, 'ev|' + r.id + '|meta', new TextEncoder().encode(JSON.stringify(
      { caption: r.caption || '', text: r.text || '', originalSize: r.originalSize || 0 })));
    const out = Object.assign(openFields(r), { sealed: { salt, iv: meta.iv, ct: L.b64(meta.ct) } });
    for (const part of ['photo', 'thumb']) {
      if (!r[part]) continue;
      const c = await L.sealBytes(k, 'ev|' + r.id + '|' + part, await blobBytes(r[part]));
      out[part] = new Blob([c.ct], { type: 'application/octet-stream' });
      out[part + '_iv'] = c.iv;
    }
    return out;
  }
  async function openMeta(r, k) {
    const plain = await window.zjLock.openBytes(k, 'ev|' + r.id + '|meta', r.sealed.iv, window.zjLock.unb64(r.sealed.ct));
    return JSON.parse(new TextDecoder().decode(plain));
  }
  /// The JPEG of `part` ('photo' | 'thumb') of record `r` as a Blob (opened with `k`, by default the current
  /// key, when sealed), or null.
  async function partBlob(r, part, k = keyFor(r)) {
    if (!r || !r[part]) return null;
    if (!r.sealed) return r[part];
    if (!k) return null;
    const plain = await window.zjLock.openBytes(k, 'ev|' + r.id + '|' + part, r[part + '_iv'], await blobBytes(r[part]));
    return new Blob([plain], { type: 'image/jpeg' });
  }
  /// Sealed record `r` as it was before sealing, opened with `k`; throws when `k` does not open it.
  async function openRecord(r, k) {
    const m = await openMeta(r, k);
    const out = Object.assign(openFields(r), { caption: m.caption || '', text: m.text || '', originalSize: m.originalSize || 0 });
    for (const part of ['photo', 'thumb']) if (r[part]) out[part] = await partBlob(r, part, k);
    return out;
  }
  /// Every write of an evidence record goes through here: under a lock, a talk's evidence is sealed first; with
  /// the lock closed it is refused (TalkLocked) and the caller keeps it in the page.
  async function putRecord(rec) {
    if (needsSeal(rec)) {
      const k = lockKey();
      if (!k || window.zjLock.salt() !== talkLock.salt) {
        throw Object.assign(new Error('谈话记录已锁定,解锁后才能加密保存这份材料'), { name: 'TalkLocked' });
      }
      rec = await sealRecord(rec, k, talkLock.salt);
    }
    await evidencePut(rec);
  }
  /// With the lock open: seals every talk evidence still in clear (stored before the lock was set, or kept in
  /// the page while it was closed). Resolves to how many were sealed.
  let sweeping = null;
  function sealSweep() {
    if (sweeping) return sweeping;
    sweeping = (async () => {
      const k = lockKey();
      if (!talkLock.salt || !k || window.zjLock.salt() !== talkLock.salt) return 0;
      let n = 0;
      for (const r of await evidenceAll()) {
        if (!needsSeal(r)) continue;
        await evidencePut(await sealRecord(r, k, talkLock.salt));
        n++;
      }
      if (pendingEvidence.size) await retryEvidence();
      if (n) await evidenceRefresh();
      return n;
    })().finally(() => { sweeping = null; });
    return sweeping;
  }
  function setTalkLock(salt, open) {
    if (salt === talkLock.salt && open === talkLock.open) return;
    talkLock.salt = salt || '';
    talkLock.open = !!open;
    openedMeta.clear();
    (open ? sealSweep() : Promise.resolve(0)).catch(() => {}).then(evidenceRefresh);
  }
  /// The lock is being removed: opens every record sealed with the current key and stores it as it is. The key
  /// is taken now (the module forgets it right after).
  function talkLockRemoved() {
    const k = lockKey(), salt = window.zjLock ? window.zjLock.salt() : '';
    if (!k) return Promise.resolve(0);
    return (async () => {
      let n = 0;
      for (const r of await evidenceAll()) {
        if (!r.sealed || r.sealed.salt !== salt) continue;
        try {
          await evidencePut(await openRecord(r, k));
          n++;
        } catch (e) { /* sealed with another key or unreadable: kept as it is */ }
      }
      openedMeta.clear();
      await evidenceRefresh();
      return n;
    })();
  }

  // ---- evidence API for the module (shell/platform_web_storage.cpp) --------------------------------
  // Records: {id, parent_kind, parent_id, kind: 'photo'|'text', caption, text, created, device, size, width,
  // height, thumbSize, photo: Blob, thumb: Blob} (sealed form above). The list the module reads leaves the Blobs
  // out and gives a sealed record's caption and text only while the key is open.
  // A record whose store failed (QuotaExceededError, TalkLocked …) stays in `pendingEvidence` (kept in this page,
  // marked unsaved) and is retried with the next store.
  let evidenceCache = [];
  const pendingEvidence = new Map();
  const evStatus = { busy: 0, done: 0, failed: 0, lastError: '', lastErrorName: '', kept: 0, heldBack: 0 };
  const strip = (r, unsaved) => ({ id: r.id, parent_kind: r.parent_kind, parent_id: r.parent_id, kind: r.kind,
    caption: r.caption || '', text: r.text || '', created: r.created, device: r.device, size: r.size || 0,
    width: r.width || 0, height: r.height || 0, thumbSize: r.thumbSize || 0, unsaved: !!unsaved,
    sealed: !!r.sealed, locked: false });
  async function listForm(r, unsaved) {
    const o = strip(r, unsaved);
    if (!r.sealed) return o;
    let m = openedMeta.get(r.id);
    const k = keyFor(r);
    if (!m && k) {
      try { m = await openMeta(r, k); openedMeta.set(r.id, m); } catch (e) { m = null; }
    }
    if (m) { o.caption = m.caption || ''; o.text = m.text || ''; } else o.locked = true;
    return o;
  }
  function evidenceRefresh() {
    return evidenceAll().then(async (all) => {
      const ids = new Set(all.map((r) => r.id));
      const list = [];
      for (const r of all) list.push(await listForm(r, false));
      for (const r of pendingEvidence.values()) if (!ids.has(r.id)) list.push(await listForm(r, true));
      evidenceCache = list.sort((a, b) => a.created - b.created);
      st.evidenceCount = evidenceCache.length;
    }).catch(() => {});
  }
  function newId() {
    return Array.from(crypto.getRandomValues(new Uint8Array(8)), (x) => x.toString(16).padStart(2, '0')).join('');
  }
  async function storeEvidence(rec) {
    try {
      await putRecord(rec);
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
  // Records kept in the page after a failed store (a full quota) are retried every 2 s, so space freed later
  // takes them; while any waits, leaving the page asks first.
  let retrying = false;
  async function retryEvidence() {
    if (retrying) return;
    retrying = true;
    try {
      for (const rec of Array.from(pendingEvidence.values())) {
        try { await putRecord(rec); pendingEvidence.delete(rec.id); evStatus.done++; evStatus.lastError = ''; evStatus.lastErrorName = ''; }
        catch (e) { break; }
      }
      evStatus.kept = pendingEvidence.size;
      await evidenceRefresh();
    } finally { retrying = false; }
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
    const photo = await partBlob(r, 'photo');
    if (!photo) return;
    const url = URL.createObjectURL(photo);
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
    const blob = (await partBlob(r, 'thumb')) || (await partBlob(r, 'photo'));
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
  const fromB64 = (s, type) => { const bin = atob(s); const u = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i); return new Blob([u], { type: type || 'image/jpeg' }); };
  /// A record as backups and bundles carry it: photos as base64; a sealed record with its sealed parts only.
  async function exportForm(r) {
    const o = strip(r, false);
    delete o.unsaved; delete o.locked; delete o.sealed;
    if (r.sealed) {
      o.caption = ''; o.text = '';
      o.sealed = r.sealed;
      if (r.photo_iv) o.photo_iv = r.photo_iv;
      if (r.thumb_iv) o.thumb_iv = r.thumb_iv;
    }
    if (r.photo) o.photo = await b64(r.photo);
    if (r.thumb) o.thumb = await b64(r.thumb);
    return o;
  }
  /// The records of `list` in their exported form; under a lock, a talk's evidence only sealed: the open lock
  /// seals what is still in clear first, a closed one leaves such records out (counted in evStatus.heldBack).
  async function exportable(list) {
    if (talkLock.salt) await sealSweep().catch(() => 0);
    const stored = new Map((await evidenceAll()).map((r) => [r.id, r]));
    const out = [];
    let held = 0;
    for (const x of list) {
      const r = stored.get(x.id) || x;   // the sweep may have sealed it since the list was read
      if (needsSeal(r)) { held++; continue; }
      out.push(await exportForm(r));
    }
    evStatus.heldBack = held;
    return out;
  }
  async function exportBackupWithEvidence(name, datasetText) {
    const all = (await evidenceAll()).concat(Array.from(pendingEvidence.values()));
    const ev = await exportable(all);
    const doc = '{"format":"zhengjian-backup","format_version":1,"evidence":' + JSON.stringify(ev) + ',"dataset":' + datasetText + '}';
    M.zjDownload(name, 'application/json', new TextEncoder().encode(doc));
  }
  /// The evidence records of `ids` (stored or kept in the page) with photos and thumbnails as base64 JPEG, for
  /// a liaison bundle (shell ShareBundleWithEvidence).
  async function evidenceRecordsForExport(ids) {
    const want = new Set(ids);
    const all = (await evidenceAll()).concat(Array.from(pendingEvidence.values()));
    const pick = [], seen = new Set();
    for (const r of all) {
      if (!want.has(r.id) || seen.has(r.id)) continue;
      seen.add(r.id);
      pick.push(r);
    }
    return exportable(pick);
  }
  async function evidenceImport(json) {
    let list = [];
    try { list = JSON.parse(json); } catch (e) { return; }
    const have = new Set((await evidenceAll()).map((r) => r.id));
    for (const o of list) {
      if (!o || typeof o.id !== 'string' || have.has(o.id)) continue;
      const rec = Object.assign({}, o);
      const type = o.sealed ? 'application/octet-stream' : 'image/jpeg';
      rec.photo = o.photo ? fromB64(o.photo, type) : null;
      rec.thumb = o.thumb ? fromB64(o.thumb, type) : null;
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
    if (st.backend === 'memory') w.push('nostorage');          // nothing this page does is kept
    else if (st.backend === 'localstorage') w.push('smallstorage');
    // Private windows: Chromium's small incognito quota (a heuristic).
    if (st.backend === 'indexeddb' && st.quota && st.quota < 200 * 1024 * 1024 && /Chrom/i.test(ua)) w.push('private');
    if (st.persisted === false) w.push('notpersisted');
    return w;
  }
  function unsavedCount() { return st.pendingJ + (snap || st.snapshotting ? 1 : 0) + pendingEvidence.size; }
  function info() {
    const L = st.load || {};
    return {
      backend: st.backend, openError: st.openError, origin: location.protocol === 'file:' ? location.href.split('?')[0] : location.origin,
      pointer: st.pointer, snapshots: st.snapshots, aside: st.aside, writer: st.writer, lockKind: st.lockKind,
      persisted: st.persisted, persistRequested: st.persistRequested, usage: st.usage, quota: st.quota,
      lastSavedMs: st.lastSavedMs, saves: st.saves, pending: st.pendingJ, queued: st.queue.length, durableJ: st.durableJ,
      nextJ: st.nextJ, snapshotting: st.snapshotting, snapshotsWritten: st.snapshotsWritten, lastSnapshotMs: st.lastSnapshotMs,
      snapshotFailed: st.snapshotFailed || 0, needCompact: st.needCompact, unsaved: unsavedCount(),
      lastError: st.lastError, lastErrorName: st.lastErrorName, deviceId: st.deviceId,
      evidenceCount: st.evidenceCount, evidenceBytes: st.evidenceBytes, evidenceUnsaved: pendingEvidence.size,
      warnings: warnings(),
      load: { state: L.state || 'none', seq: L.seq || 0, epoch: L.epoch || 0, base: L.base || 0, reason: L.reason || '',
              journal: (L.journal || []).length, problems: L.problems || [], size: L.bytes ? L.bytes.length : 0 },
      prepared: preparedInfo(),
      externalLoad: st.externalLoad, externalJournal: st.externalJournal.length, becameWriter: st.becameWriter,
    };
  }

  // ---- the module's side ------------------------------------------------------------------------
  let M = null;
  function flushModule() {
    if (!M) return;
    try { M.ccall('zj_storage_flush', null, [], []); } catch (e) { /* the module is gone */ }
  }
  function start(module) {
    M = module;
    sha256Fallback = (t) => M.ccall('zj_sha256_hex', 'string', ['string'], [t]);
    setInterval(() => { retryQueue(); if (pendingEvidence.size) retryEvidence(); }, 2000);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushModule(); });
    window.addEventListener('pagehide', flushModule);
    // Leaving while a change is not on disk yet: the browser asks first (where it allows it).
    window.addEventListener('beforeunload', (e) => {
      flushModule();
      let moduleUnsaved = 0;
      try { moduleUnsaved = M.ccall('zj_storage_unsaved', 'number', [], []); } catch (x) { /* gone */ }
      if (st.writer && st.backend !== 'memory' && (unsavedCount() > 0 || moduleUnsaved > 0)) {
        e.preventDefault();
        e.returnValue = '';
        return '';
      }
    });
  }
  // The loaded snapshot's bytes copied into the module's memory (no text conversion): [ptr, length]; the JS copy
  // is dropped. `seq` 0 = the one loaded at start, else a prepared older one.
  function takeSnapshotInto(module, seq) {
    let bytes = null;
    if (!seq) { bytes = st.load && st.load.bytes; if (st.load) st.load.bytes = null; }
    else { const p = prepared.get(seq); if (p && p.state === 'ok') { bytes = p.bytes; prepared.delete(seq); } }
    if (!bytes) return [0, 0];
    const ptr = module._malloc(bytes.length + 1);
    module.HEAPU8.set(bytes, ptr);
    module.HEAPU8[ptr + bytes.length] = 0;
    return [ptr, bytes.length];
  }
  function takeJournal() {   // the entries to replay at start: JSON array of texts, once
    const j = st.load ? st.load.journal : [];
    if (st.load) st.load.journal = [];
    return j;
  }
  function takeExternal() {   // a reader tab: {load: bool, journal: [texts]}
    const out = { load: st.externalLoad, journal: st.externalJournal.map((e) => e.text) };
    st.externalLoad = false; st.externalJournal = []; st.becameWriter = false;
    return out;
  }

  window.zjStorage = {
    preload, start, info, hooks, sha256Hex, keepAside,
    append, snapshotBegin, snapshotChunk, snapshotCommit, snapshotAbort, prepareSnapshot, takeSnapshotInto,
    takeJournal, takeExternal,
    /// Resolves when every write started so far has ended (tests; the module's own writes start at once).
    flush: () => { flushModule(); return writes.then(() => retryQueue()); },
    setSha256Fallback(f) { sha256Fallback = f; },
    refresh: refreshEstimate,
    evidencePut, evidenceAll,
    evidenceDelete: (id) => { pendingEvidence.delete(id); return evidenceDelete(id).then(evidenceRefresh); },
    evidenceList: () => evidenceCache, evidenceRefresh, evidencePickPhotos, evidenceAddText, evidenceOpen,
    evidenceStatus: () => evStatus, exportBackupWithEvidence, evidenceImport, addPhotoFile,
    evidenceThumbBitmap, evidenceRecordsForExport, setTalkLock, talkLockRemoved, sealSweep,
    talkLockState: () => Object.assign({}, talkLock),
    get state() { return st; },
  };
})();
