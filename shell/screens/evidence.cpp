// 材料 screen (issue 7): evidence (痕迹) — photos and text notes attached to a lecture, an on-site meeting or a
// talk. Evidence lives in IndexedDB beside the dataset (web/storage.js 'evidence' store), keyed by its own id and
// pointing at its parent record by (parent_kind, parent_id); the dataset does not change when evidence is added.
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/platform.h"
#include "shell/storage.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
const Tr kTitle{"痕迹材料", "Evidence"};
const Tr kExplain{"为讲习、现场会、谈话留存照片和文字(痕迹管理)。照片在本机压缩(长边1600像素)后保存在浏览器中;导出备份时可一并带走。",
                  "Photos and notes for lectures, on-site meetings and talks. Photos are downscaled here (1600 px) and kept "
                  "in the browser; a backup can carry them."};
const Tr kFor{"所属活动", "For"};
const Tr kLecture{"讲习", "Lecture"};
const Tr kMeeting{"现场会", "On-site meeting"};
const Tr kTalk{"谈话", "Talk"};
const Tr kAddPhotos{"拍照/选照片…", "Take / choose photos…"};
const Tr kNote{"文字记录", "Note"};
const Tr kAddNote{"添加文字", "Add note"};
const Tr kOpen{"查看", "View"};
const Tr kDelete{"删除", "Delete"};
const Tr kNone{"还没有材料。", "No evidence yet."};
const Tr kWorking{"正在处理照片…", "Processing photos…"};
const Tr kQuota{"存储空间已满:材料没有写入浏览器存储,但仍保留在本页中(标为“未保存”)。请导出备份(含照片)并删除不需要的照片后再试。",
                "Storage is full: the evidence was not written to browser storage but is kept in this page (marked unsaved). "
                "Export a backup with photos and delete photos you do not need, then try again."};
const Tr kFailed{"保存材料失败:", "Saving evidence failed: "};
const Tr kUnsaved{"未保存", "unsaved"};
const Tr kTotal{"本机共有材料", "Evidence on this device"};
const Tr kPhoto{"照片", "Photo"};
const Tr kText{"文字", "Note"};
const StringTable kTable{&kTitle, &kExplain, &kFor, &kLecture, &kMeeting, &kTalk, &kAddPhotos, &kNote, &kAddNote,
                         &kOpen, &kDelete, &kNone, &kWorking, &kQuota, &kFailed, &kUnsaved, &kTotal, &kPhoto, &kText};

struct Parent {
  std::string kind, id, label;
};
int g_sel = 0;
std::string g_note;
double g_last_refresh = 0;

std::vector<Parent> Parents(const App& app) {
  std::vector<Parent> out;
  const Campaign& c = app.data().campaign;
  for (const Lecture& l : c.lectures)
    out.push_back({"lecture", l.meta.id, std::string(T(kLecture)) + " · " + (CurrentLang() == Lang::Zh || l.theme_en.empty() ? l.theme_zh : l.theme_en)});
  int n = 0;
  for (const OnsiteMeeting& m : c.onsite_meetings) {
    std::string area;
    for (const Area& a : app.data().org.areas)
      if (a.meta.id == m.area_id) area = a.name;
    out.push_back({"meeting", m.meta.id, std::string(T(kMeeting)) + " · " + (area.empty() ? std::to_string(++n) : area)});
  }
  for (const Talk& t : c.talks) {
    if (!t.record) continue;  // evidence for talks that took place
    out.push_back({"talk", t.meta.id, std::string(T(kTalk)) + " · " + t.meta.id.substr(0, 6)});
  }
  return out;
}
}  // namespace

void DrawEvidence(App& app) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.4f);
  Label(T(kTitle));
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kExplain));
  ImGui::PopTextWrapPos();
  const double now = static_cast<double>(platform::NowMs());
  if (now - g_last_refresh > 1000) {
    g_last_refresh = now;
    platform::EvidenceRefresh();
  }
  nlohmann::json list = nlohmann::json::parse(platform::EvidenceListJson(), nullptr, false);
  if (!list.is_array()) list = nlohmann::json::array();
  nlohmann::json status = nlohmann::json::parse(platform::EvidenceStatusJson(), nullptr, false);
  std::vector<Parent> parents = Parents(app);
  if (parents.empty()) return;
  if (g_sel >= static_cast<int>(parents.size())) g_sel = 0;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##parent", parents[g_sel].label.c_str())) {
    for (int i = 0; i < static_cast<int>(parents.size()); ++i) {
      if (ImGui::Selectable(parents[i].label.c_str(), i == g_sel)) g_sel = i;
      LocatorRecordLastItem(parents[i].label.c_str());
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("evidence-parent");
  const Parent& p = parents[g_sel];
  const float bh = ImGui::GetFrameHeight() < 44.0f ? 44.0f : ImGui::GetFrameHeight();
  if (ImGui::Button(T(kAddPhotos), ImVec2(0, bh))) platform::EvidencePickPhotos(p.kind, p.id);
  LocatorRecordLastItem(T(kAddPhotos));
  ImGui::SetNextItemWidth(app.Narrow() ? -1 : Em(24));
  ImGui::InputTextWithHint("##note", T(kNote), &g_note);
  LocatorRecordLastItem("evidence-note");
  if (!app.Narrow()) ImGui::SameLine();
  ImGui::BeginDisabled(g_note.empty());
  if (ImGui::Button(T(kAddNote), ImVec2(0, bh))) {
    platform::EvidenceAddText(p.kind, p.id, g_note);
    g_note.clear();
  }
  ImGui::EndDisabled();
  LocatorRecordLastItem(T(kAddNote));
  if (status.is_object()) {
    if (status.value("busy", 0) > 0) LabelColored(col::Grey, T(kWorking));
    const std::string err = status.value("lastError", std::string());
    ImGui::PushTextWrapPos(0.0f);
    if (status.value("lastErrorName", std::string()) == "QuotaExceededError") LabelColored(col::Red, T(kQuota));
    else if (!err.empty()) LabelColored(col::Red, std::string(T(kFailed)) + err);
    ImGui::PopTextWrapPos();
  }
  char line[256];
  std::snprintf(line, sizeof line, "%s: %zu", T(kTotal), list.size());
  LabelColored(col::Grey, line);
  ImGui::Separator();
  int shown = 0;
  for (const auto& e : list) {
    if (e.value("parent_id", std::string()) != p.id) continue;
    ++shown;
    const std::string id = e.value("id", std::string());
    ImGui::PushID(id.c_str());
    std::string text;
    if (e.value("kind", std::string()) == "photo") {
      std::snprintf(line, sizeof line, "[%s] %s  %dx%d  %.0f KB", T(kPhoto), e.value("caption", std::string()).c_str(), e.value("width", 0),
                    e.value("height", 0), e.value("size", 0.0) / 1024.0);
      text = line;
    } else {
      text = "[" + std::string(T(kText)) + "] " + e.value("text", std::string());
    }
    text = LocalTimeText(e.value("created", int64_t{0})) + "  " + text;
    if (e.value("unsaved", false)) text += "  [" + std::string(T(kUnsaved)) + "]";
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(e.value("unsaved", false) ? col::Red : col::Ink, text);
    ImGui::PopTextWrapPos();
    if (e.value("kind", std::string()) == "photo") {
      if (ImGui::SmallButton(T(kOpen))) platform::EvidenceOpen(id);
      ImGui::SameLine();
    }
    if (ImGui::SmallButton(T(kDelete))) platform::EvidenceDelete(id);
    ImGui::PopID();
  }
  if (shown == 0) LabelColored(col::Grey, T(kNone));
}

}  // namespace zj::ui
