// 看 Look: the on-site meetings (党建工作现场会), one per area for its villages and one for the town units:
// venue and the site chosen in advance, the draw of two more sites done live (seed witnessed by the room,
// candidates in their fixed order, result revealed, the record kept; never redrawn), the agenda with the
// speakers in order and the estimated end, and the speech timer (5:00 countdown, last-minute colour, overrun
// +mm:ss) that fills the screen for a projector. docs/domain.md "The four strands"; notice 四(二)一, 四(二)二.
// Changes go through onsite.* commands (core/campaign/commands_campaign.cpp); the draw is core/campaign/draw.h's zj-draw-v1.
//
// [SECTION] Strings
// [SECTION] Meeting set-up
// [SECTION] The draw
// [SECTION] Agenda
// [SECTION] Speech timer (card and full screen)
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/campaign/commands_campaign.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/platform.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------
const Tr kTitle{"党建工作现场会", "On-site meetings"};
const Tr kNone{"还没有现场会。按片区和镇直单位生成：", "No on-site meetings yet. Create one per area and one for the town units:"};
const Tr kCreate{"生成现场会", "Create meetings"};
const Tr kVillageMeeting{"村级党建工作现场会", "village on-site meeting"};
const Tr kUnitMeeting{"镇直单位党建现场会", "town-unit on-site meeting"};
const Tr kDate{"日期", "Date"};
const Tr kStart{"开始", "Start"};
const Tr kVenue{"会场", "Venue"};
const Tr kPreselected{"预定参观点", "Chosen site"};
const Tr kChoose{"（请选择）", "(choose)"};
const Tr kHeld{"已召开", "Held"};
const Tr kNotes{"点评要点", "Comments"};
const Tr kDrawTitle{"现场随机抽取参观点（另抽 2 个）", "Draw of two more sites on the spot"};
const Tr kCandidates{"候选（固定顺序，按名称排列）", "Candidates (fixed order, by name)"};
const Tr kNeedPreselected{"请先确定预定参观点，再抽签。", "Choose the site picked in advance before drawing."};
const Tr kSeed{"种子", "Seed"};
const Tr kSeedHint{"现场报出的数字，如 4711", "digits read out in the room, e.g. 4711"};
const Tr kSeedExplain{"由会场见证人报出一串数字（或用“会议日期#数字”），录入后抽签；任何人都可按 zj-draw-v1 算法复核。",
                      "A witness reads out digits (or use “meeting date#number”); anyone can re-run the draw with the zj-draw-v1 steps."};
