// 组织 Organization: the tree town → areas → general branches → branches → members (read-only here;
// editing, import and export come with the screens issue).
#include <cstdio>
#include <string>

#include "imgui.h"
#include "shell/app.h"
#include "shell/widgets.h"

namespace zj::ui {

void DrawOrganization(App& app) {
  const Organization& org = app.data.org;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s · %s %zu · %s %zu · %s %zu", org.town_name.c_str(), T(S::Areas), org.areas.size(),
                T(S::Branches), org.branches.size(), T(S::Members), org.members.size());
  Label(buf);
  ImGui::Separator();
  for (const Area& area : org.areas) {
    if (!ImGui::TreeNodeEx(area.meta.id.c_str(), ImGuiTreeNodeFlags_DefaultOpen, "%s", area.name.c_str())) continue;
    LocatorRecordLastItem(area.name.c_str());
    for (const GeneralBranch& gb : org.general_branches) {
      if (gb.area_id != area.meta.id) continue;
      if (!ImGui::TreeNodeEx(gb.meta.id.c_str(), ImGuiTreeNodeFlags_DefaultOpen, "%s", gb.name.c_str())) continue;
      LocatorRecordLastItem(gb.name.c_str());
      for (const Branch& br : org.branches) {
        if (br.general_branch_id != gb.meta.id) continue;
        int n = 0;
        for (const Member& m : org.members) n += m.branch_id == br.meta.id;
        std::snprintf(buf, sizeof buf, "%s (%d)", br.name.c_str(), n);
        if (ImGui::TreeNodeEx(br.meta.id.c_str(), 0, "%s", buf)) {
          LocatorRecordLastItem(buf);
          for (const Member& m : org.members) {
            if (m.branch_id != br.meta.id) continue;
            Label(m.name);
          }
          ImGui::TreePop();
        }
      }
      ImGui::TreePop();
    }
    ImGui::TreePop();
  }
}

}  // namespace zj::ui
