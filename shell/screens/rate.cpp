// 评 Rate: points and stars (notice 四(四); docs/domain.md "The four strands").
// [SECTION] Strings and state
// [SECTION] Points entry (积分录入): branch, item, date remembered; one field per member, Enter records
//           and moves to the next member, so a secretary enters a branch's points from the keyboard
// [SECTION] Member stars (党员评星): totals, stars, possibly-unqualified and exempted lists
// [SECTION] Branch stars (支部评星): rubric and target scores, weights, ranking with moves, history
// Every change is a command (points.record, points.record_many, exemption.add/remove, assessment.set,
// branch_rating.weights, branch_rating.publish), so it can be undone.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/org/commands_org.h"
#include "core/rate/branch_rating.h"
#include "core/rate/commands_rate.h"
#include "core/rate/points.h"
#include "core/rate/stars.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/collation.h"
#include "shell/fields.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings and state
//-----------------------------------------------------------------------------
const Tr kTitle{"评：积分与评星", "Rate: points and stars"};
const Tr kTabEntry{"积分录入", "Points entry"};
const Tr kTabMembers{"党员评星", "Member stars"};
const Tr kTabBranches{"支部评星", "Branch stars"};
const Tr kTabCatalogue{"项目与细则", "Items & rubric"};
const Tr kBranch{"党支部", "Branch"};
const Tr kItem{"积分项目", "Item"};
const Tr kDate{"日期", "Date"};
const Tr kYear{"年度", "Year"};
const Tr kName{"姓名", "Name"};
const Tr kTotal{"年度积分", "Year total"};
const Tr kStars{"星级", "Stars"};
const Tr kThisTime{"本次分值", "Points"};
const Tr kRecord{"记分", "Record"};
const Tr kRecordAll{"全支部各记一次", "Record for every member"};
const Tr kBadDate{"日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"};
const Tr kChooseBranch{"请先选择党支部", "Choose a branch first"};
const Tr kEntryHelp{"在分值框按回车即记分并跳到下一名党员；留空按回车记该项目的默认分值。",
                    "Press Enter in a points field to record and move to the next member; empty means the item's default."};
const Tr kItemInfo{"每次 %s 分，年度上限 %s 分", "%s per entry, yearly cap %s"};
const Tr kItemInfoNoCap{"每次 %s 分，无上限", "%s per entry, no cap"};
const Tr kEvidence{"需佐证材料", "evidence required"};
const Tr kExampleCatalogue{"（示例积分项目，可按本镇手册修改）", "(example items; edit to the town's handbook)"};
const Tr kRecorded{"已记分：%s %s %s 分", "Recorded: %s %s %s"};
const Tr kCapFull{"%s 的“%s”已达年度上限 %s 分：这次不计入总分。", "%s has reached the yearly cap of %s for %s: this entry adds nothing to the total."};
const Tr kCapPart{"%s 的“%s”年度上限 %s 分：这次只计入 %s 分。", "%s: the yearly cap of %s for %s lets only %s count."};
const Tr kCapMany{"其中 %d 人的“%s”已达年度上限 %s 分：这次不计入或只部分计入总分。",
                  "%d of them reached the yearly cap of %s for %s: the entry counts partly or not at all."};
const Tr kCounts{"三星 %d · 二星 %d · 一星 %d · 无星 %d", "3★ %d · 2★ %d · 1★ %d · none %d"};
const Tr kUnqualified{"60分以下，可认定为不合格党员（由支部研究决定）", "Below 60: may be judged unqualified (the branch decides)"};
const Tr kExempted{"特殊情况，经申请同意不参与评星", "Exempted on application (special circumstances)"};
const Tr kNotScored{"尚未记分", "Not yet scored"};
const Tr kNotScoredWhy{"本年度还没有积分记录：不计入星级，也不计入60分以下。",
                       "No points entered this year: neither rated nor counted below 60."};
