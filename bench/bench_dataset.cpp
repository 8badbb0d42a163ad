// Benchmark: JSON save and load of a 5,000-member town (the demo town scaled to 8 x 625 members,
// with its points entries for the year).
#include <benchmark/benchmark.h>

#include "core/data/dataset.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

const Dataset& Town5000() {
  static const Dataset d = MakeDemoDataset(2018, 2018, kDemoNow, DemoOptions{625});
  return d;
}

void BM_SaveDataset5000(benchmark::State& state) {
  const Dataset& d = Town5000();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string s = SaveDataset(d);
    bytes = s.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["members"] = static_cast<double>(d.org.members.size());
  state.counters["entries"] = static_cast<double>(d.points.entries.size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_SaveDataset5000)->Unit(benchmark::kMillisecond);

void BM_LoadDataset5000(benchmark::State& state) {
  const std::string text = SaveDataset(Town5000());
  for (auto _ : state) {
    LoadResult r = LoadDataset(text);
    if (!r.ok) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(r);
  }
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_LoadDataset5000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zj
