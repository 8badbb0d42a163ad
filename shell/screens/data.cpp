// 数据 screen: recovery of stored snapshots, backup file export/import with a preview, liaison
// bundles (痕迹材料包) export/import with a preview and undo, the import log.
// [SECTION] Strings
// [SECTION] Recovery
// [SECTION] Backup
// [SECTION] Liaison bundles
#include <algorithm>
#include <cstring>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/exchange/bundle.h"
#include "core/exchange/commands_exchange.h"
#include "core/exchange/kit.h"
#include "core/exchange/merge.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/talk_lock.h"
#include "shell/app.h"
#include "shell/platform.h"
#include "shell/storage.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
//-----------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------
const Tr kTitle{"数据", "Data"};
const Tr kRecovery{"从快照恢复", "Recover from a snapshot"};
const Tr kSnapshots{"本机保存的版本(最近 10 个)", "Copies saved in this browser (last 10)"};
const Tr kRecoverThis{"恢复此版本", "Recover this copy"};
const Tr kStartOver{"改用示例数据重新开始", "Start over with the demo town"};
const Tr kGood{"完好", "good"};
const Tr kBad{"校验和不符", "checksum mismatch"};
const Tr kUnreadable{"无法读取", "unreadable"};
const Tr kHasProblems{"有问题", "has problems"};
const Tr kBackup{"备份文件", "Backup file"};
const Tr kBackupExplain{"整份数据存成一个文件(JSON)。浏览器里的数据可能被清除,这个文件才是真正的备份:请定期导出,存到U盘或电脑。",
                        "The whole dataset as one file (JSON). Browser data can be wiped; this file is the real backup: "
                        "export it regularly to a USB stick or a computer."};
const Tr kExportBackup{"导出备份", "Export backup"};
const Tr kWithEvidence{"包含照片等痕迹材料", "Include photos and other evidence"};
const Tr kImportBackup{"导入备份…", "Import backup…"};
const Tr kPreview{"导入预览", "Import preview"};
const Tr kApplyImport{"确认导入", "Apply import"};
const Tr kCancel{"取消", "Cancel"};
const Tr kUndoImport{"撤销上次导入", "Undo the last import"};
const Tr kBundles{"痕迹材料包", "Liaison bundles"};
const Tr kBundlesExplain{"联络员:导出本机自上次交接以来记录的内容,通过微信、U盘等交给组织办。组织办:导入材料包,先预览,再一步合并。",
                         "Liaisons: export what this device recorded since the last hand-off and send it (chat, USB stick). "
                         "Office: import a bundle, preview, then merge in one step."};
const Tr kExportBundle{"导出材料包", "Export bundle"};
const Tr kExportAgain{"再次导出上次的材料包", "Export the last bundle again"};
const Tr kImportBundle{"导入材料包…", "Import bundle…"};
const Tr kNothingNew{"自上次交接以来本机没有新记录,无需导出。", "Nothing recorded on this device since the last hand-off."};
const Tr kNoChange{"没有新内容:这些记录都已存在,数据未做任何更改。", "Nothing new: every record is already here; nothing changed."};
const Tr kAlready{"此材料包已导入过。", "This bundle was imported before."};
const Tr kImportLog{"导入记录", "Import log"};
const Tr kThisDevice{"本机编号", "This device"};
const Tr kLastHandoff{"上次交接", "Last hand-off"};
const Tr kNever{"从未", "never"};
const Tr kNew{"新增", "new"};
const Tr kChanged{"更新", "changed"};
const Tr kConflict{"冲突", "conflicting"};
const Tr kPresent{"已存在", "already present"};
const Tr kRemoved{"将删除", "removed"};
const Tr kSame{"相同", "same"};
const Tr kKeptNewer{"双方都改过:在下方逐项选择(默认保留本机版本,另一版本记入导入记录)", "changed on both sides: choose below, field by field (by default this copy is kept and the other logged)"};
const Tr kImported{"已导入", "Imported"};
const Tr kUndone{"已撤销上次导入", "The last import was undone"};
const Tr kNotBackup{"不是整建的备份文件", "not a Zhengjian backup file"};
const Tr kReadOnlyNote{"本页只读,不能导入。", "This tab is read-only; importing is off."};
const Tr kDeleted{"删除", "deleted"};
const Tr kDeleteWins{"对方删除了本机改过的记录:默认保留", "deleted there, changed here: kept by default"};
const Tr kEditWins{"本机已删除、对方改过:默认不恢复", "deleted here, changed there: not restored by default"};
const Tr kEvidenceIn{"痕迹材料", "Evidence"};
const Tr kEvidenceNew{"新", "new"};
const StringTable kTable{&kTitle, &kRecovery, &kSnapshots, &kRecoverThis, &kStartOver, &kGood, &kBad, &kUnreadable,
                         &kHasProblems, &kBackup, &kBackupExplain, &kExportBackup, &kWithEvidence, &kImportBackup,
                         &kPreview, &kApplyImport, &kCancel, &kUndoImport, &kBundles, &kBundlesExplain, &kExportBundle, &kExportAgain,
                         &kImportBundle, &kNothingNew, &kNoChange, &kAlready, &kImportLog, &kThisDevice, &kLastHandoff,
                         &kNever, &kNew, &kChanged, &kConflict, &kPresent, &kRemoved, &kSame, &kKeptNewer, &kImported,
                         &kUndone, &kNotBackup, &kReadOnlyNote, &kDeleted, &kDeleteWins, &kEditWins, &kEvidenceIn,
                         &kEvidenceNew};

