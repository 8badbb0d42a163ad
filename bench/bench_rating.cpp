// Benchmark: ratings of a county-sized dataset — 100,000 members, 1,000,000 point entries, 2,000
// branches (goal: < 50 ms native, wasm within 2x). Run by `make bench` (native and wasm under Node).
#include <benchmark/benchmark.h>

#include <random>

#include "core/rate/branch_rating.h"
#include "core/rate/points.h"
#include "core/rate/stars.h"

namespace zj {
namespace {

struct County {
  Organization org;
  PointsBook points;
  MemberStarBook stars;
  BranchRatingBook branches;
  PointsIndex index;  // built once, as the app does after loading
};

/// 2,000 branches x 50 members; 1,000,000 entries in 2018 in random member order (as recorded over a year
/// by many liaisons), 10 per member on average; 1,000 exemptions; assessments for 2018 and history for 2017.
const County& TheCounty() {
  static const County c = [] {
    County c;
    IdGenerator ids(2018);
    std::mt19937_64 rng(42);
    c.points.catalogue = ExamplePointCatalogue(ids, 0, "bench");
    c.branches.rubric = ExampleBranchRubric(ids, 0, "bench");
    const int kBranches = 2000, kPerBranch = 50, kEntries = 1000000;
    c.org.branches.reserve(kBranches);
    c.org.members.reserve(kBranches * kPerBranch);
    for (int b = 0; b < kBranches; ++b) {
      Branch br;
      br.meta.id = ids.Next();
      br.name = "第" + std::to_string(b + 1) + "党支部";
      c.org.branches.push_back(br);
      for (int k = 0; k < kPerBranch; ++k) {
        Member m;
        m.meta.id = ids.Next();
        m.name = "党员" + std::to_string(b * kPerBranch + k);
        m.branch_id = br.meta.id;
        c.org.members.push_back(std::move(m));
      }
      BranchAssessment a;
      a.meta.id = ids.Next();
      a.branch_id = br.meta.id;
      a.year = 2018;
      for (const RubricItem& it : c.branches.rubric.items)
        a.scores.push_back(RubricScore{it.meta.id, static_cast<Tenths>(rng() % static_cast<uint64_t>(it.max_points + 1))});
      a.target_score = static_cast<Tenths>(500 + rng() % 501);
      c.branches.assessments.push_back(a);
      BranchStarRecord h;
      h.meta.id = ids.Next();
      h.branch_id = br.meta.id;
      h.year = 2017;
      h.stars = static_cast<int>(rng() % 4);
      c.branches.history.push_back(h);
    }
    const auto& items = c.points.catalogue.items;
    const Date jan1 = *Date::FromYmd(2018, 1, 1);
    c.points.entries.reserve(kEntries);
    for (int i = 0; i < kEntries; ++i) {
      PointEntry e;
      e.meta.id = ids.Next();
      e.member_id = c.org.members[rng() % c.org.members.size()].meta.id;
      const PointItem& it = items[rng() % items.size()];
      e.item_id = it.meta.id;
      e.date = jan1 + static_cast<int>(rng() % 365);
      e.points = it.points;
      c.points.entries.push_back(std::move(e));
    }
    for (int i = 0; i < 1000; ++i)
      c.stars.exemptions.push_back(StarExemption{RecordMeta{ids.Next(), 0, 0, "bench"}, c.org.members[static_cast<size_t>(i) * 100].meta.id,
                                                 2018, "特殊情况", jan1, ""});
    c.index = BuildPointsIndex(c.org, c.points);
    return c;
  }();
  return c;
}

/// Building the compact index from the records (done once after load/import; memory-bound: it reads
/// ~250 MB of entry records and their heap-allocated id strings).
void BM_BuildPointsIndex(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) benchmark::DoNotOptimize(BuildPointsIndex(c.org, c.points));
  state.counters["entries"] = static_cast<double>(c.points.entries.size());
}
BENCHMARK(BM_BuildPointsIndex)->Unit(benchmark::kMillisecond);

void BM_YearTotals(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) benchmark::DoNotOptimize(ComputeYearTotals(c.org, c.points, c.index, 2018));
  state.counters["entries"] = static_cast<double>(c.points.entries.size());
}
BENCHMARK(BM_YearTotals)->Unit(benchmark::kMillisecond);

void BM_MemberStars(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) benchmark::DoNotOptimize(RateMembers(c.org, c.points, c.index, c.stars, 2018));
  state.counters["members"] = static_cast<double>(c.org.members.size());
}
BENCHMARK(BM_MemberStars)->Unit(benchmark::kMillisecond);

void BM_BranchStars(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) benchmark::DoNotOptimize(RateBranches(c.org, c.branches, 2018));
  state.counters["branches"] = static_cast<double>(c.org.branches.size());
}
BENCHMARK(BM_BranchStars)->Unit(benchmark::kMillisecond);

/// The goal figure: all ratings of the county (member stars from 1,000,000 entries + branch stars), with
/// the points index the app keeps after loading.
void BM_AllRatings(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) {
    benchmark::DoNotOptimize(RateMembers(c.org, c.points, c.index, c.stars, 2018));
    benchmark::DoNotOptimize(RateBranches(c.org, c.branches, 2018));
  }
}
BENCHMARK(BM_AllRatings)->Unit(benchmark::kMillisecond);

/// The same from the records alone (index rebuilt every time): the cold figure.
void BM_AllRatingsFromRecords(benchmark::State& state) {
  const County& c = TheCounty();
  for (auto _ : state) {
    benchmark::DoNotOptimize(RateMembers(c.org, c.points, c.stars, 2018));
    benchmark::DoNotOptimize(RateBranches(c.org, c.branches, 2018));
  }
}
BENCHMARK(BM_AllRatingsFromRecords)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zj
