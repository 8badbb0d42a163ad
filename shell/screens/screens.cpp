// Zhengjian shell: the screen table (shell/screens/screens.h). One row per screen, in navigation order.
#include "shell/screens/screens.h"

#include "shell/app.h"

namespace zj::ui {
namespace {

constexpr ScreenInfo kScreens[] = {
  // screen               code            title (zh, en)                draw               phone tab
  {Screen::Dashboard,    "dashboard",    {"概览", "Home"},              DrawDashboard,     true},
  {Screen::Organization, "organization", {"组织", "Organization"},      DrawOrganization,  false},
  {Screen::Learn,        "learn",        {"学", "Learn"},               DrawLearn,         true},
  {Screen::Look,         "look",         {"看", "Look"},                DrawLook,          true},
  {Screen::Talk,         "talk",         {"谈", "Talk"},                DrawTalk,          true},
  {Screen::Rate,         "rate",         {"评", "Rate"},                DrawRate,          true},
  {Screen::Evidence,     "evidence",     {"材料", "Evidence"},          DrawEvidence,      false},
  {Screen::Boards,       "boards",       {"公示", "Boards"},            DrawBoards,        false},
  {Screen::Report,       "report",       {"通报", "Report"},            DrawReport,        false},
  {Screen::Data,         "data",         {"数据", "Data"},              DrawData,          false},
  {Screen::Phone,        "phone",        {"手机", "Phone"},             DrawPhoneQr,       false},
};
constexpr size_t kCount = sizeof kScreens / sizeof kScreens[0];
static_assert(kCount == static_cast<size_t>(Screen::Count_), "one row in kScreens for every Screen");

/// True when every row sits at the index of its Screen value (so Info(s) is kScreens[s]).
constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kCount; ++i)
    if (static_cast<size_t>(kScreens[i].screen) != i) return false;
  return true;
}
static_assert(RowsInEnumOrder(), "kScreens rows must follow the order of enum Screen");

/// The titles join the UI strings (AllStrings: the glyph test checks them), one registration per row.
struct RegisterTitles {
  RegisterTitles() {
    for (const ScreenInfo& s : kScreens) StringTable{&s.title};
  }
} const kRegisterTitles;

}  // namespace

const ScreenInfo& Info(Screen s) { return kScreens[static_cast<size_t>(s) < kCount ? static_cast<size_t>(s) : 0]; }
ScreenRows AllScreens() { return {kScreens, kScreens + kCount}; }
const char* ScreenTitle(Screen s) { return T(Info(s).title); }

bool ApplyStartScreen(App& app, const std::string& code) {
  for (const ScreenInfo& s : kScreens)
    if (code == s.code) {
      app.screen = s.screen;
      return true;
    }
  return false;
}

}  // namespace zj::ui
