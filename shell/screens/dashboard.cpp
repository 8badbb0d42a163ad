// 概览 Dashboard: the campaign's strands (学 看 谈 评, with 动员 and 总结) and their deadlines from
// the plan (notice 三、四: mobilization 03-23; lectures by 03-31 and 04-30; everything by 04-30),
// days left or overdue against today; the progress of each strand read from the records (core/campaign/progress.h:
// lectures held, meetings held, talks recorded) and what is overdue or due within 7 days.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/campaign/campaign.h"
#include "core/campaign/progress.h"
#include "core/report/closing_report.h"
#include "imgui.h"
#include "shell/app.h"
#include "shell/platform.h"
#include "shell/campaign_ui.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

const Tr kPercentDone{"完成 %d%%", "%d%% done"};
const Tr kOverall{"总体进度 %d%%", "Overall %d%%"};
const Tr kAttention{"逾期与 7 天内到期", "Overdue and due within 7 days"};
const Tr kNothingDue{"没有逾期事项，7 天内也没有到期事项。", "Nothing overdue and nothing due within 7 days."};
const Tr kDueOn{"%s 到期", "due %s"};
const Tr kUnitsFmt{"%d/%d 单位", "%d/%d units"};
// What one unit of a plan item is and when it counts as done (core/campaign/progress.cpp UnitDoneFor),
// shown on hover (mouse) or tap (phones) of the "n/m 单位" figure.
const Tr kUnitsArea{"每个片区算一个单位：该片区的村级党建工作现场会标记已举办，即算完成。",
                    "One unit per area: done when the area's village on-site meeting is marked held."};
const Tr kUnitsTalk{"每个适用的党支部算一个单位：该支部这一类谈心谈话全部谈完，即算完成。",
                    "One unit per branch it applies to: done when every talk of this kind in the branch is held."};
const Tr kUnitsRating{"每个党支部算一个单位：该支部本年度的评星结果发布后，即算完成。",
                      "One unit per branch: done when the branch's star rating of the year is published."};
const Tr kUnitsBranch{"每个适用的党支部算一个单位：在该项中为这个支部标记已完成，即算完成。",
                      "One unit per branch it applies to: done when marked done for the branch."};
const Tr kStartMyTown{"开始本镇（清除示例数据）…", "Start my town (clears the demo)…"};
const Tr kStartShort{"开始本镇…", "Start my town…"};
const Tr kOpenTown{"打开本镇…", "Open my town…"};
const Tr kDemoSpaceExplain{"这是虚构的示例镇，单独保存，用于试用，不会混入本镇的数据；本镇的数据请点“打开本镇”。",
                           "A made-up town to try things, stored on its own; it never mixes into your town's data. "
                           "Your town: 打开本镇 (Open my town)."};
const StringTable kTable{&kPercentDone, &kOverall, &kAttention, &kNothingDue, &kDueOn, &kUnitsFmt,
                         &kUnitsArea, &kUnitsTalk, &kUnitsRating, &kUnitsBranch, &kStartMyTown, &kStartShort, &kOpenTown, &kDemoSpaceExplain};

const Tr& UnitsExplained(const Activity& a) {
  if (a.scope == ActivityScope::Area) return kUnitsArea;
  if (a.kind == ActivityKind::BranchStarRating) return kUnitsRating;
  if (a.kind == ActivityKind::TalkSecretary || a.kind == ActivityKind::TalkCommittee ||
      a.kind == ActivityKind::TalkRepresentatives)
    return kUnitsTalk;
  return kUnitsBranch;
}

/// The last item explained by `text`: a tooltip under the mouse, a popup on a tap (phones have no hover).
void ExplainLastItem(const char* popup_id, const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip) && ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(Em(18));
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  if (ImGui::IsItemClicked()) ImGui::OpenPopup(popup_id);
  if (ImGui::BeginPopup(popup_id)) {
    ImGui::PushTextWrapPos(Em(16));
    Label(text);
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
  }
}

