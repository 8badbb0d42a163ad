// Zhengjian shell: small widgets shared by screens; every text that tests read goes through Label().
#pragma once
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
/// The smallest touch target on phones, in CSS px (buttons, fields, table rows, tabs).
constexpr float kTouchPx = 44.0f;

/// Palette (party red, paper background).
namespace col {
constexpr ImU32 Red = IM_COL32(196, 30, 36, 255);
constexpr ImU32 Gold = IM_COL32(214, 160, 40, 255);
constexpr ImU32 Green = IM_COL32(36, 128, 72, 255);
constexpr ImU32 Grey = IM_COL32(110, 110, 110, 255);
constexpr ImU32 Ink = IM_COL32(34, 34, 34, 255);
}  // namespace col

}  // namespace zj::ui
