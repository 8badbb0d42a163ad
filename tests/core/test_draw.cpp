// The auditable draw (zj-draw-v1): never the pre-chosen site, two distinct picks, reproducible from the seed,
// matches the documented Python reference, uniform over many seeds (chi-square).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "core/campaign/draw.h"
#include "core/campaign/onsite.h"
#include "test_campaign_town.h"

namespace zj {

namespace {
std::vector<DrawCandidate> Villages() {
  return {{"v4", "北港村党支部"}, {"v3", "南岭社区党支部"}, {"v2", "西山村党支部"}, {"v5", "中洲村党支部"}, {"v1", "东湖村党支部"}};
}

// Regularized upper incomplete gamma Q(a, x) (series for x < a+1, continued fraction otherwise).
double GammaQ(double a, double x) {
  if (x <= 0) return 1.0;
  const double gln = std::lgamma(a);
  if (x < a + 1) {
    double ap = a, sum = 1.0 / a, del = sum;
    for (int n = 0; n < 1000; ++n) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (std::fabs(del) < std::fabs(sum) * 1e-15) break;
    }
    return 1.0 - sum * std::exp(-x + a * std::log(x) - gln);
  }
  double b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (std::fabs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < 1e-15) break;
  }
  return std::exp(-x + a * std::log(x) - gln) * h;
}

// Critical value x with P(chi2_df > x) = alpha, by bisection on Q(df/2, x/2).
double ChiSquareCritical(int df, double alpha) {
  double lo = 0, hi = 10.0 * df + 100;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    if (GammaQ(df / 2.0, mid / 2.0) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
}  // namespace

TEST(Draw, Fnv1aAndSplitMixKnownValues) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("abc"), 0xe71fa2190541574bull);  // published FNV-1a 64 test vector
  SplitMix64 g(0);
  EXPECT_EQ(g.Next(), 0xe220a8397b1dcdafull);  // SplitMix64 reference sequence from state 0
  EXPECT_EQ(g.Next(), 0x6e789e6aa1b965f4ull);
}

TEST(Draw, ChiSquareCriticalValueIsRight) {
  // Table values: chi2(0.999; 14) = 36.123, chi2(0.999; 5) = 20.515.
  EXPECT_NEAR(ChiSquareCritical(14, 0.001), 36.123, 0.01);
  EXPECT_NEAR(ChiSquareCritical(5, 0.001), 20.515, 0.01);
}

TEST(Draw, MatchesThePythonReference) {
  // Values printed by the Python snippet in draw.h for these names (already in the fixed order).
  auto c = Villages();
  SortCandidates(c);
  ASSERT_EQ(c[0].name, "东湖村党支部");
  ASSERT_EQ(c[1].name, "中洲村党支部");
  ASSERT_EQ(c[4].name, "西山村党支部");
  auto names = [&](const std::vector<size_t>& idx) {
    std::vector<std::string> out;
    for (size_t i : idx) out.push_back(c[i].name);
    return out;
  };
  EXPECT_EQ(names(DrawIndices("2018-03-28#4711", c)), (std::vector<std::string>{"中洲村党支部", "南岭社区党支部"}));
  EXPECT_EQ(names(DrawIndices("37829", c)), (std::vector<std::string>{"东湖村党支部", "北港村党支部"}));
  EXPECT_EQ(names(DrawIndices("  37829\n", c)), (std::vector<std::string>{"东湖村党支部", "北港村党支部"}));
  EXPECT_EQ(names(DrawIndices("2018-04-10#0", c)), (std::vector<std::string>{"西山村党支部", "南岭社区党支部"}));
  EXPECT_EQ(SeedFromDateAndNumber(*Date::Parse("2018-03-28"), " 4711 "), "2018-03-28#4711");
}

TEST(Draw, NeverThePreChosenAlwaysTwoDistinctAndReproducible) {
  for (int i = 0; i < 2000; ++i) {
    const std::string seed = std::to_string(i * 7919);
    Problems p;
    auto r = MakeDraw(seed, Villages(), "v2", 1000 + i, p);
    ASSERT_TRUE(r);
    EXPECT_TRUE(p.empty());
    ASSERT_EQ(r->picked_ids.size(), 2u);
    EXPECT_NE(r->picked_ids[0], r->picked_ids[1]);
    for (const auto& id : r->picked_ids) EXPECT_NE(id, "v2");
    ASSERT_EQ(r->candidates.size(), 4u);
    for (const auto& c : r->candidates) EXPECT_NE(c.id, "v2");
    EXPECT_TRUE(VerifyDraw(*r));
    // Same seed, candidates given in another order: same result.
    auto shuffled = Villages();
    std::reverse(shuffled.begin(), shuffled.end());
    auto again = MakeDraw(seed, shuffled, "v2", 5, p);
    EXPECT_EQ(again->picked_ids, r->picked_ids);
    EXPECT_EQ(r->drawn_at, 1000 + i);
  }
}

