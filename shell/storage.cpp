// [SECTION] Strings
// [SECTION] Opening the saved dataset (start, recovery, a reader tab following the writer)
// [SECTION] Writing: the journal after every change, a snapshot now and then (a slice per frame)
// [SECTION] The save state the user sees
// [SECTION] Entry points called by web/storage.js
//
// docs/architecture.md "Storage": the dataset is kept as one snapshot plus a journal. Every change (a command, an
// undo, a bundle import) is written as one small journal entry at the end of the frame that made it: on disk in
// milliseconds, whatever the town's size. A full snapshot is written now and then from the live dataset, a few
// milliseconds of work per frame (core/data/snapshot.h), and the journal it holds is then cut. At start the
// snapshot is read and verified and its journal replayed; older snapshots are checked only when the user opens
// recovery.
#include "shell/storage.h"

#include "shell/app.h"

#include "shell/talk_lock.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE  // native build (headless UI tests): plain functions
#endif

#include <algorithm>
#include <memory>

#include "core/data/journal.h"
#include "core/data/snapshot.h"
#include "core/demo/demo.h"
#include "core/org/idnumber.h"
#include "imgui.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
//-----------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------
const Tr kReadOnly{"另一个标签页正在编辑这份数据:本页只读,那边保存的修改会自动显示在这里。关闭那个标签页后,本页即可编辑。",
                   "Another tab is editing this data: this tab is read-only and shows that tab's saved changes. "
                   "Close that tab to edit here."};
const Tr kReadOnlyProblem{"本页只读:另一个标签页正在编辑这份数据,请在那个标签页修改(或关闭它后在这里修改)。",
                          "Read-only: another tab is editing this data; edit there (or close it and edit here)."};
const Tr kBlockedTitle{"本机保存的数据有问题,已原样保留,没有覆盖。", "The data saved in this browser has a problem; it was kept as it is, not overwritten."};
const Tr kRecoverGo{"去恢复…", "Recover…"};
const Tr kSaveFailed{"最新的修改没能保存到浏览器(正在重试,关闭页面前请先导出备份):",
                     "The latest changes could not be saved in the browser (retrying; export a backup before closing): "};
const Tr kQuotaFull{"浏览器存储空间已满,最新修改仍在本页中,上一次保存的数据完好。请立即“导出备份”,再删除不需要的照片。",
                    "Browser storage is full: the latest changes are still in this page and the last saved copy is intact. "
                    "Export a backup now, then delete photos you do not need."};
const Tr kQuotaSmall{"本浏览器只能用一小块备用存储(localStorage,约5 MB),已存不下这份数据:最新修改仍在本页中,请立即“导出备份”,并换用允许 IndexedDB 的浏览器。",
                     "This browser only offers a small fallback store (localStorage, about 5 MB) and this data no longer fits: "
                     "the latest changes are still in this page. Export a backup now and use a browser that allows IndexedDB."};
const Tr kNoStorage{"本浏览器不允许本页保存数据(可能是无痕/隐私窗口):关闭页面后所有修改都会丢失。请用普通窗口打开,或随时“导出备份”。",
                    "This browser does not let the page keep data (a private window?): every change is lost when the page "
                    "closes. Open it in a normal window, or export backups as you go."};
const Tr kChecksumBad{"校验和不符(数据可能已损坏)", "checksum mismatch (the data may be damaged)"};
const Tr kRefused{"无法读取", "unreadable"};
const Tr kProblems{"有问题", "has problems"};
const Tr kMissing{"找不到当前版本", "the current copy is missing"};
const Tr kRecovered{"已从快照恢复", "Recovered from the snapshot of"};
const Tr kStartedOver{"已改用示例数据重新开始,原来保存的各版本仍保留在浏览器中。",
                      "Started over with the demo town; every stored copy is still kept in the browser."};
const Tr kNoPointer{"上次保存没有完成(浏览器在保存时被关闭):已从最近一份完整的数据打开,没有丢弃任何版本。",
                    "The last save did not finish (the browser closed while saving): opened from the latest complete copy; "
                    "no copy was discarded."};
const Tr kJournalBad{"条修改记录校验不符,已另存,其余数据已打开。请核对最近的修改。",
                     "change records failed their checksum and were kept aside; the rest is open. Check your latest changes."};
const Tr kJournalUnfinished{"条修改记录属于一次没有保存完成的整体替换(导入备份或恢复),已另存,数据停留在替换前。请重新导入。",
                            "change records belong to a replacement (backup import or recovery) that never finished saving; "
                            "they were kept aside and the data is as before it. Import again."};
