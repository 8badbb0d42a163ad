// [SECTION] Platform port, web implementation of storage, sharing and evidence (web/storage.js; README "Keeping data")
// [SECTION] Entry points called by web/storage.js (autosave polling, SHA-256)
#include <emscripten.h>

#include <functional>
#include <map>

#include <cstdlib>
#include <string>

#include "core/exchange/bundle.h"
#include "core/org/idnumber.h"
#include "shell/platform.h"

// Strings from JS are returned malloc'd; C++ frees them.
EM_JS(char*, zj_js_storage_call, (const char* what, const char* a, const char* b, const char* c), {
  var S = Module.zjStorage;
  var w = UTF8ToString(what), A = UTF8ToString(a), B = UTF8ToString(b), C = UTF8ToString(c);
  var out = "";
  try {
    if (!S) out = (w === 'info') ? '{}' : (w === 'evidenceList' ? '[]' : "");
    else if (w === 'info') out = JSON.stringify(S.info());
    else if (w === 'aside') S.keepAside(Number(A), B);
    else if (w === 'journal') out = JSON.stringify(S.takeJournal());
    else if (w === 'external') out = JSON.stringify(S.takeExternal());
    else if (w === 'prepare') S.prepareSnapshot(Number(A));
    else if (w === 'append') out = String(S.append(Number(A), B, C.slice(0, 64), JSON.parse(C.slice(64) || '[]')));
    else if (w === 'snapBegin') { S.snapshotBegin(Number(A), S.state.nextJ); out = String(S.state.nextJ); }
    else if (w === 'snapCommit') S.snapshotCommit(Number(A), B === '1');
    else if (w === 'snapAbort') S.snapshotAbort();
    else if (w === 'evidenceList') out = JSON.stringify(S.evidenceList());
    else if (w === 'evidenceRefresh') S.evidenceRefresh();
    else if (w === 'evidencePick') S.evidencePickPhotos(A, B);
    else if (w === 'evidenceText') S.evidenceAddText(A, B, C);
    else if (w === 'evidenceOpen') S.evidenceOpen(A);
    else if (w === 'evidenceDelete') S.evidenceDelete(A);
    else if (w === 'evidenceStatus') out = JSON.stringify(S.evidenceStatus());
    else if (w === 'backupWithEvidence') S.exportBackupWithEvidence(A, B);
    else if (w === 'evidenceImport') S.evidenceImport(A);
    else if (w === 'evidenceLock') S.setTalkLock(A, B === "1");
    else if (w === 'evidenceUnsealAll') S.talkLockRemoved();
  } catch (e) { out = ""; }
  var n = lengthBytesUTF8(out) + 1; var p = _malloc(n); stringToUTF8(out, p, n); return p;
});
// The snapshot's bytes straight into the module's memory (no text conversion): returns the pointer (malloc'd,
// freed by C++), its length in *len.
EM_JS(char*, zj_js_take_snapshot, (int seq, int* len), {
  var S = Module.zjStorage;
  if (!S) { HEAP32[len >> 2] = 0; return 0; }
  var r = S.takeSnapshotInto(Module, seq);
  HEAP32[len >> 2] = r[1];
  return r[0];
});
// A part of the snapshot being written, copied out of the module's memory.
EM_JS(void, zj_js_snapshot_chunk, (const char* data, int n), {
  var S = Module.zjStorage;
  if (S) S.snapshotChunk(HEAPU8.slice(data, data + n));
});
// Evidence thumbnails as textures of the app's WebGL context (WebGL2 or WebGL1: RGBA8, no mipmaps, clamped, so
// any size works on WebGL1). Cache Module.zjThumbs.map: id -> {state: 'loading'|'ready'|'failed', tex, w, h, used};
// entries not asked for during 2.5 s are freed (checked every second). window.zjThumbs is the same object (tests).
EM_JS(int, zj_js_thumb_texture, (const char* id_ptr, int* wh), {
  var S = Module.zjStorage;
  if (!S || !S.evidenceThumbBitmap) return -1;
  var T = Module.zjThumbs;
  if (!T) {
    T = Module.zjThumbs = window.zjThumbs = { map: new Map(), created: 0, freed: 0 };
    T.free = function (e) {
      if (e.tex && GL.textures[e.tex]) { GLctx.deleteTexture(GL.textures[e.tex]); GL.textures[e.tex] = null; T.freed++; }
      e.tex = 0; e.state = 'freed';
    };
    T.stats = function () {
      var s = { ready: 0, loading: 0, failed: 0, created: T.created, freed: T.freed, ids: [] };
      T.map.forEach(function (e, k) { s[e.state] = (s[e.state] || 0) + 1; if (e.state === 'ready') s.ids.push(k); });
      return s;
    };
    setInterval(function () {
      var now = Date.now();
      T.map.forEach(function (e, k) { if (now - e.used > 2500) { T.free(e); T.map.delete(k); } });
    }, 1000);
  }
  var id = UTF8ToString(id_ptr);
  var e = T.map.get(id);
  if (!e) {
    e = { state: 'loading', tex: 0, w: 0, h: 0, used: Date.now() };
    T.map.set(id, e);
    S.evidenceThumbBitmap(id).then(function (bmp) {
      if (T.map.get(id) !== e) { if (bmp && bmp.close) bmp.close(); return; }  // freed while loading
      if (!bmp) { e.state = 'failed'; return; }
      var gl = GLctx;
      var t = gl.createTexture();
      var name = GL.getNewId(GL.textures);
      t.name = name;
      GL.textures[name] = t;
      var prev = gl.getParameter(gl.TEXTURE_BINDING_2D);
      var rowLength = gl.UNPACK_ROW_LENGTH ? gl.getParameter(gl.UNPACK_ROW_LENGTH) : 0;
      if (rowLength) gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
      gl.bindTexture(gl.TEXTURE_2D, t);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bmp);
      gl.bindTexture(gl.TEXTURE_2D, prev);
      if (rowLength) gl.pixelStorei(gl.UNPACK_ROW_LENGTH, rowLength);
      e.tex = name; e.w = bmp.width; e.h = bmp.height; e.state = 'ready'; T.created++;
      if (bmp.close) bmp.close();
    }).catch(function () { if (T.map.get(id) === e) e.state = 'failed'; });
  }
  e.used = Date.now();
  if (e.state === 'failed') return -1;
  if (e.state !== 'ready') return 0;
  HEAP32[wh >> 2] = e.w;
  HEAP32[(wh >> 2) + 1] = e.h;
  return e.tex;
});
// A liaison bundle with evidence: reads the photos (base64 JPEG) and notes of `ids`, adds them to the bundle
// text through zj_bundle_with_evidence (re-sealed checksum), then shares it like zj_js_share_file, and reports the
// outcome to zj_bundle_shared(request, ok, reason). The texts (many MB with photos) travel through malloc'd
// buffers: ccall's 'string' arguments live on the stack, which a bundle of a few hundred photos overflows.
EM_JS(void, zj_js_share_bundle_with_evidence, (const char* name, const char* text, const char* ids, int request), {
  var nm = UTF8ToString(name), tx = UTF8ToString(text), want = JSON.parse(UTF8ToString(ids) || '[]');
  var report = function (ok, reason) {
    var n = lengthBytesUTF8(reason) + 1, p = _malloc(n);
    stringToUTF8(reason, p, n);
    _zj_bundle_shared(request, ok ? 1 : 0, p);
    _free(p);
  };
  var heapString = function (s) {
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    if (!p) throw new Error('out of memory');
    stringToUTF8(s, p, n);
    return p;
  };
  Module.zjStorage.evidenceRecordsForExport(want).then(function (ev) {
    var a = 0, b = 0, out = "";
    try {
      a = heapString(tx); b = heapString(JSON.stringify(ev));
      out = UTF8ToString(_zj_bundle_with_evidence(a, b));
    } finally { if (a) _free(a); if (b) _free(b); }
    if (!out) { window.zjLastShareError = 'bundle'; report(false, 'bundle'); return; }
    var bytes = new TextEncoder().encode(out);
    out = "";
    var file = null;
    try { file = new File([bytes], nm, { type: 'application/json' }); } catch (e) { file = null; }
    if (file && navigator.canShare && navigator.share && navigator.canShare({ files: [file] })) {
      window.zjLastShare = { name: nm, size: bytes.length };
      navigator.share({ files: [file], title: nm }).then(function () { report(true, ""); },
        function () { Module.zjDownload(nm, 'application/json', bytes); report(true, ""); });
    } else {
      Module.zjDownload(nm, 'application/json', bytes);
      report(true, "");
    }
  }).catch(function (e) { report(false, String((e && e.message) || e)); });
});
EM_JS(void, zj_js_share_file, (const char* name, const char* mime, const char* data, int size), {
  var bytes = HEAPU8.slice(data, data + size);
  var nm = UTF8ToString(name), mt = UTF8ToString(mime);
  var file = null;
  try { file = new File([bytes], nm, { type: mt }); } catch (e) { file = null; }
  if (file && navigator.canShare && navigator.share && navigator.canShare({ files: [file] })) {
    window.zjLastShare = { name: nm, size: bytes.length };
    navigator.share({ files: [file], title: nm }).catch(function () { Module.zjDownload(nm, mt, bytes); });
  } else {
    Module.zjDownload(nm, mt, bytes);
  }
});
EM_JS(char*, zj_js_local_time, (double ms, int for_file), {
  var d = new Date(ms);
  var p2 = function (n) { return String(n).padStart(2, '0'); };
  var day = d.getFullYear() + '-' + p2(d.getMonth() + 1) + '-' + p2(d.getDate());
  var s = for_file ? day + '-' + p2(d.getHours()) + p2(d.getMinutes()) : day + ' ' + p2(d.getHours()) + ':' + p2(d.getMinutes());
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});