TEST(Draw, TamperedRecordFailsVerification) {
  Problems p;
  auto r = *MakeDraw("12345", Villages(), "v1", 0, p);
  EXPECT_TRUE(VerifyDraw(r));
  auto other = r;
  for (const auto& c : r.candidates)
    if (c.id != r.picked_ids[0] && c.id != r.picked_ids[1]) {
      other.picked_ids[1] = c.id;
      break;
    }
  EXPECT_FALSE(VerifyDraw(other));
  auto reordered = r;
  std::swap(reordered.candidates[0], reordered.candidates[1]);
  EXPECT_FALSE(VerifyDraw(reordered));
  auto seed = r;
  seed.seed = "12346";
  if (DrawIndices("12346", r.candidates) != DrawIndices("12345", r.candidates)) {
    EXPECT_FALSE(VerifyDraw(seed));
  }
}

TEST(Draw, DescribedAsText) {
  Problems p;
  auto r = *MakeDraw("2018-03-28#4711", Villages(), "v2", 1522202400000, p);
  EXPECT_EQ(DescribeDraw(r),
            "抽签记录 (算法 zj-draw-v1)\n种子: 2018-03-28#4711\n候选 (固定顺序):\n  1. 东湖村党支部\n  2. 中洲村党支部\n"
            "  3. 北港村党支部\n  4. 南岭社区党支部\n"
            "抽中: 2. 中洲村党支部; 4. 南岭社区党支部\n时间: 2018-03-28T02:00:00.000Z\n");  // picks as in Python
}

TEST(Draw, ErrorsAndSmallCandidateLists) {
  Problems p;
  EXPECT_FALSE(MakeDraw("   ", Villages(), "v1", 0, p, "/m/draw"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/m/draw/seed");
  p.clear();
  auto r = MakeDraw("1", {{"v1", "东湖村党支部"}, {"v2", "西山村党支部"}}, "v1", 0, p);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->picked_ids, (std::vector<Id>{"v2"}));
  EXPECT_EQ(p.size(), 1u);  // warning: fewer than two candidates
  EXPECT_TRUE(VerifyDraw(*r));
}

TEST(Draw, UniformOverManySeeds) {
  // 6 candidates -> 15 unordered pairs; 9 candidates -> 36. Fixed seeds, so the test is deterministic.
  for (int n : {6, 9}) {
    std::vector<DrawCandidate> c;
    for (int i = 0; i < n; ++i) c.push_back({"id" + std::to_string(i), "村" + std::to_string(i)});
    SortCandidates(c);
    const int pairs = n * (n - 1) / 2;
    const int per_cell = 1000;
    const int N = pairs * per_cell;
    std::map<std::pair<size_t, size_t>, int> count;
    std::vector<int> first(n, 0);
    for (int s = 0; s < N; ++s) {
      auto idx = DrawIndices("2018-03-28#" + std::to_string(s), c);
      ASSERT_EQ(idx.size(), 2u);
      ++first[idx[0]];
      ++count[{std::min(idx[0], idx[1]), std::max(idx[0], idx[1])}];
    }
    ASSERT_EQ(static_cast<int>(count.size()), pairs);
    double chi = 0;
    for (const auto& kv : count) chi += std::pow(kv.second - per_cell, 2) / per_cell;
    const double crit = ChiSquareCritical(pairs - 1, 0.001);
    EXPECT_LT(chi, crit) << "n=" << n << " pairs chi2=" << chi;
    const double e = static_cast<double>(N) / n;
    double chi1 = 0;
    for (int f : first) chi1 += (f - e) * (f - e) / e;
    EXPECT_LT(chi1, ChiSquareCritical(n - 1, 0.001)) << "n=" << n << " first-pick chi2=" << chi1;
  }
}

}  // namespace zj
