// 通报 Report: the closing report (活动情况通报) per area and branch — what was done (lectures, attendance,
// reflections, meetings, talks), star distributions, possibly-unqualified members, overdue items — shown
// in short here and generated as a printable HTML page by core/report/closing_report.h (opened with
// platform::OpenHtml, saved as a file where printing is unavailable). docs/domain.md "Closing and safeguards".
#include <cstdio>
#include <string>

#include "core/report/closing_report.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

const Tr kTitle{"活动情况通报", "Closing report"};
const Tr kAsOf{"截至 %s · 总体完成 %d%%", "as of %s · %d%% done overall"};
const Tr kOpen{"生成通报（打印）", "Make the report (print)"};
const Tr kOpened{"已在新页面打开通报。", "The report opened in a new page."};
const Tr kSaved{"浏览器不能打开新页面，通报已保存为文件：", "The browser cannot open a page; the report was saved as "};
const Tr kExplain{"通报按片区、党支部列出讲习、出勤、学习心得、现场会、谈心谈话、评星分布（尚未记分、60分以下只计人数）和逾期事项，A4 版式，可直接打印。",
                  "The report lists, per area and branch, lectures, attendance, reflections, on-site meetings, talks, "
                  "star distributions (not yet scored and below 60 as counts) and overdue items; A4, ready to print."};
const Tr kLectures{"专题讲习 已举办 %d / %d 次", "lectures held %d / %d"};
const Tr kMeetings{"现场会 已召开 %d / %d 场", "on-site meetings held %d / %d"};
const Tr kTalks{"谈心谈话 已谈 %d / %d 人次", "talks recorded %d / %d"};
const Tr kStars{"党员评星（已记分）三星 %d · 二星 %d · 一星 %d · 无星 %d", "member stars (scored) 3: %d · 2: %d · 1: %d · 0: %d"};
const Tr kNotScored{"尚未记分 %d 名 · 特殊情况不参评 %d 名（均不计入星级）", "not yet scored %d · exempted %d (neither is rated)"};
const Tr kUnqualified{"已记分、60分以下 %d 名（可由支部党员大会认定为不合格党员）", "scored below 60: %d (the branch's meeting may judge them unqualified)"};
const Tr kListNames{"附60分以下名单", "Append names below 60"};
const Tr kListNamesWhy{"名单单独成页，供支部党员大会认定使用；通报正文只计人数，不列姓名。",
                       "On a page of its own, for the branches' members' meetings; the report itself gives counts, no names."};
const Tr kOverdue{"逾期事项 %d 项", "overdue items: %d"};
const Tr kArea{"片区 / 党支部", "Area / branch"};
const Tr kDone{"完成", "Done"};
const Tr kTalkCol{"谈话", "Talks"};
const Tr kStarCol{"三/二/一/无星", "3/2/1/0 stars"};
const Tr kLate{"逾期", "Overdue"};
const StringTable kTable{&kTitle, &kAsOf, &kOpen, &kOpened, &kSaved, &kExplain, &kLectures, &kMeetings, &kTalks,
                         &kStars, &kNotScored, &kUnqualified, &kListNames, &kListNamesWhy, &kOverdue, &kArea, &kDone, &kTalkCol, &kStarCol, &kLate};

void BranchRow(const ReportBranch& b, bool narrow) {
  char buf[64];
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::Indent(Em(0.8f));
  ImGui::TextUnformatted(b.name.c_str());
  ImGui::Unindent(Em(0.8f));
  ImGui::TableNextColumn();
  std::snprintf(buf, sizeof buf, "%d%%", b.progress.percent);
  ImGui::TextUnformatted(buf);
  ImGui::TableNextColumn();
  std::snprintf(buf, sizeof buf, "%d/%d", b.talks_recorded, b.talks_total);
  ImGui::TextUnformatted(buf);
  if (!narrow) {
    ImGui::TableNextColumn();
    std::snprintf(buf, sizeof buf, "%d/%d/%d/%d", b.stars[3], b.stars[2], b.stars[1], b.stars[0]);
    ImGui::TextUnformatted(buf);
  }
  ImGui::TableNextColumn();
  if (b.progress.overdue) ImGui::TextColored(ImColor(col::Red), "%d", b.progress.overdue);
  else ImGui::TextUnformatted("0");
}

}  // namespace

