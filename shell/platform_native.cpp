// Zhengjian shell: the platform port for native builds (headless UI tests, tests/ui): an in-memory fake
// of everything platform.h reaches in the browser, driven and inspected through shell/platform_native.h.
// Not part of the wasm app (shell/CMakeLists.txt leaves *_native.cpp out).
#include "shell/platform_native.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <functional>
#include <utility>

#include <nlohmann/json.hpp>

namespace zj::platform {
namespace {
struct State {
  int64_t now_ms = 0;
  std::string today;
  uint64_t random = 0;
  std::map<std::string, std::string> settings;
  std::deque<PickedFile> queued;
  std::deque<std::function<void(PickedFile)>> waiting;
  std::vector<std::string> pick_requests;
  std::vector<native::OutFile> outputs;
  std::vector<native::Call> calls;
  std::string storage_info;
  std::map<std::string, std::string> test_values;
  std::map<std::string, std::string> url_params;
  std::string evidence_list = "[]";
  std::function<void(const std::string&)> qr_handler;
  bool qr_open = false;
  // Storage: what a test loads at start, and what the app wrote (journal entries, committed snapshots).
  std::string load_snapshot, load_journal;
  std::vector<native::StoredEntry> journal;
  std::string snapshot_building;
  int snapshot_epoch = 0;
  std::vector<std::string> snapshots;
  // The talk lock stand-in (LockRequest below).
  std::string lock_key;  ///< the passphrase while "unlocked"
  std::map<int, std::string> lock_results;
  int lock_next = 1;
};
// The port's state, process-wide like the browser it stands in for; each UI test starts it afresh (Reset).
State& St() {
  static State s;
  return s;
}
void Record(const char* what, std::vector<std::string> args = {}) { St().calls.push_back({what, std::move(args)}); }
// 2026-03-25 09:00 in China (UTC+8) = 01:00 UTC.
constexpr int64_t kDefaultNow = 1774400400000LL;
constexpr int64_t kUtcOffsetMs = 8LL * 3600 * 1000;  // local time of the fake: China Standard Time
}  // namespace

namespace native {
void Reset() {
  St() = State{};
  St().now_ms = kDefaultNow;
  St().today = "2026-03-25";
  St().random = 0x5A4A2026ull;
  St().storage_info =
      R"({"backend":"memory","origin":"native","pointer":null,"snapshots":[],"aside":0,"writer":true,)"
      R"("persisted":null,"usage":null,"quota":null,"lastSavedMs":0,"saves":0,"lastError":"",)"
      R"("deviceId":"0123456789abcdef","evidenceCount":0,"evidenceBytes":0,"warnings":[]})";
}
void SetNowMs(int64_t ms) { St().now_ms = ms; }
void AdvanceMs(int64_t ms) { St().now_ms += ms; }
void SetToday(const std::string& iso) { St().today = iso; }
void SetRandom(uint64_t value) { St().random = value; }
std::map<std::string, std::string>& Settings() { return St().settings; }
void QueuePickedFile(const std::string& name, const std::string& bytes) { St().queued.push_back({name, bytes}); }
const std::vector<std::string>& PickRequests() { return St().pick_requests; }
int DeliverPickedFiles() {
  int n = 0;
  while (!St().waiting.empty() && !St().queued.empty()) {
    auto done = std::move(St().waiting.front());
    St().waiting.pop_front();
    PickedFile f = std::move(St().queued.front());
    St().queued.pop_front();
    done(std::move(f));
    ++n;
  }
  return n;
}
const std::vector<OutFile>& Outputs() { return St().outputs; }
const OutFile* LastOutput(const std::string& kind) {
  for (auto it = St().outputs.rbegin(); it != St().outputs.rend(); ++it)
    if (it->kind == kind) return &*it;
  return nullptr;
}
const std::vector<Call>& Calls() { return St().calls; }
void SetStorageInfo(const std::string& json) { St().storage_info = json; }
void SetStoredData(const std::string& snapshot, const std::string& journal_json) {
  St().load_snapshot = snapshot;
  St().load_journal = journal_json;
}
const std::vector<StoredEntry>& StoredJournal() { return St().journal; }
const std::vector<std::string>& StoredSnapshots() { return St().snapshots; }
std::map<std::string, std::string>& TestValues() { return St().test_values; }
void SetUrlParam(const std::string& name, const std::string& value) { St().url_params[name] = value; }
void SetEvidenceListJson(const std::string& list) { St().evidence_list = list; }
}  // namespace native

// ---- platform.h ------------------------------------------------------------------------------------
bool SystemHasGlyph(unsigned) { return false; }
bool RasterGlyph(unsigned, float, GlyphBitmap&) { return false; }  // no system fonts without a browser

int64_t NowMs() {
  if (St().today.empty()) native::Reset();  // first use without an explicit Reset
  return St().now_ms;
}
std::string TodayIso() {
  if (St().today.empty()) native::Reset();
  return St().today;
}
uint64_t RandomU64() { return St().random++; }

std::string GetSetting(const std::string& key) {
  auto f = St().settings.find(key);
  return f == St().settings.end() ? "" : f->second;
}
void SetSetting(const std::string& key, const std::string& value) {
  if (value.empty()) St().settings.erase(key);  // as the web port: "" removes the key
  else St().settings[key] = value;
}

void FilePicked(int, const char*, const char*, int) {}  // the web port's entry; natively DeliverPickedFiles
void PickFile(const std::string& accept, std::function<void(PickedFile)> done) {
  St().pick_requests.push_back(accept);
  St().waiting.push_back(std::move(done));
}
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& bytes) {
  St().outputs.push_back({"download", filename, mime, bytes});
}
bool OpenHtml(const std::string& filename, const std::string& html) {
  St().outputs.push_back({"html", filename, "", html});
  return true;
}