const Tr kSaved{"已保存", "Saved"};
const Tr kSaving{"正在保存…", "Saving…"};
const Tr kSavingShort{"保存中", "Saving"};
const Tr kNotSaved{"未保存!", "Not saved!"};
const Tr kNotKept{"不会保存", "Not kept"};
const StringTable kTable{&kReadOnly, &kReadOnlyProblem, &kBlockedTitle, &kRecoverGo, &kSaveFailed, &kQuotaFull,
                         &kQuotaSmall, &kNoStorage, &kChecksumBad, &kRefused, &kProblems, &kMissing, &kRecovered,
                         &kStartedOver, &kNoPointer, &kJournalBad, &kJournalUnfinished, &kSaved, &kSaving, &kSavingShort,
                         &kNotSaved, &kNotKept};

// When to write a new snapshot (and cut the journal): journal entries or bytes since the last one.
constexpr int kSnapshotAfterEntries = 300;
constexpr size_t kSnapshotAfterBytes = 2u << 20;
// Work per frame on a snapshot: records per step, and the time after which the frame's slice ends (ms).
constexpr size_t kSliceRecords = 1500;
constexpr double kSliceMs = 6.0;
// Below this many members + point entries a snapshot is written in one go (well under 50 ms).
constexpr size_t kWholeAtOnce = 20000;

// The page's one App, for the entry points web/storage.js calls between frames (process-wide, like the browser
// storage it stands for; StorageOpen sets it).
App* g_app = nullptr;

// The writer's state.
struct Writer {
  const Workspace* ws = nullptr;       // the workspace whose changes are observed
  int epoch = 0;                       // replacements of the dataset so far (web/storage.js "epoch")
  bool has_snapshot = false;           // a snapshot of this epoch is stored (else the first change writes one)
  std::unique_ptr<SnapshotWriter> snap;
  bool snap_reset = false;             // the snapshot in progress follows a replacement: nothing is safe until done
  int entries = 0;                     // journal entries since the last snapshot
  size_t bytes = 0;
  bool want_snapshot = false;
  bool stored_locked = false;          // the stored snapshot holds a talk lock (its talk records sealed)
  bool reset_pending = false;          // a dataset adopted from recovery or a fresh start: stored whole, as a new epoch
  double retry_after = 0;              // a failed snapshot is retried after this time (ms)
  int failed_seen = 0;
  std::string chunk;
} g_w;

nlohmann::json ParseInfo() {
  nlohmann::json j = nlohmann::json::parse(platform::StorageInfoJson(), nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}
/// Starts a new workspace on `d` (no undo history), stamped with this profile's device id: through App::Emit, applied
/// after the frame (at start-up, StorageOpen applies it at once).
void EmitAdopt(App& app, Dataset d) { app.Emit(change::Adopt{std::move(d), app.storage.device}); }
void AbortSnapshot() {
  if (g_w.snap) platform::StorageSnapshotAbort();
  g_w.snap.reset();
  g_w.snap_reset = false;
}
}  // namespace

std::string LocalTimeText(TimestampMs t) { return platform::LocalTimeText(t); }

