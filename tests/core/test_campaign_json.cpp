// CampaignToJson / CampaignFromJson: round trip of a full campaign; bad input reported with JSON paths.
#include <gtest/gtest.h>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {
using nlohmann::json;
using testtown::D;

namespace {

// A campaign with every kind of record filled in.
Campaign Full() {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(51);
  Campaign c = DefaultCampaign(2018, ids, 1521767523004, "dev-a");
  c.activities[0].status = ActivityStatus::Done;
  c.activities[0].done_on = D("2018-03-23");
  FindActivity(c, ActivityKind::MemberStarMeetings)->done_units.push_back({"v2", D("2018-03-27")});
  Lecture& l = c.lectures[0];
  l.date = D("2018-03-28");
  l.lecturer_ids = {"k_l"};
  l.attendee_ids = {"m11", "m12"};
  l.held = true;
  EnsureReflections(l, ids, 1521767523004, "dev-a");
  l.reflections[0].state = ReflectionState::Chosen;
  l.reflections[0].handed_in_on = D("2018-04-02");
  l.reflections[0].title = "学习体会";
  c.lectures[1].team.reset();
  CreateOnsiteMeetings(c, o, ids, 1521767523004, "dev-a");
  c.onsite_meetings[0].date = D("2018-04-10");
  c.onsite_meetings[0].venue = "东湖村村委会";
  c.onsite_meetings[0].preselected_branch_id = "v1";
  Problems p;
  DrawSites(c.onsite_meetings[0], o, "2018-04-10#8848", 1523330000123, p);
  c.onsite_meetings[0].speaker_branch_ids = {"v1", "v2", "v3"};
  c.onsite_meetings[0].times.comment_minutes = 25;
  c.onsite_meetings[0].held = true;
  c.onsite_meetings[0].notes = "点评要点";
  c.talk_schedule.deadline[0] = D("2018-04-13");
  c.talk_schedule.interviewers.push_back({"k_sec", {D("2018-04-02"), D("2018-04-03")}, 4});
  c.talk_schedule.interviewees.push_back({"m11", {D("2018-04-02")}});
  ScheduleCampaignTalks(c, o, ids, 1521767600000, "dev-b", p);
  c.talks[0].record = TalkRecord{D("2018-04-03"), 600, "村委会", {0, 2, 5}, "谈话要点\n第二行", Intention::Retire,
                                 {"m13"}, "王五 (不在名册)"};
  c.talk_topics.representative.push_back({"补充内容", "extra topic"});
  return c;
}

bool HasPath(const Problems& p, const std::string& path) {
  for (const auto& x : p)
    if (x.path == path) return true;
  return false;
}
std::string Dump(const Problems& p) {
  std::string s;
  for (const auto& x : p) s += x.path + ": " + x.message_zh + " | " + x.message_en + "\n";
  return s;
}

}  // namespace

TEST(CampaignJson, RoundTrip) {
  const Campaign c = Full();
  const json j = CampaignToJson(c);
  EXPECT_EQ(j["campaign_version"], 1);
  EXPECT_EQ(j["activities"][1]["deadline"], "2018-03-31");
  Problems p;
  const Campaign back = CampaignFromJson(json::parse(j.dump()), "/campaign", p);
  EXPECT_TRUE(p.empty()) << Dump(p);
  EXPECT_EQ(CampaignToJson(back), j);
  ASSERT_TRUE(back.onsite_meetings[0].draw);
  EXPECT_TRUE(VerifyDraw(*back.onsite_meetings[0].draw));
  EXPECT_EQ(back.talks[0].record->intention, Intention::Retire);
  EXPECT_EQ(back.talks[0].record->notes, "谈话要点\n第二行");
  EXPECT_EQ(back.talk_topics.representative.size(), 5u);
  EXPECT_FALSE(back.lectures[1].team);
  EXPECT_EQ(back.activities[0].meta.created, 1521767523004);
}

TEST(CampaignJson, EmptyObjectGivesDefaults) {
  Problems p;
  const Campaign c = CampaignFromJson(json{{"year", 2019}}, "/campaign", p);
  EXPECT_TRUE(p.empty()) << Dump(p);
  EXPECT_EQ(c.year, 2019);
  EXPECT_EQ(c.talk_topics.secretary.size(), 6u);
}

