// Zhengjian shell: the town's own data (本镇) at the top of 数据 — the town's name (org.town_name), and the
// guided start (开始本镇): name, campaign year and the day of the mobilization meeting, the organization typed
// one branch a line (or left to the roster's branch column), a backup offered first, then one confirmed step that
// replaces the data held now (the demo town, or another town) with the new town (core/data/town_start.h,
// StorageStartNew). Its fields: app.screens.town_start.
#include <cstdlib>
#include <set>
#include <string>

#include "core/base/encoding.h"
#include "core/data/town_start.h"
#include "core/campaign/campaign.h"
#include "core/org/commands_org.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/locator.h"
#include "shell/platform.h"
#include "shell/screens/screens.h"
#include "shell/storage.h"
#include "shell/talk_lock.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
const Tr kTitle{"本镇", "The town"};
const Tr kNameNow{"本镇名称", "Town name"};
const Tr kRename{"改名", "Rename"};
const Tr kRenamed{"已改名。", "Renamed."};
const Tr kDemoNow{"现在是示例数据（虚构的渔洋镇，供试用）。开始本镇后，示例数据全部清除，不会混入本镇的数据。",
                  "This is the demo town (made up, for trying things). Starting your town clears all of it; "
                  "nothing of the demo mixes into your town's data."};
const Tr kStartOpen{"开始本镇…", "Start my town…"};
const Tr kStartClose{"收起", "Close"};
const Tr kFormExplain{"填好本镇名称、活动年份和动员部署会的日期，再填组织结构（也可以先不填，导入名册时由“所在支部”一列建立）。"
                      "开始后再到“组织 → 名册导入导出”导入名册。",
                      "Fill in the town's name, the campaign's year and the day of the mobilization meeting, then the "
                      "organization (or leave it for the roster's branch column at import). Then import the roster "
                      "under 组织 → roster import/export."};
const Tr kTownName{"镇名", "Town"};
const Tr kTownNameHint{"如：青山镇", "e.g. 青山镇"};
const Tr kYear{"活动年份", "Campaign year"};
const Tr kFirstDay{"动员部署会日期（空着按通知：3月23日）", "Mobilization meeting (empty: the notice's March 23)"};
const Tr kFirstDayHint{"如 2026-03-23", "e.g. 2026-03-23"};
const Tr kStructure{"组织结构（每行一个支部，可在前面写片区、总支，用“/”隔开）",
                    "Organization (one branch a line, optionally its area and general branch before it, split by /)"};
const Tr kStructureHint{"一片/第一党总支/东湖村党支部\n一片/第一党总支/西岭村党支部\n机关党总支/镇财政所党支部\n镇卫生院党支部",
                        "一片/第一党总支/东湖村党支部\n机关党总支/镇财政所党支部\n镇卫生院党支部"};
const Tr kWillMake{"将建立：%d个片区、%d个总支、%d个支部", "Will create: %d areas, %d general branches, %d branches"};
const Tr kNoBranches{"组织结构空着：支部将在导入名册时由“所在支部”一列建立。",
                     "No organization typed: branches will come from the roster's branch column at import."};
const Tr kBadYear{"活动年份应为四位数字，如2026。", "The campaign year is four digits, e.g. 2026."};
const Tr kBadDay{"日期应写成 年-月-日，如2026-03-23。", "Write the day as YYYY-MM-DD, e.g. 2026-03-23."};
const Tr kBackupFirst{"先导出备份", "Export a backup first"};
const Tr kStart{"开始本镇", "Start my town"};
const Tr kConfirmYes{"确定开始", "Start"};
const Tr kCancel{"取消", "Cancel"};
const Tr kToRoster{"去导入名册", "Import the roster"};
const Tr kLocked{"有谈话记录还没加密（请先在下面“谈话记录口令锁”解锁），暂不能导出备份。",
                 "Some talk records are not encrypted yet (unlock below); no backup was exported."};
const Tr kDemoSpace{"这是试用的示例镇，单独保存在本机，与本镇的数据互不相通。要开始本镇或回到本镇，请点：",
                    "This is the demo town to try things, stored apart from your town's data; nothing passes between "
                    "them. To start or return to your town:"};
