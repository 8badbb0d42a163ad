// 评 Rate, tab 项目与细则: the points catalogue (积分项目表) and the branch assessment rubric (积分制管理考核
// 细则), both examples (示例) until the town enters its handbook's. Drawn inside the 评 screen (rate.cpp).
// Every change is a command of core/rate/commands_catalogue.cpp (catalogue.item.*, rubric.item.*), so it can be
// undone; a refused one (e.g. removing an item that point entries use) shows its reason here.
//
// [SECTION] Strings and state
// [SECTION] Points catalogue (积分项目表)
// [SECTION] Assessment rubric (考核细则)
// [SECTION] Entry
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/rate/branch_rating.h"
#include "core/rate/commands_catalogue.h"
#include "core/base/encoding.h"
#include "core/rate/points.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/collation.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings and state
//-----------------------------------------------------------------------------
const Tr kItemsTab{"积分项目表", "Point items"};
const Tr kRubricTab{"考核细则", "Assessment rubric"};
const Tr kExampleItems{"当前为示例积分项目（非本镇手册）。按《党员积分制管理手册》新增、修改或删除后，即作为本镇的积分项目。",
                       "These are example items, not the town's handbook. Add, edit or remove items to make them the town's own."};
const Tr kExampleRubric{"当前为示例考核细则。修改后即作为本镇的考核细则；满分合计不必为 100，评星时折算为百分制。",
                        "This is an example rubric. Edit it to make it the town's own; the full marks need not total 100 (scores are converted to a percentage)."};
const Tr kCode{"编号", "Code"};
const Tr kCategory{"类别", "Category"};
const Tr kName{"名称", "Name"};
const Tr kPoints{"每次分值", "Points"};
const Tr kCap{"年度上限", "Yearly cap"};
const Tr kEvidence{"需佐证材料", "Evidence required"};
const Tr kUsed{"已使用", "Used"};
const Tr kMax{"满分", "Full marks"};
const Tr kEdit{"编辑", "Edit"};
const Tr kRemove{"删除", "Remove"};
const Tr kNoCap{"不设上限", "no cap"};
const Tr kYes{"是", "yes"};
const Tr kAddItem{"新增积分项目", "Add point item"};
const Tr kEditItemFmt{"修改积分项目 %s", "Edit point item %s"};
const Tr kAddRubric{"新增考核项目", "Add rubric item"};
const Tr kEditRubricFmt{"修改考核项目 %s", "Edit rubric item %s"};
const Tr kSave{"保存修改", "Save changes"};
const Tr kCancel{"取消", "Cancel"};
const Tr kCodeHint{"留空自动编号", "empty: numbered automatically"};
const Tr kCapHint{"留空为不设上限", "empty: no cap"};
const Tr kItemHelp{"扣分项目的分值写负数（如 -5），年度上限写正数；分值最多一位小数（如 0.5）。",
                   "Deductions are negative (e.g. -5), the yearly cap positive; at most one decimal (e.g. 0.5)."};
const Tr kUsedEntriesFmt{"%d 条记录", "%d entries"};
const Tr kUsedScoresFmt{"%d 个得分", "%d scores"};
const Tr kRubricTotalFmt{"满分合计 %s 分（评星时折算为百分制）", "Full marks total %s (converted to a percentage)"};
const Tr kConfirmItemFmt{"删除积分项目 %s %s？", "Remove point item %s %s?"};
const Tr kConfirmRubricFmt{"删除考核项目 %s %s？", "Remove rubric item %s %s?"};
const Tr kConfirmUsedEntriesFmt{"已有 %d 条积分记录使用该项目：删除会被拒绝。", "%d point entries use this item: removing it will be refused."};
const Tr kConfirmUsedScoresFmt{"已有 %d 个考核得分使用该项目：删除会被拒绝。", "%d assessment scores use this item: removing it will be refused."};
const Tr kConfirmUndo{"删除后可用“撤销”恢复。", "Undo brings it back."};
const Tr kConfirmRemove{"确认删除", "Remove"};
const Tr kSaved{"已保存：%s %s", "Saved: %s %s"};
const Tr kRemoved{"已删除：%s %s", "Removed: %s %s"};
const StringTable kTable{&kItemsTab, &kRubricTab, &kExampleItems, &kExampleRubric, &kCode, &kCategory, &kName, &kPoints,
                         &kCap, &kEvidence, &kUsed, &kMax, &kEdit, &kRemove, &kNoCap, &kYes, &kAddItem, &kEditItemFmt,
                         &kAddRubric, &kEditRubricFmt, &kSave, &kCancel, &kCodeHint, &kCapHint, &kItemHelp,
                         &kUsedEntriesFmt, &kUsedScoresFmt, &kRubricTotalFmt, &kConfirmItemFmt, &kConfirmRubricFmt,
                         &kConfirmUsedEntriesFmt, &kConfirmUsedScoresFmt, &kConfirmUndo, &kConfirmRemove, &kSaved,
                         &kRemoved};
