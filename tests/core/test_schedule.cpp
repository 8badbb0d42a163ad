// The talk scheduler: capacity, availability, deadlines, one talk a day per interviewee, grouping by village,
// explanations for what cannot fit.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {
using testtown::D;

namespace {

TalkPair P(const Id& iv, const Id& ie, const Id& branch, TalkKind k = TalkKind::CommitteeWithTwoCommittees) {
  return TalkPair{k, iv, ie, branch};
}

// Checks every hard constraint of schedule.h on a result.
void CheckInvariants(const std::vector<TalkPair>& pairs, Date from, Date to, const TalkScheduleSettings& s,
                     const ScheduleResult& r) {
  std::vector<int> seen(pairs.size(), 0);
  for (const auto& x : r.scheduled) ++seen.at(x.pair_index);
  for (const auto& x : r.unscheduled) {
    ++seen.at(x.pair_index);
    EXPECT_FALSE(x.reason_zh.empty());
    EXPECT_FALSE(x.reason_en.empty());
  }
  for (size_t i = 0; i < pairs.size(); ++i) EXPECT_EQ(seen[i], 1) << "pair " << i;
  std::map<std::pair<Id, int>, int> per_day;
  std::map<std::pair<Id, int>, std::set<int>> starts;
  std::set<std::pair<Id, int>> interviewee_day;
  for (const auto& x : r.scheduled) {
    const TalkPair& p = pairs[x.pair_index];
    EXPECT_GE(x.date, from);
    EXPECT_LE(x.date, to);
    const auto& dl = s.deadline[static_cast<int>(p.kind)];
    if (dl) {
      EXPECT_LE(x.date, *dl);
    }
    int cap = s.default_capacity;
    bool listed = false;
    for (const auto& a : s.interviewers)
      if (a.cadre_id == p.interviewer_id) {
        cap = a.daily_capacity;
        if (!a.days.empty()) {
          listed = true;
          EXPECT_NE(std::find(a.days.begin(), a.days.end(), x.date), a.days.end()) << "not an available day";
        }
        break;
      }
    if (!listed) {
      EXPECT_FALSE(x.date.IsWeekend());
    }
    const auto key = std::make_pair(p.interviewer_id, x.date.days);
    const int used = ++per_day[key];
    EXPECT_LE(used, cap) << "capacity of " << p.interviewer_id;
    const bool fresh = starts[key].insert(x.start_minute).second;
    EXPECT_TRUE(fresh) << "two talks at one time";
    EXPECT_EQ(x.end_minute - x.start_minute, s.talk_minutes);
    for (const auto& u : s.interviewees) {
      if (u.person_id == p.interviewee_id) {
        EXPECT_EQ(std::find(u.days.begin(), u.days.end(), x.date), u.days.end()) << "interviewee unavailable";
      }
    }
    const bool once = interviewee_day.insert(std::make_pair(p.interviewee_id, x.date.days)).second;
    EXPECT_TRUE(once) << "two talks a day";
  }
}

std::map<std::pair<Id, Id>, std::set<int>> DaysPerGroup(const std::vector<TalkPair>& pairs, const ScheduleResult& r) {
  std::map<std::pair<Id, Id>, std::set<int>> g;
  for (const auto& x : r.scheduled) g[{pairs[x.pair_index].interviewer_id, pairs[x.pair_index].branch_id}].insert(x.date.days);
  return g;
}

}  // namespace

TEST(Schedule, SmallTownAllPlacedAndGroupedByVillage) {
  const Organization o = testtown::SmallTown();
  Problems p;
  const auto pairs = GenerateTalkPairs(o, p);
  TalkScheduleSettings s;
  const Date from = D("2018-03-26"), to = D("2018-04-27");
  const auto r = ScheduleTalks(pairs, from, to, s);
  CheckInvariants(pairs, from, to, s, r);
  EXPECT_EQ(r.scheduled.size(), pairs.size());
  EXPECT_TRUE(r.unscheduled.empty());
  for (const auto& kv : DaysPerGroup(pairs, r)) EXPECT_EQ(kv.second.size(), 1u) << kv.first.first << " " << kv.first.second;
  // Consecutive slots from 08:30, 30 minutes each.
  for (const auto& x : r.scheduled) EXPECT_EQ((x.start_minute - 510) % 30, 0);
}

