// Zhengjian core: the Workspace — the dataset plus the log of commands that changed it.
// DESIGN.md "Commands": every change is a named command applied to the dataset. That one path gives
// undo/redo, an audit trail (who, when, what), dirty tracking for autosave (revision), and UI tests that
// assert on commands. Screens read `data()` and call `Apply()`; they never mutate the dataset directly.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/dataset.h"
#include "core/base/types.h"

namespace zj {

/// A named change with its arguments, e.g. {"member.update", {"id": "…", "name": "张三"}}.
struct Command {
  std::string name;
  nlohmann::json args = nlohmann::json::object();
};

/// One line of the audit trail (操作记录).
struct AuditEntry {
  TimestampMs time = 0;
  std::string device;
  std::string command;        ///< command name, or "undo:<name>" / "redo:<name>"
  nlohmann::json args;        ///< the command's arguments as given
};

/// What a command handler gets besides the dataset: ids, time, device.
struct CommandContext {
  IdGenerator& ids;
  TimestampMs now;
  const std::string& device;
  /// Set by a handler that creates a record, so the caller can select it (e.g. the new member's id).
  Id created_id;
  /// Set by a handler whose arguments must not stay in the audit trail as given (roster.import carries
  /// the file's clear ID numbers): what the audit records instead (e.g. file name and counts).
  std::optional<nlohmann::json> audit_args;
};

/// A command handler: changes `d` per `args`, or returns a problem (then the workspace discards every
/// change the handler made: a failed command changes nothing).
using CommandHandler = std::function<std::optional<Problem>(Dataset& d, const nlohmann::json& args,
                                                            CommandContext& ctx)>;

/// Result of Workspace::Apply.
struct ApplyResult {
  bool ok = false;
  Problem problem;  ///< when !ok: why, in Chinese and English
  Id created_id;    ///< when the command created a record
};

/// The dataset with its command log. Not thread-safe (the app has one thread).
class Workspace {
 public:
  /// `undo_depth`: how many steps can be undone (each step keeps a copy of the dataset before it).
  Workspace(Dataset d, uint64_t id_seed, std::string device, size_t undo_depth = 50);

  const Dataset& data() const { return data_; }
  /// Increments on every change (apply, undo, redo, replace): autosave compares it with the saved one.
  uint64_t revision() const { return revision_; }
  const std::vector<AuditEntry>& audit() const { return audit_; }
  const std::string& device() const { return device_; }

  /// Registers (or replaces) the handler of a command name. A command that removes records must be named
  /// "<what>.remove": Apply then leaves a tombstone for each removed record (Dataset::tombstones, issue 7).
  void Register(const std::string& name, CommandHandler handler);
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

  /// The talk lock's in-memory bookkeeping (issue 7, TalkLock): `fn` may only add a SealedBox to a talk
  /// whose record it seals, put back a record opened from its SealedBox, or forget opened records
  /// (HideSealedRecords). None of that changes what the dataset means, so there is no command, undo step,
  /// audit line or revision; what is saved is the sealed form either way.
  void UpdateSealing(const std::function<void(std::vector<Talk>&)>& fn) { fn(data_.campaign.talks); }

  /// Closing the talk lock: forgets the undo and redo copies (they may hold readable talk records) and the
  /// arguments of "talk.record" audit lines (the record's text; the line keeps the talk id). Undo and redo are
  /// empty afterwards.
  void ForgetReadableHistory();

  /// Replaces the whole dataset (load, import), as one undoable step named `why`.
  void Replace(Dataset d, const std::string& why, TimestampMs now);

 private:
  struct Step { std::string name; Dataset before; };
  Dataset data_;
  IdGenerator ids_;
  std::string device_;
  size_t undo_depth_;
  uint64_t revision_ = 0;
  std::deque<Step> undo_, redo_;
  std::vector<AuditEntry> audit_;
  std::map<std::string, CommandHandler> handlers_;
};

/// Registers the built-in commands (commands.cpp): member.add, member.update, member.remove,
/// activity.set_status. Screens' issues add theirs beside them.
void RegisterBuiltinCommands(Workspace& ws);

/// Stamps a record as changed now by this device (updated time, device).
inline void Touch(RecordMeta& m, const CommandContext& ctx) {
  m.updated = ctx.now;
  m.device = ctx.device;
}
/// A new record's metadata: fresh id, created = updated = now.
inline RecordMeta NewMeta(CommandContext& ctx) {
  RecordMeta m;
  m.id = ctx.ids.Next();
  m.created = m.updated = ctx.now;
  m.device = ctx.device;
  ctx.created_id = m.id;
  return m;
}

}  // namespace zj
