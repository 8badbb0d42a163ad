// Branch stars (notice 四(四)一) and the focus-object rule (notice 二).
#include <gtest/gtest.h>

#include "core/rate/branch_rating.h"

namespace zj {
namespace {

TEST(BranchScore, CombinedExactlyAndTruncated) {
  const BranchWeights half{50, 50, true};
  // Rubric 89.5 of 100, target 90: (89.5 + 90) / 2 = 89.75 -> 89.7 (truncated) -> two stars.
  EXPECT_EQ(CombineBranchScore(895, 1000, 900, half), 897);
  // Rubric 90 / target 90 -> 90.
  EXPECT_EQ(CombineBranchScore(900, 1000, 900, half), 900);
  // A rubric out of 120: 108/120 = 90%; weights 40/60 with target 80: 0.4*90 + 0.6*80 = 84.0.
  EXPECT_EQ(CombineBranchScore(1080, 1200, 800, BranchWeights{40, 60, false}), 840);
  // 1/3 weights: (100*1 + 80*2)/3 = 86.666.. -> 86.6.
  EXPECT_EQ(CombineBranchScore(1000, 1000, 800, BranchWeights{1, 2, false}), 866);
  // 89.99.. must never read as 90: rubric 89.9, target 90.0, weights 1/9 -> 89.99 -> 89.9.
  EXPECT_EQ(CombineBranchScore(899, 1000, 900, BranchWeights{1, 9, false}), 899);
  EXPECT_EQ(CombineBranchScore(0, 0, 900, half), std::nullopt);
  EXPECT_EQ(CombineBranchScore(900, 1000, 900, BranchWeights{0, 0, false}), std::nullopt);
}

struct County {
  IdGenerator ids{5};
  Organization org;
  BranchRatingBook book;
  County() { book.rubric = ExampleBranchRubric(ids, 0, "t"); }
  Id AddBranch(const std::string& name) {
    org.branches.push_back(Branch{RecordMeta{ids.Next(), 0, 0, "t"}, name, BranchKind::Village, {}, {}, false});
    return org.branches.back().meta.id;
  }
  /// Assessment with every rubric item at `percent` of its maximum and the given target score (tenths).
  void Assess(const Id& branch, int year, int percent, std::optional<Tenths> target, TimestampMs updated = 0) {
    BranchAssessment a;
    a.meta = RecordMeta{ids.Next(), 0, updated, "t"};
    a.branch_id = branch;
    a.year = year;
    for (const RubricItem& it : book.rubric.items) a.scores.push_back(RubricScore{it.meta.id, it.max_points * percent / 100});
    a.target_score = target;
    book.assessments.push_back(a);
  }
};

TEST(BranchStars, RankingStarsAndNotRated) {
  County c;
  const Id a = c.AddBranch("东湖村党支部"), b = c.AddBranch("荷花村党支部"), d = c.AddBranch("新街社区党支部"),
           e = c.AddBranch("稻香村党支部"), f = c.AddBranch("龙虾湾村党支部"), g = c.AddBranch("镇财政所党支部");
  c.Assess(a, 2018, 90, 900);   // 90 -> three
  c.Assess(b, 2018, 90, 890);   // 89.5 -> two
  c.Assess(d, 2018, 80, 800);   // 80 -> two
  c.Assess(e, 2018, 60, 590);   // 59.5 -> none
  c.Assess(f, 2018, 80, std::nullopt);  // no target score -> not rated
  c.Assess(d, 2017, 100, 1000);  // another year: ignored
  (void)g;                       // no assessment -> not rated
  const BranchRatingResult r = RateBranches(c.org, c.book, 2018);
  ASSERT_TRUE(r.problems_zh.empty());
  ASSERT_EQ(r.ranked.size(), 4u);
  EXPECT_EQ(r.ranked[0].branch_index, 0);
  EXPECT_EQ(r.ranked[0].score, 900);
  EXPECT_EQ(r.ranked[0].stars, 3);
  EXPECT_EQ(r.ranked[0].rubric_percent, 900);
  EXPECT_EQ(r.ranked[1].score, 895);
  EXPECT_EQ(r.ranked[1].stars, 2);
  EXPECT_EQ(r.ranked[2].score, 800);
  EXPECT_EQ(r.ranked[2].stars, 2);
  EXPECT_EQ(r.ranked[3].score, 595);
  EXPECT_EQ(r.ranked[3].stars, 0);
  EXPECT_EQ(r.ranked[3].rank, 4);
  EXPECT_EQ(r.count_by_stars[3], 1);
  EXPECT_EQ(r.count_by_stars[2], 2);
  EXPECT_EQ(r.count_by_stars[0], 1);
  ASSERT_EQ(r.not_rated.size(), 2u);
  EXPECT_EQ(r.not_rated[0].branch_index, 4);
  EXPECT_EQ(r.not_rated[0].reason_zh, "缺少年终目标考核分数");
  EXPECT_EQ(r.not_rated[1].branch_index, 5);
  EXPECT_EQ(r.not_rated[1].reason_zh, "本年度没有考核记录");
}

TEST(BranchStars, TiesShareARankAndLatestAssessmentWins) {
  County c;
  const Id a = c.AddBranch("乙村"), b = c.AddBranch("甲村"), d = c.AddBranch("丙村");
  c.Assess(a, 2018, 80, 800);
  c.Assess(b, 2018, 80, 800);
  c.Assess(d, 2018, 50, 500, /*updated=*/1);
  c.Assess(d, 2018, 100, 1000, /*updated=*/2);  // a later correction replaces the first
  const BranchRatingResult r = RateBranches(c.org, c.book, 2018);
  ASSERT_EQ(r.ranked.size(), 3u);
  EXPECT_EQ(r.ranked[0].branch_index, 2);
  EXPECT_EQ(r.ranked[0].score, 1000);
  EXPECT_EQ(r.ranked[1].rank, 2);
  EXPECT_EQ(r.ranked[2].rank, 2);  // 1, 2, 2
}

TEST(BranchStars, HistoryAndMoves) {
  County c;
  const Id a = c.AddBranch("东湖村"), b = c.AddBranch("荷花村"), d = c.AddBranch("新街社区"), e = c.AddBranch("稻香村");
  c.Assess(a, 2017, 85, 850);  // two
  c.Assess(b, 2017, 95, 950);  // three
  c.Assess(d, 2017, 70, 700);  // one
  IdGenerator ids(99);
  const BranchRatingResult y2017 = RateBranches(c.org, c.book, 2017);
  PublishBranchRatings(c.org, y2017, c.book, *Date::Parse("2017-12-28"), ids, 1000, "office");
  ASSERT_EQ(c.book.history.size(), 3u);
  c.Assess(a, 2018, 92, 920);  // three: up
  c.Assess(b, 2018, 82, 820);  // two: down
  c.Assess(d, 2018, 70, 700);  // one: same
  c.Assess(e, 2018, 61, 610);  // one: new
  const BranchRatingResult y2018 = RateBranches(c.org, c.book, 2018);
  auto move_of = [&](int index) {
    for (const BranchRating& x : y2018.ranked)
      if (x.branch_index == index) return x.move;
    return StarMove::New;
  };
  EXPECT_EQ(move_of(0), StarMove::Up);
  EXPECT_EQ(move_of(1), StarMove::Down);
  EXPECT_EQ(move_of(2), StarMove::Same);
  EXPECT_EQ(move_of(3), StarMove::New);
  EXPECT_STREQ(StarMoveLabelZh(StarMove::Down), "降星");
  PublishBranchRatings(c.org, y2018, c.book, *Date::Parse("2018-12-28"), ids, 2000, "office");
  // Publishing 2018 again (a correction) replaces, never duplicates.
  PublishBranchRatings(c.org, y2018, c.book, *Date::Parse("2018-12-29"), ids, 3000, "office");
  EXPECT_EQ(c.book.history.size(), 7u);
  const auto hist = BranchHistory(c.book, a);
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist[0].year, 2017);
  EXPECT_EQ(hist[0].stars, 2);
  EXPECT_EQ(hist[1].year, 2018);
  EXPECT_EQ(hist[1].stars, 3);
  EXPECT_EQ(hist[1].published_on->ToString(), "2018-12-29");
  EXPECT_EQ(hist[1].meta.created, 2000);
  EXPECT_EQ(hist[1].meta.updated, 3000);
}

TEST(BranchStars, BadRulesRefuseTheRating) {
  County c;
  c.AddBranch("东湖村");
  c.book.weights = BranchWeights{0, 0, false};
  EXPECT_FALSE(RateBranches(c.org, c.book, 2018).problems_zh.empty());
  c.book.weights = BranchWeights{};
  c.book.rubric.items.clear();
  EXPECT_FALSE(RateBranches(c.org, c.book, 2018).problems_zh.empty());
}

TEST(FocusObjects, BottomCountAndPercentWithTies) {
  Organization org;
  IdGenerator ids(3);
  const int ranks[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  for (int r : ranks) {
    Branch b{RecordMeta{ids.Next(), 0, 0, "t"}, "支部" + std::to_string(r), BranchKind::Village, {}, r, false};
    org.branches.push_back(b);
  }
  org.branches.push_back(Branch{RecordMeta{ids.Next(), 0, 0, "t"}, "无排名", BranchKind::TownUnit, {}, std::nullopt, false});
  org.focus_rule = FocusRule{FocusRule::Mode::BottomCount, 3, 0, 2017};
  auto ids3 = SelectFocusObjects(org);
  ASSERT_EQ(ids3.size(), 3u);
  EXPECT_EQ(ids3[0], org.branches[9].meta.id);  // rank 10 first
  EXPECT_EQ(ApplyFocusRule(org), 3);
  EXPECT_TRUE(org.branches[7].focus_object);
  EXPECT_FALSE(org.branches[6].focus_object);
  EXPECT_FALSE(org.branches[10].focus_object);  // no rank, never a focus object
  // 25% of 10 ranked = 2.5 -> 3.
  org.focus_rule = FocusRule{FocusRule::Mode::BottomPercent, 0, 25, 2017};
  EXPECT_EQ(SelectFocusObjects(org).size(), 3u);
  org.focus_rule.percent = 10;
  EXPECT_EQ(SelectFocusObjects(org).size(), 1u);
  org.focus_rule.percent = 0;
  EXPECT_EQ(SelectFocusObjects(org).size(), 0u);
  // A tie at the cut-off: ranks 8 and 8 both in.
  org.branches[8].last_year_target_rank = 8;
  org.focus_rule = FocusRule{FocusRule::Mode::BottomCount, 2, 0, 2017};
  EXPECT_EQ(SelectFocusObjects(org).size(), 3u);  // 10, 8, 8
  org.focus_rule.count = 100;
  EXPECT_EQ(SelectFocusObjects(org).size(), 10u);
}

}  // namespace
}  // namespace zj