TEST(Schedule, CapacityIsRespected) {
  std::vector<TalkPair> pairs;
  for (int i = 0; i < 10; ++i) pairs.push_back(P("iv", "p" + std::to_string(i), "b" + std::to_string(i)));
  TalkScheduleSettings s;
  s.interviewers.push_back({"iv", {}, 3});
  // One working week (Mon 04-02 .. Sun 04-08: 5 weekdays x 3) holds all ten.
  auto r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-08"), s);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-08"), s, r);
  EXPECT_EQ(r.scheduled.size(), 10u);
  // Three weekdays hold nine; the tenth is explained.
  r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-04"), s);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-04"), s, r);
  EXPECT_EQ(r.scheduled.size(), 9u);
  ASSERT_EQ(r.unscheduled.size(), 1u);
  EXPECT_NE(r.unscheduled[0].reason_en.find("full"), std::string::npos) << r.unscheduled[0].reason_en;
  EXPECT_NE(r.unscheduled[0].reason_zh.find("排满"), std::string::npos);
}

TEST(Schedule, AvailabilityOfBothSidesIsRespected) {
  const std::vector<TalkPair> pairs = {P("iv", "x", "b1"), P("iv", "y", "b2"), P("iv", "z", "b3")};
  TalkScheduleSettings s;
  s.interviewers.push_back({"iv", {D("2018-04-05"), D("2018-04-03")}, 6});
  s.interviewees.push_back({"x", {D("2018-04-03")}});
  s.interviewees.push_back({"z", {D("2018-04-03"), D("2018-04-05")}});
  const auto r = ScheduleTalks(pairs, D("2018-04-01"), D("2018-04-30"), s);
  CheckInvariants(pairs, D("2018-04-01"), D("2018-04-30"), s, r);
  std::map<Id, Date> when;
  for (const auto& x : r.scheduled) when[pairs[x.pair_index].interviewee_id] = x.date;
  EXPECT_EQ(when.at("x"), D("2018-04-05"));
  EXPECT_EQ(when.at("y"), D("2018-04-03"));
  ASSERT_EQ(r.unscheduled.size(), 1u);
  EXPECT_EQ(r.unscheduled[0].pair_index, 2u);
  EXPECT_NE(r.unscheduled[0].reason_en.find("unavailable on all 2 days"), std::string::npos) << r.unscheduled[0].reason_en;
}

TEST(Schedule, DeadlinesAreRespected) {
  const Organization o = testtown::SmallTown();
  Problems p;
  const auto pairs = GenerateTalkPairs(o, p);
  TalkScheduleSettings s;
  s.deadline[0] = D("2018-03-30");  // secretary talks by Friday 03-30
  s.interviewers.push_back({"k_sec", {}, 1});
  // From Wednesday 03-28: three weekdays for four village secretaries at one a day.
  const Date from = D("2018-03-28"), to = D("2018-04-30");
  const auto r = ScheduleTalks(pairs, from, to, s);
  CheckInvariants(pairs, from, to, s, r);
  int k1 = 0;
  for (const auto& x : r.scheduled)
    if (pairs[x.pair_index].kind == TalkKind::SecretaryWithVillageSecretary) {
      ++k1;
      EXPECT_LE(x.date, D("2018-03-30"));
    }
  EXPECT_EQ(k1, 3);
  ASSERT_EQ(r.unscheduled.size(), 1u);
  EXPECT_EQ(pairs[r.unscheduled[0].pair_index].kind, TalkKind::SecretaryWithVillageSecretary);
  EXPECT_NE(r.unscheduled[0].reason_en.find("before the deadline are full"), std::string::npos);
  // A deadline before the window: explained.
  s.deadline[0] = D("2018-03-20");
  const auto r2 = ScheduleTalks(pairs, from, to, s);
  CheckInvariants(pairs, from, to, s, r2);
  EXPECT_EQ(r2.unscheduled.size(), 4u);
  EXPECT_NE(r2.unscheduled[0].reason_en.find("before the schedule starts"), std::string::npos);
}

