// Zhengjian shell: the passphrase lock panel for talk records (谈话记录口令锁). Drawn on the 数据 screen (full)
// and on top of the 谈 screen (compact); its fields: app.screens.talk_lock. The work behind it:
// shell/talk_lock.cpp.
#include <string>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "shell/app.h"
#include "shell/campaign_ui.h"
#include "shell/locator.h"
#include "shell/talk_lock.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {
const Tr kTitle{"谈话记录口令锁", "Passphrase lock for talk records"};
const Tr kExplain{"谈话记录写有对具体人的意向和评价。设口令后，这些记录只以加密形式（AES-GCM，密钥由口令经PBKDF2"
                  "运算60万次得出）保存在本机和导出的备份、材料包里；口令本身不保存。忘记口令，任何人都无法再读取。",
                  "Talk records hold intentions and assessments of named people. With a passphrase they are kept on "
                  "this device and in exported backups and bundles only encrypted (AES-GCM, key from the passphrase "
                  "by 600,000 rounds of PBKDF2); the passphrase itself is never stored. Forget it and nobody can "
                  "read them again."};
const Tr kPass{"口令", "Passphrase"};
const Tr kPassAgain{"再输一次", "Again"};
const Tr kPassHint{"至少8个字符", "at least 8 characters"};
const Tr kSet{"设置口令锁", "Set lock"};
const Tr kTooShort{"口令至少要8个字符（空格不算）。", "The passphrase needs at least 8 characters (spaces do not count)."};
const Tr kMismatch{"两次输入的口令不一样。", "The two entries differ."};
const Tr kClosedNote{"谈话记录已加密，%d条已谈记录需要口令才能查看或修改。", "Talk records are locked: %d held talks need the passphrase to be read or changed."};
const Tr kUnlock{"解锁", "Unlock"};
const Tr kOpenNote{"口令锁已打开：记录可查看，保存时自动加密。", "Unlocked: records are readable and encrypted when saved."};
const Tr kLockNow{"锁定", "Lock now"};
const Tr kRemove{"取消口令锁", "Remove lock"};
const Tr kRemoveConfirm{"取消后，谈话记录今后在本机和导出文件中按原样（不加密）保存。确定取消？",
                        "Without the lock, talk records are stored and exported as they are (not encrypted). Remove it?"};
const Tr kRemoveYes{"确定取消", "Remove"};
const Tr kCancel{"不取消", "Keep"};
const Tr kBusy{"正在由口令计算密钥，请稍候……", "Deriving the key from the passphrase…"};
const Tr kWaiting{"有%d条谈话记录还没加密：解锁后才能加密保存（在此之前，数据不会写入浏览器存储）。",
                  "%d talk records are not encrypted yet: unlock so they can be encrypted and saved (until then "
                  "nothing is written to browser storage)."};
const StringTable kTable{&kTitle, &kExplain, &kPass, &kPassAgain, &kPassHint, &kSet, &kTooShort, &kMismatch,
                         &kClosedNote, &kUnlock, &kOpenNote, &kLockNow, &kRemove, &kRemoveConfirm, &kRemoveYes,
                         &kCancel, &kBusy, &kWaiting};

int Chars(const std::string& s) {  // code points of UTF-8 text, spaces not counted
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 && c != ' ' && c != '\t';
  return n;
}

