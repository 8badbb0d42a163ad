// Starting a town's own data (core/data/town_start.h), renaming it (org.town_name), and the demo town's campaign
// placed around the day it is opened (DemoCampaignShift): counts and dates worked out by hand from the notice's
// template (动员部署会 03-23, 党建知识专题学习 by 03-31).
#include <gtest/gtest.h>

#include "core/campaign/campaign.h"
#include "core/data/town_start.h"
#include "core/data/workspace.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

constexpr TimestampMs kNow = 1800000000000;
Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(TownStart, StructureFromTypedLines) {
  IdGenerator ids(7);
  TownStart s;
  s.town_name = "  青山镇 ";
  s.year = 2027;
  s.structure =
      "一片/第一党总支/东湖村党支部\n"
      "一片／第一党总支／西岭村党支部\n"
      "\n"
      "二片/第二党总支/南湾社区党支部\n"
      "机关党总支 > 镇财政所党支部\n"
      "镇卫生院党支部\n";
  TownStartResult r = StartTown(s, ids, kNow, "dev");
  ASSERT_TRUE(r.ok) << (r.problems.empty() ? "" : r.problems[0].message_zh);
  const Dataset& d = r.dataset;
  EXPECT_FALSE(d.demo);
  EXPECT_EQ(d.org.town_name, "青山镇");
  EXPECT_EQ(r.areas, 2);             // 一片, 二片
  EXPECT_EQ(r.general_branches, 3);  // 第一党总支 (一片), 第二党总支 (二片), 机关党总支 (no area)
  EXPECT_EQ(r.branches, 5);
  EXPECT_TRUE(d.org.members.empty());
  EXPECT_TRUE(d.points.entries.empty());
  EXPECT_TRUE(d.campaign.talks.empty());
  ASSERT_EQ(d.org.branches.size(), 5u);
  EXPECT_EQ(d.org.branches[0].kind, BranchKind::Village);
  EXPECT_EQ(d.org.branches[2].kind, BranchKind::Community);
  EXPECT_EQ(d.org.branches[3].kind, BranchKind::TownUnit);
  EXPECT_EQ(d.org.branches[0].general_branch_id, d.org.general_branches[0].meta.id);
  EXPECT_EQ(d.org.branches[1].general_branch_id, d.org.general_branches[0].meta.id);
  EXPECT_EQ(d.org.branches[2].general_branch_id, d.org.general_branches[1].meta.id);
  EXPECT_EQ(d.org.branches[3].general_branch_id, d.org.general_branches[2].meta.id);
  EXPECT_TRUE(d.org.branches[4].general_branch_id.empty());  // 镇卫生院党支部 on its own
  EXPECT_EQ(d.org.general_branches[0].area_id, d.org.areas[0].meta.id);
  EXPECT_EQ(d.org.general_branches[1].area_id, d.org.areas[1].meta.id);
  EXPECT_TRUE(d.org.general_branches[2].area_id.empty());
  // Nothing made here lacks a revision, and the document loads back without a problem.
  LoadResult back = LoadDataset(SaveDataset(d));
  EXPECT_TRUE(back.ok) << (back.problems.empty() ? "" : back.problems[0].message_zh);
  EXPECT_EQ(SaveDataset(back.dataset), SaveDataset(d));
}

TEST(TownStart, CampaignMovedToTheMobilizationDay) {
  IdGenerator ids(7);
  TownStart s{"青山镇", 2027, D(2027, 10, 12), ""};
  TownStartResult r = StartTown(s, ids, kNow, "dev");
  ASSERT_TRUE(r.ok);
  const Activity* mob = FindActivity(r.dataset.campaign, ActivityKind::Mobilization);
  const Activity* lec = FindActivity(r.dataset.campaign, ActivityKind::LecturePartyBuilding);
  ASSERT_TRUE(mob && lec);
  EXPECT_EQ(mob->start, D(2027, 10, 12));
  EXPECT_EQ(lec->deadline, D(2027, 10, 20));  // 2027-03-31 in the template, 8 days after 03-23
  EXPECT_EQ(*CampaignFirstDay(r.dataset.campaign), D(2027, 10, 12));
  // Without a day: the notice's template in 2027 (03-23 is a Tuesday, kept).
  TownStartResult t = StartTown(TownStart{"青山镇", 2027, std::nullopt, ""}, ids, kNow, "dev");
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(FindActivity(t.dataset.campaign, ActivityKind::Mobilization)->start, D(2027, 3, 23));
}