/// Progress of the plan on today, cached per data version and day (app.screens.dashboard).
const std::vector<ActivityProgress>& Progress(App& app) {
  DashboardScreen& s = app.screens.dashboard;
  if (s.progress_version != app.data_version() || s.progress_day != app.today) {
    s.progress = PlanProgress(app.data().campaign, app.data().org, app.today, ProgressFactsOf(app.data()));
    s.progress_version = app.data_version();
    s.progress_day = app.today;
  }
  return s.progress;
}
const ActivityProgress* ProgressOf(App& app, const Id& activity_id) {
  for (const ActivityProgress& p : Progress(app))
    if (p.activity_id == activity_id) return &p;
  return nullptr;
}

S StrandName(Strand s) {
  switch (s) {
    case Strand::Mobilize: return S::StrandMobilize;
    case Strand::Learn: return S::StrandLearn;
    case Strand::Look: return S::StrandLook;
    case Strand::Talk: return S::StrandTalk;
    case Strand::Rate: return S::StrandRate;
    case Strand::Close: return S::StrandClose;
  }
  return S::StrandLearn;
}

/// "还剩 6 天" / "今天截止" / "已逾期 3 天" / "已完成", with its colour.
std::string DueText(const Activity& a, Date today, ImU32& colour, const ActivityProgress* p = nullptr) {
  char buf[96];
  if (a.status == ActivityStatus::Done || (p && p->state == ActivityState::Done)) {
    colour = col::Green;
    return T(S::Done);
  }
  const int left = DaysLeft(today, a.deadline);
  if (left > 0) {
    colour = left <= 3 ? col::Gold : col::Ink;
    std::snprintf(buf, sizeof buf, T(S::DaysLeft), left);
  } else if (left == 0) {
    colour = col::Gold;
    return T(S::DueToday);
  } else {
    colour = col::Red;
    std::snprintf(buf, sizeof buf, T(S::Overdue), -left);
  }
  return buf;
}

std::string MonthDay(Date d) { return d.ToString().substr(5); }  // "03-31"

