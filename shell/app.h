// Zhengjian shell: the application state the screens read, and the frame's layout.
// Screens (shell/screens/*.cpp) draw from App and never reach the outside except through platform.h.
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/types.h"
#include "shell/i18n.h"

namespace zj::ui {

/// The screens of DESIGN.md, in navigation order.
enum class Screen { Dashboard, Organization, Learn, Look, Talk, Rate, Evidence, Boards, Report, Data, Count_ };

/// Everything a frame needs.
struct App {
  Dataset data;                 ///< the town's dataset (the demo town until the user imports theirs)
  Date today;                   ///< local date, or ?today= from the address
  Screen screen = Screen::Dashboard;
  float zoom = 1.0f;            ///< user's UI zoom (larger text), 0.8 .. 2.0
  float width = 0, height = 0;  ///< viewport in CSS pixels
  bool Narrow() const { return width < 600.0f; }  ///< phone layout: bottom tab bar, one column
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
