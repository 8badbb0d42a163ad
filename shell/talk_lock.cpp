// Zhengjian shell: the passphrase lock's work each frame (shell/talk_lock.h).
#include "shell/talk_lock.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/campaign/campaign.h"
#include "core/campaign/commands_campaign.h"
#include "shell/app.h"
#include "shell/platform.h"

namespace zj::ui {
namespace {
using json = nlohmann::json;

const Tr kCreated{"已设置口令锁：谈话记录只以加密形式保存和导出。请牢记口令——忘记口令，任何人都无法读取这些记录。",
                  "Lock set: talk records are stored and exported only encrypted. Remember the passphrase: without it "
                  "nobody can read them."};
const Tr kUnlocked{"已解锁：本页面关闭或点“锁定”前，谈话记录可查看和修改。",
                   "Unlocked: talk records can be read and changed until this page closes or you press Lock."};
const Tr kWrong{"口令不对。记录没有解开，也没有任何改动。", "Wrong passphrase. Nothing was opened and nothing changed."};
const Tr kUnsupported{"此浏览器不能加密（需要 https 地址或本机文件，且浏览器支持 WebCrypto）。数据没有改动。",
                      "This browser cannot encrypt (it needs an https address or a local file, and WebCrypto). "
                      "Nothing changed."};
const Tr kFailed{"加密操作失败，数据没有改动。", "The encryption step failed; nothing changed."};
const Tr kClosed{"已锁定：谈话记录已隐藏，需要口令才能再查看。", "Locked: talk records are hidden until the passphrase is entered."};
const Tr kStillSealing{"还有记录正在加密，请稍候再锁定。", "Records are still being encrypted; lock again in a moment."};
const Tr kRemoved{"已取消口令锁：谈话记录今后按原样保存。", "Lock removed: talk records are stored as they are from now on."};
const Tr kSetFailed{"口令锁没能设置：", "The lock could not be set: "};
const Tr kCannotOpen{"有谈话记录用别的口令加密（例如来自另一台设备的材料包），用当前口令打不开；记录原样保留。",
                     "Some talk records were sealed with another passphrase (e.g. a bundle from another device) and "
                     "cannot be opened with this one; they are kept as they are."};
const StringTable kTable{&kCreated, &kUnlocked, &kWrong, &kUnsupported, &kFailed, &kClosed, &kStillSealing,
                         &kRemoved, &kSetFailed, &kCannotOpen};

void Say(TalkLockRuntime& g, const Tr& t, bool error, std::string extra = {}) {
  g.message = &t;
  g.error = error;
  g.message_extra = std::move(extra);
}
const Tr& ErrorText(const json& r) {
  const std::string e = r.value("error", std::string());
  if (e == "wrong") return kWrong;
  if (e == "unsupported") return kUnsupported;
  return kFailed;
}
json Parse(const std::string& s) {
  json j = json::parse(s, nullptr, false);
  return j.is_discarded() ? json::object() : j;
}
std::string Key(const Id& id, const SealedBox& b) { return id + "|" + b.ct; }

void Forget(TalkLockRuntime& g) {
  if (g.open) platform::LockTakeResult(platform::LockRequest("close", "{}"));  // result not needed
  g.open = false;
  g.salt.clear();
  g.seal = {};
  g.opening = {};
}
}  // namespace

LockState TalkLockState(const App& app) {
  const TalkLockRuntime& g = app.lock;
  const auto& lock = app.data().campaign.talk_lock;
  if (!lock) return LockState::Off;
  return g.open && g.salt == lock->salt ? LockState::Open : LockState::Closed;
}

bool TalkLockHoldsSaving(const App& app) {
  return app.ws && app.data().campaign.talk_lock && !TalksToSeal(app.data().campaign.talks).empty();
}

bool TalkLockBusy(const App& app) { return app.lock.create_n != 0 || app.lock.unlock_n != 0; }

void TalkLockCreate(App& app, const std::string& passphrase) {
  TalkLockRuntime& g = app.lock;
  if (TalkLockBusy(app) || app.data().campaign.talk_lock) return;
  g.create_n = platform::LockRequest("create", json{{"passphrase", passphrase}, {"iterations", 600000}}.dump());
  g.message = nullptr;
}

void TalkLockUnlock(App& app, const std::string& passphrase) {
  TalkLockRuntime& g = app.lock;
  const auto& lock = app.data().campaign.talk_lock;
  if (TalkLockBusy(app) || !lock) return;
  const json l = {{"iterations", lock->iterations}, {"salt", lock->salt},
                  {"check", {{"iv", lock->check.iv}, {"ct", lock->check.ct}}}};
  g.unlock_n = platform::LockRequest("unlock", json{{"passphrase", passphrase}, {"lock", l}}.dump());
  g.unlock_salt = lock->salt;
  g.message = nullptr;
}

bool TalkLockClose(App& app) {
  TalkLockRuntime& g = app.lock;
  if (TalkLockHoldsSaving(app)) {
    Say(g, kStillSealing, true);
    return false;
  }
  Forget(g);
  app.Emit(change::UpdateSealing{[](std::vector<Talk>& talks) { HideSealedRecords(talks); }});
  app.Emit(change::ForgetReadableHistory{});  // undo copies and audit lines would still show the records
  Say(g, kClosed, false);
  return true;
}

void TalkLockRemove(App& app) {
  if (TalkLockState(app) != LockState::Open) return;
  app.Emit(ToCommand(TalkLockRemoveCmd{}), [&app](const ApplyResult& r) {
    if (!r.ok) return;
    app.Emit(change::ForgetReadableHistory{});  // not undoable either: setting the lock again is the way back
    platform::EvidenceUnsealAll();              // takes the key before Forget drops it
    Forget(app.lock);
    Say(app.lock, kRemoved, false);
  });
}

const std::string& TalkLockMessage(App& app, bool* error) {
  TalkLockRuntime& g = app.lock;
  if (error) *error = g.error;
  g.message_text = g.message ? std::string(T(*g.message)) + g.message_extra : std::string();
  return g.message_text;
}

void TalkLockFrame(App& app) {
  if (!app.ws) return;
  TalkLockRuntime& g = app.lock;
  const auto& lock = app.data().campaign.talk_lock;
  // The dataset changed under us (recovery, import of another town): a key for another salt is useless.
  if (g.open && (!lock || lock->salt != g.salt) && g.create_n == 0) Forget(g);

  if (g.create_n) {
    const std::string s = platform::LockTakeResult(g.create_n);
    if (!s.empty()) {
      g.create_n = 0;
      json r = Parse(s);
      if (r.value("ok", false) && r.contains("lock")) {
        const std::string salt = r["lock"].value("salt", std::string());
        // The arguments are the lock the page's worker made (web/): passed on as they came, so the command
        // checks every key and value of it (a malformed lock is refused here, as any wrong argument).
        app.Emit(Command{TalkLockSetCmd::kName, r["lock"]}, [&app, salt](const ApplyResult& a) {
          TalkLockRuntime& rt = app.lock;
          if (a.ok) {
            // Not undoable: undo would drop the lock silently and let records be stored in clear again
            // (removing it is 取消口令锁, with its confirmation). Undo copies also held readable records.
            app.Emit(change::ForgetReadableHistory{});
            rt.open = true;
            rt.salt = salt;
            Say(rt, kCreated, false);
          } else {
            platform::LockTakeResult(platform::LockRequest("close", "{}"));
            Say(rt, kSetFailed, true, CurrentLang() == Lang::Zh ? a.problem.message_zh : a.problem.message_en);
          }
        });
      } else {
        Say(g, ErrorText(r), true);
      }
    }
  }
  if (g.unlock_n) {
    const std::string s = platform::LockTakeResult(g.unlock_n);
    if (!s.empty()) {
      g.unlock_n = 0;
      json r = Parse(s);
      if (r.value("ok", false) && lock && lock->salt == g.unlock_salt) {
        g.open = true;
        g.salt = g.unlock_salt;
        g.cannot_open.clear();
        Say(g, kUnlocked, false);
      } else {
        Say(g, ErrorText(r), true);
      }
    }
  }
  {  // for browser tests: window.zjTestValues.talk_lock = "<state> readable=<n> hidden=<n> waiting=<n>"
    int readable = 0, hidden = 0;
    for (const Talk& t : app.data().campaign.talks) {
      readable += t.sealed && t.record;
      hidden += t.sealed && !t.record;
    }
    const char* const kState[] = {"off", "closed", "open"};
    const std::string v = std::string(kState[static_cast<int>(TalkLockState(app))]) + " readable=" +
                          std::to_string(readable) + " hidden=" + std::to_string(hidden) + " waiting=" +
                          std::to_string(lock ? TalksToSeal(app.data().campaign.talks).size() : 0);
    if (v != g.published) platform::PublishTestValue("talk_lock", g.published = v);
    // The evidence store seals a talk's photos and notes with the same key (platform::EvidenceTalkLock).
    const std::string ev = (lock ? lock->salt : std::string()) + (TalkLockState(app) == LockState::Open ? "|open" : "|");
    if (ev != g.evidence_published) {
      g.evidence_published = ev;
      platform::EvidenceTalkLock(lock ? lock->salt : std::string(), TalkLockState(app) == LockState::Open);
    }
  }
  if (!lock || TalkLockState(app) != LockState::Open) return;
  const auto& talks = app.data().campaign.talks;

  // Seal readable records without a sealed copy (new or changed records, undo, imports).
  if (g.seal.n) {
    const std::string s = platform::LockTakeResult(g.seal.n);
    if (!s.empty()) {
      json r = Parse(s);
      std::map<Id, SealedBox> boxes;
      if (r.value("ok", false))
        for (const auto& it : r.value("items", json::array()))
          boxes[it.value("id", std::string())] = SealedBox{it.value("iv", std::string()), it.value("ct", std::string())};
      auto sent = std::move(g.seal.plain);
      g.seal = {};
      app.Emit(change::UpdateSealing{[sent = std::move(sent), boxes = std::move(boxes)](std::vector<Talk>& ts) {
        for (Talk& t : ts) {
          auto p = sent.find(t.meta.id);
          auto b = boxes.find(t.meta.id);
          // Only when the record is still the one that was sealed (it may have changed meanwhile).
          if (p == sent.end() || b == boxes.end() || t.sealed || !t.record) continue;
          if (TalkRecordToJson(*t.record).dump() == p->second) t.sealed = b->second;
        }
      }});
      if (!r.value("ok", false)) Say(g, ErrorText(r), true);
    }
  } else {
    const std::vector<size_t> todo = TalksToSeal(talks);
    if (!todo.empty()) {
      json items = json::array();
      for (size_t i : todo) {
        std::string plain = TalkRecordToJson(*talks[i].record).dump();
        items.push_back({{"id", talks[i].meta.id}, {"plain", plain}});
        g.seal.plain[talks[i].meta.id] = std::move(plain);
      }
      g.seal.n = platform::LockRequest("seal", json{{"items", items}}.dump());
    }
  }

  // Open sealed records that are not readable (after unlocking, undo, or an imported bundle).
  if (g.opening.n) {
    const std::string s = platform::LockTakeResult(g.opening.n);
    if (!s.empty()) {
      json r = Parse(s);
      auto sent = std::move(g.opening.boxes);
      g.opening = {};
      std::map<Id, std::string> plain;
      bool failed = false;
      if (r.value("ok", false)) {
        for (const auto& it : r.value("items", json::array())) {
          const Id id = it.value("id", std::string());
          if (it.contains("plain")) plain[id] = it.value("plain", std::string());
          else if (auto b = sent.find(id); b != sent.end()) {
            g.cannot_open.insert(Key(id, b->second));
            failed = true;
          }
        }
      }
      // The topics are read when the change is applied (a copy taken now would do as well: sealing changes
      // no topic), never through a reference taken while drawing.
      app.Emit(change::UpdateSealing{[&app, sent = std::move(sent), plain = std::move(plain)](std::vector<Talk>& ts) {
        const TalkTopics& topics = app.data().campaign.talk_topics;
        for (Talk& t : ts) {
          auto p = plain.find(t.meta.id);
          auto b = sent.find(t.meta.id);
          if (p == plain.end() || b == sent.end() || t.record || !t.sealed || !(*t.sealed == b->second)) continue;
          Problems problems;
          json j = json::parse(p->second, nullptr, false);
          if (j.is_discarded()) continue;
          if (auto rec = TalkRecordFromJson(j, t.pair.kind, topics, "/record", problems)) t.record = std::move(*rec);
        }
      }});
      if (failed) Say(g, kCannotOpen, true);
    }
  } else {
    json items = json::array();
    for (size_t i : TalksToOpen(talks)) {
      const Talk& t = talks[i];
      if (g.cannot_open.count(Key(t.meta.id, *t.sealed))) continue;
      items.push_back({{"id", t.meta.id}, {"iv", t.sealed->iv}, {"ct", t.sealed->ct}});
      g.opening.boxes[t.meta.id] = *t.sealed;
    }
    if (!items.empty()) g.opening.n = platform::LockRequest("open", json{{"items", items}}.dump());
  }
}

}  // namespace zj::ui
