// 谈 Talk: the heart-to-heart talks (谈心谈话) — the plan (pairs generated from the roster, scheduled between
// two dates, with unplaceable pairs, roster gaps and time conflicts explained) and the talk record form
// (谈话记录): the topic checklist of the talk's kind (6 or 4 topics, notice 四(三)), notes, the intention
// (进退留转), reserve cadres recommended, place and time. docs/domain.md "The four strands". Talk records are sensitive:
// they stay in the dataset. Changes go through talk.* commands (core/campaign/commands_campaign.cpp).
//
// [SECTION] Strings and UI state
// [SECTION] Plan: schedule window and explanations
// [SECTION] Talk list
// [SECTION] Record form (drafts kept across reloads)
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/campaign/calendar.h"
#include "core/campaign/commands_campaign.h"
#include "nlohmann/json.hpp"
#include "shell/platform.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/collation.h"
#include "shell/talk_lock.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings and UI state
//-----------------------------------------------------------------------------
const Tr kTitle{"谈心谈话", "Heart-to-heart talks"};
const Tr kPlanFmt{"应谈 %d 人次 · 已谈 %d · 已排期 %d · 未排期 %d", "%d talks · %d held · %d scheduled · %d unscheduled"};
const Tr kFrom{"从", "From"};
const Tr kTo{"到", "To"};
const Tr kSchedule{"生成并排期", "Generate and schedule"};
const Tr kScheduleExplain{"按名册生成谈话对象（书记谈村支书、班子成员谈两委成员、总支书记和驻村干部谈党员代表），在两个日期之间排期：同一谈话人在同一村的谈话尽量排在同一天。",
                          "Pairs come from the roster; talks are scheduled between the two dates, one interviewer's talks in one village grouped on one day where possible."};
const Tr kUnplacedFmt{"未能排入 %d 人次（原因）", "%d talks could not be placed (why)"};
const Tr kGapsFmt{"名册缺口 %d 处", "%d gaps in the roster"};
const Tr kConflictsFmt{"时间冲突 %d 处", "%d time conflicts"};
const Tr kAllPlaced{"所有未谈的谈话都已排入计划。", "Every talk not yet held is scheduled."};
const Tr kKindAll{"全部类别", "All kinds"};
const Tr kStatusAll{"全部", "All"};
const Tr kStatusOpen{"未谈", "Not held"};
const Tr kStatusDone{"已谈", "Held"};
const Tr kFilterHint{"按姓名、村或拼音首字母筛选", "filter by name, village or pinyin initials"};
const Tr kWhen{"时间", "When"};
const Tr kWho{"谈话人 — 谈话对象", "Interviewer — interviewee"};
const Tr kKind{"类别", "Kind"};
const Tr kState{"状态", "State"};
const Tr kUnplanned{"未排期", "not scheduled"};
const Tr kShownFmt{"显示 %d / %d", "showing %d of %d"};
const Tr kRecordTitle{"谈话记录", "Talk record"};
const Tr kPlanned{"计划：%s", "planned: %s"};
const Tr kDate{"日期", "Date"};
const Tr kTime{"时间", "Time"};
const Tr kPlace{"地点", "Place"};
const Tr kTopics{"谈话内容（已谈及的打勾）", "Topics (tick those covered)"};
const Tr kNotes{"谈话要点", "Notes"};
const Tr kIntention{"进退留转意愿", "Wish to advance, retire, stay or move"};
const Tr kNotAsked{"未涉及", "not asked"};
const Tr kReserve{"推荐后备干部", "Reserve cadres recommended"};
const Tr kReserveMark{"（后备干部）", "(reserve cadre)"};
const Tr kReserveNote{"名册外", "Not in roster"};
const Tr kReserveNoteHint{"名册外的人选，写姓名和情况", "names not in the roster"};
const Tr kSave{"保存谈话记录", "Save talk record"};
const Tr kClear{"清除记录", "Clear record"};
const Tr kSaved{"已保存", "Saved"};
const Tr kLockedRecord{"这条谈话记录已加密。请在本页上方输入口令解锁后查看或修改。",
                       "This talk record is locked. Enter the passphrase above to read or change it."};
const Tr kLockedNew{"谈话记录已设口令锁：请先在本页上方解锁，再填写新的记录（新记录要加密后才能保存）。",
                    "Talk records are locked: unlock above before entering a record (it is encrypted before it is "
                    "saved)."};