std::string StorageInfoJson() { return St().storage_info; }
std::string StorageTakeSnapshot(int seq) {
  Record("StorageTakeSnapshot", {std::to_string(seq)});
  std::string out;
  out.swap(St().load_snapshot);
  return out;
}
std::string StorageTakeJournalJson() {
  Record("StorageTakeJournal");
  std::string out = St().load_journal.empty() ? "[]" : St().load_journal;
  St().load_journal.clear();
  return out;
}
void StoragePrepareSnapshot(int seq) { Record("StoragePrepareSnapshot", {std::to_string(seq)}); }
void StorageKeepAside(int seq, const std::string& reason) { Record("StorageKeepAside", {std::to_string(seq), reason}); }
uint64_t StorageAppend(int epoch, const std::string& text, const std::string&, const std::string&) {
  St().journal.push_back({epoch, text});
  return St().journal.size();
}
uint64_t StorageSnapshotBegin(int epoch) {
  St().snapshot_building = std::string();
  St().snapshot_epoch = epoch;
  return St().journal.size() + 1;
}
void StorageSnapshotChunk(const std::string& bytes) { St().snapshot_building += bytes; }
void StorageSnapshotCommit(uint64_t, bool) {
  St().snapshots.push_back(St().snapshot_building);
  St().snapshot_building.clear();
}
void StorageSnapshotAbort() { St().snapshot_building.clear(); }
std::string StorageTakeExternalJson() {
  Record("StorageTakeExternal");
  return R"({"load":false,"journal":[]})";
}
void ShareFile(const std::string& filename, const std::string& mime, const std::string& bytes) {
  St().outputs.push_back({"share", filename, mime, bytes});
}
std::string LocalTimeText(int64_t ms, bool for_file_name) {
  const int64_t local = ms + kUtcOffsetMs;
  int64_t days = local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
  const int64_t in_day = local - days * 86400000;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  const int hh = static_cast<int>(in_day / 3600000), mm = static_cast<int>(in_day / 60000 % 60);
  char buf[40];
  if (for_file_name) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d-%02d%02d", y, m, d, hh, mm);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", y, m, d, hh, mm);
  return buf;
}
std::string EvidenceListJson() { return St().evidence_list; }
void EvidenceRefresh() { Record("EvidenceRefresh"); }
void EvidencePickPhotos(const std::string& kind, const std::string& id) { Record("EvidencePickPhotos", {kind, id}); }
void EvidenceAddText(const std::string& kind, const std::string& id, const std::string& text) {
  Record("EvidenceAddText", {kind, id, text});
}
void EvidenceOpen(const std::string& id) { Record("EvidenceOpen", {id}); }
void EvidenceDelete(const std::string& id) { Record("EvidenceDelete", {id}); }
void ExportBackupWithEvidence(const std::string& filename, const std::string& dataset_text) {
  Record("ExportBackupWithEvidence", {filename});
  St().outputs.push_back({"download", filename, "application/json", dataset_text});
}
void EvidenceImport(const std::string& evidence_json) { Record("EvidenceImport", {evidence_json}); }
void EvidenceTalkLock(const std::string& salt, bool open) { Record("EvidenceTalkLock", {salt, open ? "open" : "closed"}); }
void EvidenceUnsealAll() { Record("EvidenceUnsealAll"); }
std::string EvidenceStatusJson() { return ""; }
int EvidenceThumbTexture(const std::string&, int*, int*) { return -1; }
void ShareBundleWithEvidence(const std::string& filename, const std::string& bundle_text, const std::string& ids,
                             std::function<void(bool, const std::string&)> done) {
  Record("ShareBundleWithEvidence", {filename, ids});
  St().outputs.push_back({"share", filename, "application/json", bundle_text});
  if (done) done(true, "");
}

