// The closing report (活动情况通报): data from the dataset, then a printable HTML page.
// [SECTION] Building the report
// [SECTION] HTML
#include "core/report/closing_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/rate/branch_rating.h"
#include "core/rate/stars.h"

namespace zj {

//-----------------------------------------------------------------------------
// [SECTION] Building the report
//-----------------------------------------------------------------------------
namespace {
std::string OptDate(const std::optional<Date>& d) { return d ? d->ToString() : std::string(); }
std::string BranchNameOf(const Organization& org, const Id& id) {
  const int i = FindBranch(org, id);
  return i >= 0 ? org.branches[static_cast<size_t>(i)].name : std::string();
}
std::string AreaNameOf(const Organization& org, const Id& area_id) {
  for (const auto& a : org.areas)
    if (a.meta.id == area_id) return a.name;
  return {};
}
}  // namespace

ProgressFacts ProgressFactsOf(const Dataset& d) {
  ProgressFacts f;
  for (const BranchStarRecord& r : d.branch_rating.history)
    if (r.year == d.campaign.year && r.published_on) f.branches_rated.push_back(r.branch_id);
  return f;
}

ClosingReport BuildClosingReport(const Dataset& d, Date today) {
  const Organization& org = d.org;
  const Campaign& c = d.campaign;
  ClosingReport r;
  r.town = org.town_name;
  r.year = c.year;
  r.campaign_name = c.name_zh;
  r.today = today.ToString();
  r.demo = d.demo;

  const ProgressFacts facts = ProgressFactsOf(d);
  const auto plan = PlanProgress(c, org, today, facts);
  r.overall_percent = OverallPercent(plan);
  r.strands = ProgressByStrand(plan);

  // 学
  std::map<Id, std::set<Id>> attendees_of_branch;  // branch -> members who attended any lecture
  std::map<Id, std::pair<int, int>> reflections_of_branch;  // branch -> (handed in, chosen)
  for (const auto& l : c.lectures) {
    ReportLecture x;
    x.theme = l.theme_zh;
    x.date = OptDate(l.date);
    x.place = l.place;
    x.held = l.held;
    x.attendance = LectureAttendance(l, org);
    x.reflections = CountReflections(l);
    r.lectures.push_back(x);
    for (const auto& id : l.attendee_ids) {
      const int mi = FindMember(org, id);
      if (mi >= 0) attendees_of_branch[org.members[static_cast<size_t>(mi)].branch_id].insert(id);
    }
    for (const auto& refl : l.reflections) {
      const int mi = FindMember(org, refl.person_id);
      if (mi < 0 || refl.state == ReflectionState::Owed) continue;
      auto& rb = reflections_of_branch[org.members[static_cast<size_t>(mi)].branch_id];
      ++rb.first;
      if (refl.state == ReflectionState::Chosen) ++rb.second;
    }
  }

  // 看
  for (const auto& m : c.onsite_meetings) {
    ReportMeeting x;
    x.title = m.scope == OnsiteScope::TownUnits ? std::string("镇直单位党建现场会")
                                                : AreaNameOf(org, m.area_id) + " 村级党建工作现场会";
    x.date = OptDate(m.date);
    x.venue = m.venue;
    x.held = m.held;
    for (const auto& id : VisitSites(m)) x.sites.push_back(BranchNameOf(org, id));
    if (m.draw) x.draw_seed = m.draw->seed;
    r.meetings.push_back(x);
  }

  // 谈
  std::map<Id, std::pair<int, int>> talks_of_branch;
  for (int k = 0; k < 3; ++k) r.talks.push_back(ReportTalkKind{static_cast<TalkKind>(k), 0, 0});
  for (const auto& t : c.talks) {
    auto& x = r.talks[static_cast<size_t>(t.pair.kind)];
    ++x.total;
    x.recorded += t.Held() ? 1 : 0;
    auto& b = talks_of_branch[t.pair.branch_id];
    ++b.first;
    b.second += t.Held() ? 1 : 0;
  }

  // 评
  const MemberRatingResult stars = RateMembers(org, d.points, d.member_stars, c.year);
  for (int s = 0; s < 4; ++s) r.member_stars[s] = stars.count_by_stars[s];
  r.exempted = static_cast<int>(stars.exempted.size());
  r.not_scored = static_cast<int>(stars.not_scored.size());
  r.possibly_unqualified = stars.possibly_unqualified;
  std::map<Id, ReportBranch> per_branch;
  for (const auto& mr : stars.rated) {
    const Member& m = org.members[static_cast<size_t>(mr.member_index)];
    auto& b = per_branch[m.branch_id];
    ++b.stars[std::clamp(mr.stars, 0, 3)];
    if (mr.possibly_unqualified) {
      ++b.possibly_unqualified;
      r.unqualified.push_back({BranchNameOf(org, m.branch_id), m.name, FormatPoints(mr.total)});
    }
  }
  for (const auto& e : stars.exempted) ++per_branch[org.members[static_cast<size_t>(e.member_index)].branch_id].exempted;
  for (int m : stars.not_scored) ++per_branch[org.members[static_cast<size_t>(m)].branch_id].not_scored;
  std::stable_sort(r.unqualified.begin(), r.unqualified.end(),
                   [](const ReportUnqualified& a, const ReportUnqualified& b) { return a.branch < b.branch; });
  const BranchRatingResult br = RateBranches(org, d.branch_rating, c.year);
  for (int s = 0; s < 4; ++s) r.branch_stars[s] = br.count_by_stars[s];
  r.branches_not_rated = static_cast<int>(br.not_rated.size());

  // Per branch and area.
  const auto bprog = BranchProgress(c, org, today, facts);
  for (size_t i = 0; i < org.branches.size(); ++i) {
    const Branch& b = org.branches[i];
    ReportBranch x = per_branch[b.meta.id];
    x.branch_id = b.meta.id;
    x.name = b.name;
    x.area = AreaNameOf(org, AreaOfBranch(org, b.meta.id));
    for (const auto& m : org.members) x.members += m.branch_id == b.meta.id;
    x.lecture_attendees = static_cast<int>(attendees_of_branch[b.meta.id].size());
    x.reflections_handed_in = reflections_of_branch[b.meta.id].first;
    x.reflections_chosen = reflections_of_branch[b.meta.id].second;
    x.talks_total = talks_of_branch[b.meta.id].first;
    x.talks_recorded = talks_of_branch[b.meta.id].second;
    for (const auto& u : bprog)
      if (u.unit_id == b.meta.id) x.progress = u;
    r.branches.push_back(x);
  }
  const auto aprog = AreaProgress(c, org, today, facts);
  std::set<size_t> placed;
  for (const auto& a : org.areas) {
    ReportArea x;
    x.area_id = a.meta.id;
    x.name = a.name;
    for (const auto& u : aprog)
      if (u.unit_id == a.meta.id) x.progress = u;
    for (size_t i = 0; i < org.branches.size(); ++i)
      if (AreaOfBranch(org, org.branches[i].meta.id) == a.meta.id) {
        x.branches.push_back(i);
        placed.insert(i);
      }
    r.areas.push_back(x);
  }
  for (size_t i = 0; i < org.branches.size(); ++i)
    if (!placed.count(i)) r.loose.push_back(i);

  // Overdue and due soon.
  auto due = [&](const ActivityProgress& p) {
    ReportDue x;
    x.title = p.title_zh;
    x.deadline = p.deadline.ToString();
    x.days_left = p.days_left;
    x.percent = p.percent;
    x.units_done = p.units_done;
    x.units_total = p.units_total;
    return x;
  };
  for (const auto& p : OverdueActivities(plan)) r.overdue.push_back(due(p));
  for (const auto& p : DueWithin(plan, 7)) r.due_soon.push_back(due(p));
  return r;
}

std::string ClosingReportFileName(const ClosingReport& r) { return r.town + "-整建月通报-" + r.today + ".html"; }

//-----------------------------------------------------------------------------
// [SECTION] HTML
//-----------------------------------------------------------------------------
namespace {
std::string Esc(const std::string& s) {
  std::string o;
  o.reserve(s.size() + 8);
  for (char ch : s) {
    switch (ch) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += ch;
    }
  }
  return o;
}
std::string N(int n) { return std::to_string(n); }
std::string Frac(int a, int b) { return N(a) + " / " + N(b); }
std::string Td(const std::string& escaped, const char* cls = nullptr) {
  return cls ? "<td class=\"" + std::string(cls) + "\">" + escaped + "</td>" : "<td>" + escaped + "</td>";
}
std::string DueText(int days_left) {
  if (days_left < 0) return "已逾期 " + N(-days_left) + " 天";
  if (days_left == 0) return "今天截止";
  return "还剩 " + N(days_left) + " 天";
}

const char* kStyle = R"(
@page { size: A4 portrait; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC",
       "Microsoft YaHei", "WenQuanYi Micro Hei", serif; color: #222; margin: 0 auto; max-width: 190mm;
       padding: 12px; font-size: 11pt; line-height: 1.5; }
h1 { color: #c41e24; text-align: center; font-size: 20pt; margin: 0 0 4px; letter-spacing: 2px; }
.sub { text-align: center; color: #555; margin-bottom: 12px; }
.demo { border: 1px solid #d6a028; background: #fff6d8; padding: 4px 8px; margin: 8px 0; }
h2 { font-size: 14pt; border-bottom: 2px solid #c41e24; padding-bottom: 2px; margin: 18px 0 6px; }
h3 { font-size: 12pt; margin: 12px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 10pt; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #f1e6d6; }
td.n { text-align: right; white-space: nowrap; }
td.d { white-space: nowrap; }
tr { page-break-inside: avoid; break-inside: avoid; }
.late { color: #c41e24; font-weight: bold; }
.ok { color: #247a48; }
.muted { color: #777; }
.toolbar { text-align: right; margin-bottom: 8px; }
.annex { margin-top: 24px; border-top: 1px dashed #999; }
@media print {
  .annex { page-break-before: always; break-before: page; border-top: none; margin-top: 0; }
  .toolbar { display: none; }
  body { max-width: none; padding: 0; }
  h2 { page-break-after: avoid; break-after: avoid; }
  thead { display: table-header-group; }
}
)";
}  // namespace

std::string ClosingReportHtml(const ClosingReport& r, const ClosingReportHtmlOptions& options) {
  std::string h;
  h.reserve(32 * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += "<title>" + Esc(r.town + " " + std::to_string(r.year) + "年整建月活动情况通报") + "</title><style>";
  h += kStyle;
  h += "</style></head><body>\n";
  h += "<div class=\"toolbar\"><button onclick=\"window.print()\">打印 / Print</button></div>\n";
  h += "<h1>" + Esc(r.town) + "党组织整建月活动情况通报</h1>\n";
  h += "<div class=\"sub\">" + Esc(std::to_string(r.year) + "年 " + r.campaign_name) + "<br>截至 " + Esc(r.today) +
       " · 总体完成 " + N(r.overall_percent) + "%</div>\n";
  if (r.demo) h += "<div class=\"demo\">示例数据：本页内容为虚构的演示镇，不是真实名册。</div>\n";

  // Overview per strand.
  h += "<h2>一、总体进度</h2>\n<table><thead><tr><th>内容</th><th>活动数</th><th>已完成</th><th>已逾期</th>"
       "<th>完成度</th></tr></thead><tbody>\n";
  for (const auto& s : r.strands)
    h += "<tr>" + Td(Esc(StrandZh(s.strand))) + Td(N(s.activities), "n") + Td(N(s.done), "n") +
         Td(s.overdue ? "<span class=\"late\">" + N(s.overdue) + "</span>" : "0", "n") + Td(N(s.percent) + "%", "n") +
         "</tr>\n";
  h += "</tbody></table>\n";

  // 学
  h += "<h2>二、学：专题讲习</h2>\n<table><thead><tr><th>主题</th><th>日期</th><th>地点</th><th>状态</th>"
       "<th>应到</th><th>实到</th><th>到会率</th><th>心得 已交/入选</th></tr></thead><tbody>\n";
  for (const auto& l : r.lectures)
    h += "<tr>" + Td(Esc(l.theme)) + Td(Esc(l.date.empty() ? "未定" : l.date), "d") + Td(Esc(l.place)) +
         Td(l.held ? "<span class=\"ok\">已举办</span>" : "未举办", "d") + Td(N(l.attendance.expected), "n") +
         Td(N(l.attendance.attended), "n") + Td(N(l.attendance.percent) + "%", "n") +
         Td(N(l.reflections.handed_in) + " / " + N(l.reflections.chosen), "n") + "</tr>\n";
  if (r.lectures.empty()) h += "<tr><td colspan=\"8\" class=\"muted\">尚无讲习</td></tr>\n";
  h += "</tbody></table>\n";
  if (r.lectures.size() < 3 || r.lectures.size() > 5)
    h += "<p class=\"late\">通知要求专题讲习3至5次，当前为 " + N(static_cast<int>(r.lectures.size())) + " 次。</p>\n";

  // 看
  h += "<h2>三、看：党建工作现场会</h2>\n<table><thead><tr><th>现场会</th><th>日期</th><th>会场</th>"
       "<th>参观点（预定 + 抽取）</th><th>抽签种子</th><th>状态</th></tr></thead><tbody>\n";
  for (const auto& m : r.meetings) {
    std::string sites;
    for (const auto& s : m.sites) sites += (sites.empty() ? "" : "、") + Esc(s);
    h += "<tr>" + Td(Esc(m.title)) + Td(Esc(m.date.empty() ? "未定" : m.date), "d") + Td(Esc(m.venue)) +
         Td(sites.empty() ? "<span class=\"muted\">未定</span>" : sites) +
         Td(m.draw_seed.empty() ? "<span class=\"muted\">未抽签</span>" : Esc(m.draw_seed)) +
         Td(m.held ? "<span class=\"ok\">已召开</span>" : "未召开") + "</tr>\n";
  }
  if (r.meetings.empty()) h += "<tr><td colspan=\"6\" class=\"muted\">尚未安排现场会</td></tr>\n";
  h += "</tbody></table>\n";

  // 谈
  h += "<h2>四、谈：谈心谈话</h2>\n<table><thead><tr><th>谈话类别</th><th>应谈</th><th>已谈（有记录）</th>"
       "<th>完成度</th></tr></thead><tbody>\n";
  for (const auto& t : r.talks)
    h += "<tr>" + Td(Esc(TalkKindZh(t.kind))) + Td(N(t.total), "n") + Td(N(t.recorded), "n") +
         Td(N(t.total ? t.recorded * 100 / t.total : 0) + "%", "n") + "</tr>\n";
  h += "</tbody></table>\n";

  // 评
  h += "<h2>五、评：党员评星与支部评星（" + N(r.year) + "年度）</h2>\n";
  h += "<table><thead><tr><th></th><th>三星</th><th>二星</th><th>一星</th><th>无星</th><th>其他</th></tr></thead><tbody>\n";
  h += "<tr>" + Td("党员（已记分）") + Td(N(r.member_stars[3]), "n") + Td(N(r.member_stars[2]), "n") +
       Td(N(r.member_stars[1]), "n") + Td(N(r.member_stars[0]), "n") +
       Td("尚未记分 " + N(r.not_scored) + "；特殊情况不参评 " + N(r.exempted)) + "</tr>\n";
  h += "<tr>" + Td("党支部") + Td(N(r.branch_stars[3]), "n") + Td(N(r.branch_stars[2]), "n") +
       Td(N(r.branch_stars[1]), "n") + Td(N(r.branch_stars[0]), "n") + Td("未评 " + N(r.branches_not_rated)) + "</tr>\n";
  h += "</tbody></table>\n";
  if (r.not_scored)
    h += "<p>尚未记分的党员 " + N(r.not_scored) + " 名：本年度还没有录入积分，不计入星级，也不计入60分以下。</p>\n";
  h += "<p>已记分、年度积分60分以下的党员 <b>" + N(r.possibly_unqualified) +
       " 名</b>，可由所在支部党员大会认定为不合格党员（通知四（四）二）；名单不在通报中公布" +
       (options.list_unqualified_names && r.possibly_unqualified ? "，见附页（供支部党员大会使用）" : "") + "。</p>\n";

  // Per area and branch.
  h += "<h2>六、各片区、党支部情况</h2>\n";
  auto branch_table = [&](const std::vector<size_t>& idx) {
    h += "<table><thead><tr><th>党支部</th><th>党员</th><th>参学党员</th><th>心得 已交/入选</th><th>谈话</th>"
         "<th>三/二/一/无星</th><th>未记分</th><th>不参评</th><th>60分以下</th><th>逾期事项</th></tr></thead><tbody>\n";
    for (size_t i : idx) {
      const ReportBranch& b = r.branches[i];
      h += "<tr>" + Td(Esc(b.name)) + Td(N(b.members), "n") + Td(N(b.lecture_attendees), "n") +
           Td(N(b.reflections_handed_in) + " / " + N(b.reflections_chosen), "n") +
           Td(Frac(b.talks_recorded, b.talks_total), "n") +
           Td(N(b.stars[3]) + "/" + N(b.stars[2]) + "/" + N(b.stars[1]) + "/" + N(b.stars[0]), "n") +
           Td(N(b.not_scored), "n") + Td(N(b.exempted), "n") +
           Td(b.possibly_unqualified ? "<span class=\"late\">" + N(b.possibly_unqualified) + "</span>" : "0", "n") +
           Td(b.progress.overdue ? "<span class=\"late\">" + N(b.progress.overdue) + "</span>" : "0", "n") + "</tr>\n";
    }
    h += "</tbody></table>\n";
  };
  for (const auto& a : r.areas) {
    h += "<h3>" + Esc(a.name) + " · 完成 " + N(a.progress.items_done) + " / " + N(a.progress.items_total) + " 项（" +
         N(a.progress.percent) + "%）";
    if (a.progress.overdue) h += " · <span class=\"late\">逾期 " + N(a.progress.overdue) + " 项</span>";
    h += "</h3>\n";
    branch_table(a.branches);
  }
  if (!r.loose.empty()) {
    h += "<h3>未归入片区的党支部</h3>\n";
    branch_table(r.loose);
  }

  // Overdue and soon due.
  h += "<h2>七、逾期与近期到期事项</h2>\n<table><thead><tr><th>活动</th><th>截止</th><th>状态</th><th>完成</th>"
       "</tr></thead><tbody>\n";
  for (const auto* list : {&r.overdue, &r.due_soon})
    for (const auto& x : *list)
      h += "<tr>" + Td(Esc(x.title)) + Td(Esc(x.deadline), "d") +
           Td(x.days_left < 0 ? "<span class=\"late\">" + DueText(x.days_left) + "</span>" : DueText(x.days_left)) +
           Td(Frac(x.units_done, x.units_total) + "（" + N(x.percent) + "%）", "n") + "</tr>\n";
  if (r.overdue.empty() && r.due_soon.empty()) h += "<tr><td colspan=\"4\" class=\"muted\">无</td></tr>\n";
  h += "</tbody></table>\n";
  h += "<p class=\"muted\">由 整建 Zhengjian 生成 · " + Esc(r.today) + "</p>\n";

  // The separate page for the branches' members' meetings, only when asked for.
  if (options.list_unqualified_names && !r.unqualified.empty()) {
    h += "<section class=\"annex\"><h2>附：年度积分60分以下的党员名单（供各党支部党员大会认定，不公开张贴）</h2>\n"
         "<table><thead><tr><th>党支部</th><th>姓名</th><th>年度积分</th></tr></thead><tbody>\n";
    for (const auto& u : r.unqualified) h += "<tr>" + Td(Esc(u.branch)) + Td(Esc(u.name)) + Td(Esc(u.total), "n") + "</tr>\n";
    h += "</tbody></table></section>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace zj
