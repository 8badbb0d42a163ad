// Zhengjian core: a command's transaction — how a command changes the dataset and says what it changed.
// docs/architecture.md "How a change travels": a command handler reads the dataset through Tx::data() and changes
// it only through the Tx (Edit / Add / Remove a record, EditAll of a small collection, EditSetting). The Tx keeps
// a copy of each record as it was before its first change; Commit() turns them into a ChangeSet (each record
// before and after, each setting before and after), stamps a new revision on every record that really changed,
// and leaves a tombstone for every record removed. A refused command is rolled back from the same copies. Undo
// and redo apply a ChangeSet backwards or forwards; the journal stores the records a ChangeSet names. Nothing
// copies the whole dataset: the cost of a command is the cost of what it touches.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/collections.h"
#include "core/data/dataset.h"
#include "core/data/settings.h"

namespace zj {

/// One record changed by a command: before and after (nullptr = absent), with the positions in the collection.
struct RecordChange {
  Coll coll = Coll::Areas;
  Id id;
  RecordImage before, after;
  int before_index = -1, after_index = -1;
  /// False when only the record's position changed (a collection reordered): no new revision, nothing to merge.
  bool content_changed = true;
  bool Added() const { return !before && after; }
  bool Removed() const { return before && !after; }
};

/// One setting changed by a command, as JSON values (settings.h).
struct SettingChange {
  Setting setting = Setting::Demo;
  nlohmann::json before, after;
};

/// Everything one command (or an undo, a redo, a bundle import) changed.
struct ChangeSet {
  std::vector<RecordChange> records;
  std::vector<SettingChange> settings;
  bool empty() const { return records.empty() && settings.empty(); }
};

/// Turns `d` from the "after" state of `cs` back into its "before" state (undo).
void RevertChanges(Dataset& d, const ChangeSet& cs);
/// Turns `d` from the "before" state of `cs` into its "after" state (redo).
void ReapplyChanges(Dataset& d, const ChangeSet& cs);

/// The transaction a command handler works in. Not copyable; one per Workspace::Apply.
class Tx {
 public:
  Tx(Dataset& d, IdGenerator& ids, TimestampMs now, std::string device);
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  ~Tx();

  /// The dataset as the handler has changed it so far (read-only: change it only through the methods below).
  const Dataset& data() const { return d_; }
  IdGenerator& ids() { return ids_; }
  TimestampMs now() const { return now_; }
  const std::string& device() const { return device_; }

  /// The record at `index` of its collection, to change in place (its copy before the first change is kept).
  template <class R>
  R& Edit(size_t index) {
    auto& v = CollOf<R>::Vec(d_);
    NoteBefore(CollOf<R>::kColl, index);
    return v[index];
  }
  /// Adds a record at `at` (default: the end). A record without an id gets a new one; `created` and `updated` are
  /// set to now, `device` to this device (its revision is given at commit). Returns the stored record.
  template <class R>
  R& Add(R rec, size_t at = static_cast<size_t>(-1)) {
    auto& v = CollOf<R>::Vec(d_);
    PrepareNew(rec.meta);
    const size_t i = std::min(at, v.size());
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), std::move(rec));
    NoteAdded(CollOf<R>::kColl, v[i].meta.id, i);
    NoteShift(CollOf<R>::kColl, true, i);
    return v[i];
  }
  /// Removes the record at `index` (a tombstone is left at commit).
  template <class R>
  void Remove(size_t index) {
    auto& v = CollOf<R>::Vec(d_);
    NoteBefore(CollOf<R>::kColl, index);
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(index));
    NoteShift(CollOf<R>::kColl, false, index);
  }
  /// The whole collection, to change freely (for small collections changed by a domain function, e.g. the talks
  /// a scheduler re-plans): a copy of it is kept and compared at commit. Must come before any Edit/Add/Remove of
  /// the same collection in this transaction.
  template <class R>
  std::vector<R>& EditAll() {
    NoteWhole(CollOf<R>::kColl);
    return CollOf<R>::Vec(d_);
  }
  /// The dataset, to change setting `s` (its value before is kept and compared at commit).
  Dataset& EditSetting(Setting s);
  /// The whole dataset, to change freely: every collection and setting is copied first and compared at commit.
  /// Costs a full copy (hundreds of ms for a 5,000-member town, bench/bench_commands.cpp): no built-in command uses
  /// it; a whole replacement goes through Workspace::Replace.
  Dataset& EditEverything();

  /// Type-erased forms for generic code (bundle merges): puts `rec` as it is (its metadata and revision are kept,
  /// not stamped) in place of the record with its id, or at `at` when there is none; removes the record `id`.
  void PutAsIs(Coll c, const RecordImage& rec, size_t at = static_cast<size_t>(-1));
  bool RemoveById(Coll c, const Id& id);

  /// Set by a handler that creates a record, so the caller can select it (e.g. the new member's id).
  Id created_id;
  /// What the audit trail records instead of the command's arguments (e.g. a roster import's file name and
  /// counts instead of its clear ID numbers).
  std::optional<nlohmann::json> audit_args;

  /// Ends the transaction: the net change of every touched record and setting; revisions stamped on changed
  /// records, tombstones added for removed ones (both part of the returned set).
  ChangeSet Commit();
  /// Puts everything back as it was before the transaction.
  void Rollback();

 private:
  struct Touch {
    Coll coll;
    Id id;
    RecordImage before;  // nullptr: the record did not exist before
    int before_index = -1;
    int hint = -1;       // where it was last seen
    bool stamp = true;   // give it a new revision at commit (false: put as-is)
  };
  void NoteBefore(Coll c, size_t index);
  void NoteAdded(Coll c, const Id& id, size_t index);
  void NoteWhole(Coll c);
  /// Records an insertion (or removal) at `index`, so that a record first touched later can be given its
  /// position before the transaction (what undo restores).
  void NoteShift(Coll c, bool insert, size_t index);
  /// The position before the transaction of the pre-existing record now at `index`.
  int OriginalIndex(Coll c, size_t index) const;
  void PrepareNew(RecordMeta& m);
  std::vector<RecordChange> NetChanges();

  Dataset& d_;
  IdGenerator& ids_;
  TimestampMs now_;
  std::string device_;
  std::vector<Touch> touches_;
  std::map<std::pair<int, Id>, size_t> touched_;         // (coll, id) -> index in touches_
  std::map<int, std::vector<RecordImage>> whole_;        // coll -> every record before
  std::map<int, nlohmann::json> settings_before_;        // setting -> value before
  std::map<int, std::vector<std::pair<bool, int>>> shifts_;  // coll -> (insert?, position) in order
  bool done_ = false;
};

}  // namespace zj