const Tr kCategories[] = {{"基础积分", "Basic"}, {"奖励积分", "Merit"}, {"扣分", "Deduction"}};
const StringTable kTable2{&kCategories[0], &kCategories[1], &kCategories[2]};
constexpr PointCategory kCategoryOrder[] = {PointCategory::Basic, PointCategory::Merit, PointCategory::Deduction};

using Form = CatalogueTab::Form;

std::string Fmt(const char* fmt, const std::string& a, const std::string& b = "") {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, a.c_str(), b.c_str());
  return buf;
}
std::string FmtInt(const char* fmt, int n) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, n);
  return buf;
}
std::string ProblemText(const Problem& p) { return CurrentLang() == Lang::Zh ? p.message_zh : p.message_en; }
std::string Signed(Tenths t) { return (t > 0 ? "+" : "") + FormatPoints(t); }
int CategoryIndex(PointCategory c) { return c == PointCategory::Basic ? 0 : c == PointCategory::Merit ? 1 : 2; }

/// A button at least 44 CSS px high on phones, recorded for the test locator as `test_label`.
bool Btn(const char* label, const std::string& test_label, bool narrow) {
  const bool hit = ImGui::Button(label, ImVec2(0, narrow ? ImMax(kTouchPx, ImGui::GetFrameHeight()) : 0.0f));
  LocatorRecordLastItem(test_label.c_str());
  return hit;
}

/// A labelled single-line field (label left on wide screens, above on phones), recorded as `test_label`.
void Field(const char* label, const char* test_label, std::string& text, bool narrow, const char* hint = "",
           ImGuiInputTextFlags flags = 0) {
  ImGui::AlignTextToFramePadding();
  Label(label);
  if (!narrow) ImGui::SameLine(Em(6));
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(20));
  if (narrow)
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, ImMax(ImGui::GetStyle().FramePadding.y, (kTouchPx - ImGui::GetFontSize()) * 0.5f)));
  ImGui::InputTextWithHint((std::string("##") + test_label).c_str(), hint, &text, flags);
  if (narrow) ImGui::PopStyleVar();
  LocatorRecordLastItem(test_label);
}

/// How many point entries use each item / assessment scores each rubric item, recounted when the data changes.
const CatalogueTab::UseCounts& Counts(App& app) {
  CatalogueTab::UseCounts& c = app.screens.catalogue.uses;
  if (c.version == app.data_version()) return c;
  c = CatalogueTab::UseCounts{};
  c.version = app.data_version();
  for (const PointEntry& e : app.data().points.entries) ++c.entries[e.item_id];
  for (const BranchAssessment& a : app.data().branch_rating.assessments)
    for (const RubricScore& s : a.scores) ++c.scores[s.item_id];
  return c;
}
int CountOf(const std::map<Id, int>& m, const Id& id) {
  auto f = m.find(id);
  return f == m.end() ? 0 : f->second;
}

