// Zhengjian shell: form fields that follow the dataset and commit once (组织 / 评 screens).
// A text field shows the stored value until the user edits it; the edit is handed back once, when the
// field is left (Enter, Tab, a click elsewhere), so one edit is one command and one undo step.
#pragma once
#include <string>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/locator.h"

namespace zj::ui {

/// The text of CommitText fields while they are edited, per field (ImGui id). A screen that uses CommitText
/// keeps one in its state (shell/screens/screen_state.h).
struct CommitFields {
  struct Buf {
    std::string text;
    bool dirty = false;  ///< typed in since the field last showed the stored value
  };
  std::unordered_map<ImGuiID, Buf> bufs;
};

/// A single-line text field labelled `test_label` for the locator (e.g. "member_phone"), showing `current`
/// while not being edited; its text while edited is kept in `fields`. Returns true once when the user leaves
/// the field with a changed value, in `out`. `width` < 0 fills the line (ImGui convention); `hint` is shown
/// greyed when the text is empty.
inline bool CommitText(CommitFields& fields, const char* test_label, const std::string& current, std::string& out,
                       float width = -1.0f, const char* hint = nullptr, ImGuiInputTextFlags flags = 0) {
  const std::string id = std::string("##") + test_label;
  const ImGuiID gid = ImGui::GetID(id.c_str());
  CommitFields::Buf& b = fields.bufs[gid];
  if (!b.dirty && ImGui::GetActiveID() != gid) b.text = current;
  ImGui::SetNextItemWidth(width);
  const bool changed = hint ? ImGui::InputTextWithHint(id.c_str(), hint, &b.text, flags)
                            : ImGui::InputText(id.c_str(), &b.text, flags);
  LocatorRecordLastItem(test_label);
  if (changed) b.dirty = true;
  if (b.dirty && !ImGui::IsItemActive()) {
    b.dirty = false;
    if (b.text != current) {
      out = b.text;
      return true;
    }
  }
  return false;
}

}  // namespace zj::ui
