// 学 Learn: the lecture sessions (专题讲习, 3–5 in the month), each with theme, lecturer team, lecturers, place
// and time; the audience derived from roles; attendance ticking; reflections (学习心得) owed / handed in /
// chosen for the study column (学习专栏). docs/domain.md "The four strands"; notice 四(一).
// Every change is a command of core/campaign/commands_campaign.cpp (lecture.*).
//
// [SECTION] Strings
// [SECTION] Lecture list
// [SECTION] Lecture editor
// [SECTION] Attendance and reflections
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/campaign/commands_campaign.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/collation.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------
const Tr kTitle{"专题讲习", "Lectures"};
const Tr kCountFmt{"共 %d 次（通知要求 3 至 5 次）", "%d sessions (the notice asks for 3 to 5)"};
const Tr kCountWarn{"讲习次数不在 3 至 5 次之间", "the number of lectures is outside 3 to 5"};
const Tr kAdd{"新增讲习", "Add lecture"};
const Tr kNewTheme{"新讲习主题", "New lecture theme"};
const Tr kRemove{"删除此讲习", "Remove this lecture"};
const Tr kTheme{"主题", "Theme"};
const Tr kTeam{"宣讲队", "Team"};
const Tr kNoTeam{"（外请专家）", "(invited speakers)"};
const Tr kLecturers{"宣讲员", "Lecturers"};
const Tr kGuests{"外请", "Guests"};
const Tr kPlace{"地点", "Place"};
const Tr kDate{"日期", "Date"};
const Tr kTime{"时间", "Time"};
const Tr kDuration{"时长(分)", "Minutes"};
const Tr kHeld{"已举办", "Held"};
const Tr kNotHeld{"未举办", "Not held"};
const Tr kUndated{"日期未定", "no date yet"};
const Tr kAudience{"参学人员（按身份）", "Audience (by role)"};
const Tr kAttendance{"出勤与学习心得", "Attendance and reflections"};
const Tr kAttendFmt{"应到 %d 人 · 实到 %d 人 · 到会率 %d%%", "expected %d · present %d · %d%%"};
const Tr kReflFmt{"心得：未交 %d · 已交 %d · 入选学习专栏 %d", "reflections: owed %d · handed in %d · chosen %d"};
const Tr kAllPresent{"全部到会", "All present"};
const Tr kPresent{"出勤", "Present"};
const Tr kName{"姓名", "Name"};
const Tr kUnit{"单位", "Unit"};
const Tr kReflection{"学习心得", "Reflection"};
const Tr kNotExpected{"（不在应到名单）", "(not in the expected audience)"};
const Tr kStudyColumn{"学习专栏（入选心得）", "Study column (chosen reflections)"};
const Tr kNoneChosen{"尚无入选的心得。", "No reflection chosen yet."};
const Tr kTitleHint{"心得题目", "title of the reflection"};
const Tr kFilterHint{"按姓名或拼音首字母筛选", "filter by name or pinyin initials"};
const Tr kOwed{"未交", "owed"};
const Tr kHandedIn{"已交", "handed in"};
const Tr kChosen{"入选学习专栏", "chosen"};
const Tr kNoAudience{"未设参学人员，或名册中没有这些身份的人。", "No audience roles, or nobody in the roster holds them."};
const Tr kTimeBad{"时间格式应为 HH:MM（如 14:30）", "times are HH:MM (e.g. 14:30)"};
const Tr kListFig{" · 到会 %d/%d · 心得 %d/%d", " · present %d/%d · reflections %d/%d"};
const StringTable kTable{&kTitle, &kCountFmt, &kCountWarn, &kAdd, &kNewTheme, &kRemove, &kTheme, &kTeam, &kNoTeam,
                         &kLecturers, &kGuests, &kPlace, &kDate, &kTime, &kDuration, &kHeld, &kNotHeld, &kUndated,
                         &kAudience, &kAttendance, &kAttendFmt, &kReflFmt, &kAllPresent, &kPresent, &kName, &kUnit,
                         &kReflection, &kNotExpected, &kStudyColumn, &kNoneChosen, &kTitleHint, &kFilterHint, &kOwed,
                         &kHandedIn, &kChosen, &kNoAudience, &kTimeBad, &kListFig};

