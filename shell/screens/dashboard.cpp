// 概览 Dashboard: the campaign's strands (学 看 谈 评, with 动员 and 总结) and their deadlines from
// the plan (notice 三、四: mobilization 03-23; lectures by 03-31 and 04-30; everything by 04-30),
// days left or overdue against today.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/campaign.h"
#include "imgui.h"
#include "shell/app.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

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
std::string DueText(const Activity& a, Date today, ImU32& colour) {
  char buf[96];
  if (a.status == ActivityStatus::Done) {
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

void StrandCard(const App& app, Strand strand, S desc, float width) {
  const Campaign& c = app.data().campaign;
  int total = 0, done = 0;
  Date last_deadline{};
  for (const Activity& a : c.activities) {
    if (a.strand != strand) continue;
    ++total;
    done += a.status == ActivityStatus::Done;
    last_deadline = std::max(last_deadline, a.deadline);
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
  ImGui::EndGroup();
  ImGui::ProgressBar(total ? static_cast<float>(done) / total : 0.0f, ImVec2(-1, Em(0.4f)), "");
  for (const Activity& a : c.activities) {
    if (a.strand != strand) continue;
    ImGui::Spacing();
    LabelWrapped(CurrentLang() == Lang::Zh ? a.title_zh : a.title_en);
    ImU32 colour;
    std::string due = DueText(a, app.today, colour);
    LabelColored(col::Grey, std::string(T(S::Deadline)) + " " + MonthDay(a.deadline));
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
    LabelWrapped(std::string(T(S::DemoBadge)) + ": " + T(S::DemoExplain));
    ImGui::PopStyleColor();
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
  // Opening and closing.
  ImGui::Spacing();
  ImGui::SeparatorText(T(S::KeyDates));
  for (const Activity& a : c.activities) {
    if (a.strand != Strand::Mobilize && a.strand != Strand::Close) continue;
    ImU32 colour;
    std::string due = DueText(a, app.today, colour);
    Label(std::string(T(StrandName(a.strand))) + " · " + (CurrentLang() == Lang::Zh ? a.title_zh : a.title_en));
    ImGui::SameLine();
    LabelColored(col::Grey, MonthDay(a.deadline));
    ImGui::SameLine();
    LabelColored(colour, due);
  }
}

}  // namespace zj::ui
