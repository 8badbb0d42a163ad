// Progress per activity, branch, area and strand; overdue and due-within-N-days lists.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/campaign/progress.h"
#include "test_campaign_town.h"

namespace zj {
using testtown::D;

namespace {
struct Fixture {
  Organization org = testtown::SmallTown();
  IdGenerator ids{31};
  Campaign c;
  Fixture() {
    c = DefaultCampaign(2018, ids, 0, "dev");
    Problems p;
    AddMissingTalks(c.talks, GenerateTalkPairs(org, p), ids, 0, "dev");
    CreateOnsiteMeetings(c, org, ids, 0, "dev");
    // 书记 talked with 张一 (东湖村): the only kind-1 talk of v1.
    for (auto& t : c.talks)
      if (t.pair.kind == TalkKind::SecretaryWithVillageSecretary && t.pair.branch_id == "v1")
        t.record = TalkRecord{D("2018-03-26"), 600, "东湖村", {0, 1, 2, 3, 4, 5}, "", Intention::Stay, {}, ""};
    // 西山村 held its members' meeting.
    FindActivity(c, ActivityKind::MemberStarMeetings)->done_units.push_back({"v2", D("2018-03-27")});
    c.lectures[0].held = true;        // party-building lecture held
    c.onsite_meetings[0].held = true;  // 一片's meeting held
    FindActivity(c, ActivityKind::Mobilization)->status = ActivityStatus::Done;
  }
  const ActivityProgress& Of(const std::vector<ActivityProgress>& v, ActivityKind k) {
    for (const auto& a : v)
      if (a.kind == k) return a;
    static ActivityProgress none;
    ADD_FAILURE() << "no activity";
    return none;
  }
};
}  // namespace

TEST(Progress, PerActivityFromTheRecords) {
  Fixture f;
  const auto p = PlanProgress(f.c, f.org, D("2018-03-25"));
  ASSERT_EQ(p.size(), 12u);
  const auto& k1 = f.Of(p, ActivityKind::TalkSecretary);
  EXPECT_EQ(k1.units_total, 5);  // village and community branches
  EXPECT_EQ(k1.units_done, 1);
  EXPECT_EQ(k1.percent, 20);
  EXPECT_EQ(k1.state, ActivityState::Planned);
  EXPECT_EQ(f.Of(p, ActivityKind::MemberStarMeetings).units_total, 9);
  EXPECT_EQ(f.Of(p, ActivityKind::MemberStarMeetings).units_done, 1);
  EXPECT_EQ(f.Of(p, ActivityKind::MemberStarMeetings).percent, 11);
  EXPECT_EQ(f.Of(p, ActivityKind::LecturePartyBuilding).state, ActivityState::Done);
  EXPECT_EQ(f.Of(p, ActivityKind::LecturePartyBuilding).percent, 100);
  EXPECT_EQ(f.Of(p, ActivityKind::OnsiteVillage).units_total, 2);
  EXPECT_EQ(f.Of(p, ActivityKind::OnsiteVillage).percent, 50);
  EXPECT_EQ(f.Of(p, ActivityKind::Mobilization).state, ActivityState::Done);
  EXPECT_EQ(f.Of(p, ActivityKind::LectureFireFinance).days_left, 6);
}

TEST(Progress, OverdueAndDueWithin) {
  Fixture f;
  auto p = PlanProgress(f.c, f.org, D("2018-03-25"));
  auto due = DueWithin(p, 7);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].kind, ActivityKind::LectureFireFinance);
  EXPECT_TRUE(OverdueActivities(p).empty());
  EXPECT_TRUE(DueWithin(p, 5).empty());
  p = PlanProgress(f.c, f.org, D("2018-04-01"));
  auto over = OverdueActivities(p);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].kind, ActivityKind::LectureFireFinance);
  EXPECT_EQ(over[0].days_left, -1);
  p = PlanProgress(f.c, f.org, D("2018-05-01"));
  EXPECT_EQ(OverdueActivities(p).size(), 10u);
  // Once every unit is done the activity is done, whatever the date.
  for (auto& t : f.c.talks)
    if (t.pair.kind == TalkKind::SecretaryWithVillageSecretary)
      t.record = TalkRecord{D("2018-04-02"), 600, "", {}, "", std::nullopt, {}, ""};
  FindActivity(f.c, ActivityKind::TalkSecretary)->done_units.push_back({"v5", D("2018-04-03")});  // no secretary
  p = PlanProgress(f.c, f.org, D("2018-05-01"));
  EXPECT_EQ(f.Of(p, ActivityKind::TalkSecretary).state, ActivityState::Done);
}

