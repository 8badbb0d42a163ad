// The campaign plan: the notice's template, copying to another year (weekend rule), status.
#include <gtest/gtest.h>

#include <set>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {
using testtown::D;

namespace {
const Activity& Get(const Campaign& c, ActivityKind k) {
  const Activity* a = FindActivity(c, k);
  EXPECT_NE(a, nullptr);
  return *a;
}
}  // namespace

TEST(Plan, DefaultTemplateMatchesTheNoticeDates) {
  IdGenerator ids(1);
  const Campaign c = DefaultCampaign(2018, ids, 1521767523004, "dev-a");
  EXPECT_EQ(c.year, 2018);
  ASSERT_EQ(c.activities.size(), 12u);
  // 3月23日, 召开全镇动员大会.
  EXPECT_EQ(Get(c, ActivityKind::Mobilization).start, D("2018-03-23"));
  EXPECT_EQ(Get(c, ActivityKind::Mobilization).deadline, D("2018-03-23"));
  // 一是党建知识专题学习(3月底前完成); 二是消防和财务知识专题培训(3月底前完成); 三是农业技术专题讲习(4月底前完成).
  EXPECT_EQ(Get(c, ActivityKind::LecturePartyBuilding).deadline, D("2018-03-31"));
  EXPECT_EQ(Get(c, ActivityKind::LectureFireFinance).deadline, D("2018-03-31"));
  EXPECT_EQ(Get(c, ActivityKind::LectureAgriculture).deadline, D("2018-04-30"));
  // 2018年4月底前全面完成: every deadline by 04-30, nothing before the mobilization.
  for (const auto& a : c.activities) {
    EXPECT_LE(a.deadline, D("2018-04-30")) << a.title_zh;
    EXPECT_GE(a.start, D("2018-03-23")) << a.title_zh;
    EXPECT_LE(a.start, a.deadline) << a.title_zh;
    EXPECT_EQ(a.meta.id.size(), 16u);
    EXPECT_EQ(a.meta.created, 1521767523004);
    EXPECT_EQ(a.meta.device, "dev-a");
    EXPECT_FALSE(a.owner.empty());
    EXPECT_FALSE(a.participants.empty());
    EXPECT_EQ(a.status, ActivityStatus::Planned);
  }
  EXPECT_EQ(Get(c, ActivityKind::Closing).deadline, D("2018-04-30"));
  // Owners as the notice names them.
  EXPECT_EQ(Get(c, ActivityKind::LecturePartyBuilding).owner, "组织办、宣传办");
  EXPECT_EQ(Get(c, ActivityKind::OnsiteVillage).owner, "片长、总支书记");
  EXPECT_EQ(Get(c, ActivityKind::OnsiteVillage).scope, ActivityScope::Area);
  // Audience of the party-building lecture: secretaries and deputy secretaries for Party-masses work.
  const auto& pb = Get(c, ActivityKind::LecturePartyBuilding).participants;
  EXPECT_NE(std::find(pb.begin(), pb.end(), Role::VillageSecretary), pb.end());
  EXPECT_NE(std::find(pb.begin(), pb.end(), Role::VillageDeputySecretary), pb.end());
  // Every strand has activities; the three kinds of talks are there.
  std::set<Strand> strands;
  for (const auto& a : c.activities) strands.insert(a.strand);
  EXPECT_EQ(strands.size(), 6u);
  int talks = 0;
  for (const auto& a : c.activities) talks += a.strand == Strand::Talk;
  EXPECT_EQ(talks, 3);
  // The three named lectures, linked to their activities, and the notice's talk topics (6, 6, 4).
  ASSERT_EQ(c.lectures.size(), 3u);
  EXPECT_EQ(c.lectures[0].activity_id, Get(c, ActivityKind::LecturePartyBuilding).meta.id);
  EXPECT_EQ(c.lectures[0].team, LectureTeam::PartyBuilding);
  EXPECT_EQ(c.lectures[2].team, LectureTeam::Agriculture);
  EXPECT_EQ(c.talk_topics.secretary.size(), 6u);
  EXPECT_EQ(c.talk_topics.committee.size(), 6u);
  EXPECT_EQ(c.talk_topics.representative.size(), 4u);
  EXPECT_EQ(c.talk_schedule.from, D("2018-03-23"));
  EXPECT_EQ(c.talk_schedule.to, D("2018-04-30"));
  Problems p;
  ValidatePlan(c.activities, "/campaign/activities", p);
  EXPECT_TRUE(p.empty());
}

TEST(Plan, WeekendRule) {
  // 2019-03-23 Saturday, 2019-03-24 Sunday, 2019-03-31 Sunday.
  EXPECT_EQ(MoveOffWeekend(D("2019-03-23"), DateRole::Deadline), D("2019-03-22"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-24"), DateRole::Deadline), D("2019-03-22"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-23"), DateRole::Start), D("2019-03-25"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-24"), DateRole::Start), D("2019-03-25"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-23"), DateRole::SingleDay), D("2019-03-22"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-24"), DateRole::SingleDay), D("2019-03-25"));
  EXPECT_EQ(MoveOffWeekend(D("2019-03-26"), DateRole::Deadline), D("2019-03-26"));
  EXPECT_EQ(ShiftToYear(D("2020-02-29"), 2021), D("2021-02-28"));
}

