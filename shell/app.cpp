// [SECTION] Changes (Emit, ApplyEmitted: the one place that changes the workspace)
// [SECTION] Scale and style
// [SECTION] Navigation (side bar on wide screens, bottom tab bar on phones; from the screen table)
// [SECTION] Frame
#include "shell/app.h"

#include <cstdio>
#include <cstdlib>

#include "imgui_internal.h"  // ImMax

#include "core/data/journal.h"
#include "core/demo/demo.h"
#include "imgui.h"
#include "shell/fonts.h"
#include "shell/platform.h"
#include "shell/storage.h"
#include "shell/talk_lock.h"
#include "shell/widgets.h"

namespace zj::ui {

void InitApp(App& app, Date today, uint64_t seed, TimestampMs now) {
  app.today = today;
  app.id_seed = seed ^ 0x9E3779B97F4A7C15ull;
  // The demo campaign runs in the year of `today`: in spring on the notice's own days (03-23, 03-31, 04-30),
  // at other times of year moved so that it is under way today (DemoCampaignShift), so days left or overdue
  // mean something to whoever opens it.
  DemoOptions options;
  options.campaign_shift_days = DemoCampaignShift(today);
  Dataset demo = MakeDemoDataset(2018, today.Year(), now, options);  // same demo town on every device, that day
  std::string device = demo.device_id;
  app.Emit(change::Adopt{std::move(demo), std::move(device)});
  app.ApplyEmitted();
  StorageOpen(app);  // the saved dataset when there is one (shell/storage.cpp)
}

//-----------------------------------------------------------------------------
// [SECTION] Changes
//-----------------------------------------------------------------------------
void App::Emit(Change change, Then then) { emitted_.emplace_back(std::move(change), std::move(then)); }

void App::ApplyEmitted() {
  applying_ = true;
  // Index, not iterator: a `then` may emit more, which runs in this same call.
  for (size_t i = 0; i < emitted_.size(); ++i) {
    Change change = std::move(emitted_[i].first);
    Then then = std::move(emitted_[i].second);
    const ApplyResult r = Perform(change);
    if (then) then(r);
  }
  emitted_.clear();
  applying_ = false;
}

ApplyResult App::Apply(const Command& cmd) {
  if (drawing_ || applying_) {  // a programming error: fail loudly at once
    std::fprintf(stderr, "App::Apply(%s) while a frame is drawn or changes are applied: use App::Emit\n",
                 cmd.name.c_str());
    std::abort();
  }
  ApplyResult out;
  Emit(cmd, [&out](const ApplyResult& r) { out = r; });
  ApplyEmitted();
  return out;
}

ApplyResult App::Perform(Change& change) {
  const TimestampMs now = platform::NowMs();
  ApplyResult r;
  if (auto* cmd = std::get_if<Command>(&change)) {
    if (read_only) {  // another tab writes this data (shell/storage.h)
      last_problem = ReadOnlyProblem();
      return ApplyResult{false, last_problem, {}};
    }
    r = ws->Apply(*cmd, now);
    if (r.ok) {
      last_problem = {};
    } else {
      last_problem = r.problem;
      screens.ClearSuccessLines();  // an error and a success never show together
    }
  } else if (std::holds_alternative<change::Undo>(change) || std::holds_alternative<change::Redo>(change)) {
    if (read_only) return ApplyResult{false, ReadOnlyProblem(), {}};
    r.ok = std::holds_alternative<change::Undo>(change) ? ws->Undo(now) : ws->Redo(now);
  } else if (auto* rep = std::get_if<change::Replace>(&change)) {
    if (read_only) return ApplyResult{false, ReadOnlyProblem(), {}};
    ws->Replace(std::move(rep->data), rep->why, now);
    r.ok = true;
  } else if (auto* adopt = std::get_if<change::Adopt>(&change)) {
    ws = std::make_unique<Workspace>(std::move(adopt->data), id_seed, adopt->device);
    r.ok = true;
  } else if (auto* seal = std::get_if<change::UpdateSealing>(&change)) {
    ws->UpdateSealing(seal->fn);
    r.ok = true;
  } else if (auto* follow = std::get_if<change::Follow>(&change)) {
    ws->Adopt([&](Dataset& d) {
      for (const std::string& text : follow->journal) {
        Problem p;
        ApplyJournalEntry(d, text, p);  // an entry that does not apply leaves the data as it was
      }
    });
    r.ok = true;
  } else if (std::holds_alternative<change::ForgetReadableHistory>(change)) {
    ws->ForgetReadableHistory();
    r.ok = true;
  }
  if (r.ok) ++data_version_;
  return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Scale and style
// One place for sizes: style rebuilt from scratch, then scaled once (hello_imgui, Tracy).
//-----------------------------------------------------------------------------
void ApplyScale(float zoom) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 6;
  style.ChildRounding = 8;
  style.FramePadding = ImVec2(10, 7);
  style.ItemSpacing = ImVec2(10, 8);
  style.WindowPadding = ImVec2(14, 12);
  style.ScrollbarSize = 12;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.96f, 0.93f, 1);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);  // cards push their own (widgets.h Card)
  style.Colors[ImGuiCol_Border] = ImVec4(0.85f, 0.82f, 0.78f, 1);
  style.Colors[ImGuiCol_Button] = ImVec4(0.93f, 0.90f, 0.86f, 1);
  style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.98f, 0.86f, 0.84f, 1);
  style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.95f, 0.75f, 0.72f, 1);
  style.Colors[ImGuiCol_Header] = ImVec4(0.99f, 0.82f, 0.80f, 1);  // selected rows
  style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.77f, 0.12f, 0.14f, 1);
  style.Colors[ImGuiCol_CheckMark] = ImVec4(0.77f, 0.12f, 0.14f, 1);
  style.Colors[ImGuiCol_Tab] = ImVec4(0.91f, 0.87f, 0.80f, 1);
  style.Colors[ImGuiCol_TabHovered] = ImVec4(0.98f, 0.86f, 0.84f, 1);
  style.Colors[ImGuiCol_TabSelected] = ImVec4(0.99f, 0.80f, 0.78f, 1);  // light red: dark text stays readable
  style.Colors[ImGuiCol_TabSelectedOverline] = ImVec4(0.77f, 0.12f, 0.14f, 1);
  style.Colors[ImGuiCol_TabDimmed] = ImVec4(0.91f, 0.87f, 0.80f, 1);
  style.Colors[ImGuiCol_TabDimmedSelected] = ImVec4(0.85f, 0.55f, 0.55f, 1);
  style.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.91f, 0.87f, 0.80f, 1);
  style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.98f, 0.86f, 0.84f, 1);
  style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.95f, 0.75f, 0.72f, 1);
  style.ScaleAllSizes(zoom);
  style.FontSizeBase = kBaseFontPx * zoom;
  style._NextFrameFontSizeBase = style.FontSizeBase;
}

