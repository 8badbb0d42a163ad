// Commands of 学 看 谈 (core/campaign/commands_campaign.cpp): each effect, and the refusal of bad input (nothing
// changes: the saved document is byte-identical after a refused command). Plus the closing report
// (core/report/closing_report.cpp) and the demo's campaign records (core/demo/demo_campaign.cpp).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/report/closing_report.h"
#include "core/demo/demo.h"
#include "core/data/workspace.h"
#include "test_campaign_town.h"

namespace zj {
namespace {
using namespace testtown;
using nlohmann::json;

constexpr TimestampMs kNow = 1521532800000;  // 2018-03-20T08:00:00Z

struct Fixture {
  std::unique_ptr<Workspace> ws;
  Fixture() {
    IdGenerator ids(7);
    Dataset d;
    d.org = SmallTown();
    d.campaign = DefaultCampaign(2018, ids, kNow, "t");
    ws = std::make_unique<Workspace>(std::move(d), 11, "dev");
    RegisterBuiltinCommands(*ws);
  }
  const Dataset& data() const { return ws->data(); }
  ApplyResult Do(const std::string& name, json args) { return ws->Apply({name, std::move(args)}, kNow); }
  /// Applies a command that must be refused; checks that nothing changed and returns the problem.
  Problem Refused(const std::string& name, json args) {
    const std::string before = SaveDataset(data());
    ApplyResult r = Do(name, std::move(args));
    EXPECT_FALSE(r.ok) << name;
    EXPECT_FALSE(r.problem.message_zh.empty());
    EXPECT_FALSE(r.problem.message_en.empty());
    EXPECT_EQ(SaveDataset(data()), before) << "a refused " << name << " changed the dataset";
    return r.problem;
  }
  const Lecture& lecture(size_t i) const { return data().campaign.lectures[i]; }
  Id lid(size_t i) const { return lecture(i).meta.id; }
};

// ---- 学 ------------------------------------------------------------------------------------------

TEST(LectureCommands, UpdateSetsFieldsAndRefusesBadValues) {
  Fixture f;
  ASSERT_EQ(f.data().campaign.lectures.size(), 3u);  // the notice's three named lectures
  ASSERT_TRUE(f.Do("lecture.update", {{"id", f.lid(0)}, {"date", "2018-03-27"}, {"start_minute", 870},
                                      {"place", " 镇委党校 "}, {"team", "party_building"}, {"lecturer_ids", {"k_l"}},
                                      {"audience_roles", {"village_secretary", "village_deputy_secretary"}}}).ok);
  const Lecture& l = f.lecture(0);
  EXPECT_EQ(l.date->ToString(), "2018-03-27");
  EXPECT_EQ(l.start_minute, 870);
  EXPECT_EQ(l.place, "镇委党校");  // trimmed
  EXPECT_EQ(l.lecturer_ids, std::vector<Id>{"k_l"});
  // Audience from roles: the five village secretaries' branches minus v5 (no secretary) + deputies m12 m42 m51.
  EXPECT_EQ(LectureAudience(l, f.data().org), (std::vector<Id>{"m11", "m12", "m21", "m31", "m41", "m42", "m51"}));

  f.Refused("lecture.update", {{"id", f.lid(0)}, {"date", "2018-02-30"}});
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"team", "cooking"}});
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"theme_zh", "  "}});
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"start_minute", 1440}});
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"duration_minutes", 0}});
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"lecturer_ids", {"m11"}}});  // a member, not a cadre
  f.Refused("lecture.update", {{"id", f.lid(0)}, {"audience_roles", {"everyone"}}});
  Problem p = f.Refused("lecture.update", {{"id", "nope"}, {"place", "x"}});
  EXPECT_EQ(p.message_zh, "找不到该讲习");
  // A refused command after a good one: the good one stays, and can be undone.
  EXPECT_EQ(f.lecture(0).place, "镇委党校");
  EXPECT_TRUE(f.ws->Undo(kNow));
  EXPECT_EQ(f.lecture(0).place, "镇人社服务中心二楼 (镇委党校)");
}