const Tr& ReflectionTr(ReflectionState s) {
  return s == ReflectionState::Owed ? kOwed : s == ReflectionState::HandedIn ? kHandedIn : kChosen;
}

const Lecture* FindLecture(const Campaign& c, const Id& id) {
  for (const Lecture& l : c.lectures)
    if (l.meta.id == id) return &l;
  return nullptr;
}

std::string WhenText(const Lecture& l) {
  if (!l.date) return T(kUndated);
  return l.date->ToString() + " " + Hm(l.start_minute) + "-" + Hm(l.start_minute + l.duration_minutes);
}

//-----------------------------------------------------------------------------
// [SECTION] Lecture list
//-----------------------------------------------------------------------------
void LectureList(App& app) {
  LearnScreen& ui = app.screens.learn;
  const Campaign& c = app.data().campaign;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  char buf[256];
  std::snprintf(buf, sizeof buf, T(kCountFmt), static_cast<int>(c.lectures.size()));
  Label(buf);
  if (c.lectures.size() < 3 || c.lectures.size() > 5) LabelColored(col::Red, T(kCountWarn));
  ImGui::BeginDisabled(c.lectures.size() >= 5);
  if (ImGui::Button(T(kAdd), ImVec2(0, TouchH(narrow)))) {
    app.Emit(Cmd<LectureAdd>([&](auto& x) { x.theme_zh = T(kNewTheme); }), [&ui](const ApplyResult& r) {
      if (r.ok) ui.selected = r.created_id;
    });
  }
  ImGui::EndDisabled();
  int i = 0;
  for (const Lecture& l : c.lectures) {
    ++i;
    ImGui::PushID(l.meta.id.c_str());
    const Attendance at = LectureAttendance(l, org);
    const ReflectionCounts rc = CountReflections(l);
    const std::string theme = std::to_string(i) + ". " + ZhEn(l.theme_zh, l.theme_en);  // any length
    // The number, then the theme wrapped to the row's width beside it (a hanging indent: ImGui would break
    // a long Chinese theme, one unbroken run, right after "1." otherwise). Long themes stay readable on a
    // phone, no horizontal scrolling; then one line (wide) or two (phones) of when / where / figures.
    const std::string number = std::to_string(i) + ". ";
    const std::string& shown = ZhEn(l.theme_zh, l.theme_en);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = ImGui::GetStyle().FramePadding.x * 0.5f;
    const float number_w = ImGui::CalcTextSize(number.c_str()).x;
    const float wrap_w = std::max(Em(4), ImGui::GetContentRegionAvail().x - pad * 2 - number_w);
    const float lh = ImGui::GetTextLineHeightWithSpacing();
    const float theme_h = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap_w).y;
    const float row_h = std::max(narrow ? kTouchPx : 0.0f, theme_h + lh * (narrow ? 2 : 1) + pad * 2 + ImGui::GetStyle().ItemSpacing.y);
    if (ImGui::Selectable("##lecture", ui.selected == l.meta.id, ImGuiSelectableFlags_None, ImVec2(0, row_h)))
      ui.selected = l.meta.id;
    LocatorRecordLastItem(theme.c_str());
    // Text drawn over the selectable: theme, then when / where / status.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float clip_r = pos.x + ImGui::GetContentRegionAvail().x;
    dl->PushClipRect(pos, ImVec2(clip_r, pos.y + row_h), true);
    dl->AddText(ImVec2(pos.x + pad, pos.y + pad), col::Ink, number.c_str());
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad + number_w, pos.y + pad), col::Ink, shown.c_str(),
                nullptr, wrap_w);
    std::string line2 = WhenText(l) + " · " + (l.held ? T(kHeld) : T(kNotHeld));
    char fig[128];
    std::snprintf(fig, sizeof fig, T(kListFig), at.attended_expected, at.expected, rc.handed_in, at.attended);
    const ImU32 c2 = l.held ? col::Green : col::Grey;
    const float y2 = pos.y + pad + theme_h + ImGui::GetStyle().ItemSpacing.y;
    if (narrow) {  // figures on their own line: a phone is too narrow for both
      dl->AddText(ImVec2(pos.x + pad, y2), c2, line2.c_str());
      dl->AddText(ImVec2(pos.x + pad, y2 + lh), c2, fig + 4);  // without the leading " · " (4 bytes)
    } else {
      line2 += fig;
      dl->AddText(ImVec2(pos.x + pad, y2), c2, line2.c_str());
    }
    dl->PopClipRect();
    ImGui::PopID();
  }
  if (ui.selected.empty() || !FindLecture(c, ui.selected))
    ui.selected = c.lectures.empty() ? Id{} : c.lectures.front().meta.id;
}