/// Emits `cmd`; once applied, reports its result in `form`: the problem, or "已保存：<code> <name>" of the
/// saved record (`code_of(app, id)` finds the code in the changed data, also the one made for a new record)
/// with the form cleared.
void EmitFrom(App& app, Form& form, Command cmd, const std::string& name, std::string (*code_of)(const App&, const Id&)) {
  const Id id = form.editing;
  app.Emit(std::move(cmd), [&app, &form, id, name, code_of](const ApplyResult& r) {
    if (!r.ok) {
      form.message = ProblemText(r.problem);
      form.message_ok = false;
      return;
    }
    form = Form{};
    form.message = Fmt(T(kSaved), code_of(app, r.created_id.empty() ? id : r.created_id), name);
    form.message_ok = true;
  });
}
std::string ItemCode(const App& app, const Id& id) {
  for (const PointItem& it : app.data().points.catalogue.items)
    if (it.meta.id == id) return it.code;
  return std::string();
}
std::string RubricCode(const App& app, const Id& id) {
  for (const RubricItem& it : app.data().branch_rating.rubric.items)
    if (it.meta.id == id) return it.code;
  return std::string();
}

void Message(const Form& f) {
  if (!f.message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(f.message_ok ? col::Green : col::Red, f.message);
    ImGui::PopTextWrapPos();
  }
}

/// Width of the 编辑 / 删除 column: side by side on wide screens, stacked on phones.
float ActionsWidth(bool narrow) {
  const float pad = ImGui::GetStyle().FramePadding.x * 2;
  const float edit = ImGui::CalcTextSize(T(kEdit)).x + pad, remove = ImGui::CalcTextSize(T(kRemove)).x + pad;
  return narrow ? ImMax(edit, remove) : edit + remove + ImGui::GetStyle().ItemSpacing.x;
}

/// Row height and vertical text offset for table rows (touch-sized on phones).
float RowH(bool narrow) { return narrow ? ImMax(kTouchPx, Em(2.6f)) : 0.0f; }