//-----------------------------------------------------------------------------
// [SECTION] Opening the saved dataset
//-----------------------------------------------------------------------------
namespace {

// Builds the dataset from the snapshot read at start and its journal. Returns false (and sets the problem) when
// the snapshot cannot be used.
bool OpenStored(App& app, const nlohmann::json& load) {
  StorageState& s = app.storage;
  const std::string state = load.value("state", std::string("none"));
  const int seq = load.value("seq", 0);
  s.current_seq = seq;
  g_w.epoch = load.value("epoch", 0);
  if (state == "none") return true;
  auto block = [&](const char* why_zh, const char* why_en, const std::string& detail) {
    if (seq) platform::StorageKeepAside(seq, why_en);
    s.blocked = true;
    s.problem_zh = std::string(kBlockedTitle.zh) + " 当前版本(#" + std::to_string(seq) + "):" + why_zh + detail + "。";
    s.problem_en = std::string(kBlockedTitle.en) + " Current copy (#" + std::to_string(seq) + "): " + why_en + detail + ".";
    return false;
  };
  if (state == "bad") {
    const std::string reason = load.value("reason", std::string());
    if (reason == "checksum") return block(kChecksumBad.zh, kChecksumBad.en, "");
    return block(kMissing.zh, kMissing.en, "");
  }
  const std::string text = platform::StorageTakeSnapshot(0);
  LoadResult r = LoadDataset(text);
  if (r.refused) return block(kRefused.zh, kRefused.en, "");
  if (!r.ok) return block(kProblems.zh, kProblems.en, " (" + std::to_string(r.problems.size()) + ")");
  g_w.stored_locked = r.dataset.campaign.talk_lock.has_value();  // as the snapshot holds it
  // The journal on top.
  const nlohmann::json journal = nlohmann::json::parse(platform::StorageTakeJournalJson(), nullptr, false);
  int replayed = 0, failed = 0;
  if (journal.is_array())
    for (const auto& e : journal) {
      Problem p;
      if (e.is_object() && e.contains("text") && e["text"].is_string() &&
          ApplyJournalEntry(r.dataset, e["text"].get_ref<const std::string&>(), p))
        ++replayed;
      else
        ++failed;
    }
  EmitAdopt(app, std::move(r.dataset));
  g_w.has_snapshot = true;
  s.loaded_saved = true;
  s.replayed = replayed;
  // Old schema, a long journal, or no pointer: write a fresh snapshot soon.
  g_w.want_snapshot = r.source_version < kSchemaVersion || replayed > 100 || state == "nopointer" || failed > 0;
  int bad = failed, unfinished = 0;
  if (load.contains("problems") && load["problems"].is_array())
    for (const auto& p : load["problems"]) (p.value("reason", std::string()) == "unfinished" ? unfinished : bad)++;
  std::string zh, en;
  if (state == "nopointer") {
    zh += kNoPointer.zh;
    en += kNoPointer.en;
  }
  if (bad) {
    zh += std::to_string(bad) + " " + kJournalBad.zh;
    en += std::to_string(bad) + " " + kJournalBad.en;
  }
  if (unfinished) {
    zh += std::to_string(unfinished) + " " + kJournalUnfinished.zh;
    en += std::to_string(unfinished) + " " + kJournalUnfinished.en;
  }
  s.notice_zh = zh;
  s.notice_en = en;
  return true;
}

}  // namespace

void StorageOpen(App& app) {
  g_app = &app;
  g_w = Writer{};
  StorageState& s = app.storage;
  s = StorageState{};
  s.info = ParseInfo();
  s.device = s.info.value("deviceId", std::string());
  if (s.device.empty()) s.device = app.ws->device();
  // The demo town, stamped with this profile's device id (records it writes are its own).
  EmitAdopt(app, app.data());
  const nlohmann::json load = s.info.contains("load") ? s.info["load"] : nlohmann::json::object();
  OpenStored(app, load);
  app.ApplyEmitted();    // no frame runs yet: the stored dataset (or the demo town) is the app's now
  app.ws->TakeDirty();  // what was loaded is stored already
  for (const auto& j : s.info.value("snapshots", nlohmann::json::array())) {
    SnapshotCheck c;
    c.seq = j.value("seq", 0);
    c.time = j.value("time", int64_t{0});
    c.size = j.value("size", size_t{0});
    if (c.seq == s.current_seq && s.loaded_saved) {
      c.checked = c.checksum_ok = c.load_ok = true;
      c.town = app.data().org.town_name;
    }
    s.snapshots.push_back(c);
  }
}

void StorageCheckSnapshots(App& app) {
  StorageState& s = app.storage;
  const nlohmann::json prepared = s.info.value("prepared", nlohmann::json::object());
  for (SnapshotCheck& c : s.snapshots) {
    if (c.checked) continue;
    const std::string key = std::to_string(c.seq);
    if (!prepared.contains(key)) {
      if (!c.asked) platform::StoragePrepareSnapshot(c.seq);
      c.asked = true;
      continue;
    }
    const std::string state = prepared[key].value("state", std::string());
    if (state == "reading") continue;
    c.checked = true;
    if (state != "ok") continue;
    c.checksum_ok = true;
    LoadResult r = LoadDataset(platform::StorageTakeSnapshot(c.seq));
    c.load_ok = r.ok;
    c.refused = r.refused;
    c.problems = static_cast<int>(r.problems.size());
    c.town = r.dataset.org.town_name;
    if (!r.refused) s.checked_data[c.seq] = std::make_shared<Dataset>(std::move(r.dataset));
    return;  // one a frame: checking a full-size town takes a moment
  }
}

