// Zhengjian core: the dataset — everything of one town's campaign as one JSON document.
// docs/architecture.md "The dataset document" (stable ids and revisions, schema versions, bad input loses nothing).
//
// Document shape (schema_version 3):
//   { "schema_version": 3, "demo": false, "device_id": "...", "id_salt": "...",
//     "org":      { "town_name", "focus_rule", "areas", "general_branches", "branches", "members", "cadres" },
//     "points":   { "catalogue": { "example", "name", "base_points", "items" }, "entries": <entries table> },
//     "member_stars":  { "thresholds", "exemptions" },
//     "branch_rating": { "thresholds", "rubric", "weights", "assessments", "history" },
//     "campaign": { "campaign_version", "year", "name_zh", "activities", "lectures", "onsite_meetings",
//                   "talk_topics", "talk_schedule", "talks", "talk_lock"? },
//     "tombstones": [...], "import_log": [...] }
// Every record carries "id", "created", "updated" (ISO 8601 UTC), "device", "rev" and, once changed, "revs"
// (core/data/records.h). Points are JSON numbers on the 0.1 grid (89.5). Dates are "YYYY-MM-DD".
// The point entries, the one large collection (a town's year: up to ~150,000), are stored as a compact table
// (core/data/entries_table.h), not as one object each. Older versions are migrated on load: 1 (the first
// release's flat shape, tests/fixtures/dataset-v1.json) to 2, 2 (entries as objects, no revisions,
// tests/fixtures/dataset-v2.json) to 3 (revisions derived from each record's content, so two devices that load
// the same file agree on them).
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/campaign/campaign.h"
#include "core/org/org.h"
#include "core/rate/branch_rating.h"
#include "core/rate/points.h"
#include "core/rate/stars.h"
#include "core/base/types.h"

namespace zj {

/// The schema version this code writes. Older versions are migrated on load; newer ones are refused.
constexpr int kSchemaVersion = 3;

/// 删除记录 (a tombstone): a record removed by a command or by a bundle import, kept so that a liaison's bundle
/// carries the deletion and the office can tell a deletion from a record it never had (core/exchange/bundle.h).
struct Tombstone {
  /// id = the removed record's id; rev/revs = the revision it had when removed (what the deletion was made on);
  /// updated = when it was removed (device clock, for people); device = who removed it.
  RecordMeta meta;
  std::string collection;  ///< JSON pointer of the record's collection, e.g. "/org/members"
  std::string label;       ///< a readable name of the removed record (its name, theme …)
};

/// 导入记录: one liaison bundle imported (core/exchange/merge.h): id = the first 16 hex digits of the bundle's
/// SHA-256; `body` holds {"bundle_sha256", "device", "from", "to", "imported_at", counts, "conflict_log"}.
struct ImportLogEntry {
  RecordMeta meta;
  nlohmann::json body = nlohmann::json::object();
};

/// 联络员材料: set on a liaison's dataset made from the office's town (core/exchange/kit.h).
struct KitInfo {
  std::string liaison;           ///< the liaison's name
  std::vector<Id> branch_ids;    ///< the branches the liaison works with
  TimestampMs made_at = 0;       ///< when the office made it
};

/// One town's data (one JSON document).
struct Dataset {
  int schema_version = kSchemaVersion;
  bool demo = false;            ///< 示例数据: a made-up town (MakeDemoDataset), never a real roster
  std::string device_id;        ///< the device (browser profile) that wrote the document last
  /// Salt of the ID-number hashes (Member::id_hash, idnumber.h); 32 hex characters, created once per
  /// dataset and carried with it so imports on another device find the same people. Also names the dataset:
  /// a bundle or backup with another salt belongs to another town's data.
  std::string id_salt;
  Organization org;
  PointsBook points;
  MemberStarBook member_stars;
  BranchRatingBook branch_rating;
  Campaign campaign;
  std::vector<ImportLogEntry> import_log;  ///< 导入记录, oldest first
  std::vector<Tombstone> tombstones;       ///< 删除记录, oldest first
  std::optional<KitInfo> kit;              ///< a liaison's kit: whose, which branches ("/kit"; absent for the office)
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
/// problems inside migrated parts carry v2 paths); records without a revision (versions 1 and 2) get
/// "1-<hash of their content>". Then every field is validated: types, dates, point precision, enum codes,
/// thresholds order, duplicate ids, references (member -> branch, entry -> member and item ...). Messages are
/// Chinese with English.
LoadResult LoadDataset(std::string_view json_text);

/// The cross-record checks of LoadDataset on a dataset in memory: duplicate ids, references to records that do not
/// exist (member -> branch, entry -> member and item, …), the same ID number twice. Empty when all is well.
Problems CheckReferences(const Dataset& d);

/// Gives every record without a revision its content revision (ContentRevision, core/data/records.h): documents
/// older than schema 3, and datasets made in code (NewDataset, the demo town). Returns how many were given one.
int AssignMissingRevisions(Dataset& d);
/// For a dataset made in code and changed after its records got revisions (nothing of it stored or handed out
/// yet: the demo town placed around today, a town just started): every record's revision is taken again from its
/// content (generation 1), as AssignMissingRevisions would give it.
void RecomputeFirstRevisions(Dataset& d);

/// Writes the document (core/data/snapshot.cpp; compact, UTF-8, keys in a fixed order per record; invalid UTF-8 replaced by U+FFFD).
/// Never returns an empty string: even an empty dataset yields a full document with schema_version.
std::string SaveDataset(const Dataset& d);

}  // namespace zj
