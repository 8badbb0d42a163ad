// Fuzz target: a liaison bundle file (痕迹材料包, core/exchange/bundle.h) through the 数据 screen's import
// (shell/screens/data.cpp OnBundlePicked): ReadBundle, then PlanBundleImport into the office's data (the demo
// town of fuzz_common.h, whose id_salt the seed bundles carry).
// A mutated bundle almost always fails its SHA-256 and its counts, which would keep the fuzzer at the door;
// so each input is read twice: as it is, and "resealed" (record_count, deletion_count, evidence_count set
// to what the arrays hold and sha256 set to the checksum ReadBundle computed), which is what a tampered
// file with a recomputed checksum looks like.
// Checks: a refusal has a Chinese reason; an accepted bundle plans without a crash; a refused plan has a
// Chinese reason; an accepted plan lists every record and deletion once; applied as the bundle.import command,
// the result saves and loads back without a problem, and importing the same bundle again changes nothing.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/exchange/bundle.h"
#include "core/data/workspace.h"
#include "core/exchange/merge.h"
#include "fuzz_common.h"
#include "json_mutator.h"

namespace {
using namespace zj;
using nlohmann::json;

constexpr TimestampMs kNow = kDemoNow + 7 * 86400000LL;

void Plan(const Bundle& b) {
  const MergePlan plan = PlanBundleImport(fuzz::Office(), b);
  if (!plan.ok) {
    FUZZ_CHECK(fuzz::ClearProblem(plan.problem), "plan refused without a Chinese reason");
    return;
  }
  FUZZ_CHECK(plan.items.size() == b.records.size() + b.deletions.size(), "plan does not list every record once");
  FUZZ_CHECK(static_cast<size_t>(plan.added + plan.changed + plan.conflicts + plan.present + plan.deleted) == plan.items.size(),
             "plan counts do not add up");
  if (!plan.HasChanges()) return;
  // Applied as the 数据 screen applies it: the bundle.import command (conflicts taken from the bundle's side).
  Workspace ws(fuzz::Office(), 7, "aaaabbbbccccdddd");
  Bundle copy = b;
  json choices = json::object();
  for (size_t i = 0; i < plan.conflict_list.size(); ++i) choices[std::to_string(i)] = {{"take_incoming", true}};
  const Command cmd{"bundle.import", {{"bundle", json::parse(BundleToJson(copy))}, {"choices", choices}}};
  const ApplyResult r = ws.Apply(cmd, kNow);
  if (!r.ok) {
    FUZZ_CHECK(fuzz::ClearProblem(r.problem), "import refused without a Chinese reason");
    return;
  }
  const LoadResult back = LoadDataset(SaveDataset(ws.data()));
  FUZZ_CHECK(back.ok, "merged dataset loads with problems: " + (back.problems.empty() ? std::string() : back.problems[0].path + " " + back.problems[0].message_en));
  const MergePlan again = PlanBundleImport(ws.data(), b);
  FUZZ_CHECK(again.ok, "the same bundle refused the second time");
  FUZZ_CHECK(again.already_imported, "the import log does not know the bundle");
  FUZZ_CHECK(!again.HasChanges(), "the same bundle changes the data twice");
  const ApplyResult twice = ws.Apply(cmd, kNow + 1000);
  FUZZ_CHECK(twice.ok && twice.unchanged, "applying the same bundle again changed the data");
}

/// ReadBundle; on success, Plan. Returns the result for resealing.
BundleReadResult Read(std::string_view text) {
  BundleReadResult r = ReadBundle(text);
  if (r.ok) {
    FUZZ_CHECK(r.bundle.sha256.size() == 64, "accepted bundle without its checksum");
    Plan(r.bundle);
  } else {
    FUZZ_CHECK(fuzz::ClearProblem(r.problem), "bundle refused without a Chinese reason at " + r.problem.path);
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const BundleReadResult first = Read(text);
  if (first.ok) return 0;
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return 0;
  for (const auto& [count, list] : {std::pair{"record_count", "records"}, {"deletion_count", "deletions"}, {"evidence_count", "evidence"}})
    if (auto it = j.find(list); it != j.end() && it->is_array()) j[count] = it->size();
  j["sha256"] = "0";
  BundleReadResult second = ReadBundle(j.dump(-1, ' ', false, json::error_handler_t::replace));
  if (second.ok || second.problem.path != "/sha256" || second.bundle.sha256.empty()) return 0;
  j["sha256"] = second.bundle.sha256;
  const BundleReadResult sealed = Read(j.dump(1, ' ', false, json::error_handler_t::replace));
  FUZZ_CHECK(sealed.ok, "a resealed bundle is refused: " + sealed.problem.path);
  return 0;
}