TEST(Plan, AnotherYearShiftsDatesOffWeekends) {
  IdGenerator ids(2);
  const Campaign c = DefaultCampaign(2019, ids, 0, "dev");
  EXPECT_EQ(c.year, 2019);
  // 2019-03-23 is a Saturday: the mobilization moves to Friday 03-22.
  EXPECT_EQ(Get(c, ActivityKind::Mobilization).start, D("2019-03-22"));
  // 2019-03-31 is a Sunday: the March deadlines move to Friday 03-29; 04-30 is a Tuesday and stays.
  EXPECT_EQ(Get(c, ActivityKind::LecturePartyBuilding).deadline, D("2019-03-29"));
  EXPECT_EQ(Get(c, ActivityKind::LecturePartyBuilding).start, D("2019-03-25"));
  EXPECT_EQ(Get(c, ActivityKind::LectureAgriculture).deadline, D("2019-04-30"));
  for (int year = 2019; year <= 2040; ++year) {
    IdGenerator g(year);
    const Campaign y = DefaultCampaign(year, g, 0, "dev");
    ASSERT_EQ(y.activities.size(), 12u);
    for (const auto& a : y.activities) {
      EXPECT_FALSE(a.start.IsWeekend()) << year << " " << a.title_zh << " " << a.start.ToString();
      EXPECT_FALSE(a.deadline.IsWeekend()) << year << " " << a.title_zh << " " << a.deadline.ToString();
      EXPECT_LE(a.start, a.deadline);
      EXPECT_EQ(a.deadline.Year(), year);
      EXPECT_LE(a.deadline, *Date::FromYmd(year, 4, 30));
    }
  }
}

TEST(Plan, CopyGivesNewIdsAndResetsStatus) {
  IdGenerator ids(3);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  c.activities[0].status = ActivityStatus::Done;
  c.activities[0].done_on = D("2018-03-23");
  const auto copy = CopyPlanToYear(c.activities, 2020, ids, 99, "dev-b");
  ASSERT_EQ(copy.size(), c.activities.size());
  for (size_t i = 0; i < copy.size(); ++i) {
    EXPECT_NE(copy[i].meta.id, c.activities[i].meta.id);
    EXPECT_EQ(copy[i].meta.created, 99);
    EXPECT_EQ(copy[i].status, ActivityStatus::Planned);
    EXPECT_FALSE(copy[i].done_on);
    EXPECT_EQ(copy[i].title_zh, c.activities[i].title_zh);
  }
  // 2020-03-23 is a Monday: kept.
  EXPECT_EQ(copy[0].start, D("2020-03-23"));
}

TEST(Plan, StatusAgainstToday) {
  Activity a;
  a.start = D("2018-03-23");
  a.deadline = D("2018-03-31");
  EXPECT_EQ(ActivityStateOn(a, D("2018-03-31")), ActivityState::Planned);
  EXPECT_EQ(ActivityStateOn(a, D("2018-04-01")), ActivityState::Overdue);
  a.status = ActivityStatus::Done;
  EXPECT_EQ(ActivityStateOn(a, D("2018-04-01")), ActivityState::Done);
  EXPECT_EQ(DaysLeft(D("2018-03-25"), a.deadline), 6);
  EXPECT_EQ(DaysLeft(D("2018-04-02"), a.deadline), -2);
}

TEST(Plan, ValidateReportsPaths) {
  std::vector<Activity> plan(2);
  plan[0].title_zh = "甲";
  plan[0].start = D("2018-04-02");
  plan[0].deadline = D("2018-04-01");
  plan[1].start = plan[1].deadline = D("2018-04-01");
  Problems p;
  ValidatePlan(plan, "/plan", p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "/plan/0/start");
  EXPECT_EQ(p[1].path, "/plan/1/title_zh");
  EXPECT_FALSE(p[0].message_en.empty());
}

TEST(Roles, ResolvedFromTheOrganization) {
  const Organization o = testtown::SmallTown();
  EXPECT_EQ(PeopleWithRole(o, Role::VillageSecretary), (std::vector<Id>{"m11", "m21", "m31", "m41"}));
  EXPECT_EQ(PeopleWithRole(o, Role::UnitSecretary), (std::vector<Id>{"mu1", "mu2", "mu3", "mu4"}));
  EXPECT_EQ(PeopleWithRole(o, Role::VillageSecretary, "a2"), (std::vector<Id>{"m41"}));
  EXPECT_EQ(PeopleWithRole(o, Role::AreaChief, "a1"), (std::vector<Id>{"k_ch1"}));
  EXPECT_EQ(PeopleWithRole(o, Role::GeneralBranchSecretary, "a2"), (std::vector<Id>{"k_gb2", "k_gb3"}));
  EXPECT_EQ(PeopleWithRole(o, Role::ResidentCadre, "a1"), (std::vector<Id>{"k_r1"}));
  EXPECT_EQ(PeopleWithRole(o, Role::TownCommittee), (std::vector<Id>{"k_c1", "k_c2", "k_sec"}));
  EXPECT_EQ(PeopleWithRole(o, Role::TownLeader), (std::vector<Id>{"k_sec"}));
  EXPECT_EQ(PeopleWithRole(o, Role::MemberRepresentative).size(), 7u);
  EXPECT_EQ(PeopleWithRole(o, Role::AllMembers).size(), o.members.size());
  EXPECT_EQ(AreaOfBranch(o, "v4"), "a2");
  EXPECT_EQ(AreaOfBranch(o, "nope"), "");
  EXPECT_EQ(PersonName(o, "k_sec"), "王书记");
  for (Role r : AllRoles()) {
    EXPECT_STRNE(RoleZh(r), "");
    EXPECT_STRNE(RoleEn(r), "");
  }
}

}  // namespace zj