const StringTable kLockTable{&kLockedRecord, &kLockedNew};
const Tr kSensitive{"谈话记录涉及个人意愿和评价，只保存在本机数据中，注意保密。",
                    "Talk records hold people's wishes and assessments: they stay in this device's data; keep them confidential."};
const Tr kNoTalks{"还没有谈话计划。点“生成并排期”。", "No talks planned yet. Press “Generate and schedule”."};
const Tr kSelectHint{"在上面的列表中选择一次谈话，填写谈话记录。", "Choose a talk in the list above to fill its record."};
const Tr kTimeBad{"时间格式应为 HH:MM（如 09:30）", "times are HH:MM (e.g. 09:30)"};
const Tr kK1{"书记—村支书", "Secretary"};
const Tr kK2{"班子—两委", "Committee"};
const Tr kK3{"总支/驻村—代表", "Representatives"};
const StringTable kTable{&kTitle, &kPlanFmt, &kFrom, &kTo, &kSchedule, &kScheduleExplain, &kUnplacedFmt, &kGapsFmt,
                         &kConflictsFmt, &kAllPlaced, &kKindAll, &kStatusAll, &kStatusOpen, &kStatusDone, &kFilterHint,
                         &kWhen, &kWho, &kKind, &kState, &kUnplanned, &kShownFmt, &kRecordTitle, &kPlanned, &kDate,
                         &kTime, &kPlace, &kTopics, &kNotes, &kIntention, &kNotAsked, &kReserve, &kReserveMark,
                         &kReserveNote, &kReserveNoteHint, &kSave, &kClear, &kSaved, &kSensitive, &kNoTalks,
                         &kSelectHint, &kTimeBad, &kK1, &kK2, &kK3};
const Tr* const kKindShort[3] = {&kK1, &kK2, &kK3};

std::string PairKey(const TalkPair& p) {
  return std::to_string(static_cast<int>(p.kind)) + "|" + p.interviewer_id + "|" + p.interviewee_id;
}

const TalkScreen::Preview& GetPreview(App& app) {
  TalkScreen::Preview& cached = app.screens.talk.preview;
  if (cached.version == app.data_version()) return cached;
  TalkScreen::Preview p;
  p.version = app.data_version();
  Campaign copy = app.data().campaign;
  IdGenerator ids(1);
  CampaignSchedule cs = ScheduleCampaignTalks(copy, app.data().org, ids, 0, "preview", p.gaps, app.today);
  for (const UnscheduledTalk& u : cs.result.unscheduled) {
    const TalkPair& pair = cs.pairs[u.pair_index];
    p.reason_zh[PairKey(pair)] = u.reason_zh;
    p.reason_en[PairKey(pair)] = u.reason_en;
  }
  for (const Conflict& c : FindConflicts(BuildCalendar(app.data().campaign, app.data().org)))
    if (c.a.source == EntrySource::Talk || c.b.source == EntrySource::Talk) p.conflicts.push_back(c);
  cached = std::move(p);
  return cached;
}

const Talk* FindTalk(const Campaign& c, const Id& id) {
  for (const Talk& t : c.talks)
    if (t.meta.id == id) return &t;
  return nullptr;
}

std::string WhenOf(const Talk& t) {
  if (t.record) return t.record->held_on.ToString() + " " + Hm(t.record->start_minute);
  if (t.planned_date) return t.planned_date->ToString() + " " + Hm(t.planned_start_minute);
  return T(kUnplanned);
}

