// Zhengjian shell: the searchable person picker (shell/person_picker.h).
#include "shell/person_picker.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "core/campaign/plan.h"
#include "shell/i18n.h"
#include "shell/locator.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
const Tr kFind{"输入姓名或拼音首字母", "Name or pinyin initials"};
const Tr kNoMatch{"没有找到", "No match"};
const StringTable kTable{&kFind, &kNoMatch};
}  // namespace

bool PersonPicker(const char* test_label, const Organization& org, const std::vector<Id>& candidates, Id& chosen,
                  PersonPickerState& st, uint64_t data_version, float width, const char* placeholder) {
  const uint64_t h = HashTexts(candidates.size(), [&](size_t i) -> const std::string& { return candidates[i]; });
  const bool zh = CurrentLang() == Lang::Zh;
  if (st.stamp != data_version || st.list_hash != (h ^ static_cast<uint64_t>(zh)) || st.labels.size() != candidates.size()) {
    const std::vector<std::string> hints = SameNameHints(org, candidates, zh);
    st.labels.clear();
    st.names.clear();
    for (size_t i = 0; i < candidates.size(); ++i) {
      st.names.push_back(PersonName(org, candidates[i]));
      st.labels.push_back(PersonLabel(st.names.back(), hints[i]));
    }
    st.stamp = data_version;
    st.list_hash = h ^ static_cast<uint64_t>(zh);
  }
  const std::vector<std::string>& initials =
      st.initials.Get(st.names.size(), [&](size_t i) -> const std::string& { return st.names[i]; });

  int now = -1;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i] == chosen) now = static_cast<int>(i);
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const std::string id = std::string("##") + test_label;
  if (ImGui::BeginCombo(id.c_str(), now >= 0 ? st.labels[static_cast<size_t>(now)].c_str() : placeholder,
                        ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      st.filter.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", T(kFind), &st.filter);
    LocatorRecordLastItem((std::string(test_label) + "_filter").c_str());
    std::vector<int> shown;
    for (size_t i = 0; i < candidates.size(); ++i)
      if (PersonMatches(st.names[i], initials[i], st.filter)) shown.push_back(static_cast<int>(i));
    if (shown.empty()) LabelColored(col::Grey, T(kNoMatch));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const size_t i = static_cast<size_t>(shown[static_cast<size_t>(r)]);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(st.labels[i].c_str(), static_cast<int>(i) == now)) {
          changed = candidates[i] != chosen;
          chosen = candidates[i];
        }
        LocatorRecordLastItem(("pick:" + st.labels[i]).c_str());
        ImGui::PopID();
      }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem(test_label);
  return changed;
}

}  // namespace zj::ui