const Tr kUseDate{"加上会议日期", "Prefix the meeting date"};
const Tr kDraw{"抽签", "Draw"};
const Tr kConfirmTitle{"确认抽签", "Confirm the draw"};
const Tr kConfirmText{"种子一经抽签即记录在案，本次现场会不能重抽。", "The seed is recorded with the draw; this meeting cannot draw again."};
const Tr kConfirm{"确认，开始抽签", "Draw now"};
const Tr kCancel{"取消", "Cancel"};
const Tr kPicked{"抽中 %d：%s", "Drawn %d: %s"};
const Tr kDrawnAt{"抽签时间 %s", "drawn at %s"};
const Tr kSeedShown{"种子 %s", "seed %s"};
const Tr kVerified{"复核：按种子重算结果一致", "Verified: re-running the seed gives the same result"};
const Tr kNotVerified{"复核失败：记录与重算结果不一致", "Check failed: the record does not match a re-run"};
const Tr kOnce{"每场现场会只抽一次。", "Each meeting draws once."};
const Tr kRecord{"抽签记录", "Draw record"};
const Tr kVisits{"参观点（顺序）", "Sites (in order)"};
const Tr kAgenda{"议程", "Agenda"};
const Tr kEnd{"预计结束 %s", "estimated end %s"};
const Tr kUndated{"日期未定", "no date yet"};
const Tr kTimer{"发言计时（每人不超过 %d 分钟）", "Speech timer (at most %d minutes each)"};
const Tr kSpeaker{"发言 %d/%d：%s", "Speaker %d/%d: %s"};
const Tr kNoSpeakers{"没有发言人。", "No speakers."};
const Tr kStartTimer{"开始计时", "Start"};
const Tr kPause{"暂停", "Pause"};
const Tr kResume{"继续", "Resume"};
const Tr kStop{"停止", "Stop"};
const Tr kReset{"重置", "Reset"};
const Tr kPrev{"上一位", "Previous"};
const Tr kNext{"下一位", "Next"};
const Tr kFull{"全屏计时", "Full screen"};
const Tr kLeaveFull{"退出全屏 (Esc)", "Leave full screen (Esc)"};
const Tr kLastMinute{"最后一分钟", "last minute"};
const Tr kOverrun{"已超时", "over time"};
const StringTable kTable{&kTitle, &kNone, &kCreate, &kVillageMeeting, &kUnitMeeting, &kDate, &kStart, &kVenue,
                         &kPreselected, &kChoose, &kHeld, &kNotes, &kDrawTitle, &kCandidates, &kNeedPreselected,
                         &kSeed, &kSeedHint, &kSeedExplain, &kUseDate, &kDraw, &kConfirmTitle, &kConfirmText,
                         &kConfirm, &kCancel, &kPicked, &kDrawnAt, &kSeedShown, &kVerified, &kNotVerified, &kOnce, &kRecord,
                         &kVisits, &kAgenda, &kEnd, &kUndated, &kTimer, &kSpeaker, &kNoSpeakers, &kStartTimer,
                         &kPause, &kResume, &kStop, &kReset, &kPrev, &kNext, &kFull, &kLeaveFull, &kLastMinute,
                         &kOverrun};

std::string MeetingTitle(const OnsiteMeeting& m, const Organization& org) {
  if (m.scope == OnsiteScope::TownUnits) return T(kUnitMeeting);
  for (const Area& a : org.areas)
    if (a.meta.id == m.area_id) return a.name + " " + T(kVillageMeeting);
  return T(kVillageMeeting);
}

const OnsiteMeeting* FindMeeting(const Campaign& c, const Id& id) {
  for (const OnsiteMeeting& m : c.onsite_meetings)
    if (m.meta.id == id) return &m;
  return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Meeting set-up
//-----------------------------------------------------------------------------
void Setup(App& app, const OnsiteMeeting& m) {
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  LookScreen& ui = app.screens.look;
  if (ui.buffers_for != m.meta.id || !ImGui::IsAnyItemActive()) {
    if (ui.buffers_for != m.meta.id) ui.seed.clear();
    ui.buffers_for = m.meta.id;
    ui.date = m.date ? m.date->ToString() : "";
    ui.time = Hm(m.start_minute);
    ui.venue = m.venue;
    ui.notes = m.notes;
  }
  const Id id = m.meta.id;
  Label(T(kDate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputTextWithHint("##meeting_date", "YYYY-MM-DD", &ui.date);
  LocatorRecordLastItem("meeting_date");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    OnsiteUpdate x;  // empty: cleared; a date goes as typed (the command reads it or refuses it)
    x.id = id;
    x.date.emplace(std::nullopt);
    app.Emit(ui.date.empty() ? ToCommand(x) : AsTyped(x, &OnsiteUpdate::date, ui.date));
  }
  ImGui::SameLine();
  Label(T(kStart));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(4));
  ImGui::InputTextWithHint("##meeting_time", "HH:MM", &ui.time);
  LocatorRecordLastItem("meeting_time");
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const int t = ParseHhMm(ui.time);
    app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.start_minute = t; }));  // -1 is refused with the reason
  }
  if (EditField(T(kVenue), "meeting_venue", ui.venue, narrow))
    app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.venue = ui.venue; }));
  Label(T(kPreselected));
  if (!narrow) ImGui::SameLine(Em(6));
  ImGui::SetNextItemWidth(narrow ? -1 : Em(16));
  const std::string pre = BranchNameById(org, m.preselected_branch_id);
  ImGui::BeginDisabled(m.draw.has_value());
  if (ImGui::BeginCombo("##meeting_preselected", pre.empty() ? T(kChoose) : pre.c_str())) {
    for (const DrawCandidate& c : EligibleSites(m, org))
      if (ImGui::Selectable(c.name.c_str(), c.id == m.preselected_branch_id))
        app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.preselected_branch_id = c.id; }));
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("meeting_preselected");
  ImGui::EndDisabled();
  switch (HeldCheckbox(T(kHeld), "##meeting_future_held", m.held, m.date, app.today, app.width, narrow)) {
    case HeldChoice::Held: app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.held = true; })); break;
    case HeldChoice::HeldToday:
      app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.held = true; x.date.emplace(app.today); }));
      break;
    case HeldChoice::NotHeld: app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.held = false; })); break;
    case HeldChoice::None: break;
  }
  if (EditField(T(kNotes), "meeting_notes", ui.notes, narrow))
    app.Emit(Cmd<OnsiteUpdate>([&](auto& x) { x.id = id; x.notes = ui.notes; }));
}