//-----------------------------------------------------------------------------
// [SECTION] Points catalogue
//-----------------------------------------------------------------------------
void DrawItems(App& app) {
  CatalogueTab& s = app.screens.catalogue;
  const PointCatalogue& cat = app.data().points.catalogue;
  const CatalogueTab::UseCounts& uses = Counts(app);
  const bool narrow = app.Narrow();
  if (cat.example) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Gold, T(kExampleItems));
    ImGui::PopTextWrapPos();
  } else if (!cat.name.empty()) {
    LabelColored(col::Grey, cat.name);
  }
  Form& f = s.item;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_SizingStretchProp;
  const float row_h = RowH(narrow);
  if (ImGui::BeginTable("catalogue_items", narrow ? 3 : 8, flags)) {
    if (!narrow) ImGui::TableSetupColumn(T(kCode), ImGuiTableColumnFlags_WidthFixed, Em(3));
    if (!narrow) ImGui::TableSetupColumn(T(kCategory), ImGuiTableColumnFlags_WidthFixed, Em(4.5f));
    ImGui::TableSetupColumn(T(kName), ImGuiTableColumnFlags_WidthStretch, 6);
    ImGui::TableSetupColumn(T(kPoints), ImGuiTableColumnFlags_WidthFixed, Em(narrow ? 3.5f : 4.5f));
    if (!narrow) {
      ImGui::TableSetupColumn(T(kCap), ImGuiTableColumnFlags_WidthFixed, Em(4.5f));
      ImGui::TableSetupColumn(T(kEvidence), ImGuiTableColumnFlags_WidthFixed, Em(5));
      ImGui::TableSetupColumn(T(kUsed), ImGuiTableColumnFlags_WidthFixed, Em(4.5f));
    }
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ActionsWidth(narrow));
    ImGui::TableHeadersRow();
    for (const PointItem& it : cat.items) {
      const int used = CountOf(uses.entries, it.meta.id);
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      ImGui::PushID(it.meta.id.c_str());
      if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Label(it.code);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Label(T(kCategories[CategoryIndex(it.category)]));
      }
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      if (narrow) {  // code and name, then category, cap, evidence and use on a grey line
        Label(it.code + " " + it.name_zh);
        std::string info = std::string(T(kCategories[CategoryIndex(it.category)])) + " · " +
                           (it.yearly_cap ? std::string(T(kCap)) + " " + FormatPoints(*it.yearly_cap) : T(kNoCap));
        if (it.evidence_required) info += std::string(" · ") + T(kEvidence);
        if (used) info += " · " + FmtInt(T(kUsedEntriesFmt), used);
        LabelColored(col::Grey, info);
      } else {
        ImGui::AlignTextToFramePadding();
        Label(it.name_zh);
      }
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      LabelColored(it.points < 0 ? col::Red : col::Ink, Signed(it.points));
      if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Label(it.yearly_cap ? FormatPoints(*it.yearly_cap) : T(kNoCap));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Label(it.evidence_required ? T(kYes) : "");
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        LabelColored(col::Grey, used ? FmtInt(T(kUsedEntriesFmt), used) : "");
      }
      ImGui::TableNextColumn();
      if (Btn(T(kEdit), "cat_edit:" + it.code, narrow)) {
        f = Form{};
        f.editing = it.meta.id;
        f.code = it.code;
        f.name = it.name_zh;
        f.points = FormatPoints(it.points);
        f.cap = it.yearly_cap ? FormatPoints(*it.yearly_cap) : "";
        f.category = CategoryIndex(it.category);
        f.evidence = it.evidence_required;
        f.scroll_to = true;
      }
      if (!narrow) ImGui::SameLine();  // phones: the two buttons stacked (the name keeps the width)
      ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
      if (Btn(T(kRemove), "cat_remove:" + it.code, narrow)) {
        s.confirm_id = it.meta.id;
        s.confirm_rubric = false;
        s.confirm_problem.clear();
        s.open_confirm = true;
      }
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  // Add / edit form.
  ImGui::Spacing();
  const PointItem* editing = nullptr;
  for (const PointItem& it : cat.items)
    if (it.meta.id == f.editing) editing = &it;
  if (!editing) f.editing.clear();
  ImGui::SeparatorText(editing ? Fmt(T(kEditItemFmt), editing->code).c_str() : T(kAddItem));
  if (f.scroll_to) {
    ImGui::SetScrollHereY(0.1f);
    f.scroll_to = false;
  }
  Field(T(kCode), "cat_code", f.code, narrow, T(kCodeHint));
  ImGui::AlignTextToFramePadding();
  Label(T(kCategory));
  if (!narrow) ImGui::SameLine(Em(6));
  for (int k = 0; k < 3; ++k) {
    if (k) ImGui::SameLine();
    if (ImGui::RadioButton(T(kCategories[k]), f.category == k)) f.category = k;
    LocatorRecordLastItem((std::string("cat_category:") + kCategories[k].zh).c_str());
  }
  Field(T(kName), "cat_name", f.name, narrow);
  Field(T(kPoints), "cat_points", f.points, narrow, f.category == 2 ? "-5" : "2");
  Field(T(kCap), "cat_cap", f.cap, narrow, T(kCapHint));
  CheckboxWrapped(T(kEvidence), &f.evidence);
  LocatorRecordLastItem("cat_evidence");
  ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
  LabelWrapped(T(kItemHelp));
  ImGui::PopStyleColor();
  Message(f);  // above the buttons: in view when they are pressed (a phone's tab bar covers the bottom)
  const bool save = Btn(editing ? T(kSave) : T(kAddItem), editing ? "cat_save" : "cat_add", narrow);
  if (editing) {
    ImGui::SameLine();
    if (Btn(T(kCancel), "cat_cancel", narrow)) f = Form{};
  }
  ImGui::Dummy(ImVec2(1, Em(2)));
  if (save) {
    // Points and the cap go as typed: the command reads them or refuses them naming the field. An empty code
    // is left out (the command makes one); an empty cap is none.
    auto build = [&f](auto item) {
      item.category = PointCategoryCode(kCategoryOrder[f.category]);
      item.name_zh = f.name;
      item.evidence_required = f.evidence;
      if (!TrimSpaces(f.code).empty()) item.code = f.code;
      const bool no_cap = TrimSpaces(f.cap).empty();
      if (no_cap) item.yearly_cap.emplace(std::nullopt);
      Command cmd = AsTyped(item, &PointItemFields::points, f.points);
      if (!no_cap) cmd.args.update(AsTyped(item, &PointItemFields::yearly_cap, f.cap).args);
      return cmd;
    };
    CatalogueItemUpdate update;
    if (editing) update.id = editing->meta.id;
    EmitFrom(app, f, editing ? build(update) : build(CatalogueItemAdd{}), TrimSpaces(f.name), ItemCode);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Assessment rubric
//-----------------------------------------------------------------------------
void DrawRubric(App& app) {
  CatalogueTab& s = app.screens.catalogue;
  const BranchRubric& rubric = app.data().branch_rating.rubric;
  const CatalogueTab::UseCounts& uses = Counts(app);
  const bool narrow = app.Narrow();
  if (rubric.example) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Gold, T(kExampleRubric));
    ImGui::PopTextWrapPos();
  }
  Form& f = s.rubric;
  Tenths total = 0;
  for (const RubricItem& it : rubric.items) total += it.max_points;
  Label(Fmt(T(kRubricTotalFmt), FormatPoints(total)));
  const float row_h = RowH(narrow);
  if (ImGui::BeginTable("rubric_items", narrow ? 3 : 5,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    if (!narrow) ImGui::TableSetupColumn(T(kCode), ImGuiTableColumnFlags_WidthFixed, Em(3));
    ImGui::TableSetupColumn(T(kName), ImGuiTableColumnFlags_WidthStretch, 6);
    ImGui::TableSetupColumn(T(kMax), ImGuiTableColumnFlags_WidthFixed, Em(3.5f));
    if (!narrow) ImGui::TableSetupColumn(T(kUsed), ImGuiTableColumnFlags_WidthFixed, Em(4.5f));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ActionsWidth(narrow));
    ImGui::TableHeadersRow();
    for (const RubricItem& it : rubric.items) {
      const int used = CountOf(uses.scores, it.meta.id);
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      ImGui::PushID(it.meta.id.c_str());
      if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        Label(it.code);
      }
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      if (narrow) {
        Label(it.code + " " + it.name_zh);
        if (used) LabelColored(col::Grey, FmtInt(T(kUsedScoresFmt), used));
      } else {
        ImGui::AlignTextToFramePadding();
        Label(it.name_zh);
      }
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      Label(FormatPoints(it.max_points));
      if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        LabelColored(col::Grey, used ? FmtInt(T(kUsedScoresFmt), used) : "");
      }
      ImGui::TableNextColumn();
      if (Btn(T(kEdit), "rubric_edit:" + it.code, narrow)) {
        f = Form{};
        f.editing = it.meta.id;
        f.code = it.code;
        f.name = it.name_zh;
        f.points = FormatPoints(it.max_points);
        f.scroll_to = true;
      }
      if (!narrow) ImGui::SameLine();  // phones: the two buttons stacked (the name keeps the width)
      ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
      if (Btn(T(kRemove), "rubric_remove:" + it.code, narrow)) {
        s.confirm_id = it.meta.id;
        s.confirm_rubric = true;
        s.confirm_problem.clear();
        s.open_confirm = true;
      }
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  ImGui::Spacing();
  const RubricItem* editing = nullptr;
  for (const RubricItem& it : rubric.items)
    if (it.meta.id == f.editing) editing = &it;
  if (!editing) f.editing.clear();
  ImGui::SeparatorText(editing ? Fmt(T(kEditRubricFmt), editing->code).c_str() : T(kAddRubric));
  if (f.scroll_to) {
    ImGui::SetScrollHereY(0.1f);
    f.scroll_to = false;
  }
  Field(T(kCode), "rubric_code", f.code, narrow, T(kCodeHint));
  Field(T(kName), "rubric_name", f.name, narrow);
  Field(T(kMax), "rubric_max", f.points, narrow, "15");
  Message(f);
  const bool save = Btn(editing ? T(kSave) : T(kAddRubric), editing ? "rubric_save" : "rubric_add", narrow);
  if (editing) {
    ImGui::SameLine();
    if (Btn(T(kCancel), "rubric_cancel", narrow)) f = Form{};
  }
  ImGui::Dummy(ImVec2(1, Em(2)));
  if (save) {
    // Full marks go as typed: the command reads them or refuses them naming the field. An empty code is left
    // out (the command makes one).
    auto build = [&f](auto item) {
      item.name_zh = f.name;
      if (!TrimSpaces(f.code).empty()) item.code = f.code;
      return AsTyped(item, &RubricItemFields::max_points, f.points);
    };
    RubricItemUpdate update;
    if (editing) update.id = editing->meta.id;
    EmitFrom(app, f, editing ? build(update) : build(RubricItemAdd{}), TrimSpaces(f.name), RubricCode);
  }
}