TEST(LectureCommands, AddUpToFiveThenRefused) {
  Fixture f;
  ApplyResult r = f.Do("lecture.add", {{"theme_zh", "社会治理专题讲习"}, {"team", "social_governance"}});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(f.data().campaign.lectures.back().meta.id, r.created_id);
  ASSERT_TRUE(f.Do("lecture.add", {{"theme_zh", "扶贫工作专题讲习"}}).ok);
  EXPECT_EQ(f.data().campaign.lectures.size(), 5u);
  Problem p = f.Refused("lecture.add", {{"theme_zh", "第六次"}});
  EXPECT_NE(p.message_zh.find("最多5次"), std::string::npos);
  f.Refused("lecture.add", {{"theme_en", "no Chinese theme"}});  // (also refused below five)
  ASSERT_TRUE(f.Do("lecture.remove", {{"id", r.created_id}}).ok);
  EXPECT_EQ(f.data().campaign.lectures.size(), 4u);
  f.Refused("lecture.add", {{"place", "x"}});  // no theme
}

TEST(LectureCommands, HeldAttendanceAndReflections) {
  Fixture f;
  const Id id = f.lid(0);
  Problem p = f.Refused("lecture.set_held", {{"id", id}, {"held", true}});  // no date yet
  EXPECT_EQ(p.path, "/date");
  ASSERT_TRUE(f.Do("lecture.set_held", {{"id", id}, {"held", true}, {"date", "2018-03-27"}}).ok);
  EXPECT_TRUE(f.lecture(0).held);

  ASSERT_TRUE(f.Do("lecture.attend", {{"id", id}, {"person_ids", {"m11", "m21", "k_l"}}, {"present", true}}).ok);
  EXPECT_EQ(f.lecture(0).attendee_ids, (std::vector<Id>{"m11", "m21", "k_l"}));
  ASSERT_EQ(f.lecture(0).reflections.size(), 3u);  // one owed per attendee
  EXPECT_EQ(CountReflections(f.lecture(0)).owed, 3);
  f.Refused("lecture.attend", {{"id", id}, {"person_id", "ghost"}, {"present", true}});
  f.Refused("lecture.attend", {{"id", id}, {"person_id", "m11"}, {"present", "yes"}});
  f.Refused("lecture.remove", {{"id", id}});  // held: the record is evidence

  f.Refused("lecture.reflection", {{"id", id}, {"person_id", "m11"}, {"state", "handed_in"}});  // no date
  f.Refused("lecture.reflection", {{"id", id}, {"person_id", "m11"}, {"state", "lost"}, {"date", "2018-03-28"}});
  f.Refused("lecture.reflection", {{"id", id}, {"person_id", "m41"}, {"state", "owed"}});  // did not attend
  ASSERT_TRUE(f.Do("lecture.reflection", {{"id", id}, {"person_id", "m11"}, {"state", "handed_in"}, {"date", "2018-03-28"}}).ok);
  ASSERT_TRUE(f.Do("lecture.reflection", {{"id", id}, {"person_id", "m21"}, {"state", "chosen"}, {"date", "2018-03-29"},
                                          {"title", "学党章"}}).ok);
  ReflectionCounts rc = CountReflections(f.lecture(0));
  EXPECT_EQ(rc.owed, 1);
  EXPECT_EQ(rc.handed_in, 2);
  EXPECT_EQ(rc.chosen, 1);
  // Attendance of someone who handed in cannot be removed; of someone who owes it can (reflection goes too).
  Problem q = f.Refused("lecture.attend", {{"id", id}, {"person_id", "m11"}, {"present", false}});
  EXPECT_NE(q.message_zh.find("已交学习心得"), std::string::npos);
  ASSERT_TRUE(f.Do("lecture.attend", {{"id", id}, {"person_id", "k_l"}, {"present", false}}).ok);
  EXPECT_EQ(f.lecture(0).attendee_ids, (std::vector<Id>{"m11", "m21"}));
  EXPECT_EQ(f.lecture(0).reflections.size(), 2u);
}

// ---- 看 ------------------------------------------------------------------------------------------

