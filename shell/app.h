// Zhengjian shell: the application — the workspace, the one way to change it, the state of every screen —
// and the frame's layout. Screens (shell/screens/*.cpp, listed in shell/screens/screens.h) draw from App and
// never reach the outside except through platform.h.
//
// How a change travels in a frame (docs/architecture.md "How a change travels"):
//   1. A screen draws from app.data() and, when the user acts, emits a typed command (core/data/command_table.h):
//      app.Emit(Cmd<MemberAdd>([&](auto& c) { c.name = n; }), then). Nothing changes yet, so every pointer and
//      reference into the dataset stays valid while the screen draws.
//   2. After the screen (and the rest of the frame) has drawn, DrawApp calls app.ApplyEmitted(): the emitted
//      changes are applied in order, each followed by its `then` with the ApplyResult (e.g. to select the
//      record it created). A `then` must not use pointers or references into the dataset taken while drawing:
//      it reads app.data() afresh when it needs the data.
//   3. The next frame draws the new data.
// Undo, redo, whole-dataset replacements (imports, recovery), another tab's saved data and the talk lock's
// sealing go the same way (the change:: types below): App::Perform is the one place that changes app.ws.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/base/types.h"
#include "core/data/command.h"
#include "core/data/dataset.h"
#include "core/data/workspace.h"
#include "shell/i18n.h"
#include "shell/screens/screen_state.h"
#include "shell/screens/screens.h"
#include "shell/storage.h"
#include "shell/talk_lock.h"

namespace zj::ui {

/// Changes other than a command, one type each (typed, like ImHex's events).
namespace change {
/// Undoes the last step (Ctrl+Z, 撤销). Refused in a read-only tab.
struct Undo {};
/// Redoes the last undone step (Ctrl+Y, Ctrl+Shift+Z, 重做). Refused in a read-only tab.
struct Redo {};
/// Replaces the whole dataset as one undoable step named `why` (backup or bundle import, recovery from a
/// snapshot). Refused in a read-only tab.
struct Replace {
  Dataset data;
  std::string why;  ///< e.g. "backup.import", "bundle.import", "storage.recover"
};
/// Starts a new workspace on `data` with no undo history, stamped with `device` (start-up, the data another
/// tab saved, recovery while storage is blocked). Applied in a read-only tab too.
struct Adopt {
  Dataset data;
  std::string device;
};
/// The talk lock's bookkeeping on the talk records (Workspace::UpdateSealing: no command, no undo step).
struct UpdateSealing {
  std::function<void(std::vector<Talk>&)> fn;
};
/// Journal entries the writer tab stored (web/storage.js), applied to a read-only tab's data as they are: no
/// command, no undo step, nothing to store (ApplyJournalEntry, core/data/journal.h).
struct Follow {
  std::vector<std::string> journal;  ///< entry texts, oldest first
};
/// Forgets undo/redo copies and talk.record audit text (Workspace::ForgetReadableHistory; talk lock).
struct ForgetReadableHistory {};
}  // namespace change

/// What App::Emit takes: a command (the usual case) or one of the change:: types.
using Change = std::variant<Command, change::Undo, change::Redo, change::Replace, change::Adopt,
                            change::UpdateSealing, change::Follow, change::ForgetReadableHistory>;
/// The typed command C (core/data/command_table.h) with the fields `fill` sets, in its {name, args} form:
///   app.Emit(Cmd<MemberUpdate>([&](auto& c) { c.id = id; c.phone = phone; }));
/// A misspelt field does not compile; fields left unset stay out of the arguments (core/data/command.h).
template <class C, class Fill>
Command Cmd(Fill&& fill) {
  C c{};
  fill(c);
  return ToCommand(c);
}

/// Command `c` with `field` holding `text` as the user typed it, for a date or points field: the command reads
/// such text itself (a date YYYY-MM-DD, points such as "+2" or "0.5") and refuses what does not read as one
/// with its message naming the field (core/data/command.h ArgReader); the audit trail keeps what was typed.
/// The key is the one C's field list writes for `field`, so a screen never spells it.
template <class C, class B, class F>
Command AsTyped(C c, F B::*field, const std::string& text) {
  // The field's key: the one whose argument differs between two values of the field.
  F one{}, two{};
  if constexpr (std::is_same_v<F, Date>) {
    one = *Date::FromYmd(2000, 1, 1);
    two = *Date::FromYmd(2000, 1, 2);
  } else {
    two.emplace();  // a std::optional (or Maybe) field: absent, then present
  }
  c.*field = one;
  Command cmd = ToCommand(c);
  c.*field = two;
  const nlohmann::json other = ToCommand(c).args;
  for (auto it = other.begin(); it != other.end(); ++it)
    if (!cmd.args.contains(it.key()) || cmd.args[it.key()] != *it) cmd.args[it.key()] = text;
  return cmd;
}

/// Follow-up of an emitted change, run with its result right after it is applied.
using Then = std::function<void(const ApplyResult&)>;

/// Everything a frame needs. One per page (shell/platform_web.cpp) or per UI test (tests/ui/harness.h); made
/// fresh, it starts every screen from its initial state.
struct App {
  App() = default;
  App(const App&) = delete;             // screens' follow-ups hold references into it
  App& operator=(const App&) = delete;