void StrandCard(App& app, Strand strand, S desc, float width) {
  const Campaign& c = app.data().campaign;
  int total = 0, done = 0, percent = 0;
  for (const StrandProgress& sp : ProgressByStrand(Progress(app)))
    if (sp.strand == strand) {
      total = sp.activities;
      done = sp.done;
      percent = sp.percent;
    }
  char id[32];
  std::snprintf(id, sizeof id, "strand%d", static_cast<int>(strand));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32_WHITE);
  ImGui::BeginChild(id, ImVec2(width, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
  LabelColored(col::Red, T(StrandName(strand)));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::BeginGroup();
  Label(T(desc));
  char prog[64];
  std::snprintf(prog, sizeof prog, "%d / %d %s", done, total, T(S::Activities));
  LabelColored(col::Grey, prog);
  ImGui::SameLine();
  std::snprintf(prog, sizeof prog, T(kPercentDone), percent);
  LabelColored(percent == 100 ? col::Green : col::Ink, prog);
  ImGui::EndGroup();
  ImGui::ProgressBar(percent / 100.0f, ImVec2(-1, Em(0.4f)), "");
  for (const Activity& a : c.activities) {
    if (a.strand != strand) continue;
    ImGui::Spacing();
    LabelWrapped(CurrentLang() == Lang::Zh ? a.title_zh : a.title_en);
    ImU32 colour;
    const ActivityProgress* p = ProgressOf(app, a.meta.id);
    std::string due = DueText(a, app.today, colour, p);
    LabelColored(col::Grey, std::string(T(S::Deadline)) + " " + MonthDay(a.deadline));
    if (p && p->units_total > 1 && p->state != ActivityState::Done) {
      char units[48];
      std::snprintf(units, sizeof units, T(kUnitsFmt), p->units_done, p->units_total);
      ImGui::SameLine();
      LabelColored(col::Grey, units);
      ImGui::PushID(a.meta.id.c_str());
      ExplainLastItem("units_explained", T(UnitsExplained(a)));
      ImGui::PopID();
    }
    ImGui::SameLine();
    LabelColored(colour, due);
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace

void DrawDashboard(App& app) {
  const Campaign& c = app.data().campaign;
  char buf[128];
  // Key dates line: year, mobilization, all done by, today.
  std::snprintf(buf, sizeof buf, T(S::CampaignYear), c.year);
  Date mobilize{}, all_by{};
  bool have_mobilize = false;
  for (const Activity& a : c.activities) {
    if (a.strand == Strand::Mobilize && !have_mobilize) { mobilize = a.deadline; have_mobilize = true; }
    all_by = std::max(all_by, a.deadline);
  }
  FlowLabels({{col::Ink, buf},
              {col::Grey, have_mobilize ? std::string(T(S::StrandMobilize)) + " " + MonthDay(mobilize) : std::string()},
              {col::Grey, std::string(T(S::AllDoneBy)) + " " + MonthDay(all_by)},
              {col::Grey, std::string(T(S::Today)) + " " + app.today.ToString()}});
  if (app.data().demo) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 100, 0, 255));
    LabelWrapped(std::string(T(S::DemoBadge)) + ": " + (app.demo_space ? T(kDemoSpaceExplain) : T(S::DemoExplain)));
    ImGui::PopStyleColor();
    // On a phone the short title (the line above says the demo is cleared); the long one does not fit at 175 %.
    if (app.demo_space) {  // ?demo=1: the town is started in its own space (town_start.cpp)
      if (TouchButton(T(kOpenTown))) platform::OpenSpace(false);
    } else if (!app.read_only && TouchButton(T(app.Narrow() ? kStartShort : kStartMyTown))) {
      OpenTownStart(app);
    }
  }
  ImGui::Spacing();

  // Four strand cards: 2 x 2 on wide screens, one column on phones.
  const float avail = ImGui::GetContentRegionAvail().x;
  const int cols = app.Narrow() ? 1 : (avail > Em(44) ? 2 : 1);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (avail - spacing * (cols - 1)) / cols;
  const Strand strands[] = {Strand::Learn, Strand::Look, Strand::Talk, Strand::Rate};
  const S descs[] = {S::StrandLearnDesc, S::StrandLookDesc, S::StrandTalkDesc, S::StrandRateDesc};
  for (int i = 0; i < 4; ++i) {
    if (i % cols != 0) ImGui::SameLine();
    StrandCard(app, strands[i], descs[i], w);
  }
  // What needs attention: overdue first, then due within 7 days (progress.h).
  ImGui::Spacing();
  ImGui::SeparatorText(T(kAttention));
  char pct[64];
  std::snprintf(pct, sizeof pct, T(kOverall), OverallPercent(Progress(app)));
  Label(pct);
  const auto overdue = OverdueActivities(Progress(app));
  const auto soon = DueWithin(Progress(app), 7);
  if (overdue.empty() && soon.empty()) LabelColored(col::Green, T(kNothingDue));
  for (const auto* list : {&overdue, &soon}) {
    for (const ActivityProgress& p : *list) {
      const Activity* a = nullptr;
      for (const Activity& x : c.activities)
        if (x.meta.id == p.activity_id) a = &x;
      Activity lecture;  // a lecture outside the plan: its own item (progress.h)
      if (!a) {
        lecture.title_zh = p.title_zh;
        lecture.title_en = p.title_en;
        lecture.deadline = p.deadline;
        a = &lecture;
      }
      ImU32 colour;
      const std::string due = DueText(*a, app.today, colour, &p);
      char when[64], units[48];
      std::snprintf(when, sizeof when, T(kDueOn), MonthDay(a->deadline).c_str());
      std::snprintf(units, sizeof units, T(kUnitsFmt), p.units_done, p.units_total);
      ImGui::Bullet();
      FlowLabels({{col::Ink, CurrentLang() == Lang::Zh ? a->title_zh : a->title_en},
                  {col::Grey, when},
                  {colour, due},
                  {col::Grey, p.units_total > 1 ? std::string(units) : std::string()}});
    }
  }
  // Opening and closing.
  ImGui::Spacing();
  ImGui::SeparatorText(T(S::KeyDates));
  for (const Activity& a : c.activities) {
    if (a.strand != Strand::Mobilize && a.strand != Strand::Close) continue;
    ImU32 colour;
    std::string due = DueText(a, app.today, colour, ProgressOf(app, a.meta.id));
    Label(std::string(T(StrandName(a.strand))) + " · " + (CurrentLang() == Lang::Zh ? a.title_zh : a.title_en));
    ImGui::SameLine();
    LabelColored(col::Grey, MonthDay(a.deadline));
    ImGui::SameLine();
    LabelColored(colour, due);
  }
  DrawStorageHealth(app);  // storage health (shell/screens/storage_health.cpp)
}

}  // namespace zj::ui