bool PassField(const char* id, const char* test_id, std::string& buf, bool narrow, bool submit_on_enter) {
  ImGui::SetNextItemWidth(narrow ? -1 : Em(16));
  const bool enter = ImGui::InputTextWithHint(id, T(kPassHint), &buf,
                                              ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  LocatorRecordLastItem(test_id);
  return submit_on_enter && enter;
}

void Message(App& app) {
  const TalkLockPanel& ui = app.screens.talk_lock;
  if (ui.local_error) {
    LabelColored(col::Red, T(*ui.local_error));
    return;
  }
  bool error = false;
  const std::string& m = TalkLockMessage(app, &error);
  if (m.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(error ? col::Red : col::Green, m);
  ImGui::PopTextWrapPos();
}

int SealedHidden(const App& app) {
  int n = 0;
  for (const Talk& t : app.data().campaign.talks) n += t.sealed && !t.record;
  return n;
}
}  // namespace

void DrawTalkLockPanel(App& app, bool compact) {
  TalkLockPanel& ui = app.screens.talk_lock;
  const bool narrow = app.Narrow();
  const LockState state = TalkLockState(app);
  const float bh = ImMax(TouchH(narrow), 0.0f);
  if (compact && state == LockState::Off) return;
  ImGui::PushID("talk_lock");
  if (!compact) {
    ImGui::SeparatorText(T(kTitle));
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Grey, T(kExplain));
    ImGui::PopTextWrapPos();
  }
  if (TalkLockBusy(app)) {
    LabelColored(IM_COL32(150, 100, 0, 255), T(kBusy));
  } else if (state == LockState::Off) {
    Label(T(kPass));
    PassField("##lock_pass1", "lock_pass1", ui.pass1, narrow, false);
    Label(T(kPassAgain));
    const bool enter = PassField("##lock_pass2", "lock_pass2", ui.pass2, narrow, true);
    if (ImGui::Button(T(kSet), ImVec2(narrow ? -1 : 0, bh)) || enter) {
      ui.local_error = nullptr;
      if (Chars(ui.pass1) < kMinPassphraseChars) ui.local_error = &kTooShort;
      else if (ui.pass1 != ui.pass2) ui.local_error = &kMismatch;
      else {
        TalkLockCreate(app, ui.pass1);
        ui.pass1.clear();
        ui.pass2.clear();
      }
    }
  } else if (state == LockState::Closed) {
    char buf[256];
    std::snprintf(buf, sizeof buf, T(kClosedNote), SealedHidden(app));
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(IM_COL32(150, 100, 0, 255), buf);
    if (TalkLockHoldsSaving(app)) {
      int waiting = static_cast<int>(TalksToSeal(app.data().campaign.talks).size());
      std::snprintf(buf, sizeof buf, T(kWaiting), waiting);
      LabelColored(col::Red, buf);
    }
    ImGui::PopTextWrapPos();
    if (!narrow) {
      ImGui::AlignTextToFramePadding();
      Label(T(kPass));
      ImGui::SameLine();
    }
    const bool enter = PassField("##lock_unlock", "lock_unlock_pass", ui.pass1, narrow, true);
    if (!narrow) ImGui::SameLine();
    if (ImGui::Button(T(kUnlock), ImVec2(narrow ? -1 : 0, bh)) || enter) {
      ui.local_error = nullptr;
      TalkLockUnlock(app, ui.pass1);
      ui.pass1.clear();
    }
  } else {
    LabelColored(col::Green, T(kOpenNote));
    if (!narrow) ImGui::SameLine();
    if (ImGui::Button(T(kLockNow), ImVec2(narrow ? -1 : 0, bh))) {
      ui.local_error = nullptr;
      TalkLockClose(app);
    }
    if (!compact) {
      if (!narrow) ImGui::SameLine();
      const std::string popup = std::string(T(kRemove)) + "###remove_lock";
      if (ImGui::Button(T(kRemove), ImVec2(narrow ? -1 : 0, bh))) ImGui::OpenPopup("###remove_lock");
      if (ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(Em(narrow ? 14 : 24));
        Label(T(kRemoveConfirm));
        ImGui::PopTextWrapPos();
        if (ImGui::Button(T(kRemoveYes), ImVec2(0, bh))) {
          TalkLockRemove(app);
          ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(T(kCancel), ImVec2(0, bh))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }
    }
  }
  Message(app);
  ImGui::PopID();
}

}  // namespace zj::ui