TEST(TownStart, RefusedWithTheLine) {
  IdGenerator ids(7);
  auto first = [&](TownStart s) {
    TownStartResult r = StartTown(s, ids, kNow, "dev");
    EXPECT_FALSE(r.ok);
    return r.problems.empty() ? std::string() : r.problems[0].message_zh;
  };
  EXPECT_EQ(first({"", 2027, std::nullopt, ""}), "请填写本镇名称");
  EXPECT_EQ(first({"青山镇", 2027, D(2028, 1, 5), ""}), "动员部署会应在2027年内");
  EXPECT_EQ(first({"青山镇", 2027, std::nullopt, "a/b/c/东湖村党支部"}), "第1行：最多三级：片区/总支/支部");
  EXPECT_EQ(first({"青山镇", 2027, std::nullopt, "东湖村党支部\n\n东湖村党支部"}), "第3行：支部“东湖村党支部”已在上面出现");
  EXPECT_EQ(first({"青山镇", 2027, std::nullopt, "一片//东湖村党支部"}), "第1行：“/”两边都应有名称");
  EXPECT_EQ(first({"青山镇", 2027, std::nullopt, "一片/东湖村党支部"}),
            "第1行：两级时前一级应为总支（以“总支”结尾）；片区下的支部写成“片区/总支/支部”");
  EXPECT_EQ(first({"青山镇", 2027, std::nullopt, "一片/第一党总支/甲村党支部\n二片/第一党总支/乙村党支部"}),
            "第2行：总支“第一党总支”在上面属于另一个片区");
}

TEST(TownStart, RenameIsACommandWithUndo) {
  Workspace ws(MakeDemoDataset(), 42, "test");
  ASSERT_TRUE(ws.Apply({"org.town_name", {{"name", " 青山镇 "}}}, kNow).ok);
  EXPECT_EQ(ws.data().org.town_name, "青山镇");
  EXPECT_FALSE(ws.Apply({"org.town_name", {{"name", "  "}}}, kNow).ok);
  EXPECT_EQ(ws.data().org.town_name, "青山镇");
  ASSERT_TRUE(ws.Undo(kNow));
  EXPECT_EQ(ws.data().org.town_name, "渔洋镇");
}

TEST(DemoCampaign, UnderWayWhenOpened) {
  // Spring, inside the notice's campaign: the template's dates as they are.
  EXPECT_EQ(DemoCampaignShift(D(2026, 3, 25)), 0);
  EXPECT_EQ(DemoCampaignShift(D(2026, 3, 16)), 0);  // a week before 03-23
  for (Date today : {D(2026, 12, 5), D(2026, 7, 1), D(2026, 1, 3), D(2026, 12, 31), D(2026, 2, 1)}) {
    const int shift = DemoCampaignShift(today);
    EXPECT_EQ(shift % 7, 0) << today.ToString();
    Dataset d = MakeDemoDataset(2018, today.Year(), kDemoNow, DemoOptions{15, shift});
    const Date first = *CampaignFirstDay(d.campaign);
    Date last = first;
    for (const Activity& a : d.campaign.activities) last = std::max(last, a.deadline);
    EXPECT_EQ(first.Year(), today.Year()) << today.ToString();
    EXPECT_EQ(last.Year(), today.Year()) << today.ToString();
    // Under way: begun, not over (at the year's ends, as near as the year allows).
    if (today >= D(2026, 2, 1) && today <= D(2026, 11, 20)) {
      EXPECT_LE(first, today - 10) << today.ToString();
      EXPECT_GE(first, today - 16) << today.ToString();
    }
    EXPECT_GE(last, today - 7) << today.ToString();
    // The lecture held in the demo is held on or before today... or on the campaign's second day.
    ASSERT_FALSE(d.campaign.lectures.empty());
    EXPECT_EQ(*d.campaign.lectures[0].date, first + 1) << today.ToString();
  }
  // 12-05 by hand: the template 2026-03-23 (Monday) moves by 35 weeks to 11-23; its last deadline (04-30, a
  // Thursday) to 12-31.
  EXPECT_EQ(DemoCampaignShift(D(2026, 12, 5)), 245);
}

}  // namespace
}  // namespace zj