std::string UrlParam(const std::string& name) {
  auto f = St().url_params.find(name);
  return f == St().url_params.end() ? "" : f->second;
}
std::string PageAddress() { return ""; }  // like a file:// page
void OpenSpace(bool demo) { Record("OpenSpace", {demo ? "demo" : "town"}); }
void SetQrTextHandler(std::function<void(const std::string&)> on_text) { St().qr_handler = std::move(on_text); }
void StartQrScan() {
  Record("StartQrScan");
  St().qr_open = true;
}
void StopQrScan() {
  Record("StopQrScan");
  St().qr_open = false;
}
bool QrScanOpen() { return St().qr_open; }
void SetQrScanStatus(const std::string& status) { Record("SetQrScanStatus", {status}); }
void PublishTestValue(const std::string& key, const std::string& value) { St().test_values[key] = value; }
// Collation (sorting by name): code-point order here (UTF-8 byte order is code-point order); the
// browser sorts by pinyin (platform_web.cpp). Equal texts share a rank.
std::vector<std::string> PinyinInitials(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const std::string& t : texts) {
    std::string s;
    for (unsigned char c : t)
      if (std::isalnum(c)) s.push_back(static_cast<char>(std::tolower(c)));
    out.push_back(s);
  }
  return out;
}

std::vector<int32_t> CollationRanks(const std::vector<std::string>& texts) {
  std::vector<int32_t> order(texts.size()), ranks(texts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return texts[static_cast<size_t>(a)] < texts[static_cast<size_t>(b)]; });
  for (size_t k = 0; k < order.size(); ++k)
    ranks[static_cast<size_t>(order[k])] =
        k > 0 && texts[static_cast<size_t>(order[k])] == texts[static_cast<size_t>(order[k - 1])] ? ranks[static_cast<size_t>(order[k - 1])]
                                                                                                 : static_cast<int32_t>(k);
  return ranks;
}

// Talk lock: a stand-in for web/lock.js with the same operations and results, answered at once.
// NOT encryption: the "ciphertext" is the hex of passphrase|id|text, so headless tests can check which
// passphrase sealed what. The real one is WebCrypto (browser tests, tests/browser/lock.test.mjs).
namespace {
std::string Hex(const std::string& s) {
  static const char* d = "0123456789abcdef";
  std::string o;
  for (unsigned char c : s) o += {d[c >> 4], d[c & 15]};
  return o;
}
std::string Unhex(const std::string& h) {
  std::string o;
  for (size_t i = 0; i + 1 < h.size(); i += 2) o += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return o;
}
}  // namespace

int LockRequest(const std::string& op, const std::string& args_json) {
  using nlohmann::json;
  Record("LockRequest", {op});
  const json a = json::parse(args_json, nullptr, false);
  json r = {{"ok", true}};
  const std::string check = "zhengjian-talk-lock-v1";
  if (op == "create") {
    St().lock_key = a.value("passphrase", std::string());
    r["lock"] = {{"iterations", a.value("iterations", 600000)}, {"salt", "bmF0aXZlLXNhbHQtMDAwMA=="},
                 {"check", {{"iv", "native"}, {"ct", Hex(St().lock_key + "|talk-lock-check|" + check)}}}};
  } else if (op == "unlock") {
    const std::string p = a.value("passphrase", std::string());
    if (a["lock"]["check"].value("ct", std::string()) == Hex(p + "|talk-lock-check|" + check)) St().lock_key = p;
    else r = {{"ok", false}, {"error", "wrong"}};
  } else if (op == "seal" || op == "open") {
    if (St().lock_key.empty()) {
      r = {{"ok", false}, {"error", "locked"}};
    } else {
      json items = json::array();
      for (const auto& it : a.value("items", json::array())) {
        const std::string id = it.value("id", std::string());
        if (op == "seal") {
          items.push_back({{"id", id}, {"iv", "native"}, {"ct", Hex(St().lock_key + "|" + id + "|" + it.value("plain", std::string()))}});
        } else {
          const std::string t = Unhex(it.value("ct", std::string())), prefix = St().lock_key + "|" + id + "|";
          if (t.compare(0, prefix.size(), prefix) == 0) items.push_back({{"id", id}, {"plain", t.substr(prefix.size())}});
          else items.push_back({{"id", id}, {"error", "fail"}});
        }
      }
      r["items"] = items;
    }
  } else if (op == "close") {
    St().lock_key.clear();
  } else {
    r = {{"ok", false}, {"error", "unknown"}};
  }
  const int n = St().lock_next++;
  St().lock_results[n] = r.dump();
  return n;
}

std::string LockTakeResult(int n) {
  auto it = St().lock_results.find(n);
  if (it == St().lock_results.end()) return "";
  std::string s = std::move(it->second);
  St().lock_results.erase(it);
  return s;
}

}  // namespace zj::platform
