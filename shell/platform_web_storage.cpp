// [SECTION] Platform port, web implementation of storage, sharing and evidence (issue 7; web/storage.js)
// [SECTION] Entry points called by web/storage.js (autosave polling, SHA-256)
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "core/idnumber.h"
#include "shell/platform.h"

// Strings from JS are returned malloc'd; C++ frees them.
EM_JS(char*, zj_js_storage_call, (const char* what, const char* a, const char* b, const char* c), {
  var S = Module.zjStorage;
  var w = UTF8ToString(what), A = UTF8ToString(a), B = UTF8ToString(b), C = UTF8ToString(c);
  var out = '';
  try {
    if (!S) out = (w === 'info') ? '{}' : (w === 'evidenceList' ? '[]' : '');
    else if (w === 'info') out = JSON.stringify(S.info());
    else if (w === 'text') { var t = S.text(Number(A)); out = t == null ? '' : t; }
    else if (w === 'aside') S.keepAside(Number(A), B);
    else if (w === 'external') { var x = S.takeExternal(); out = x == null ? '' : x; }
    else if (w === 'evidenceList') out = JSON.stringify(S.evidenceList());
    else if (w === 'evidenceRefresh') S.evidenceRefresh();
    else if (w === 'evidencePick') S.evidencePickPhotos(A, B);
    else if (w === 'evidenceText') S.evidenceAddText(A, B, C);
    else if (w === 'evidenceOpen') S.evidenceOpen(A);
    else if (w === 'evidenceDelete') S.evidenceDelete(A);
    else if (w === 'evidenceStatus') out = JSON.stringify(S.evidenceStatus());
    else if (w === 'backupWithEvidence') S.exportBackupWithEvidence(A, B);
    else if (w === 'evidenceImport') S.evidenceImport(A);
  } catch (e) { out = ''; }
  var n = lengthBytesUTF8(out) + 1; var p = _malloc(n); stringToUTF8(out, p, n); return p;
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
std::string StorageSnapshotText(int seq) { return Call("text", std::to_string(seq)); }
void StorageKeepAside(int seq, const std::string& reason) { Call("aside", std::to_string(seq), reason); }
std::string StorageTakeExternal() { return Call("external"); }
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
}