constexpr const char* kBackupStep = "backup.import";
constexpr const char* kBundleStep = BundleImport::kName;

using PendingBackup = DataScreen::PendingBackup;
using PendingBundle = DataScreen::PendingBundle;

void Say(DataScreen& s, ImU32 c, std::string zh, std::string en) {
  s.msg_col = c;
  s.msg_zh = std::move(zh);
  s.msg_en = std::move(en);
  s.msg_at = s.section;
}
std::string L(const std::string& zh, const std::string& en) { return CurrentLang() == Lang::Zh ? zh : en; }
/// The last message, when section `at` said it.
void DrawMessage(const DataScreen& s, int at) {
  if (s.msg_zh.empty() || s.msg_at != at) return;
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(s.msg_col, L(s.msg_zh, s.msg_en));
  ImGui::PopTextWrapPos();
}
std::string FileStamp() { return platform::LocalTimeText(platform::NowMs(), true); }
std::string TownOf(const App& app) {
  return app.data().org.town_name.empty() ? std::string("整建") : app.data().org.town_name;
}
const char* OutcomeText(MergeOutcome o) {
  switch (o) {
    case MergeOutcome::New: return T(kNew);
    case MergeOutcome::Changed: return T(kChanged);
    case MergeOutcome::Conflict: return T(kConflict);
    case MergeOutcome::Present: return T(kPresent);
    case MergeOutcome::Removed: return T(kRemoved);
    case MergeOutcome::Deleted: return T(kDeleted);
  }
  return "";
}
void ItemList(const std::vector<MergeItem>& items) {
  int shown = 0;
  for (const MergeItem& it : items) {
    if (it.outcome == MergeOutcome::Present) continue;
    if (++shown > 30) {
      Label("…");
      break;
    }
    ImU32 c = it.outcome == MergeOutcome::Conflict || it.outcome == MergeOutcome::Removed ||
                      it.outcome == MergeOutcome::Deleted ? col::Red : col::Ink;
    std::string line = std::string(OutcomeText(it.outcome)) + " · " + it.label + "  (" + it.collection + ")";
    if (it.outcome == MergeOutcome::Conflict && !it.deletion) line += " — " + std::string(T(kKeptNewer));
    if (it.outcome == MergeOutcome::Conflict && it.deletion) line += " — " + std::string(T(kDeleteWins));
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(c, line);
    ImGui::PopTextWrapPos();
  }
}

/// A field of a record as people call it (the JSON key otherwise).
const char* FieldName(const std::string& key) {
  static const std::map<std::string, Tr> k{
      {"name", {"姓名/名称", "name"}},      {"phone", {"电话", "phone"}},        {"notes", {"记录", "notes"}},
      {"date", {"日期", "date"}},            {"status", {"状态", "status"}},      {"attendance", {"出席", "attendance"}},
      {"theme", {"主题", "theme"}},          {"speaker", {"主讲人", "speaker"}},  {"place", {"地点", "place"}},
      {"record", {"谈话记录", "talk record"}}, {"sealed", {"加密记录", "sealed record"}}, {"points", {"分值", "points"}},
      {"branch_id", {"所在支部", "branch"}}, {"post", {"职务", "post"}},        {"topics", {"谈话内容", "topics"}},
      {"held", {"已举办", "held"}},          {"planned", {"计划日期", "planned date"}}};
  auto it = k.find(key);
  return it == k.end() ? key.c_str() : T(it->second);
}
/// A field's value in a line: text as it is, other values as JSON, cut at 60 characters.
std::string ValueText(const nlohmann::json& record, const std::string& key) {
  if (!record.is_object() || !record.contains(key)) return L("（无）", "(none)");
  const nlohmann::json& v = record[key];
  std::string t = v.is_string() ? v.get<std::string>() : v.dump();
  if (t.empty()) return L("（空）", "(empty)");
  size_t cut = 0, chars = 0;
  while (cut < t.size() && chars < 60) {  // whole UTF-8 characters
    ++cut;
    while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
    ++chars;
  }
  return cut < t.size() ? t.substr(0, cut) + "…" : t;
}

