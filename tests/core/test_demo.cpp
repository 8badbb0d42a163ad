// The demo town (示例数据) — deterministic, every star level, rare characters, ratings with moves.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/rate/branch_rating.h"
#include "core/demo/demo.h"
#include "core/org/idnumber.h"
#include "core/rate/stars.h"

namespace zj {
namespace {

TEST(Demo, DeterministicGivenASeed) {
  EXPECT_EQ(SaveDataset(MakeDemoDataset(7)), SaveDataset(MakeDemoDataset(7)));
  EXPECT_NE(SaveDataset(MakeDemoDataset(7)), SaveDataset(MakeDemoDataset(8)));
  // Identical natively and in wasm: the document without the campaign part hashes to a value computed once
  // natively (schema 3: with the records' content revisions and the "kit" setting, null for an office).
  nlohmann::json j = nlohmann::json::parse(SaveDataset(MakeDemoDataset(2018)));
  j.erase("campaign");
  EXPECT_EQ(Sha256Hex(j.dump()), "8e206506ecb948b96dc97dd297824f3a40b06cf0dcecf99abca5ef39cb898171");
}

TEST(Demo, TheTown) {
  const Dataset d = MakeDemoDataset(2018);
  EXPECT_TRUE(d.demo);
  EXPECT_EQ(d.org.town_name, "渔洋镇");
  EXPECT_EQ(d.org.areas.size(), 2u);
  EXPECT_EQ(d.org.general_branches.size(), 3u);
  EXPECT_EQ(d.org.branches.size(), 8u);
  EXPECT_EQ(d.org.members.size(), 120u);
  EXPECT_EQ(d.campaign.year, 2018);
  auto count_kind = [&](BranchKind k) {
    return std::count_if(d.org.branches.begin(), d.org.branches.end(), [&](const Branch& b) { return b.kind == k; });
  };
  EXPECT_EQ(count_kind(BranchKind::Village), 5);
  EXPECT_EQ(count_kind(BranchKind::Community), 1);
  EXPECT_EQ(count_kind(BranchKind::TownUnit), 2);
  EXPECT_EQ(std::count_if(d.org.branches.begin(), d.org.branches.end(), [](const Branch& b) { return b.focus_object; }), 2);
  for (const Branch& b : d.org.branches) {
    const auto secretaries = std::count_if(d.org.members.begin(), d.org.members.end(), [&](const Member& m) {
      return m.branch_id == b.meta.id && std::find(m.posts.begin(), m.posts.end(), Post::Secretary) != m.posts.end();
    });
    EXPECT_EQ(secretaries, 1) << b.name;
  }
  auto has_name = [&](const std::string& n) {
    return std::any_of(d.org.members.begin(), d.org.members.end(), [&](const Member& m) { return m.name == n; });
  };
  EXPECT_TRUE(has_name("王𠮷祥"));  // outside the BMP
  EXPECT_TRUE(has_name("刘䶮"));    // outside GB2312
  EXPECT_TRUE(std::any_of(d.org.members.begin(), d.org.members.end(), [](const Member& m) { return m.representative; }));
  EXPECT_TRUE(std::any_of(d.org.members.begin(), d.org.members.end(), [](const Member& m) { return m.reserve_cadre; }));
  for (const Member& m : d.org.members) {
    EXPECT_EQ(m.id_masked.size(), 18u);
    EXPECT_EQ(m.id_masked.substr(4, 10), "**********");
    EXPECT_EQ(m.id_hash.size(), 64u);
  }
  // Cadres: one town Party secretary, chiefs of both areas, lecturers in all five teams, resident cadres in villages.
  auto with_role = [&](CadreRole r) {
    return std::count_if(d.org.cadres.begin(), d.org.cadres.end(), [&](const Cadre& c) {
      return std::find(c.roles.begin(), c.roles.end(), r) != c.roles.end();
    });
  };
  EXPECT_EQ(with_role(CadreRole::PartySecretary), 1);
  EXPECT_EQ(with_role(CadreRole::AreaChief), 2);
  EXPECT_EQ(with_role(CadreRole::ResidentCadre), 6);
  for (int t = 0; t < 5; ++t)
    EXPECT_TRUE(std::any_of(d.org.cadres.begin(), d.org.cadres.end(), [&](const Cadre& c) {
      return std::find(c.lecture_teams.begin(), c.lecture_teams.end(), static_cast<LectureTeam>(t)) != c.lecture_teams.end();
    }));
  for (const Area& a : d.org.areas) EXPECT_FALSE(a.chief_cadre_id.empty());
}

TEST(Demo, StarsAreSpreadOut) {
  const Dataset d = MakeDemoDataset(2018);
  const MemberRatingResult m = RateMembers(d.org, d.points, d.member_stars, 2018);
  EXPECT_EQ(m.exempted.size(), 2u);
  EXPECT_EQ(m.orphan_entries, 0);
  for (int s = 0; s <= 3; ++s) EXPECT_GE(m.count_by_stars[s], 5) << s << " stars";
  const BranchRatingResult b = RateBranches(d.org, d.branch_rating, 2018);
  EXPECT_EQ(b.ranked.size(), 8u);
  int levels = 0;
  for (int s = 0; s <= 3; ++s) levels += b.count_by_stars[s] > 0;
  EXPECT_GE(levels, 3);
  EXPECT_TRUE(std::any_of(b.ranked.begin(), b.ranked.end(), [](const BranchRating& x) { return x.move == StarMove::Up; }));
  EXPECT_TRUE(std::any_of(b.ranked.begin(), b.ranked.end(), [](const BranchRating& x) { return x.move == StarMove::Down; }));
  // Another year: the same town, the campaign and points of that year.
  const Dataset later = MakeDemoDataset(2018, 2026);
  EXPECT_EQ(later.campaign.year, 2026);
  EXPECT_EQ(RateMembers(later.org, later.points, later.member_stars, 2026).rated.size(), 118u);
}

}  // namespace
}  // namespace zj
