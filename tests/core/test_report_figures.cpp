// The figures read out at the town meeting (通报, 公示栏, the rating screens), checked against counts made by
// hand on a town built by hand: members scored in every band, members with no entry (尚未记分), an exempted
// member (特殊情况, notice 四(四)二) and a member who joined after the year. A member with no entry is "not yet
// scored": never 无星, never counted or named as possibly unqualified.
#include <gtest/gtest.h>

#include <string>

#include "core/rate/points.h"
#include "core/rate/stars.h"
#include "core/report/boards.h"
#include "core/report/closing_report.h"
#include "test_campaign_town.h"

namespace zj {
namespace {

using namespace testtown;

constexpr TimestampMs kNow = 1521532800000;  // 2018-03-20T08:00:00Z

/// SmallTown (22 members in 9 branches) with one uncapped item and yearly totals set by hand:
///   v1 东湖村: 张一 95 (三星), 张二 85 (二星), 张三 65 (一星), 张四 55 (< 60), 张五 no entry, 张六 exempted
///   v2 西山村: 刘一 90 (三星), 刘二 59.5 (< 60), 刘三 -5 (one deduction: < 60), 刘四 and 刘五 no entry
///   v3 南岭社区: 黄一 joined in 2019 (not yet a member in 2018), 黄二 no entry
///   every other member: no entry. One entry of 2017 (张五, 99) must not count for 2018.
Dataset HandTown() {
  IdGenerator ids(5);
  Dataset d;
  d.org = SmallTown();
  d.campaign = DefaultCampaign(2018, ids, kNow, "t");
  PointItem item;
  item.meta.id = "it";
  item.code = "X01";
  item.name_zh = "手工项目";
  item.points = 10;
  d.points.catalogue.items = {item};
  int n = 0;
  auto add = [&](const char* member, Tenths points, const char* date = "2018-06-01") {
    PointEntry e;
    e.meta.id = "e" + std::to_string(++n);
    e.member_id = member;
    e.item_id = "it";
    e.date = D(date);
    e.points = points;
    d.points.entries.push_back(e);
  };
  add("m11", 500); add("m11", 450);  // 95
  add("m12", 850);
  add("m13", 650);
  add("m14", 550);
  add("m15", 990, "2017-12-31");      // another year: 张五 has no entry of 2018
  add("m21", 900);
  add("m22", 595);
  add("m23", -50);
  StarExemption ex;
  ex.meta.id = "x1";
  ex.member_id = "m16";
  ex.year = 2018;
  ex.reason = "长期外出务工";
  ex.approved_on = D("2018-03-01");
  d.member_stars.exemptions = {ex};
  for (Member& m : d.org.members)
    if (m.meta.id == "m31") m.join_date = D("2019-01-05");
  return d;
}

TEST(ReportFigures, NotYetScoredIsCountedApartNeverBelowSixty) {
  const Dataset d = HandTown();
  const MemberRatingResult r = RateMembers(d.org, d.points, d.member_stars, 2018);
  EXPECT_EQ(r.rated.size(), 7u);       // 张一 张二 张三 张四 刘一 刘二 刘三
  EXPECT_EQ(r.exempted.size(), 1u);    // 张六
  EXPECT_EQ(r.not_member_yet.size(), 1u);  // 黄一
  EXPECT_EQ(r.not_scored.size(), 13u); // 22 - 7 - 1 - 1
  EXPECT_EQ(r.count_by_stars[3], 2);
  EXPECT_EQ(r.count_by_stars[2], 1);
  EXPECT_EQ(r.count_by_stars[1], 1);
  EXPECT_EQ(r.count_by_stars[0], 3);   // 55, 59.5, -5
  EXPECT_EQ(r.possibly_unqualified, 3);
  for (int m : r.not_scored) EXPECT_NE(d.org.members[static_cast<size_t>(m)].meta.id, "m14");
}

TEST(ReportFigures, EveryFigureOfTheReportMatchesCountsByHand) {
  const Dataset d = HandTown();
  const ClosingReport r = BuildClosingReport(d, D("2018-04-02"));
  EXPECT_EQ(r.member_stars[3], 2);
  EXPECT_EQ(r.member_stars[2], 1);
  EXPECT_EQ(r.member_stars[1], 1);
  EXPECT_EQ(r.member_stars[0], 3);
  EXPECT_EQ(r.not_scored, 13);
  EXPECT_EQ(r.exempted, 1);
  EXPECT_EQ(r.possibly_unqualified, 3);
  ASSERT_EQ(r.unqualified.size(), 3u);
  ASSERT_EQ(r.branches.size(), 9u);
  const ReportBranch& v1 = r.branches[0];
  EXPECT_EQ(v1.name, "东湖村党支部");
  EXPECT_EQ(v1.members, 6);
  EXPECT_EQ(v1.stars[3] + v1.stars[2] + v1.stars[1] + v1.stars[0], 4);
  EXPECT_EQ(v1.stars[0], 1);
  EXPECT_EQ(v1.not_scored, 1);
  EXPECT_EQ(v1.exempted, 1);
  EXPECT_EQ(v1.possibly_unqualified, 1);
  const ReportBranch& v2 = r.branches[1];
  EXPECT_EQ(v2.stars[3], 1);
  EXPECT_EQ(v2.stars[0], 2);
  EXPECT_EQ(v2.not_scored, 2);
  EXPECT_EQ(v2.possibly_unqualified, 2);
  const ReportBranch& v3 = r.branches[2];
  EXPECT_EQ(v3.not_scored, 1);  // 黄二; 黄一 joined after the year
  int branch_not_scored = 0;
  for (const ReportBranch& b : r.branches) branch_not_scored += b.not_scored;
  EXPECT_EQ(branch_not_scored, r.not_scored);

  // The report counts and names no one by default.
  const std::string html = ClosingReportHtml(r);
  EXPECT_NE(html.find("尚未记分的党员 13 名"), std::string::npos);
  EXPECT_NE(html.find("年度积分60分以下的党员 <b>3 名</b>"), std::string::npos);
  for (const char* name : {"张四", "刘二", "刘三", "张五"}) EXPECT_EQ(html.find(name), std::string::npos) << name;
  EXPECT_EQ(html.find("class=\"annex\""), std::string::npos);
  // Asked for: the three names, with their totals, on a page of their own; still none of the not-yet-scored.
  const std::string annexed = ClosingReportHtml(r, {true});
  const size_t annex = annexed.find("<section class=\"annex\">");
  ASSERT_NE(annex, std::string::npos);
  EXPECT_EQ(annexed.find("张四"), annexed.find("张四", annex));
  for (const char* row : {"<td>张四</td><td class=\"n\">55</td>", "<td>刘二</td><td class=\"n\">59.5</td>",
                          "<td>刘三</td><td class=\"n\">-5</td>"})
    EXPECT_NE(annexed.find(row, annex), std::string::npos) << row;
  EXPECT_EQ(annexed.find("张五"), std::string::npos);
}

TEST(ReportFigures, BranchBoardCountsPeopleWithMingAndNotYetScoredApart) {
  const Dataset d = HandTown();
  BoardOptions o;
  o.year = 2018;
  o.town_board = false;
  o.branch_ids = {"v1"};
  o.published_on = D("2018-04-02");
  const std::string h = BoardsHtml(d, o);
  EXPECT_NE(h.find("参评党员 4 名，其中三星 1 名、二星 1 名、一星 1 名、无星 1 名"), std::string::npos) << h;
  EXPECT_NE(h.find("不参与评星 1 名"), std::string::npos);
  EXPECT_NE(h.find("尚未记分 1 名"), std::string::npos);
  EXPECT_NE(h.find("<span class=\"count\">1 名</span>"), std::string::npos);
  EXPECT_EQ(h.find(" 个</span>"), std::string::npos);
  EXPECT_EQ(h.find("张五"), std::string::npos);  // not yet scored: never on a board
  EXPECT_EQ(h.find("张四"), std::string::npos);  // below 60: never on a board
}

}  // namespace
}  // namespace zj
