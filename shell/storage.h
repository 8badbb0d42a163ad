// Zhengjian shell: keeping the dataset in the browser (README "Keeping data"). The app-side half of
// web/storage.js: loading the saved dataset at start (or the demo town when there is none), verifying its
// checksum, keeping corrupt or refused copies aside and offering recovery from a snapshot, autosave (the JS
// side polls zj_storage_poll), and the second tab's read-only mode.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/types.h"
#include "core/data/workspace.h"

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
};

/// Storage state of the app (not part of the dataset): App::storage.
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
  std::string message_zh, message_en;    ///< last storage action's outcome (recovery …)
  // Autosave bookkeeping (zj_storage_poll).
  const Workspace* saved_ws = nullptr;   ///< workspace + revision last handed to the JS side for saving
  uint64_t saved_revision = 0;
  double dirty_since = 0;                ///< ms when a change was first seen unsaved (0 = clean)
  double retry_after = 0;                ///< ms before which a failed save is not retried
  double last_info = 0;                  ///< ms of the last info refresh
};

/// At start (InitApp): adopts the saved dataset when there is a good one; otherwise the demo town in app.ws
/// (re-created with this profile's device id) and, when the stored copy was bad, keeps it aside and sets
/// app.storage.blocked with the problem. Applies what it emits at once (no frame runs yet).
void StorageOpen(App& app);
/// Each frame: refreshes info, sets app.read_only, emits the adoption of newer data saved by the writer tab.
void StorageFrame(App& app);
/// Emits the loading of snapshot `seq` read at start as the app's dataset (one undoable step; a new workspace
/// while blocked), which then unblocks autosave. False (message set) when its text is gone or does not load.
bool StorageRecover(App& app, int seq);
/// Starts over with the demo town, leaving every stored copy in place (unblocks autosave).
void StorageStartOver(App& app);
/// A one-line banner under the header: read-only tab, storage problem, save error (nothing when all is well).
void DrawStorageBanner(App& app);
/// The problem a read-only tab's commands get (Chinese and English).
Problem ReadOnlyProblem();
/// "2026-03-25 09:30" in local time (the platform's clock offset) for a timestamp.
std::string LocalTimeText(TimestampMs t);

}  // namespace zj::ui
