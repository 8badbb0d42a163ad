// 组织 Organization: the member roster (filter, a table that stays smooth at thousands of rows through
// ImGuiListClipper) and a member editor whose changes go through commands (member.add / member.update /
// member.remove), so they can be undone. DOMAIN.md "The organization".
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImMax
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

bool NameMatches(const std::string& name, const std::string& filter) {
  return filter.empty() || name.find(filter) != std::string::npos;
}

std::string PostsText(const Member& m) {
  std::string s;
  for (Post p : m.posts) {
    if (!s.empty()) s += "、";
    s += PostLabelZh(p);
  }
  if (!m.other_posts.empty()) s += (s.empty() ? "" : "、") + m.other_posts;
  return s;
}

void MemberEditor(App& app) {
  OrganizationUi& ui = app.org_ui;
  const Organization& org = app.data().org;
  const int mi = ui.selected_member.empty() ? -1 : FindMember(org, ui.selected_member);
  ImGui::SeparatorText(T(S::MemberEditor));
  if (mi < 0) {
    LabelWrapped(T(S::NoMemberSelected));
    return;
  }
  const Member& m = org.members[mi];
  if (ui.edit_for != m.meta.id || !ImGui::IsAnyItemActive()) {
    // Buffers follow the dataset unless the user is typing in them (undo, redo and imports show at once).
    if (ui.edit_for != m.meta.id || ui.edit_name != m.name) ui.edit_name = m.name;
    ui.edit_for = m.meta.id;
  }
  const float label_w = Em(6);
  Label(T(S::Name));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##member_name", &ui.edit_name);
  LocatorRecordLastItem("member_name");
  if (ImGui::IsItemDeactivatedAfterEdit() && ui.edit_name != m.name)
    app.Apply({"member.update", {{"id", m.meta.id}, {"name", ui.edit_name}}});

  Label(T(S::Branch));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
  const int bi = FindBranch(org, m.branch_id);
  if (ImGui::BeginCombo("##member_branch", bi >= 0 ? org.branches[bi].name.c_str() : "")) {
    for (const Branch& b : org.branches)
      if (ImGui::Selectable(b.name.c_str(), b.meta.id == m.branch_id) && b.meta.id != m.branch_id)
        app.Apply({"member.update", {{"id", m.meta.id}, {"branch_id", b.meta.id}}});
    ImGui::EndCombo();
  }
  bool rep = m.representative, reserve = m.reserve_cadre;
  if (ImGui::Checkbox(T(S::Representative), &rep))
    app.Apply({"member.update", {{"id", m.meta.id}, {"representative", rep}}});
  ImGui::SameLine();
  if (ImGui::Checkbox(T(S::ReserveCadre), &reserve))
    app.Apply({"member.update", {{"id", m.meta.id}, {"reserve_cadre", reserve}}});
  if (!m.id_masked.empty()) LabelColored(col::Grey, "ID " + m.id_masked);
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
  if (ImGui::Button(T(S::RemoveMember))) {
    Id id = m.meta.id;
    ui.selected_member.clear();
    app.Apply({"member.remove", {{"id", id}}});
  }
  ImGui::PopStyleColor();
}

}  // namespace

void DrawOrganization(App& app) {
  OrganizationUi& ui = app.org_ui;
  const Organization& org = app.data().org;
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s · %s %zu · %s %zu · %s %zu", org.town_name.c_str(), T(S::Areas), org.areas.size(),
                T(S::Branches), org.branches.size(), T(S::Members), org.members.size());
  Label(buf);

  // Toolbar: filter, add, undo/redo.
  ImGui::SetNextItemWidth(app.Narrow() ? -1 : Em(14));
  ImGui::InputTextWithHint("##member_filter", T(S::FilterHint), &ui.filter);
  LocatorRecordLastItem("member_filter");
  if (!app.Narrow()) ImGui::SameLine();
  if (ImGui::Button(T(S::AddMember)) && !org.branches.empty()) {
    const Id branch = org.branches.front().meta.id;
    ApplyResult r = app.Apply({"member.add", {{"name", T(S::NewMemberName)}, {"branch_id", branch}}});
    if (r.ok) ui.selected_member = r.created_id;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.ws->CanUndo());
  if (ImGui::Button(T(S::Undo))) app.ws->Undo(0);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!app.ws->CanRedo());
  if (ImGui::Button(T(S::Redo))) app.ws->Redo(0);
  ImGui::EndDisabled();

  // Rows that pass the filter.
  std::vector<int> rows;
  rows.reserve(org.members.size());
  for (int i = 0; i < static_cast<int>(org.members.size()); ++i)
    if (NameMatches(org.members[i].name, ui.filter)) rows.push_back(i);
  std::snprintf(buf, sizeof buf, T(S::ShownOf), static_cast<int>(rows.size()), static_cast<int>(org.members.size()));
  LabelColored(col::Grey, buf);

  const bool narrow = app.Narrow();
  const float table_h = narrow ? Em(16) : ImGui::GetContentRegionAvail().y - Em(12);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("members", narrow ? 2 : 4, flags, ImVec2(0, table_h > Em(8) ? table_h : Em(8)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(S::Name));
    ImGui::TableSetupColumn(T(S::Branch));
    if (!narrow) {
      ImGui::TableSetupColumn(T(S::Sex), ImGuiTableColumnFlags_WidthFixed, Em(3));
      ImGui::TableSetupColumn(T(S::Posts));
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    const float row_h = narrow ? ImMax(44.0f, Em(2.6f)) : Em(1.7f);  // touch-sized rows on phones
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const Member& m = org.members[rows[r]];
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
        cell(bi >= 0 ? org.branches[bi].name.c_str() : "");
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

}  // namespace zj::ui