//-----------------------------------------------------------------------------
// [SECTION] Plan: schedule window and explanations
//-----------------------------------------------------------------------------
void PlanPanel(App& app) {
  const Campaign& c = app.data().campaign;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  TalkScreen& ui = app.screens.talk;
  int held = 0, planned = 0, open = 0;
  for (const Talk& t : c.talks) {
    if (t.Held()) ++held;
    else if (t.planned_date) ++planned;
    else ++open;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, T(kPlanFmt), static_cast<int>(c.talks.size()), held, planned, open);
  LabelWrapped(buf);
  if (ui.window_version != app.data_version() && !ImGui::IsAnyItemActive()) {
    ui.window_version = app.data_version();
    ui.from = c.talk_schedule.from ? c.talk_schedule.from->ToString() : "";
    ui.to = c.talk_schedule.to ? c.talk_schedule.to->ToString() : "";
  }
  Label(T(kFrom));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputTextWithHint("##talk_from", "YYYY-MM-DD", &ui.from);
  LocatorRecordLastItem("talk_from");
  SameLineIfFits(ImGui::CalcTextSize(T(kTo)).x + ImGui::GetStyle().ItemSpacing.x + Em(7));
  Label(T(kTo));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputTextWithHint("##talk_to", "YYYY-MM-DD", &ui.to);
  LocatorRecordLastItem("talk_to");
  if (!narrow) ImGui::SameLine();
  if (ImGui::Button(T(kSchedule), ImVec2(narrow ? -1 : 0, TouchH(narrow)))) {
    // Empty: left out; a date goes as typed (the command reads it or refuses it naming the field).
    TalkScheduleCmd s{};
    s.today = app.today;  // nothing is placed before today (the device's day)
    Command cmd = ToCommand(s);
    if (!ui.from.empty()) cmd.args.update(AsTyped(s, &TalkScheduleCmd::from, ui.from).args);
    if (!ui.to.empty()) cmd.args.update(AsTyped(s, &TalkScheduleCmd::to, ui.to).args);
    app.Emit(cmd);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(kScheduleExplain));

  if (c.talks.empty()) {
    LabelColored(col::Grey, T(kNoTalks));
    return;
  }
  const TalkScreen::Preview& p = GetPreview(app);
  std::vector<const Talk*> unplaced;
  for (const Talk& t : c.talks)
    if (!t.Held() && !t.planned_date) unplaced.push_back(&t);
  if (unplaced.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Green, T(kAllPlaced));
    ImGui::PopTextWrapPos();
  } else {
    std::snprintf(buf, sizeof buf, T(kUnplacedFmt), static_cast<int>(unplaced.size()));
    ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
    const bool open_list = ImGui::CollapsingHeader(buf);
    ImGui::PopStyleColor();
    if (open_list) {
      for (const Talk* t : unplaced) {
        const auto it = (CurrentLang() == Lang::Zh ? p.reason_zh : p.reason_en).find(PairKey(t->pair));
        std::string line = DescribeTalkPair(org, t->pair);
        if (it != (CurrentLang() == Lang::Zh ? p.reason_zh : p.reason_en).end()) line += "：" + it->second;
        ImGui::Bullet();
        LabelWrapped(line);
      }
    }
  }
  if (!p.gaps.empty()) {
    std::snprintf(buf, sizeof buf, T(kGapsFmt), static_cast<int>(p.gaps.size()));
    if (ImGui::CollapsingHeader(buf))
      for (const Problem& g : p.gaps) {
        ImGui::Bullet();
        LabelWrapped(CurrentLang() == Lang::Zh ? g.message_zh : g.message_en);
      }
  }
  if (!p.conflicts.empty()) {
    std::snprintf(buf, sizeof buf, T(kConflictsFmt), static_cast<int>(p.conflicts.size()));
    if (ImGui::CollapsingHeader(buf))
      for (const Conflict& cf : p.conflicts) {
        ImGui::Bullet();
        LabelWrapped(PersonName(org, cf.person_id) + " " + cf.a.date.ToString() + "：" + cf.a.title + " " +
                     Hm(cf.a.start_minute) + "-" + Hm(cf.a.end_minute) + " / " + cf.b.title + " " +
                     Hm(cf.b.start_minute) + "-" + Hm(cf.b.end_minute));
      }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Talk list
//-----------------------------------------------------------------------------
void TalkList(App& app) {
  const Campaign& c = app.data().campaign;
  const Organization& org = app.data().org;
  const bool narrow = app.Narrow();
  TalkScreen& ui = app.screens.talk;
  // Filters: kind, state, text.
  ImGui::SetNextItemWidth(narrow ? Em(8) : Em(10));
  const char* kind_label = ui.kind_filter < 0 ? T(kKindAll) : T(*kKindShort[ui.kind_filter]);
  if (ImGui::BeginCombo("##talk_kind", kind_label)) {
    if (ImGui::Selectable(T(kKindAll), ui.kind_filter < 0)) ui.kind_filter = -1;
    for (int k = 0; k < 3; ++k)
      if (ImGui::Selectable(T(*kKindShort[k]), ui.kind_filter == k)) ui.kind_filter = k;
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("talk_kind");
  SameLineIfFits(Em(5));
  const Tr* states[3] = {&kStatusAll, &kStatusOpen, &kStatusDone};
  ImGui::SetNextItemWidth(Em(5));
  if (ImGui::BeginCombo("##talk_state", T(*states[ui.status_filter]))) {
    for (int s = 0; s < 3; ++s)
      if (ImGui::Selectable(T(*states[s]), ui.status_filter == s)) ui.status_filter = s;
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("talk_state");
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? -1 : Em(12));
  ImGui::InputTextWithHint("##talk_filter", T(kFilterHint), &ui.filter);
  LocatorRecordLastItem("talk_filter");

  // Same-name people among the talks' interviewers and interviewees told apart (core/org/org.h SameNameHints).
  std::vector<Id> people;
  {
    std::set<Id> seen;
    for (const Talk& t : c.talks)
      for (const Id* p : {&t.pair.interviewer_id, &t.pair.interviewee_id})
        if (seen.insert(*p).second) people.push_back(*p);
  }
  const std::vector<std::string> hints = SameNameHints(org, people, CurrentLang() == Lang::Zh);
  std::map<Id, std::string> hint_of;
  for (size_t k = 0; k < people.size(); ++k)
    if (!hints[k].empty()) hint_of[people[k]] = hints[k];
  // Every talk described once; the filter finds a name or village, or its pinyin initials ("zw" for 张伟).
  std::vector<std::string> all_descs;
  all_descs.reserve(c.talks.size());
  for (const Talk& t : c.talks) all_descs.push_back(DescribeTalkPair(org, t.pair, &hint_of));
  const std::vector<std::string>& initials =
      ui.talk_initials.Get(all_descs.size(), [&](size_t i) -> const std::string& { return all_descs[i]; });
  std::vector<const Talk*> rows;
  std::vector<std::string> descs;
  for (size_t k = 0; k < c.talks.size(); ++k) {
    const Talk& t = c.talks[k];
    if (ui.kind_filter >= 0 && static_cast<int>(t.pair.kind) != ui.kind_filter) continue;
    if (ui.status_filter == 1 && t.Held()) continue;
    if (ui.status_filter == 2 && !t.Held()) continue;
    if (!PersonMatches(all_descs[k], initials[k], ui.filter)) continue;
    rows.push_back(&t);
    descs.push_back(all_descs[k]);
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, T(kShownFmt), static_cast<int>(rows.size()), static_cast<int>(c.talks.size()));
  LabelColored(col::Grey, buf);

  // Phones: a card of three lines (who, the branch, when and the state), so nothing runs past 360 px at 字号 175 %.
  const float row_h = narrow ? ImMax(kTouchPx, Em(4.9f)) : Em(1.8f);
  const float table_h = std::min(row_h * (static_cast<float>(rows.size()) + 1.6f), Em(narrow ? 18 : 15));
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("talks", narrow ? 1 : 4, flags, ImVec2(0, std::max(table_h, Em(6))))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    if (narrow) {
      ImGui::TableSetupColumn(T(kWho));
    } else {
      ImGui::TableSetupColumn(T(kWhen), ImGuiTableColumnFlags_WidthFixed, Em(7.5f));
      ImGui::TableSetupColumn(T(kWho), ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn(T(kKind), ImGuiTableColumnFlags_WidthFixed, Em(7.5f));
      ImGui::TableSetupColumn(T(kState), ImGuiTableColumnFlags_WidthFixed, Em(3));
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const Talk& t = *rows[static_cast<size_t>(r)];
        const std::string& desc = descs[static_cast<size_t>(r)];
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
        ImGui::TableNextColumn();
        ImGui::PushID(t.meta.id.c_str());
        std::string when = WhenOf(t);
        std::string label = when;
        if (narrow) {
          // The year goes (the campaign's year is on every screen); the branch on a line of its own.
          if (when.size() > 5 && when[4] == '-') when = when.substr(5);
          std::string card = desc;
          const size_t paren = card.find(" (");
          if (paren != std::string::npos) card.replace(paren, 1, "\n");
          label = card + "\n" + when + " · " + (t.Held() ? T(kStatusDone) : T(kStatusOpen));
        }
        ImGui::PushStyleColor(ImGuiCol_Text, t.Held() ? col::Green : col::Ink);
        if (ImGui::Selectable(label.c_str(), ui.selected == t.meta.id, ImGuiSelectableFlags_SpanAllColumns,
                              ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
          ui.selected = t.meta.id;
        ImGui::PopStyleColor();
        LocatorRecordLastItem(("talk:" + desc).c_str());
        if (!narrow) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(desc.c_str());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(T(*kKindShort[static_cast<int>(t.pair.kind)]));
          ImGui::TableNextColumn();
          ImGui::TextColored(ImColor(t.Held() ? col::Green : col::Grey), "%s", t.Held() ? T(kStatusDone) : T(kStatusOpen));
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Record form
//-----------------------------------------------------------------------------
// Drafts: the form's fields go to the setting talk.drafts on every change, so a reload, a closed tab or a flat
// battery in the village loses nothing typed; saving the record or 放弃草稿 removes the draft.
constexpr const char* kDraftsKey = "talk.drafts";
const Tr kDraftLine{"草稿：上次编辑 %s，尚未保存（已存在本机，刷新后仍在）",
                    "Draft: last edited %s, not saved yet (kept on this device across a reload)"};
const Tr kDraftLocked{"草稿：尚未保存。已设口令锁，草稿不存入本机，刷新或关闭页面后不在。",
                      "Draft: not saved. A passphrase lock is set, so drafts are not stored: a reload or closing the page loses it."};
const Tr kDiscardDraft{"放弃草稿", "Discard draft"};
const Tr kDraftsWaiting{"未保存的谈话草稿（点开继续）：", "Unsaved talk drafts (open to go on):"};

nlohmann::json FormJson(const TalkScreen& ui) {
  return {{"date", ui.date}, {"time", ui.time}, {"place", ui.place}, {"notes", ui.notes}, {"topics", ui.topics},
          {"intention", ui.intention}, {"reserve_ids", ui.reserve_ids}, {"reserve_note", ui.reserve_note}};
}

/// Fills the form from a stored draft; a field of the wrong type (a hand-edited setting) keeps the loaded value.
void FormFromJson(TalkScreen& ui, const nlohmann::json& f) {
  auto str = [&](const char* k, std::string& out) {
    if (f.contains(k) && f[k].is_string()) out = f[k].get<std::string>();
  };
  str("date", ui.date);
  str("time", ui.time);
  str("place", ui.place);
  str("notes", ui.notes);
  str("reserve_note", ui.reserve_note);
  if (f.contains("topics") && f["topics"].is_array() && f["topics"].size() == ui.topics.size())
    for (size_t k = 0; k < ui.topics.size(); ++k) ui.topics[k] = f["topics"][k].is_boolean() && f["topics"][k].get<bool>();
  if (f.contains("intention") && f["intention"].is_number_integer()) {
    const int v = f["intention"].get<int>();
    if (v >= -1 && v < 4) ui.intention = v;
  }
  if (f.contains("reserve_ids") && f["reserve_ids"].is_array()) {
    ui.reserve_ids.clear();
    for (const auto& x : f["reserve_ids"])
      if (x.is_string()) ui.reserve_ids.push_back(x.get<std::string>());
  }
}

/// The drafts, read from the setting on first use; a setting that is not a JSON object reads as no drafts.
nlohmann::json& Drafts(TalkScreen& ui) {
  if (!ui.drafts_read) {
    ui.drafts_read = true;
    ui.drafts = nlohmann::json::parse(platform::GetSetting(kDraftsKey), nullptr, false);
    if (!ui.drafts.is_object()) ui.drafts = nlohmann::json::object();
  }
  return ui.drafts;
}

/// Stores the drafts after a change; with a lock set, removes them from storage instead (memory only).
void StoreDrafts(App& app) {
  const nlohmann::json& d = app.screens.talk.drafts;
  platform::SetSetting(kDraftsKey, TalkLockState(app) == LockState::Off && !d.empty() ? d.dump() : std::string());
}

std::string EditedAt(int64_t ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  if (!localtime_r(&secs, &tm)) return "?";
  char buf[32];
  std::strftime(buf, sizeof buf, "%m-%d %H:%M", &tm);
  return buf;
}

void LoadForm(App& app, const Talk& t) {
  TalkScreen& ui = app.screens.talk;
  ui.form_for = t.meta.id;
  const size_t n = app.data().campaign.talk_topics.For(t.pair.kind).size();
  ui.topics.assign(n, false);
  if (t.record) {
    const TalkRecord& r = *t.record;
    ui.date = r.held_on.ToString();
    ui.time = Hm(r.start_minute);
    ui.place = r.place;
    ui.notes = r.notes;
    for (int k : r.topics_covered)
      if (k >= 0 && static_cast<size_t>(k) < n) ui.topics[static_cast<size_t>(k)] = true;
    ui.intention = r.intention ? static_cast<int>(*r.intention) : -1;
    ui.reserve_ids = r.reserve_cadre_ids;
    ui.reserve_note = r.reserve_cadre_note;
  } else {
    // A talk is recorded after it is held, most often the same day: the held date starts at today (the planned
    // date stands above the form as 计划：…), the time at the planned one.
    ui.date = app.today.ToString();
    ui.time = Hm(t.planned_date ? t.planned_start_minute : 9 * 60);
    ui.place.clear();
    ui.notes.clear();
    ui.intention = -1;
    ui.reserve_ids.clear();
    ui.reserve_note.clear();
  }
  ui.form_base = FormJson(ui);
  const nlohmann::json& drafts = Drafts(ui);
  const auto d = drafts.find(t.meta.id);
  if (d != drafts.end() && d->is_object() && d->contains("form")) FormFromJson(ui, (*d)["form"]);
}

/// After the form was drawn: a form unlike what was loaded is kept as the talk's draft, one like it drops the draft.
/// Draws the draft line and 放弃草稿.
void KeepDraft(App& app, const Talk& t) {
  TalkScreen& ui = app.screens.talk;
  nlohmann::json& drafts = Drafts(ui);
  nlohmann::json form = FormJson(ui);
  const bool dirty = form != ui.form_base;
  const auto d = drafts.find(t.meta.id);
  if (dirty && (d == drafts.end() || !d->is_object() || d->value("form", nlohmann::json()) != form)) {
    drafts[t.meta.id] = {{"form", std::move(form)}, {"ms", platform::NowMs()}};
    StoreDrafts(app);
  } else if (!dirty && d != drafts.end()) {
    drafts.erase(d);
    StoreDrafts(app);
  }
  if (!dirty) return;
  ImGui::PushTextWrapPos(0.0f);
  if (TalkLockState(app) == LockState::Off) {
    char buf[256];
    const int64_t ms = drafts[t.meta.id].value("ms", int64_t{0});
    std::snprintf(buf, sizeof buf, T(kDraftLine), EditedAt(ms).c_str());
    LabelColored(IM_COL32(150, 100, 0, 255), buf);
  } else {
    LabelColored(col::Red, T(kDraftLocked));
  }
  ImGui::PopTextWrapPos();
  if (ImGui::Button(T(kDiscardDraft), ImVec2(0, app.Narrow() ? ImMax(kTouchPx, Em(2.4f)) : 0))) {
    drafts.erase(t.meta.id);
    StoreDrafts(app);
    ui.form_for.clear();  // reload from the record (or the defaults)
  }
}

/// The drafts waiting for another talk than the one open: each a button that opens it.
void DraftsWaiting(App& app) {
  TalkScreen& ui = app.screens.talk;
  const nlohmann::json& drafts = Drafts(ui);
  bool first = true;
  for (auto it = drafts.begin(); it != drafts.end(); ++it) {
    if (it.key() == ui.selected) continue;
    const Talk* t = FindTalk(app.data().campaign, it.key());
    if (!t) continue;
    if (first) LabelColored(IM_COL32(150, 100, 0, 255), T(kDraftsWaiting));
    first = false;
    const std::string label = DescribeTalkPair(app.data().org, t->pair) + "##draft_" + it.key();
    if (ImGui::Button(label.c_str(), ImVec2(app.Narrow() ? -1.0f : 0.0f, app.Narrow() ? ImMax(kTouchPx, Em(2.4f)) : 0.0f)))
      ui.selected = it.key();
  }
}

void RecordForm(App& app, const Talk& t) {
  const Organization& org = app.data().org;
  const Campaign& c = app.data().campaign;
  const bool narrow = app.Narrow();
  TalkScreen& ui = app.screens.talk;
  if (ui.form_for != t.meta.id) LoadForm(app, t);
  ImGui::SeparatorText(T(kRecordTitle));
  LabelColored(col::Red, DescribeTalkPair(org, t.pair));
  LabelWrapped(ZhEn(TalkKindZh(t.pair.kind), TalkKindEn(t.pair.kind)));
  char buf[160];
  std::snprintf(buf, sizeof buf, T(kPlanned),
                t.planned_date ? (t.planned_date->ToString() + " " + Hm(t.planned_start_minute)).c_str() : T(kUnplanned));
  LabelColored(col::Grey, buf);
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(IM_COL32(150, 100, 0, 255), T(kSensitive));
  ImGui::PopTextWrapPos();
  if (TalkLockState(app) == LockState::Closed) {  // 口令锁: nothing to read or change without the passphrase
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Red, T(t.sealed ? kLockedRecord : kLockedNew));
    ImGui::PopTextWrapPos();
    return;
  }

  Label(T(kDate));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputTextWithHint("##talk_date", "YYYY-MM-DD", &ui.date);
  LocatorRecordLastItem("talk_date");
  if (!narrow) ImGui::SameLine();  // a phone: 时间 on its own line, never past the right edge
  Label(T(kTime));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(4));
  ImGui::InputTextWithHint("##talk_time", "HH:MM", &ui.time);
  LocatorRecordLastItem("talk_time");
  Label(T(kPlace));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##talk_place", &ui.place);
  LocatorRecordLastItem("talk_place");

  Label(T(kTopics));
  const auto& topics = c.talk_topics.For(t.pair.kind);
  for (size_t k = 0; k < topics.size() && k < ui.topics.size(); ++k) {
    bool on = ui.topics[k];
    std::snprintf(buf, sizeof buf, "%d. %s##topic%zu", static_cast<int>(k + 1), ZhEn(topics[k].zh, topics[k].en).c_str(), k);
    if (CheckboxWrapped(buf, &on)) ui.topics[k] = on;
    LocatorRecordLastItem(("topic:" + std::to_string(k + 1)).c_str());
  }
  Label(T(kNotes));
  ImGui::InputTextMultiline("##talk_notes", &ui.notes, ImVec2(-1, Em(5)));
  LocatorRecordLastItem("talk_notes");

  Label(T(kIntention));
  const Intention kinds[4] = {Intention::Advance, Intention::Retire, Intention::Stay, Intention::Move};
  // The five choices flow: one that does not fit starts a new line (a phone, a large 字号), never cut at the edge.
  auto flow = [](const char* label) {
    SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x);
  };
  for (int i = 0; i < 4; ++i) {
    const char* label = ZhEn(IntentionZh(kinds[i]), IntentionEn(kinds[i]));
    if (i) flow(label);
    if (ImGui::RadioButton(label, ui.intention == i)) ui.intention = i;
  }
  flow(T(kNotAsked));
  if (ImGui::RadioButton(T(kNotAsked), ui.intention < 0)) ui.intention = -1;

  // Reserve cadres: members of the talk's branch (those flagged 后备干部 first).
  Label(T(kReserve));
  std::vector<const Member*> members;
  for (const Member& m : org.members)
    if (m.branch_id == t.pair.branch_id) members.push_back(&m);
  {  // those flagged first, each group in pinyin order (拼音顺序)
    std::vector<std::string> names;
    for (const Member* m : members) names.push_back(m->name);
    const std::vector<int32_t> ranks = RanksNow(names);
    std::vector<int> order(members.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const Member* x = members[static_cast<size_t>(a)];
      const Member* y = members[static_cast<size_t>(b)];
      if (x->reserve_cadre != y->reserve_cadre) return x->reserve_cadre;
      return ranks[static_cast<size_t>(a)] < ranks[static_cast<size_t>(b)];
    });
    std::vector<const Member*> sorted;
    for (int k : order) sorted.push_back(members[static_cast<size_t>(k)]);
    members.swap(sorted);
  }
  const float list_h = std::min(Em(narrow ? 9 : 7), (ImGui::GetFrameHeightWithSpacing()) * (members.size() + 0.5f));
  ImGui::BeginChild("reserve_list", ImVec2(-1, list_h), ImGuiChildFlags_Borders);
  std::vector<Id> member_ids;
  for (const Member* m : members) member_ids.push_back(m->meta.id);
  const std::vector<std::string> hints = SameNameHints(org, member_ids, CurrentLang() == Lang::Zh);
  for (size_t k = 0; k < members.size(); ++k) {
    const Member* m = members[k];
    bool on = std::find(ui.reserve_ids.begin(), ui.reserve_ids.end(), m->meta.id) != ui.reserve_ids.end();
    ImGui::PushID(m->meta.id.c_str());
    const std::string label = PersonLabel(m->name, hints[k]) + (m->reserve_cadre ? T(kReserveMark) : "");
    if (ImGui::Checkbox(label.c_str(), &on)) {
      if (on) ui.reserve_ids.push_back(m->meta.id);
      else ui.reserve_ids.erase(std::remove(ui.reserve_ids.begin(), ui.reserve_ids.end(), m->meta.id), ui.reserve_ids.end());
    }
    LocatorRecordLastItem(("reserve:" + PersonLabel(m->name, hints[k])).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  Label(T(kReserveNote));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##talk_reserve_note", T(kReserveNoteHint), &ui.reserve_note);
  LocatorRecordLastItem("talk_reserve_note");

  const float bh = ImMax(TouchH(narrow), Em(2.2f));
  KeepDraft(app, t);
  ImGui::PushStyleColor(ImGuiCol_Button, col::Red);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(216, 50, 56, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(160, 20, 26, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  const bool save = ImGui::Button(T(kSave), ImVec2(narrow ? -1 : 0, bh));
  ImGui::PopStyleColor(4);
  if (save) {
    const int minute = ParseHhMm(ui.time);
    if (minute < 0) {
      app.last_problem = {"/start_minute", kTimeBad.zh, kTimeBad.en};
    } else {
      std::vector<int> covered;
      for (size_t k = 0; k < ui.topics.size(); ++k)
        if (ui.topics[k]) covered.push_back(static_cast<int>(k));
      TalkRecordCmd rec;
      rec.id = t.meta.id;
      rec.start_minute = minute;
      rec.place = ui.place;
      rec.topics_covered = nlohmann::json(covered);
      rec.notes = ui.notes;
      rec.reserve_cadre_ids = ui.reserve_ids;
      rec.reserve_cadre_note = ui.reserve_note;
      if (ui.intention < 0) rec.intention.emplace(std::nullopt);
      else rec.intention.emplace(IntentionToken(kinds[ui.intention]));
      const Id id = t.meta.id;
      // The day goes as typed: the command reads it, or refuses it (or none) naming the field.
      app.Emit(AsTyped(rec, &TalkRecordCmd::held_on, ui.date), [&app, &ui, id](const ApplyResult& r) {
        if (!r.ok) return;  // refused: the draft stays
        Drafts(ui).erase(id);
        StoreDrafts(app);
        ui.form_for.clear();  // reload from the stored record
        ui.saved_for = id;
      });
    }
  }
  if (t.record) {
    if (!narrow) ImGui::SameLine();
    if (ImGui::Button(T(kClear), ImVec2(narrow ? -1 : 0, bh))) {
      app.Emit(Cmd<TalkClearRecord>([&](auto& x) { x.id = t.meta.id; }), [&ui](const ApplyResult& r) {
        if (r.ok) ui.form_for.clear();
      });
    }
  }
  if (ui.saved_for == t.meta.id && t.record) {
    if (!narrow) ImGui::SameLine();
    LabelColored(col::Green, T(kSaved));
  }
}

}  // namespace

void TalkDraftsFrame(App& app) {
  TalkScreen& ui = app.screens.talk;
  if (TalkLockState(app) == LockState::Off) {
    ui.drafts_dropped = false;
    return;
  }
  if (ui.drafts_dropped) return;
  Drafts(ui);  // what was stored stays in memory for this page
  if (!platform::GetSetting(kDraftsKey).empty()) platform::SetSetting(kDraftsKey, "");
  ui.drafts_dropped = true;
}

void DrawTalk(App& app) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  DrawTalkLockPanel(app, true);  // 口令锁: unlock / lock line when a lock is set (shell/screens/talk_lock.cpp)
  PlanPanel(app);
  const Campaign& c = app.data().campaign;
  if (!c.talks.empty()) {
    ImGui::Spacing();
    DraftsWaiting(app);
    TalkList(app);
    if (const Talk* t = FindTalk(c, app.screens.talk.selected)) RecordForm(app, *t);
    else LabelColored(col::Grey, T(kSelectHint));
  }
}

}  // namespace zj::ui
