// Zhengjian core: the closing report (活动情况通报) — what was done per area and branch, star distributions,
// possibly-unqualified members and overdue items, as data and as a printable HTML page.
// docs/domain.md "Closing and safeguards" (a closing town meeting reports how the campaign went); notice 四
// (总结大会) and 五 (trace management: lectures, visits and talks recorded per area / branch).
#pragma once
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/campaign/progress.h"

namespace zj {

/// One lecture's line (学).
struct ReportLecture {
  std::string theme;
  std::string date;        ///< "YYYY-MM-DD" or "" when not fixed
  std::string place;
  bool held = false;
  Attendance attendance;   ///< expected / attended / percent (lectures.h)
  ReflectionCounts reflections;
};

/// One on-site meeting's line (看).
struct ReportMeeting {
  std::string title;             ///< "一片 村级党建工作现场会" / "镇直单位党建现场会"
  std::string date;              ///< "" when not fixed
  std::string venue;
  bool held = false;
  std::vector<std::string> sites;  ///< visited sites: the pre-chosen one, then the drawn ones
  std::string draw_seed;         ///< "" when no draw yet
};

/// Talks of one kind (谈).
struct ReportTalkKind {
  TalkKind kind = TalkKind::SecretaryWithVillageSecretary;
  int total = 0;
  int recorded = 0;
};

/// One branch's line: what was done there and its member stars.
struct ReportBranch {
  Id branch_id;
  std::string name;
  std::string area;               ///< area name ("" when the chain is broken)
  int members = 0;
  int lecture_attendees = 0;      ///< members of the branch who attended at least one lecture
  int reflections_handed_in = 0;  ///< reflections of its members handed in (incl. chosen)
  int reflections_chosen = 0;     ///< chosen for the study column (学习专栏)
  int talks_total = 0;
  int talks_recorded = 0;
  int stars[4] = {0, 0, 0, 0};    ///< rated members with 0, 1, 2, 3 stars (year of the campaign)
  int exempted = 0;               ///< 特殊情况, not rated
  int not_scored = 0;             ///< 尚未记分: no points entry of the year, not rated (stars.h)
  int possibly_unqualified = 0;   ///< scored and < 60 points: may be judged unqualified (notice 四(四)二)
  UnitProgress progress;          ///< plan items of the branch (progress.h)
};

/// One area's line.
struct ReportArea {
  Id area_id;
  std::string name;
  UnitProgress progress;
  std::vector<size_t> branches;   ///< indices into ClosingReport::branches
};

/// A member listed as possibly unqualified (可认定为不合格党员; the branch decides).
struct ReportUnqualified {
  std::string branch;
  std::string name;
  std::string total;  ///< yearly points, e.g. "55.5"
};

/// An overdue or soon-due plan activity.
struct ReportDue {
  std::string title;
  std::string deadline;  ///< "YYYY-MM-DD"
  int days_left = 0;     ///< negative: overdue by that many days
  int percent = 0;
  int units_done = 0, units_total = 0;
};

/// Everything the report shows, computed from the dataset on `today`.
struct ClosingReport {
  std::string town;
  int year = 0;
  std::string campaign_name;
  std::string today;      ///< "YYYY-MM-DD"
  bool demo = false;      ///< 示例数据: shown on the page
  int overall_percent = 0;
  std::vector<StrandProgress> strands;
  std::vector<ReportLecture> lectures;
  std::vector<ReportMeeting> meetings;
  std::vector<ReportTalkKind> talks;  ///< the three kinds, in TalkKind order
  std::vector<ReportArea> areas;      ///< in organization order; branches without an area follow in `loose`
  std::vector<ReportBranch> branches; ///< in organization order
  std::vector<size_t> loose;          ///< branches whose area is unknown
  int member_stars[4] = {0, 0, 0, 0};  ///< scored members by stars; member_stars[0] counts those below 60
  int exempted = 0;
  int not_scored = 0;                  ///< 尚未记分: members with no points entry of the year, counted apart
  int possibly_unqualified = 0;        ///< scored members below 60 (= member_stars[0] with the notice's lines)
  int branch_stars[4] = {0, 0, 0, 0};  ///< from the branch rating of the year (RateBranches)
  int branches_not_rated = 0;
  /// Scored members below 60, by branch: named only on the separate page for the branches' members' meetings
  /// (ClosingReportHtmlOptions::list_unqualified_names), never in the report itself.
  std::vector<ReportUnqualified> unqualified;
  std::vector<ReportDue> overdue;      ///< most overdue first
  std::vector<ReportDue> due_soon;     ///< due within 7 days, soonest first
};

/// What outside the campaign completes plan items (progress.h ProgressFacts): the branches whose 支部评星 of the
/// campaign year is published (branch_rating.h history records with published_on). The dashboard and the
/// report both take their progress with these facts, so they count alike.
ProgressFacts ProgressFactsOf(const Dataset& d);

/// Builds the report for the campaign year of `d` as of `today` (progress.h PlanProgress / BranchProgress /
/// AreaProgress; stars.h RateMembers; branch_rating.h RateBranches for campaign.year).
ClosingReport BuildClosingReport(const Dataset& d, Date today);

/// What the printed report includes beyond the figures.
struct ClosingReportHtmlOptions {
  /// Append, on a page of its own, the names of the scored members below 60 by branch, for the branches'
  /// members' meetings that decide (notice 四(四)二: stars are announced at the branch's members' meeting;
  /// 可认定为不合格党员 is the branch's decision). Off: the report counts them and names no one.
  bool list_unqualified_names = false;
};

/// The report as one complete HTML document (UTF-8, Chinese, A4 portrait, `@media print` rules, tables
/// that do not split rows across pages). Every text from the data is HTML-escaped (& < > " ').
std::string ClosingReportHtml(const ClosingReport& r, const ClosingReportHtmlOptions& options = {});

/// A file name for the report: "<town>-整建月通报-<today>.html".
std::string ClosingReportFileName(const ClosingReport& r);

}  // namespace zj
