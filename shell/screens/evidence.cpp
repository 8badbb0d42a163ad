// 材料 screen: evidence (痕迹) — photos and text notes attached to a lecture, an on-site meeting or a
// talk. Evidence lives in IndexedDB beside the dataset (web/storage.js 'evidence' store), keyed by its own id and
// pointing at its parent record by (parent_kind, parent_id); the dataset does not change when evidence is added.
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/app.h"
#include "shell/locator.h"
#include "shell/platform.h"
#include "shell/storage.h"
#include "shell/talk_lock.h"
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
const Tr kConfirmTitle{"删除材料", "Delete evidence"};
const Tr kConfirmPhoto{"删除这张照片?删除后不能恢复(已导出的备份中仍有)。", "Delete this photo? It cannot be restored (backups already exported keep it)."};
const Tr kConfirmNote{"删除这条文字记录?删除后不能恢复(已导出的备份中仍有)。", "Delete this note? It cannot be restored (backups already exported keep it)."};
const Tr kConfirmDelete{"确认删除", "Delete"};
const Tr kCancel{"取消", "Cancel"};
const Tr kLoading{"载入中…", "Loading…"};
const Tr kNoThumb{"无缩略图", "No preview"};
const StringTable kTable{&kTitle, &kExplain, &kFor, &kLecture, &kMeeting, &kTalk, &kAddPhotos, &kNote, &kAddNote,
                         &kOpen, &kDelete, &kNone, &kWorking, &kQuota, &kFailed, &kUnsaved, &kTotal, &kPhoto, &kText,
                         &kConfirmTitle, &kConfirmPhoto, &kConfirmNote, &kConfirmDelete, &kCancel, &kLoading, &kNoThumb};

const Tr kLockCovers{"口令锁已设置：附在谈话上的照片和文字与谈话记录一样加密保存，导出备份和材料包时也只带密文。",
                     "The passphrase lock is set: photos and notes attached to a talk are stored encrypted like the talk "
                     "records, and backups and bundles carry them only encrypted."};
const Tr kLockClosedAdd{"谈话记录已锁定：解锁后才能查看或添加谈话材料。", "Talk records are locked: unlock to view or add talk evidence."};
const Tr kLockedHidden{"（已加密，解锁后显示）", "(encrypted: shown after unlocking)"};
const Tr kOtherKey{"（用别的口令加密，当前口令打不开）", "(sealed with another passphrase: this one cannot open it)"};
const Tr kTalkLocked{"谈话记录已锁定：这份材料暂存在本页中（标为“未保存”），解锁后自动加密保存。",
                     "Talk records are locked: this evidence is kept in this page (marked unsaved) and stored encrypted "
                     "once unlocked."};
const Tr kHeldBack{"份谈话材料尚未加密，没有放进刚才导出的文件；解锁后再导出即可带上。",
                   " talk evidence items were not encrypted yet and were left out of the file just exported; unlock and "
                   "export again to include them."};
const StringTable kLockStrings{&kLockCovers, &kLockClosedAdd, &kLockedHidden, &kOtherKey, &kTalkLocked, &kHeldBack};

struct Parent {
  std::string kind, id, label;
};

/// The thumbnail of photo `id` fitted into a `box` x `box` square, loaded only when the square is on screen
/// (a grey placeholder while it loads, or when it cannot be read). Recorded as "thumb:<id>" (state in the test
/// locator: "thumb:<id>" drawn, "thumb-wait:<id>" placeholder).
void Thumbnail(const std::string& id, float box) {
  const ImVec2 size(box, box);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int w = 0, h = 0, tex = 0;
  if (ImGui::IsRectVisible(size)) tex = platform::EvidenceThumbTexture(id, &w, &h);
  if (tex > 0 && w > 0 && h > 0) {
    const float k = box / static_cast<float>(w > h ? w : h);
    const ImVec2 s(w * k, h * k);
    const ImVec2 a(p.x + (box - s.x) / 2, p.y + (box - s.y) / 2);
    dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), IM_COL32(235, 232, 225, 255), 4.0f);
    dl->AddImage(static_cast<ImTextureID>(static_cast<intptr_t>(tex)), a, ImVec2(a.x + s.x, a.y + s.y));
    ImGui::Dummy(size);
    LocatorRecordLastItem(("thumb:" + id).c_str());
  } else {
    dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), IM_COL32(225, 222, 214, 255), 4.0f);
    const char* t = tex < 0 ? T(kNoThumb) : T(kLoading);
    const ImVec2 ts = ImGui::CalcTextSize(t);
    dl->AddText(ImVec2(p.x + (box - ts.x) / 2, p.y + (box - ts.y) / 2), col::Grey, t);
    ImGui::Dummy(size);
    LocatorRecordLastItem(("thumb-wait:" + id).c_str());
  }
}

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
    ++n;
    out.push_back({"meeting", m.meta.id, std::string(T(kMeeting)) + " · " +
                                             (!area.empty() ? area : !m.venue.empty() ? m.venue : std::to_string(n))});
  }
  for (const Talk& t : c.talks) {
    if (!t.Held()) continue;  // evidence for talks that took place
    out.push_back({"talk", t.meta.id, std::string(T(kTalk)) + " · " + DescribeTalkPair(app.data().org, t.pair)});
  }
  return out;
}
}  // namespace

