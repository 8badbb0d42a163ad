// Shared helpers of the libFuzzer targets in tests/fuzz (docs: tests/fuzz/README.md).
// Each target feeds one kind of file or camera input through the same core calls the app makes, and
// checks what must hold for every input: bad input is refused with a Chinese-first message (never a
// crash, a sanitizer report, a hang or an out-of-memory), and what is accepted survives the round trips
// the app relies on. A broken invariant aborts with FUZZ_CHECK's message, so libFuzzer saves the input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"
#include "core/data/dataset.h"
#include "core/demo/demo.h"
#include "core/demo/demo_campaign.h"

/// Aborts (libFuzzer then keeps the input as a crash) when `cond` is false.
#define FUZZ_CHECK(cond, what)                                                                  \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   std::string(what).c_str());                                                  \
      std::abort();                                                                             \
    }                                                                                           \
  } while (0)

namespace zj::fuzz {

/// The office's dataset the targets import into: the demo town at its smallest size (8 branches x 6
/// members) with its campaign records (lectures, on-site meetings, talks, three of them recorded), so one
/// execution stays in the milliseconds. tests/fuzz/make_seeds.cpp builds the seed bundles from the same
/// dataset, so their id_salt and ids match.
inline Dataset MakeOffice() {
  Dataset d = MakeDemoDataset(2018, 2018, kDemoNow, DemoOptions{6});
  IdGenerator ids(20180320);
  AddDemoCampaignRecords(d, ids, kDemoNow, "demo");
  // Fewer point entries and talks (the demo has hundreds): each kind still present, the recorded talks kept.
  if (d.points.entries.size() > 12) d.points.entries.resize(12);
  std::vector<Talk> talks;
  for (const Talk& t : d.campaign.talks)
    if (t.Held() || talks.size() < 8) talks.push_back(t);
  d.campaign.talks = std::move(talks);
  return d;
}
inline const Dataset& Office() {
  static const Dataset d = MakeOffice();
  return d;
}

/// True when the Chinese message of a refusal holds Chinese text: an empty or English-only reason in the
/// Chinese slot is a defect (a user reads message_zh first, message_en beside it).
inline bool ChineseFirst(std::string_view zh) {
  for (char c : zh)
    if (static_cast<unsigned char>(c) >= 0xE4 && static_cast<unsigned char>(c) <= 0xE9) return true;  // CJK lead byte
  return false;
}

/// A refusal carries a Chinese message and an English one.
inline bool ClearProblem(const Problem& p) { return ChineseFirst(p.message_zh) && !p.message_en.empty(); }

}  // namespace zj::fuzz
