// One calendar per person across lectures, on-site meetings and talks; overlaps are found.
#include <gtest/gtest.h>

#include <map>

#include "core/campaign/calendar.h"
#include "test_campaign_town.h"

namespace zj {
using testtown::D;

namespace {
CalendarEntry E(const Id& person, const Id& rec, int s, int e, const char* date = "2018-04-02") {
  CalendarEntry x;
  x.person_id = person;
  x.record_id = rec;
  x.date = D(date);
  x.start_minute = s;
  x.end_minute = e;
  return x;
}
}  // namespace

TEST(Calendar, OverlapsFoundAndTouchingIsFine) {
  std::vector<CalendarEntry> v = {E("p", "r1", 540, 600), E("p", "r2", 600, 630),  // touching: no conflict
                                  E("p", "r3", 590, 700),                          // overlaps r1 (10) and r2 (30)
                                  E("q", "r1", 540, 600), E("p", "r4", 540, 600, "2018-04-03")};
  const auto c = FindConflicts(v);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].person_id, "p");
  EXPECT_EQ(c[0].a.record_id, "r1");
  EXPECT_EQ(c[0].b.record_id, "r3");
  EXPECT_EQ(c[0].overlap_minutes, 10);
  EXPECT_EQ(c[1].a.record_id, "r3");  // a starts first
  EXPECT_EQ(c[1].b.record_id, "r2");
  EXPECT_EQ(c[1].overlap_minutes, 30);
  // A record listed twice for one person (e.g. lecturer and attendee) is not a conflict.
  EXPECT_TRUE(FindConflicts({E("p", "r1", 540, 600), E("p", "r1", 540, 600)}).empty());
  // Containment.
  const auto in = FindConflicts({E("p", "a", 480, 720), E("p", "b", 540, 560)});
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].overlap_minutes, 20);
}

TEST(Calendar, LecturesMeetingsAndTalksInOnePersonsCalendar) {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(21);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  // Party-building lecture on 03-28, 09:00–11:00, audience: secretaries and deputies.
  c.lectures[0].date = D("2018-03-28");
  c.lectures[0].start_minute = 9 * 60;
  c.lectures[0].duration_minutes = 120;
  c.lectures[0].lecturer_ids = {"k_l"};
  // Area 一片's on-site meeting the same day from 08:30 (ends 11:22 with 3 sites and 3 speakers).
  CreateOnsiteMeetings(c, o, ids, 0, "dev");
  OnsiteMeeting& m = c.onsite_meetings[0];
  ASSERT_EQ(m.area_id, "a1");
  m.date = D("2018-03-28");
  m.preselected_branch_id = "v1";
  Problems p;
  ASSERT_TRUE(DrawSites(m, o, "5", 0, p));
  // A talk of 王书记 with 张一 (m11) at 10:00 that day, and one of 李委员 with 林二 on another day.
  Talk t;
  t.meta.id = "00000000000000aa";
  t.pair = {TalkKind::SecretaryWithVillageSecretary, "k_sec", "m11", "v1"};
  t.planned_date = D("2018-03-28");
  t.planned_start_minute = 600;
  c.talks.push_back(t);
  Talk t2 = t;
  t2.meta.id = "00000000000000bb";
  t2.pair = {TalkKind::CommitteeWithTwoCommittees, "k_c2", "m42", "v4"};
  t2.planned_date = D("2018-03-29");
  c.talks.push_back(t2);

  const auto cal = BuildCalendar(c, o);
  const auto m11 = PersonCalendar(cal, "m11");
  ASSERT_EQ(m11.size(), 3u);  // meeting 08:30, lecture 09:00, talk 10:00
  EXPECT_EQ(m11[0].source, EntrySource::OnsiteMeeting);
  EXPECT_EQ(m11[0].end_minute, 11 * 60 + 22);
  EXPECT_EQ(m11[1].source, EntrySource::Lecture);
  EXPECT_EQ(m11[2].source, EntrySource::Talk);
  EXPECT_EQ(PersonCalendar(cal, "k_l").size(), 1u);
  EXPECT_EQ(PersonCalendar(cal, "m42").size(), 2u);  // the lecture (deputy) and the talk

  const auto conflicts = FindConflicts(cal);
  // m11: meeting×lecture, meeting×talk, lecture×talk. k_sec (town leader): meeting×talk.
  // m12 (deputy, area 一片): meeting×lecture. m21, m31: meeting×lecture.
  std::map<Id, int> per;
  for (const auto& x : conflicts) ++per[x.person_id];
  EXPECT_EQ(per, (std::map<Id, int>{{"k_sec", 1}, {"m11", 3}, {"m12", 1}, {"m21", 1}, {"m31", 1}}));
  for (const auto& x : conflicts)
    if (x.person_id == "m11" && x.a.source == EntrySource::Lecture) {
      EXPECT_EQ(x.b.source, EntrySource::Talk);
      EXPECT_EQ(x.overlap_minutes, 30);
    }
  // Recording the talk at another time moves it in the calendar.
  c.talks[0].record = TalkRecord{D("2018-03-30"), 600, "", {}, "", std::nullopt, {}, ""};
  std::map<Id, int> per2;
  for (const auto& x : FindConflicts(BuildCalendar(c, o))) ++per2[x.person_id];
  EXPECT_EQ(per2, (std::map<Id, int>{{"m11", 1}, {"m12", 1}, {"m21", 1}, {"m31", 1}}));
}

}  // namespace zj
