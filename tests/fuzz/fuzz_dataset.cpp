// Fuzz target: a dataset document (core/data/dataset.h LoadDataset) as the app reads it at start-up from
// storage and from a backup file (备份文件, shell/screens/data.cpp OnBackupPicked: either the document itself or
// {"format": "zhengjian-backup", "dataset": {...}, "evidence": [...]}), then the backup preview's
// DiffDatasets against the office's data.
// Checks: a refusal has one Chinese reason; every problem has a Chinese message; a document read without
// problems saves and loads back without problems, and saving is then stable (save -> load -> save gives the
// same text); a document read with problems still saves into something the app can load again.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"
#include "fuzz_common.h"
#include "json_mutator.h"

namespace {
using namespace zj;

std::string FirstProblem(const LoadResult& r) {
  return r.problems.empty() ? std::string() : r.problems[0].path + ": " + r.problems[0].message_en;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The backup screen's unwrapping, as in shell/screens/data.cpp.
  std::string text = bytes;
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  const std::string format = j.is_object() && j.contains("format") && j["format"].is_string() ? j["format"].get<std::string>() : "";
  if (format == "zhengjian-backup" && j.contains("dataset")) text = j["dataset"].dump();

  const LoadResult r = LoadDataset(text);
  for (const Problem& p : r.problems) FUZZ_CHECK(fuzz::ClearProblem(p), "problem without a Chinese message at " + p.path);
  if (r.refused) {
    FUZZ_CHECK(r.problems.size() == 1, "a refusal must give one reason");
    FUZZ_CHECK(!r.ok, "refused yet ok");
    return 0;
  }
  FUZZ_CHECK(r.ok == r.problems.empty(), "ok disagrees with the problems");
  const std::string saved = SaveDataset(r.dataset);
  FUZZ_CHECK(!saved.empty(), "empty save");
  const LoadResult back = LoadDataset(saved);
  FUZZ_CHECK(!back.refused, "a saved dataset is refused: " + FirstProblem(back));
  if (r.ok) {
    FUZZ_CHECK(back.ok, "a clean dataset loads back with problems: " + FirstProblem(back));
    FUZZ_CHECK(SaveDataset(back.dataset) == saved, "save -> load -> save changed the document");
  }
  const DatasetDiff diff = DiffDatasets(fuzz::Office(), r.dataset);
  // Every difference is counted; at most 50 of each kind per collection are named (merge.h DatasetDiff).
  FUZZ_CHECK(diff.items.size() <= static_cast<size_t>(diff.added + diff.removed + diff.changed), "diff lists more than it counts");
  FUZZ_CHECK(diff.items.empty() == (diff.added + diff.removed + diff.changed == 0), "diff counts and list disagree");

  // A liaison's bundle into the restored data.
  Bundle b;
  b.town = r.dataset.org.town_name;
  b.id_salt = r.dataset.id_salt;
  b.device = "1111222233334444";
  b.to = kDemoNow + 86400000;
  nlohmann::json lecture = {{"theme_zh", "小龙虾养殖现场讲习"}};
  const nlohmann::json doc = nlohmann::json::parse(saved);
  const nlohmann::json::json_pointer lectures("/campaign/lectures");
  if (doc.contains(lectures) && doc.at(lectures).is_array() && !doc.at(lectures).empty()) lecture = doc.at(lectures)[0];
  lecture["id"] = "00000000000000aa";
  lecture["created"] = lecture["updated"] = "2018-03-21T08:00:00Z";
  lecture["device"] = b.device;
  b.records.push_back({"/campaign/lectures", lecture});
  const BundleReadResult read = ReadBundle(BundleToJson(b));
  FUZZ_CHECK(read.ok, "a bundle of the restored data is refused: " + read.problem.message_en);
  const MergePlan plan = PlanBundleImport(r.dataset, read.bundle);
  if (!plan.ok) FUZZ_CHECK(fuzz::ClearProblem(plan.problem), "bundle import refused without a Chinese reason");
  return 0;
}
