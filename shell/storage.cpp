// [SECTION] Strings
// [SECTION] Opening the saved dataset (start, recovery)
// [SECTION] Each frame: reader tabs, banner
// [SECTION] Autosave entry points (polled by web/storage.js)
#include "shell/storage.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE  // native build (headless UI tests): plain functions
#endif

#include <algorithm>

#include "core/demo/demo.h"
#include "core/org/idnumber.h"
#include "imgui.h"
#include "shell/app.h"
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
const Tr kSaveFailed{"最新的修改没能保存到浏览器:", "The latest changes could not be saved in the browser: "};
const Tr kQuotaFull{"浏览器存储空间已满,最新修改仍在本页中,上一次保存的数据完好。请立即“导出备份”,再删除不需要的照片。",
                    "Browser storage is full: the latest changes are still in this page and the last saved copy is intact. "
                    "Export a backup now, then delete photos you do not need."};
const Tr kChecksumBad{"校验和不符(数据可能已损坏)", "checksum mismatch (the data may be damaged)"};
const Tr kRefused{"无法读取", "unreadable"};
const Tr kProblems{"有问题", "has problems"};
const Tr kMissing{"找不到当前版本", "the current copy is missing"};
const Tr kRecovered{"已从快照恢复", "Recovered from the snapshot of"};
const Tr kStartedOver{"已改用示例数据重新开始,原来保存的各版本仍保留在浏览器中。",
                      "Started over with the demo town; every stored copy is still kept in the browser."};
const StringTable kTable{&kReadOnly, &kReadOnlyProblem, &kBlockedTitle, &kRecoverGo, &kSaveFailed, &kQuotaFull,
                         &kChecksumBad, &kRefused, &kProblems, &kMissing, &kRecovered, &kStartedOver};

// The page's one App, for the autosave entry points that web/storage.js calls between frames (process-wide:
// the platform port has one App; StorageOpen sets it).
App* g_app = nullptr;

nlohmann::json ParseInfo() {
  nlohmann::json j = nlohmann::json::parse(platform::StorageInfoJson(), nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}
void MarkSaved(App& app) {
  app.storage.saved_ws = app.ws.get();
  app.storage.saved_revision = app.ws->revision();
  app.storage.dirty_since = 0;
}
/// Makes `d` the app's workspace now (start-up only: no frame is being drawn).
void AdoptNow(App& app, Dataset d, const std::string& device) {
  app.Emit(change::Adopt{std::move(d), device}, [&app](const ApplyResult&) { MarkSaved(app); });
  app.ApplyEmitted();
}
}  // namespace


std::string LocalTimeText(TimestampMs t) { return platform::LocalTimeText(t); }

//-----------------------------------------------------------------------------
// [SECTION] Opening the saved dataset
//-----------------------------------------------------------------------------
void StorageOpen(App& app) {
  g_app = &app;
  StorageState& s = app.storage;
  s.info = ParseInfo();
  s.device = s.info.value("deviceId", std::string());
  if (s.device.empty()) s.device = app.ws->device();
  // The demo town, stamped with this profile's device id (records it writes are its own).
  AdoptNow(app, app.data(), s.device);

  // Check every snapshot read at start (newest first).
  if (s.info.contains("snapshots") && s.info["snapshots"].is_array()) {
    for (const auto& j : s.info["snapshots"]) {
      SnapshotCheck c;
      c.seq = j.value("seq", 0);
      c.time = j.value("time", int64_t{0});
      const std::string text = platform::StorageSnapshotText(c.seq);
      c.size = text.size();
      c.checksum_ok = !text.empty() && Sha256Hex(text) == j.value("sha256", std::string());
      if (c.checksum_ok) {
        LoadResult r = LoadDataset(text);
        c.load_ok = r.ok;
        c.refused = r.refused;
        c.problems = static_cast<int>(r.problems.size());
        c.town = r.dataset.org.town_name;
      }
      s.snapshots.push_back(c);
    }
  }
  const auto& ptr = s.info.contains("pointer") ? s.info["pointer"] : nlohmann::json();
  if (!ptr.is_object()) return;  // nothing saved yet: the demo town
  s.current_seq = ptr.value("seq", 0);
  auto cur = std::find_if(s.snapshots.begin(), s.snapshots.end(), [&](const SnapshotCheck& c) { return c.seq == s.current_seq; });
  if (cur != s.snapshots.end() && cur->checksum_ok && cur->load_ok &&
      Sha256Hex(platform::StorageSnapshotText(cur->seq)) == ptr.value("sha256", std::string())) {
    LoadResult r = LoadDataset(platform::StorageSnapshotText(cur->seq));
    AdoptNow(app, std::move(r.dataset), s.device);
    s.loaded_saved = true;
    return;
  }
  // The current copy is bad: keep it aside, pause autosave, offer recovery.
  std::string why_zh, why_en;
  if (cur == s.snapshots.end()) { why_zh = kMissing.zh; why_en = kMissing.en; }
  else if (!cur->checksum_ok) { why_zh = kChecksumBad.zh; why_en = kChecksumBad.en; }
  else if (cur->refused) { why_zh = kRefused.zh; why_en = kRefused.en; }
  else {
    why_zh = std::string(kProblems.zh) + " (" + std::to_string(cur->problems) + ")";
    why_en = std::string(kProblems.en) + " (" + std::to_string(cur->problems) + ")";
  }
  if (cur != s.snapshots.end()) platform::StorageKeepAside(cur->seq, why_en);
  s.blocked = true;
  s.problem_zh = std::string(kBlockedTitle.zh) + " 当前版本(#" + std::to_string(s.current_seq) + "):" + why_zh + "。";
  s.problem_en = std::string(kBlockedTitle.en) + " Current copy (#" + std::to_string(s.current_seq) + "): " + why_en + ".";
}