/// The conflicts of a bundle, each for a person to resolve: field by field (this device's value or the bundle's),
/// or for a deletion, keep or delete. The choices go with the "bundle.import" command.
void DrawConflicts(DataScreen::PendingBundle& b) {
  if (b.plan.conflict_list.empty()) return;
  ImGui::SeparatorText(L("冲突:双方都改过,请逐项选择", "Conflicts: changed on both sides, choose field by field").c_str());
  if (TouchButton(L("全部保留本机版本", "Keep this copy for all").c_str())) b.choices.clear();
  ImGui::SameLine();
  if (TouchButton(L("全部采用材料包版本", "Take the bundle's for all").c_str()))
    for (int i = 0; i < static_cast<int>(b.plan.conflict_list.size()); ++i) b.choices[i] = ConflictChoice{true, {}};
  for (int i = 0; i < static_cast<int>(b.plan.conflict_list.size()); ++i) {
    const MergeConflict& c = b.plan.conflict_list[static_cast<size_t>(i)];
    ConflictChoice& ch = b.choices[i];
    ImGui::PushID(i);
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Red, std::to_string(i + 1) + ". " + c.label);
    if (c.fields.empty()) {  // one side deleted it
      const bool office_deleted = c.local.is_null();
      const std::string keep = office_deleted ? L("保持删除", "Keep it deleted") : L("保留本机记录", "Keep this record");
      const std::string take = office_deleted ? L("按材料包重新加入", "Add it back from the bundle") : L("按材料包删除", "Delete it as the bundle did");
      if (ImGui::RadioButton(keep.c_str(), !ch.take_incoming)) ch.take_incoming = false;
      LocatorRecordLastItem((keep + " " + std::to_string(i + 1)).c_str());
      ImGui::SameLine();
      if (ImGui::RadioButton(take.c_str(), ch.take_incoming)) ch.take_incoming = true;
      LocatorRecordLastItem((take + " " + std::to_string(i + 1)).c_str());
    } else {
      for (const std::string& f : c.fields) {
        ImGui::PushID(f.c_str());
        const bool incoming = ch.take_incoming || ch.incoming_fields.count(f) > 0;
        Label(std::string(FieldName(f)) + ":");
        const std::string mine = L("本机: ", "here: ") + ValueText(c.local, f);
        const std::string theirs = L("材料包: ", "bundle: ") + ValueText(c.incoming, f);
        if (ImGui::RadioButton(mine.c_str(), !incoming)) {
          if (ch.take_incoming) {  // from "all of theirs" to "all but this field"
            ch.take_incoming = false;
            for (const std::string& g : c.fields) ch.incoming_fields.insert(g);
          }
          ch.incoming_fields.erase(f);
        }
        LocatorRecordLastItem(mine.c_str());
        if (ImGui::RadioButton(theirs.c_str(), incoming) && !ch.take_incoming) ch.incoming_fields.insert(f);
        LocatorRecordLastItem(theirs.c_str());
        ImGui::PopID();
      }
      if (!ch.take_incoming && ch.incoming_fields.size() == c.fields.size()) {
        ch.take_incoming = true;  // every field from the bundle: its version as a whole
        ch.incoming_fields.clear();
      }
    }
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
}
/// The choices as the "bundle.import" command takes them.
nlohmann::json ChoicesJson(const std::map<int, ConflictChoice>& choices) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [i, c] : choices) {
    if (!c.take_incoming && c.incoming_fields.empty()) continue;  // the default
    j[std::to_string(i)] = {{"take_incoming", c.take_incoming},
                            {"fields", std::vector<std::string>(c.incoming_fields.begin(), c.incoming_fields.end())}};
  }
  return j;
}

