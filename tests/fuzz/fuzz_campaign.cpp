// Fuzz target: the campaign part of a dataset document (core/campaign/campaign.h CampaignFromJson: plan,
// lectures, on-site meetings, talk topics, schedule, talks with their records, the talk lock), the reader
// LoadDataset runs on "/campaign". Catalogue and rubric have no reader of their own: they are read inside
// LoadDataset (fuzz_dataset).
// Checks: every problem has a Chinese message and a path under /campaign; a campaign read without problems
// writes back (CampaignToJson) into JSON that reads again without problems and writes the same JSON.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/campaign/campaign.h"
#include "fuzz_common.h"
#include "json_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace zj;
  const nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  Problems problems;
  const Campaign c = CampaignFromJson(j, "/campaign", problems);
  for (const Problem& p : problems) {
    FUZZ_CHECK(fuzz::ClearProblem(p), "problem without a Chinese message at " + p.path);
    FUZZ_CHECK(p.path.compare(0, 9, "/campaign") == 0, "problem path outside the campaign: " + p.path);
  }
  const nlohmann::json out = CampaignToJson(c);
  Problems again;
  const Campaign c2 = CampaignFromJson(out, "/campaign", again);
  if (problems.empty()) {
    FUZZ_CHECK(again.empty(), "a clean campaign reads back with problems: " + again[0].path + " " + again[0].message_en);
    FUZZ_CHECK(CampaignToJson(c2) == out, "write -> read -> write changed the campaign");
  }
  return 0;
}