const Tr kOpenTown{"打开本镇", "Open my town"};
const Tr kTryDemo{"试用示例镇", "Try the demo town"};
const StringTable kTable{&kDemoSpace, &kOpenTown, &kTryDemo, &kTitle, &kNameNow, &kRename, &kRenamed, &kDemoNow, &kStartOpen, &kStartClose,
                         &kFormExplain, &kTownName, &kTownNameHint, &kYear, &kFirstDay, &kFirstDayHint, &kStructure,
                         &kStructureHint, &kWillMake, &kNoBranches, &kBadYear, &kBadDay, &kBackupFirst, &kStart,
                         &kConfirmYes, &kCancel, &kToRoster, &kLocked};

/// Evidence (痕迹: photos, notes) kept in the browser beside the data: once a new town replaces the data, the
/// lectures, meetings and talks it belonged to are gone, so it is removed too (nothing of the demo, or of a town
/// replaced, stays behind or travels in the new town's backups). A backup exported first still carries it.
/// Returns how many records were removed.
int DropEvidenceOf(const Dataset& town) {
  const nlohmann::json list = nlohmann::json::parse(platform::EvidenceListJson(), nullptr, false);
  if (!list.is_array()) return 0;
  std::set<std::string> parents;
  for (const Lecture& l : town.campaign.lectures) parents.insert(l.meta.id);
  for (const OnsiteMeeting& m : town.campaign.onsite_meetings) parents.insert(m.meta.id);
  for (const Talk& t : town.campaign.talks) parents.insert(t.meta.id);
  int n = 0;
  for (const auto& r : list) {
    if (!r.is_object() || parents.count(r.value("parent_id", std::string()))) continue;
    platform::EvidenceDelete(r.value("id", std::string()));
    ++n;
  }
  if (n) platform::EvidenceRefresh();
  return n;
}

void Say(TownStartPanel& p, ImU32 c, std::string zh, std::string en) {
  p.msg_col = c;
  p.msg_zh = std::move(zh);
  p.msg_en = std::move(en);
}

/// A labelled one-line field: the label above on phones, beside it on wide screens.
void Field(App& app, const Tr& label, const char* test_id, std::string& value, const char* hint, float width_em,
           ImGuiInputTextFlags flags = 0) {
  if (!app.Narrow()) {
    ImGui::AlignTextToFramePadding();
    Label(T(label));
    ImGui::SameLine(Em(8));
  } else {
    LabelWrapped(T(label));
  }
  ImGui::SetNextItemWidth(app.Narrow() ? -1.0f : Em(width_em));
  ImGui::InputTextWithHint((std::string("##") + test_id).c_str(), hint, &value, flags);
  LocatorRecordLastItem(test_id);
}

/// The form read as a TownStart; false (message said) when the year or day cannot be read.
bool ReadForm(const App& app, TownStartPanel& p, TownStart& out) {
  out.town_name = p.name;
  out.structure = p.structure;
  const std::string y = p.year.empty() ? std::to_string(app.today.Year()) : p.year;
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
    Say(p, col::Red, kBadYear.zh, kBadYear.en);
    return false;
  }
  out.year = std::atoi(y.c_str());
  out.first_day.reset();
  if (!p.first_day.empty()) {
    out.first_day = Date::Parse(p.first_day);
    if (!out.first_day) {
      Say(p, col::Red, kBadDay.zh, kBadDay.en);
      return false;
    }
  }
  return true;
}

void DrawRename(App& app, TownStartPanel& p) {
  if (!p.rename_filled) {
    p.rename = app.data().org.town_name;
    p.rename_filled = true;
  }
  Field(app, kNameNow, "town_rename", p.rename, "", 12);
  SameLineIfFits(ImGui::CalcTextSize(T(kRename)).x + ImGui::GetStyle().FramePadding.x * 2);
  if (TouchButton(T(kRename), !app.read_only && p.rename != app.data().org.town_name)) {
    app.Emit(Cmd<OrgTownName>([&](OrgTownName& c) { c.name = p.rename; }), [&p](const ApplyResult& r) {
      if (r.ok) Say(p, col::Green, kRenamed.zh, kRenamed.en);
    });
  }
}