/// The records of a preview, after its buttons: folded on a phone (the summary and the button come first), open
/// on a PC.
void ItemDetails(const App& app, const std::vector<MergeItem>& items) {
  int n = 0;
  for (const MergeItem& it : items) n += it.outcome != MergeOutcome::Present;
  if (n == 0) return;
  const std::string label = L("明细(", "Details (") + std::to_string(n) + L(" 项)", " records)");
  if (ImGui::CollapsingHeader(label.c_str(), app.Narrow() ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) ItemList(items);
  LocatorRecordLastItem(label.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Recovery
//-----------------------------------------------------------------------------
void DrawRecovery(App& app) {
  StorageState& st = app.storage;
  if (!st.blocked && st.snapshots.empty()) return;
  ImGui::SeparatorText(st.blocked ? T(kRecovery) : T(kSnapshots));
  if (st.blocked) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Red, L(st.problem_zh, st.problem_en));
    ImGui::PopTextWrapPos();
  }
  StorageCheckSnapshots(app);  // older copies are read and checked now, not at every start
  const std::string checking = L("检查中…", "checking…");
  for (const SnapshotCheck& c : st.snapshots) {
    char line[256];
    const char* state = !c.checked ? checking.c_str()
                        : !c.checksum_ok ? T(kBad) : c.refused ? T(kUnreadable) : !c.load_ok ? T(kHasProblems) : T(kGood);
    std::snprintf(line, sizeof line, "#%d  %s  %s  %.1f KB  %s", c.seq, LocalTimeText(c.time).c_str(), c.town.c_str(),
                  c.size / 1024.0, state);
    LabelColored(c.checksum_ok && c.load_ok ? col::Ink : col::Red, line);
    if (c.checked && c.checksum_ok && !c.refused && c.seq != st.current_seq && !app.read_only) {
      ImGui::SameLine();
      char id[64];
      std::snprintf(id, sizeof id, "%s #%d", T(kRecoverThis), c.seq);
      if (TouchButton(id)) StorageRecover(app, c.seq);
    }
  }
  if (st.blocked && TouchButton(T(kStartOver))) StorageStartOver(app);
  if (!st.message_zh.empty()) LabelColored(col::Green, L(st.message_zh, st.message_en));
}

//-----------------------------------------------------------------------------
// [SECTION] Backup
//-----------------------------------------------------------------------------
void OnBackupPicked(App& app, platform::PickedFile f) {
  DataScreen& s = app.screens.data;
  s.backup.reset();
  nlohmann::json j = nlohmann::json::parse(f.bytes, nullptr, false);
  std::string dataset_text = f.bytes;
  std::string evidence;
  // Not value(): it throws when "format" holds no text (a damaged or foreign file).
  const std::string format = j.is_object() && j.contains("format") && j["format"].is_string() ? j["format"].get<std::string>() : "";
  if (format == "zhengjian-backup" && j.contains("dataset")) {
    dataset_text = j["dataset"].dump();
    if (j.contains("evidence") && j["evidence"].is_array()) evidence = j["evidence"].dump();
  } else if (format == "zhengjian-bundle") {
    Say(s, col::Red, std::string("“") + f.name + "”:这是痕迹材料包,请用“导入材料包…”。",
        "\"" + f.name + "\": this is a liaison bundle; use Import bundle.");
    return;
  }
  LoadResult r = LoadDataset(dataset_text);
  if (r.refused) {
    const Problem& p = r.problems.front();
    Say(s, col::Red, std::string("“") + f.name + "”" + T(kNotBackup) + ":" + p.message_zh + "(数据未做任何更改)",
        "\"" + f.name + "\": " + kNotBackup.en + ": " + p.message_en + " (nothing changed)");
    return;
  }
  auto pb = std::make_unique<PendingBackup>();
  pb->file = f.name;
  pb->problems = static_cast<int>(r.problems.size());
  pb->diff = DiffDatasets(app.data(), r.dataset);
  pb->dataset = std::move(r.dataset);
  pb->evidence_json = std::move(evidence);
  s.backup = std::move(pb);
  s.msg_zh.clear();
}

/// Talk records wait to be encrypted (shell/talk_lock.h): an export now would carry them in clear.
bool LockHolds(App& app) {
  DataScreen& s = app.screens.data;
  if (!TalkLockHoldsSaving(app)) return false;
  Say(s, col::Red, "有谈话记录还没加密（请先在下面“谈话记录口令锁”解锁），暂不能导出。",
      "Some talk records are not encrypted yet (unlock in \"Passphrase lock\" below); nothing was exported.");
  return true;
}

void DrawBackup(App& app) {
  DataScreen& s = app.screens.data;
  s.section = 1;
  ImGui::SeparatorText(T(kBackup));
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kBackupExplain));
  ImGui::PopTextWrapPos();
  if (TouchButton(T(kExportBackup)) && !LockHolds(app)) {
    const std::string name = TownOf(app) + "-备份-" + FileStamp() + ".json";
    const std::string text = SaveDataset(app.data());
    if (s.with_evidence) platform::ExportBackupWithEvidence(name, text);
    else platform::DownloadFile(name, "application/json", text);
    platform::SetSetting("last_backup_ms", std::to_string(platform::NowMs()));
    Say(s, col::Green, "已导出 " + name, "Exported " + name);
  }
  ImGui::SameLine();
  CheckboxWrapped(T(kWithEvidence), &s.with_evidence);
  LocatorRecordLastItem(T(kWithEvidence));
  {  // talk evidence the closed lock kept out of the last file (web/storage.js exportable)
    const nlohmann::json ev = nlohmann::json::parse(platform::EvidenceStatusJson(), nullptr, false);
    if (const int held = ev.is_object() ? ev.value("heldBack", 0) : 0; held > 0) {
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(col::Red, CurrentLang() == Lang::Zh
                                 ? std::to_string(held) + " 份谈话材料尚未加密，没有放进刚才导出的文件；解锁后再导出即可带上。"
                                 : std::to_string(held) + " talk evidence items were not encrypted yet and were left out "
                                                          "of the last file; unlock and export again to include them.");
      ImGui::PopTextWrapPos();
    }
  }
  if (TouchButton(T(kImportBackup), !app.read_only)) {
    App* a = &app;
    platform::PickFile(".json,application/json", [a](platform::PickedFile f) { OnBackupPicked(*a, std::move(f)); });
  }
  DrawMessage(s, 1);
  if (s.backup) {
    const PendingBackup& b = *s.backup;
    ImGui::SeparatorText(T(kPreview));
    char line[320];
    std::snprintf(line, sizeof line, L("“%s”:%s → %s", "\"%s\": %s -> %s").c_str(), b.file.c_str(),
                  b.diff.town_current.c_str(), b.diff.town_incoming.c_str());
    Label(line);
    if (b.dataset.kit) {
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(col::Ink, L("联络员材料:", "Liaison kit: ") + b.dataset.kit->liaison + " · " + KitBranchNames(b.dataset));
      ImGui::PopTextWrapPos();
    }
    if (b.diff.other_dataset && !app.data().demo) {
      // Another town's data (or another copy of it): replacing is allowed, never by a slip.
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(col::Red, L("注意:这是另一份数据(" + b.diff.town_incoming + "),不是本机这份" + b.diff.town_current +
                                   "的数据。导入会用它整份替换本机数据(可撤销)。",
                               "Careful: this is other data (" + b.diff.town_incoming + "), not this device's " +
                                   b.diff.town_current + ". Importing replaces all of this device's data (undoable)."));
      ImGui::PopTextWrapPos();
      CheckboxWrapped(L("我确认用它替换本机数据", "I confirm: replace this device's data").c_str(), &s.confirm_other);
      LocatorRecordLastItem(L("我确认用它替换本机数据", "I confirm: replace this device's data").c_str());
    }
    std::snprintf(line, sizeof line, "%s %d · %s %d · %s %d · %s %d", T(kNew), b.diff.added, T(kChanged), b.diff.changed,
                  T(kRemoved), b.diff.removed, T(kSame), b.diff.same);
    Label(line);
    if (b.problems > 0) {
      std::snprintf(line, sizeof line, L("注意:文件有 %d 处问题,有问题的部分会被跳过。", "Note: the file has %d problems; those parts are skipped.").c_str(),
                    b.problems);
      LabelColored(col::Red, line);
    }
    if (TouchButton(T(kApplyImport), !app.read_only && (!b.diff.other_dataset || app.data().demo || s.confirm_other))) {
      s.confirm_other = false;
      app.Emit(change::Replace{std::move(s.backup->dataset), kBackupStep},
               [&s, ev = b.evidence_json, file = b.file](const ApplyResult& r) {
                 if (!r.ok) return;
                 // A liaison's copy starts here: the next bundle holds what this device records from now on, and
                 // the office tells its untouched records (older than this) from ones it changed since (conflicts).
                 platform::SetSetting("handoff_ms", std::to_string(platform::NowMs()));
                 if (!ev.empty()) platform::EvidenceImport(ev);
                 Say(s, col::Green, std::string(T(kImported)) + " “" + file + "”", "Imported \"" + file + "\"");
               });
      s.backup.reset();
      return;  // `b` is gone
    }
    ImGui::SameLine();
    if (TouchButton(T(kCancel))) s.backup.reset();
    if (s.backup) ItemDetails(app, s.backup->diff.items);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Liaison bundles
//-----------------------------------------------------------------------------
void OnBundlePicked(App& app, platform::PickedFile f) {
  DataScreen& s = app.screens.data;
  s.bundle.reset();
  BundleReadResult r = ReadBundle(f.bytes);
  if (!r.ok) {
    Say(s, col::Red, std::string("“") + f.name + "”" + r.problem.message_zh + "(数据未做任何更改)",
        "\"" + f.name + "\" " + r.problem.message_en + " (nothing changed)");
    return;
  }
  MergePlan plan = PlanBundleImport(app.data(), r.bundle);
  if (!plan.ok) {
    Say(s, col::Red, std::string("“") + f.name + "”" + plan.problem.message_zh + "(数据未做任何更改)",
        "\"" + f.name + "\" " + plan.problem.message_en + " (nothing changed)");
    return;
  }
  auto pb = std::make_unique<PendingBundle>();
  pb->file = f.name;
  pb->text = f.bytes;
  pb->bundle = std::move(r.bundle);
  pb->plan = std::move(plan);
  if (!pb->bundle.evidence.empty()) {
    std::set<std::string> have;
    nlohmann::json list = nlohmann::json::parse(platform::EvidenceListJson(), nullptr, false);
    if (list.is_array())
      for (const auto& e : list) have.insert(e.value("id", std::string()));
    for (const auto& e : pb->bundle.evidence) {
      const std::string id = e.value("id", std::string());
      if (!have.count(id)) pb->new_evidence.push_back(id);
    }
  }
  s.bundle = std::move(pb);
  s.msg_zh.clear();
}

void DrawBundles(App& app) {
  DataScreen& s = app.screens.data;
  s.section = 2;
  ImGui::SeparatorText(T(kBundles));
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kBundlesExplain));
  ImGui::PopTextWrapPos();
  const std::string device = app.ws->device();
  const std::string handoff = platform::GetSetting("handoff_ms");
  std::optional<TimestampMs> since;
  if (!handoff.empty()) since = std::strtoll(handoff.c_str(), nullptr, 10);
  Label(std::string(T(kThisDevice)) + " " + device + " · " + T(kLastHandoff) + " " +
        (since ? LocalTimeText(*since) : std::string(T(kNever))));
  ImGui::PushTextWrapPos(0.0f);
  if (app.data().kit) {
    Label(L("本机是联络员材料:", "This device holds a liaison kit: ") + app.data().kit->liaison + " · " +
          KitBranchNames(app.data()));
  } else if (app.data().demo) {
    LabelColored(IM_COL32(150, 100, 0, 255),
                 L("本机是示例数据:这里导出的材料包不能并入组织办的数据。联络员请先用“导入备份…”打开组织办发来的联络员材料。",
                   "This device holds the demo town: bundles made here cannot merge into the office's data. Liaisons: "
                   "first open the liaison kit the office sent, with Import backup…"));
  }
  ImGui::PopTextWrapPos();
  // The marker moves only once the file exists (a bundle that failed must go into the next one); the previous one
  // is kept so the last bundle can be made again (a file lost on the way: 再次导出).
  const std::string prev = platform::GetSetting("handoff_prev_ms");
  const bool export_new = TouchButton(T(kExportBundle));
  bool export_again = false;
  if (!prev.empty()) {
    ImGui::SameLine();
    export_again = TouchButton(T(kExportAgain));
  }
  if ((export_new || export_again) && !LockHolds(app)) {
    const TimestampMs now = platform::NowMs();
    std::optional<TimestampMs> from = since;
    if (export_again) from = prev == "0" ? std::nullopt : std::optional<TimestampMs>(std::strtoll(prev.c_str(), nullptr, 10));
    Bundle b = MakeBundle(app.data(), device, from, now);
    // Evidence this device added since the hand-off travels with the bundle.
    nlohmann::json ev_ids = nlohmann::json::array();
    nlohmann::json list = nlohmann::json::parse(platform::EvidenceListJson(), nullptr, false);
    if (list.is_array())
      for (const auto& e : list)
        if (e.value("device", std::string()) == device && (!from || e.value("created", int64_t{0}) > *from) &&
            !e.value("unsaved", false))
          ev_ids.push_back(e.value("id", std::string()));
    if (b.records.empty() && b.deletions.empty() && ev_ids.empty()) {
      Say(s, col::Grey, kNothingNew.zh, kNothingNew.en);
    } else {
      const std::string text = BundleToJson(b);
      const std::string name = TownOf(app) + "-材料包-" + device.substr(0, 4) + "-" + FileStamp() + ".json";
      char zh[400], en[400];
      std::snprintf(zh, sizeof zh, "已导出 %s:%zu 条记录,%zu 条删除,%zu 项痕迹材料,%s 至 %s", name.c_str(), b.records.size(),
                    b.deletions.size(), ev_ids.size(), from ? LocalTimeText(*from).c_str() : "最早", LocalTimeText(now).c_str());
      std::snprintf(en, sizeof en, "Exported %s: %zu records, %zu deletions, %zu evidence items, %s to %s", name.c_str(),
                    b.records.size(), b.deletions.size(), ev_ids.size(),
                    from ? LocalTimeText(*from).c_str() : "the beginning", LocalTimeText(now).c_str());
      // Talk records travel in clear when no lock is set: said with the export, not found out later.
      const bool clear_talks = !app.data().campaign.talk_lock &&
                               std::any_of(b.records.begin(), b.records.end(), [](const BundleRecord& r) {
                                 return r.collection == "/campaign/talks" && r.record.contains("record") &&
                                        !r.record["record"].is_null();
                               });
      if (clear_talks) {
        std::strncat(zh, "。注意:材料包里的谈话记录没有加密(未设口令锁),请只交给组织办。", sizeof zh - std::strlen(zh) - 1);
        std::strncat(en, ". Note: the talk records in it are not sealed (no passphrase lock); hand it to the office only.",
                     sizeof en - std::strlen(en) - 1);
      }
      // Made: the marker moves (a new bundle only; making the last one again leaves it), and the user is told.
      auto made = [&s, zh = std::string(zh), en = std::string(en), again = export_again, since, now, clear_talks](bool ok,
                                                                                                    const std::string& why) {
        if (!ok) {
          Say(s, col::Red, "材料包没有导出(" + why + "),交接记录没有变动,请再试一次。",
              "The bundle was not exported (" + why + "); the hand-off marker did not move. Please try again.");
          return;
        }
        if (!again) {
          platform::SetSetting("handoff_prev_ms", since ? std::to_string(*since) : "0");
          platform::SetSetting("handoff_ms", std::to_string(now));
        }
        Say(s, clear_talks ? IM_COL32(150, 100, 0, 255) : col::Green, zh, en);
      };
      if (ev_ids.empty()) {
        platform::ShareFile(name, "application/json", text);
        made(true, "");
      } else {
        Say(s, col::Grey, "正在读取照片、生成材料包…", "Reading photos and making the bundle…");
        platform::ShareBundleWithEvidence(name, text, ev_ids.dump(), made);  // checksum sealed again with the photos
      }
    }
  }
  SameLineIfFits(ImGui::CalcTextSize(T(kImportBundle)).x + ImGui::GetStyle().FramePadding.x * 2);
  if (TouchButton(T(kImportBundle), !app.read_only)) {
    App* a = &app;
    platform::PickFile(".json,application/json", [a](platform::PickedFile f) { OnBundlePicked(*a, std::move(f)); });
  }
  DrawMessage(s, 2);

  if (app.ws->UndoName() == kBundleStep || app.ws->UndoName() == kBackupStep) {
    ImGui::SameLine();
    if (TouchButton(T(kUndoImport), !app.read_only)) {
      const bool bundle = app.ws->UndoName() == kBundleStep;
      app.Emit(change::Undo{}, [&s, bundle](const ApplyResult& r) {
        if (!r.ok) return;
        if (bundle)
          for (const std::string& id : s.imported_evidence) platform::EvidenceDelete(id);
        s.imported_evidence.clear();
        Say(s, col::Green, kUndone.zh, kUndone.en);
      });
    }
  }
  if (s.bundle) {
    const PendingBundle& b = *s.bundle;
    ImGui::SeparatorText(T(kPreview));
    char line[400];
    std::snprintf(line, sizeof line, L("“%s”:设备 %s,%s 至 %s,%zu 条记录,SHA-256 %s", "\"%s\": device %s, %s to %s, %zu records, SHA-256 %s").c_str(),
                  b.file.c_str(), b.bundle.device.c_str(),
                  b.bundle.from ? LocalTimeText(*b.bundle.from).c_str() : L("最早", "the beginning").c_str(),
                  LocalTimeText(b.bundle.to).c_str(), b.bundle.records.size(), b.bundle.sha256.substr(0, 16).c_str());
    ImGui::PushTextWrapPos(0.0f);
    Label(line);
    ImGui::PopTextWrapPos();
    std::snprintf(line, sizeof line, "%s %d · %s %d · %s %d · %s %d · %s %d", T(kNew), b.plan.added, T(kChanged),
                  b.plan.changed, T(kDeleted), b.plan.deleted, T(kConflict), b.plan.conflicts, T(kPresent), b.plan.present);
    Label(line);
    if (!b.bundle.evidence.empty()) {
      std::snprintf(line, sizeof line, "%s %zu · %s %zu · %s %zu", T(kEvidenceIn), b.bundle.evidence.size(), T(kEvidenceNew),
                    b.new_evidence.size(), T(kPresent), b.bundle.evidence.size() - b.new_evidence.size());
      Label(line);
    }
    if (b.plan.already_imported) LabelColored(col::Grey, T(kAlready));
    if (b.plan.lock_adopted || b.plan.lock_differs) {  // sealed talk records (shell/talk_lock.h)
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(IM_COL32(150, 100, 0, 255),
                   b.plan.lock_adopted ? L("材料包里的谈话记录已用联络员的口令加密：导入后本机也启用该口令锁，需用那个口令解锁。",
                                           "The bundle's talk records are sealed with the liaison's passphrase: this "
                                           "device takes that lock and opens them with that passphrase.")
                                       : L("材料包里的谈话记录用另一个口令加密：导入后保持加密，用本机口令打不开。",
                                           "The bundle's talk records are sealed with another passphrase: they stay "
                                           "sealed and this device's passphrase cannot open them."));
      ImGui::PopTextWrapPos();
    }
    DrawConflicts(*s.bundle);
    if (!b.plan.HasChanges() && b.new_evidence.empty()) {
      LabelColored(col::Grey, T(kNoChange));
      if (TouchButton(T(kCancel))) s.bundle.reset();
    } else {
      if (TouchButton(T(kApplyImport), !app.read_only)) {
        char zh[200], en[200];
        std::snprintf(zh, sizeof zh, "已导入“%s”:新增 %d,更新 %d,删除 %d,冲突 %d(已记入导入记录),痕迹材料 %zu 项",
                      b.file.c_str(), b.plan.added, b.plan.changed, b.plan.deleted, b.plan.conflicts, b.new_evidence.size());
        std::snprintf(en, sizeof en, "Imported \"%s\": %d new, %d changed, %d deleted, %d conflicts (logged), %zu evidence items",
                      b.file.c_str(), b.plan.added, b.plan.changed, b.plan.deleted, b.plan.conflicts, b.new_evidence.size());
        if (!b.new_evidence.empty()) platform::EvidenceImport(b.bundle.evidence.dump());  // keyed by id
        s.imported_evidence.clear();
        if (b.plan.HasChanges()) {
          const std::vector<std::string> new_evidence = b.new_evidence;
          app.Emit(Cmd<BundleImport>([&](BundleImport& c) {
                     c.bundle = nlohmann::json::parse(b.text, nullptr, false);
                     c.choices = ChoicesJson(b.choices);
                   }),
                   [&s, new_evidence](const ApplyResult& r) {
                     if (r.ok) s.imported_evidence = new_evidence;
                     else Say(s, col::Red, r.problem.message_zh + "(数据未做任何更改)", r.problem.message_en + " (nothing changed)");
                   });
        }
        s.bundle.reset();
        Say(s, col::Green, zh, en);
      }
      ImGui::SameLine();
      if (s.bundle && TouchButton(T(kCancel))) s.bundle.reset();
    }
    if (s.bundle) ItemDetails(app, s.bundle->plan.items);
  }
  // The import log: what came from whom, and every conflict's other side.
  const auto& log = app.data().import_log;
  if (!log.empty()) {
    ImGui::SeparatorText(T(kImportLog));
    for (auto e = log.rbegin(); e != log.rend(); ++e) {
      const nlohmann::json* it = &e->body;
      char line[300];
      auto t = ParseTimestamp(it->value("imported_at", std::string()));
      std::snprintf(line, sizeof line, "%s · %s · %s %d · %s %d · %s %d · %s %d", t ? LocalTimeText(*t).c_str() : "",
                    it->value("device", std::string()).c_str(), T(kNew), it->value("added", 0), T(kChanged),
                    it->value("changed", 0), T(kDeleted), it->value("deleted", 0), T(kConflict), it->value("conflicts", 0));
      Label(line);
      if (it->contains("conflict_log") && (*it)["conflict_log"].is_array())
        for (const auto& c : (*it)["conflict_log"]) {
          const std::string kept = c.value("kept", std::string());
          std::string other = c.contains("other") ? c["other"].dump() : "";
          if (other.size() > 160) other = other.substr(0, 160) + "…";
          ImGui::PushTextWrapPos(0.0f);
          LabelColored(col::Grey, "  " + std::string(T(kConflict)) + " " + c.value("id", std::string()) + " · " +
                                      L(kept == "local" ? "保留本机版本,另一版本: " : "保留材料包版本,另一版本: ",
                                        kept == "local" ? "kept this copy; the other: " : "kept the bundle's; the other: ") +
                                      other);
          ImGui::PopTextWrapPos();
        }
    }
  }
}
}  // namespace