namespace {
/// The data adopted in this frame (or the demo kept) becomes a new epoch: stored whole at the end of the frame,
/// then the pointer moves; saving is unblocked.
void BeginNewEpoch(StorageState& s) {
  s.blocked = false;
  g_w.has_snapshot = false;  // a change in this frame starts the new epoch's snapshot itself
  g_w.reset_pending = true;
}
}  // namespace

bool StorageRecover(App& app, int seq) {
  StorageState& s = app.storage;
  auto it = s.checked_data.find(seq);
  if (it == s.checked_data.end()) {
    s.message_zh = "快照 #" + std::to_string(seq) + " 无法读取";
    s.message_en = "Snapshot #" + std::to_string(seq) + " cannot be read";
    return false;
  }
  TimestampMs t = 0;
  for (const auto& c : s.snapshots)
    if (c.seq == seq) t = c.time;
  AbortSnapshot();
  if (s.blocked) {
    EmitAdopt(app, *it->second);
    BeginNewEpoch(s);
  } else {
    app.Emit(change::Replace{*it->second, "storage.recover"});
  }
  s.blocked = false;
  s.loaded_saved = true;
  s.message_zh = std::string(kRecovered.zh) + " #" + std::to_string(seq) + " (" + LocalTimeText(t) + ")";
  s.message_en = std::string(kRecovered.en) + " #" + std::to_string(seq) + " (" + LocalTimeText(t) + ")";
  return true;
}

void StorageStartOver(App& app) {
  StorageState& s = app.storage;
  AbortSnapshot();
  BeginNewEpoch(s);  // the demo town held now
  s.message_zh = kStartedOver.zh;
  s.message_en = kStartedOver.en;
}

void StorageStartNew(App& app, Dataset data) {
  StorageState& s = app.storage;
  AbortSnapshot();
  EmitAdopt(app, std::move(data));
  BeginNewEpoch(s);
  s.loaded_saved = true;
  s.message_zh.clear();
  s.message_en.clear();
}

