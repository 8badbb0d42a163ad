// Zhengjian shell: the application state the screens read, and the frame's layout.
// Screens (shell/screens/*.cpp) draw from App and never reach the outside except through platform.h.
#pragma once
#include <memory>
#include <string>

#include "core/dataset.h"
#include "core/workspace.h"
#include "core/types.h"
#include "shell/i18n.h"

namespace zj::ui {

/// The screens of DESIGN.md, in navigation order.
enum class Screen { Dashboard, Organization, Learn, Look, Talk, Rate, Evidence, Boards, Report, Data, Count_ };

/// UI state of the 组织 screen (not part of the dataset).
struct OrganizationUi {
  Id selected_member;           ///< member shown in the editor ("" = none)
  std::string filter;           ///< name filter of the member table
  std::string edit_name;        ///< the editor's name field while it is being typed in
  Id edit_for;                  ///< member the edit buffers belong to
};

/// Everything a frame needs.
struct App {
  std::unique_ptr<Workspace> ws;  ///< the town's dataset and its command log (demo town until imported)
  const Dataset& data() const { return ws->data(); }
  /// Applies a command now (platform clock); failures are kept in last_problem for the status line.
  ApplyResult Apply(const Command& cmd);
  Problem last_problem;           ///< the last command's problem, shown until the next success
  Date today;                   ///< local date, or ?today= from the address
  Screen screen = Screen::Dashboard;
  float zoom = 1.0f;            ///< user's UI zoom (larger text), 0.8 .. 2.0
  float width = 0, height = 0;  ///< viewport in CSS pixels
  bool Narrow() const { return width < 600.0f; }  ///< phone layout: bottom tab bar, one column
  OrganizationUi org_ui;
};

/// Builds the app with the demo town (示例数据) for `today`.
void InitApp(App& app, Date today, uint64_t seed, TimestampMs now);
/// Draws one frame of the whole UI (navigation + current screen).
void DrawApp(App& app);
/// Applies the zoom: rebuilds style sizes and font size from scratch (never scales twice).
void ApplyScale(float zoom);

/// Navigation label of a screen.
S ScreenTitle(Screen s);

// Screens, one file each in shell/screens/.
void DrawDashboard(App& app);
void DrawOrganization(App& app);
void DrawPlaceholder(App& app, Screen s);

}  // namespace zj::ui