  //---------------------------------------------------------------------------
  // Data
  //---------------------------------------------------------------------------
  std::unique_ptr<Workspace> ws;  ///< the town's dataset and its command log; read it, change it only by Emit
  const Dataset& data() const { return ws->data(); }
  /// Counts every change applied (commands, undo, imports, adoptions, sealing): caches of values computed
  /// from the dataset compare it (a replaced workspace starts its own revision at 0 again).
  uint64_t data_version() const { return data_version_; }

  /// Queues `change` (usually a typed command, `Cmd<MemberUpdate>(...)` or `ToCommand(struct)`); applied after the frame has drawn, in the order
  /// emitted, then `then` runs with its result. A refused command leaves its problem in last_problem.
  void Emit(Change change, Then then = {});
  /// Applies the emitted changes in order, each followed by its `then` (which may emit more: applied in the
  /// same call). DrawApp calls it after the screens; InitApp at start.
  void ApplyEmitted();
  /// Emits `cmd` and applies it at once, returning its result: only between frames (UI tests, the browser
  /// tests' zjTest.apply); aborts when called while a frame is drawn or from a `then`.
  ApplyResult Apply(const Command& cmd);

  Problem last_problem;  ///< the last command's problem, shown until the next success or another screen or tab
  /// Called by a screen's tab bar for the tab it draws (key e.g. "rate:entry"): a tab entered clears
  /// last_problem (a refusal on one tab is not left standing on another).
  void ShowingTab(const std::string& key) {
    if (screens.shown_tab != key) {
      if (!screens.shown_tab.empty()) last_problem = {};
      screens.shown_tab = key;
    }
  }
  /// Another tab holds the writer lock (shell/storage.h): commands are refused, data follows that tab.
  bool read_only = false;
  /// Opened with ?demo=1: the demo town in its own storage space (web/storage.js), apart from the town's data.
  bool demo_space = false;
  uint64_t id_seed = 0;  ///< seed of the workspace's id generator (every adopted workspace gets it)

  //---------------------------------------------------------------------------
  // Frame and settings
  //---------------------------------------------------------------------------
  Date today;                   ///< local date, or ?today= from the address
  Screen screen = Screen::Dashboard;
  float zoom = 1.0f;            ///< user's UI zoom (larger text), 0.8 .. 2.0
  float width = 0, height = 0;  ///< viewport in CSS pixels
  bool Narrow() const { return width < 600.0f; }  ///< phone layout: bottom tab bar, one column

  //---------------------------------------------------------------------------
  // State owned by the app (nothing of it is in the dataset)
  //---------------------------------------------------------------------------
  Screens screens;         ///< each screen's state: app.screens.rate, … (shell/screens/screen_state.h)
  StorageState storage;    ///< the stored dataset's state, autosave bookkeeping (shell/storage.h)
  TalkLockRuntime lock;    ///< the talk lock's asynchronous work (shell/talk_lock.h)

 private:
  friend void DrawApp(App& app);
  /// The one place that changes `ws`.
  ApplyResult Perform(Change& change);
  std::vector<std::pair<Change, Then>> emitted_;
  uint64_t data_version_ = 0;
  bool drawing_ = false;         ///< inside DrawApp (Apply aborts)
  bool applying_ = false;        ///< inside ApplyEmitted (Apply aborts; a `then` emits instead)
  Screen drawn_screen_ = Screen::Count_;  ///< the screen drawn in the last frame (scroll to top on entering another)
};

/// Builds the app with the demo town (示例数据) for `today`, or the dataset saved in this browser.
void InitApp(App& app, Date today, uint64_t seed, TimestampMs now);
/// Draws one frame of the whole UI (navigation + current screen), then applies what it emitted.
void DrawApp(App& app);
/// Applies the zoom: rebuilds style sizes and font size from scratch (never scales twice).
void ApplyScale(float zoom);

}  // namespace zj::ui
