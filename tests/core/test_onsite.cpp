// On-site meetings (看): eligible sites, the draw on a meeting, agenda and estimated end, speech timer.
#include <gtest/gtest.h>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {
using testtown::D;

namespace {
OnsiteMeeting AreaMeeting(const std::string& area) {
  OnsiteMeeting m;
  m.meta.id = "0000000000000001";
  m.scope = OnsiteScope::AreaVillages;
  m.area_id = area;
  m.date = D("2018-04-10");
  m.venue = "东湖村村委会";
  return m;
}
}  // namespace

TEST(Onsite, EligibleSitesPerAreaAndForTownUnits) {
  const Organization o = testtown::SmallTown();
  auto ids = [](const std::vector<DrawCandidate>& c) {
    std::vector<Id> v;
    for (const auto& x : c) v.push_back(x.id);
    return v;
  };
  EXPECT_EQ(ids(EligibleSites(AreaMeeting("a1"), o)), (std::vector<Id>{"v1", "v3", "v2"}));  // 东 < 南 < 西
  EXPECT_EQ(ids(EligibleSites(AreaMeeting("a2"), o)), (std::vector<Id>{"v5", "v4"}));        // 中 < 北
  OnsiteMeeting u;
  u.scope = OnsiteScope::TownUnits;
  EXPECT_EQ(EligibleSites(u, o).size(), 4u);
}

TEST(Onsite, CreateMeetingsOnePerAreaPlusTownUnits) {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(5);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  EXPECT_EQ(CreateOnsiteMeetings(c, o, ids, 0, "dev"), 3);
  EXPECT_EQ(CreateOnsiteMeetings(c, o, ids, 0, "dev"), 0);  // idempotent
  ASSERT_EQ(c.onsite_meetings.size(), 3u);
  EXPECT_EQ(c.onsite_meetings[0].area_id, "a1");
  EXPECT_EQ(c.onsite_meetings[2].scope, OnsiteScope::TownUnits);
  EXPECT_EQ(c.onsite_meetings[0].activity_id, FindActivity(c, ActivityKind::OnsiteVillage)->meta.id);
}

TEST(Onsite, DrawOnAMeeting) {
  const Organization o = testtown::SmallTown();
  OnsiteMeeting m;
  m.meta.id = "0000000000000002";
  m.scope = OnsiteScope::TownUnits;
  Problems p;
  EXPECT_FALSE(DrawSites(m, o, "123", 0, p));  // no pre-chosen site yet
  EXPECT_EQ(p.size(), 1u);
  m.preselected_branch_id = "v1";  // not a town unit
  p.clear();
  EXPECT_FALSE(DrawSites(m, o, "123", 0, p));
  EXPECT_EQ(p.size(), 1u);
  m.preselected_branch_id = "u2";
  p.clear();
  ASSERT_TRUE(DrawSites(m, o, "2018-04-12#31415", 1523500000000, p));
  EXPECT_TRUE(p.empty());
  ASSERT_TRUE(m.draw);
  EXPECT_EQ(m.draw->seed, "2018-04-12#31415");
  EXPECT_EQ(m.draw->candidates.size(), 3u);
  EXPECT_EQ(m.draw->drawn_at, 1523500000000);
  EXPECT_EQ(m.draw->preselected_id, "u2");
  EXPECT_TRUE(VerifyDraw(*m.draw));
  const auto sites = VisitSites(m);
  ASSERT_EQ(sites.size(), 3u);
  EXPECT_EQ(sites[0], "u2");
  // A second draw is refused: the record stays.
  const auto before = m.draw->picked_ids;
  p.clear();
  EXPECT_FALSE(DrawSites(m, o, "999", 0, p));
  EXPECT_EQ(m.draw->picked_ids, before);
}

