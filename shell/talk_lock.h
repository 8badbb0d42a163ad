// Zhengjian shell: the passphrase lock on talk records (谈话记录口令锁; README "Keeping data"). Core keeps the
// lock's parameters and the sealed records (core/campaign/talks.h TalkLock, SealedBox); the key lives in
// web/lock.js (WebCrypto) for as long as the page is open and unlocked. This part runs the asynchronous work
// each frame: seals every readable record that has no sealed copy, opens sealed records once unlocked, and
// tells storage and exports to wait until nothing readable is left unsealed. Its changes to the talk records
// go through App::Emit (change::UpdateSealing, shell/app.h) like every other change.
#pragma once
#include <map>
#include <set>
#include <string>

#include "core/base/types.h"
#include "core/campaign/talks.h"
#include "shell/i18n.h"

namespace zj::ui {

struct App;

/// The lock's work in progress, owned by the app (App::lock). The key itself stays in web/lock.js.
struct TalkLockRuntime {
  /// One request to web/lock.js waiting for its answer.
  struct Pending {
    int n = 0;                          ///< operation number (0 = none)
    std::map<Id, std::string> plain;    ///< seal: the record text sent per talk id
    std::map<Id, SealedBox> boxes;      ///< open: the sealed box sent per talk id
  };
  bool open = false;       ///< web/lock.js holds the key for `salt`
  std::string salt;
  int create_n = 0, unlock_n = 0;
  std::string unlock_salt;
  Pending seal, opening;
  std::set<std::string> cannot_open;  ///< "<talk id>|<ct>" that the key could not open
  const Tr* message = nullptr;
  std::string message_extra;
  bool error = false;
  std::string message_text;  ///< message in the current language (TalkLockMessage)
  std::string published;     ///< the last zjTestValues.talk_lock published
  std::string evidence_published;  ///< "<salt>|open" or "<salt>|": the lock state last told the evidence store
};

/// Where the lock stands for the current dataset.
enum class LockState {
  Off,       ///< no lock: talk records are stored as they are
  Closed,    ///< locked and no key in memory: sealed records are hidden, talk records cannot be changed
  Open,      ///< locked, key in memory: records readable, every change sealed before it is saved
};
LockState TalkLockState(const App& app);
/// True while a lock is set and some readable record has no sealed copy yet: nothing may be saved or exported
/// (it would leave the record's text in clear). With the lock open this lasts a few milliseconds; with it
/// closed (a record entered or imported without the key) until the user unlocks.
bool TalkLockHoldsSaving(const App& app);
/// True while a create / unlock operation runs (PBKDF2 takes about a second on a phone).
bool TalkLockBusy(const App& app);
/// Each frame (DrawApp): runs the seal / open work and finishes create / unlock operations.
void TalkLockFrame(App& app);
/// Each frame (DrawApp): while a lock is set, talk drafts (谈 record forms not saved yet, setting `talk.drafts`) are
/// kept in memory only and the stored ones removed, once per lock: stored, a draft is a talk record in clear.
/// Defined with the drafts in shell/screens/talk.cpp.
void TalkDraftsFrame(App& app);
/// Sets a new lock with `passphrase` (at least kMinPassphraseChars characters; the caller checks that it
/// was typed twice alike). Asynchronous; the outcome appears in TalkLockMessage.
void TalkLockCreate(App& app, const std::string& passphrase);
/// Tries `passphrase` on the dataset's lock. A wrong passphrase opens nothing and changes nothing.
void TalkLockUnlock(App& app, const std::string& passphrase);
/// Closes the lock: forgets the key and emits the hiding of every sealed record (kept sealed in the dataset)
/// and the forgetting of readable history. False (message set) while a record still waits for sealing.
bool TalkLockClose(App& app);
/// Emits the lock's removal (talk_lock.remove): only while open, every record readable; records are then
/// stored as they are.
void TalkLockRemove(App& app);
/// The outcome of the last lock action (Chinese / English), and whether it is an error; "" when none.
const std::string& TalkLockMessage(App& app, bool* error = nullptr);
/// Fewest characters a passphrase may have.
constexpr int kMinPassphraseChars = 8;

/// The lock panel (set / unlock / close / remove), shown on the 谈 screen and the 数据 screen
/// (shell/screens/talk_lock.cpp; its fields: app.screens.talk_lock). `compact`: one line when all is well
/// (谈 screen).
void DrawTalkLockPanel(App& app, bool compact);

}  // namespace zj::ui
