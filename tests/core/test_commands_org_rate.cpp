// Commands of the 组织 and 评 screens (commands_org.cpp, commands_rate.cpp) and the notice boards page
// (boards.h): each command's effect, its refusal of bad input (nothing changes), undo; the boards' content
// and escaping.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/report/boards.h"
#include "core/campaign/onsite.h"
#include "core/org/commands_org.h"
#include "core/demo/demo.h"
#include "core/base/encoding.h"
#include "core/data/workspace.h"
#include "tests/core/test_helpers_org.h"

namespace zj {
namespace {
using json = nlohmann::json;
using testing_org::kNow;
using testing_org::Testdata;
using testing_org::TestdataTown;

struct Ws {
  Workspace ws;
  explicit Ws(Dataset d) : ws(std::move(d), 42, "test") {}
  ApplyResult Do(const std::string& name, json args) { return ws.Apply({name, std::move(args)}, kNow); }
  const Dataset& d() const { return ws.data(); }
  /// Applies a command that must be refused and checks nothing changed.
  Problem Refused(const std::string& name, json args) {
    const std::string before = SaveDataset(ws.data());
    const uint64_t rev = ws.revision();
    ApplyResult r = Do(name, std::move(args));
    EXPECT_FALSE(r.ok) << name;
    EXPECT_FALSE(r.problem.message_zh.empty()) << name;
    EXPECT_EQ(SaveDataset(ws.data()), before) << name;
    EXPECT_EQ(ws.revision(), rev) << name;
    return r.problem;
  }
};

Ws Town() {
  IdGenerator ids(1);
  return Ws(TestdataTown(ids));
}

TEST(OrgCommands, TreeAddEditMoveRemove) {
  Ws w = Town();
  ASSERT_TRUE(w.Do("area.add", {{"name", "三片"}}).ok);
  const Id area = w.d().org.areas.back().meta.id;
  w.Refused("area.add", {{"name", "三片"}});   // duplicate
  w.Refused("area.add", {{"name", "  "}});     // empty
  w.Refused("area.add", json::object());
  ApplyResult g = w.Do("general_branch.add", {{"name", "第三党总支"}, {"area_id", area}});
  ASSERT_TRUE(g.ok);
  w.Refused("general_branch.add", {{"name", "第四党总支"}, {"area_id", "nope"}});
  ApplyResult b = w.Do("branch.add", {{"name", "青山村党支部"}, {"kind", "village"}, {"general_branch_id", g.created_id}});
  ASSERT_TRUE(b.ok);
  w.Refused("branch.add", {{"name", "青山村党支部"}, {"kind", "village"}});        // duplicate name
  w.Refused("branch.add", {{"name", "X党支部"}, {"kind", "castle"}});               // bad kind
  w.Refused("branch.update", {{"id", b.created_id}, {"last_year_target_rank", 0}}); // rank >= 1
  // Edit: kind, rank, focus flag; move to another general branch.
  const Id gb1 = w.d().org.general_branches[0].meta.id;
  ASSERT_TRUE(w.Do("branch.update", {{"id", b.created_id}, {"kind", "community"}, {"last_year_target_rank", 7},
                                     {"focus_object", true}, {"general_branch_id", gb1}}).ok);
  const Branch& br = w.d().org.branches.back();
  EXPECT_EQ(br.kind, BranchKind::Community);
  EXPECT_EQ(br.last_year_target_rank, 7);
  EXPECT_TRUE(br.focus_object);
  EXPECT_EQ(br.general_branch_id, gb1);
  // A general branch moves to another area.
  ASSERT_TRUE(w.Do("general_branch.update", {{"id", g.created_id}, {"area_id", w.d().org.areas[0].meta.id}}).ok);
  EXPECT_EQ(w.d().org.general_branches.back().area_id, w.d().org.areas[0].meta.id);
  // Removal refused while something hangs below; allowed once empty.
  w.Refused("general_branch.remove", {{"id", gb1}});
  ASSERT_TRUE(w.Do("member.add", {{"name", "赵一"}, {"branch_id", b.created_id}}).ok);
  Problem p = w.Refused("branch.remove", {{"id", b.created_id}});
  EXPECT_NE(p.message_zh.find("1 名党员"), std::string::npos);
  ASSERT_TRUE(w.Do("member.remove", {{"id", w.d().org.members.back().meta.id}}).ok);
  ASSERT_TRUE(w.Do("branch.remove", {{"id", b.created_id}}).ok);
  ASSERT_TRUE(w.Do("general_branch.remove", {{"id", g.created_id}}).ok);
  ASSERT_TRUE(w.Do("area.remove", {{"id", area}}).ok);
  EXPECT_EQ(w.d().org.areas.size(), 2u);
  // Undo brings the area back.
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_EQ(w.d().org.areas.size(), 3u);
}

// branch.merge (合并党支部): the demo town's branches, counted here before the merge; a branch that an on-site
// meeting names is refused; undo gives back the dataset byte for byte.
TEST(OrgCommands, BranchMergeMovesMembersThenRemovesTheBranch) {
  Ws w(MakeDemoDataset(2018, 2026));
  const Dataset& d = w.d();
  // A branch no on-site meeting names, and another one to merge it into.
  Id from, into;
  for (const Branch& b : d.org.branches) {
    if (PreviewBranchMerge(d, b.meta.id, d.org.branches[0].meta.id).problem) continue;
    if (b.meta.id == d.org.branches[0].meta.id) continue;
    from = b.meta.id;
    break;
  }
  into = d.org.branches[0].meta.id;
  // Pick the merge partner so that `into` is one the same meetings allow as a target (any branch may be).
  ASSERT_FALSE(from.empty()) << "the demo has a branch no on-site meeting names";
  int members = 0, in_into = 0, talks = 0, assessments = 0, history = 0;
  for (const Member& m : d.org.members) members += m.branch_id == from, in_into += m.branch_id == into;
  for (const Talk& t : d.campaign.talks) talks += t.pair.branch_id == from;
  for (const BranchAssessment& a : d.branch_rating.assessments) assessments += a.branch_id == from;
  for (const BranchStarRecord& r : d.branch_rating.history) history += r.branch_id == from;
  ASSERT_GT(members, 0);
  const BranchMergePreview p = PreviewBranchMerge(d, from, into);
  EXPECT_FALSE(p.problem);
  EXPECT_EQ(p.members, members);
  EXPECT_EQ(p.talks, talks);
  EXPECT_EQ(p.assessments, assessments);
  EXPECT_EQ(p.star_records, history);
  const size_t branches = d.org.branches.size();
  const std::string before = SaveDataset(d);
  // branch.remove is refused while members are in it; branch.merge moves them first.
  w.Refused("branch.remove", {{"id", from}});
  w.Refused("branch.merge", {{"id", from}, {"into_id", from}});
  w.Refused("branch.merge", {{"id", from}, {"into_id", "nope"}});
  ASSERT_TRUE(w.Do("branch.merge", {{"id", from}, {"into_id", into}}).ok);
  EXPECT_EQ(w.d().org.branches.size(), branches - 1);
  EXPECT_EQ(FindBranch(w.d().org, from), -1);
  int now_in_into = 0;
  for (const Member& m : w.d().org.members) {
    EXPECT_NE(m.branch_id, from);
    now_in_into += m.branch_id == into;
  }
  EXPECT_EQ(now_in_into, in_into + members);
  for (const Talk& t : w.d().campaign.talks) EXPECT_NE(t.pair.branch_id, from);
  for (const Cadre& c : w.d().org.cadres)
    EXPECT_EQ(std::count(c.linked_branch_ids.begin(), c.linked_branch_ids.end(), from), 0);
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_EQ(SaveDataset(w.d()), before);
}

TEST(OrgCommands, BranchMergeRefusedForABranchAnOnsiteMeetingNames) {
  Ws w(MakeDemoDataset(2018, 2026));
  const Dataset& d = w.d();
  ASSERT_FALSE(d.campaign.onsite_meetings.empty());
  // The pre-chosen site of an on-site meeting (现场观摩会参观点, notice 四(二)) cannot be merged away.
  const OnsiteMeeting& m = d.campaign.onsite_meetings[0];
  const std::vector<DrawCandidate> sites = EligibleSites(m, d.org);
  ASSERT_FALSE(sites.empty());
  const Id site = sites[0].id;
  ASSERT_TRUE(w.Do("onsite.update", {{"id", m.meta.id}, {"preselected_branch_id", site}}).ok);
  Id other;
  for (const Branch& b : w.d().org.branches)
    if (b.meta.id != site) other = b.meta.id;
  const BranchMergePreview p = PreviewBranchMerge(w.d(), site, other);
  ASSERT_TRUE(p.problem);
  EXPECT_NE(p.problem->message_zh.find("现场观摩会"), std::string::npos);
  w.Refused("branch.merge", {{"id", site}, {"into_id", other}});
}

TEST(OrgCommands, FocusRuleFlagsBottomRanks) {
  Ws w = Town();
  int rank = 1;
  for (const Branch& b : std::vector<Branch>(w.d().org.branches))
    ASSERT_TRUE(w.Do("branch.update", {{"id", b.meta.id}, {"last_year_target_rank", rank++}}).ok);
  ASSERT_TRUE(w.Do("org.focus_rule", {{"mode", "bottom_count"}, {"count", 2}}).ok);
  // Ranks 5 and 6 of six: 稻香村, 镇财政所.
  std::vector<std::string> flagged;
  for (const Branch& b : w.d().org.branches)
    if (b.focus_object) flagged.push_back(b.name);
  EXPECT_EQ(flagged, (std::vector<std::string>{"稻香村党支部", "镇财政所党支部"}));
  w.Refused("org.focus_rule", {{"mode", "bottom_percent"}, {"percent", 101}});
  w.Refused("org.focus_rule", {{"mode", "worst"}});
}

TEST(OrgCommands, MemberPostsStatusAndExemptions) {
  Ws w = Town();
  const Id b = w.d().org.branches[0].meta.id;
  const Id m = w.Do("member.add", {{"name", "钱二"}, {"branch_id", b}}).created_id;
  ASSERT_TRUE(w.Do("member.set_posts", {{"id", m}, {"posts", {"secretary", "village_director"}}, {"other_posts", "妇女主任"}}).ok);
  EXPECT_EQ(w.d().org.members[0].posts, (std::vector<Post>{Post::Secretary, Post::VillageDirector}));
  EXPECT_EQ(w.d().org.members[0].other_posts, "妇女主任");
  w.Refused("member.set_posts", {{"id", m}, {"posts", {"king"}}});
  w.Refused("member.set_posts", {{"id", "nobody"}, {"posts", json::array()}});
  ASSERT_TRUE(w.Do("member.set_status", {{"id", m}, {"status", "probationary"}}).ok);
  EXPECT_EQ(w.d().org.members[0].status, MemberStatus::Probationary);
  w.Refused("member.set_status", {{"id", m}, {"status", "honorary"}});

  ASSERT_TRUE(w.Do("exemption.add", {{"member_id", m}, {"year", 2018}, {"reason", "长期外出务工"}, {"approved_on", "2018-03-01"}}).ok);
  ASSERT_EQ(w.d().member_stars.exemptions.size(), 1u);
  w.Refused("exemption.add", {{"member_id", m}, {"year", 2018}, {"reason", "再次"}, {"approved_on", "2018-03-01"}});  // twice
  w.Refused("exemption.add", {{"member_id", m}, {"year", 2019}, {"reason", ""}, {"approved_on", "2018-03-01"}});     // no reason
  w.Refused("exemption.add", {{"member_id", m}, {"year", 2019}, {"reason", "x"}, {"approved_on", "2018-02-30"}});    // bad date
  ASSERT_TRUE(w.Do("exemption.remove", {{"id", w.d().member_stars.exemptions[0].meta.id}}).ok);
  EXPECT_TRUE(w.d().member_stars.exemptions.empty());
}

TEST(OrgCommands, Cadres) {
  Ws w = Town();
  const Id b = w.d().org.branches[1].meta.id;
  ApplyResult c = w.Do("cadre.add", {{"name", "向东海"}, {"title", "镇党委副书记"}, {"roles", {"committee_member", "lecturer"}},
                                     {"linked_branch_ids", {b}}, {"lecture_teams", {"party_building"}}});
  ASSERT_TRUE(c.ok);
  const Cadre& x = w.d().org.cadres.back();
  EXPECT_EQ(x.roles, (std::vector<CadreRole>{CadreRole::CommitteeMember, CadreRole::Lecturer}));
  EXPECT_EQ(x.linked_branch_ids, std::vector<Id>{b});
  EXPECT_EQ(x.lecture_teams, std::vector<LectureTeam>{LectureTeam::PartyBuilding});
  w.Refused("cadre.add", {{"name", "A"}, {"roles", {"emperor"}}});
  w.Refused("cadre.update", {{"id", c.created_id}, {"linked_branch_ids", {"nope"}}});
  w.Refused("cadre.update", {{"id", c.created_id}, {"lecture_teams", {"music"}}});
  // 片长 of an area: the reference is cleared when the cadre goes.
  const Id area = w.d().org.areas[0].meta.id;
  ASSERT_TRUE(w.Do("area.update", {{"id", area}, {"chief_cadre_id", c.created_id}}).ok);
  w.Refused("area.update", {{"id", area}, {"chief_cadre_id", "nobody"}});
  ASSERT_TRUE(w.Do("cadre.remove", {{"id", c.created_id}}).ok);
  EXPECT_TRUE(w.d().org.areas[0].chief_cadre_id.empty());
}

TEST(OrgCommands, RosterImportOneStepUndoAndRefusal) {
  Ws w = Town();
  // The GBK file as the shell passes it: decoded to UTF-8 by core's DecodeText.
  DecodedText t = DecodeText(Testdata("roster-gbk.csv"));
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.encoding, TextEncoding::Gb18030);
  // Wrong expectation (the preview the user saw differs): refused, nothing changes.
  w.Refused("roster.import", {{"text", t.text}, {"file", "roster-gbk.csv"}, {"expect", {{"imported", 3}, {"updated", 0}}}});
  ApplyResult r = w.Do("roster.import", {{"text", t.text}, {"file", "roster-gbk.csv"}, {"expect", {{"imported", 120}, {"updated", 0}}}});
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(w.d().org.members.size(), 120u);
  // The audit keeps the file name and counts, never the text with its ID numbers.
  const AuditEntry& a = w.ws.audit().back();
  EXPECT_EQ(a.command, "roster.import");
  EXPECT_FALSE(a.args.contains("text"));
  EXPECT_EQ(a.args["imported"], 120);
  EXPECT_EQ(a.args["file"], "roster-gbk.csv");
  // The same file again: every row unchanged -> nothing to import, refused without change.
  w.Refused("roster.import", {{"text", t.text}});
  // A file refused as a whole (a quote never closed): nothing changes, the reason says why.
  Problem p = w.Refused("roster.import", {{"text", "姓名,公民身份号码,所在党支部\n\"张三,1,东湖村\n"}});
  EXPECT_NE(p.message_zh.find("未做任何改动"), std::string::npos);
  w.Refused("roster.import", {{"text", "no,header\n1,2\n"}});   // required columns missing
  w.Refused("roster.import", json::object());
  // Undo takes the whole import back in one step.
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_EQ(w.d().org.members.size(), 0u);
}

TEST(RateCommands, RecordPointsAndCrossTheThreeStarLineAtNinety) {
  Ws w = Town();
  const Id b = w.d().org.branches[0].meta.id;
  const Id m = w.Do("member.add", {{"name", "孙三"}, {"branch_id", b}}).created_id;
  auto item = [&](const char* code) {
    for (const PointItem& it : w.d().points.catalogue.items)
      if (it.code == code) return it.meta.id;
    return Id();
  };
  auto total = [&] { return ComputeYearTotals(w.d().org, w.d().points, 2018).members[0].total; };
  auto stars = [&] { return RateMembers(w.d().org, w.d().points, w.d().member_stars, 2018).rated[0].stars; };
  // By hand: B01 30 (its cap) + B03 24 + B02 12 + R02 10 + R03 10 + B04 2 = 88 -> 二星.
  for (auto [code, pts] : std::vector<std::pair<const char*, double>>{{"B01", 30}, {"B03", 24}, {"B02", 12}, {"R02", 10}, {"R03", 10}, {"B04", 2}})
    ASSERT_TRUE(w.Do("points.record", {{"member_id", m}, {"item_id", item(code)}, {"date", "2018-03-10"}, {"points", pts}}).ok) << code;
  EXPECT_EQ(total(), 880);
  EXPECT_EQ(stars(), 2);
  // B06 is worth 0.5 by default (no points given): 88.5, 89, 89.5 stay 二星; the fourth makes 90.0 -> 三星.
  for (int k = 0; k < 3; ++k) ASSERT_TRUE(w.Do("points.record", {{"member_id", m}, {"item_id", item("B06")}, {"date", "2018-04-02"}}).ok);
  EXPECT_EQ(total(), 895);
  EXPECT_EQ(stars(), 2);
  ASSERT_TRUE(w.Do("points.record", {{"member_id", m}, {"item_id", item("B06")}, {"date", "2018-04-03"}}).ok);
  EXPECT_EQ(total(), 900);
  EXPECT_EQ(stars(), 3);
  // Undo the last entry: back under the line.
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_EQ(stars(), 2);

  // Refusals: unknown member/item, bad date, bad precision, wrong sign, above the cap, zero.
  w.Refused("points.record", {{"member_id", "x"}, {"item_id", item("B01")}, {"date", "2018-03-10"}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", "x"}, {"date", "2018-03-10"}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("B01")}, {"date", "2018-13-01"}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("B01")}, {"date", "2018-03-10"}, {"points", 0.25}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("B01")}, {"date", "2018-03-10"}, {"points", -2}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("D01")}, {"date", "2018-03-10"}, {"points", 5}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("B01")}, {"date", "2018-03-10"}, {"points", 31}});
  w.Refused("points.record", {{"member_id", m}, {"item_id", item("B01")}, {"date", "2018-03-10"}, {"points", "0"}});
  // Remove an entry.
  const size_t n = w.d().points.entries.size();
  ASSERT_TRUE(w.Do("points.remove", {{"id", w.d().points.entries.back().meta.id}}).ok);
  EXPECT_EQ(w.d().points.entries.size(), n - 1);
  w.Refused("points.remove", {{"id", "gone"}});
}

TEST(RateCommands, RecordManyIsOneStep) {
  Ws w = Town();
  const Id b = w.d().org.branches[0].meta.id;
  std::vector<Id> ms;
  for (int i = 0; i < 40; ++i) ms.push_back(w.Do("member.add", {{"name", "党员" + std::to_string(i)}, {"branch_id", b}}).created_id);
  const Id b01 = w.d().points.catalogue.items[0].meta.id;
  const uint64_t rev = w.ws.revision();
  ASSERT_TRUE(w.Do("points.record_many", {{"member_ids", ms}, {"item_id", b01}, {"date", "2018-03-23"}}).ok);
  EXPECT_EQ(w.d().points.entries.size(), 40u);
  EXPECT_EQ(w.ws.revision(), rev + 1);
  std::vector<Id> bad = ms;
  bad.push_back("ghost");
  w.Refused("points.record_many", {{"member_ids", bad}, {"item_id", b01}, {"date", "2018-03-23"}});
  w.Refused("points.record_many", {{"member_ids", json::array()}, {"item_id", b01}, {"date", "2018-03-23"}});
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_TRUE(w.d().points.entries.empty());
}

TEST(RateCommands, AssessmentTargetAndPublishWithMoves) {
  Ws w = Town();
  const auto& rubric = w.d().branch_rating.rubric.items;
  ASSERT_EQ(rubric.size(), 6u);
  const Id b = w.d().org.branches[0].meta.id;
  // Full marks on the rubric (100%) and target 80: (100*50 + 80*50)/100 = 90.0 -> 三星.
  json scores = json::object();
  for (const RubricItem& it : rubric) scores[it.meta.id] = static_cast<double>(it.max_points) / 10;
  ASSERT_TRUE(w.Do("assessment.set", {{"branch_id", b}, {"year", 2018}, {"scores", scores}, {"target_score", 80}}).ok);
  ASSERT_EQ(w.d().branch_rating.assessments.size(), 1u);
  BranchRatingResult r = RateBranches(w.d().org, w.d().branch_rating, 2018);
  ASSERT_EQ(r.ranked.size(), 1u);
  EXPECT_EQ(r.ranked[0].score, 900);
  EXPECT_EQ(r.ranked[0].stars, 3);
  // Update in place: target 79.8 -> (100 + 79.8)/2 = 89.9 -> 二星.
  ASSERT_TRUE(w.Do("assessment.set", {{"branch_id", b}, {"year", 2018}, {"target_score", "79.8"}}).ok);
  EXPECT_EQ(w.d().branch_rating.assessments.size(), 1u);
  EXPECT_EQ(RateBranches(w.d().org, w.d().branch_rating, 2018).ranked[0].stars, 2);
  w.Refused("assessment.set", {{"branch_id", b}, {"year", 2018}, {"target_score", 101}});
  w.Refused("assessment.set", {{"branch_id", b}, {"year", 2018}, {"scores", {{rubric[0].meta.id, 21}}}});  // K1 max 20
  w.Refused("assessment.set", {{"branch_id", b}, {"year", 2018}, {"scores", {{"nope", 1}}}});
  w.Refused("assessment.set", {{"branch_id", "nope"}, {"year", 2018}});
  w.Refused("branch_rating.weights", {{"rubric", 0}, {"target", 0}});
  // Publish 2017 as three stars, then 2018 (二星): the move is down.
  ASSERT_TRUE(w.Do("assessment.set", {{"branch_id", b}, {"year", 2017}, {"scores", scores}, {"target_score", 95}}).ok);
  ASSERT_TRUE(w.Do("branch_rating.publish", {{"year", 2017}, {"published_on", "2017-12-28"}}).ok);
  ASSERT_TRUE(w.Do("branch_rating.publish", {{"year", 2018}, {"published_on", "2018-12-28"}}).ok);
  EXPECT_EQ(w.d().branch_rating.history.size(), 2u);
  EXPECT_EQ(RateBranches(w.d().org, w.d().branch_rating, 2018).ranked[0].move, StarMove::Down);
  w.Refused("branch_rating.publish", {{"year", 2019}, {"published_on", "2019-12-28"}});  // nothing to rate
  w.Refused("branch_rating.publish", {{"year", 2018}, {"published_on", "soon"}});
}

TEST(Boards, BothBoardsOneFormatEscaped) {
  Dataset d = MakeDemoDataset(2018, 2018);
  d.org.town_name = "渔洋镇<b>";
  d.org.branches[0].name = "东湖村\"党支部\"";
  // Two star members of the first branch get names with markup: they must appear escaped.
  MemberRatingResult before = RateMembers(d.org, d.points, d.member_stars, 2018);
  std::vector<int> star_members_of_0;
  for (const MemberRating& x : before.rated)
    if (x.stars > 0 && d.org.members[static_cast<size_t>(x.member_index)].branch_id == d.org.branches[0].meta.id)
      star_members_of_0.push_back(x.member_index);
  ASSERT_GE(star_members_of_0.size(), 2u);
  d.org.members[static_cast<size_t>(star_members_of_0[0])].name = "<script>alert(1)</script>";
  d.org.members[static_cast<size_t>(star_members_of_0[1])].name = "张&李";
  BoardOptions o;
  o.year = 2018;
  o.paper = BoardPaper::A3;
  o.branch_ids = {d.org.branches[0].meta.id};
  o.published_on = *Date::FromYmd(2018, 4, 28);
  const std::string h = BoardsHtml(d, o);
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(h.find("size: A3 portrait"), std::string::npos);
  EXPECT_NE(h.find("@media print"), std::string::npos);
  EXPECT_NE(h.find("SimSun"), std::string::npos);
  EXPECT_NE(h.find("星级党支部公示栏"), std::string::npos);
  EXPECT_NE(h.find("星级党员公示栏"), std::string::npos);
  EXPECT_NE(h.find("2018年4月28日"), std::string::npos);
  // No raw user markup anywhere; escaped forms present for the members that are on the board.
  EXPECT_EQ(h.find("<script>"), std::string::npos);
  EXPECT_EQ(h.find("<b>"), std::string::npos);
  EXPECT_NE(h.find("渔洋镇&lt;b&gt;"), std::string::npos);
  EXPECT_NE(h.find("东湖村&quot;党支部&quot;"), std::string::npos);
  EXPECT_NE(h.find("<span class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"), std::string::npos);
  EXPECT_NE(h.find("<span class=\"name\">张&amp;李</span>"), std::string::npos);
  // The branch board names exactly its star members, in the three bands, and counts them.
  int star_members = 0, branch_members = 0;
  for (const MemberRating& x : before.rated)
    if (d.org.members[static_cast<size_t>(x.member_index)].branch_id == d.org.branches[0].meta.id) {
      ++branch_members;
      star_members += x.stars > 0;
    }
  EXPECT_NE(h.find("参评党员 " + std::to_string(branch_members) + " 名"), std::string::npos);
  size_t names = 0;
  const std::string board = h.substr(h.find("星级党员公示栏"));
  for (size_t p = board.find("class=\"name\""); p != std::string::npos; p = board.find("class=\"name\"", p + 1)) ++names;
  EXPECT_EQ(names, static_cast<size_t>(star_members));
  EXPECT_EQ(HtmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
  EXPECT_EQ(BoardsFileName(d, 2018), "渔洋镇_b_-公示栏-2018.html");
}

TEST(Boards, TownBoardUsesPublishedHistory) {
  Dataset d = MakeDemoDataset(2018, 2018);
  BoardOptions o;
  o.year = 2017;  // the demo publishes year - 1
  o.published_on = *Date::FromYmd(2017, 12, 28);
  const std::string h = BoardsHtml(d, o);
  EXPECT_EQ(h.find("未发布"), std::string::npos);
  int three = 0;
  for (const BranchStarRecord& r : d.branch_rating.history) three += r.year == 2017 && r.stars == 3;
  EXPECT_NE(h.find("三星 " + std::to_string(three) + " 个"), std::string::npos);
  o.year = 2018;  // not yet published: the live rating, marked
  EXPECT_NE(BoardsHtml(d, o).find("未发布"), std::string::npos);
}

}  // namespace
}  // namespace zj