//-----------------------------------------------------------------------------
// [SECTION] Platform port
//-----------------------------------------------------------------------------
namespace zj::platform {
namespace {
std::string Call(const char* what, const std::string& a = "", const std::string& b = "", const std::string& c = "") {
  char* p = zj_js_storage_call(what, a.c_str(), b.c_str(), c.c_str());
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
}  // namespace

std::string StorageInfoJson() { return Call("info"); }
std::string StorageTakeSnapshot(int seq) {
  int len = 0;
  char* p = zj_js_take_snapshot(seq, &len);
  std::string s = p && len > 0 ? std::string(p, static_cast<size_t>(len)) : std::string();
  std::free(p);
  return s;
}
std::string StorageTakeJournalJson() { return Call("journal"); }
void StoragePrepareSnapshot(int seq) { Call("prepare", std::to_string(seq)); }
void StorageKeepAside(int seq, const std::string& reason) { Call("aside", std::to_string(seq), reason); }
uint64_t StorageAppend(int epoch, const std::string& text, const std::string& sha256, const std::string& cmds_json) {
  return std::strtoull(Call("append", std::to_string(epoch), text, sha256 + cmds_json).c_str(), nullptr, 10);
}
uint64_t StorageSnapshotBegin(int epoch) {
  return std::strtoull(Call("snapBegin", std::to_string(epoch)).c_str(), nullptr, 10);
}
void StorageSnapshotChunk(const std::string& bytes) {
  zj_js_snapshot_chunk(bytes.data(), static_cast<int>(bytes.size()));
}
void StorageSnapshotCommit(uint64_t revision, bool locked) {
  Call("snapCommit", std::to_string(revision), locked ? "1" : "0");
}
void StorageSnapshotAbort() { Call("snapAbort"); }
std::string StorageTakeExternalJson() { return Call("external"); }
void ShareFile(const std::string& filename, const std::string& mime, const std::string& bytes) {
  zj_js_share_file(filename.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
std::string LocalTimeText(int64_t ms, bool for_file_name) {
  char* p = zj_js_local_time(static_cast<double>(ms), for_file_name ? 1 : 0);
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
std::string EvidenceListJson() { return Call("evidenceList"); }
void EvidenceRefresh() { Call("evidenceRefresh"); }
void EvidencePickPhotos(const std::string& kind, const std::string& id) { Call("evidencePick", kind, id); }
void EvidenceAddText(const std::string& kind, const std::string& id, const std::string& text) {
  Call("evidenceText", kind, id, text);
}
void EvidenceOpen(const std::string& id) { Call("evidenceOpen", id); }
void EvidenceDelete(const std::string& id) { Call("evidenceDelete", id); }
std::string EvidenceStatusJson() { return Call("evidenceStatus"); }
void ExportBackupWithEvidence(const std::string& filename, const std::string& dataset_text) {
  Call("backupWithEvidence", filename, dataset_text);
}
void EvidenceImport(const std::string& evidence_json) { Call("evidenceImport", evidence_json); }
void EvidenceTalkLock(const std::string& salt, bool open) { Call("evidenceLock", salt, open ? "1" : ""); }
void EvidenceUnsealAll() { Call("evidenceUnsealAll"); }
int EvidenceThumbTexture(const std::string& id, int* width, int* height) {
  int wh[2] = {0, 0};
  const int tex = zj_js_thumb_texture(id.c_str(), wh);
  if (tex > 0) {
    *width = wh[0];
    *height = wh[1];
  }
  return tex;
}
namespace {
// Bundles being made (request id -> what to do when the JS side reports).
std::map<int, std::function<void(bool, const std::string&)>>& BundleRequests() {
  static std::map<int, std::function<void(bool, const std::string&)>> m;
  return m;
}
}  // namespace
void ShareBundleWithEvidence(const std::string& filename, const std::string& bundle_text, const std::string& evidence_ids,
                             std::function<void(bool, const std::string&)> done) {
  static int next = 1;
  const int request = next++;
  BundleRequests()[request] = std::move(done);
  zj_js_share_bundle_with_evidence(filename.c_str(), bundle_text.c_str(), evidence_ids.c_str(), request);
}

}  // namespace zj::platform

//-----------------------------------------------------------------------------
// [SECTION] Entry points called by web/storage.js
//-----------------------------------------------------------------------------
extern "C" {
/// Lower-case hex SHA-256 of a UTF-8 string (web/storage.js uses it where crypto.subtle is missing).
EMSCRIPTEN_KEEPALIVE const char* zj_sha256_hex(const char* text) {
  static std::string s;
  s = zj::Sha256Hex(text ? text : "");
  return s.c_str();
}
/// The JS side made (ok = 1) or could not make (ok = 0, `reason`) the bundle of ShareBundleWithEvidence `request`.
EMSCRIPTEN_KEEPALIVE void zj_bundle_shared(int request, int ok, const char* reason) {
  auto& m = zj::platform::BundleRequests();
  auto it = m.find(request);
  if (it == m.end()) return;
  auto done = std::move(it->second);
  m.erase(it);
  if (done) done(ok != 0, reason ? reason : "");
}
/// A liaison bundle (BundleToJson text) with `evidence_json` (JSON array) attached and its checksum sealed again
/// (core AttachBundleEvidence); "" when either is invalid.
EMSCRIPTEN_KEEPALIVE const char* zj_bundle_with_evidence(const char* bundle_text, const char* evidence_json) {
  static std::string s;
  const nlohmann::json ev = nlohmann::json::parse(evidence_json ? evidence_json : "", nullptr, false);
  s = zj::AttachBundleEvidence(bundle_text ? bundle_text : "", ev);
  return s.c_str();
}
}
