// Zhengjian shell: small helpers shared by the campaign screens 学 看 谈 通报 (learn.cpp, look.cpp, talk.cpp,
// report.cpp): date and time fields that commit on leaving the field, names of people and branches,
// and the two-language pick for data that carries both.
#pragma once
#include <cstdio>
#include <utility>
#include <vector>
#include <optional>
#include <string>

#include "core/campaign/campaign.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImMax
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/i18n.h"
#include "shell/locator.h"
#include "shell/widgets.h"

namespace zj::ui {

/// Chinese or English of a pair of texts from the data, by the current language.
inline const std::string& ZhEn(const std::string& zh, const std::string& en) {
  return CurrentLang() == Lang::Zh || en.empty() ? zh : en;
}
inline const char* ZhEn(const char* zh, const char* en) { return CurrentLang() == Lang::Zh ? zh : en; }

/// "HH:MM" -> minutes after 00:00 (0..1439), or -1. Accepts "9:05", "09:05", full-width colon "9：05".
inline int ParseHhMm(std::string s) {
  const std::string fw = "\xEF\xBC\x9A";  // ：
  for (size_t p; (p = s.find(fw)) != std::string::npos;) s.replace(p, fw.size(), ":");
  int h = -1, m = -1;
  char tail = 0;
  if (std::sscanf(s.c_str(), " %d:%d %c", &h, &m, &tail) != 2) return -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  return h * 60 + m;
}

/// A labelled text field that reports a finished edit (Enter or leaving the field). `label` is shown
/// to the left on wide screens and above on phones; `test_id` names the field for the test locator.
inline bool EditField(const char* label, const char* test_id, std::string& buf, bool narrow, const char* hint = "",
                      float label_w = 0) {
  Label(label);
  if (!narrow) ImGui::SameLine(label_w > 0 ? label_w : Em(6));
  ImGui::SetNextItemWidth(-1);
  char id[96];
  std::snprintf(id, sizeof id, "##%s", test_id);
  ImGui::InputTextWithHint(id, hint, &buf);
  LocatorRecordLastItem(test_id);
  return ImGui::IsItemDeactivatedAfterEdit();
}

/// Minutes -> "HH:MM".
inline std::string Hm(int minutes) { return FormatMinutes(minutes); }

/// "MM-DD" of a date.
inline std::string MonthDayOf(Date d) { return d.ToString().substr(5); }

/// Height of a touch-friendly button: 44 CSS px on phones at least.
inline float TouchH(bool narrow) { return narrow ? ImMax(kTouchPx, Em(2.6f)) : 0.0f; }

/// Branch name by id ("" when unknown).
inline std::string BranchNameById(const Organization& org, const Id& id) {
  const int i = FindBranch(org, id);
  return i >= 0 ? org.branches[static_cast<size_t>(i)].name : std::string();
}

/// Name of a person with his branch for lists: "张三（东湖村党支部）"; cadres with their title.
inline std::string PersonWithUnit(const Organization& org, const Id& id) {
  const int mi = FindMember(org, id);
  if (mi >= 0) {
    const Member& m = org.members[static_cast<size_t>(mi)];
    const std::string b = BranchNameById(org, m.branch_id);
    return b.empty() ? m.name : m.name + "（" + b + "）";
  }
  for (const Cadre& c : org.cadres)
    if (c.meta.id == id) return c.title.empty() ? c.name : c.name + "（" + c.title + "）";
  return id;
}

/// What the user did with a "held" checkbox (已举办 / 已召开).
enum class HeldChoice { None, Held, HeldToday, NotHeld };

/// The "held" checkbox of an event planned on `date`. Unticking answers NotHeld at once; ticking answers Held at
/// once when the event is undated or dated today or earlier. For an event dated after `today` it asks first, in
/// the modal `popup_id` (the event may have been moved earlier, or the wrong one was ticked): confirmed, it
/// answers HeldToday (the caller marks it held and moves its date to today); cancelled, nothing changes.
/// `width` is the window's width in pixels (the modal fits in it).
inline HeldChoice HeldCheckbox(const char* label, const char* popup_id, bool held, const std::optional<Date>& date,
                               Date today, float width, bool narrow) {
  HeldChoice out = HeldChoice::None;
  bool v = held;
  if (ImGui::Checkbox(label, &v)) {
    if (!v) out = HeldChoice::NotHeld;
    else if (date && *date > today) ImGui::OpenPopup(popup_id);
    else out = HeldChoice::Held;
  }
  ImGui::SetNextWindowSize(ImVec2(ImMin(Em(24), width - Em(1)), 0));
  if (ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  ZhEn("这项活动定在 %s，今天是 %s。确认已经举办？确认后日期改为今天。",
                       "This is planned for %s; today is %s. Mark it held? Its date then becomes today."),
                  date ? date->ToString().c_str() : "", today.ToString().c_str());
    LabelWrapped(buf);
    const float bh = ImMax(TouchH(narrow), Em(2.2f));
    if (ImGui::Button(ZhEn("确认，今天已举办", "Yes, held today"), ImVec2(narrow ? -1.0f : 0.0f, bh))) {
      out = HeldChoice::HeldToday;
      ImGui::CloseCurrentPopup();
    }
    if (!narrow) ImGui::SameLine();
    if (ImGui::Button(ZhEn("取消", "Cancel"), ImVec2(narrow ? -1.0f : Em(5), bh))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return out;
}

}  // namespace zj::ui
