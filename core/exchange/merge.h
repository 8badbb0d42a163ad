// Zhengjian core: merging a liaison bundle into the office's dataset, and comparing two datasets for a
// backup import's preview. Issue 7; DESIGN.md "Stable ids and revisions": import keys on ids, importing the
// same file twice changes nothing, a conflict keeps the newer revision (RecordMeta.updated) and logs the other.
//
// Classification of an incoming record R against the office's copy O (same collection, same id):
//   New       no O                                                  -> R added
//   Present   O equals R                                            -> nothing
//   Changed   O.updated < R.updated and O is the liaison's earlier copy (O.device == bundle device, or O not
//             touched since the bundle's start: O.updated <= from)   -> R replaces O
//   Conflict  otherwise (both sides changed it since the hand-off)  -> the newer by updated is kept (a tie goes to
//             the greater device id, then to the office), the other goes to the import log
// Deletion (tombstone) T of the bundle against the office's record O:
//   Present   no O (already gone)                                   -> nothing
//   Deleted   O is the liaison's earlier copy (as for Changed) and O.updated <= T.deleted -> O removed
//   Conflict  otherwise (the office edited O since the hand-off)    -> the newer of O.updated and T.deleted wins
//             (a tie to the greater device id); O removed or kept, the losing side (O or T) logged
// An incoming record the office deleted since (a tombstone in office.tombstones) is a Conflict the same way:
// re-added when it is newer than the deletion, else left deleted; the other side is logged.
// A bundle whose sha256 is already in the dataset's import log changes nothing (every record Present).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/exchange/bundle.h"
#include "core/data/dataset.h"
#include "core/base/types.h"

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
  std::string label;          ///< a readable name (name / theme_zh / title / venue …, else the id)
  bool incoming_kept = true;  ///< Conflict: true when the bundle's side (its record or its deletion) won
  bool deletion = false;      ///< the item is one of the bundle's deletions (Deleted, or a Conflict over one)
};

/// Preview and result of importing a bundle (PlanBundleImport). Apply `merged` as one step (Workspace::Replace).
struct MergePlan {
  bool ok = false;           ///< false: refused (problem says why), nothing may be applied
  Problem problem;
  bool already_imported = false;  ///< this bundle (same sha256) is in the import log
  /// The bundle's sealed talk records came with a talk lock and the office had none: the office takes it
  /// (the records open with the liaison's passphrase).
  bool lock_adopted = false;
  /// The bundle's talk lock differs from the office's (another passphrase): its sealed records are kept
  /// sealed and open only with that other passphrase.
  bool lock_differs = false;
  int added = 0, changed = 0, conflicts = 0, present = 0, deleted = 0;
  std::vector<MergeItem> items;  ///< every record of the bundle, in bundle order, then every deletion
  Dataset merged;            ///< the office's dataset after the import (with its import-log entry)
  /// True when applying would change the dataset (added, changed, deleted or conflicts > 0).
  bool HasChanges() const { return added + changed + conflicts + deleted > 0; }
};

/// Plans the import of a verified bundle (ReadBundle) into `office` at time `now`. Refuses (ok = false) a
/// bundle of another dataset (id_salt differs), a record whose collection is not an array of `office`'s
/// document, and a result that would not load cleanly (LoadDataset problems, e.g. a reference to a member
/// the office does not have): a refused import changes nothing. When there are changes, one entry is appended
/// to merged.import_log: {"bundle_sha256", "device", "from", "to", "imported_at", "added", "changed", "deleted",
/// "conflicts", "present", "conflict_log": [{"collection", "id", "kept": "incoming"|"local", "other": record or
/// tombstone}]}; the bundle's deletions that removed a record join merged.tombstones.
MergePlan PlanBundleImport(const Dataset& office, const Bundle& bundle, TimestampMs now);

/// Differences between the current dataset and one about to replace it (backup import preview).
struct DatasetDiff {
  int added = 0;      ///< records only in `incoming`
  int removed = 0;    ///< records only in `current`
  int changed = 0;    ///< same id, different content
  int same = 0;
  std::vector<MergeItem> items;  ///< New, Changed and Removed records
  std::string town_current, town_incoming;
};
/// Compares two datasets record by record (RecordCollections of both documents).
DatasetDiff DiffDatasets(const Dataset& current, const Dataset& incoming);

}  // namespace zj