//-----------------------------------------------------------------------------
// [SECTION] Navigation
//-----------------------------------------------------------------------------
namespace {
/// The navigation button of a screen (the same on the side bar, the phone tab bar and its "…" menu).
void NavButton(App& app, const ScreenInfo& info, ImVec2 size) {
  const bool active = app.screen == info.screen;
  if (active) {
    const ImU32 red = col::Red;
    ImGui::PushStyleColor(ImGuiCol_Button, red);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, red);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, red);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  }
  char id[96];
  std::snprintf(id, sizeof id, "%s##nav_%s", T(info.title), info.code);
  if (ImGui::Button(id, size)) app.screen = info.screen;
  if (active) ImGui::PopStyleColor(4);
}

void Header(App& app) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float line_x0 = ImGui::GetCursorPosX();
  const float line_w = ImGui::GetContentRegionAvail().x;
  // Each next item stays on the line when it fits, else starts the next one (SameLineIfFits): at a large 字号 on a
  // phone the header takes two lines instead of drawing its controls over each other.
  ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
  Label(T(S::AppName));
  ImGui::PopStyleColor();
  SameLineIfFits(ImGui::CalcTextSize(app.data().org.town_name.c_str()).x);
  Label(app.data().org.town_name);
  if (!app.Narrow()) {
    SameLineIfFits(ImGui::CalcTextSize(T(S::AppSubtitle)).x);
    LabelColored(col::Grey, T(S::AppSubtitle));
  }
  SameLineIfFits(SaveStateWidth(app));
  DrawSaveState(app);  // 已保存 / 正在保存… / 未保存!, always in sight (shell/storage.cpp)
  if (app.data().demo) {
    SameLineIfFits(ImGui::CalcTextSize(T(S::DemoBadge)).x + st.FramePadding.x * 2);
    // A badge, not a control: nothing to tap (概览 says what the demo is), so no touch target that small.
    const ImVec2 ts = ImGui::CalcTextSize(T(S::DemoBadge));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 pad(st.FramePadding.x, st.FramePadding.y * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2),
                                              IM_COL32(255, 236, 179, 255), ts.y * 0.3f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
    Label(T(S::DemoBadge));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(S::DemoExplain));
  }
  // Right side: text size (larger text for older users, kept in settings) and the language switch, right-aligned
  // on the line when they fit after the rest, else on a line of their own.
  // On a phone the switch says EN (中文 stays as it is): the two controls then fit beside the badge at 175%.
  const char* lang = app.Narrow() && CurrentLang() == Lang::Zh ? "EN" : T(S::LangSwitch);
  const float bw = ImGui::CalcTextSize(lang, nullptr, true).x + st.FramePadding.x * 2;
  const char* zoom = T(S::Zoom);
  const float zw = ImGui::CalcTextSize(zoom).x + st.FramePadding.x * 2;
  SameLineIfFits(zw + st.ItemSpacing.x + bw);
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), line_x0 + line_w - bw - zw - st.ItemSpacing.x));
  if (ImGui::Button(zoom)) ImGui::OpenPopup("zoom");
  if (ImGui::BeginPopup("zoom")) {
    for (float z : {0.85f, 1.0f, 1.25f, 1.5f, 1.75f}) {
      char label[16];
      std::snprintf(label, sizeof label, "%d%%", static_cast<int>(z * 100 + 0.5f));
      if (ImGui::Selectable(label, app.zoom == z, 0, ImVec2(Em(5), ImMax(Em(1.6f), 36.0f)))) {
        app.zoom = z;
        platform::SetSetting("zoom", label);
        ApplyScale(z);
      }
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(lang)) {
    Lang next = CurrentLang() == Lang::Zh ? Lang::En : Lang::Zh;
    SetLang(next);
    platform::SetSetting("lang", next == Lang::Zh ? "zh" : "en");
  }
  ImGui::Separator();
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------
void DrawApp(App& app) {
  app.drawing_ = true;
  // Phones: every frame (button, field, tab, checkbox, combo) at least 44 CSS px high, the touch target size,
  // by raising the frame padding for the whole frame (not by sizing each control).
  const bool touch = app.Narrow();
  if (touch) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad.x, ImMax(pad.y, (kTouchPx - ImGui::GetFontSize()) * 0.5f)));
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Zhengjian", nullptr, root_flags);
  // Undo / redo of commands (a text field being edited keeps its own Ctrl+Z).
  if (!ImGui::GetIO().WantTextInput && !app.read_only) {
    if (ImGui::Shortcut(ImGuiMod_Ctrl | ImGuiKey_Z, ImGuiInputFlags_RouteGlobal)) app.Emit(change::Undo{});
    if (ImGui::Shortcut(ImGuiMod_Ctrl | ImGuiKey_Y, ImGuiInputFlags_RouteGlobal) ||
        ImGui::Shortcut(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z, ImGuiInputFlags_RouteGlobal))
      app.Emit(change::Redo{});
  }
  Header(app);
  StorageFrame(app);       // reader tabs, storage problems (shell/storage.cpp)
  TalkLockFrame(app);      // seal / open talk records (shell/talk_lock.cpp)
  TalkDraftsFrame(app);    // with a lock set, no talk draft stays stored in clear (shell/screens/talk.cpp)
  DrawStorageBanner(app);
  if (!app.last_problem.message_zh.empty()) {
    LabelColored(col::Red, CurrentLang() == Lang::Zh ? app.last_problem.message_zh : app.last_problem.message_en);
  }

  const bool narrow = app.Narrow();
  const float tab_button_h = ImMax(kTouchPx, Em(2.8f));  // touch targets >= 44 CSS px at every zoom
  const float tabbar_h = narrow ? tab_button_h + ImGui::GetStyle().WindowPadding.y : 0.0f;
  if (!narrow) {
    ImGui::BeginChild("nav", ImVec2(Em(7.5f), 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    for (const ScreenInfo& s : AllScreens()) NavButton(app, s, ImVec2(-1, Em(2.6f)));
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("screen", ImVec2(0, narrow ? -tabbar_h : 0), ImGuiChildFlags_None);
  // The screen area is one child window shared by all screens: a screen entered starts at its top.
  if (app.screen != app.drawn_screen_) {
    ImGui::SetScrollY(0);
    if (app.drawn_screen_ != Screen::Count_) app.last_problem = {};  // a problem belongs to the screen it came from
  }
  app.drawn_screen_ = app.screen;
  Info(app.screen).draw(app);
  ImGui::EndChild();

  if (narrow) {
    // Phone: a bottom tab bar with the screens marked phone_tab in the table; the rest behind "…".
    int tabs = 1;  // "…"
    for (const ScreenInfo& s : AllScreens()) tabs += s.phone_tab;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    const float w = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(tabs - 1)) / static_cast<float>(tabs);
    // At a large 字号 the widest title (概览) is wider than its button: the bar's titles get a smaller size, never
    // a cut one.
    float widest = 0.0f;
    for (const ScreenInfo& s : AllScreens())
      if (s.phone_tab) widest = std::max(widest, ImGui::CalcTextSize(T(s.title)).x);
    const float fit = (w - 8.0f) / std::max(widest, 1.0f);
    const bool shrink = fit < 1.0f;
    if (shrink) ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * fit);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.0f, ImGui::GetStyle().FramePadding.y));
    for (const ScreenInfo& s : AllScreens()) {
      if (!s.phone_tab) continue;
      NavButton(app, s, ImVec2(w, tab_button_h));
      ImGui::SameLine();
    }
    if (ImGui::Button("…##more", ImVec2(w, tab_button_h))) ImGui::OpenPopup("more");
    ImGui::PopStyleVar(2);
    if (shrink) ImGui::PopFont();
    if (ImGui::BeginPopup("more")) {
      for (const ScreenInfo& s : AllScreens()) {
        if (s.phone_tab) continue;
        const Screen before = app.screen;
        NavButton(app, s, ImVec2(Em(8), ImMax(kTouchPx, Em(2.8f))));
        if (app.screen != before) ImGui::CloseCurrentPopup();  // buttons do not close popups by themselves
      }
      ImGui::EndPopup();
    }
  }
  ImGui::End();
  if (touch) ImGui::PopStyleVar();
  app.drawing_ = false;
  // The frame has drawn: now the emitted changes are applied (shell/app.h "How a change travels").
  app.ApplyEmitted();
  StorageEndFrame(app);  // last: the frame's changes go to the journal (shell/storage.cpp)
}

}  // namespace zj::ui