const Tr kNotYet{"年内新入党，未参评", "Joined after the year, not rated"};
const Tr kNone{"（无）", "(none)"};
const Tr kRemove{"移除", "Remove"};
const Tr kAddExemption{"登记免评", "Add exemption"};
const Tr kReason{"原因", "Reason"};
const Tr kApprovedOn{"批准日期", "Approved on"};
const Tr kMember{"党员", "Member"};
const Tr kWeights{"权重：积分制管理考核 / 年终目标考核", "Weights: points-management assessment / year-end target"};
const Tr kWeightsExample{"（示例权重，通知未规定）", "(example weights; the notice names none)"};
const Tr kSaveWeights{"保存权重", "Save weights"};
const Tr kRank{"名次", "Rank"};
const Tr kScore{"得分", "Score"};
const Tr kMove{"变化", "Move"};
const Tr kNotRated{"未能评定", "Not rated"};
const Tr kPublish{"发布本年度支部评星结果", "Publish this year's branch stars"};
const Tr kPublished{"已发布（%s）", "Published (%s)"};
const Tr kHistory{"历年星级（动态管理）", "Stars by year (history)"};
const Tr kAssessment{"考核打分", "Assessment"};
const Tr kRubricItem{"%s %s（满分 %s）", "%s %s (max %s)"};
const Tr kTarget{"年终目标考核分数（0-100）", "Year-end target score (0-100)"};
const Tr kResult{"综合得分 %s 分 · %s", "Score %s · %s"};
const Tr kNoAssessment{"本年度尚无考核记录", "No assessment this year"};
const Tr kRubricSum{"考核细则 %s / %s 分", "Rubric %s / %s"};
const StringTable kTable{&kTitle, &kTabEntry, &kTabMembers, &kTabBranches, &kTabCatalogue, &kBranch, &kItem, &kDate, &kYear, &kName,
                         &kTotal, &kStars, &kThisTime, &kRecord, &kRecordAll, &kBadDate, &kChooseBranch, &kEntryHelp,
                         &kItemInfo, &kItemInfoNoCap, &kEvidence, &kExampleCatalogue, &kRecorded, &kCapFull, &kCapPart, &kCapMany, &kCounts,
                         &kUnqualified, &kExempted, &kNotScored, &kNotScoredWhy, &kNotYet, &kNone, &kRemove, &kAddExemption, &kReason, &kApprovedOn,
                         &kMember, &kWeights, &kWeightsExample, &kSaveWeights, &kRank, &kScore, &kMove, &kNotRated,
                         &kPublish, &kPublished, &kHistory, &kAssessment, &kRubricItem, &kTarget, &kResult,
                         &kNoAssessment, &kRubricSum};
const Tr kStarNames[] = {{"无星", "No star"}, {"一星", "1 star"}, {"二星", "2 stars"}, {"三星", "3 stars"}};
const Tr kMoves[] = {{"新评", "new"}, {"↑ 升星", "↑ up"}, {"＝ 持平", "= same"}, {"↓ 降星", "↓ down"}};
const StringTable kTable2{&kStarNames[0], &kStarNames[1], &kStarNames[2], &kStarNames[3],
                          &kMoves[0], &kMoves[1], &kMoves[2], &kMoves[3]};