void DrawForm(App& app, TownStartPanel& p) {
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kFormExplain));
  ImGui::PopTextWrapPos();
  if (p.year.empty()) p.year = std::to_string(app.today.Year());
  Field(app, kTownName, "town_name", p.name, T(kTownNameHint), 12);
  Field(app, kYear, "town_year", p.year, "", 5, ImGuiInputTextFlags_CharsDecimal);
  Field(app, kFirstDay, "town_first_day", p.first_day, T(kFirstDayHint), 18);
  ImGui::PushTextWrapPos(0.0f);
  Label(T(kStructure));
  ImGui::PopTextWrapPos();
  ImGui::InputTextMultiline("##town_structure", &p.structure, ImVec2(-1, Em(7)));
  LocatorRecordLastItem("town_structure");
  if (p.structure.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Grey, std::string(T(kNoBranches)) + "\n" + ZhEn("例如：\n", "For example:\n") + T(kStructureHint));
    ImGui::PopTextWrapPos();
  } else {  // the preview while typing: what the lines make, or the first problems with their line
    if (p.preview_for != p.structure) {  // parsed again only when the text changed, not every frame
      p.preview_for = p.structure;
      Dataset probe;
      IdGenerator ids(1);
      p.preview_problems.clear();
      ParseTownStructure(p.structure, probe, ids, 0, "", p.preview_problems);
      p.preview_counts = {static_cast<int>(probe.org.areas.size()), static_cast<int>(probe.org.general_branches.size()),
                          static_cast<int>(probe.org.branches.size())};
      // Each branch with what it sits in (the field itself does not wrap long lines).
      p.preview_list.clear();
      for (size_t i = 0; i < probe.org.branches.size() && i < 12; ++i) {
        const Branch& b = probe.org.branches[i];
        std::string gb, area;
        for (const GeneralBranch& g : probe.org.general_branches)
          if (g.meta.id == b.general_branch_id) {
            gb = g.name;
            for (const Area& a : probe.org.areas)
              if (a.meta.id == g.area_id) area = a.name;
          }
        p.preview_list +=
            "· " + b.name + (gb.empty() ? std::string() : "（" + (area.empty() ? "" : area + " · ") + gb + "）") + "\n";
      }
      if (probe.org.branches.size() > 12) p.preview_list += "…";
    }
    const Problems& problems = p.preview_problems;
    if (problems.empty()) {
      char line[160];
      std::snprintf(line, sizeof line, T(kWillMake), p.preview_counts[0], p.preview_counts[1], p.preview_counts[2]);
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(col::Green, line);
      LocatorRecordLastItem(line);
      LabelColored(col::Grey, p.preview_list);
      ImGui::PopTextWrapPos();
    }
    for (size_t i = 0; i < problems.size() && i < 3; ++i) {
      ImGui::PushTextWrapPos(0.0f);
      LabelColored(col::Red, ZhEn(problems[i].message_zh, problems[i].message_en));
      ImGui::PopTextWrapPos();
    }
  }

  // A backup of what is held now, then the one confirmed step.
  const Dataset& now = app.data();
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Ink, ZhEn("当前数据（" + now.org.town_name + (now.demo ? "，示例数据" : "") + "）将被替换。",
                           "The data held now (" + now.org.town_name + (now.demo ? ", demo" : "") + ") will be replaced."));
  ImGui::PopTextWrapPos();
  if (TouchButton(T(kBackupFirst))) {
    if (TalkLockHoldsSaving(app)) {
      Say(p, col::Red, kLocked.zh, kLocked.en);
    } else {
      const std::string name = (now.org.town_name.empty() ? std::string("整建") : now.org.town_name) + "-备份-" +
                               platform::LocalTimeText(platform::NowMs(), true) + ".json";
      platform::DownloadFile(name, "application/json", SaveDataset(now));
      platform::SetSetting("last_backup_ms", std::to_string(platform::NowMs()));
      p.backed_up = true;
      Say(p, col::Green, "已导出 " + name, "Exported " + name);
    }
  }
  if (!p.confirm) {
    SameLineIfFits(ImGui::CalcTextSize(T(kStart)).x + ImGui::GetStyle().FramePadding.x * 2);
    if (TouchButton(T(kStart), !app.read_only)) {
      TownStart start;
      if (ReadForm(app, p, start)) {
        IdGenerator probe_ids(1);
        TownStartResult r = StartTown(start, probe_ids, 0, "");
        if (r.ok) {
          p.confirm = true;
          p.msg_zh.clear();
          p.msg_en.clear();
        } else {
          Say(p, col::Red, r.problems.front().message_zh, r.problems.front().message_en);
        }
      }
    }
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Red,
               ZhEn("确定用新的“" + TrimSpaces(p.name) + "”替换当前数据？这一步不能撤销。" +
                     (p.backed_up ? std::string("备份已导出；") : std::string("还没有导出备份；")) +
                     "本机最近保存的10个版本仍可在下面“从快照恢复”找回，之后会被新的版本替换；"
                     "照片和文字痕迹随当前数据一并清除（导出的备份里仍有）。",
                 "Replace the data held now with the new \"" + TrimSpaces(p.name) + "\"? This cannot be undone. " +
                     (p.backed_up ? std::string("A backup was exported; ") : std::string("No backup exported yet; ")) +
                     "the last 10 copies saved here stay under Recover until newer ones replace them; photos and "
                     "notes go with the data held now (an exported backup still has them)."));
  ImGui::PopTextWrapPos();
  if (TouchButton(T(kConfirmYes), !app.read_only)) {
    TownStart start;
    if (ReadForm(app, p, start)) {
      IdGenerator ids(platform::RandomU64());  // a new town: its own id salt, nothing shared with the demo
      TownStartResult r = StartTown(start, ids, platform::NowMs(), app.storage.device);
      if (r.ok) {
        const std::string town = r.dataset.org.town_name;
        DropEvidenceOf(r.dataset);
        StorageStartNew(app, std::move(r.dataset));
        p = TownStartPanel{};
        Say(p, col::Green,
            "已开始" + town + "：" + std::to_string(r.areas) + "个片区、" + std::to_string(r.general_branches) +
                "个总支、" + std::to_string(r.branches) + "个支部，示例数据已清除。下一步：导入名册。",
            "Started " + town + ": " + std::to_string(r.areas) + " areas, " + std::to_string(r.general_branches) +
                " general branches, " + std::to_string(r.branches) + " branches; the demo is cleared. Next: import "
                "the roster.");
      } else {
        Say(p, col::Red, r.problems.front().message_zh, r.problems.front().message_en);
      }
    }
  }
  ImGui::SameLine();
  if (TouchButton(T(kCancel))) p.confirm = false;
}
}  // namespace

