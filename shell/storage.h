// Zhengjian shell: keeping the dataset in the browser (docs/architecture.md "Storage"). The app-side half of
// web/storage.js: opening the stored snapshot and replaying its journal at start (or the demo town when there is
// none), keeping a bad copy aside and offering recovery, writing a journal entry after every change and a snapshot
// now and then, the save state the user sees, and a read-only tab following the writing one.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/types.h"
#include "core/data/dataset.h"

namespace zj::ui {

struct App;

/// One stored snapshot as checked at start.
struct SnapshotCheck {
  int seq = 0;
  TimestampMs time = 0;
  size_t size = 0;          ///< bytes of its text
  bool checksum_ok = false; ///< SHA-256 of the text equals the one stored with it
  bool load_ok = false;     ///< LoadDataset read it without any problem
  bool refused = false;     ///< LoadDataset refused it (empty, not JSON, newer schema …)
  int problems = 0;
  std::string town;
  bool checked = false;     ///< read and checked (older snapshots: only once recovery is opened)
  bool asked = false;       ///< reading requested (StorageCheckSnapshots)
};

/// Storage state of the app (not part of the dataset).
struct StorageState {
  /// A problem with the stored data found at start: autosave is paused (nothing overwritten) until the
  /// user recovers a snapshot or chooses to start over. Chinese and English text.
  bool blocked = false;
  std::string problem_zh, problem_en;
  std::vector<SnapshotCheck> snapshots;  ///< newest first
  int current_seq = 0;                   ///< the pointer's snapshot at start (0: none)
  bool loaded_saved = false;             ///< the app started from saved data (not the demo town)
  std::string device;                    ///< this browser profile's device id
  nlohmann::json info;                   ///< the last zjStorage.info() (refreshed twice a second)
  double info_ms = 0;                    ///< when it was read
  std::string message_zh, message_en;    ///< last storage action's outcome (recovery …)
  /// What opening found that the user must know (a save cut short, journal entries kept aside); shown as a banner.
  std::string notice_zh, notice_en;
  int replayed = 0;                      ///< journal entries replayed at start
  std::map<int, std::shared_ptr<Dataset>> checked_data;  ///< older snapshots read for recovery
};

/// The storage state (one per app).
/// At start (InitApp): replaces app.ws with the saved dataset when there is a good one; otherwise keeps the
/// demo town (re-created with this profile's device id) and, when the stored copy was bad, keeps it aside
/// and sets app.storage.blocked with the problem.
void StorageOpen(App& app);
/// Each frame, first: refreshes info, takes newer data saved by the writer tab, sets app.read_only.
void StorageFrame(App& app);
/// Each frame, last (after the frame's commands were applied): writes their changes as one journal entry, starts a
/// snapshot when one is due, and writes a slice of it.
void StorageEndFrame(App& app);
/// Reads and checks the stored snapshots for recovery (asynchronous, one a frame); call while recovery is shown.
void StorageCheckSnapshots(App& app);
/// True while a change is not on disk yet (or waits for the talk lock's sealing).
bool StorageUnsaved(const App& app);
/// The save state in a word, for the header: 已保存 / 正在保存… / 未保存! / 不会保存.
void DrawSaveState(App& app);
/// The width DrawSaveState takes at the current font, in px: the widest of its words, whichever shows (0 in a
/// read-only tab, which draws none).
float SaveStateWidth(const App& app);
/// Loads snapshot `seq` (checked by StorageCheckSnapshots) as the app's dataset (one undoable step) and unblocks
/// saving. False (message set) when it was not read or does not load.
bool StorageRecover(App& app, int seq);
/// Starts over with the demo town, leaving every stored copy in place (unblocks autosave).
void StorageStartOver(App& app);
/// Makes `data` (a town just started, core/data/town_start.h) the app's dataset with no undo history, stored
/// as a new epoch at the end of this frame: the copies stored before stay in the list of saved copies (数据 →
/// 从快照恢复) until pruned, so the step can be taken back from there or from a backup. Unblocks autosave.
void StorageStartNew(App& app, Dataset data);
/// A one-line banner under the header: read-only tab, storage problem, save error (nothing when all is well).
void DrawStorageBanner(App& app);
/// The problem a read-only tab's commands get (Chinese and English).
Problem ReadOnlyProblem();
/// "2026-03-25 09:30" in local time (the platform's clock offset) for a timestamp.
std::string LocalTimeText(TimestampMs t);

}  // namespace zj::ui