//-----------------------------------------------------------------------------
// [SECTION] Lecture editor
//-----------------------------------------------------------------------------
void LectureEditor(App& app, const Lecture& l) {
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  LearnScreen& ui = app.screens.learn;
  if (ui.buffers_for != l.meta.id || !ImGui::IsAnyItemActive()) {
    ui.buffers_for = l.meta.id;
    ui.theme = l.theme_zh;
    ui.place = l.place;
    ui.guests = l.guest_lecturers;
    ui.date = l.date ? l.date->ToString() : "";
    ui.time = Hm(l.start_minute);
    ui.duration = std::to_string(l.duration_minutes);
  }
  const Id id = l.meta.id;
  // The theme as a wrapped heading (SeparatorText would cut a long theme on a phone).
  ImGui::Spacing();
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
  LabelWrapped(ZhEn(l.theme_zh, l.theme_en));
  ImGui::PopFont();
  ImGui::Separator();
  if (EditField(T(kTheme), "lecture_theme", ui.theme, narrow)) app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.theme_zh = ui.theme; }));

  // Team.
  Label(T(kTeam));
  if (!narrow) ImGui::SameLine(Em(6));
  ImGui::SetNextItemWidth(narrow ? -1 : Em(14));
  if (ImGui::BeginCombo("##lecture_team", l.team ? LectureTeamLabelZh(*l.team) : T(kNoTeam))) {
    if (ImGui::Selectable(T(kNoTeam), !l.team)) app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.team.emplace(std::nullopt); }));
    for (int t = 0; t < 5; ++t) {
      const LectureTeam team = static_cast<LectureTeam>(t);
      if (ImGui::Selectable(LectureTeamLabelZh(team), l.team == team))
        app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.team.emplace(LectureTeamCode(team)); }));
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("lecture_team");

  // Lecturers: cadres of the lecturer corps, the chosen team's first.
  Label(T(kLecturers));
  if (!narrow) ImGui::SameLine(Em(6));
  ImGui::BeginGroup();
  std::vector<const Cadre*> lecturers;
  for (const Cadre& cd : org.cadres)
    if (std::find(cd.roles.begin(), cd.roles.end(), CadreRole::Lecturer) != cd.roles.end()) lecturers.push_back(&cd);
  {  // the chosen team's first, each group in pinyin order (拼音顺序)
    std::vector<std::string> names;
    for (const Cadre* cd : lecturers) names.push_back(cd->name);
    const std::vector<int32_t> ranks = RanksNow(names);
    std::vector<int> order(lecturers.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    auto in_team = [&](const Cadre* c) {
      return l.team && std::find(c->lecture_teams.begin(), c->lecture_teams.end(), *l.team) != c->lecture_teams.end();
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const bool ta = in_team(lecturers[static_cast<size_t>(a)]), tb = in_team(lecturers[static_cast<size_t>(b)]);
      if (ta != tb) return ta;
      return ranks[static_cast<size_t>(a)] < ranks[static_cast<size_t>(b)];
    });
    std::vector<const Cadre*> sorted;
    for (int k : order) sorted.push_back(lecturers[static_cast<size_t>(k)]);
    lecturers.swap(sorted);
  }
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const Cadre* cd : lecturers) {
    bool on = std::find(l.lecturer_ids.begin(), l.lecturer_ids.end(), cd->meta.id) != l.lecturer_ids.end();
    const float w = ImGui::CalcTextSize(cd->name.c_str()).x + ImGui::GetFrameHeight() + Em(1.2f);
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    first = false;
    ImGui::PushID(cd->meta.id.c_str());
    if (ImGui::Checkbox(cd->name.c_str(), &on)) {
      std::vector<Id> ids = l.lecturer_ids;
      if (on) ids.push_back(cd->meta.id);
      else ids.erase(std::remove(ids.begin(), ids.end(), cd->meta.id), ids.end());
      app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.lecturer_ids = ids; }));
    }
    ImGui::PopID();
  }
  ImGui::EndGroup();
  if (EditField(T(kGuests), "lecture_guests", ui.guests, narrow))
    app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.guest_lecturers = ui.guests; }));
  if (EditField(T(kPlace), "lecture_place", ui.place, narrow)) app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.place = ui.place; }));

  // Date, time, duration in one row on wide screens.
  auto small = [&](const Tr& label, const char* test_id, std::string& buf, float w, const char* hint) {
    Label(T(label));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    char hid[64];
    std::snprintf(hid, sizeof hid, "##%s", test_id);
    ImGui::InputTextWithHint(hid, hint, &buf);
    LocatorRecordLastItem(test_id);
    return ImGui::IsItemDeactivatedAfterEdit();
  };
  if (small(kDate, "lecture_date", ui.date, Em(7), "YYYY-MM-DD")) {
    LectureUpdate x;  // empty: cleared; a date goes as typed (the command reads it or refuses it)
    x.id = id;
    x.date.emplace(std::nullopt);
    app.Emit(ui.date.empty() ? ToCommand(x) : AsTyped(x, &LectureFields::date, ui.date));
  }
  if (!narrow) ImGui::SameLine();
  if (small(kTime, "lecture_time", ui.time, Em(4), "HH:MM")) {
    const int m = ParseHhMm(ui.time);
    if (m < 0) app.last_problem = {"/start_minute", kTimeBad.zh, kTimeBad.en};
    else app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.start_minute = m; }));
  }
  SameLineIfFits(ImGui::CalcTextSize(T(kDuration)).x + ImGui::GetStyle().ItemSpacing.x + Em(3.5f));
  if (small(kDuration, "lecture_duration", ui.duration, Em(3.5f), "120")) {
    int m = 0;
    char tail = 0;
    if (std::sscanf(ui.duration.c_str(), " %d %c", &m, &tail) != 1) m = -1;
    app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.duration_minutes = m; }));
  }
  switch (HeldCheckbox(T(kHeld), "##lecture_future_held", l.held, l.date, app.today, app.width, narrow)) {
    case HeldChoice::Held: app.Emit(Cmd<LectureSetHeld>([&](auto& x) { x.id = id; x.held = true; })); break;
    case HeldChoice::HeldToday:
      app.Emit(Cmd<LectureSetHeld>([&](auto& x) { x.id = id; x.held = true; x.date.emplace(app.today); }));
      break;
    case HeldChoice::NotHeld: app.Emit(Cmd<LectureSetHeld>([&](auto& x) { x.id = id; x.held = false; })); break;
    case HeldChoice::None: break;
  }
  if (!l.held && l.attendee_ids.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
    if (ImGui::SmallButton(T(kRemove))) app.Emit(Cmd<LectureRemove>([&](auto& x) { x.id = id; }));
    ImGui::PopStyleColor();
  }

  // Audience roles.
  if (ImGui::CollapsingHeader(T(kAudience))) {
    const float r2 = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first_role = true;
    for (Role role : AllRoles()) {
      bool on = std::find(l.audience_roles.begin(), l.audience_roles.end(), role) != l.audience_roles.end();
      const char* name = ZhEn(RoleZh(role), RoleEn(role));
      const float w = ImGui::CalcTextSize(name).x + ImGui::GetFrameHeight() + Em(1.2f);
      if (!first_role) {
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > r2) ImGui::NewLine();
      }
      first_role = false;
      if (ImGui::Checkbox(name, &on)) {
        std::vector<std::string> toks;
        for (Role r : l.audience_roles)
          if (r != role) toks.push_back(RoleToken(r));
        if (on) toks.push_back(RoleToken(role));
        app.Emit(Cmd<LectureUpdate>([&](auto& x) { x.id = id; x.audience_roles = toks; }));
      }
    }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Attendance and reflections