TEST(OnsiteCommands, EnsureUpdateDrawOnceAndRefusals) {
  Fixture f;
  ASSERT_TRUE(f.Do("onsite.ensure", json::object()).ok);
  const auto& ms = f.data().campaign.onsite_meetings;
  ASSERT_EQ(ms.size(), 3u);  // 一片, 二片, town units
  ASSERT_TRUE(f.Do("onsite.ensure", json::object()).ok);
  EXPECT_EQ(f.data().campaign.onsite_meetings.size(), 3u);  // nothing added twice
  const Id units = ms[2].meta.id;
  EXPECT_EQ(ms[2].scope, OnsiteScope::TownUnits);

  f.Refused("onsite.draw", {{"id", units}, {"seed", "4711"}});                      // no pre-chosen site
  f.Refused("onsite.update", {{"id", units}, {"preselected_branch_id", "v1"}});     // a village, not a unit
  f.Refused("onsite.update", {{"id", units}, {"date", "28.03.2018"}});
  f.Refused("onsite.update", {{"id", units}, {"held", true}});                      // no date
  ASSERT_TRUE(f.Do("onsite.update", {{"id", units}, {"preselected_branch_id", "u2"}, {"venue", "镇政府会议室"},
                                     {"date", "2018-04-12"}, {"start_minute", 510}}).ok);
  f.Refused("onsite.draw", {{"id", units}, {"seed", "   "}});                       // empty seed
  ASSERT_TRUE(f.Do("onsite.draw", {{"id", units}, {"seed", " 2018-04-12#4711 "}}).ok);
  const OnsiteMeeting& m = f.data().campaign.onsite_meetings[2];
  ASSERT_TRUE(m.draw.has_value());
  EXPECT_EQ(m.draw->seed, "2018-04-12#4711");
  // Candidates: the other three units in byte order of their names.
  std::vector<DrawCandidate> cands = {{"u1", "镇财政所党支部"}, {"u3", "镇中心学校党支部"}, {"u4", "镇农技站党支部"}};
  SortCandidates(cands);
  ASSERT_EQ(m.draw->candidates.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(m.draw->candidates[i].id, cands[i].id);
  auto idx = DrawIndices("2018-04-12#4711", cands);
  ASSERT_EQ(m.draw->picked_ids.size(), 2u);
  EXPECT_EQ(m.draw->picked_ids[0], cands[idx[0]].id);
  EXPECT_EQ(m.draw->picked_ids[1], cands[idx[1]].id);
  EXPECT_TRUE(VerifyDraw(*m.draw));
  EXPECT_EQ(m.draw->drawn_at, kNow);

  Problem again = f.Refused("onsite.draw", {{"id", units}, {"seed", "1234"}});
  EXPECT_NE(again.message_zh.find("不能重抽"), std::string::npos);
  f.Refused("onsite.update", {{"id", units}, {"preselected_branch_id", "u3"}});  // fixed once drawn
  ASSERT_TRUE(f.Do("onsite.update", {{"id", units}, {"held", true}, {"notes", "点评：台账规范"}}).ok);
  EXPECT_TRUE(f.data().campaign.onsite_meetings[2].held);
  // The agenda: 3 visits (pre-chosen first), speeches of all four units, comments.
  auto agenda = BuildAgenda(f.data().campaign.onsite_meetings[2], f.data().org);
  EXPECT_EQ(agenda.front().branch_id, "u2");
}

// ---- 谈 ------------------------------------------------------------------------------------------

TEST(TalkCommands, ScheduleRecordAndRefusals) {
  Fixture f;
  f.Refused("talk.schedule", {{"from", "2018-04-30"}, {"to", "2018-03-23"}});
  f.Refused("talk.schedule", {{"from", "tomorrow"}});
  ASSERT_TRUE(f.Do("talk.schedule", {{"from", "2018-03-26"}, {"to", "2018-04-27"}}).ok);
  const auto& talks = f.data().campaign.talks;
  ASSERT_FALSE(talks.empty());
  int planned = 0;
  for (const Talk& t : talks) {
    if (!t.planned_date) continue;
    ++planned;
    EXPECT_GE(*t.planned_date, D("2018-03-26"));
    EXPECT_LE(*t.planned_date, D("2018-04-27"));
  }
  EXPECT_GT(planned, 0);
  EXPECT_EQ(f.data().campaign.talk_schedule.from->ToString(), "2018-03-26");

  // A representative talk has 4 topics (notice 四(三)三), a secretary talk 6.
  auto find = [&](TalkKind k) {
    for (const Talk& t : f.data().campaign.talks)
      if (t.pair.kind == k) return t.meta.id;
    return Id{};
  };
  const Id rep = find(TalkKind::WithRepresentative), sec = find(TalkKind::SecretaryWithVillageSecretary);
  ASSERT_FALSE(rep.empty());
  ASSERT_FALSE(sec.empty());
  f.Refused("talk.record", {{"id", rep}, {"topics_covered", {0, 1}}});                     // no date
  f.Refused("talk.record", {{"id", rep}, {"held_on", "2018-04-02"}, {"topics_covered", {0, 4}}});  // 4 out of range
  f.Refused("talk.record", {{"id", rep}, {"held_on", "2018-04-02"}, {"intention", "sideways"}});
  f.Refused("talk.record", {{"id", rep}, {"held_on", "2018-04-02"}, {"reserve_cadre_ids", {"nobody"}}});
  f.Refused("talk.record", {{"id", rep}, {"held_on", "2018-04-02"}, {"start_minute", -5}});
  f.Refused("talk.record", {{"id", "zzz"}, {"held_on", "2018-04-02"}});
  f.Refused("talk.clear_record", {{"id", sec}});  // nothing to clear yet

  ASSERT_TRUE(f.Do("talk.record", {{"id", sec}, {"held_on", "2018-04-02"}, {"start_minute", 570}, {"place", "东湖村委会"},
                                   {"topics_covered", {5, 0, 3}}, {"notes", "两委团结。\n问题：产业单一"},
                                   {"intention", "advance"}, {"reserve_cadre_ids", {"m13", "m13"}},
                                   {"reserve_cadre_note", "外出青年 张某"}}).ok);
  const Talk* t = nullptr;
  for (const Talk& x : f.data().campaign.talks)
    if (x.meta.id == sec) t = &x;
  ASSERT_TRUE(t && t->record);
  EXPECT_EQ(t->record->held_on.ToString(), "2018-04-02");
  EXPECT_EQ(t->record->topics_covered, (std::vector<int>{0, 3, 5}));
  EXPECT_EQ(t->record->intention, Intention::Advance);
  EXPECT_EQ(t->record->reserve_cadre_ids, std::vector<Id>{"m13"});
  EXPECT_EQ(t->record->notes, "两委团结。\n问题：产业单一");
  // The record survives a save and load.
  LoadResult lr = LoadDataset(SaveDataset(f.data()));
  EXPECT_TRUE(lr.ok) << (lr.problems.empty() ? "" : lr.problems.front().path + " " + lr.problems.front().message_zh);
  // A second talk.record edits the same record; clear removes it.
  ASSERT_TRUE(f.Do("talk.record", {{"id", sec}, {"intention", nullptr}}).ok);
  ASSERT_TRUE(f.Do("talk.clear_record", {{"id", sec}}).ok);
  for (const Talk& x : f.data().campaign.talks) {
    if (x.meta.id == sec) {
      EXPECT_FALSE(x.record.has_value());
    }
  }
}

// ---- 通报 and the demo ----------------------------------------------------------------------------

TEST(ClosingReport, CountsAndEscapesUserText) {
  Fixture f;
  ASSERT_TRUE(f.Do("lecture.update", {{"id", f.lid(0)}, {"place", "<script>alert('x')</script> & \"会场\""},
                                      {"date", "2018-03-27"}}).ok);
  ASSERT_TRUE(f.Do("lecture.set_held", {{"id", f.lid(0)}, {"held", true}}).ok);
  ASSERT_TRUE(f.Do("lecture.attend", {{"id", f.lid(0)}, {"person_ids", {"m11", "m12", "m21"}}, {"present", true}}).ok);
  ASSERT_TRUE(f.Do("lecture.reflection", {{"id", f.lid(0)}, {"person_id", "m12"}, {"state", "chosen"}, {"date", "2018-03-28"}}).ok);
  ASSERT_TRUE(f.Do("talk.schedule", json::object()).ok);
  ASSERT_TRUE(f.Do("onsite.ensure", json::object()).ok);

  ClosingReport r = BuildClosingReport(f.data(), D("2018-04-02"));
  ASSERT_EQ(r.lectures.size(), 3u);
  EXPECT_TRUE(r.lectures[0].held);
  EXPECT_EQ(r.lectures[0].attendance.attended, 3);
  EXPECT_EQ(r.lectures[0].reflections.chosen, 1);
  ASSERT_EQ(r.branches.size(), 9u);
  EXPECT_EQ(r.branches[0].name, "东湖村党支部");
  EXPECT_EQ(r.branches[0].lecture_attendees, 2);  // m11, m12
  EXPECT_EQ(r.branches[0].reflections_chosen, 1);
  EXPECT_EQ(r.branches[0].area, "一片");
  EXPECT_EQ(r.areas.size(), 2u);
  EXPECT_EQ(r.meetings.size(), 3u);
  // On 04-02 the two lectures due 03-31 are past: lecture 1 is held (done), lecture 2 overdue by 2 days.
  bool fire_overdue = false;
  for (const auto& x : r.overdue) fire_overdue = fire_overdue || (x.title == "消防和财务知识专题培训" && x.days_left == -2);
  EXPECT_TRUE(fire_overdue);

  const std::string html = ClosingReportHtml(r);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;会场&quot;"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_NE(html.find("东湖村党支部"), std::string::npos);
  EXPECT_NE(html.find("已逾期 2 天"), std::string::npos);
  EXPECT_EQ(ClosingReportFileName(r), "渔洋镇-整建月通报-2018-04-02.html");
}

TEST(TalkCommands, ScheduleFromTodayAndRefusedWhenTheWindowIsOver) {
  Fixture f;
  ASSERT_TRUE(f.Do("talk.schedule", {{"today", "2018-04-10"}}).ok);
  for (const Talk& t : f.data().campaign.talks) {
    ASSERT_TRUE(t.planned_date);
    EXPECT_GE(*t.planned_date, D("2018-04-10"));
  }
  const Problem p = f.Refused("talk.schedule", {{"today", "2018-05-02"}});
  EXPECT_EQ(p.path, "/to");
  EXPECT_NE(p.message_zh.find("2018-04-30 已过"), std::string::npos) << p.message_zh;
}

TEST(DemoCampaign, LecturesMeetingsAndTalksToShow) {
  Dataset d = MakeDemoDataset(2018, 2026);
  const Campaign& c = d.campaign;
  ASSERT_EQ(c.lectures.size(), 3u);
  EXPECT_TRUE(c.lectures[0].held);
  EXPECT_EQ(c.lectures[0].date->ToString(), "2026-03-24");
  EXPECT_FALSE(c.lectures[0].attendee_ids.empty());
  EXPECT_GT(CountReflections(c.lectures[0]).chosen, 0);
  EXPECT_FALSE(c.lectures[1].held);
  ASSERT_EQ(c.onsite_meetings.size(), 3u);
  for (const auto& m : c.onsite_meetings) {
    EXPECT_FALSE(m.preselected_branch_id.empty());
    EXPECT_FALSE(m.draw.has_value());  // drawn live at the meeting
    EXPECT_TRUE(m.date.has_value());
  }
  int recorded = 0;
  for (const auto& t : c.talks) recorded += t.record ? 1 : 0;
  EXPECT_EQ(recorded, 3);
  EXPECT_GT(c.talks.size(), 20u);
  // The demo still loads cleanly.
  LoadResult lr = LoadDataset(SaveDataset(d));
  EXPECT_TRUE(lr.ok) << (lr.problems.empty() ? "" : lr.problems.front().path + " " + lr.problems.front().message_zh);
}

}  // namespace
}  // namespace zj
