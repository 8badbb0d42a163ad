// Storage health panel, drawn at the end of the 概览 dashboard and on the 数据 screen: where the
// data lives, size used and quota, persisted or not, when it was last saved and last exported as a backup,
// evidence counted, and warnings for risky places (private windows, in-app browsers, Safari's 7-day rule,
// file:// in Firefox).
#include <cstdio>
#include <cstdlib>

#include "imgui.h"
#include "shell/app.h"
#include "shell/platform.h"
#include "shell/storage.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
const Tr kTitle{"数据存储情况", "Storage health"};
const Tr kWhere{"数据保存在", "Data is kept in"};
const Tr kIdb{"本浏览器的 IndexedDB", "this browser's IndexedDB"};
const Tr kLs{"本浏览器的 localStorage(IndexedDB 不可用)", "this browser's localStorage (IndexedDB unavailable)"};
const Tr kMem{"仅在本页内存中(浏览器不允许保存,关闭即丢失!)", "this page's memory only (the browser refuses storage; closing loses it!)"};
const Tr kUsed{"已用", "Used"};
const Tr kOf{"可用上限", "quota"};
const Tr kPersisted{"已申请持久保存:浏览器不会自动清除", "Persistent: the browser will not evict it"};
const Tr kNotPersisted{"未获持久保存:空间紧张时浏览器可能清除数据", "Not persistent: the browser may evict it when space runs low"};
const Tr kLastSaved{"最近保存", "Last saved"};
const Tr kNotSavedYet{"尚未保存(还没有修改)", "not saved yet (no changes)"};
const Tr kLastBackup{"距上次导出备份", "Since the last exported backup"};
const Tr kNeverBackup{"从未导出备份,请在“数据”页导出", "no backup exported yet; export one on the Data screen"};
const Tr kDays{"天", "days"};
const Tr kHours{"小时", "hours"};
const Tr kEvidence{"痕迹材料", "Evidence"};
const Tr kItems{"项", "items"};
const Tr kSnapshots{"保存的版本", "Saved copies"};
const Tr kAside{"另存的问题版本", "Copies kept aside"};
const Tr kWarnInApp{"您在微信等应用内置浏览器中打开:这类浏览器可能随时清除数据。请用系统浏览器打开,并经常导出备份。",
                    "You are in an in-app browser (e.g. WeChat): it may wipe data at any time. Open in the system browser and export backups often."};
const Tr kWarnSafari{"Safari 会删除 7 天未访问的网页数据:请至少每周打开一次,或添加到主屏幕,并导出备份。",
                     "Safari deletes data of sites not visited for 7 days: open weekly or add to the Home Screen, and export backups."};
const Tr kWarnFirefoxFile{"Firefox 按文件位置保存数据:移动或重命名本文件后将看不到原来的数据。",
                          "Firefox keeps data per file location: moving or renaming this file loses sight of the data."};
const Tr kWarnFile{"从本地文件打开:本机所有本地网页共用一处存储,清理浏览器数据会一并删除。",
                   "Opened from a local file: all local pages share one storage; clearing browser data deletes it."};
const Tr kWarnPrivate{"可能是无痕/隐私窗口:关闭窗口后数据会丢失,请导出备份。",
                      "Possibly a private window: data is lost when it closes; export a backup."};
const StringTable kTable{&kTitle, &kWhere, &kIdb, &kLs, &kMem, &kUsed, &kOf, &kPersisted, &kNotPersisted, &kLastSaved,
                         &kNotSavedYet, &kLastBackup, &kNeverBackup, &kDays, &kHours, &kEvidence, &kItems, &kSnapshots,
                         &kAside, &kWarnInApp, &kWarnSafari, &kWarnFirefoxFile, &kWarnFile, &kWarnPrivate};

std::string Size(double bytes) {
  char b[32];
  if (bytes >= 1024.0 * 1024 * 1024) std::snprintf(b, sizeof b, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
  else if (bytes >= 1024.0 * 1024) std::snprintf(b, sizeof b, "%.1f MB", bytes / (1024.0 * 1024));
  else std::snprintf(b, sizeof b, "%.0f KB", bytes / 1024.0);
  return b;
}
}  // namespace

void DrawStorageHealth(App& app) {
  const nlohmann::json& info = app.storage.info;
  ImGui::SeparatorText(T(kTitle));
  ImGui::PushTextWrapPos(0.0f);
  const std::string backend = info.value("backend", std::string("memory"));
  Label(std::string(T(kWhere)) + " " + T(backend == "indexeddb" ? kIdb : backend == "localstorage" ? kLs : kMem));
  LabelColored(col::Grey, info.value("origin", std::string()));
  if (info.contains("usage") && info["usage"].is_number()) {
    std::string line = std::string(T(kUsed)) + " " + Size(info["usage"].get<double>());
    if (info.contains("quota") && info["quota"].is_number()) line += " / " + std::string(T(kOf)) + " " + Size(info["quota"].get<double>());
    Label(line);
  }
  const bool persisted = info.contains("persisted") && info["persisted"].is_boolean() && info["persisted"].get<bool>();
  LabelColored(persisted ? col::Green : IM_COL32(150, 100, 0, 255), T(persisted ? kPersisted : kNotPersisted));
  const double saved = info.value("lastSavedMs", 0.0);
  int snaps = info.contains("snapshots") && info["snapshots"].is_array() ? static_cast<int>(info["snapshots"].size()) : 0;
  char line[200];
  std::snprintf(line, sizeof line, "%s %s · %s %d · %s %d", T(kLastSaved),
                saved > 0 ? LocalTimeText(static_cast<TimestampMs>(saved)).c_str() : T(kNotSavedYet), T(kSnapshots), snaps,
                T(kAside), info.value("aside", 0));
  Label(line);
  const std::string last_backup = platform::GetSetting("last_backup_ms");
  if (last_backup.empty()) {
    LabelColored(IM_COL32(150, 100, 0, 255), T(kNeverBackup));
  } else {
    const double hours = (platform::NowMs() - std::strtod(last_backup.c_str(), nullptr)) / 3600000.0;
    if (hours >= 48) std::snprintf(line, sizeof line, "%s: %.0f %s", T(kLastBackup), hours / 24, T(kDays));
    else std::snprintf(line, sizeof line, "%s: %.0f %s", T(kLastBackup), hours, T(kHours));
    LabelColored(hours > 24 * 7 ? col::Red : col::Ink, line);
  }
  std::snprintf(line, sizeof line, "%s: %d %s · %s", T(kEvidence), info.value("evidenceCount", 0), T(kItems),
                Size(info.value("evidenceBytes", 0.0)).c_str());
  Label(line);
  if (info.contains("warnings") && info["warnings"].is_array()) {
    for (const auto& w : info["warnings"]) {
      const std::string k = w.is_string() ? w.get<std::string>() : "";
      const Tr* t = k == "inapp" ? &kWarnInApp : k == "safari7" ? &kWarnSafari : k == "firefoxfile" ? &kWarnFirefoxFile
                  : k == "file" ? &kWarnFile : k == "private" ? &kWarnPrivate : nullptr;
      if (t) LabelColored(k == "file" ? col::Grey : col::Red, T(*t));
    }
  }
  ImGui::PopTextWrapPos();
}

}  // namespace zj::ui