//-----------------------------------------------------------------------------
// [SECTION] Each frame: reader tabs, banner
//-----------------------------------------------------------------------------
void StorageFrame(App& app) {
  StorageState& s = app.storage;
  const double now = static_cast<double>(platform::NowMs());
  if (now - s.info_ms > 500) {
    s.info_ms = now;
    s.info = ParseInfo();
  }
  app.read_only = s.info.contains("writer") && !s.info.value("writer", true);
  if (s.info.value("externalLoad", false) || s.info.value("externalJournal", 0) > 0) {
    const nlohmann::json ext = nlohmann::json::parse(platform::StorageTakeExternalJson(), nullptr, false);
    s.info["externalLoad"] = false;
    s.info["externalJournal"] = 0;
    if (!ext.is_object()) return;
    if (ext.value("load", false)) {
      AbortSnapshot();
      s.info = ParseInfo();
      s.blocked = false;
      OpenStored(app, s.info.contains("load") ? s.info["load"] : nlohmann::json::object());  // a new workspace: nothing dirty
    } else if (ext.contains("journal") && ext["journal"].is_array() && !ext["journal"].empty()) {
      change::Follow f;
      for (const auto& t : ext["journal"])
        if (t.is_string()) f.journal.push_back(t.get<std::string>());
      app.Emit(std::move(f));
    }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
namespace {

void ObserveWorkspace(App& app) {
  if (g_w.ws == app.ws.get()) return;
  AbortSnapshot();  // it was taken from a dataset that is gone
  g_w.ws = app.ws.get();
  app.ws->SetChangeObserver([](const ChangeSet& cs, bool forward) {
    if (g_w.snap) g_w.snap->OnChange(cs, forward);
  });
}

void StartSnapshot(App& app, bool reset) {
  if (reset) {
    AbortSnapshot();
    ++g_w.epoch;
  } else if (g_w.snap) {
    return;
  }
  platform::StorageSnapshotBegin(g_w.epoch);
  g_w.snap = std::make_unique<SnapshotWriter>(app.data());
  g_w.snap_reset = reset;
  g_w.want_snapshot = false;
}

// Writes the pending changes as one journal entry (or starts a whole snapshot after a replacement). False while
// the talk lock still has a record to seal (nothing readable may reach storage).
bool FlushChanges(App& app) {
  if (!app.ws || app.storage.blocked || app.read_only) return true;
  ObserveWorkspace(app);
  if (!app.ws->HasDirty()) return true;
  if (TalkLockHoldsSaving(app)) return false;
  Dirty d = app.ws->TakeDirty();
  if (d.reset || !g_w.has_snapshot) {
    // A new dataset (or the first change of one never stored): stored whole, as a new epoch. Its journal entries
    // wait on that snapshot; until it is written, the previous data is what a restart opens.
    StartSnapshot(app, true);
    g_w.has_snapshot = true;
    g_w.reset_pending = false;  // this snapshot is the one a recovery or fresh start asked for
    return true;
  }
  const std::string text = WriteJournalEntry(app.data(), d, platform::NowMs());
  platform::StorageAppend(g_w.epoch, text, Sha256Hex(text), nlohmann::json(d.commands).dump());
  ++g_w.entries;
  g_w.bytes += text.size();
  return true;
}

// A slice of the snapshot in progress (about kSliceMs of work), committed when complete.
void SnapshotSlice(App& app, bool to_the_end) {
  if (!g_w.snap) return;
  const double t0 = static_cast<double>(platform::NowMs());
  bool done = false;
  do {
    done = g_w.snap->Step(g_w.chunk, kSliceRecords);
    if (g_w.chunk.size() > (256u << 10) || done) {
      platform::StorageSnapshotChunk(g_w.chunk);
      g_w.chunk.clear();
    }
  } while (!done && (to_the_end || static_cast<double>(platform::NowMs()) - t0 < kSliceMs));
  if (!g_w.chunk.empty()) {
    platform::StorageSnapshotChunk(g_w.chunk);
    g_w.chunk.clear();
  }
  if (!done) return;
  platform::StorageSnapshotCommit(app.ws->revision(), app.data().campaign.talk_lock.has_value());
  g_w.stored_locked = app.data().campaign.talk_lock.has_value();
  g_w.snap.reset();
  g_w.snap_reset = false;
  g_w.entries = 0;
  g_w.bytes = 0;
}

}  // namespace

void StorageEndFrame(App& app) {
  if (!app.ws || app.storage.blocked || app.read_only) return;
  const nlohmann::json& info = app.storage.info;
  const bool flushed = FlushChanges(app);
  if (g_w.reset_pending && !g_w.snap) {
    g_w.reset_pending = false;
    g_w.has_snapshot = true;
    StartSnapshot(app, true);
  }
  const double now = static_cast<double>(platform::NowMs());
  // The talk lock was set: a sealed snapshot at once, which lets storage delete every older copy and journal entry
  // that holds talk records in clear (web/storage.js snapshotCommit, "locked").
  if (flushed && !g_w.stored_locked && app.data().campaign.talk_lock && !TalkLockHoldsSaving(app)) g_w.want_snapshot = true;
  const int failed = info.value("snapshotFailed", 0);
  if (failed > g_w.failed_seen) {  // a snapshot did not get written: try again in a while
    g_w.failed_seen = failed;
    g_w.retry_after = now + 10000;
    g_w.want_snapshot = true;
  }
  if (!g_w.snap && now >= g_w.retry_after && !info.value("snapshotting", false) &&
      (g_w.want_snapshot || info.value("needCompact", false) || g_w.entries >= kSnapshotAfterEntries ||
       g_w.bytes >= kSnapshotAfterBytes))
    StartSnapshot(app, false);
  // A small town (the demo, a few hundred members) is written at once: a few milliseconds.
  const size_t records = app.data().points.entries.size() + app.data().org.members.size();
  SnapshotSlice(app, records < kWholeAtOnce);
}

bool StorageUnsaved(const App& app) {
  return (app.ws && app.ws->HasDirty()) || g_w.snap_reset ||
         app.storage.info.value("unsaved", 0) > 0;
}

//-----------------------------------------------------------------------------
// [SECTION] The save state the user sees
//-----------------------------------------------------------------------------
namespace {
/// The save state's words: 不会保存 (no storage), 未保存! (an error or a queued write), 正在保存…, 已保存.
const Tr* SaveState(const App& app) {
  const nlohmann::json& info = app.storage.info;
  const std::string backend = info.value("backend", std::string());
  const bool error = !info.value("lastError", std::string()).empty() || info.value("queued", 0) > 0;
  return backend == "memory" ? &kNotKept : error ? &kNotSaved : StorageUnsaved(app) ? &kSaving : &kSaved;
}
/// The word shown for state `t`: on a phone 保存中 for 正在保存…, as wide as 已保存, so the header keeps its lines.
const Tr* SaveStateWord(const App& app, const Tr* t) { return t == &kSaving && app.Narrow() ? &kSavingShort : t; }
}  // namespace

float SaveStateWidth(const App& app) {
  if (app.read_only) return 0.0f;
  // The widest of the words, whichever shows: the header's lines never change when 已保存 turns to 正在保存… (a
  // row jumping under the thumb between seeing a button and tapping it).
  // 未保存! and 不会保存 stay for a while, so they may take their own width.
  float w = ImGui::CalcTextSize(T(*SaveStateWord(app, SaveState(app)))).x;
  for (const Tr* t : {&kSaved, &kSaving}) w = std::max(w, ImGui::CalcTextSize(T(*SaveStateWord(app, t))).x);
  return w;
}

void DrawSaveState(App& app) {
  if (app.read_only) return;
  const Tr* t = SaveState(app);
  const ImU32 c = t == &kSaved ? col::Green : t == &kSaving ? col::Grey : col::Red;
  LabelColored(c, T(*SaveStateWord(app, t)));
  LocatorRecordLastItem("save-state");
  const float pad = SaveStateWidth(app) - ImGui::GetItemRectSize().x;  // a fixed slot (see SaveStateWidth)
  if (pad > 0.5f) {
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::Dummy(ImVec2(pad, 1.0f));
  }
}

void DrawStorageBanner(App& app) {
  StorageState& s = app.storage;
  const bool zh = CurrentLang() == Lang::Zh;
  if (app.read_only) {
    LabelColored(IM_COL32(150, 100, 0, 255), T(kReadOnly));
  }
  if (s.blocked) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Red, zh ? s.problem_zh : s.problem_en);
    ImGui::PopTextWrapPos();
    if (app.screen != Screen::Data) {
      ImGui::SameLine();
      if (ImGui::SmallButton(T(kRecoverGo))) app.screen = Screen::Data;
      LocatorRecordLastItem(T(kRecoverGo));
    }
  }
  ImGui::PushTextWrapPos(0.0f);
  if (!s.notice_zh.empty()) LabelColored(IM_COL32(150, 100, 0, 255), zh ? s.notice_zh : s.notice_en);
  const std::string backend = s.info.value("backend", std::string());
  if (backend == "memory" && !app.read_only) LabelColored(col::Red, T(kNoStorage));
  const std::string err = s.info.value("lastError", std::string());
  if (!err.empty() && !app.read_only && backend != "memory") {
    if (s.info.value("lastErrorName", std::string()) == "QuotaExceededError")
      LabelColored(col::Red, T(backend == "localstorage" ? kQuotaSmall : kQuotaFull));
    else
      LabelColored(col::Red, std::string(T(kSaveFailed)) + err);
  }
  ImGui::PopTextWrapPos();
}