void DrawReport(App& app) {
  ReportScreen& s = app.screens.report;
  const bool narrow = app.Narrow();
  // Rebuilt only when the dataset changed (rating every member each frame would cost at county scale).
  if (s.cached_version != app.data_version() || s.cached.today != app.today.ToString() || s.cached_lang != CurrentLang()) {
    s.cached = BuildClosingReport(app.data(), app.today);
    s.cached_version = app.data_version();
    s.cached_lang = CurrentLang();
  }
  const ClosingReport& r = s.cached;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  char buf[256];
  std::snprintf(buf, sizeof buf, T(kAsOf), r.today.c_str(), r.overall_percent);
  LabelColored(col::Grey, buf);
  LabelWrapped(T(kExplain));
  CheckboxWrapped(T(kListNames), &s.list_unqualified_names);
  LocatorRecordLastItem("report_list_names");
  ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
  LabelWrapped(T(kListNamesWhy));
  ImGui::PopStyleColor();
  if (ImGui::Button(T(kOpen), ImVec2(narrow ? -1 : 0, ImMax(TouchH(narrow), Em(2.4f))))) {
    const std::string name = ClosingReportFileName(r);
    const bool opened = platform::OpenHtml(name, ClosingReportHtml(r, {s.list_unqualified_names}));
    s.status = opened ? std::string(T(kOpened)) : std::string(T(kSaved)) + name;
  }
  if (!s.status.empty()) LabelColored(col::Green, s.status);
  ImGui::Spacing();

  int held = 0, met = 0, talks = 0, recorded = 0;
  for (const auto& l : r.lectures) held += l.held;
  for (const auto& m : r.meetings) met += m.held;
  for (const auto& t : r.talks) {
    talks += t.total;
    recorded += t.recorded;
  }
  std::snprintf(buf, sizeof buf, T(kLectures), held, static_cast<int>(r.lectures.size()));
  Label(buf);
  std::snprintf(buf, sizeof buf, T(kMeetings), met, static_cast<int>(r.meetings.size()));
  Label(buf);
  std::snprintf(buf, sizeof buf, T(kTalks), recorded, talks);
  Label(buf);
  std::snprintf(buf, sizeof buf, T(kStars), r.member_stars[3], r.member_stars[2], r.member_stars[1], r.member_stars[0]);
  LabelWrapped(buf);
  std::snprintf(buf, sizeof buf, T(kNotScored), r.not_scored, r.exempted);
  LabelWrapped(buf);
  std::snprintf(buf, sizeof buf, T(kUnqualified), r.possibly_unqualified);
  ImGui::PushStyleColor(ImGuiCol_Text, r.possibly_unqualified ? col::Red : col::Ink);
  LabelWrapped(buf);
  ImGui::PopStyleColor();
  std::snprintf(buf, sizeof buf, T(kOverdue), static_cast<int>(r.overdue.size()));
  LabelColored(r.overdue.empty() ? col::Ink : col::Red, buf);

  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("report_units", narrow ? 4 : 5, flags)) {
    ImGui::TableSetupColumn(T(kArea), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(T(kDone), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(kTalkCol), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (!narrow) ImGui::TableSetupColumn(T(kStarCol), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(T(kLate), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (const auto& a : r.areas) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      LabelColored(col::Red, a.name);
      ImGui::TableNextColumn();
      ImGui::Text("%d%%", a.progress.percent);
      ImGui::TableNextColumn();
      ImGui::Text("%d/%d", a.progress.talks_done, a.progress.talks_total);
      if (!narrow) ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::Text("%d", a.progress.overdue);
      for (size_t i : a.branches) BranchRow(r.branches[i], narrow);
    }
    for (size_t i : r.loose) BranchRow(r.branches[i], narrow);
    ImGui::EndTable();
  }
}

}  // namespace zj::ui
