// Zhengjian core: writing the dataset document — at once (SaveDataset) or a slice at a time (SnapshotWriter), so
// that saving a town of 5,000 members and 120,000 point entries never holds the main thread for long.
// docs/architecture.md "Storage": the storage writes a full snapshot now and then from the live dataset while the
// user keeps working; every change made meanwhile is also in the journal (core/data/journal.h), which is replayed
// on top of the snapshot at start. A snapshot taken over several frames is therefore "fuzzy" (parts of it are
// newer than others) and still correct once its journal is replayed, with one rule the writer keeps: when records
// are added to or removed from the collection it is in the middle of, it moves its place with them (OnChange), so
// no record is skipped or written twice because records shifted under it.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/data/collections.h"
#include "core/data/dataset.h"
#include "core/data/tx.h"

namespace zj {

class EntriesTableWriter;

/// Writes one dataset document in steps. The dataset must outlive the writer; it may change between steps
/// through commands (tell the writer of added or removed records with OnStructuralChange).
class SnapshotWriter {
 public:
  explicit SnapshotWriter(const Dataset& d);
  ~SnapshotWriter();
  /// Appends the next complete part of the document to `out` (a leaf: a setting, or a whole collection once
  /// all of it is written), working through about `budget` records. True when the document is complete.
  bool Step(std::string& out, size_t budget);
  /// The dataset changed by `cs` (applied forwards, or backwards for an undo): keeps the writer's place in the
  /// collection it is in the middle of.
  void OnChange(const ChangeSet& cs, bool forward);
  /// How far the writer is, 0..1 (by leaves and records), for a progress line.
  double Progress() const;

  struct Leaf;  ///< one setting or collection of the document (snapshot.cpp)

 private:
  const Dataset& d_;
  size_t leaf_ = 0;       // next leaf
  size_t record_ = 0;     // next record of the collection leaf in progress
  std::string pending_;   // text of the collection leaf in progress (handed over when complete)
  std::unique_ptr<EntriesTableWriter> table_;
  bool started_ = false;
  std::string prev_path_;  // pointer of the last leaf written (to open and close objects)
};

}  // namespace zj