/// 联络员材料: the office makes, for one liaison, the part of the town they work with (core/exchange/kit.h); the
/// liaison opens it on the phone with 导入备份…, and what the phone records then merges back as edits.
void DrawKits(App& app) {
  DataScreen& s = app.screens.data;
  s.section = 3;
  const Dataset& d = app.data();
  if (d.kit) return;  // a liaison's phone makes no kits
  ImGui::SeparatorText(L("联络员材料", "Liaison kits").c_str());
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, L("给联络员手机的数据:只含所选支部及其党员、积分、讲习、现场会和谈话。联络员用“导入备份…”打开,"
                            "之后导出的材料包能直接并入本镇数据。",
                            "Data for a liaison's phone: the chosen branches with their members, points, lectures, on-site "
                            "meetings and talks. The liaison opens it with Import backup…; the bundles it makes then merge "
                            "straight into this town's data.").c_str());
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(ImMin(ImGui::GetContentRegionAvail().x, 20.0f * ImGui::GetFontSize()));
  ImGui::InputTextWithHint("##kit_liaison", L("联络员姓名", "Liaison's name").c_str(), &s.kit_liaison);
  LocatorRecordLastItem("kit_liaison");
  for (const Branch& b : d.org.branches) {
    bool on = s.kit_branches.count(b.meta.id) > 0;
    if (ImGui::Checkbox((b.name + "##kit").c_str(), &on)) {
      if (on) s.kit_branches.insert(b.meta.id);
      else s.kit_branches.erase(b.meta.id);
    }
    LocatorRecordLastItem((L("材料:", "kit: ") + b.name).c_str());
  }
  const std::string go = L("导出联络员材料", "Export liaison kit");
  if (TouchButton(go.c_str(), !s.kit_branches.empty()) && !LockHolds(app)) {
    Problem problem;
    KitScope scope{s.kit_liaison, std::vector<Id>(s.kit_branches.begin(), s.kit_branches.end())};
    std::optional<Dataset> kit = MakeLiaisonKit(d, scope, platform::NowMs(), problem);
    if (!kit) {
      Say(s, col::Red, problem.message_zh, problem.message_en);
    } else {
      const std::string name = TownOf(app) + "-联络员材料-" + s.kit_liaison + "-" + FileStamp() + ".json";
      platform::DownloadFile(name, "application/json", SaveDataset(*kit));
      Say(s, col::Green, "已导出 " + name + "(" + KitBranchNames(*kit) + ")",
          "Exported " + name + " (" + KitBranchNames(*kit) + ")");
    }
  }
  DrawMessage(s, 3);
}

void DrawData(App& app) {
  DataScreen& s = app.screens.data;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.4f);
  Label(T(kTitle));
  ImGui::PopFont();
  if (app.read_only) LabelColored(IM_COL32(150, 100, 0, 255), T(kReadOnlyNote));
  s.section = 0;
  DrawMessage(s, 0);
  DrawTownStartPanel(app);  // 本镇: rename, 开始本镇 (town_start.cpp)
  DrawRecovery(app);
  DrawBackup(app);
  DrawBundles(app);
  DrawKits(app);
  DrawTalkLockPanel(app, false);
  ImGui::Spacing();
  DrawStorageHealth(app);
}

}  // namespace zj::ui
