// Zhengjian core: merging a liaison bundle into the office's dataset by revision lineage, and comparing two datasets
// for a backup import's preview. docs/architecture.md "Records and revisions" (after CouchDB: an edit names the
// revision it was made on; an untouched copy never beats an edit; real conflicts go to a person). No clock decides.
//
// Classification of an incoming record R against the office's copy O (same collection, same id):
//   New       no O (and no office deletion of it)                            -> R added as it is
//   Present   O.rev == R.rev, or O descends from R (O's history holds R.rev)  -> nothing (the office has it or newer)
//   Changed   R descends from O (R's history holds O.rev)                      -> R replaces O, revision kept
//   Conflict  neither descends from the other (both changed since they parted) -> a person chooses, field by field;
//             records of equal content are not a conflict (their histories are joined)
// A deletion (tombstone) T of the bundle against O:
//   Present   no O (already gone)
//   Deleted   T was made on O's revision or a descendant of it                 -> O removed
//   Conflict  the office changed O since                                       -> a person chooses: delete or keep
// An incoming record the office deleted: Present when the deletion was made on R's revision or a descendant, else
// a Conflict (re-add or keep deleted). Records of bundles made before revisions existed (format 1 and 2) carry
// none: they are compared by content, then by the device that wrote the office's copy; anything in doubt is a
// Conflict for a person, never a silent choice.
// A bundle whose sha256 is already in the dataset's import log changes nothing.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/collections.h"
#include "core/data/dataset.h"
#include "core/data/tx.h"
#include "core/exchange/bundle.h"

namespace zj {

/// What an import does to one record.
enum class MergeOutcome {
  New, Changed, Conflict, Present,
  Removed,  ///< diff only: gone in the incoming dataset
  Deleted   ///< bundle import: removed by the liaison (a tombstone), 删除
};

/// One record in a merge or diff preview.
struct MergeItem {
  MergeOutcome outcome = MergeOutcome::New;
  std::string collection;     ///< JSON pointer of its collection ("/campaign/lectures")
  Id id;
  /// What the record is, for a person: the talk's pair and date, the lecture's theme, the member's name and branch,
  /// an entry's member, item and date (DescribeRecord).
  std::string label;
  bool deletion = false;      ///< the item is one of the bundle's deletions (Deleted, or a Conflict over one)
  int conflict = -1;          ///< Conflict: index in MergePlan::conflicts
};

/// A conflict for a person to resolve: the office's version and the liaison's, both as records (JSON).
struct MergeConflict {
  Coll coll = Coll::Areas;
  Id id;
  std::string label;
  nlohmann::json local;     ///< the office's record; null when the office deleted it
  nlohmann::json incoming;  ///< the liaison's record; null when the liaison deleted it
  /// The fields whose values differ (content fields of ContentOf), for a field-by-field choice. Empty when one
  /// side is a deletion.
  std::vector<std::string> fields;
};

/// How a person resolved one conflict: keep the office's version (default), take the liaison's, or take the
/// liaison's value of some fields only. For a deletion conflict `take_incoming` means "delete" (or "re-add" when
/// the office had deleted it).
struct ConflictChoice {
  bool take_incoming = false;
  std::set<std::string> incoming_fields;  ///< when not taking all: these fields from the liaison's version
};

/// Preview of importing a bundle (PlanBundleImport). Apply it with the "bundle.import" command (ApplyBundleImport).
struct MergePlan {
  bool ok = false;           ///< false: refused (problem says why), nothing may be applied
  Problem problem;
  bool already_imported = false;  ///< this bundle (same sha256) is in the import log
  /// The bundle's sealed talk records came with a talk lock and the office had none: the office takes it.
  bool lock_adopted = false;
  /// The bundle's talk lock differs from the office's (another passphrase): its sealed records stay sealed.
  bool lock_differs = false;
  int added = 0, changed = 0, conflicts = 0, present = 0, deleted = 0;
  std::vector<MergeItem> items;           ///< every record of the bundle, in bundle order, then every deletion
  std::vector<MergeConflict> conflict_list;
  /// True when applying would change the dataset (added, changed, deleted or conflicts > 0).
  bool HasChanges() const { return added + changed + conflicts + deleted > 0; }
};

/// Plans the import of a verified bundle (ReadBundle) into `office`. Refuses (ok = false) a bundle of another
/// dataset (id_salt differs: named by its town), a record whose collection this dataset does not have, and a
/// record that cannot be read. Cost: one pass over the office's collections the bundle touches.
MergePlan PlanBundleImport(const Dataset& office, const Bundle& bundle);

/// Applies `bundle` through `tx` as planned, with `choices` for the plan's conflicts (missing choices keep the
/// office's version): records added/replaced as they came (their revisions kept), deletions done, resolved
/// conflicts written as a new revision that descends from both sides, the import log entry added (without the
/// text of any talk record), the bundle's talk lock adopted when the office had none. Refuses (and the caller rolls
/// back) a result that would leave references to records the office does not have.
std::optional<Problem> ApplyBundleImport(Tx& tx, const Bundle& bundle, const std::map<int, ConflictChoice>& choices);

/// A person's name for a record of `d`'s collection `c` given as JSON: a talk as "王书记 — 张一（东湖村党支部）
/// 2026-03-25", a point entry as "张一 · 三会一课 · 2026-03-05", a member as "张一（东湖村党支部）", a lecture by its
/// theme, others by name / title, else the id.
std::string DescribeRecord(const Dataset& d, Coll c, const nlohmann::json& record);

/// Differences between the current dataset and one about to replace it (backup import preview).
struct DatasetDiff {
  int added = 0;      ///< records only in `incoming`
  int removed = 0;    ///< records only in `current`
  int changed = 0;    ///< same id, different content
  int same = 0;
  std::vector<MergeItem> items;  ///< New, Changed and Removed records (at most 50 of each kind per collection)
  std::string town_current, town_incoming;
  bool other_dataset = false;    ///< the datasets' id_salt differ: another town's (or another copy's) data
};

/// Compares two datasets record by record (records with equal revisions are equal without looking further).
DatasetDiff DiffDatasets(const Dataset& current, const Dataset& incoming);

/// The "bundle.import" command that applies a bundle is in core/exchange/commands_exchange.h.

}  // namespace zj
