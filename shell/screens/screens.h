// Zhengjian shell: the screens and their one table (shell/screens/screens.cpp).
// Each screen is one row of kScreens: its code (the ?screen= parameter of the address), its Chinese and
// English title, its draw function, whether it sits on the phone's bottom tab bar, and, by the row's place,
// its order in the navigation. Navigation (side bar, phone tab bar, the phone's "…" menu), ApplyStartScreen
// and the titles all read the table.
//
// Adding a screen: a value in `Screen` below (in navigation order), its row in kScreens (screens.cpp; a
// static_assert checks the order), its file shell/screens/<code>.cpp with `void Draw<Name>(App&)`, and, when
// it keeps anything between frames, its state struct in shell/screens/screen_state.h.
#pragma once
#include <string>

#include "shell/i18n.h"

namespace zj::ui {

struct App;

/// The screens, in navigation order (the order of kScreens).
enum class Screen { Dashboard, Organization, Learn, Look, Talk, Rate, Evidence, Boards, Report, Data, Phone, Count_ };

/// One row of the screen table.
struct ScreenInfo {
  Screen screen;
  const char* code;         ///< ?screen=<code> (QR posters, tests): "dashboard", "organization", …
  Tr title;                 ///< navigation label, Chinese / English
  void (*draw)(App& app);   ///< draws the screen into the screen area (state: app.screens.<code>)
  bool phone_tab;           ///< on the phone's bottom tab bar; the others are behind its "…" menu
};

/// The row of screen `s`.
const ScreenInfo& Info(Screen s);
/// Every row, in navigation order: `for (const ScreenInfo& s : AllScreens())`.
struct ScreenRows {
  const ScreenInfo* first;
  const ScreenInfo* last;
  const ScreenInfo* begin() const { return first; }
  const ScreenInfo* end() const { return last; }
};
ScreenRows AllScreens();
/// Navigation label of `s` in the current language.
const char* ScreenTitle(Screen s);
/// Shows the screen named by `code` (the ?screen= parameter: dashboard, organization, learn, look, talk, rate,
/// evidence, boards, report, data, phone). False (nothing changed) for an unknown code.
bool ApplyStartScreen(App& app, const std::string& code);

// Draw functions, one file each in shell/screens/ (named in kScreens).
void DrawDashboard(App& app);     // 概览 dashboard.cpp
void DrawOrganization(App& app);  // 组织 organization.cpp
void DrawLearn(App& app);         // 学 learn.cpp
void DrawLook(App& app);          // 看 look.cpp
void DrawTalk(App& app);          // 谈 talk.cpp
void DrawRate(App& app);          // 评 rate.cpp (its 项目与细则 tab: catalogue.cpp DrawCatalogue)
void DrawEvidence(App& app);      // 材料 evidence.cpp
void DrawBoards(App& app);        // 公示 boards.cpp
void DrawReport(App& app);        // 通报 report.cpp
void DrawData(App& app);          // 数据 data.cpp
void DrawPhoneQr(App& app);       // 手机 phone_qr.cpp: open on a phone, records by QR

// Parts drawn inside screens.
void DrawCatalogue(App& app);      // 评 tab 项目与细则 (积分项目, 考核细则): catalogue.cpp
void DrawStorageHealth(App& app);  // storage health panel (概览, 数据): storage_health.cpp
void DrawTownStartPanel(App& app);  // 本镇: rename, 开始本镇 (数据; opened from 概览's demo line): town_start.cpp
/// Shows 数据 with the guided start (开始本镇) open: the demo line on 概览 and the first run lead here.
void OpenTownStart(App& app);

}  // namespace zj::ui