TEST(Schedule, GroupStaysTogetherEvenIfLater) {
  // Three talks in one village; one interviewee is away on the first day: the whole group goes to day two.
  const std::vector<TalkPair> pairs = {P("iv", "a", "v"), P("iv", "b", "v"), P("iv", "c", "v")};
  TalkScheduleSettings s;
  s.interviewees.push_back({"b", {D("2018-04-02")}});
  const auto r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-06"), s);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-06"), s, r);
  ASSERT_EQ(r.scheduled.size(), 3u);
  for (const auto& x : r.scheduled) EXPECT_EQ(x.date, D("2018-04-03"));
  EXPECT_EQ(r.scheduled[0].start_minute, 510);
  EXPECT_EQ(r.scheduled[2].start_minute, 570);
}

TEST(Schedule, LargeGroupSplitOverFewestDays) {
  std::vector<TalkPair> pairs;
  for (int i = 0; i < 5; ++i) pairs.push_back(P("iv", "p" + std::to_string(i), "v"));
  TalkScheduleSettings s;
  s.interviewers.push_back({"iv", {}, 3});
  const auto r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-06"), s);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-06"), s, r);
  EXPECT_EQ(r.scheduled.size(), 5u);
  EXPECT_EQ(DaysPerGroup(pairs, r).at({"iv", "v"}).size(), 2u);
}

TEST(Schedule, OneTalkADayPerInterviewee) {
  const std::vector<TalkPair> pairs = {P("iv1", "x", "v", TalkKind::SecretaryWithVillageSecretary),
                                       P("iv2", "x", "v", TalkKind::WithRepresentative)};
  TalkScheduleSettings s;
  const auto r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-03"), s);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-03"), s, r);
  ASSERT_EQ(r.scheduled.size(), 2u);
  EXPECT_NE(r.scheduled[0].date, r.scheduled[1].date);
  // With a single day, the second is explained.
  const auto r1 = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-02"), s);
  ASSERT_EQ(r1.unscheduled.size(), 1u);
  EXPECT_NE(r1.unscheduled[0].reason_en.find("another talk"), std::string::npos);
}

TEST(Schedule, ExplainsNoAvailableDayAndBadSettings) {
  const std::vector<TalkPair> pairs = {P("iv", "x", "v")};
  TalkScheduleSettings s;
  // A weekend only: no weekday for an interviewer without a list.
  auto r = ScheduleTalks(pairs, D("2018-04-07"), D("2018-04-08"), s);
  ASSERT_EQ(r.unscheduled.size(), 1u);
  EXPECT_NE(r.unscheduled[0].reason_en.find("no available day"), std::string::npos);
  r = ScheduleTalks(pairs, D("2018-04-08"), D("2018-04-07"), s);
  ASSERT_EQ(r.unscheduled.size(), 1u);
  s.talk_minutes = 0;
  r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-07"), s);
  ASSERT_EQ(r.unscheduled.size(), 1u);
  EXPECT_TRUE(ScheduleTalks({}, D("2018-04-02"), D("2018-04-07"), TalkScheduleSettings{}).scheduled.empty());
}

TEST(Schedule, CampaignTalksScheduledAndApplied) {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(11);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  Problems p;
  auto cs = ScheduleCampaignTalks(c, o, ids, 10, "dev-b", p);
  EXPECT_EQ(c.talks.size(), 17u);
  EXPECT_EQ(cs.result.scheduled.size(), 17u);
  for (const auto& t : c.talks) {
    ASSERT_TRUE(t.planned_date);
    EXPECT_GE(*t.planned_date, D("2018-03-23"));
    EXPECT_LE(*t.planned_date, D("2018-04-30"));
    EXPECT_EQ(t.meta.updated, 10);
  }
  // Record one talk as held, reschedule: the held talk keeps its own data and is not rescheduled.
  c.talks[0].record = TalkRecord{D("2018-04-20"), 900, "村委会", {0, 1}, "", Intention::Stay, {}, ""};
  c.talks[0].planned_date = D("2018-04-20");
  c.talk_schedule.from = D("2018-04-02");
  cs = ScheduleCampaignTalks(c, o, ids, 20, "dev-b", p);
  EXPECT_EQ(cs.pairs.size(), 16u);
  EXPECT_EQ(c.talks[0].planned_date, D("2018-04-20"));
  for (size_t i = 1; i < c.talks.size(); ++i) EXPECT_GE(*c.talks[i].planned_date, D("2018-04-02"));
}