TEST(Progress, PerBranchAndPerArea) {
  Fixture f;
  const auto b = BranchProgress(f.c, f.org, D("2018-03-25"));
  ASSERT_EQ(b.size(), 9u);
  EXPECT_EQ(b[0].unit_id, "v1");
  EXPECT_EQ(b[0].items_total, 5);
  EXPECT_EQ(b[0].items_done, 1);
  EXPECT_EQ(b[0].percent, 20);
  EXPECT_EQ(b[0].talks_total, 5);
  EXPECT_EQ(b[0].talks_done, 1);
  EXPECT_EQ(b[1].unit_id, "v2");
  EXPECT_EQ(b[1].items_done, 1);
  EXPECT_EQ(b[5].unit_id, "u1");
  EXPECT_EQ(b[5].items_total, 2);
  const auto a = AreaProgress(f.c, f.org, D("2018-03-25"));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].items_total, 16);
  EXPECT_EQ(a[0].items_done, 3);
  EXPECT_EQ(a[0].percent, 18);
  EXPECT_EQ(a[1].items_total, 19);
  EXPECT_EQ(a[1].items_done, 0);
  const auto late = AreaProgress(f.c, f.org, D("2018-05-01"));
  EXPECT_EQ(late[1].overdue, 19);
}

TEST(Progress, PerStrandForTheDashboard) {
  Fixture f;
  const auto p = PlanProgress(f.c, f.org, D("2018-03-25"));
  const auto s = ProgressByStrand(p);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].strand, Strand::Mobilize);
  EXPECT_EQ(s[0].percent, 100);
  EXPECT_EQ(s[1].strand, Strand::Learn);
  EXPECT_EQ(s[1].activities, 3);
  EXPECT_EQ(s[1].done, 1);
  EXPECT_EQ(s[1].percent, 33);
  EXPECT_EQ(s[2].strand, Strand::Look);
  EXPECT_EQ(s[2].percent, 25);  // (50 + 0) / 2
  EXPECT_GT(OverallPercent(p), 0);
  EXPECT_EQ(OverallPercent({}), 0);
}


// Reported: the report's progress said 学 3 activities, 1 done, while its lecture table showed 4 lectures, 2
// held; the overview showed 支部评星 0/8 after the ratings of every branch were published.
TEST(Progress, AddedLecturesAndPublishedRatingsCount) {
  Fixture f;
  Lecture extra;
  extra.meta.id = "lx";
  extra.theme_zh = "乡村振兴政策解读";
  extra.date = D("2018-04-12");
  extra.held = true;
  f.c.lectures.push_back(extra);
  Lecture later = extra;
  later.meta.id = "ly";
  later.theme_zh = "电商直播培训";
  later.date = D("2018-03-24");
  later.held = false;
  f.c.lectures.push_back(later);
  const auto p = PlanProgress(f.c, f.org, D("2018-03-25"));
  ASSERT_EQ(p.size(), 14u);  // 12 plan activities + the 2 lectures outside the plan
  int lectures = 0, held = 0;
  for (const Lecture& l : f.c.lectures) {
    ++lectures;
    held += l.held;
  }
  for (const StrandProgress& s : ProgressByStrand(p))
    if (s.strand == Strand::Learn) {
      EXPECT_EQ(s.activities, lectures);  // 5: the 3 planned lectures and the 2 added
      EXPECT_EQ(s.done, held);            // 2: the party-building lecture and 乡村振兴政策解读
    }
  EXPECT_EQ(p[12].title_zh, "乡村振兴政策解读");
  EXPECT_EQ(p[12].state, ActivityState::Done);
  EXPECT_EQ(p[13].state, ActivityState::Overdue);  // dated 03-24, not held, today 03-25
  EXPECT_EQ(p[13].days_left, -1);
  const auto overdue = OverdueActivities(p);
  EXPECT_TRUE(std::any_of(overdue.begin(), overdue.end(), [](const ActivityProgress& a) { return a.activity_id == "ly"; }));

  // 支部评星: every branch's rating of the year published -> done; one branch missing -> 8 of 9.
  ProgressFacts facts;
  for (const Branch& b : f.org.branches) facts.branches_rated.push_back(b.meta.id);
  EXPECT_EQ(f.Of(PlanProgress(f.c, f.org, D("2018-04-25"), facts), ActivityKind::BranchStarRating).state, ActivityState::Done);
  facts.branches_rated.pop_back();
  const std::vector<ActivityProgress> eight = PlanProgress(f.c, f.org, D("2018-04-25"), facts);
  const ActivityProgress& part = f.Of(eight, ActivityKind::BranchStarRating);  // a reference into `eight`
  EXPECT_EQ(part.units_done, part.units_total - 1);
  EXPECT_EQ(f.Of(PlanProgress(f.c, f.org, D("2018-04-25")), ActivityKind::BranchStarRating).units_done, 0);
}

}  // namespace zj