std::string Fmt(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

const char* StarName(int s) { return T(kStarNames[std::clamp(s, 0, 3)]); }
ImU32 StarColour(int s) { return s >= 3 ? col::Red : s == 2 ? col::Gold : s == 1 ? col::Ink : col::Grey; }

/// Pinyin ranks (拼音顺序) of every member's name, cached until the names change (shell/collation.h).
const std::vector<int32_t>& NameRanks(App& app) {
  const Organization& org = app.data().org;
  return app.screens.rate.name_ranks.Get(app.data_version(), org.members.size(),
                   [&](size_t i) -> const std::string& { return org.members[i].name; });
}

/// Pinyin initials of every member's name (the entry table's filter finds "zw" for 张伟), cached likewise.
const std::vector<std::string>& NameInitials(App& app) {
  const Organization& org = app.data().org;
  return app.screens.rate.name_initials.Get(org.members.size(),
                   [&](size_t i) -> const std::string& { return org.members[i].name; });
}

void Load(App& app) {
  RateScreen& ui = app.screens.rate;
  if (ui.loaded) return;
  ui.loaded = true;
  ui.branch = platform::GetSetting("rate.branch");
  ui.item = platform::GetSetting("rate.item");
  ui.date = platform::GetSetting("rate.date");
  if (!Date::Parse(ui.date)) ui.date = app.today.ToString();
  ui.year = Date::Parse(ui.date)->Year();
  ui.exempt_date = app.today.ToString();
}

const PointItem* FindItem(const PointCatalogue& c, const Id& id) {
  for (const PointItem& it : c.items)
    if (it.meta.id == id) return &it;
  return nullptr;
}

std::string ItemLabel(const PointItem& it) {
  return it.code + " " + it.name_zh + " (" + (it.points > 0 ? "+" : "") + FormatPoints(it.points) + ")";
}

/// Branch chooser shared by the tabs (remembered). `test_label` names it for the locator.
void BranchCombo(App& app, Id& branch, const char* test_label, float width) {
  const Organization& org = app.data().org;
  const int bi = FindBranch(org, branch);
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo((std::string("##") + test_label).c_str(), bi >= 0 ? org.branches[bi].name.c_str() : T(kChooseBranch))) {
    for (const Branch& b : org.branches) {
      if (ImGui::Selectable(b.name.c_str(), b.meta.id == branch)) {
        branch = b.meta.id;
        if (&branch == &app.screens.rate.branch) platform::SetSetting("rate.branch", branch);
      }
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem(test_label);
}

void YearField(int& year) {
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputInt("##rate_year", &year);
  LocatorRecordLastItem("rate_year");
  year = std::clamp(year, 1900, 2199);
}

/// A label then, on wide screens, the field on the same line; on phones the field below.
void FieldLabel(App& app, const char* text, float label_w) {
  Label(text);
  if (!app.Narrow()) ImGui::SameLine(label_w);
}

//-----------------------------------------------------------------------------
// [SECTION] Points entry
//-----------------------------------------------------------------------------
void DrawEntry(App& app) {
  RateScreen& ui = app.screens.rate;
  const Dataset& d = app.data();
  const Organization& org = d.org;
  const bool narrow = app.Narrow();
  const float label_w = Em(5.5f);
  const float field_w = narrow ? -1.0f : Em(22);

  FieldLabel(app, T(kBranch), label_w);
  BranchCombo(app, ui.branch, "rate_branch", field_w);

  FieldLabel(app, T(kItem), label_w);
  const PointItem* item = FindItem(d.points.catalogue, ui.item);
  if (!item && !d.points.catalogue.items.empty()) {
    item = &d.points.catalogue.items.front();
    ui.item = item->meta.id;
  }
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::BeginCombo("##rate_item", item ? ItemLabel(*item).c_str() : "", ImGuiComboFlags_HeightLargest)) {
    for (const PointItem& it : d.points.catalogue.items) {
      if (ImGui::Selectable(ItemLabel(it).c_str(), item == &it)) {
        ui.item = it.meta.id;
        ui.typed.clear();
        platform::SetSetting("rate.item", ui.item);
      }
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("rate_item");
  if (item) {
    std::string info = item->yearly_cap ? Fmt(T(kItemInfo), FormatPoints(item->points).c_str(), FormatPoints(*item->yearly_cap).c_str())
                                        : Fmt(T(kItemInfoNoCap), FormatPoints(item->points).c_str());
    if (item->evidence_required) info += std::string(" · ") + T(kEvidence);
    if (d.points.catalogue.example) info += T(kExampleCatalogue);
    if (!narrow) ImGui::SetCursorPosX(label_w);
    ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
    LabelWrapped(info);
    ImGui::PopStyleColor();
  }

  FieldLabel(app, T(kDate), label_w);
  ImGui::SetNextItemWidth(narrow ? Em(9) : Em(9));
  if (ImGui::InputText("##rate_date", &ui.date, ImGuiInputTextFlags_CharsNoBlank)) {
    if (auto dd = Date::Parse(ui.date)) {
      ui.year = dd->Year();
      platform::SetSetting("rate.date", ui.date);
    }
  }
  LocatorRecordLastItem("rate_date");
  const std::optional<Date> date = Date::Parse(ui.date);
  if (!date) {
    ImGui::SameLine();
    LabelColored(col::Red, T(kBadDate));
  }

  const int bi = FindBranch(org, ui.branch);
  if (bi < 0) {
    LabelColored(col::Grey, T(kChooseBranch));
    return;
  }
  // The branch's members (those matching the name filter) and their totals for the date's year.
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(12));
  ImGui::InputTextWithHint("##rate_filter", T(S::FilterHint), &ui.filter);
  LocatorRecordLastItem("rate_filter");
  std::vector<int> rows;
  const std::vector<std::string>& initials = NameInitials(app);
  for (int i = 0; i < static_cast<int>(org.members.size()); ++i) {
    const Member& m = org.members[static_cast<size_t>(i)];
    if (m.branch_id == ui.branch && PersonMatches(m.name, initials[static_cast<size_t>(i)], ui.filter)) rows.push_back(i);
  }
  SortByRank(rows, NameRanks(app));  // the branch's members in pinyin order, as on a roster
  // Same-name members of the branch told apart (birth month, ID ending, post: core/org/org.h SameNameHints).
  std::vector<int> branch_rows;
  for (int i = 0; i < static_cast<int>(org.members.size()); ++i)
    if (org.members[static_cast<size_t>(i)].branch_id == ui.branch) branch_rows.push_back(i);
  std::vector<std::string> hint_of(org.members.size());
  {
    const std::vector<std::string> hints = SameNameHints(org, branch_rows, CurrentLang() == Lang::Zh);
    for (size_t k = 0; k < branch_rows.size(); ++k) hint_of[static_cast<size_t>(branch_rows[k])] = hints[k];
  }
  const int year = date ? date->Year() : ui.year;
  const YearTotals totals = ComputeYearTotals(org, d.points, year);
  const MemberRatingResult rating = RateMembers(org, totals, d.member_stars);
  std::vector<int> stars(org.members.size(), -1);  // -1: exempted / not rated
  for (const MemberRating& r : rating.rated) stars[static_cast<size_t>(r.member_index)] = r.stars;

  ImGui::BeginDisabled(!date || !item || rows.empty());
  if (ImGui::Button(T(kRecordAll))) {
    std::vector<std::string> ids;
    for (int i : rows) ids.push_back(org.members[static_cast<size_t>(i)].meta.id);
    std::string feedback = Fmt(T(kRecorded), org.branches[static_cast<size_t>(bi)].name.c_str(), item->code.c_str(),
                               FormatPoints(item->points).c_str());
    // Who is past the item's yearly cap already (the entry is kept, the total moves less or not at all).
    int cut = 0;
    if (item->yearly_cap)
      for (Tenths part : CountedPart(d.points, *item, ids, date->Year(), item->points)) cut += part != item->points;
    std::string capped;
    if (cut)
      capped = CurrentLang() == Lang::Zh
                   ? Fmt(T(kCapMany), cut, item->name_zh.c_str(), FormatPoints(*item->yearly_cap).c_str())
                   : Fmt(T(kCapMany), cut, FormatPoints(*item->yearly_cap).c_str(), item->code.c_str());
    app.Emit(Cmd<PointsRecordMany>([&](auto& c) {
               c.member_ids = ids;
               c.item_id = ui.item;
               c.date = *date;  // Date::Parse(ui.date): the same text
             }),
             [&ui, feedback, capped](const ApplyResult& r) {
               if (!r.ok) return;
               ui.last_recorded = feedback;
               ui.last_capped = capped;
             });
  }
  ImGui::EndDisabled();
  LabelWrapped(T(kEntryHelp));
  if (!ui.last_recorded.empty()) LabelColored(col::Green, ui.last_recorded);
  if (!ui.last_capped.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
    LabelWrapped(ui.last_capped);
    ImGui::PopStyleColor();
  }

  // Phones: fields and buttons at least 44 CSS px high (touch targets), the row around them.
  const float touch_h = ImMax(kTouchPx, Em(2.6f));
  float row_h = narrow ? touch_h + ImGui::GetStyle().CellPadding.y * 2 : Em(2.0f);
  for (int i : rows)  // a same-name member's row holds the name and its hint on two lines
    if (!hint_of[static_cast<size_t>(i)].empty()) {
      row_h = std::max(row_h, ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().CellPadding.y * 2);
      break;
    }
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  const float avail = ImGui::GetContentRegionAvail().y;
  const float table_h = std::max(Em(12), narrow ? Em(22) : avail - Em(0.5f));
  bool emitted = false;  // one record per frame (Enter and a click on the same frame)
  int focus_index = -1;
  for (size_t r = 0; r < rows.size(); ++r)
    if (org.members[static_cast<size_t>(rows[r])].meta.id == ui.focus_member) focus_index = static_cast<int>(r);
  if (ImGui::BeginTable("points_entry", narrow ? 4 : 5, flags, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(kName), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(T(kTotal), ImGuiTableColumnFlags_WidthStretch, 2);
    if (!narrow) ImGui::TableSetupColumn(T(kStars), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(T(kThisTime), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, narrow ? ImMax(kTouchPx, Em(2.8f)) : Em(3.5f));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    if (focus_index >= 0) clipper.IncludeItemByIndex(focus_index);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const int mi = rows[static_cast<size_t>(r)];
        const Member& m = org.members[static_cast<size_t>(mi)];
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
        ImGui::PushID(m.meta.id.c_str());
        const float dy = (row_h - ImGui::GetFrameHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
        auto cell = [&] {
          ImGui::TableNextColumn();
          ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, dy));
        };
        cell();
        ImGui::AlignTextToFramePadding();
        const std::string& apart = hint_of[static_cast<size_t>(mi)];
        if (apart.empty()) {
          Label(m.name);
        } else {  // the name, then what tells this member apart (wrapped in the cell, grey)
          ImGui::PushTextWrapPos(0.0f);
          Label(m.name);
          ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
          Label(apart);
          ImGui::PopStyleColor();
          ImGui::PopTextWrapPos();
        }
        cell();
        ImGui::AlignTextToFramePadding();
        const int s = stars[static_cast<size_t>(mi)];
        const std::string total = FormatPoints(totals.members[static_cast<size_t>(mi)].total);
        if (narrow) LabelColored(StarColour(s), total + " " + (s >= 0 ? StarName(s) : "—"));
        else Label(total);
        if (!narrow) {
          cell();
          ImGui::AlignTextToFramePadding();
          LabelColored(StarColour(s), s >= 0 ? StarName(s) : "—");
        }
        cell();
        std::string& typed = ui.typed[m.meta.id];
        if (focus_index == r) {
          ImGui::SetKeyboardFocusHere();
          ui.focus_member.clear();
        }
        ImGui::SetNextItemWidth(-1);
        const std::string hint = item ? FormatPoints(item->points) : "";
        if (narrow)
          ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                              ImVec2(ImGui::GetStyle().FramePadding.x, (touch_h - ImGui::GetFontSize()) * 0.5f));
        const bool enter = ImGui::InputTextWithHint("##pts", hint.c_str(), &typed,
                                                    ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsScientific);
        LocatorRecordLastItem(("pts:" + PersonLabel(m.name, apart)).c_str());
        if (narrow) ImGui::PopStyleVar();
        cell();
        const bool click = ImGui::Button(T(kRecord), ImVec2(-1, narrow ? touch_h : 0));
        if ((enter || click) && date && item && !emitted) {
          // Once recorded: the feedback line, the field emptied, the next member's field focused.
          PointsRecord rec;
          rec.member_id = m.meta.id;
          rec.item_id = ui.item;
          rec.date = *date;  // Date::Parse(ui.date): the same text
          std::string feedback = Fmt(T(kRecorded), m.name.c_str(), item->code.c_str(),
                                     typed.empty() ? FormatPoints(item->points).c_str() : typed.c_str());
          // The yearly cap may cut this entry: say what counts (the entry itself is kept as typed).
          std::string capped;
          const std::optional<Tenths> pts = typed.empty() ? std::optional<Tenths>(item->points) : ParsePoints(typed);
          if (item->yearly_cap && pts) {
            const Tenths part = CountedPart(d.points, *item, {m.meta.id}, date->Year(), *pts)[0];
            const std::string cap = FormatPoints(*item->yearly_cap);
            const bool zh = CurrentLang() == Lang::Zh;
            if (part == 0 && *pts != 0)
              capped = zh ? Fmt(T(kCapFull), m.name.c_str(), item->name_zh.c_str(), cap.c_str())
                          : Fmt(T(kCapFull), m.name.c_str(), cap.c_str(), item->code.c_str());
            else if (part != *pts)
              capped = zh ? Fmt(T(kCapPart), m.name.c_str(), item->name_zh.c_str(), cap.c_str(), FormatPoints(part).c_str())
                          : Fmt(T(kCapPart), m.name.c_str(), cap.c_str(), item->code.c_str(), FormatPoints(part).c_str());
          }
          Id next;
          if (enter && r + 1 < static_cast<int>(rows.size()))
            next = org.members[static_cast<size_t>(rows[static_cast<size_t>(r + 1)])].meta.id;
          // Points go as typed ("+2", "0.5"): the command reads them or refuses them; none: the item's.
          app.Emit(typed.empty() ? ToCommand(rec) : AsTyped(rec, &PointsRecord::points, typed),
                   [&ui, member = m.meta.id, feedback, capped, next](const ApplyResult& res) {
                     if (!res.ok) return;
                     ui.last_recorded = feedback;
                     ui.last_capped = capped;
                     ui.typed[member].clear();
                     ui.focus_member = next;
                   });
          emitted = true;
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Member stars
//-----------------------------------------------------------------------------
void DrawMemberStars(App& app) {
  RateScreen& ui = app.screens.rate;
  const Dataset& d = app.data();
  const Organization& org = d.org;
  const bool narrow = app.Narrow();
  Label(T(kBranch));
  ImGui::SameLine();
  BranchCombo(app, ui.branch, "stars_branch", narrow ? -1.0f : Em(16));
  if (!narrow) ImGui::SameLine();
  Label(T(kYear));
  ImGui::SameLine();
  YearField(ui.year);
  const int bi = FindBranch(org, ui.branch);
  if (bi < 0) {
    LabelColored(col::Grey, T(kChooseBranch));
    return;
  }
  const YearTotals totals = ComputeYearTotals(org, d.points, ui.year);
  const MemberRatingResult res = RateMembers(org, totals, d.member_stars);
  const std::vector<int> order = BranchBoardOrder(org, res, ui.branch);
  // Same-name members of the branch told apart in every list below (core/org/org.h SameNameHints).
  std::vector<int> in_branch;
  for (int i = 0; i < static_cast<int>(org.members.size()); ++i)
    if (org.members[static_cast<size_t>(i)].branch_id == ui.branch) in_branch.push_back(i);
  std::map<int, std::string> apart;
  {
    const std::vector<std::string> hints = SameNameHints(org, in_branch, CurrentLang() == Lang::Zh);
    for (size_t k = 0; k < in_branch.size(); ++k)
      if (!hints[k].empty()) apart[in_branch[k]] = hints[k];
  }
  auto name_of = [&](int i) {
    const auto h = apart.find(i);
    return PersonLabel(org.members[static_cast<size_t>(i)].name, h == apart.end() ? "" : h->second);
  };
  int counts[4] = {0, 0, 0, 0};
  for (int k : order) ++counts[res.rated[static_cast<size_t>(k)].stars];
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
  Label(Fmt(T(kCounts), counts[3], counts[2], counts[1], counts[0]));
  ImGui::PopFont();

  // Table, sortable by name / total (default: the board's order, stars then total).
  std::vector<int> rows = order;
  if (ImGui::BeginTable("member_stars", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Sortable |
                                               ImGuiTableFlags_SortTristate | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(0, narrow ? Em(18) : Em(16)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(kName), ImGuiTableColumnFlags_None, 3);
    ImGui::TableSetupColumn(T(kTotal), ImGuiTableColumnFlags_PreferSortDescending, 2);
    ImGui::TableSetupColumn(T(kStars), ImGuiTableColumnFlags_PreferSortDescending, 2);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
      if (ss->SpecsDirty) {
        ui.stars_sort_col = ss->SpecsCount ? ss->Specs[0].ColumnIndex : -1;
        ui.stars_sort_desc = ss->SpecsCount && ss->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        ss->SpecsDirty = false;
      }
    }
    const int sort_col = ui.stars_sort_col;
    const bool sort_desc = ui.stars_sort_desc;
    if (sort_col == 0) {
      const std::vector<int32_t>& names = NameRanks(app);  // pinyin order
      std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int32_t x = names[static_cast<size_t>(res.rated[static_cast<size_t>(a)].member_index)];
        const int32_t y = names[static_cast<size_t>(res.rated[static_cast<size_t>(b)].member_index)];
        return sort_desc ? y < x : x < y;
      });
    }
    else if (sort_col >= 1)
      std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const Tenths x = res.rated[static_cast<size_t>(a)].total, y = res.rated[static_cast<size_t>(b)].total;
        return sort_desc ? x > y : x < y;
      });
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const MemberRating& mr = res.rated[static_cast<size_t>(rows[static_cast<size_t>(r)])];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name_of(mr.member_index).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(FormatPoints(mr.total).c_str());
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, StarColour(mr.stars));
        ImGui::TextUnformatted(StarName(mr.stars));
        ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }

  ImGui::SeparatorText(T(kUnqualified));
  bool any = false;
  for (int k : order) {
    const MemberRating& mr = res.rated[static_cast<size_t>(k)];
    if (!mr.possibly_unqualified) continue;
    any = true;
    LabelColored(col::Red, name_of(mr.member_index) + "  " + FormatPoints(mr.total));
  }
  if (!any) LabelColored(col::Grey, T(kNone));

  // Members with no entry of the year: named here for the office to enter their points, never rated.
  std::string not_scored;
  for (int i : res.not_scored) {
    const Member& m = org.members[static_cast<size_t>(i)];
    if (m.branch_id == ui.branch) not_scored += (not_scored.empty() ? "" : "、") + name_of(i);
  }
  if (!not_scored.empty()) {
    ImGui::SeparatorText(T(kNotScored));
    ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
    LabelWrapped(T(kNotScoredWhy));
    ImGui::PopStyleColor();
    LabelWrapped(not_scored);
  }

  ImGui::SeparatorText(T(kExempted));
  any = false;
  for (const ExemptedMember& e : res.exempted) {
    const Member& m = org.members[static_cast<size_t>(e.member_index)];
    if (m.branch_id != ui.branch) continue;
    any = true;
    ImGui::PushID(e.exemption->meta.id.c_str());
    ImGui::AlignTextToFramePadding();
    LabelWrapped(name_of(e.member_index) + "：" + e.exemption->reason + "（" + e.exemption->approved_on.ToString() + "）");
    ImGui::SameLine();
    if (ImGui::SmallButton(T(kRemove))) app.Emit(Cmd<ExemptionRemove>([&](auto& c) { c.id = e.exemption->meta.id; }));
    ImGui::PopID();
  }
  if (!any) LabelColored(col::Grey, T(kNone));
  // Add an exemption for a member of the branch.
  {
    std::vector<int> branch_members;
    for (int i = 0; i < static_cast<int>(org.members.size()); ++i)
      if (org.members[static_cast<size_t>(i)].branch_id == ui.branch) branch_members.push_back(i);
    SortByRank(branch_members, NameRanks(app));
    std::vector<Id> ids;
    for (int i : branch_members) ids.push_back(org.members[static_cast<size_t>(i)].meta.id);
    PersonPicker("exempt_member", org, ids, ui.exempt_member, ui.exempt_picker, app.data_version(),
                 narrow ? -1.0f : Em(14), T(kMember));
  }
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(14));
  ImGui::InputTextWithHint("##exempt_reason", T(kReason), &ui.exempt_reason);
  LocatorRecordLastItem("exempt_reason");
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(8));
  ImGui::InputTextWithHint("##exempt_date", T(kApprovedOn), &ui.exempt_date);
  LocatorRecordLastItem("exempt_date");
  ImGui::SameLine();
  if (ImGui::Button(T(kAddExemption))) {
    ExemptionAdd ex;
    ex.member_id = ui.exempt_member;
    ex.year = ui.year;
    ex.reason = ui.exempt_reason;
    // The day of approval goes as typed: the command reads it or refuses it naming the field.
    app.Emit(AsTyped(ex, &ExemptionAdd::approved_on, ui.exempt_date), [&ui](const ApplyResult& r) {
      if (r.ok) ui.exempt_reason.clear();
    });
  }

  bool header = false;
  for (int i : res.not_member_yet) {
    if (org.members[static_cast<size_t>(i)].branch_id != ui.branch) continue;
    if (!header) ImGui::SeparatorText(T(kNotYet));
    header = true;
    Label(name_of(i));
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Branch stars
//-----------------------------------------------------------------------------
void DrawBranchStars(App& app) {
  RateScreen& ui = app.screens.rate;
  const Dataset& d = app.data();
  const Organization& org = d.org;
  const BranchRatingBook& book = d.branch_rating;
  const bool narrow = app.Narrow();
  Label(T(kYear));
  ImGui::SameLine();
  YearField(ui.year);

  // Weights (the notice names none: example until the town decides).
  if (ui.w_rubric < 0) { ui.w_rubric = book.weights.rubric; ui.w_target = book.weights.target; }
  LabelWrapped(std::string(T(kWeights)) + (book.weights.example ? T(kWeightsExample) : ""));
  ImGui::SetNextItemWidth(Em(6));
  ImGui::InputInt("##w_rubric", &ui.w_rubric, 0);
  LocatorRecordLastItem("w_rubric");
  ImGui::SameLine();
  Label("/");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(6));
  ImGui::InputInt("##w_target", &ui.w_target, 0);
  LocatorRecordLastItem("w_target");
  ImGui::SameLine();
  if (ImGui::Button(T(kSaveWeights)))
    app.Emit(Cmd<BranchRatingWeights>([&](auto& c) {
      c.rubric = ui.w_rubric;
      c.target = ui.w_target;
    }));

  const BranchRatingResult res = RateBranches(org, book, ui.year);
  for (const std::string& p : res.problems_zh) LabelColored(col::Red, p);
  Label(Fmt(T(kCounts), res.count_by_stars[3], res.count_by_stars[2], res.count_by_stars[1], res.count_by_stars[0]));
  if (ImGui::BeginTable("branch_ranking", narrow ? 4 : 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T(kRank), ImGuiTableColumnFlags_WidthFixed, Em(2.5f));
    ImGui::TableSetupColumn(T(kBranch), ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableSetupColumn(T(kScore), ImGuiTableColumnFlags_WidthStretch, narrow ? 3.0f : 1.5f);
    if (!narrow) ImGui::TableSetupColumn(T(kStars), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(T(kMove), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    for (const BranchRating& r : res.ranked) {
      const Branch& b = org.branches[static_cast<size_t>(r.branch_index)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      Label(std::to_string(r.rank));
      ImGui::TableNextColumn();
      Label(b.name);
      ImGui::TableNextColumn();
      if (narrow) LabelColored(StarColour(r.stars), FormatPoints(r.score) + " " + StarName(r.stars));
      else Label(FormatPoints(r.score));
      if (!narrow) {
        ImGui::TableNextColumn();
        LabelColored(StarColour(r.stars), StarName(r.stars));
      }
      ImGui::TableNextColumn();
      const ImU32 mc = r.move == StarMove::Up ? col::Green : r.move == StarMove::Down ? col::Red : col::Grey;
      LabelColored(mc, T(kMoves[static_cast<int>(r.move)]));
    }
    ImGui::EndTable();
  }
  if (!res.not_rated.empty()) {
    ImGui::SeparatorText(T(kNotRated));
    for (const BranchNotRated& n : res.not_rated)
      LabelColored(col::Grey, org.branches[static_cast<size_t>(n.branch_index)].name + "：" +
                                  (CurrentLang() == Lang::Zh ? n.reason_zh : n.reason_en));
  }
  // Publish (动态管理: kept as history; a later year compares against it).
  std::string published;
  for (const BranchStarRecord& h : book.history)
    if (h.year == ui.year && h.published_on) published = h.published_on->ToString();
  ImGui::BeginDisabled(res.ranked.empty());
  if (ImGui::Button(T(kPublish)))
    app.Emit(Cmd<BranchRatingPublish>([&](auto& c) {
      c.year = ui.year;
      c.published_on = app.today;
    }));
  ImGui::EndDisabled();
  if (!published.empty()) {
    ImGui::SameLine();
    LabelColored(col::Green, Fmt(T(kPublished), published.c_str()));
  }

  // History by year.
  ImGui::SeparatorText(T(kHistory));
  std::set<int> years;
  for (const BranchStarRecord& h : book.history) years.insert(h.year);
  for (const Branch& b : org.branches) {
    std::string line = b.name + "：";
    std::optional<int> prev;
    bool any = false;
    for (int y : years) {
      for (const BranchStarRecord& h : book.history) {
        if (h.branch_id != b.meta.id || h.year != y) continue;
        if (any) line += h.stars > *prev ? " ↑ " : h.stars < *prev ? " ↓ " : " → ";
        line += std::to_string(y) + " " + StarName(h.stars);
        prev = h.stars;
        any = true;
      }
    }
    if (any) LabelWrapped(line);
  }

  // Assessment entry for one branch: rubric items and the year-end target score.
  ImGui::SeparatorText(T(kAssessment));
  if (ui.assess_branch.empty() && !org.branches.empty()) ui.assess_branch = org.branches.front().meta.id;
  BranchCombo(app, ui.assess_branch, "assess_branch", narrow ? -1.0f : Em(16));
  if (FindBranch(org, ui.assess_branch) < 0) return;
  const BranchAssessment* a = nullptr;
  for (const BranchAssessment& x : book.assessments)
    if (x.branch_id == ui.assess_branch && x.year == ui.year) a = &x;
  if (!a) LabelColored(col::Grey, T(kNoAssessment));
  Tenths sum = 0, max = 0;
  for (const RubricItem& it : book.rubric.items) {
    Tenths score = 0;
    if (a)
      for (const RubricScore& s : a->scores)
        if (s.item_id == it.meta.id) score = s.score;
    sum += std::min(score, it.max_points);
    max += it.max_points;
    ImGui::PushID(it.meta.id.c_str());
    ImGui::AlignTextToFramePadding();
    Label(Fmt(T(kRubricItem), it.code.c_str(), it.name_zh.c_str(), FormatPoints(it.max_points).c_str()));
    if (!narrow) ImGui::SameLine(Em(22));
    std::string v;
    if (CommitText(ui.fields, ("rubric:" + it.code).c_str(), a ? FormatPoints(score) : "", v, Em(6)))
      app.Emit(Cmd<AssessmentSet>([&](auto& c) {
        c.branch_id = ui.assess_branch;
        c.year = ui.year;
        c.scores = nlohmann::json{{it.meta.id, v}};  // {rubric item id: the score as typed}
      }));
    ImGui::PopID();
  }
  ImGui::AlignTextToFramePadding();
  Label(T(kTarget));
  if (!narrow) ImGui::SameLine(Em(22));
  std::string v;
  if (CommitText(ui.fields, "target_score", a && a->target_score ? FormatPoints(*a->target_score) : "", v, Em(6))) {
    AssessmentSet as;
    as.branch_id = ui.assess_branch;
    as.year = ui.year;
    as.target_score.emplace(std::nullopt);  // empty: cleared; a score goes as typed (the command reads it)
    app.Emit(v.empty() ? ToCommand(as) : AsTyped(as, &AssessmentSet::target_score, v));
  }
  LabelColored(col::Grey, Fmt(T(kRubricSum), FormatPoints(sum).c_str(), FormatPoints(max).c_str()));
  for (const BranchRating& r : res.ranked)
    if (org.branches[static_cast<size_t>(r.branch_index)].meta.id == ui.assess_branch)
      LabelColored(StarColour(r.stars), Fmt(T(kResult), FormatPoints(r.score).c_str(), StarName(r.stars)));
}

}  // namespace

void DrawRate(App& app) {
  Load(app);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  const char* tabs[] = {T(kTabEntry), T(kTabMembers), T(kTabBranches), T(kTabCatalogue)};
  const int open = SubTabs("rate_tabs", tabs, 4, app.Narrow() ? kTouchPx : 0.0f);
  app.ShowingTab(std::string("rate:") + tabs[open]);
  switch (open) {
    case 0: DrawEntry(app); break;
    case 1: DrawMemberStars(app); break;
    case 2: DrawBranchStars(app); break;
    default: DrawCatalogue(app); break;  // 项目与细则: shell/screens/catalogue.cpp
  }
}

}  // namespace zj::ui
