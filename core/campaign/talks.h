// Zhengjian core: heart-to-heart talks (谈, 谈心谈话) — the required pairs, their topic lists, and records.
// docs/domain.md "The four strands"; notice 四(三)一, 四(三)二, 四(三)三.
// Talk records are sensitive (intentions and assessments of named people): they live only in the dataset.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/org/org.h"
#include "core/base/types.h"

namespace zj {

/// The three kinds of talk of notice 四(三).
enum class TalkKind {
  SecretaryWithVillageSecretary,  ///< 镇党委书记 — 村支部书记 (6 topics), 四(三)一
  CommitteeWithTwoCommittees,     ///< 镇党委班子成员 — 村支两委班子成员 (6 topics), 四(三)二
  WithRepresentative,             ///< 总支书记、驻村干部 — 党员代表 (4 topics), 四(三)三
};
const char* TalkKindZh(TalkKind k);
const char* TalkKindEn(TalkKind k);

/// One talk topic (谈话内容), Chinese and English.
struct TalkTopic {
  std::string zh;
  std::string en;
};
/// Topic lists per kind (rules as data; the notice's lists are the default and may be edited).
struct TalkTopics {
  std::vector<TalkTopic> secretary;       ///< SecretaryWithVillageSecretary: 6 items
  std::vector<TalkTopic> committee;       ///< CommitteeWithTwoCommittees: the same 6 items
  std::vector<TalkTopic> representative;  ///< WithRepresentative: 4 items
  const std::vector<TalkTopic>& For(TalkKind k) const;
};
/// The notice's lists: 6 topics (两委履职; 书记及班子成员个人履职; 村主要问题; 进退留转意愿; 后备干部;
/// 积分制管理意见) for the first two kinds, 4 (两委履职; 村主要问题; 积分制管理意见; 推荐后备干部) for the third.
TalkTopics NoticeTalkTopics();

/// A required talk: who talks (a Cadre id) with whom (a Member id), in which village branch.
struct TalkPair {
  TalkKind kind = TalkKind::SecretaryWithVillageSecretary;
  Id interviewer_id;  ///< Cadre
  Id interviewee_id;  ///< Member
  Id branch_id;       ///< the interviewee's (village) branch; talks in one branch are grouped on one visit
  bool operator==(const TalkPair& o) const {
    return kind == o.kind && interviewer_id == o.interviewer_id && interviewee_id == o.interviewee_id &&
           branch_id == o.branch_id;
  }
};

/// Generates the required pairs from the roster (notice 四(三)), in a fixed order (kind, then branch by
/// name/id, then interviewee by post rank/name/id). Only Village and Community branches take part.
/// 1. The town Party secretary (the first cadre, by name then id, with CadreRole::PartySecretary) with each
///    village branch secretary (Post::Secretary).
/// 2. Each town committee member (CadreRole::CommitteeMember, not the Party secretary) with the village
///    two-committee members (any post except Secretary — the secretary's talk is kind 1) of the villages
///    the cadre is linked to (Cadre::linked_branch_ids). When several committee members are linked to one
///    village, its two-committee members are spread evenly: each goes to the linked cadre with the fewest
///    kind-2 talks so far across the town (ties: cadre name, then id).
/// 3. Member representatives (Member::representative) of each village with the general-branch secretary
///    of its general branch and the resident cadres linked to it (CadreRole::ResidentCadre): one talk per
///    representative, spread evenly over those interviewers in the same way (fewest kind-3 talks so far).
/// Gaps (a village without a secretary, no Party secretary, a village no committee member / interviewer
/// covers) are appended to `problems` (zh + en) with path "/org/branches/<branch id>" and the talks skipped.
std::vector<TalkPair> GenerateTalkPairs(const Organization& org, Problems& problems);

/// "王书记 — 张一 (东湖村党支部)": interviewer, interviewee and branch names for lists and explanations
/// (ids shown for anything not in the roster). `apart` (optional): person id → SameNameHints hint, shown as
/// PersonLabel does ("王书记 — 张伟（1968年3月生） (东湖村党支部)").
std::string DescribeTalkPair(const Organization& org, const TalkPair& p,
                             const std::map<Id, std::string>* apart = nullptr);

/// Intention expressed in the talk (进退留转意愿).
enum class Intention {
  Advance,  ///< 进
  Retire,   ///< 退
  Stay,     ///< 留
  Move,     ///< 转
};
const char* IntentionZh(Intention i);  ///< "进", "退", "留", "转"
const char* IntentionEn(Intention i);  ///< "advance", "retire", "stay", "move"

/// What was said (谈话记录), kept with the talk once it took place.
struct TalkRecord {
  Date held_on;                          ///< day of the talk
  int start_minute = 0;                  ///< local minutes, 0..1439
  std::string place;                     ///< 地点
  std::vector<int> topics_covered;       ///< 0-based indices into the topic list of the talk's kind
  std::string notes;                     ///< 谈话要点
  std::optional<Intention> intention;    ///< 进退留转 (optional: not every talk asks it)
  std::vector<Id> reserve_cadre_ids;     ///< 推荐后备干部, Member ids
  std::string reserve_cadre_note;        ///< names not in the roster, free text
};

/// A talk record sealed under the passphrase lock (口令锁): AES-GCM (256-bit key from TalkLock) of the
/// record's JSON text (TalkRecordToJson, UTF-8), with the talk's id as additional authenticated data, so a
/// sealed record cannot be moved to another talk. Both fields are standard base64: `iv` 12 bytes, `ct` the
/// ciphertext with its 16-byte tag. The shell seals and opens them with WebCrypto (web/lock.js); core only
/// keeps, stores and compares them.
struct SealedBox {
  std::string iv, ct;
  bool operator==(const SealedBox& o) const { return iv == o.iv && ct == o.ct; }
};

/// The optional passphrase lock on talk records (谈话记录口令锁):
/// how the key is derived from the passphrase and a sealed known text to tell a wrong passphrase. The
/// passphrase and the key are never stored. PBKDF2-HMAC-SHA-256 with `iterations` >= kMinLockIterations over
/// the UTF-8 passphrase and `salt` (base64, 16 bytes) gives an AES-GCM-256 key.
struct TalkLock {
  int iterations = 600000;  ///< PBKDF2 iterations (OWASP 2023 for PBKDF2-HMAC-SHA-256)
  std::string salt;         ///< base64 of 16 random bytes
  SealedBox check;          ///< kLockCheckText sealed with the key and kLockCheckId as additional data
  TimestampMs set_at = 0;   ///< when the lock was set (ms since 1970 UTC)
};
/// Fewest PBKDF2 iterations a lock may use (OWASP's 2021 figure for PBKDF2-HMAC-SHA-256).
constexpr int kMinLockIterations = 310000;
/// The known text sealed in TalkLock::check, and the id used as its additional data.
constexpr const char* kLockCheckText = "zhengjian-talk-lock-v1";
constexpr const char* kLockCheckId = "talk-lock-check";

/// A talk of the campaign: the pair, its planned slot (from the scheduler or by hand) and, once held, the record.
struct Talk {
  RecordMeta meta;
  TalkPair pair;
  std::optional<Date> planned_date;  ///< 计划日期
  int planned_start_minute = 0;      ///< local minutes (meaningful when planned_date is set)
  int duration_minutes = 30;         ///< > 0
  std::optional<TalkRecord> record;  ///< set when the talk took place (已谈) and is readable (not locked)
  /// The record sealed under the lock (TalkLock); with `record` unset while the lock is closed. A change of
  /// the record (talk.record) drops it, and the shell seals the new record again before anything is saved.
  std::optional<SealedBox> sealed;
  /// The talk took place (已谈): it has a record, readable or sealed.
  bool Held() const { return record.has_value() || sealed.has_value(); }
};

/// Adds a Talk (new id, meta from now/device) for every pair not yet among `talks` (matched on kind,
/// interviewer, interviewee). Never removes talks. Returns the number added.
int AddMissingTalks(std::vector<Talk>& talks, const std::vector<TalkPair>& pairs, IdGenerator& ids,
                    TimestampMs now, const std::string& device);

/// Talks in `talks` whose pair is not in `pairs` any more (the roster changed): indices, for the UI to offer
/// removal (a held talk should be kept).
std::vector<size_t> StaleTalks(const std::vector<Talk>& talks, const std::vector<TalkPair>& pairs);

/// Checks a record against its kind's topic list: topic indices in range and unique. Problems at `path`.
void ValidateTalkRecord(const TalkRecord& r, TalkKind kind, const TalkTopics& topics, const std::string& path,
                        Problems& problems);

/// (campaign.cpp, beside the other JSON readers) The record's JSON object: {held_on: "YYYY-MM-DD", start_minute, place, topics_covered: [int], notes,
/// intention: "advance"|"retire"|"stay"|"move"|null, reserve_cadre_ids: [id], reserve_cadre_note}; the
/// plaintext that a SealedBox seals, and the "record" of a talk in the dataset document.
nlohmann::json TalkRecordToJson(const TalkRecord& r);
/// Reads a record written by TalkRecordToJson for a talk of `kind`. Problems (with paths under `path`) are
/// appended; nullopt when it is no object or lacks held_on. Out-of-range topic indices are dropped.
std::optional<TalkRecord> TalkRecordFromJson(const nlohmann::json& j, TalkKind kind, const TalkTopics& topics,
                                             const std::string& path, Problems& problems);

/// Indices of talks whose readable record has no sealed copy yet (the shell seals them while a lock is set).
std::vector<size_t> TalksToSeal(const std::vector<Talk>& talks);
/// Indices of talks whose record is sealed and not readable (the shell opens them once unlocked).
std::vector<size_t> TalksToOpen(const std::vector<Talk>& talks);
/// Closes the lock in memory: forgets the readable record of every sealed talk. Returns how many.
int HideSealedRecords(std::vector<Talk>& talks);

}  // namespace zj