//-----------------------------------------------------------------------------
void Attendance(App& app, const Lecture& l) {
  LearnScreen& ui = app.screens.learn;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  const Id id = l.meta.id;
  ImGui::SeparatorText(T(kAttendance));
  const zj::Attendance at = LectureAttendance(l, org);
  const ReflectionCounts rc = CountReflections(l);
  char buf[200];
  std::snprintf(buf, sizeof buf, T(kAttendFmt), at.expected, at.attended, at.percent);
  Label(buf);
  std::snprintf(buf, sizeof buf, T(kReflFmt), rc.owed, rc.handed_in, rc.chosen);
  LabelColored(col::Grey, buf);

  const std::vector<Id> audience = LectureAudience(l, org);
  std::vector<Id> rows = audience;
  std::set<Id> expected(audience.begin(), audience.end());
  for (const Id& a : l.attendee_ids)
    if (!expected.count(a)) rows.push_back(a);
  if (rows.empty()) {
    LabelWrapped(T(kNoAudience));
    return;
  }
  std::set<Id> present(l.attendee_ids.begin(), l.attendee_ids.end());
  if (ImGui::Button(T(kAllPresent), ImVec2(0, TouchH(narrow)))) {
    std::vector<Id> missing;
    for (const Id& a : audience)
      if (!present.count(a)) missing.push_back(a);
    if (!missing.empty())
      app.Emit(Cmd<LectureAttend>([&](auto& x) {
        x.id = id;
        x.person_ids = missing;
        x.present = true;
      }));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? -1 : Em(12));
  ImGui::InputTextWithHint("##attend_filter", T(kFilterHint), &ui.filter);
  LocatorRecordLastItem("attend_filter");
  // The expected audience in pinyin order (拼音顺序), then those present though not expected; cached per
  // lecture until the names change (shell/collation.h).
  {
    std::vector<std::string> names;
    names.reserve(rows.size());
    for (const Id& p : rows) names.push_back(PersonName(org, p));
    const std::vector<int32_t>& ranks =
        ui.attendance_ranks.Get(app.data_version() ^ std::hash<std::string>()(l.meta.id), names.size(),
                       [&](size_t i) -> const std::string& { return names[i]; });
    std::vector<int> order(rows.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const bool ea = expected.count(rows[static_cast<size_t>(a)]) != 0, eb = expected.count(rows[static_cast<size_t>(b)]) != 0;
      if (ea != eb) return ea;
      return ranks[static_cast<size_t>(a)] < ranks[static_cast<size_t>(b)];
    });
    std::vector<Id> sorted;
    sorted.reserve(rows.size());
    for (int k : order) sorted.push_back(rows[static_cast<size_t>(k)]);
    rows.swap(sorted);
  }
  // Found by name or pinyin initials; same-name people told apart (core/org/org.h SameNameHints).
  std::vector<std::string> row_names;
  row_names.reserve(rows.size());
  for (const Id& p : rows) row_names.push_back(PersonName(org, p));
  const std::vector<std::string>& initials =
      ui.attendance_initials.Get(row_names.size(),
                                 [&](size_t i) -> const std::string& { return row_names[i]; });
  const std::vector<std::string> hints = SameNameHints(org, rows, CurrentLang() == Lang::Zh);
  std::map<Id, std::string> hint_of;
  std::vector<Id> shown;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (PersonMatches(row_names[k], initials[k], ui.filter)) shown.push_back(rows[k]);
    if (!hints[k].empty()) hint_of[rows[k]] = hints[k];
  }

  const float row_h = narrow ? ImMax(kTouchPx, Em(2.6f)) : Em(2.0f);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  const float table_h = std::min(row_h * (static_cast<float>(shown.size()) + 1.5f), Em(narrow ? 20 : 18));
  if (ImGui::BeginTable("attendance", narrow ? 3 : 4, flags, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T(kPresent), ImGuiTableColumnFlags_WidthFixed, Em(narrow ? 2.5f : 3));
    ImGui::TableSetupColumn(T(kName));
    if (!narrow) ImGui::TableSetupColumn(T(kUnit));
    ImGui::TableSetupColumn(T(kReflection), ImGuiTableColumnFlags_WidthFixed, Em(narrow ? 6.5f : 8));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()), row_h);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const Id& p = shown[static_cast<size_t>(r)];
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
        ImGui::PushID(p.c_str());
        ImGui::TableNextColumn();
        bool on = present.count(p) != 0;
        const auto hint = hint_of.find(p);
        const std::string name = PersonLabel(PersonName(org, p), hint == hint_of.end() ? "" : hint->second);
        if (ImGui::Checkbox("##present", &on))
          app.Emit(Cmd<LectureAttend>([&](auto& x) {
            x.id = id;
            x.person_id = p;
            x.present = on;
          }));
        LocatorRecordLastItem(("attend:" + name).c_str());
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        Label(name);
        ImGui::PopTextWrapPos();
        if (!expected.count(p)) {
          ImGui::SameLine();
          LabelColored(col::Grey, T(kNotExpected));
        }
        if (!narrow) {
          ImGui::TableNextColumn();
          const std::string unit = PersonWithUnit(org, p);
          const auto open = unit.find("（");
          ImGui::TextUnformatted(open == std::string::npos ? "" : unit.substr(open).c_str());
        }
        ImGui::TableNextColumn();
        const Reflection* refl = nullptr;
        for (const Reflection& x : l.reflections)
          if (x.person_id == p) refl = &x;
        if (refl) {
          ImGui::SetNextItemWidth(-1);
          if (ImGui::BeginCombo("##refl", T(ReflectionTr(refl->state)))) {
            for (ReflectionState s : {ReflectionState::Owed, ReflectionState::HandedIn, ReflectionState::Chosen})
              if (ImGui::Selectable(T(ReflectionTr(s)), refl->state == s) && refl->state != s)
                app.Emit(Cmd<LectureReflection>([&](auto& x) {
                  x.id = id;
                  x.person_id = p;
                  x.state = ReflectionStateToken(s);
                  x.date.emplace(app.today);
                }));
            ImGui::EndCombo();
          }
          LocatorRecordLastItem(("refl:" + name).c_str());
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }

  // The study column: chosen reflections with their titles.
  ImGui::SeparatorText(T(kStudyColumn));
  bool any = false;
  for (const Reflection& r : l.reflections) {
    if (r.state != ReflectionState::Chosen) continue;
    any = true;
    ImGui::PushID(r.meta.id.c_str());
    Label(PersonWithUnit(org, r.person_id));
    if (!narrow) ImGui::SameLine(Em(14));
    ImGui::SetNextItemWidth(-1);
    std::string buf2 = ui.title_for == r.meta.id ? ui.title_buf : r.title;
    if (ImGui::InputTextWithHint("##title", T(kTitleHint), &buf2)) {
      ui.title_for = r.meta.id;
      ui.title_buf = buf2;
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      app.Emit(Cmd<LectureReflection>([&](auto& x) {
        x.id = id;
        x.person_id = r.person_id;
        x.state = ReflectionStateToken(ReflectionState::Chosen);
        x.title = buf2;
      }));
      ui.title_for.clear();
    }
    ImGui::PopID();
  }
  if (!any) LabelColored(col::Grey, T(kNoneChosen));
}

}  // namespace

void DrawLearn(App& app) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  LectureList(app);
  if (const Lecture* l = FindLecture(app.data().campaign, app.screens.learn.selected)) {
    ImGui::Spacing();
    LectureEditor(app, *l);
    Attendance(app, *l);
  }
}

}  // namespace zj::ui