TEST(Onsite, AgendaAndEstimatedEnd) {
  const Organization o = testtown::SmallTown();
  OnsiteMeeting m = AreaMeeting("a1");
  m.preselected_branch_id = "v1";
  Problems p;
  ASSERT_TRUE(DrawSites(m, o, "77", 0, p));
  const auto agenda = BuildAgenda(m, o);
  // 3 visits, 2 travels between sites, 1 travel to the venue, 3 speeches, 1 comment.
  ASSERT_EQ(agenda.size(), 10u);
  EXPECT_EQ(agenda[0].kind, AgendaItem::Kind::Visit);
  EXPECT_EQ(agenda[0].branch_id, "v1");
  EXPECT_EQ(agenda[0].start_minute, 8 * 60 + 30);
  // Speakers: the visited sites in visiting order, each at most 5 minutes, secretary named.
  std::vector<Id> speakers;
  for (const auto& a : agenda)
    if (a.kind == AgendaItem::Kind::Speech) {
      speakers.push_back(a.branch_id);
      EXPECT_EQ(a.end_minute - a.start_minute, 5);
    }
  EXPECT_EQ(speakers, VisitSites(m));
  EXPECT_EQ(agenda[6].person_id, "m11");
  EXPECT_EQ(agenda.back().kind, AgendaItem::Kind::Comment);
  // 08:30 + 3×30 visits + 3×15 travel = 10:45; speeches 3×5 + 2×1 = 17 -> 11:02; comments 20 -> 11:22.
  EXPECT_EQ(EstimatedEndMinute(m, o), 11 * 60 + 22);
  EXPECT_EQ(FormatMinutes(EstimatedEndMinute(m, o)), "11:22");
  // An explicit speaking order is used as given.
  m.speaker_branch_ids = {"v2", "v1"};
  EXPECT_EQ(EstimatedEndMinute(m, o), 10 * 60 + 45 + 11 + 20);
}

TEST(Onsite, ParticipantsOfAnAreaMeeting) {
  const Organization o = testtown::SmallTown();
  const auto p = OnsiteParticipants(AreaMeeting("a1"), o);
  EXPECT_EQ(p, (std::vector<Id>{"k_ch1", "k_gb1", "k_r1", "k_sec", "m11", "m12", "m21", "m31"}));
  OnsiteMeeting u;
  u.scope = OnsiteScope::TownUnits;
  EXPECT_EQ(OnsiteParticipants(u, o),
            (std::vector<Id>{"k_c1", "k_c2", "k_gb3", "k_sec", "mu1", "mu2", "mu3", "mu4"}));
}

TEST(SpeechTimer, StartPauseResumeOverrun) {
  SpeechTimer t;  // 5 minutes, last minute warning
  EXPECT_EQ(t.state(), SpeechTimer::State::Idle);
  EXPECT_EQ(t.Display(0), "05:00");
  t.Start(10'000);
  EXPECT_EQ(t.Elapsed(70'000), 60'000);
  EXPECT_EQ(t.Display(70'000), "04:00");
  EXPECT_EQ(t.Display(70'001), "04:00");  // rounds up while counting down
  EXPECT_FALSE(t.LastMinute(70'000));
  t.Pause(100'000);  // 90 s spoken
  EXPECT_EQ(t.state(), SpeechTimer::State::Paused);
  EXPECT_EQ(t.Elapsed(500'000), 90'000);  // paused time does not count
  t.Resume(500'000);
  EXPECT_EQ(t.Elapsed(650'000), 240'000);
  EXPECT_TRUE(t.LastMinute(650'000));
  EXPECT_EQ(t.Remaining(650'000), 60'000);
  EXPECT_FALSE(t.Overrun(710'000));  // exactly at the limit
  EXPECT_EQ(t.Display(710'000), "00:00");
  EXPECT_TRUE(t.Overrun(710'001));
  EXPECT_FALSE(t.LastMinute(710'001));
  EXPECT_EQ(t.Remaining(722'500), -12'500);
  EXPECT_EQ(t.Display(722'500), "+00:12");
  t.Stop(730'000);
  EXPECT_EQ(t.state(), SpeechTimer::State::Stopped);
  EXPECT_EQ(t.Elapsed(900'000), 320'000);
  t.Pause(1);  // no effect when stopped
  t.Resume(1);
  EXPECT_EQ(t.state(), SpeechTimer::State::Stopped);
  t.Start(1'000'000);  // next speaker
  EXPECT_EQ(t.Elapsed(1'000'500), 500);
  t.Reset();
  EXPECT_EQ(t.Elapsed(2'000'000), 0);
  SpeechTimer custom(3 * 60 * 1000, 30 * 1000);
  custom.Start(0);
  EXPECT_TRUE(custom.LastMinute(160'000));
  EXPECT_FALSE(custom.LastMinute(140'000));
}

}  // namespace zj
