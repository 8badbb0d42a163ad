// 组织 Organization (docs/domain.md "The organization"; notice 二、五).
// [SECTION] Strings and state
// [SECTION] Members: the roster (filter by name and branch, sortable, smooth at thousands of rows through
//           ImGuiListClipper) and the member editor (all fields, posts, representative, reserve cadre,
//           exemptions from the member stars)
// [SECTION] Tree: 片区 → 党总支 → 党支部 with kinds and the focus-object flag; add, edit, move, remove
// [SECTION] Cadres: roles, linked villages, lecture teams
// [SECTION] Roster import (preview per row, then one command) and export (CSV for Excel/WPS)
// Every change is a command (member.*, area.*, general_branch.*, branch.*, cadre.*, exemption.*,
// org.focus_rule, roster.import), so undo/redo and the audit trail come with it.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/base/encoding.h"
#include "core/org/commands_member.h"
#include "core/org/commands_org.h"
#include "core/org/roster_import.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImMax
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/collation.h"
#include "shell/fields.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings and state
//-----------------------------------------------------------------------------
const Tr kTabMembers{"党员", "Members"};
const Tr kTabTree{"组织架构", "Structure"};
const Tr kTabCadres{"干部", "Cadres"};
const Tr kTabRoster{"名册导入导出", "Roster import/export"};
const Tr kAllBranches{"全部党支部", "All branches"};
const Tr kEthnicity{"民族", "Ethnicity"};
const Tr kBirth{"出生日期", "Born"};
const Tr kJoin{"入党日期", "Joined"};
const Tr kStatus{"人员类别", "Status"};
const Tr kEducation{"学历", "Education"};
const Tr kPhone{"联系电话", "Phone"};
const Tr kOtherPosts{"其他职务", "Other posts"};
const Tr kExemptions{"特殊情况免评（党员评星）", "Exempted from member stars"};
const Tr kExemptYear{"%d 年度：%s（%s 批准）", "%d: %s (approved %s)"};
const Tr kExemptAdd{"登记本年度免评", "Exempt for this year"};
const Tr kReasonHint{"原因，如长期外出务工", "Reason, e.g. working away"};
const Tr kRemove{"删除", "Remove"};
const Tr kMale{"男", "Male"};
const Tr kFemale{"女", "Female"};
const Tr kUnknown{"未填", "Not given"};
const Tr kAddArea{"添加片区", "Add area"};
const Tr kAddGb{"添加党总支", "Add general branch"};
const Tr kAddBranch{"添加党支部", "Add branch"};
const Tr kNewArea{"新片区", "New area"};
const Tr kNewGb{"新党总支", "New general branch"};
const Tr kNewBranch{"新党支部", "New branch"};
const Tr kKind{"类型", "Kind"};
const Tr kNodeName{"名称", "Name"};
const Tr kParentArea{"所属片区", "Area"};
const Tr kParentGb{"所属党总支", "General branch"};
const Tr kNoGb{"（未归属党总支）", "(no general branch)"};
const Tr kRank{"上年目标考核排名", "Last year's rank"};
const Tr kFocus{"重点对象", "Focus object"};
const Tr kFocusRule{"重点对象规则：上年排名最后", "Focus objects: the last"};
const Tr kFocusApply{"按规则标记", "Apply rule"};
const Tr kMergeInto{"合并到", "Merge into"};
const Tr kMergeChoose{"（选择党支部）", "(choose a branch)"};
const Tr kMergeDo{"确定合并", "Merge"};
const Tr kCancelMerge{"取消", "Cancel"};
const Tr kBranchesUnit{"个党支部", "branches"};
const Tr kChief{"片长", "Area chief"};
const Tr kGbSecretary{"总支书记", "Secretary"};
const Tr kNone{"（无）", "(none)"};
const Tr kSelectNode{"在上方选择片区、党总支或党支部进行编辑。", "Select an area, general branch or branch above to edit it."};
const Tr kMembersCount{"%d 名党员", "%d members"};
const Tr kFocusMark{"重点", "focus"};
const Tr kAddCadre{"添加干部", "Add cadre"};
const Tr kNewCadre{"新干部", "New cadre"};
const Tr kTitleField{"职务", "Title"};
const Tr kRoles{"角色", "Roles"};
const Tr kLinked{"联系/驻村党支部", "Linked villages"};
const Tr kTeams{"宣讲队", "Lecture teams"};
const Tr kCadreArea{"负责片区", "Area"};
const Tr kImport{"导入名册…", "Import roster…"};
/// What the roster's file chooser offers: CSV and Excel/WPS workbooks (web/glue.js reads the latter with web/xlsx.js).
const char* const kRosterAccept =
    ".csv,.xlsx,.xls,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
    "application/vnd.ms-excel";
const Tr kImportHelp{"从 Excel/WPS 表格（.xlsx、.xls）或 CSV 名册（UTF-8 或 GBK 均可）导入。先预览每一行的结果，确认后一步导入；文件被拒绝时不做任何改动，导入后可撤销。",
                     "Import a roster from an Excel/WPS workbook (.xlsx, .xls) or a CSV file (UTF-8 or GBK). Each row is previewed first, "
                     "then applied in one step; a refused file changes nothing; an import can be undone."};
const Tr kFileOnly{"文件：%s", "File: %s"};
const Tr kSheetRead{"读取工作表：%s", "Sheet read: %s"};
const Tr kSheet{"选择工作表", "Choose sheet"};
const Tr kSheetNote{"表格中有%d个有内容的工作表，可在上方选择要导入的一个。", "The workbook has %d sheets with content; choose the one to import above."};
const Tr kCreateBranches{"名册中有本镇没有的党支部时自动创建", "Create branches the roster names but the town lacks"};
const Tr kFile{"文件：%s（%s）", "File: %s (%s)"};
const Tr kRefusedFile{"文件被拒绝，未做任何改动：", "The file is refused; nothing changed:"};
const Tr kApply{"确认导入（新增 %d，更新 %d）", "Apply (new %d, updated %d)"};
const Tr kCancel{"取消", "Cancel"};
const Tr kApplied{"已导入：新增 %d 名，更新 %d 名。可撤销。", "Imported: %d new, %d updated. Can be undone."};
const Tr kRow{"行", "Row"};
const Tr kOutcome{"结果", "Outcome"};
const Tr kReason{"原因", "Reason"};
const Tr kExport{"导出名册（CSV）", "Export roster (CSV)"};
const Tr kExportHelp{"导出为 Excel/WPS 可直接打开的 CSV（UTF-8 带 BOM）；身份证号只导出遮蔽形式。",
                     "Exports a CSV that Excel/WPS open directly (UTF-8 with BOM); ID numbers are masked."};
