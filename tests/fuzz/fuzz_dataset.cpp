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

#include "core/exchange/merge.h"
#include "fuzz_common.h"

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
  if (j.is_object() && j.value("format", std::string()) == "zhengjian-backup" && j.contains("dataset"))
    text = j["dataset"].dump();

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
  FUZZ_CHECK(diff.items.size() == static_cast<size_t>(diff.added + diff.removed + diff.changed), "diff counts do not add up");
  return 0;
}
