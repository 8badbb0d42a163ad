// Zhengjian core: the dataset — everything of one town's campaign as one JSON document.
// DESIGN.md "Core ideas" (stable ids and revisions, schema versions, bad input loses nothing);
// issue 3 "The dataset as one JSON document".
//
// Document shape (schema_version 2):
//   { "schema_version": 2, "demo": false, "device_id": "...", "id_salt": "...",
//     "org":      { "town_name", "focus_rule", "areas", "general_branches", "branches", "members", "cadres" },
//     "points":   { "catalogue": { "example", "name", "base_points", "items" }, "entries" },
//     "member_stars":  { "thresholds", "exemptions" },
//     "branch_rating": { "thresholds", "rubric", "weights", "assessments", "history" },
//     "campaign": CampaignToJson(...) }
// Every record carries "id", "created", "updated" (ISO 8601 UTC), "device". Points are JSON numbers on the
// 0.1 grid (89.5). Dates are "YYYY-MM-DD". Version 1 (the first release's flat shape, see MigrateV1ToV2 in
// dataset.cpp and tests/fixtures/dataset-v1.json) is migrated on load.
#pragma once
#include <string>
#include <string_view>

#include "core/rate/branch_rating.h"
#include "core/campaign/campaign.h"
#include "core/org/org.h"
#include "core/rate/points.h"
#include "core/rate/stars.h"
#include "core/base/types.h"

namespace zj {

/// The schema version this code writes. Older versions are migrated on load; newer ones are refused.
constexpr int kSchemaVersion = 2;

/// One town's data (one JSON document).
struct Dataset {
  int schema_version = kSchemaVersion;
  bool demo = false;            ///< 示例数据: a made-up town (MakeDemoDataset), never a real roster
  std::string device_id;        ///< the device (browser profile) that wrote the document last
  /// Salt of the ID-number hashes (Member::id_hash, idnumber.h); 32 hex characters, created once per
  /// dataset and carried with it so imports on another device find the same people.
  std::string id_salt;
  Organization org;
  PointsBook points;
  MemberStarBook member_stars;
  BranchRatingBook branch_rating;
  Campaign campaign;            ///< serialized only through CampaignToJson / CampaignFromJson
  /// 导入记录: one entry per liaison bundle imported (core/exchange/merge.h PlanBundleImport: bundle sha256, device,
  /// time range, counts, and the losing side of each conflict). Saved as "import_log" when not empty.
  nlohmann::json import_log = nlohmann::json::array();
  /// 删除记录 (tombstones): one entry per record removed by a command or by a bundle import, so a liaison's
  /// bundle can carry deletions (core/exchange/bundle.h NoteRemovedRecords): {"collection": JSON pointer ("/org/members"),
  /// "id", "label" (a readable name), "deleted": ISO time, "device"}. Saved as "tombstones" when not empty;
  /// documents without it load with none.
  nlohmann::json tombstones = nlohmann::json::array();
};

/// A new, empty dataset for a town: salt, example catalogue and rubric (marked 示例), the notice's thresholds,
/// and the default campaign of `year`.
Dataset NewDataset(const std::string& town_name, int year, IdGenerator& ids, TimestampMs now,
                   const std::string& device);

/// Result of LoadDataset.
struct LoadResult {
  /// True when the document was read with no problem at all. When false, `dataset` holds what could be
  /// read (bad records skipped, bad fields defaulted) for display; do not save it over the original
  /// without the user's consent.
  bool ok = false;
  /// True when nothing was read (empty text, not JSON, not an object, missing/invalid/newer schema_version).
  bool refused = false;
  Dataset dataset;
  Problems problems;        ///< every problem with its JSON path ("/org/members/3/birth_date")
  int source_version = 0;   ///< schema_version found in the document (1 = migrated)
};

/// Reads a dataset document. Refuses (refused = true, one problem at path "" or "/schema_version"): empty or
/// blank text (a crash can leave an empty file), invalid JSON, a non-object, a missing or non-integer
/// schema_version, a version newer than kSchemaVersion ("made by a newer version of the app"), or < 1.
/// Version 1 is migrated to 2 first (records get created/updated = the v1 "saved_at", device = v1 "device";
/// problems inside migrated parts carry v2 paths). Then every field is validated: types, dates, point
/// precision, enum codes, thresholds order, duplicate ids, references (member -> branch, entry -> member and
/// item ...). Messages are Chinese with English.
LoadResult LoadDataset(std::string_view json_text);

/// Writes the document (pretty-printed with 1-space indent, UTF-8, keys in a fixed order per record).
/// Never returns an empty string: even an empty dataset yields a full document with schema_version.
std::string SaveDataset(const Dataset& d);

}  // namespace zj
