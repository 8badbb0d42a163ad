// Zhengjian shell: picking one person from a long list (the exemption picker, a talk's interviewee, …):
// a combo whose popup starts with a filter field (name, or pinyin initials such as "zw" for 张伟), listing
// same-name people apart (core/org/org.h SameNameHints: branch, birth month, ID ending, post).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/org/org.h"
#include "shell/collation.h"

namespace zj::ui {

/// State of one picker (a member of its screen's state): the filter typed, and the labels and initials
/// computed for one list (rebuilt when the data version or the list changes).
struct PersonPickerState {
  std::string filter;
  uint64_t stamp = ~0ull, list_hash = 0;
  std::vector<std::string> labels;  ///< PersonLabel of each candidate
  std::vector<std::string> names;
  PinyinInitialsCache initials;
};

/// A searchable combo choosing one of `candidates` (member or cadre ids, shown in the order given) into
/// `chosen`. `test_label` names the combo for the test locator ("exempt_member"); its filter field is
/// `test_label` + "_filter" and each row "pick:" + label. `width` as ImGui::SetNextItemWidth. Returns true
/// on the frame the choice changed.
bool PersonPicker(const char* test_label, const Organization& org, const std::vector<Id>& candidates, Id& chosen,
                  PersonPickerState& state, uint64_t data_version, float width, const char* placeholder);

}  // namespace zj::ui
