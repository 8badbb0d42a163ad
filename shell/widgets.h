// Zhengjian shell: small widgets shared by screens; every text that tests read goes through Label().
#pragma once
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>

#include "imgui.h"
#include "shell/locator.h"

namespace zj::ui {

/// Draws `text` as a plain label and records it for the test locator.
inline void Label(const char* text) {
  ImGui::TextUnformatted(text);
  LocatorRecordLastItem(text);
}
inline void Label(const std::string& text) { Label(text.c_str()); }
/// Coloured label.
inline void LabelColored(ImU32 col, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, col);
  Label(text);
  ImGui::PopStyleColor();
}
/// Wrapped label (paragraphs).
inline void LabelWrapped(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  Label(text);
  ImGui::PopTextWrapPos();
}
/// Labels in a row that wrap to the next line when the next one does not fit (key-date lines on phones).
inline void FlowLabels(std::initializer_list<std::pair<ImU32, std::string>> items) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const auto& [colour, text] : items) {
    if (text.empty()) continue;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(text.c_str()).x > right) ImGui::NewLine();
    }
    first = false;
    LabelColored(colour, text);
  }
}
/// Font-relative size, like CSS em. Style sizes are set and scaled in one place (ApplyScale, shell/app.cpp);
/// screens size things in Em or kTouchPx, never in raw pixels of their own.
inline float Em(float n) { return n * ImGui::GetFontSize(); }

/// SameLine() when an item `next_w` px wide still fits on the current line, else stays on a new line: rows of
/// fields that flow onto further lines on a phone or at a large 字号 instead of running past the right edge.
/// `spacing` as ImGui::SameLine's (< 0: the style's ItemSpacing.x).
inline void SameLineIfFits(float next_w, float spacing = -1.0f) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;  // the line start after an item
  ImGui::SameLine(0.0f, spacing);
  if (ImGui::GetCursorScreenPos().x + next_w > right) ImGui::NewLine();
}

/// A checkbox whose label wraps onto further lines instead of running off the right edge (phones, a large 字号).
/// Where the label fits, a plain ImGui::Checkbox; otherwise the box alone and the label as wrapped text beside it,
/// a click or tap on the text toggling it too. The label is recorded for the test locator either way. Returns true
/// on the frame `*v` changed.
inline bool CheckboxWrapped(const char* label, bool* v) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float box = ImGui::GetFrameHeight();
  const float avail = ImGui::GetContentRegionAvail().x;
  if (box + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x <= avail) return ImGui::Checkbox(label, v);
  ImGui::PushID(label);
  bool changed = ImGui::Checkbox("##box", v);
  ImGui::PopID();
  ImGui::SameLine(0.0f, st.ItemInnerSpacing.x);
  ImGui::PushTextWrapPos(0.0f);
  const char* hash = std::strstr(label, "##");
  const char* end = hash ? hash : label + std::strlen(label);
  ImGui::TextUnformatted(label, end);
  ImGui::PopTextWrapPos();
  LocatorRecordLastItem(std::string(label, end).c_str());
  if (ImGui::IsItemClicked()) {
    *v = !*v;
    changed = true;
  }
  return changed;
}
/// The smallest touch target on phones, in CSS px (buttons, fields, table rows, tabs).
constexpr float kTouchPx = 44.0f;
/// Height of a touch-sized button: the frame height, at least kTouchPx.
inline float TouchH() { return std::max(kTouchPx, ImGui::GetFrameHeight()); }
/// A button at least kTouchPx tall, recorded for the test locator under its label. With `enabled` false it is drawn
/// greyed and never reports a press.
inline bool TouchButton(const char* label, bool enabled = true) {
  ImGui::BeginDisabled(!enabled);
  const bool hit = ImGui::Button(label, ImVec2(0, TouchH()));
  ImGui::EndDisabled();
  LocatorRecordLastItem(label);
  return hit && enabled;
}

/// A screen's sub-navigation (党员 / 组织架构 / 干部 / 名册导入导出 …). Where every label fits the width, an ImGui
/// tab bar; where they do not (a phone, a large 字号), the same labels as buttons at least `min_h` tall that wrap
/// onto further rows, the open one filled, so no tab is ever out of reach behind the tab bar's scroll arrows.
/// `id` names the bar; the open index (0-based into `labels`) is kept in the window's state storage under it,
/// also across a switch between the two forms. Each label reaches the test locator once. Returns the open index.
inline int SubTabs(const char* id, const char* const* labels, int count, float min_h = 0.0f) {
  ImGuiStorage* store = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID(id);
  int* open = store->GetIntRef(key, 0);
  bool* was_buttons = store->GetBoolRef(key + 1, false);
  if (*open < 0 || *open >= count) *open = 0;
  const ImGuiStyle& st = ImGui::GetStyle();
  float need = 0.0f;
  for (int i = 0; i < count; ++i) need += ImGui::CalcTextSize(labels[i]).x + st.FramePadding.x * 2 + st.ItemInnerSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (need <= avail) {
    const ImVec2 pad(st.FramePadding.x, std::max(st.FramePadding.y, (min_h - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
    if (ImGui::BeginTabBar(id)) {
      for (int i = 0; i < count; ++i) {
        const bool on = ImGui::BeginTabItem(labels[i], nullptr, *was_buttons && i == *open ? ImGuiTabItemFlags_SetSelected : 0);
        LocatorRecordLastItem(labels[i]);  // tab items pass no label to the test-engine hook (buttons do)
        if (on) {
          *open = i;
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
    ImGui::PopStyleVar();
    *was_buttons = false;
    return *open;
  }
  *was_buttons = true;
  const float h = std::max(min_h, ImGui::GetFrameHeight());
  ImGui::PushID(id);
  for (int i = 0; i < count; ++i) {
    const float w = ImGui::CalcTextSize(labels[i]).x + st.FramePadding.x * 2;
    if (i > 0) SameLineIfFits(w, st.ItemInnerSpacing.x);
    const bool on = i == *open;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(on ? ImGuiCol_TabSelected : ImGuiCol_Tab));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetColorU32(ImGuiCol_TabHovered));
    if (on) {  // the open one: the tab's selected colour with the selected tab's red line as a border
      ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetColorU32(ImGuiCol_TabSelectedOverline));
      ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    }
    if (ImGui::Button(labels[i], ImVec2(w, h))) *open = i;
    if (on) ImGui::PopStyleVar();
    ImGui::PopStyleColor(on ? 3 : 2);
  }
  ImGui::PopID();
  ImGui::Separator();
  return *open;
}

/// Palette (party red, paper background).
namespace col {
constexpr ImU32 Red = IM_COL32(196, 30, 36, 255);
constexpr ImU32 Gold = IM_COL32(214, 160, 40, 255);
constexpr ImU32 Green = IM_COL32(36, 128, 72, 255);
constexpr ImU32 Grey = IM_COL32(110, 110, 110, 255);
constexpr ImU32 Ink = IM_COL32(34, 34, 34, 255);
}  // namespace col

}  // namespace zj::ui