const Tr kExported{"已导出：%s", "Exported: %s"};
const Tr kNewBranches{"将创建党支部：", "Branches to create: "};
const Tr kHeaderRow{"表头：第%d行", "Header: row %d"};
const Tr kAboveHeader{"表头之上的行已跳过：", "Rows above the header, skipped: "};
const Tr kRowN{"第%d行", "row %d"};
const Tr kReadAs{"各列读作：", "Columns read as: "};
const Tr kIgnored{"（不导入）", " (not imported)"};
const Tr kShowAll{"显示全部行", "Show all rows"};
const StringTable kTable{&kTabMembers, &kTabTree, &kTabCadres, &kTabRoster, &kAllBranches, &kEthnicity, &kBirth, &kJoin,
                         &kStatus, &kEducation, &kPhone, &kOtherPosts, &kExemptions, &kExemptYear, &kExemptAdd,
                         &kReasonHint, &kRemove, &kMergeInto, &kMergeChoose, &kMergeDo, &kCancelMerge, &kMale, &kFemale, &kUnknown, &kAddArea, &kAddGb, &kAddBranch, &kNewArea,
                         &kNewGb, &kNewBranch, &kKind, &kNodeName, &kParentArea, &kParentGb, &kNoGb, &kRank, &kFocus, &kFocusRule,
                         &kFocusApply, &kBranchesUnit, &kChief, &kGbSecretary, &kNone, &kSelectNode, &kMembersCount,
                         &kFocusMark, &kAddCadre, &kNewCadre, &kTitleField, &kRoles, &kLinked, &kTeams, &kCadreArea,
                         &kImport, &kImportHelp, &kCreateBranches, &kFile, &kRefusedFile, &kApply, &kCancel, &kApplied,
                         &kRow, &kOutcome, &kReason, &kExport, &kExportHelp, &kExported, &kNewBranches, &kShowAll, &kFileOnly, &kSheetRead, &kSheet, &kSheetNote};
const Tr kKinds[] = {{"村党支部", "Village"}, {"社区党支部", "Community"}, {"镇直单位党支部", "Town unit"}};
const Tr kPosts[] = {{"书记", "Secretary"}, {"副书记", "Deputy secretary"}, {"委员", "Committee member"},
                     {"村委主任", "Village director"}, {"村委委员", "Village committee"}};
const Tr kStatuses[] = {{"正式党员", "Full member"}, {"预备党员", "Probationary"}};
const Tr kRoleNames[] = {{"镇党委书记", "Party secretary"}, {"镇党委班子成员", "Committee member"}, {"驻村干部", "Resident cadre"},
                         {"讲师团宣讲员", "Lecturer"}, {"办公室工作人员", "Office staff"}, {"片长", "Area chief"},
                         {"党总支书记", "General-branch secretary"}};
const Tr kTeamNames[] = {{"党的建设宣讲队", "Party building"}, {"农业技术宣讲队", "Agriculture"}, {"财经知识宣讲队", "Finance"},
                         {"社会治理宣讲队", "Social governance"}, {"扶贫工作宣讲队", "Poverty alleviation"}};
const Tr kOutcomes[] = {{"新增", "New"}, {"更新", "Updated"}, {"无变化", "Unchanged"}, {"拒绝", "Refused"}, {"跳过", "Skipped"}};
const StringTable kTable2{&kKinds[0], &kKinds[1], &kKinds[2], &kPosts[0], &kPosts[1], &kPosts[2], &kPosts[3], &kPosts[4],
                          &kStatuses[0], &kStatuses[1], &kRoleNames[0], &kRoleNames[1], &kRoleNames[2], &kRoleNames[3],
                          &kRoleNames[4], &kRoleNames[5], &kRoleNames[6], &kTeamNames[0], &kTeamNames[1], &kTeamNames[2],
                          &kTeamNames[3], &kTeamNames[4], &kOutcomes[0], &kOutcomes[1], &kOutcomes[2], &kOutcomes[3],
                          &kOutcomes[4]};