Problem ReadOnlyProblem() { return Problem{"", kReadOnlyProblem.zh, kReadOnlyProblem.en}; }

}  // namespace zj::ui

//-----------------------------------------------------------------------------
// [SECTION] Entry points called by web/storage.js
//-----------------------------------------------------------------------------
extern "C" {
/// The page is being hidden or left: writes what is pending now (a replaced dataset's snapshot to the end).
EMSCRIPTEN_KEEPALIVE void zj_storage_flush() {
  using namespace zj::ui;
  if (!g_app || !g_app->ws || g_app->storage.blocked || g_app->read_only) return;
  FlushChanges(*g_app);
  if (g_w.snap_reset) SnapshotSlice(*g_app, true);
}
/// A slice of a snapshot in progress between frames (web/storage.js calls it every few milliseconds while one is
/// being written, so a slow-drawing page does not slow saving down).
EMSCRIPTEN_KEEPALIVE void zj_storage_work() {
  using namespace zj::ui;
  if (!g_app || !g_app->ws || g_app->storage.blocked || g_app->read_only || !g_w.snap) return;
  SnapshotSlice(*g_app, false);
}
/// A snapshot is written at the end of the next frame (zjTest.snapshotNow: tests of recovery from an older one).
EMSCRIPTEN_KEEPALIVE void zj_storage_snapshot_now() {
  using namespace zj::ui;
  g_w.want_snapshot = true;
}
/// 1 while a change is only in this page (waiting for the talk lock's sealing, or a replaced dataset's snapshot
/// not finished): the page asks before it is left.
EMSCRIPTEN_KEEPALIVE int zj_storage_unsaved() {
  using namespace zj::ui;
  if (!g_app || !g_app->ws) return 0;
  return g_app->ws->HasDirty() || g_w.snap_reset ? 1 : 0;
}
}