void OpenTownStart(App& app) {
  app.screen = Screen::Data;
  app.screens.town_start.open = true;
}

void DrawTownStartPanel(App& app) {
  TownStartPanel& p = app.screens.town_start;
  ImGui::SeparatorText(T(kTitle));
  DrawRename(app, p);
  if (app.demo_space) {
    // The demo's own storage space: a town is started, and kept, only in the town's space.
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(IM_COL32(150, 100, 0, 255), T(kDemoSpace));
    ImGui::PopTextWrapPos();
    if (TouchButton(T(kOpenTown))) platform::OpenSpace(false);
    return;
  }
  if (app.data().demo) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(IM_COL32(150, 100, 0, 255), T(kDemoNow));
    ImGui::PopTextWrapPos();
  }
  if (TouchButton(T(p.open ? kStartClose : kStartOpen), !app.read_only)) {
    p.open = !p.open;
    p.confirm = false;
  }
  if (!app.data().demo) {  // a real town here: the demo opens in its own space, this town stays as it is
    SameLineIfFits(ImGui::CalcTextSize(T(kTryDemo)).x + ImGui::GetStyle().FramePadding.x * 2);
    if (TouchButton(T(kTryDemo))) platform::OpenSpace(true);
  }
  if (p.open) DrawForm(app, p);
  if (!p.msg_zh.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(p.msg_col, ZhEn(p.msg_zh, p.msg_en));
    LocatorRecordLastItem(ZhEn(p.msg_zh, p.msg_en).c_str());
    ImGui::PopTextWrapPos();
    if (p.msg_col == col::Green && !p.open && app.data().org.members.empty() && TouchButton(T(kToRoster)))
      app.screen = Screen::Organization;
  }
}

}  // namespace zj::ui
