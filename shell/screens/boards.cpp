// 公示 Notice boards (notice 四(四): the office shows star branches, every branch shows star members, in
// one common format). The page itself is core's BoardsHtml (core/report/boards.h): printable HTML, A4 or A3,
// opened for printing through platform::OpenHtml, which saves it as a file where printing is unavailable.
// This screen chooses the year, the paper and the boards, and previews what will be printed.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/report/boards.h"
#include "core/rate/branch_rating.h"
#include "core/rate/stars.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImMax
#include "shell/app.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

const Tr kTitle{"公示：星级党支部与星级党员", "Boards: star branches and star members"};
const Tr kIntro{"按统一格式生成公示栏页面（可打印，A4 或 A3）。公示栏只列星级名单，无星、免评和可能不合格的党员只计人数、不列姓名。",
                "Boards in one common format, ready to print (A4 or A3). Only star holders are named; members without a star, "
                "exempted or possibly unqualified are counted, never named."};
const Tr kYear{"评星年度", "Rating year"};
const Tr kPaper{"纸张", "Paper"};
const Tr kTownBoard{"星级党支部公示栏（全镇）", "Star branches (town board)"};
const Tr kBranchBoards{"星级党员公示栏（各党支部）", "Star members (one board per branch)"};
const Tr kAllBranches{"全部党支部", "All branches"};
const Tr kPrint{"生成公示栏并打印", "Make the boards and print"};
const Tr kOpened{"已在新页面打开，可用浏览器打印（Ctrl+P）。", "Opened in a new page: print it from the browser (Ctrl+P)."};
const Tr kSaved{"此浏览器不能打开打印页面，已保存为文件：%s", "This browser cannot open a print page; saved as %s"};
const Tr kPreview{"预览", "Preview"};
const Tr kBranchLine{"%s：三星 %d · 二星 %d · 一星 %d", "%s: 3★ %d · 2★ %d · 1★ %d"};
const Tr kTownLine{"全镇：三星 %d · 二星 %d · 一星 %d · 无星 %d（%s）", "Town: 3★ %d · 2★ %d · 1★ %d · none %d (%s)"};
const Tr kPublishedState{"已发布", "published"};
const Tr kDraftState{"未发布，按当前考核数据", "not published; from current assessments"};
const Tr kNothing{"请至少选择一种公示栏", "Choose at least one board"};
const StringTable kTable{&kTitle, &kIntro, &kYear, &kPaper, &kTownBoard, &kBranchBoards, &kAllBranches, &kPrint,
                         &kOpened, &kSaved, &kPreview, &kBranchLine, &kTownLine, &kPublishedState, &kDraftState, &kNothing};

}  // namespace

void DrawBoards(App& app) {
  BoardsScreen& s = app.screens.boards;
  const Dataset& d = app.data();
  const Organization& org = d.org;
  const bool narrow = app.Narrow();
  if (s.year == 0) s.year = app.today.Year();
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  Label(T(kTitle));
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, col::Grey);
  LabelWrapped(T(kIntro));
  ImGui::PopStyleColor();

  ImGui::AlignTextToFramePadding();
  Label(T(kYear));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Em(7));
  ImGui::InputInt("##boards_year", &s.year);
  LocatorRecordLastItem("boards_year");
  s.year = std::clamp(s.year, 1900, 2199);
  if (!narrow) ImGui::SameLine(); 
  ImGui::AlignTextToFramePadding();
  Label(T(kPaper));
  ImGui::SameLine();
  ImGui::RadioButton("A4", &s.paper, 0);
  ImGui::SameLine();
  ImGui::RadioButton("A3", &s.paper, 1);

  CheckboxWrapped(T(kTownBoard), &s.town);
  CheckboxWrapped(T(kBranchBoards), &s.branches);
  if (s.branches) {
    const int bi = FindBranch(org, s.branch);
    ImGui::SetNextItemWidth(narrow ? -1.0f : Em(16));
    if (ImGui::BeginCombo("##boards_branch", bi >= 0 ? org.branches[static_cast<size_t>(bi)].name.c_str() : T(kAllBranches))) {
      if (ImGui::Selectable(T(kAllBranches), s.branch.empty())) s.branch.clear();
      for (const Branch& b : org.branches)
        if (ImGui::Selectable(b.name.c_str(), b.meta.id == s.branch)) s.branch = b.meta.id;
      ImGui::EndCombo();
    }
    LocatorRecordLastItem("boards_branch");
  }

  ImGui::Spacing();
  ImGui::BeginDisabled(!s.town && !s.branches);
  ImGui::PushStyleColor(ImGuiCol_Button, col::Red);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  if (ImGui::Button(T(kPrint), ImVec2(narrow ? -1.0f : 0.0f, ImMax(kTouchPx, Em(2.4f))))) {
    BoardOptions o;
    o.year = s.year;
    o.paper = s.paper == 1 ? BoardPaper::A3 : BoardPaper::A4;
    o.town_board = s.town;
    if (s.branches) {
      if (s.branch.empty())
        for (const Branch& b : org.branches) o.branch_ids.push_back(b.meta.id);
      else
        o.branch_ids.push_back(s.branch);
    }
    o.published_on = app.today;
    const std::string name = BoardsFileName(d, s.year);
    char buf[300];
    if (platform::OpenHtml(name, BoardsHtml(d, o))) {
      s.status = T(kOpened);
    } else {
      std::snprintf(buf, sizeof buf, T(kSaved), name.c_str());
      s.status = buf;
    }
  }
  ImGui::PopStyleColor(2);
  ImGui::EndDisabled();
  if (!s.town && !s.branches) LabelColored(col::Red, T(kNothing));
  if (!s.status.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, col::Green);
    LabelWrapped(s.status);
    ImGui::PopStyleColor();
  }

  // Preview: the counts that will be printed.
  ImGui::SeparatorText(T(kPreview));
  char buf[400];
  if (s.town) {
    int c[4] = {0, 0, 0, 0};
    bool published = false;
    for (const BranchStarRecord& h : d.branch_rating.history)
      if (h.year == s.year && FindBranch(org, h.branch_id) >= 0) {
        published = true;
        ++c[std::clamp(h.stars, 0, 3)];
      }
    if (!published) {
      const BranchRatingResult r = RateBranches(org, d.branch_rating, s.year);
      std::copy(r.count_by_stars, r.count_by_stars + 4, c);
    }
    std::snprintf(buf, sizeof buf, T(kTownLine), c[3], c[2], c[1], c[0], T(published ? kPublishedState : kDraftState));
    LabelWrapped(buf);
  }
  if (s.branches) {
    const MemberRatingResult res = RateMembers(org, d.points, d.member_stars, s.year);
    for (const Branch& b : org.branches) {
      if (!s.branch.empty() && b.meta.id != s.branch) continue;
      int c[4] = {0, 0, 0, 0};
      for (int k : BranchBoardOrder(org, res, b.meta.id)) ++c[res.rated[static_cast<size_t>(k)].stars];
      std::snprintf(buf, sizeof buf, T(kBranchLine), b.name.c_str(), c[3], c[2], c[1]);
      LabelWrapped(buf);
    }
  }
}

}  // namespace zj::ui