bool StorageRecover(App& app, int seq) {
  StorageState& s = app.storage;
  const std::string text = platform::StorageSnapshotText(seq);
  LoadResult r = LoadDataset(text);
  if (text.empty() || r.refused) {
    s.message_zh = "快照 #" + std::to_string(seq) + " 无法读取";
    s.message_en = "Snapshot #" + std::to_string(seq) + " cannot be read";
    return false;
  }
  TimestampMs t = 0;
  for (const auto& c : s.snapshots)
    if (c.seq == seq) t = c.time;
  auto recovered = [&app, seq, t](const ApplyResult& a) {
    if (!a.ok) return;
    StorageState& st = app.storage;
    st.saved_ws = nullptr;  // save it as the new current copy
    st.blocked = false;
    st.loaded_saved = true;
    st.message_zh = std::string(kRecovered.zh) + " #" + std::to_string(seq) + " (" + LocalTimeText(t) + ")";
    st.message_en = std::string(kRecovered.en) + " #" + std::to_string(seq) + " (" + LocalTimeText(t) + ")";
  };
  if (s.blocked) app.Emit(change::Adopt{std::move(r.dataset), s.device}, recovered);
  else app.Emit(change::Replace{std::move(r.dataset), "storage.recover"}, recovered);
  return true;
}

void StorageStartOver(App& app) {
  StorageState& s = app.storage;
  s.blocked = false;
  s.saved_ws = nullptr;
  s.message_zh = kStartedOver.zh;
  s.message_en = kStartedOver.en;
}

//-----------------------------------------------------------------------------
// [SECTION] Each frame
//-----------------------------------------------------------------------------
void StorageFrame(App& app) {
  StorageState& s = app.storage;
  const double now = static_cast<double>(platform::NowMs());
  if (now - s.last_info > 500) {
    s.last_info = now;
    s.info = ParseInfo();
  }
  app.read_only = s.info.contains("writer") && !s.info.value("writer", true);
  if (s.info.value("hasExternal", false)) {
    const std::string text = platform::StorageTakeExternal();
    s.info["hasExternal"] = false;
    if (!text.empty()) {
      LoadResult r = LoadDataset(text);
      if (r.ok) {
        app.Emit(change::Adopt{std::move(r.dataset), s.device}, [&app](const ApplyResult&) {
          MarkSaved(app);
          app.storage.blocked = false;
          app.storage.loaded_saved = true;
        });
      }
    }
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
  const std::string err = s.info.value("lastError", std::string());
  if (!err.empty() && !app.read_only) {
    ImGui::PushTextWrapPos(0.0f);
    if (s.info.value("lastErrorName", std::string()) == "QuotaExceededError") LabelColored(col::Red, T(kQuotaFull));
    else LabelColored(col::Red, std::string(T(kSaveFailed)) + err);
    ImGui::PopTextWrapPos();
  }
}

Problem ReadOnlyProblem() { return Problem{"", kReadOnlyProblem.zh, kReadOnlyProblem.en}; }

}  // namespace zj::ui

//-----------------------------------------------------------------------------
// [SECTION] Autosave entry points (web/storage.js polls every 200 ms; on page hide with force = 1)
//-----------------------------------------------------------------------------
extern "C" {
/// The dataset text to save when it changed since the last hand-over and the change is 300 ms old (or
/// `force`); "" when clean, read-only, or paused by a storage problem.
EMSCRIPTEN_KEEPALIVE const char* zj_storage_poll(int force) {
  using namespace zj::ui;
  static std::string text;  // handed to the JS side (process-wide, like g_app)
  text.clear();
  if (!g_app || !g_app->ws || g_app->storage.blocked || g_app->read_only) return "";
  StorageState& s = g_app->storage;
  if (TalkLockHoldsSaving(*g_app)) return "";  // a talk record waits for encryption (shell/talk_lock.h)
  if (g_app->ws.get() == s.saved_ws && g_app->ws->revision() == s.saved_revision) return "";
  const double now = static_cast<double>(zj::platform::NowMs());
  if (s.dirty_since == 0) s.dirty_since = now;
  if (!force && (now - s.dirty_since < 300 || now < s.retry_after)) return "";
  text = zj::SaveDataset(g_app->data());
  MarkSaved(*g_app);
  return text.c_str();
}
/// Revision of the workspace (saved with the snapshot, for reading the history).
EMSCRIPTEN_KEEPALIVE double zj_storage_revision() {
  using namespace zj::ui;
  return g_app && g_app->ws ? static_cast<double>(g_app->ws->revision()) : 0;
}
/// The last save failed: the data counts as unsaved again; retried after 3 s.
EMSCRIPTEN_KEEPALIVE void zj_storage_save_failed() {
  using namespace zj::ui;
  if (!g_app) return;
  g_app->storage.saved_ws = nullptr;
  g_app->storage.retry_after = static_cast<double>(zj::platform::NowMs()) + 3000;
}
}
