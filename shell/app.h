// Zhengjian shell: the application state the screens read, and the frame's layout.
// Screens (shell/screens/*.cpp) draw from App and never reach the outside except through platform.h.
#pragma once
#include <memory>
#include <string>

#include "core/data/dataset.h"
#include "core/data/workspace.h"
#include "core/base/types.h"
#include "shell/i18n.h"

namespace zj::ui {

/// The screens of DESIGN.md, in navigation order.
enum class Screen { Dashboard, Organization, Learn, Look, Talk, Rate, Evidence, Boards, Report, Data, Phone, Count_ };

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
  /// Another tab holds the writer lock (issue 7, shell/storage.h): commands are refused, data follows that tab.
  bool read_only = false;
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
void DrawData(App& app);           // 数据 shell/screens/data.cpp (issue 7)
void DrawEvidence(App& app);       // 材料 shell/screens/evidence.cpp (issue 7)
void DrawStorageHealth(App& app);  // storage health panel, shell/screens/storage_health.cpp (issue 7)
void DrawLearn(App& app);   // 学 shell/screens/learn.cpp
void DrawLook(App& app);    // 看 shell/screens/look.cpp
void DrawTalk(App& app);    // 谈 shell/screens/talk.cpp
void DrawReport(App& app);  // 通报 shell/screens/report.cpp
void DrawRate(App& app);    // 评 shell/screens/rate.cpp
void DrawCatalogue(App& app);  // 评 tab 项目与细则 (积分项目, 考核细则): shell/screens/catalogue.cpp
void DrawBoards(App& app);  // 公示 shell/screens/boards.cpp
void DrawPhoneQr(App& app);  // 手机 shell/screens/phone_qr.cpp (issue 8): open on a phone, data by QR
/// Navigation label of the 手机 screen (its strings live in phone_qr.cpp, not in the central table).
const char* PhoneScreenTitle();
/// Shows the screen named by `code` (the ?screen= parameter of the address: dashboard, organization, learn,
/// look, talk, rate, evidence, boards, report, data, phone). False (nothing changed) for an unknown code.
bool ApplyStartScreen(App& app, const std::string& code);

}  // namespace zj::ui
