// Talks (谈): the required pairs for a small hand-made town are exactly the expected set; topics; records.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {

namespace {
using PairKey = std::tuple<TalkKind, Id, Id, Id>;
std::set<PairKey> Keys(const std::vector<TalkPair>& v) {
  std::set<PairKey> s;
  for (const auto& p : v) s.insert({p.kind, p.interviewer_id, p.interviewee_id, p.branch_id});
  return s;
}
}  // namespace

TEST(TalkPairs, ExactlyTheExpectedSetForASmallTown) {
  const Organization o = testtown::SmallTown();
  Problems problems;
  const auto pairs = GenerateTalkPairs(o, problems);
  const auto K1 = TalkKind::SecretaryWithVillageSecretary;
  const auto K2 = TalkKind::CommitteeWithTwoCommittees;
  const auto K3 = TalkKind::WithRepresentative;
  const std::set<PairKey> expected = {
      // 1. 镇党委书记 with each village secretary (中洲村 v5 has none).
      {K1, "k_sec", "m11", "v1"},
      {K1, "k_sec", "m21", "v2"},
      {K1, "k_sec", "m31", "v3"},
      {K1, "k_sec", "m41", "v4"},
      // 2. Committee members with the two-committee members (not the secretary) of their linked villages.
      //    Villages in fixed order 东湖 v1, 中洲 v5, 北港 v4, 南岭 v3, 西山 v2; least-loaded cadre first.
      {K2, "k_c1", "m12", "v1"},
      {K2, "k_c1", "m13", "v1"},  // 李委员: 2
      {K2, "k_c2", "m42", "v4"},  // 赵委员: 1
      {K2, "k_c1", "m32", "v3"},  // 李委员: 3
      {K2, "k_c2", "m22", "v2"},  // 西山村 is linked to both: 赵委员 2
      {K2, "k_c2", "m24", "v2"},  // 赵委员 3
      {K2, "k_c1", "m23", "v2"},  // tie 3:3 -> 李委员 (name order) 4
      // 3. General-branch secretary and resident cadres with member representatives (villages only).
      {K3, "k_r1", "m15", "v1"},   // 周驻村 before 钱总支 in name order; 张五 before 张四
      {K3, "k_gb1", "m14", "v1"},
      {K3, "k_gb2", "m52", "v5"},
      {K3, "k_r2", "m43", "v4"},   // 孙总支 already has one: 吴驻村
      {K3, "k_gb1", "m32", "v3"},
      {K3, "k_gb1", "m25", "v2"},
  };
  EXPECT_EQ(Keys(pairs), expected);
  EXPECT_EQ(pairs.size(), expected.size());  // no duplicates
  // Kind order is kept: all kind-1 pairs first.
  EXPECT_EQ(pairs.front().kind, K1);
  EXPECT_EQ(pairs.back().kind, K3);
  // Gaps are explained: 中洲村 has no secretary and no linked committee member.
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "/org/branches/v5");
  EXPECT_EQ(problems[1].path, "/org/branches/v5");
  EXPECT_NE(problems[0].message_zh.find("中洲村"), std::string::npos);
  EXPECT_FALSE(problems[1].message_en.empty());
}

TEST(TalkPairs, SpreadEvenlyOverSeveralLinkedCommitteeMembers) {
  Organization o = testtown::SmallTown();
  // Three committee members all linked to 东湖村 only; six two-committee members there.
  o.cadres = {testtown::C("k_sec", "王书记", {CadreRole::PartySecretary}),
              testtown::C("k_a", "甲委员", {CadreRole::CommitteeMember}, {"v1"}),
              testtown::C("k_b", "乙委员", {CadreRole::CommitteeMember}, {"v1"}),
              testtown::C("k_c", "丙委员", {CadreRole::CommitteeMember}, {"v1"})};
  o.members.clear();
  o.members.push_back(testtown::M("s", "书记", "v1", {Post::Secretary}));
  for (int i = 0; i < 6; ++i)
    o.members.push_back(testtown::M("w" + std::to_string(i), "委员" + std::to_string(i), "v1", {Post::CommitteeMember}));
  Problems p;
  std::map<Id, int> load;
  for (const auto& t : GenerateTalkPairs(o, p))
    if (t.kind == TalkKind::CommitteeWithTwoCommittees) ++load[t.interviewer_id];
  EXPECT_EQ(load, (std::map<Id, int>{{"k_a", 2}, {"k_b", 2}, {"k_c", 2}}));
}

