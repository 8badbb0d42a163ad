// Screens that later issues fill (学 看 谈 评 材料 公示 通报 数据): a title and an honest note.
#include "imgui.h"
#include "shell/app.h"
#include "shell/widgets.h"

namespace zj::ui {

void DrawPlaceholder(App& app, Screen s) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.4f);
  Label(T(ScreenTitle(s)));
  ImGui::PopFont();
  ImGui::Spacing();
  Label(T(S::NotYetBuilt));
  LabelWrapped(T(S::NotYetBuiltDetail));
}

}  // namespace zj::ui