/// The remove confirmation of either table: names the item and how many records use it; a refused
/// removal keeps the dialog open with the reason.
void DrawConfirm(App& app) {
  CatalogueTab& s = app.screens.catalogue;
  if (s.open_confirm) ImGui::OpenPopup("##catalogue_confirm");
  s.open_confirm = false;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x < Em(26) ? vp->Size.x - Em(1) : Em(24), 0));
  if (!ImGui::BeginPopupModal("##catalogue_confirm", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize))
    return;
  const Dataset& d = app.data();
  const CatalogueTab::UseCounts& uses = Counts(app);
  std::string code, name;
  int used = 0;
  bool found = false;
  if (s.confirm_rubric) {
    for (const RubricItem& it : d.branch_rating.rubric.items)
      if (it.meta.id == s.confirm_id) { code = it.code; name = it.name_zh; found = true; }
    used = CountOf(uses.scores, s.confirm_id);
  } else {
    for (const PointItem& it : d.points.catalogue.items)
      if (it.meta.id == s.confirm_id) { code = it.code; name = it.name_zh; found = true; }
    used = CountOf(uses.entries, s.confirm_id);
  }
  bool close = !found;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
  Label(Fmt(T(s.confirm_rubric ? kConfirmRubricFmt : kConfirmItemFmt), code, name));
  ImGui::PopFont();
  if (used) LabelColored(col::Grey, FmtInt(T(s.confirm_rubric ? kConfirmUsedScoresFmt : kConfirmUsedEntriesFmt), used));
  else LabelColored(col::Grey, T(kConfirmUndo));
  if (!s.confirm_problem.empty()) LabelColored(col::Red, s.confirm_problem);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const float h = ImMax(kTouchPx, ImGui::GetFrameHeight());
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(190, 40, 40, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(210, 60, 60, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
  const bool remove = ImGui::Button(T(kConfirmRemove), ImVec2(0, h));
  LocatorRecordLastItem("confirm_remove");
  ImGui::PopStyleColor(3);
  ImGui::SameLine();
  if (ImGui::Button(T(kCancel), ImVec2(0, h)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) close = true;
  LocatorRecordLastItem("confirm_cancel");
  if (remove && found) {
    // Once applied: the dialog closes (confirm_id cleared) with the result in the table's form, or stays open
    // with the reason of a refusal.
    const Id id = s.confirm_id;
    app.Emit(s.confirm_rubric ? Cmd<RubricItemRemove>([&](auto& c) { c.id = id; })
                              : Cmd<CatalogueItemRemove>([&](auto& c) { c.id = id; }),
             [&s, id, code, name](const ApplyResult& r) {
               if (r.ok) {
                 Form& f = s.confirm_rubric ? s.rubric : s.item;
                 if (f.editing == id) f = Form{};
                 f.message = Fmt(T(kRemoved), code, name);
                 f.message_ok = true;
                 s.confirm_id.clear();
                 s.confirm_problem.clear();
               } else {
                 s.confirm_problem = ProblemText(r.problem);
               }
             });
  }
  if (close) {
    s.confirm_id.clear();
    s.confirm_problem.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry
//-----------------------------------------------------------------------------
void DrawCatalogue(App& app) {
  const char* tabs[] = {T(kItemsTab), T(kRubricTab)};
  if (SubTabs("catalogue_tabs", tabs, 2, app.Narrow() ? kTouchPx : 0.0f) == 0) DrawItems(app);
  else DrawRubric(app);
  DrawConfirm(app);
}

}  // namespace zj::ui