TEST(TalkPairs, DeterministicAndIndependentOfRosterOrder) {
  Organization o = testtown::SmallTown();
  Problems p1, p2;
  const auto a = GenerateTalkPairs(o, p1);
  std::reverse(o.members.begin(), o.members.end());
  std::reverse(o.cadres.begin(), o.cadres.end());
  std::reverse(o.branches.begin(), o.branches.end());
  const auto b = GenerateTalkPairs(o, p2);
  EXPECT_EQ(a, b);
}

TEST(TalkPairs, Described) {
  const Organization o = testtown::SmallTown();
  EXPECT_EQ(DescribeTalkPair(o, {TalkKind::SecretaryWithVillageSecretary, "k_sec", "m11", "v1"}),
            "王书记 — 张一 (东湖村党支部)");
  EXPECT_EQ(DescribeTalkPair(o, {TalkKind::SecretaryWithVillageSecretary, "k_x", "m11", "v9"}), "k_x — 张一 (v9)");
}

TEST(TalkTopicsData, NoticeLists) {
  const TalkTopics t = NoticeTalkTopics();
  ASSERT_EQ(t.For(TalkKind::SecretaryWithVillageSecretary).size(), 6u);
  ASSERT_EQ(t.For(TalkKind::CommitteeWithTwoCommittees).size(), 6u);
  ASSERT_EQ(t.For(TalkKind::WithRepresentative).size(), 4u);
  EXPECT_EQ(t.secretary[3].zh, "“两委”班子成员进退留转意愿");
  EXPECT_EQ(t.representative[3].zh, "推荐后备干部");
  EXPECT_STREQ(IntentionZh(Intention::Advance), "进");
  EXPECT_STREQ(IntentionZh(Intention::Retire), "退");
  EXPECT_STREQ(IntentionZh(Intention::Stay), "留");
  EXPECT_STREQ(IntentionZh(Intention::Move), "转");
}

TEST(Talks, AddMissingKeepsExistingAndFindsStale) {
  const Organization o = testtown::SmallTown();
  Problems p;
  auto pairs = GenerateTalkPairs(o, p);
  IdGenerator ids(9);
  std::vector<Talk> talks;
  EXPECT_EQ(AddMissingTalks(talks, pairs, ids, 5, "dev"), static_cast<int>(pairs.size()));
  EXPECT_EQ(AddMissingTalks(talks, pairs, ids, 6, "dev"), 0);
  const Id first = talks[0].meta.id;
  EXPECT_EQ(talks[0].meta.created, 5);
  // The roster changes: one pair disappears.
  pairs.erase(pairs.begin());
  EXPECT_EQ(StaleTalks(talks, pairs), (std::vector<size_t>{0}));
  EXPECT_EQ(talks[0].meta.id, first);
}

TEST(Talks, RecordValidation) {
  TalkRecord r;
  r.held_on = *Date::Parse("2018-04-02");
  r.start_minute = 600;
  r.topics_covered = {0, 3, 3, 4};
  Problems p;
  ValidateTalkRecord(r, TalkKind::WithRepresentative, NoticeTalkTopics(), "/t", p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "/t/topics_covered/2");  // duplicate
  EXPECT_EQ(p[1].path, "/t/topics_covered/3");  // 4 is out of range for 4 topics
  p.clear();
  ValidateTalkRecord(r, TalkKind::SecretaryWithVillageSecretary, NoticeTalkTopics(), "/t", p);
  EXPECT_EQ(p.size(), 1u);
}

}  // namespace zj
