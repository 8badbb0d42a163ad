// Zhengjian core: the Workspace — the dataset plus the log of commands that changed it.
// docs/architecture.md "How a change travels": every change is a named command applied to the dataset through a
// transaction (core/data/tx.h) that says what it changed. That one path gives undo/redo (each step keeps only
// what its command changed), an audit trail (who, when, what), the journal the storage writes after every command
// (Dirty), and UI tests that assert on commands. Screens read `data()` and emit commands; they never change the
// dataset directly.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/types.h"
#include "core/data/dataset.h"
#include "core/data/tx.h"

namespace zj {

/// A named change with its arguments, e.g. {"member.update", {"id": "…", "name": "张三"}}: the form commands
/// travel in (audit trail, tests, the UI's queue). Typed commands (core/data/command.h) convert to and from it.
struct Command {
  std::string name;
  nlohmann::json args = nlohmann::json::object();
};

/// One line of the audit trail (操作记录).
struct AuditEntry {
  TimestampMs time = 0;
  std::string device;
  std::string command;        ///< command name, or "undo:<name>" / "redo:<name>"
  nlohmann::json args;        ///< the command's arguments as given (or what the command chose to record)
};

/// A command handler: reads `args` (refusing bad ones) and changes the dataset through `tx`, or returns a problem
/// (then every change it made is rolled back: a failed command changes nothing).
using TxHandler = std::function<std::optional<Problem>(const nlohmann::json& args, Tx& tx)>;

/// Result of Workspace::Apply.
struct ApplyResult {
  bool ok = false;
  Problem problem;  ///< when !ok: why, in Chinese and English
  Id created_id;    ///< when the command created a record
  /// True when the command was accepted but changed nothing (no undo step, no revision, nothing to save).
  bool unchanged = false;
};

/// What changed since the storage last took it (Workspace::TakeDirty): the records and settings to write to the
/// journal, in their current state, or a whole new dataset (`reset`).
struct Dirty {
  std::set<std::pair<int, Id>> records;  ///< (Coll, id): write the record as it is now, or its removal
  std::set<int> settings;                ///< Setting
  bool reset = false;                    ///< the dataset was replaced: a full snapshot is due
  std::vector<std::string> commands;     ///< names of the commands, undos and redos behind them
  bool empty() const { return records.empty() && settings.empty() && !reset; }
};

/// The dataset with its command log. Not thread-safe (the app has one thread).
class Workspace {
 public:
  /// `undo_depth`: how many steps can be undone (each keeps what its command changed).
  Workspace(Dataset d, uint64_t id_seed, std::string device, size_t undo_depth = 50);

  const Dataset& data() const { return data_; }
  /// Increments on every change (apply, undo, redo, replace, sealing): caches compare it with the one they were
  /// built for.
  uint64_t revision() const { return revision_; }
  const std::vector<AuditEntry>& audit() const { return audit_; }
  const std::string& device() const { return device_; }

  /// Registers (or replaces) the handler of a command name.
  void Register(const std::string& name, TxHandler handler);
  bool Has(const std::string& name) const { return handlers_.count(name) != 0; }

  /// Applies `cmd` at time `now`. Unknown command names and handler problems leave the data unchanged.
  ApplyResult Apply(const Command& cmd, TimestampMs now);

  bool CanUndo() const { return !undo_.empty(); }
  bool CanRedo() const { return !redo_.empty(); }
  /// Name of the command the next Undo / Redo would revert / repeat ("" if none).
  std::string UndoName() const { return undo_.empty() ? "" : undo_.back().name; }
  std::string RedoName() const { return redo_.empty() ? "" : redo_.back().name; }
  bool Undo(TimestampMs now);
  bool Redo(TimestampMs now);

  /// The talk lock's in-memory bookkeeping (TalkLock): `fn` may only add a SealedBox to a talk whose record it
  /// seals, put back a record opened from its SealedBox, or forget opened records (HideSealedRecords). None of
  /// that changes what the dataset means, so there is no command, undo step or audit line; the talks whose
  /// stored (sealed) form changed are marked for the journal.
  void UpdateSealing(const std::function<void(std::vector<Talk>&)>& fn);

  /// Closing the talk lock: forgets the undo and redo steps (they may hold readable talk records) and the
  /// arguments of "talk.record" audit lines (the record's text; the line keeps the talk id).
  void ForgetReadableHistory();

  /// A read-only tab following the tab that writes: `fn` applies what that tab saved (journal entries). Nothing is
  /// marked for saving (it is stored already) and undo and redo are cleared (they belonged to the old state).
  void Adopt(const std::function<void(Dataset&)>& fn);

  /// Replaces the whole dataset (load, backup import, recovery), as one undoable step named `why`.
  void Replace(Dataset d, const std::string& why, TimestampMs now);

  /// What changed since the last call (and forgets it): for the storage's journal.
  Dirty TakeDirty();
  bool HasDirty() const { return !dirty_.empty(); }
  /// Called with every change set right after it was applied, forwards (command, redo) or backwards (undo): the
  /// storage's snapshot writer keeps its place by it (SnapshotWriter::OnChange).
  void SetChangeObserver(std::function<void(const ChangeSet&, bool forward)> fn) { observer_ = std::move(fn); }

  /// Tests: after every command, undo and redo are checked to reproduce the documents before and after it byte for
  /// byte (catches a handler that changes the dataset behind its transaction's back). Off by default.
  static void SetVerifyChanges(bool on);

 private:
  struct Step {
    std::string name;
    ChangeSet changes;
    std::shared_ptr<Dataset> other;  ///< Replace steps: the whole dataset on the other side
  };
  void Note(const ChangeSet& cs, const std::string& why, bool forward);
  void Push(std::deque<Step>& stack, Step s);

  Dataset data_;
  IdGenerator ids_;
  std::string device_;
  size_t undo_depth_;
  uint64_t revision_ = 0;
  TimestampMs last_stamp_ = 0;
  std::deque<Step> undo_, redo_;
  std::vector<AuditEntry> audit_;
  std::map<std::string, TxHandler> handlers_;
  Dirty dirty_;
  std::function<void(const ChangeSet&, bool)> observer_;
};

/// Registers the built-in commands: the typed commands of core/data/command_table.h.
void RegisterBuiltinCommands(Workspace& ws);

}  // namespace zj
