// Zhengjian: the passphrase lock on talk records (谈话记录口令锁), with WebCrypto.
// A key is derived from the passphrase with PBKDF2-HMAC-SHA-256 (600,000 iterations, 16-byte random salt) into
// a non-extractable AES-GCM-256 CryptoKey that lives only in this page's memory. Each talk record is sealed
// as AES-GCM(JSON text) with a fresh 12-byte IV and the talk's id as additional data (core/campaign/talks.h SealedBox).
// The passphrase and the key are never stored; a wrong passphrase fails the check (AES-GCM's tag) and
// changes nothing.
//
// The app talks to it through shell/platform_lock_web.cpp: request(op, json) starts an operation and returns
// its number; take(n) gives the JSON result once done ("" while it runs). Operations:
//   create {passphrase, iterations}        -> {ok, lock: {iterations, salt, check: {iv, ct}}}   (key kept)
//   unlock {passphrase, lock}              -> {ok} | {ok: false, error: "wrong"|"unsupported"|...} (key kept)
//   seal   {items: [{id, plain}]}          -> {ok, items: [{id, iv, ct}]}
//   open   {items: [{id, iv, ct}]}         -> {ok, items: [{id, plain} | {id, error}]}
//   close  {}                              -> {ok}   (forgets the key)
(function () {
  'use strict';
  const CHECK_TEXT = 'zhengjian-talk-lock-v1';   // core/campaign/talks.h kLockCheckText
  const CHECK_ID = 'talk-lock-check';            // core/campaign/talks.h kLockCheckId
  const enc = new TextEncoder();
  const dec = new TextDecoder('utf-8', { fatal: true });
  let key = null;        // CryptoKey (AES-GCM, not extractable) while unlocked
  let keySalt = '';      // base64 salt the key was derived with
  let next = 1;
  const results = new Map();

  const b64 = (bytes) => {
    let s = '';
    const a = new Uint8Array(bytes);
    for (let i = 0; i < a.length; i += 0x8000) s += String.fromCharCode.apply(null, a.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const subtle = () => {
    if (!window.crypto || !crypto.subtle) throw Object.assign(new Error('WebCrypto unavailable'), { code: 'unsupported' });
    return crypto.subtle;
  };

  async function derive(passphrase, saltB64, iterations) {
    const material = await subtle().importKey('raw', enc.encode(String(passphrase).normalize('NFC')), 'PBKDF2', false,
      ['deriveKey']);
    return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: unb64(saltB64), iterations },
      material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }
  async function seal(k, id, plain) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(id) }, k, enc.encode(plain));
    return { iv: b64(iv), ct: b64(ct) };
  }
  async function open(k, id, box) {
    const pt = await subtle().decrypt({ name: 'AES-GCM', iv: unb64(box.iv), additionalData: enc.encode(id) }, k,
      unb64(box.ct));
    return dec.decode(pt);
  }

  const ops = {
    async create(a) {
      const iterations = Math.max(310000, a.iterations | 0 || 600000);
      const salt = b64(crypto.getRandomValues(new Uint8Array(16)));
      const k = await derive(a.passphrase, salt, iterations);
      const check = await seal(k, CHECK_ID, CHECK_TEXT);
      key = k; keySalt = salt;
      return { ok: true, lock: { iterations, salt, check } };
    },
    async unlock(a) {
      const lock = a.lock || {};
      const k = await derive(a.passphrase, lock.salt, lock.iterations);
      let text = '';
      try { text = await open(k, CHECK_ID, lock.check); } catch (e) { return { ok: false, error: 'wrong' }; }
      if (text !== CHECK_TEXT) return { ok: false, error: 'wrong' };
      key = k; keySalt = lock.salt;
      return { ok: true };
    },
    async seal(a) {
      if (!key) return { ok: false, error: 'locked' };
      const k = key;
      const items = [];
      for (const it of a.items || []) items.push(Object.assign({ id: it.id }, await seal(k, it.id, it.plain)));
      return { ok: true, items };
    },
    async open(a) {
      if (!key) return { ok: false, error: 'locked' };
      const k = key;
      const items = [];
      for (const it of a.items || []) {
        try { items.push({ id: it.id, plain: await open(k, it.id, it) }); } catch (e) { items.push({ id: it.id, error: 'fail' }); }
      }
      return { ok: true, items };
    },
    async close() { key = null; keySalt = ''; return { ok: true }; },
  };

  /// Starts operation `op` with arguments `json` (text); returns its number for take().
  function request(op, json) {
    const n = next++;
    if (op === 'close') {  // at once: the key is gone before the app draws its next frame
      key = null; keySalt = '';
      results.set(n, '{"ok":true}');
      return n;
    }
    results.set(n, '');
    Promise.resolve().then(() => {
      const f = ops[op];
      if (!f) return { ok: false, error: 'unknown op ' + op };
      return f(JSON.parse(json || '{}'));
    }).then((r) => results.set(n, JSON.stringify(r)),
      (e) => results.set(n, JSON.stringify({ ok: false, error: (e && e.code) || 'failed', detail: String(e && e.message || e) })));
    return n;
  }
  /// The JSON result of operation `n` once it finished (then forgotten); "" while it runs or when unknown.
  function take(n) {
    const r = results.get(n);
    if (r) results.delete(n);
    return r || '';
  }
  // Evidence attached to talks (photos, notes: web/storage.js) is sealed with the same key, as bytes:
  // AES-GCM with a fresh 12-byte IV and `ad` (the evidence id and part) as additional data. storage.js keeps
  // the CryptoKey it was given for as long as one sweep runs (the lock's removal opens everything with it).
  /// Seals `bytes` (Uint8Array) with CryptoKey `k`: {iv: base64, ct: Uint8Array}.
  async function sealBytes(k, ad, bytes) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(ad) }, k, bytes);
    return { iv: b64(iv), ct: new Uint8Array(ct) };
  }
  /// Opens what sealBytes made (`ct`: Uint8Array or ArrayBuffer); throws when the key or `ad` is not the one.
  async function openBytes(k, ad, ivB64, ct) {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: unb64(ivB64), additionalData: enc.encode(ad) },
      k, ct));
  }
  window.zjLock = { request, take, unlocked: () => key !== null, salt: () => keySalt, key: () => key, sealBytes, openBytes,
    b64, unb64 };
})();