// Reported: with the default start and today in the middle of the window, every talk went before today, two of
// them onto the time of talks already held. Now nothing goes before today, a held talk keeps its interviewer's
// time and its interviewee's day, and a window that is over places nothing and changes nothing.
TEST(Schedule, NeverBeforeTodayNorOverAHeldTalk) {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(11);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  Problems p;
  ScheduleCampaignTalks(c, o, ids, 10, "dev-b", p);
  ASSERT_EQ(c.talks.size(), 17u);
  // Talk 0 was held this morning (Tuesday 2018-04-10) at 08:30, the first slot of the day.
  const Date today = D("2018-04-10");
  Talk& held = c.talks[0];
  held.record = TalkRecord{today, 8 * 60 + 30, "村委会", {0}, "", std::nullopt, {}, ""};
  const Id iv = held.pair.interviewer_id, ie = held.pair.interviewee_id;
  auto cs = ScheduleCampaignTalks(c, o, ids, 20, "dev-b", p, today);
  EXPECT_EQ(cs.from, today);
  EXPECT_EQ(cs.pairs.size(), 16u);
  EXPECT_EQ(cs.result.scheduled.size(), 16u);
  int same_day = 0;
  for (size_t i = 1; i < c.talks.size(); ++i) {
    const Talk& t = c.talks[i];
    ASSERT_TRUE(t.planned_date) << i;
    EXPECT_GE(*t.planned_date, today) << "talk " << i << " placed before today";
    if (*t.planned_date == today && t.pair.interviewer_id == iv) {
      ++same_day;
      const int a = t.planned_start_minute, b = a + t.duration_minutes;
      EXPECT_FALSE(a < 8 * 60 + 30 + 30 && 8 * 60 + 30 < b) << "talk " << i << " at " << a << " over the held talk";
    }
    if (t.pair.interviewee_id == ie) {
      EXPECT_NE(*t.planned_date, today) << "two talks of one person on a day";
    }
  }
  EXPECT_GT(same_day, 0) << "the interviewer's other talks still go on the day (after the held one)";
  EXPECT_EQ(held.record->held_on, today);

  // The window is over (it ended 04-30): nothing placed, no talk changed, each pair told why.
  const Campaign before = c;
  cs = ScheduleCampaignTalks(c, o, ids, 30, "dev-b", p, D("2018-05-02"));
  EXPECT_TRUE(cs.result.scheduled.empty());
  ASSERT_EQ(cs.result.unscheduled.size(), 16u);
  EXPECT_NE(cs.result.unscheduled[0].reason_zh.find("已过"), std::string::npos) << cs.result.unscheduled[0].reason_zh;
  for (size_t i = 0; i < c.talks.size(); ++i) {
    EXPECT_EQ(c.talks[i].planned_date, before.talks[i].planned_date);
    EXPECT_EQ(c.talks[i].meta.updated, before.talks[i].meta.updated);
  }
}

TEST(Schedule, HeldTalksKeepTheirSlotInTheScheduler) {
  TalkScheduleSettings s;
  s.default_capacity = 3;
  // k1 held a talk with "a" on Monday 04-02 at 09:00, the second slot of the day.
  const std::vector<TakenTalk> taken = {{"k1", "a", D("2018-04-02"), 9 * 60, 30}};
  // b and c fit beside it on Monday (capacity 3), on the slots around it: 08:30 and 09:30.
  std::vector<TalkPair> pairs = {P("k1", "b", "v1"), P("k1", "c", "v1")};
  auto r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-06"), s, taken);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-06"), s, r);
  ASSERT_EQ(r.scheduled.size(), 2u);
  EXPECT_EQ(r.scheduled[0].date, D("2018-04-02"));
  EXPECT_EQ(r.scheduled[1].date, D("2018-04-02"));
  EXPECT_EQ(r.scheduled[0].start_minute, 8 * 60 + 30);
  EXPECT_EQ(r.scheduled[1].start_minute, 9 * 60 + 30);
  // With "a" in the group the visit cannot be on Monday (a was talked to that day; capacity left 2 < 3): the
  // whole group goes on Tuesday, from the first slot.
  pairs.push_back(P("k1", "a", "v1"));
  r = ScheduleTalks(pairs, D("2018-04-02"), D("2018-04-06"), s, taken);
  CheckInvariants(pairs, D("2018-04-02"), D("2018-04-06"), s, r);
  ASSERT_EQ(r.scheduled.size(), 3u);
  for (const auto& x : r.scheduled) EXPECT_EQ(x.date, D("2018-04-03"));
}

}  // namespace zj