//-----------------------------------------------------------------------------
// [SECTION] The draw
//-----------------------------------------------------------------------------
void DrawPanel(App& app, const OnsiteMeeting& m) {
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  LookScreen& ui = app.screens.look;
  ImGui::SeparatorText(T(kDrawTitle));
  char buf[256];
  if (m.draw) {
    const DrawRecord& r = *m.draw;
    // The result, large: what the room waits for.
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.5f);
    for (size_t k = 0; k < r.picked_ids.size(); ++k) {
      std::string name;
      for (const auto& c : r.candidates)
        if (c.id == r.picked_ids[k]) name = c.name;
      std::snprintf(buf, sizeof buf, T(kPicked), static_cast<int>(k + 1), name.c_str());
      LabelColored(col::Red, buf);
    }
    ImGui::PopFont();
    std::snprintf(buf, sizeof buf, T(kDrawnAt), platform::LocalTimeText(r.drawn_at).c_str());  // local time, as the witnesses read it
    char seed_text[160];
    std::snprintf(seed_text, sizeof seed_text, T(kSeedShown), r.seed.c_str());
    FlowLabels({{col::Grey, buf}, {col::Grey, seed_text}});
    const bool ok = VerifyDraw(r);
    LabelColored(ok ? col::Green : col::Red, T(ok ? kVerified : kNotVerified));
    LabelColored(col::Grey, T(kOnce));
    if (ImGui::CollapsingHeader(T(kRecord))) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(DescribeDraw(r).c_str());
      ImGui::PopTextWrapPos();
    }
    return;
  }
  if (m.preselected_branch_id.empty()) {
    LabelColored(col::Gold, T(kNeedPreselected));
    return;
  }
  // Candidates in the fixed order of zj-draw-v1 step 1.
  Label(T(kCandidates));
  int n = 0;
  for (const DrawCandidate& c : EligibleSites(m, org)) {
    if (c.id == m.preselected_branch_id) continue;
    std::snprintf(buf, sizeof buf, "%d. %s", ++n, c.name.c_str());
    ImGui::Indent(Em(1));
    Label(buf);
    ImGui::Unindent(Em(1));
  }
  LabelWrapped(T(kSeedExplain));
  Label(T(kSeed));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? -1 : Em(14));
  ImGui::InputTextWithHint("##draw_seed", T(kSeedHint), &ui.seed);
  LocatorRecordLastItem("draw_seed");
  if (m.date) {
    if (!narrow) ImGui::SameLine();
    if (ImGui::Button(T(kUseDate), ImVec2(0, TouchH(narrow))) && ui.seed.find('#') == std::string::npos)
      ui.seed = SeedFromDateAndNumber(*m.date, ui.seed);
  }
  if (!narrow) ImGui::SameLine();
  const std::string seed = NormalizeSeed(ui.seed);
  ImGui::BeginDisabled(seed.empty());
  ImGui::PushStyleColor(ImGuiCol_Button, col::Red);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(216, 50, 56, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(160, 20, 26, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  if (ImGui::Button(T(kDraw), ImVec2(narrow ? -1 : Em(6), ImMax(TouchH(narrow), Em(2.2f))))) ImGui::OpenPopup("confirm_draw");
  ImGui::PopStyleColor(4);
  ImGui::EndDisabled();
  ImGui::SetNextWindowSize(ImVec2(std::min(Em(24), app.width - Em(1)), 0));
  if (ImGui::BeginPopupModal("confirm_draw", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
    Label(T(kConfirmTitle));
    ImGui::PopFont();
    Label(std::string(T(kSeed)) + "：" + seed);
    LabelWrapped(T(kConfirmText));
    const float bh = ImMax(TouchH(narrow), Em(2.2f));
    if (ImGui::Button(T(kConfirm), ImVec2(Em(7), bh))) {
      app.Emit(Cmd<OnsiteDraw>([&](auto& x) { x.id = m.meta.id; x.seed = seed; }));
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(T(kCancel), ImVec2(Em(5), bh))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Agenda
//-----------------------------------------------------------------------------
void Agenda(App& app, const OnsiteMeeting& m, const std::vector<AgendaItem>& agenda) {
  ImGui::SeparatorText(T(kAgenda));
  char buf[128];
  const int end = agenda.empty() ? m.start_minute : agenda.back().end_minute;
  std::snprintf(buf, sizeof buf, T(kEnd), Hm(end).c_str());
  FlowLabels({{col::Ink, m.date ? m.date->ToString() : std::string(T(kUndated))}, {col::Red, buf}});
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("agenda", 2, flags)) {
    ImGui::TableSetupColumn("##time", ImGuiTableColumnFlags_WidthFixed, Em(6.5f));
    ImGui::TableSetupColumn("##item", ImGuiTableColumnFlags_WidthStretch);
    int speech = 0;
    for (const AgendaItem& it : agenda) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((Hm(it.start_minute) + "-" + Hm(it.end_minute)).c_str());
      ImGui::TableNextColumn();
      const bool current = it.kind == AgendaItem::Kind::Speech && speech++ == app.screens.look.speaker && app.screens.look.timer_for == m.meta.id;
      ImGui::PushTextWrapPos(0);
      if (current) ImGui::TextColored(ImColor(col::Red), "%s", it.title.c_str());
      else ImGui::TextUnformatted(it.title.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Speech timer
//-----------------------------------------------------------------------------
ImU32 TimerColour(const SpeechTimer& t, int64_t now) {
  if (t.Overrun(now)) return col::Red;
  if (t.LastMinute(now)) return IM_COL32(214, 120, 0, 255);
  return t.state() == SpeechTimer::State::Running ? col::Green : col::Ink;
}

void TimerButtons(LookScreen& ui, int speakers, bool narrow, bool big) {
  const int64_t now = platform::NowMs();
  const float h = big ? ImMax(56.0f, Em(3.0f)) : ImMax(TouchH(narrow), Em(2.2f));
  auto next = [&](int d) {
    ui.speaker = std::clamp(ui.speaker + d, 0, std::max(0, speakers - 1));
    ui.timer.Reset();
  };
  switch (ui.timer.state()) {
    case SpeechTimer::State::Idle:
    case SpeechTimer::State::Stopped:
      if (ImGui::Button(T(kStartTimer), ImVec2(0, h))) ui.timer.Start(now);
      break;
    case SpeechTimer::State::Running:
      if (ImGui::Button(T(kPause), ImVec2(0, h))) ui.timer.Pause(now);
      ImGui::SameLine();
      if (ImGui::Button(T(kStop), ImVec2(0, h))) ui.timer.Stop(now);
      break;
    case SpeechTimer::State::Paused:
      if (ImGui::Button(T(kResume), ImVec2(0, h))) ui.timer.Resume(now);
      ImGui::SameLine();
      if (ImGui::Button(T(kStop), ImVec2(0, h))) ui.timer.Stop(now);
      break;
  }
  ImGui::SameLine();
  if (ImGui::Button(T(kReset), ImVec2(0, h))) ui.timer.Reset();
  if (!narrow) ImGui::SameLine();  // phones: a second row
  ImGui::BeginDisabled(ui.speaker <= 0);
  if (ImGui::Button(T(kPrev), ImVec2(0, h))) next(-1);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(ui.speaker + 1 >= speakers);
  if (ImGui::Button(T(kNext), ImVec2(0, h))) next(+1);
  ImGui::EndDisabled();
}

void TimerCard(App& app, const OnsiteMeeting& m, const std::vector<const AgendaItem*>& speeches) {
  LookScreen& ui = app.screens.look;
  const bool narrow = app.Narrow();
  const int64_t limit = static_cast<int64_t>(m.times.speech_minutes) * 60 * 1000;
  if (ui.timer_for != m.meta.id || (ui.timer.state() == SpeechTimer::State::Idle && ui.timer.limit_ms() != limit)) {
    if (ui.timer_for != m.meta.id) ui.speaker = 0;
    ui.timer_for = m.meta.id;
    ui.timer = SpeechTimer(limit);
  }
  ui.speaker = std::clamp(ui.speaker, 0, std::max(0, static_cast<int>(speeches.size()) - 1));
  char buf[256];
  std::snprintf(buf, sizeof buf, T(kTimer), m.times.speech_minutes);
  ImGui::SeparatorText(buf);
  if (speeches.empty()) {
    LabelColored(col::Grey, T(kNoSpeakers));
  } else {
    const std::string who = speeches[static_cast<size_t>(ui.speaker)]->title.substr(std::string("发言 ").size());
    std::snprintf(buf, sizeof buf, T(kSpeaker), ui.speaker + 1, static_cast<int>(speeches.size()), who.c_str());
    Label(buf);
  }
  const int64_t now = platform::NowMs();
  const std::string shown = ui.timer.Display(now);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 3.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, TimerColour(ui.timer, now));
  Label(shown);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (ui.timer.Overrun(now)) {
    ImGui::SameLine();
    LabelColored(col::Red, T(kOverrun));
  } else if (ui.timer.LastMinute(now)) {
    ImGui::SameLine();
    LabelColored(IM_COL32(214, 120, 0, 255), T(kLastMinute));
  }
  TimerButtons(ui, static_cast<int>(speeches.size()), narrow, false);
  if (ImGui::Button(T(kFull), ImVec2(narrow ? -1 : 0, ImMax(TouchH(narrow), Em(2.2f))))) ui.fullscreen = true;
}

/// The timer over the whole viewport for a projector: speaker on top, the digits as large as fit,
/// background amber in the last minute and red when over time; Esc or the button leaves.
void TimerFullScreen(App& app, const std::vector<const AgendaItem*>& speeches) {
  LookScreen& ui = app.screens.look;
  const int64_t now = platform::NowMs();
  const bool over = ui.timer.Overrun(now), last = ui.timer.LastMinute(now);
  const ImU32 bg = over ? col::Red : last ? IM_COL32(214, 120, 0, 255) : IM_COL32(24, 24, 24, 255);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 40));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 80));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 120));
  ImGui::Begin("timer_full", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  char buf[256];
  if (!speeches.empty()) {
    const std::string who = speeches[static_cast<size_t>(ui.speaker)]->title.substr(std::string("发言 ").size());
    std::snprintf(buf, sizeof buf, T(kSpeaker), ui.speaker + 1, static_cast<int>(speeches.size()), who.c_str());
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * (app.Narrow() ? 1.2f : 2.0f));
    ImGui::PushTextWrapPos(0);
    Label(buf);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }
  // Digits: as large as fit in the width and about half the height.
  const std::string shown = ui.timer.Display(now);
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float button_h = ImMax(56.0f, Em(3.0f));
  const int button_rows = app.Narrow() ? 2 : 1;
  const float buttons_h = button_h * button_rows + ImGui::GetStyle().ItemSpacing.y * (button_rows - 1);
  float size = vp->Size.y * 0.42f;
  ImGui::PushFont(nullptr, size);
  const float w = ImGui::CalcTextSize("+00:00").x;
  ImGui::PopFont();
  if (w > avail_w * 0.95f) size *= avail_w * 0.95f / w;
  ImGui::PushFont(nullptr, size);
  const ImVec2 ts = ImGui::CalcTextSize(shown.c_str());
  const float top = ImGui::GetCursorPosY();
  const float free_h = vp->Size.y - top - buttons_h - ImGui::GetStyle().WindowPadding.y * 2 - Em(1);
  ImGui::SetCursorPos(ImVec2((vp->Size.x - ts.x) * 0.5f, top + std::max(0.0f, (free_h - ts.y) * 0.5f)));
  Label(shown);
  ImGui::PopFont();
  if (over || last) {
    const char* state = over ? T(kOverrun) : T(kLastMinute);
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
    ImGui::SetCursorPosX((vp->Size.x - ImGui::CalcTextSize(state).x) * 0.5f);
    Label(state);
    ImGui::PopFont();
  }
  ImGui::SetCursorPosY(vp->Size.y - buttons_h - ImGui::GetStyle().WindowPadding.y);
  TimerButtons(ui, static_cast<int>(speeches.size()), app.Narrow(), true);
  ImGui::SameLine();
  if (ImGui::Button(T(kLeaveFull), ImVec2(0, button_h)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ui.fullscreen = false;
  ImGui::End();
  ImGui::PopStyleColor(5);
}

}  // namespace

void DrawLook(App& app) {
  LookScreen& ui = app.screens.look;
  const Campaign& c = app.data().campaign;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  if (c.onsite_meetings.empty()) {
    LabelWrapped(T(kNone));
    if (ImGui::Button(T(kCreate), ImVec2(0, TouchH(narrow)))) app.Emit(ToCommand(OnsiteEnsure{}));
    return;
  }
  if (!FindMeeting(c, ui.selected)) ui.selected = c.onsite_meetings.front().meta.id;
  // One button per meeting (a tab row that wraps on phones).
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const OnsiteMeeting& m : c.onsite_meetings) {
    const std::string title = MeetingTitle(m, org);
    const bool active = m.meta.id == ui.selected;
    const float w = ImGui::CalcTextSize(title.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    first = false;
    if (active) {
      ImGui::PushStyleColor(ImGuiCol_Button, col::Red);
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    }
    ImGui::PushID(m.meta.id.c_str());
    if (ImGui::Button(title.c_str(), ImVec2(0, TouchH(narrow)))) ui.selected = m.meta.id;
    ImGui::PopID();
    if (active) ImGui::PopStyleColor(2);
  }
  const OnsiteMeeting* m = FindMeeting(c, ui.selected);
  const std::vector<AgendaItem> agenda = BuildAgenda(*m, org);
  std::vector<const AgendaItem*> speeches;
  for (const AgendaItem& it : agenda)
    if (it.kind == AgendaItem::Kind::Speech) speeches.push_back(&it);

  ImGui::Spacing();
  if (narrow) {
    Setup(app, *m);
    DrawPanel(app, *m);
    TimerCard(app, *m, speeches);
    Agenda(app, *m, agenda);
  } else {
    // Two columns: set-up and draw on the left, timer and agenda on the right.
    if (ImGui::BeginTable("look_cols", 2, ImGuiTableFlags_SizingStretchSame)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      Setup(app, *m);
      DrawPanel(app, *m);
      ImGui::TableNextColumn();
      TimerCard(app, *m, speeches);
      Agenda(app, *m, agenda);
      ImGui::EndTable();
    }
  }
  if (ui.fullscreen) TimerFullScreen(app, speeches);
}

}  // namespace zj::ui