TEST(CampaignJson, BadInputReportedWithPaths) {
  json j = CampaignToJson(Full());
  j["activities"][1]["deadline"] = "2018-02-30";
  j["activities"][2]["participants"][0] = "mayor";
  j["activities"][3]["id"] = "XYZ";
  j["activities"][4]["id"] = j["activities"][5]["id"];
  j["lectures"][0]["start_minute"] = 2000;
  j["lectures"][0]["reflections"][0]["state"] = 3;
  j["onsite_meetings"][0]["draw"]["picked_ids"][0] = j["onsite_meetings"][0]["draw"]["candidates"][0]["id"];
  j["onsite_meetings"][0]["draw"]["picked_ids"][1] = "zz";
  j["talks"][0]["record"]["intention"] = "maybe";
  j["talks"][0]["record"]["topics_covered"] = {0, 9};
  j["talks"][1]["kind"] = "chat";
  j["talks"][2]["created"] = "yesterday";
  j["talk_schedule"]["interviewers"][0]["days"][1] = "04-03";
  j["talk_schedule"]["talk_minutes"] = "30";
  Problems p;
  const Campaign c = CampaignFromJson(j, "/campaign", p);
  const char* expected[] = {
      "/campaign/activities/1/deadline",
      "/campaign/activities/2/participants/0",
      "/campaign/activities/3/id",
      "/campaign/activities/5/id",  // duplicate of 4
      "/campaign/lectures/0/start_minute",
      "/campaign/lectures/0/reflections/0/state",
      "/campaign/onsite_meetings/0/draw/picked_ids/1",
      "/campaign/onsite_meetings/0/draw",  // does not verify any more
      "/campaign/talks/0/record/intention",
      "/campaign/talks/0/record/topics_covered/1",
      "/campaign/talks/1/kind",
      "/campaign/talks/2/created",
      "/campaign/talk_schedule/interviewers/0/days/1",
      "/campaign/talk_schedule/talk_minutes",
  };
  for (const char* path : expected) EXPECT_TRUE(HasPath(p, path)) << path << "\n" << Dump(p);
  for (const auto& x : p) {
    EXPECT_FALSE(x.message_zh.empty());
    EXPECT_FALSE(x.message_en.empty());
  }
  // Bad records are skipped, good ones kept; bad fields keep their defaults.
  EXPECT_EQ(c.activities.size(), 9u);  // 12 - bad date - bad id - duplicate
  EXPECT_EQ(c.lectures[0].start_minute, 9 * 60);
  EXPECT_EQ(c.talks.size(), Full().talks.size() - 1);  // the talk of unknown kind
  EXPECT_FALSE(c.talks[0].record->intention);
  EXPECT_EQ(c.talks[0].record->topics_covered, (std::vector<int>{0}));
  EXPECT_EQ(c.talk_schedule.talk_minutes, 30);
  EXPECT_EQ(c.talk_schedule.interviewers[0].days.size(), 1u);
}

TEST(CampaignJson, RefusesNewerVersionAndNonObjects) {
  Problems p;
  json j = CampaignToJson(Full());
  j["campaign_version"] = 7;
  const Campaign c = CampaignFromJson(j, "/campaign", p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/campaign/campaign_version");
  EXPECT_TRUE(c.activities.empty());
  EXPECT_EQ(c.year, 2018);
  p.clear();
  CampaignFromJson(json::array(), "/campaign", p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/campaign");
  p.clear();
  CampaignFromJson(json{{"year", "2018"}, {"activities", json::object()}}, "/campaign", p);
  EXPECT_TRUE(HasPath(p, "/campaign/year"));
  EXPECT_TRUE(HasPath(p, "/campaign/activities"));
  p.clear();
  CampaignFromJson(json{{"year", 2018}, {"talks", {{{"kind", "with_representative"}}}}}, "/campaign", p);
  EXPECT_TRUE(HasPath(p, "/campaign/talks/0/id"));
}

}  // namespace zj