std::string Fmt(const char* fmt, ...) {
  char buf[600];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

std::string PostsText(const Member& m) {
  std::string s;
  for (Post p : m.posts) {
    if (!s.empty()) s += "、";
    s += T(kPosts[static_cast<int>(p)]);
  }
  if (!m.other_posts.empty()) s += (s.empty() ? "" : "、") + m.other_posts;
  return s;
}

/// Label on the left, field on the same line at `label_w` (wide) or below it (phones).
void FieldLabel(App& app, const char* text, float label_w) {
  ImGui::AlignTextToFramePadding();
  Label(text);
  if (!app.Narrow()) ImGui::SameLine(label_w);
}

/// A unique default name ("新片区", "新片区2", ...) for a new record.
template <typename V>
std::string FreshName(const V& records, const char* base) {
  for (int n = 1;; ++n) {
    std::string name = n == 1 ? std::string(base) : std::string(base) + std::to_string(n);
    bool used = false;
    for (const auto& r : records) used |= r.name == name;
    if (!used) return name;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Members
//-----------------------------------------------------------------------------
void MemberEditor(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  const Organization& org = app.data().org;
  const int mi = ui.selected_member.empty() ? -1 : FindMember(org, ui.selected_member);
  ImGui::SeparatorText(T(S::MemberEditor));
  if (mi < 0) {
    LabelWrapped(T(S::NoMemberSelected));
    return;
  }
  const Member& m = org.members[mi];
  const Id id = m.meta.id;
  if (ui.edit_for != m.meta.id || !ImGui::IsAnyItemActive()) {
    // Buffers follow the dataset unless the user is typing in them (undo, redo and imports show at once).
    if (ui.edit_for != m.meta.id || ui.edit_name != m.name) ui.edit_name = m.name;
    ui.edit_for = m.meta.id;
  }
  const float label_w = Em(6);
  const bool narrow = app.Narrow();
  Label(T(S::Name));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##member_name", &ui.edit_name);
  LocatorRecordLastItem("member_name");
  if (ImGui::IsItemDeactivatedAfterEdit() && ui.edit_name != m.name)
    app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.name = ui.edit_name; }));

  Label(T(S::Branch));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
  const int bi = FindBranch(org, m.branch_id);
  if (ImGui::BeginCombo("##member_branch", bi >= 0 ? org.branches[bi].name.c_str() : "")) {
    for (const Branch& b : org.branches)
      if (ImGui::Selectable(b.name.c_str(), b.meta.id == m.branch_id) && b.meta.id != m.branch_id)
        app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.branch_id = b.meta.id; }));
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("member_branch");
  bool rep = m.representative, reserve = m.reserve_cadre;
  if (CheckboxWrapped(T(S::Representative), &rep)) app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.representative = rep; }));
  ImGui::SameLine();
  if (CheckboxWrapped(T(S::ReserveCadre), &reserve)) app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.reserve_cadre = reserve; }));

  // Sex and status.
  FieldLabel(app, T(S::Sex), label_w);
  const char* sex_now = m.sex == "男" ? T(kMale) : m.sex == "女" ? T(kFemale) : T(kUnknown);
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(6));
  if (ImGui::BeginCombo("##member_sex", sex_now)) {
    for (const char* s : {"男", "女"})
      if (ImGui::Selectable(std::string(s) == "男" ? T(kMale) : T(kFemale), m.sex == s) && m.sex != s)
        app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.sex = s; }));
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("member_sex");
  if (!narrow) ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  Label(T(kStatus));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(8));
  if (ImGui::BeginCombo("##member_status", T(kStatuses[static_cast<int>(m.status)]))) {
    for (MemberStatus s : {MemberStatus::Full, MemberStatus::Probationary})
      if (ImGui::Selectable(T(kStatuses[static_cast<int>(s)]), m.status == s) && m.status != s)
        app.Emit(Cmd<MemberSetStatus>([&](auto& c) { c.id = id; c.status = MemberStatusCode(s); }));
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("member_status");

  // Text fields: each commits once when left. A date goes as typed (AsTyped: the command reads it, or refuses
  // it naming the field); left empty, it is cleared.
  struct F {
    const Tr* label;
    std::optional<std::string> MemberFields::*text;  // or null for a date
    Maybe<DateOrMonth> MemberFields::*date;          // or null for text
    const char* test;
    std::string value;
  };
  const F fields[] = {{&kEthnicity, &MemberFields::ethnicity, nullptr, "member_ethnicity", m.ethnicity},
                      {&kBirth, nullptr, &MemberFields::birth_date, "member_birth", m.birth_date ? m.birth_date->ToString() : ""},
                      {&kJoin, nullptr, &MemberFields::join_date, "member_join", m.join_date ? m.join_date->ToString() : ""},
                      {&kEducation, &MemberFields::education, nullptr, "member_education", m.education},
                      {&kPhone, &MemberFields::phone, nullptr, "member_phone", m.phone}};
  for (const F& f : fields) {
    FieldLabel(app, T(*f.label), label_w);
    std::string v;
    if (CommitText(ui.fields, f.test, f.value, v, -1.0f, f.date ? "YYYY-MM-DD / YYYY-MM" : nullptr)) {
      const std::string t = TrimSpaces(v);
      MemberUpdate c;
      c.id = id;
      if (f.text) c.*f.text = t;
      else if (t.empty()) (c.*f.date).emplace(std::nullopt);  // cleared
      app.Emit(f.date && !t.empty() ? AsTyped(c, f.date, t) : ToCommand(c));
    }
  }

  // Posts (党内职务 / 村支两委职务).
  Label(T(S::Posts));
  std::vector<Post> posts = m.posts;
  bool posts_changed = false;
  for (int p = 0; p < 5; ++p) {
    const Post post = static_cast<Post>(p);
    bool on = std::find(posts.begin(), posts.end(), post) != posts.end();
    if (p > 0 && !narrow) ImGui::SameLine();
    else if (p > 0 && p % 3 != 0) ImGui::SameLine();
    if (ImGui::Checkbox(T(kPosts[p]), &on)) {
      posts_changed = true;
      if (on) posts.push_back(post);
      else posts.erase(std::remove(posts.begin(), posts.end(), post), posts.end());
    }
  }
  if (posts_changed) {
    std::vector<std::string> codes;
    for (Post p : posts) codes.push_back(PostCode(p));
    app.Emit(Cmd<MemberSetPosts>([&](auto& c) { c.id = id; c.posts = codes; }));
  }
  FieldLabel(app, T(kOtherPosts), label_w);
  std::string other;
  if (CommitText(ui.fields, "member_other_posts", m.other_posts, other)) {
    std::vector<std::string> codes;
    for (Post p : m.posts) codes.push_back(PostCode(p));
    app.Emit(Cmd<MemberSetPosts>([&](auto& c) {
      c.id = id;
      c.posts = codes;
      c.other_posts = other;
    }));
  }
  if (!m.id_masked.empty()) LabelColored(col::Grey, "ID " + m.id_masked);

  // Exemptions from the member stars (特殊情况, 经申请同意).
  ImGui::SeparatorText(T(kExemptions));
  for (const StarExemption& e : app.data().member_stars.exemptions) {
    if (e.member_id != id) continue;
    ImGui::PushID(e.meta.id.c_str());
    ImGui::AlignTextToFramePadding();
    Label(Fmt(T(kExemptYear), e.year, e.reason.c_str(), e.approved_on.ToString().c_str()));
    ImGui::SameLine();
    if (ImGui::SmallButton(T(kRemove))) app.Emit(Cmd<ExemptionRemove>([&](auto& c) { c.id = e.meta.id; }));
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(narrow ? -1.0f : Em(16));
  ImGui::InputTextWithHint("##exempt_reason_m", T(kReasonHint), &ui.exempt_reason);
  LocatorRecordLastItem("member_exempt_reason");
  if (!narrow) ImGui::SameLine();
  if (ImGui::Button(T(kExemptAdd)))
    app.Emit(Cmd<ExemptionAdd>([&](auto& c) {
               c.member_id = id;
               c.year = app.today.Year();
               c.reason = ui.exempt_reason;
               c.approved_on = app.today;
             }),
             [&ui](const ApplyResult& r) {
               if (r.ok) ui.exempt_reason.clear();
             });

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
  if (ImGui::Button(T(S::RemoveMember))) {
    ui.selected_member.clear();
    app.Emit(Cmd<MemberRemove>([&](auto& c) { c.id = id; }));
  }
  ImGui::PopStyleColor();
}

void DrawMembers(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  char buf[200];

  // Toolbar: filter by name and branch, add, undo/redo.
  ImGui::SetNextItemWidth(narrow ? -1 : Em(12));
  ImGui::InputTextWithHint("##member_filter", T(S::FilterHint), &ui.filter);
  LocatorRecordLastItem("member_filter");
  if (!narrow) ImGui::SameLine();
  const int fb = FindBranch(org, ui.branch_filter);
  ImGui::SetNextItemWidth(narrow ? -1 : Em(11));
  if (ImGui::BeginCombo("##member_branch_filter", fb >= 0 ? org.branches[static_cast<size_t>(fb)].name.c_str() : T(kAllBranches))) {
    if (ImGui::Selectable(T(kAllBranches), ui.branch_filter.empty())) ui.branch_filter.clear();
    for (const Branch& b : org.branches)
      if (ImGui::Selectable(b.name.c_str(), b.meta.id == ui.branch_filter)) ui.branch_filter = b.meta.id;
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("member_branch_filter");
  if (!narrow) ImGui::SameLine();
  if (ImGui::Button(T(S::AddMember)) && !org.branches.empty()) {
    const Id branch = fb >= 0 ? ui.branch_filter : org.branches.front().meta.id;
    app.Emit(Cmd<MemberAdd>([&](auto& c) {
      c.name = T(S::NewMemberName);
      c.branch_id = branch;
    }), [&ui](const ApplyResult& r) {
      if (r.ok) ui.selected_member = r.created_id;
    });
  }
  // The row wraps where the phone's width ends (字号 175 % at 360 px).
  const auto button_w = [](const char* t) { return ImGui::CalcTextSize(t).x + ImGui::GetStyle().FramePadding.x * 2; };
  SameLineIfFits(button_w(T(S::Undo)));
  ImGui::BeginDisabled(!app.ws->CanUndo() || app.read_only);
  if (ImGui::Button(T(S::Undo))) app.Emit(change::Undo{});
  ImGui::EndDisabled();
  SameLineIfFits(button_w(T(S::Redo)));
  ImGui::BeginDisabled(!app.ws->CanRedo() || app.read_only);
  if (ImGui::Button(T(S::Redo))) app.Emit(change::Redo{});
  ImGui::EndDisabled();

  // Rows that pass the filters, in the chosen order.
  std::vector<int> rows;
  rows.reserve(org.members.size());
  const std::vector<std::string>& initials = ui.name_initials.Get(
      org.members.size(), [&](size_t i) -> const std::string& { return org.members[i].name; });
  for (int i = 0; i < static_cast<int>(org.members.size()); ++i) {
    const Member& m = org.members[static_cast<size_t>(i)];
    if (PersonMatches(m.name, initials[static_cast<size_t>(i)], ui.filter) &&
        (ui.branch_filter.empty() || m.branch_id == ui.branch_filter))
      rows.push_back(i);
  }
  std::snprintf(buf, sizeof buf, T(S::ShownOf), static_cast<int>(rows.size()), static_cast<int>(org.members.size()));
  LabelColored(col::Grey, buf);

  const float table_h = narrow ? Em(16) : ImGui::GetContentRegionAvail().y - Em(12);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
  if (ImGui::BeginTable("members", narrow ? 2 : 4, flags, ImVec2(0, table_h > Em(8) ? table_h : Em(8)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(S::Name), ImGuiTableColumnFlags_DefaultSort);  // pinyin order first
    ImGui::TableSetupColumn(T(S::Branch));
    if (!narrow) {
      ImGui::TableSetupColumn(T(S::Sex), ImGuiTableColumnFlags_WidthFixed, Em(3));
      ImGui::TableSetupColumn(T(S::Posts));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
      if (ss->SpecsDirty) {
        ui.sort_col = ss->SpecsCount ? ss->Specs[0].ColumnIndex : -1;
        ui.sort_desc = ss->SpecsCount && ss->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        ss->SpecsDirty = false;
      }
    }
    if (ui.sort_col >= 0 && ui.sort_col < 4) {
      // Pinyin order (拼音顺序) of the column's text for every member, cached until the texts change
      // (shell/collation.h); the rows then sort by integer ranks.
      std::string text;
      const std::vector<int32_t>& ranks = ui.column_ranks[ui.sort_col].Get(
          app.data_version(), org.members.size(), [&](size_t i) -> const std::string& {
            const Member& m = org.members[i];
            if (ui.sort_col == 0) return m.name;
            if (ui.sort_col == 2) return m.sex;
            if (ui.sort_col == 1) {
              const int b = FindBranch(org, m.branch_id);
              text = b >= 0 ? org.branches[static_cast<size_t>(b)].name : "";
            } else {
              text = PostsText(m);
            }
            return text;
          });
      SortByRank(rows, ranks, ui.sort_desc);
    }
    ImGuiListClipper clipper;
    const float row_h = narrow ? ImMax(kTouchPx, Em(2.6f)) : Em(1.7f);  // touch-sized rows on phones
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const Member& m = org.members[static_cast<size_t>(rows[static_cast<size_t>(r)])];
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
        ImGui::TableNextColumn();
        const float text_dy = (row_h - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
        auto cell = [&](const char* t) {
          ImGui::TableNextColumn();
          ImGui::SetCursorPosY(ImGui::GetCursorPosY() + text_dy);
          ImGui::TextUnformatted(t);
        };
        ImGui::PushID(m.meta.id.c_str());
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
        if (ImGui::Selectable(m.name.c_str(), ui.selected_member == m.meta.id,
                              ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
          ui.selected_member = m.meta.id;
        ImGui::PopStyleVar();
        ImGui::PopID();
        const int bi = FindBranch(org, m.branch_id);
        cell(bi >= 0 ? org.branches[static_cast<size_t>(bi)].name.c_str() : "");
        if (!narrow) {
          cell(m.sex.c_str());
          cell(PostsText(m).c_str());
        }
      }
    }
    ImGui::EndTable();
  }
  MemberEditor(app);
}

//-----------------------------------------------------------------------------
// [SECTION] Tree
//-----------------------------------------------------------------------------
const char* CadreName(const Organization& org, const Id& id) {
  for (const Cadre& c : org.cadres)
    if (c.meta.id == id) return c.name.c_str();
  return "";
}

/// Combo of cadres ("" = none) for a 片长 / 总支书记 reference; returns true with the chosen id.
bool CadreCombo(const Organization& org, const char* test_label, const Id& current, Id& out, float width) {
  bool chosen = false;
  ImGui::SetNextItemWidth(width);
  const char* now = current.empty() ? T(kNone) : CadreName(org, current);
  if (ImGui::BeginCombo((std::string("##") + test_label).c_str(), now)) {
    if (ImGui::Selectable(T(kNone), current.empty()) && !current.empty()) { out.clear(); chosen = true; }
    for (const Cadre& c : org.cadres) {
      const std::string label = c.name + "  " + c.title + "##" + c.meta.id;
      if (ImGui::Selectable(label.c_str(), c.meta.id == current) && c.meta.id != current) { out = c.meta.id; chosen = true; }
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem(test_label);
  return chosen;
}

/// 合并到… : the branch's members move to another branch, then the branch is removed (branch.merge), after a
/// preview of what moves and what goes with it (PreviewBranchMerge).
void DrawBranchMerge(App& app, const Branch& b, const Then& deselect) {
  OrganizationScreen& ui = app.screens.organization;
  const Organization& org = app.data().org;
  if (FindBranch(org, ui.merge_into) < 0 || ui.merge_into == b.meta.id) ui.merge_into.clear();
  const int into = FindBranch(org, ui.merge_into);
  ImGui::AlignTextToFramePadding();
  Label(T(kMergeInto));
  SameLineIfFits(Em(10));
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##branch_merge", into >= 0 ? org.branches[static_cast<size_t>(into)].name.c_str()
                                                     : T(kMergeChoose))) {
    for (const Branch& x : org.branches)
      if (x.meta.id != b.meta.id && ImGui::Selectable(x.name.c_str(), x.meta.id == ui.merge_into, 0,
                                                      ImVec2(0, TouchH())))
        ui.merge_into = x.meta.id;
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("branch_merge");
  if (into < 0) return;
  const Branch& target = org.branches[static_cast<size_t>(into)];
  const BranchMergePreview p = PreviewBranchMerge(app.data(), b.meta.id, target.meta.id);
  ImGui::PushTextWrapPos(0.0f);
  if (p.problem) {
    LabelColored(col::Red, ZhEn(p.problem->message_zh, p.problem->message_en));
    ImGui::PopTextWrapPos();
    return;
  }
  std::string zh = "将把" + b.name + "的" + std::to_string(p.members) + "名党员转入" + target.name;
  std::string en = "Moves " + std::to_string(p.members) + " members of " + b.name + " to " + target.name;
  if (p.talks) {
    zh += "，" + std::to_string(p.talks) + "次谈话随之改到" + target.name;
    en += ", " + std::to_string(p.talks) + " talks with them";
  }
  if (p.cadre_links) {
    zh += "，" + std::to_string(p.cadre_links) + "名干部的联系点改为" + target.name;
    en += ", " + std::to_string(p.cadre_links) + " cadres' links";
  }
  zh += "，然后删除" + b.name;
  en += ", then removes " + b.name;
  if (p.assessments || p.star_records) {
    zh += "（连同它的" + std::to_string(p.assessments) + "条支部考核、" + std::to_string(p.star_records) + "条星级记录）";
    en += " (with its " + std::to_string(p.assessments) + " assessments and " + std::to_string(p.star_records) +
          " star records)";
  }
  zh += "。可以撤销。";
  en += ". Can be undone.";
  LabelColored(col::Ink, ZhEn(zh, en));
  LocatorRecordLastItem(ZhEn(zh, en).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
  if (TouchButton(T(kMergeDo), !app.read_only)) {
    app.Emit(Cmd<BranchMerge>([&](auto& c) {
      c.id = b.meta.id;
      c.into_id = target.meta.id;
    }), deselect);
    ui.merge_into.clear();
  }
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (TouchButton(T(kCancelMerge))) ui.merge_into.clear();
}

void DrawTree(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  // Once applied, a new node is selected; a removed one leaves nothing selected.
  auto select_new = [&ui](int kind) {
    return [&ui, kind](const ApplyResult& r) {
      if (r.ok) {
        ui.node = r.created_id;
        ui.node_kind = kind;
      }
    };
  };
  const Then deselect = [&ui](const ApplyResult& r) {
    if (r.ok) ui.node_kind = 0;
  };
  std::vector<int> member_count(org.branches.size(), 0);
  for (const Member& m : org.members) {
    const int b = FindBranch(org, m.branch_id);
    if (b >= 0) ++member_count[static_cast<size_t>(b)];
  }
  if (ImGui::Button(T(kAddArea))) app.Emit(Cmd<AreaAdd>([&](auto& c) { c.name = FreshName(org.areas, T(kNewArea)); }), select_new(1));
  ImGui::SameLine();
  ImGui::BeginDisabled(!(ui.node_kind == 1 || ui.node_kind == 2));
  if (ImGui::Button(T(kAddGb))) {
    Id area = ui.node;
    if (ui.node_kind == 2)
      for (const GeneralBranch& x : org.general_branches)
        if (x.meta.id == ui.node) area = x.area_id;
    app.Emit(Cmd<GeneralBranchAdd>([&](auto& c) {
               c.name = FreshName(org.general_branches, T(kNewGb));
               c.area_id = area;
             }),
             select_new(2));
  }
  ImGui::EndDisabled();
  if (!narrow) ImGui::SameLine();
  ImGui::BeginDisabled(!(ui.node_kind == 2 || ui.node_kind == 3));
  if (ImGui::Button(T(kAddBranch))) {
    Id gb = ui.node;
    if (ui.node_kind == 3) gb = org.branches[static_cast<size_t>(std::max(0, FindBranch(org, ui.node)))].general_branch_id;
    app.Emit(Cmd<BranchAdd>([&](auto& c) {
               c.name = FreshName(org.branches, T(kNewBranch));
               c.kind = BranchKindCode(BranchKind::Village);
               c.general_branch_id = gb;
             }),
             select_new(3));
  }
  ImGui::EndDisabled();

  // The tree itself.
  const float tree_h = narrow ? Em(16) : std::max(Em(12), ImGui::GetContentRegionAvail().y * 0.5f);
  ImGui::BeginChild("org_tree", ImVec2(0, tree_h), ImGuiChildFlags_Borders);
  auto node_flags = [&](int kind, const Id& id, bool leaf) {
    ImGuiTreeNodeFlags f = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (narrow) f |= ImGuiTreeNodeFlags_FramePadding;
    if (leaf) f |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (ui.node_kind == kind && ui.node == id) f |= ImGuiTreeNodeFlags_Selected;
    return f;
  };
  auto branch_line = [&](size_t i) {
    const Branch& b = org.branches[i];
    // Phones: no kind on the line (it shows in the editor), so the line fits 390 px.
    std::string label = narrow ? b.name + " · " + Fmt(T(kMembersCount), member_count[i])
                               : b.name + "  · " + T(kKinds[static_cast<int>(b.kind)]) + " · " + Fmt(T(kMembersCount), member_count[i]);
    if (b.focus_object) label += std::string(" · ") + T(kFocusMark);
    ImGui::TreeNodeEx(("##b" + b.meta.id).c_str(), node_flags(3, b.meta.id, true), "%s", label.c_str());
    LocatorRecordLastItem(b.name.c_str());
    if (ImGui::IsItemClicked()) { ui.node_kind = 3; ui.node = b.meta.id; }
  };
  auto gb_node = [&](const GeneralBranch& gb) {
    const bool gopen = ImGui::TreeNodeEx(("##g" + gb.meta.id).c_str(), node_flags(2, gb.meta.id, false), "%s",
                                         (gb.name + (gb.secretary_cadre_id.empty() ? "" : std::string("  · ") + T(kGbSecretary) + " " + CadreName(org, gb.secretary_cadre_id))).c_str());
    LocatorRecordLastItem(gb.name.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) { ui.node_kind = 2; ui.node = gb.meta.id; }
    if (!gopen) return;
    for (size_t i = 0; i < org.branches.size(); ++i)
      if (org.branches[i].general_branch_id == gb.meta.id) branch_line(i);
    ImGui::TreePop();
  };
  for (const Area& a : org.areas) {
    const bool open = ImGui::TreeNodeEx(("##a" + a.meta.id).c_str(), node_flags(1, a.meta.id, false), "%s",
                                        (a.name + (a.chief_cadre_id.empty() ? "" : std::string("  · ") + T(kChief) + " " + CadreName(org, a.chief_cadre_id))).c_str());
    LocatorRecordLastItem(a.name.c_str());
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) { ui.node_kind = 1; ui.node = a.meta.id; }
    if (!open) continue;
    for (const GeneralBranch& gb : org.general_branches)
      if (gb.area_id == a.meta.id) gb_node(gb);
    ImGui::TreePop();
  }
  // General branches in no area (开始本镇's 总支/支部 lines, e.g. 机关党总支) at the top level with their branches.
  for (const GeneralBranch& gb : org.general_branches)
    if (std::none_of(org.areas.begin(), org.areas.end(), [&](const Area& a) { return a.meta.id == gb.area_id; }))
      gb_node(gb);
  // Branches outside any general branch (e.g. created by an import).
  bool header = false;
  for (size_t i = 0; i < org.branches.size(); ++i) {
    if (!org.branches[i].general_branch_id.empty()) continue;
    if (!header) LabelColored(col::Grey, T(kNoGb));
    header = true;
    branch_line(i);
  }
  ImGui::EndChild();

  // The editor of the selected node.
  const float label_w = Em(8);
  std::string v;
  if (ui.node_kind == 1) {
    const Area* a = nullptr;
    for (const Area& x : org.areas)
      if (x.meta.id == ui.node) a = &x;
    if (a) {
      FieldLabel(app, T(kNodeName), label_w);
      if (CommitText(ui.fields, "area_name", a->name, v)) app.Emit(Cmd<AreaUpdate>([&](auto& c) { c.id = a->meta.id; c.name = v; }));
      FieldLabel(app, T(kChief), label_w);
      Id chosen;
      if (CadreCombo(org, "area_chief", a->chief_cadre_id, chosen, -1.0f))
        app.Emit(Cmd<AreaUpdate>([&](auto& c) { c.id = a->meta.id; c.chief_cadre_id = chosen; }));
      ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
      if (ImGui::Button(T(kRemove))) app.Emit(Cmd<AreaRemove>([&](auto& c) { c.id = a->meta.id; }), deselect);
      ImGui::PopStyleColor();
    }
  } else if (ui.node_kind == 2) {
    const GeneralBranch* gb = nullptr;
    for (const GeneralBranch& x : org.general_branches)
      if (x.meta.id == ui.node) gb = &x;
    if (gb) {
      FieldLabel(app, T(kNodeName), label_w);
      if (CommitText(ui.fields, "gb_name", gb->name, v)) app.Emit(Cmd<GeneralBranchUpdate>([&](auto& c) { c.id = gb->meta.id; c.name = v; }));
      FieldLabel(app, T(kParentArea), label_w);
      ImGui::SetNextItemWidth(-1);
      const char* area_now = "";
      for (const Area& a : org.areas)
        if (a.meta.id == gb->area_id) area_now = a.name.c_str();
      if (ImGui::BeginCombo("##gb_area", area_now)) {
        for (const Area& a : org.areas)
          if (ImGui::Selectable(a.name.c_str(), a.meta.id == gb->area_id) && a.meta.id != gb->area_id)
            app.Emit(Cmd<GeneralBranchUpdate>([&](auto& c) { c.id = gb->meta.id; c.area_id = a.meta.id; }));
        ImGui::EndCombo();
      }
      LocatorRecordLastItem("gb_area");
      FieldLabel(app, T(kGbSecretary), label_w);
      Id chosen;
      if (CadreCombo(org, "gb_secretary", gb->secretary_cadre_id, chosen, -1.0f))
        app.Emit(Cmd<GeneralBranchUpdate>([&](auto& c) { c.id = gb->meta.id; c.secretary_cadre_id = chosen; }));
      ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
      if (ImGui::Button(T(kRemove))) app.Emit(Cmd<GeneralBranchRemove>([&](auto& c) { c.id = gb->meta.id; }), deselect);
      ImGui::PopStyleColor();
    }
  } else if (ui.node_kind == 3 && FindBranch(org, ui.node) >= 0) {
    const Branch& b = org.branches[static_cast<size_t>(FindBranch(org, ui.node))];
    FieldLabel(app, T(kNodeName), label_w);
    if (CommitText(ui.fields, "branch_name", b.name, v)) app.Emit(Cmd<BranchUpdate>([&](auto& c) { c.id = b.meta.id; c.name = v; }));
    FieldLabel(app, T(kKind), label_w);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##branch_kind", T(kKinds[static_cast<int>(b.kind)]))) {
      for (int k = 0; k < 3; ++k)
        if (ImGui::Selectable(T(kKinds[k]), static_cast<int>(b.kind) == k) && static_cast<int>(b.kind) != k)
          app.Emit(Cmd<BranchUpdate>([&](auto& c) {
            c.id = b.meta.id;
            c.kind = BranchKindCode(static_cast<BranchKind>(k));
          }));
      ImGui::EndCombo();
    }
    LocatorRecordLastItem("branch_kind");
    FieldLabel(app, T(kParentGb), label_w);
    ImGui::SetNextItemWidth(-1);
    const char* gb_now = T(kNoGb);
    for (const GeneralBranch& x : org.general_branches)
      if (x.meta.id == b.general_branch_id) gb_now = x.name.c_str();
    if (ImGui::BeginCombo("##branch_gb", gb_now)) {
      for (const GeneralBranch& x : org.general_branches)
        if (ImGui::Selectable(x.name.c_str(), x.meta.id == b.general_branch_id) && x.meta.id != b.general_branch_id)
          app.Emit(Cmd<BranchUpdate>([&](auto& c) { c.id = b.meta.id; c.general_branch_id = x.meta.id; }));
      ImGui::EndCombo();
    }
    LocatorRecordLastItem("branch_gb");
    FieldLabel(app, T(kRank), label_w);
    if (CommitText(ui.fields, "branch_rank", b.last_year_target_rank ? std::to_string(*b.last_year_target_rank) : "", v, Em(6))) {
      const std::string t = TrimSpaces(v);
      const bool number = !t.empty() && t.find_first_not_of("0123456789") == std::string::npos && t.size() < 6;
      BranchUpdate c;
      c.id = b.meta.id;
      if (number) c.last_year_target_rank.emplace(std::stoi(t));
      else if (t.empty()) c.last_year_target_rank.emplace(std::nullopt);  // cleared
      // Other text goes as typed: refused by the command with a clear message.
      app.Emit(t.empty() || number ? ToCommand(c) : AsTyped(c, &BranchFields::last_year_target_rank, t));
    }
    bool focus = b.focus_object;
    if (CheckboxWrapped(T(kFocus), &focus)) app.Emit(Cmd<BranchUpdate>([&](auto& c) { c.id = b.meta.id; c.focus_object = focus; }));
    DrawBranchMerge(app, b, deselect);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
    if (TouchButton(T(kRemove))) app.Emit(Cmd<BranchRemove>([&](auto& c) { c.id = b.meta.id; }), deselect);
    ImGui::PopStyleColor();
  } else {
    LabelColored(col::Grey, T(kSelectNode));
  }

  // The focus-object rule (notice 二: branches ranked low last year).
  ImGui::SeparatorText(T(kFocus));
  int& count = ui.focus_count;
  if (count < 0) count = org.focus_rule.count;
  ImGui::AlignTextToFramePadding();
  if (narrow) LabelWrapped(T(kFocusRule));  // cut at 175 % on a phone otherwise
  else Label(T(kFocusRule));
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(6));
  ImGui::InputInt("##focus_count", &count);
  LocatorRecordLastItem("focus_count");
  count = std::clamp(count, 0, 999);
  ImGui::SameLine();
  Label(T(kBranchesUnit));
  if (!narrow) ImGui::SameLine();
  if (ImGui::Button(T(kFocusApply))) app.Emit(Cmd<OrgFocusRule>([&](auto& c) {
    c.mode = "bottom_count";
    c.count = count;
  }));
}

//-----------------------------------------------------------------------------
// [SECTION] Cadres
//-----------------------------------------------------------------------------
std::string RolesText(const Cadre& c) {
  std::string s;
  for (CadreRole r : c.roles) s += (s.empty() ? "" : "、") + std::string(T(kRoleNames[static_cast<int>(r)]));
  return s;
}

void DrawCadres(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  if (ImGui::Button(T(kAddCadre)))
    app.Emit(Cmd<CadreAdd>([&](auto& c) { c.name = T(kNewCadre); }), [&ui](const ApplyResult& r) {
      if (r.ok) ui.cadre = r.created_id;  // selected for editing
    });
  const float table_h = narrow ? Em(14) : Em(14);
  if (ImGui::BeginTable("cadres", narrow ? 2 : 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                                      ImGuiTableFlags_SizingStretchProp, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(S::Name), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(T(kTitleField), ImGuiTableColumnFlags_WidthStretch, 4);
    if (!narrow) ImGui::TableSetupColumn(T(kRoles), ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableHeadersRow();
    const float row_h = narrow ? ImMax(kTouchPx, Em(2.6f)) : Em(1.7f);
    for (const Cadre& c : org.cadres) {
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      ImGui::TableNextColumn();
      ImGui::PushID(c.meta.id.c_str());
      if (ImGui::Selectable(c.name.c_str(), ui.cadre == c.meta.id, ImGuiSelectableFlags_SpanAllColumns,
                            ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
        ui.cadre = c.meta.id;
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.title.c_str());
      if (!narrow) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(RolesText(c).c_str());
      }
    }
    ImGui::EndTable();
  }
  const Cadre* c = nullptr;
  for (const Cadre& x : org.cadres)
    if (x.meta.id == ui.cadre) c = &x;
  if (c) {
    const float label_w = Em(6);
    const Id id = c->meta.id;
    std::string v;
    FieldLabel(app, T(S::Name), label_w);
    if (CommitText(ui.fields, "cadre_name", c->name, v)) app.Emit(Cmd<CadreUpdate>([&](auto& x) { x.id = id; x.name = v; }));
    FieldLabel(app, T(kTitleField), label_w);
    if (CommitText(ui.fields, "cadre_title", c->title, v)) app.Emit(Cmd<CadreUpdate>([&](auto& x) { x.id = id; x.title = v; }));
    // Roles, villages and teams as check lists; each change sends the whole list.
    using List = std::optional<std::vector<std::string>> CadreFields::*;
    auto check_list = [&](const Tr& title, int n, auto label_of, auto is_on, auto code_of, List field) {
      ImGui::SeparatorText(T(title));
      std::vector<std::string> codes;
      bool changed = false;
      float x_end = 0;
      for (int k = 0; k < n; ++k) {
        bool on = is_on(k);
        const std::string label = label_of(k);
        const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() + Em(1.5f);
        if (k > 0 && x_end + w < ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX()) ImGui::SameLine();
        ImGui::PushID(k);
        if (ImGui::Checkbox(label.c_str(), &on)) changed = true;
        ImGui::PopID();
        x_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
        if (on) codes.push_back(code_of(k));
      }
      if (changed)
        app.Emit(Cmd<CadreUpdate>([&](auto& x) {
          x.id = id;
          x.*field = codes;
        }));
    };
    check_list(kRoles, 7, [&](int k) { return std::string(T(kRoleNames[k])); },
               [&](int k) { return std::find(c->roles.begin(), c->roles.end(), static_cast<CadreRole>(k)) != c->roles.end(); },
               [&](int k) { return std::string(CadreRoleCode(static_cast<CadreRole>(k))); }, &CadreFields::roles);
    check_list(kLinked, static_cast<int>(org.branches.size()), [&](int k) { return org.branches[static_cast<size_t>(k)].name; },
               [&](int k) {
                 const Id& b = org.branches[static_cast<size_t>(k)].meta.id;
                 return std::find(c->linked_branch_ids.begin(), c->linked_branch_ids.end(), b) != c->linked_branch_ids.end();
               },
               [&](int k) { return org.branches[static_cast<size_t>(k)].meta.id; }, &CadreFields::linked_branch_ids);
    check_list(kTeams, 5, [&](int k) { return std::string(T(kTeamNames[k])); },
               [&](int k) { return std::find(c->lecture_teams.begin(), c->lecture_teams.end(), static_cast<LectureTeam>(k)) != c->lecture_teams.end(); },
               [&](int k) { return std::string(LectureTeamCode(static_cast<LectureTeam>(k))); }, &CadreFields::lecture_teams);
    ImGui::Spacing();
    FieldLabel(app, T(kCadreArea), label_w);
    ImGui::SetNextItemWidth(narrow ? -1.0f : Em(10));
    const char* area_now = T(kNone);
    for (const Area& a : org.areas)
      if (a.meta.id == c->area_id) area_now = a.name.c_str();
    if (ImGui::BeginCombo("##cadre_area", area_now)) {
      if (ImGui::Selectable(T(kNone), c->area_id.empty())) app.Emit(Cmd<CadreUpdate>([&](auto& x) { x.id = id; x.area_id = ""; }));
      for (const Area& a : org.areas)
        if (ImGui::Selectable(a.name.c_str(), a.meta.id == c->area_id)) app.Emit(Cmd<CadreUpdate>([&](auto& x) { x.id = id; x.area_id = a.meta.id; }));
      ImGui::EndCombo();
    }
    LocatorRecordLastItem("cadre_area");
    ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
    if (ImGui::Button(T(kRemove))) app.Emit(Cmd<CadreRemove>([&](auto& x) { x.id = id; }));
    ImGui::PopStyleColor();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Roster import and export
//-----------------------------------------------------------------------------
void MakePreview(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  RosterImportOptions opt;
  opt.create_missing_branches = ui.create_branches;
  IdGenerator ids(platform::RandomU64());
  if (!ui.workbook) {
    ui.preview = std::make_unique<RosterPreview>(PreviewRosterImport(app.data(), ui.file_bytes, opt, ids));
    return;
  }
  const RosterWorkbook& wb = *ui.workbook;
  if (!wb.ok) {  // corrupt, password-protected, …: refused as a whole
    ui.preview = std::make_unique<RosterPreview>();
    ui.preview->refused = true;
    ui.preview->file_problems.push_back(Problem{ui.file_name, wb.error_zh, wb.error_en});
    return;
  }
  ui.sheet = std::clamp(ui.sheet, 0, static_cast<int>(wb.sheets.size()) - 1);
  ui.preview = std::make_unique<RosterPreview>(PreviewRosterTable(app.data(), wb.sheets[static_cast<size_t>(ui.sheet)], opt, ids));
}

/// A picked file: a workbook (web/xlsx.js's JSON) is parsed once; its first sheet is read, or the first one with
/// content when the first is empty.
void TakePickedRoster(App& app, platform::PickedFile f) {
  OrganizationScreen& ui = app.screens.organization;
  ui.file_name = f.name;
  ui.file_bytes = std::move(f.bytes);
  ui.workbook.reset();
  ui.sheet = 0;
  if (IsRosterWorkbookJson(ui.file_bytes)) {
    ui.workbook = std::make_unique<RosterWorkbook>(ParseRosterWorkbookJson(ui.file_bytes));
    const std::vector<int> filled = NonEmptyRosterSheets(*ui.workbook);
    if (!filled.empty() && std::find(filled.begin(), filled.end(), 0) == filled.end()) ui.sheet = filled.front();
  }
  ui.import_status.clear();
  ui.show_all_rows = false;
  MakePreview(app);
}

std::string IssuesText(const std::vector<RowIssue>& issues) {
  std::string s;
  for (const RowIssue& i : issues) {
    if (!s.empty()) s += "；";
    if (!i.column.empty()) s += "[" + i.column + "] ";
    s += CurrentLang() == Lang::Zh ? i.message_zh : i.message_en;
  }
  return s;
}

void DrawRoster(App& app) {
  OrganizationScreen& ui = app.screens.organization;
  const bool narrow = app.Narrow();
  ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
  LabelWrapped(T(kImportHelp));
  ImGui::PopStyleColor();
  const float big_h = ImMax(kTouchPx, Em(2.4f));
  if (ImGui::Button(T(kImport), ImVec2(narrow ? -1.0f : 0.0f, big_h))) {
    platform::PickFile(kRosterAccept, [&app](platform::PickedFile f) { TakePickedRoster(app, std::move(f)); });
  }
  if (CheckboxWrapped(T(kCreateBranches), &ui.create_branches) && ui.preview) MakePreview(app);
  if (!ui.import_status.empty()) LabelColored(col::Green, ui.import_status);

  if (ui.preview) {
    if (!ui.workbook) {
      LabelWrapped(Fmt(T(kFile), ui.file_name.c_str(), TextEncodingName(ui.preview->encoding)));
    } else if (ui.workbook->ok) {
      // Which sheet was read; a choice when more than one holds something.
      LabelWrapped(Fmt(T(kFileOnly), ui.file_name.c_str()));
      LabelWrapped(Fmt(T(kSheetRead), ui.preview->sheet.c_str()));
      LocatorRecordLastItem("import_sheet");
      const std::vector<int> filled = NonEmptyRosterSheets(*ui.workbook);
      if (filled.size() > 1) {
        ImGui::AlignTextToFramePadding();
        Label(T(kSheet));
        if (!narrow) ImGui::SameLine();  // a phone gives the combo the whole line: sheet names are not cut
        ImGui::SetNextItemWidth(narrow ? -1.0f : Em(16));
        const std::string current = ui.preview->sheet;
        if (ImGui::BeginCombo("##import_sheet_choice", current.c_str())) {
          for (int k : filled) {
            const std::string& name = ui.workbook->sheets[static_cast<size_t>(k)].sheet;
            if (ImGui::Selectable((name + "##sheet" + std::to_string(k)).c_str(), k == ui.sheet) && k != ui.sheet) {
              ui.sheet = k;
              ui.show_all_rows = false;
              MakePreview(app);
            }
          }
          ImGui::EndCombo();
        }
        LocatorRecordLastItem("import_sheet_choice");
        ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
        LabelWrapped(Fmt(T(kSheetNote), static_cast<int>(filled.size())));
        ImGui::PopStyleColor();
      }
    } else {
      LabelWrapped(Fmt(T(kFile), ui.file_name.c_str(), "xlsx/xls"));
    }
    const RosterPreview& p = *ui.preview;  // MakePreview may have replaced it
    if (p.header_row > 0) {  // which row was taken as the header, what stood above it, what each column is read as
      LabelWrapped(Fmt(T(kHeaderRow), p.header_row));
      LocatorRecordLastItem("import_header_row");
      if (!p.above_header.empty()) {
        std::string s = T(kAboveHeader);
        for (size_t i = 0; i < p.above_header.size(); ++i)
          s += (i ? "；" : "") + Fmt(T(kRowN), p.above_header[i].first) + " “" + p.above_header[i].second + "”";
        ImGui::PushTextWrapPos(0.0f);
        LabelColored(col::Grey, s);
        ImGui::PopTextWrapPos();
      }
      std::string s = T(kReadAs);
      for (size_t k = 0, n = 0; k < p.header.size() && k < p.read_as.size(); ++k) {
        if (p.header[k].empty()) continue;
        s += (n++ ? "，" : "") + p.header[k];
        if (p.read_as[k].empty()) s += T(kIgnored);
        else if (p.read_as[k] != p.header[k]) s += "→" + p.read_as[k];
      }
      LabelWrapped(s);
      LocatorRecordLastItem("import_read_as");
    }
    if (p.refused) {
      LabelColored(col::Red, T(kRefusedFile));
      for (const Problem& pr : p.file_problems)
        LabelColored(col::Red, pr.path + "：" + (CurrentLang() == Lang::Zh ? pr.message_zh : pr.message_en));
    } else {
      FlowLabels({{col::Green, std::string(T(kOutcomes[0])) + " " + std::to_string(p.imported)},
                  {col::Ink, std::string(T(kOutcomes[1])) + " " + std::to_string(p.updated)},
                  {col::Grey, std::string(T(kOutcomes[2])) + " " + std::to_string(p.unchanged)},
                  {col::Red, std::string(T(kOutcomes[3])) + " " + std::to_string(p.refused_rows)},
                  {col::Grey, std::string(T(kOutcomes[4])) + " " + std::to_string(p.skipped)}});
      for (const Problem& w : p.file_warnings)
        LabelColored(col::Gold, w.path + "：" + (CurrentLang() == Lang::Zh ? w.message_zh : w.message_en));
      if (!p.new_branches.empty()) {
        std::string s = T(kNewBranches);
        for (size_t i = 0; i < p.new_branches.size(); ++i) s += (i ? "、" : "") + p.new_branches[i];
        LabelWrapped(s);
      }
      ImGui::BeginDisabled(p.imported + p.updated == 0);
      ImGui::PushStyleColor(ImGuiCol_Button, col::Red);
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
      const std::string apply = Fmt(T(kApply), p.imported, p.updated);
      bool do_apply = ImGui::Button(apply.c_str(), ImVec2(narrow ? -1.0f : 0.0f, big_h));
      ImGui::PopStyleColor(2);
      ImGui::EndDisabled();
      if (!narrow) ImGui::SameLine();
      bool cancel = ImGui::Button(T(kCancel), ImVec2(narrow ? -1.0f : 0.0f, big_h));
      // Rows: problems first (refused, skipped, warnings, updates), every row on request.
      CheckboxWrapped(T(kShowAll), &ui.show_all_rows);
      std::vector<const RosterRow*> rows;
      for (const RosterRow& r : p.rows)
        if (ui.show_all_rows || r.outcome == RowOutcome::Refused || r.outcome == RowOutcome::Skipped ||
            r.outcome == RowOutcome::Updated || !r.warnings.empty())
          rows.push_back(&r);
      if (!rows.empty() &&
          ImGui::BeginTable("roster_preview", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                                     ImGuiTableFlags_SizingStretchProp, ImVec2(0, narrow ? Em(18) : Em(16)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(T(kRow), ImGuiTableColumnFlags_WidthFixed, Em(2.5f));
        ImGui::TableSetupColumn(T(S::Name), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(T(kOutcome), ImGuiTableColumnFlags_WidthFixed, Em(3.2f));
        ImGui::TableSetupColumn(T(kReason), ImGuiTableColumnFlags_WidthStretch, narrow ? 4.0f : 8.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
          for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RosterRow& r = *rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::to_string(r.row).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            const ImU32 oc = r.outcome == RowOutcome::Refused ? col::Red : r.outcome == RowOutcome::Imported ? col::Green : col::Ink;
            ImGui::PushStyleColor(ImGuiCol_Text, oc);
            ImGui::TextUnformatted(T(kOutcomes[static_cast<int>(r.outcome)]));
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            std::string why = IssuesText(r.errors);
            if (!r.warnings.empty()) why += (why.empty() ? "" : "；") + IssuesText(r.warnings);
            if (!r.changed_columns.empty()) {
              std::string cols;
              for (const std::string& c : r.changed_columns) cols += (cols.empty() ? "" : "、") + c;
              why += (why.empty() ? "" : "；") + cols;
            }
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(why.c_str());
            ImGui::PopTextWrapPos();
            LocatorRecordLastItem(("row " + std::to_string(r.row) + ": " + why).c_str());
          }
        }
        ImGui::EndTable();
      }
      if (do_apply) {
        // The command gets the file as UTF-8 text (read the way the preview read it) and the counts the user saw.
        // Once applied, the preview closes with a note of what was imported.
        const bool workbook = ui.workbook != nullptr;
        DecodedText text = workbook ? DecodedText{} : DecodeText(ui.file_bytes, p.encoding);
        app.Emit(Cmd<RosterImport>([&](auto& c) {
                   if (workbook) {
                     c.workbook = ui.file_bytes;
                     c.sheet = ui.sheet;
                   } else {
                     c.text = text.text;
                   }
                   c.file = ui.file_name;
                   c.create_missing_branches = ui.create_branches;
                   c.expect = nlohmann::json{{"imported", p.imported}, {"updated", p.updated}};
                 }),
                 [&ui, done = Fmt(T(kApplied), p.imported, p.updated)](const ApplyResult& r) {
                   if (!r.ok) return;
                   ui.import_status = done;
                   ui.preview.reset();
                   ui.workbook.reset();
                   ui.file_bytes.clear();
                 });
      }
      if (cancel) {
        ui.preview.reset();
        ui.file_bytes.clear();
      }
    }
    if (ui.preview && p.refused && ImGui::Button(T(kCancel))) ui.preview.reset();
  }

  ImGui::SeparatorText(T(kExport));
  ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
  LabelWrapped(T(kExportHelp));
  ImGui::PopStyleColor();
  const Organization& org = app.data().org;
  const int fb = FindBranch(org, ui.branch_filter);
  ImGui::SetNextItemWidth(narrow ? -1 : Em(11));
  if (ImGui::BeginCombo("##export_branch", fb >= 0 ? org.branches[static_cast<size_t>(fb)].name.c_str() : T(kAllBranches))) {
    if (ImGui::Selectable(T(kAllBranches), ui.branch_filter.empty())) ui.branch_filter.clear();
    for (const Branch& b : org.branches)
      if (ImGui::Selectable(b.name.c_str(), b.meta.id == ui.branch_filter)) ui.branch_filter = b.meta.id;
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("export_branch");
  if (!narrow) ImGui::SameLine();
  if (ImGui::Button(T(kExport), ImVec2(narrow ? -1.0f : 0.0f, 0))) {
    std::string name = org.town_name;
    if (fb >= 0) name += "-" + org.branches[static_cast<size_t>(fb)].name;
    name += "-名册-" + app.today.ToString() + ".csv";
    for (char& ch : name)
      if (ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>' || ch == '|') ch = '_';
    platform::DownloadFile(name, "text/csv;charset=utf-8", ExportRosterCsv(app.data(), ui.branch_filter));
    ui.export_status = Fmt(T(kExported), name.c_str());
  }
  if (!ui.export_status.empty()) LabelColored(col::Green, ui.export_status);
}

}  // namespace

void DrawOrganization(App& app) {
  const Organization& org = app.data().org;
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s · %s %zu · %s %zu · %s %zu", org.town_name.c_str(), T(S::Areas), org.areas.size(),
                T(S::Branches), org.branches.size(), T(S::Members), org.members.size());
  Label(buf);
  const char* tabs[] = {T(kTabMembers), T(kTabTree), T(kTabCadres), T(kTabRoster)};
  const int open = SubTabs("org_tabs", tabs, 4, app.Narrow() ? kTouchPx : 0.0f);
  app.ShowingTab(std::string("organization:") + tabs[open]);
  switch (open) {
    case 0: DrawMembers(app); break;
    case 1: DrawTree(app); break;
    case 2: DrawCadres(app); break;
    default: DrawRoster(app); break;
  }
}

}  // namespace zj::ui