void DrawEvidence(App& app) {
  EvidenceScreen& s = app.screens.evidence;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.4f);
  Label(T(kTitle));
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kExplain));
  ImGui::PopTextWrapPos();
  const double now = static_cast<double>(platform::NowMs());
  if (now - s.last_refresh > 1000) {
    s.last_refresh = now;
    platform::EvidenceRefresh();
  }
  nlohmann::json list = nlohmann::json::parse(platform::EvidenceListJson(), nullptr, false);
  if (!list.is_array()) list = nlohmann::json::array();
  nlohmann::json status = nlohmann::json::parse(platform::EvidenceStatusJson(), nullptr, false);
  std::vector<Parent> parents = Parents(app);
  if (parents.empty()) return;
  if (s.selected_parent >= static_cast<int>(parents.size())) s.selected_parent = 0;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##parent", parents[s.selected_parent].label.c_str())) {
    for (int i = 0; i < static_cast<int>(parents.size()); ++i) {
      if (ImGui::Selectable(parents[i].label.c_str(), i == s.selected_parent)) s.selected_parent = i;
      LocatorRecordLastItem(parents[i].label.c_str());
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem("evidence-parent");
  const Parent& p = parents[s.selected_parent];
  // 口令锁 (shell/talk_lock.h): a talk's evidence is sealed with the talk records (web/storage.js). While the
  // lock is closed its text, captions and thumbnails are not shown and none can be added.
  const LockState lock = TalkLockState(app);
  const bool hide_talk_evidence = p.kind == "talk" && lock == LockState::Closed;
  if (p.kind == "talk" && lock != LockState::Off) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(IM_COL32(150, 100, 0, 255), T(hide_talk_evidence ? kLockClosedAdd : kLockCovers));
    ImGui::PopTextWrapPos();
  }
  const float bh = ImGui::GetFrameHeight() < kTouchPx ? kTouchPx : ImGui::GetFrameHeight();
  ImGui::BeginDisabled(hide_talk_evidence);
  if (ImGui::Button(T(kAddPhotos), ImVec2(0, bh))) platform::EvidencePickPhotos(p.kind, p.id);
  LocatorRecordLastItem(T(kAddPhotos));
  ImGui::SetNextItemWidth(app.Narrow() ? -1 : Em(24));
  ImGui::InputTextWithHint("##note", T(kNote), &s.note);
  LocatorRecordLastItem("evidence-note");
  if (!app.Narrow()) ImGui::SameLine();
  ImGui::BeginDisabled(s.note.empty());
  if (ImGui::Button(T(kAddNote), ImVec2(0, bh))) {
    platform::EvidenceAddText(p.kind, p.id, s.note);
    s.note.clear();
  }
  ImGui::EndDisabled();
  LocatorRecordLastItem(T(kAddNote));
  ImGui::EndDisabled();
  if (status.is_object()) {
    if (status.value("busy", 0) > 0) LabelColored(col::Grey, T(kWorking));
    const std::string err = status.value("lastError", std::string());
    const std::string err_name = status.value("lastErrorName", std::string());
    ImGui::PushTextWrapPos(0.0f);
    if (err_name == "QuotaExceededError") LabelColored(col::Red, T(kQuota));
    else if (err_name == "TalkLocked") LabelColored(col::Red, T(kTalkLocked));
    else if (!err.empty()) LabelColored(col::Red, std::string(T(kFailed)) + err);
    if (const int held = status.value("heldBack", 0); held > 0)
      LabelColored(col::Red, std::to_string(held) + T(kHeldBack));
    ImGui::PopTextWrapPos();
  }
  char line[256];
  std::snprintf(line, sizeof line, "%s: %zu", T(kTotal), list.size());
  LabelColored(col::Grey, line);
  ImGui::Separator();
  int shown = 0;
  bool open_confirm = false;
  const float box = app.Narrow() ? Em(5.0f) : Em(6.5f);
  for (const auto& e : list) {
    if (e.value("parent_id", std::string()) != p.id) continue;
    ++shown;
    const std::string id = e.value("id", std::string());
    const bool photo = e.value("kind", std::string()) == "photo";
    ImGui::PushID(id.c_str());
    std::string text;
    const bool locked = hide_talk_evidence || e.value("locked", false);
    if (locked) {
      text = T(hide_talk_evidence ? kLockedHidden : kOtherKey);
    } else if (photo) {
      std::snprintf(line, sizeof line, "%s  %dx%d  %.0f KB", e.value("caption", std::string()).c_str(), e.value("width", 0),
                    e.value("height", 0), e.value("size", 0.0) / 1024.0);
      text = line;
      Thumbnail(id, box);
      ImGui::SameLine();
    } else {
      text = "[" + std::string(T(kText)) + "] " + e.value("text", std::string());
    }
    ImGui::BeginGroup();
    text = LocalTimeText(e.value("created", int64_t{0})) + "  " + text;
    if (e.value("unsaved", false)) text += "  [" + std::string(T(kUnsaved)) + "]";
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(e.value("unsaved", false) ? col::Red : col::Ink, text);
    ImGui::PopTextWrapPos();
    if (photo && !locked) {
      if (TouchButton(T(kOpen))) platform::EvidenceOpen(id);
      ImGui::SameLine();
    }
    if (TouchButton(T(kDelete))) {
      s.confirm_id = id;
      s.confirm_photo = photo;
      open_confirm = true;
    }
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Separator();
  }
  if (shown == 0) LabelColored(col::Grey, T(kNone));
  if (open_confirm) ImGui::OpenPopup("##confirm-delete");
  // Delete confirmation (删除材料): centered, touch-sized, Escape or 取消 keeps the evidence.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x < Em(26) ? vp->Size.x - Em(1) : Em(24), 0));
  if (ImGui::BeginPopupModal("##confirm-delete", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
    Label(T(kConfirmTitle));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    Label(T(s.confirm_photo ? kConfirmPhoto : kConfirmNote));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(190, 40, 40, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(210, 60, 60, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (TouchButton(T(kConfirmDelete))) {
      platform::EvidenceDelete(s.confirm_id);
      s.confirm_id.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    if (TouchButton(T(kCancel)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      s.confirm_id.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace zj::ui
