// Zhengjian core: the commands of the campaign screens 学 看 谈 (docs/domain.md "The four strands"; notice 四(一)–(三)).
// Typed commands (core/data/command.h, docs/recipes.md "Add a command"); every refusal is a Problem in Chinese and
// English, and changes nothing. Dates are "YYYY-MM-DD", times local minutes after 00:00; text is trimmed (a talk's
// notes are kept as typed).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/campaign/lectures.h"
#include "core/campaign/plan.h"
#include "core/campaign/talks.h"
#include "core/data/command.h"

namespace zj {

/// The message for a malformed date on the campaign screens.
inline Say CampaignDateSay() { return Say{"日期格式应为 YYYY-MM-DD（如 2026-03-28）", "dates are YYYY-MM-DD"}; }
/// The message for an integer field outside [lo, hi] (or not an integer), as the campaign screens show it.
Say RangeSay(const char* key, const char* what_zh, int lo, int hi);

//-----------------------------------------------------------------------------
// The plan (活动安排)
//-----------------------------------------------------------------------------

/// activity.set_status {id, done: bool, date?: "YYYY-MM-DD"}: marks a plan activity done (on `date`, if given) or
/// planned again. Refused: no such activity, a malformed date when done.
struct ActivitySetStatus {
  static constexpr const char* kName = "activity.set_status";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  bool done = false;
  std::optional<std::string> date;  ///< read only when done
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Req("done", done);
    v.Opt("date", date);
  }
};

//-----------------------------------------------------------------------------
// 学 lectures
//-----------------------------------------------------------------------------

/// The editable fields of a lecture (absent = left as it is).
struct LectureFields {
  std::optional<std::string> theme_zh;  ///< 讲习主题, not empty
  std::optional<std::string> theme_en, guest_lecturers, place;
  Maybe<std::string> team;                                 ///< lecture team code; null: none
  std::optional<std::vector<std::string>> lecturer_ids;    ///< cadres (sorted, duplicates dropped)
  std::optional<std::vector<std::string>> audience_roles;  ///< role codes
  Maybe<Date> date;
  std::optional<int> start_minute;      ///< 0..1439
  std::optional<int> duration_minutes;  ///< 1..720
  std::optional<std::string> activity_id;  ///< a plan activity ("" = none)
  template <class V>
  void Fields(V& v) {
    v.Opt("theme_zh", theme_zh);
    v.Opt("theme_en", theme_en);
    v.Opt("guest_lecturers", guest_lecturers);
    v.Opt("place", place);
    v.Opt("team", team);
    v.Opt("lecturer_ids", lecturer_ids);
    v.Opt("audience_roles", audience_roles);
    v.Opt("date", date, CampaignDateSay());
    v.Opt("start_minute", start_minute, RangeSay("start_minute", "开始时间", 0, 1439));
    v.Opt("duration_minutes", duration_minutes, RangeSay("duration_minutes", "时长（分钟）", 1, 720));
    v.Opt("activity_id", activity_id);
  }
};
/// lecture.add {theme_zh, ...fields} -> created_id. Refused beyond 5 (notice 四(一): 3 to 5 lectures).
struct LectureAdd : LectureFields {
  static constexpr const char* kName = "lecture.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// lecture.update {id, ...fields}.
struct LectureUpdate : LectureFields {
  static constexpr const char* kName = "lecture.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    LectureFields::Fields(v);
  }
};
/// lecture.remove {id}: refused once it was held or has attendance (the record is evidence).
struct LectureRemove {
  static constexpr const char* kName = "lecture.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};
/// lecture.set_held {id, held, date?}: held needs a date (given or already set).
struct LectureSetHeld {
  static constexpr const char* kName = "lecture.set_held";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  bool held = false;
  Maybe<Date> date;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Req("held", held, Say{"应为是/否", "expected true/false"});
    v.Opt("date", date, CampaignDateSay());
  }
};
/// lecture.attend {id, person_id | person_ids: [...], present}: ticks attendance (实到). Present adds a reflection
/// owed (学习心得); absent is refused for someone whose reflection was already handed in.
struct LectureAttend {
  static constexpr const char* kName = "lecture.attend";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> person_id;
  std::optional<std::vector<std::string>> person_ids;
  bool present = false;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("person_id", person_id);
    v.Opt("person_ids", person_ids);
    v.Req("present", present, Say{"应为是/否", "expected true/false"});
  }
};
/// lecture.reflection {id, person_id, state: owed|handed_in|chosen, date? (required unless owed), title?}.
struct LectureReflection {
  static constexpr const char* kName = "lecture.reflection";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> person_id, state;
  Maybe<Date> date;
  std::optional<std::string> title;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("person_id", person_id);
    v.Opt("state", state);
    v.Opt("date", date, CampaignDateSay());
    v.Opt("title", title);
  }
};

//-----------------------------------------------------------------------------
// 看 on-site meetings
//-----------------------------------------------------------------------------

/// onsite.ensure {}: adds the meetings the notice asks for and the campaign lacks (one per area + town units).
struct OnsiteEnsure {
  static constexpr const char* kName = "onsite.ensure";
  static constexpr CommandKind kKind = CommandKind::Adds;
  template <class V>
  void Fields(V&) {}
};
/// onsite.update {id, date?, start_minute?, venue?, preselected_branch_id?, speech_minutes?, held?, notes?}.
struct OnsiteUpdate {
  static constexpr const char* kName = "onsite.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  Maybe<Date> date;
  std::optional<int> start_minute, speech_minutes;
  std::optional<std::string> venue, notes, preselected_branch_id;
  std::optional<bool> held;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("date", date, CampaignDateSay());
    v.Opt("start_minute", start_minute, RangeSay("start_minute", "开始时间", 0, 1439));
    v.Opt("speech_minutes", speech_minutes, RangeSay("speech_minutes", "发言时长（分钟）", 1, 30));
    v.Opt("venue", venue);
    v.Opt("notes", notes);
    v.Opt("preselected_branch_id", preselected_branch_id, Say{"请选择参观点", "choose a site"});
    v.Opt("held", held, Say{"应为是/否", "expected true/false"});
  }
};
/// onsite.draw {id, seed}: the on-the-spot draw of two more sites (zj-draw-v1, draw.h). A second draw is refused;
/// so are an empty seed and a meeting without its pre-chosen site.
struct OnsiteDraw {
  static constexpr const char* kName = "onsite.draw";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> seed;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("seed", seed);
  }
};

//-----------------------------------------------------------------------------
// 谈 talks
//-----------------------------------------------------------------------------

/// talk.schedule {from?, to?, today?}: stores the window (if given), adds missing talk pairs from the roster and
/// schedules every talk not yet held around the talks held (ScheduleCampaignTalks). Unplaceable pairs keep no
/// planned date. `today` (the user's day, "YYYY-MM-DD"; the shell sends its own) keeps every talk on or after
/// it; a window that ended before `today` is refused, naming its end (/to), and changes nothing.
struct TalkScheduleCmd {
  static constexpr const char* kName = "talk.schedule";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Maybe<Date> from, to;
  std::optional<Date> today;
  template <class V>
  void Fields(V& v) {
    v.Opt("from", from, CampaignDateSay());
    v.Opt("to", to, CampaignDateSay());
    v.Opt("today", today, CampaignDateSay());
  }
};
/// talk.record {id, held_on, start_minute?, place?, topics_covered?: [int], notes?, intention?: advance|retire|
/// stay|move|null, reserve_cadre_ids?: [member id], reserve_cadre_note?}: the talk record (谈话记录).
struct TalkRecordCmd {
  static constexpr const char* kName = "talk.record";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  Maybe<Date> held_on;  ///< absent: the record's day kept
  std::optional<int> start_minute;
  std::optional<std::string> place, notes, reserve_cadre_note;
  std::optional<nlohmann::json> topics_covered;  ///< a list of topic numbers
  Maybe<std::string> intention;
  std::optional<std::vector<std::string>> reserve_cadre_ids;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("held_on", held_on, CampaignDateSay());
    v.Opt("start_minute", start_minute, RangeSay("start_minute", "谈话时间", 0, 1439));
    v.Opt("place", place);
    v.Opt("notes", notes, Say{"谈话要点应为文字", "notes must be text"});
    v.Opt("topics_covered", topics_covered);
    v.Opt("intention", intention);
    v.Opt("reserve_cadre_ids", reserve_cadre_ids);
    v.Opt("reserve_cadre_note", reserve_cadre_note);
  }
};
/// talk_lock.set {iterations, salt, check: {iv, ct}}: turns the passphrase lock on (口令锁). The shell derives the
/// key (WebCrypto PBKDF2) and seals the check text; the passphrase never reaches core.
struct TalkLockSetCmd {
  static constexpr const char* kName = "talk_lock.set";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::optional<int> iterations;
  std::optional<std::string> salt;
  std::optional<nlohmann::json> check;
  template <class V>
  void Fields(V& v) {
    v.Opt("iterations", iterations, IterationsSay());
    v.Opt("salt", salt);
    v.Opt("check", check);
  }
  static Say IterationsSay();
};
/// talk_lock.remove {}: turns the lock off; every sealed record must be open (readable) first, so removing the
/// lock never loses a record.
struct TalkLockRemoveCmd {
  static constexpr const char* kName = "talk_lock.remove";
  static constexpr CommandKind kKind = CommandKind::Edits;
  template <class V>
  void Fields(V&) {}
};
/// talk.clear_record {id}: back to not held (a record entered on the wrong talk).
struct TalkClearRecord {
  static constexpr const char* kName = "talk.clear_record";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

std::optional<Problem> Handle(const ActivitySetStatus& c, Tx& tx);
std::optional<Problem> Handle(const LectureAdd& c, Tx& tx);
std::optional<Problem> Handle(const LectureUpdate& c, Tx& tx);
std::optional<Problem> Handle(const LectureRemove& c, Tx& tx);
std::optional<Problem> Handle(const LectureSetHeld& c, Tx& tx);
std::optional<Problem> Handle(const LectureAttend& c, Tx& tx);
std::optional<Problem> Handle(const LectureReflection& c, Tx& tx);
std::optional<Problem> Handle(const OnsiteEnsure& c, Tx& tx);
std::optional<Problem> Handle(const OnsiteUpdate& c, Tx& tx);
std::optional<Problem> Handle(const OnsiteDraw& c, Tx& tx);
std::optional<Problem> Handle(const TalkScheduleCmd& c, Tx& tx);
std::optional<Problem> Handle(const TalkRecordCmd& c, Tx& tx);
std::optional<Problem> Handle(const TalkLockSetCmd& c, Tx& tx);
std::optional<Problem> Handle(const TalkLockRemoveCmd& c, Tx& tx);
std::optional<Problem> Handle(const TalkClearRecord& c, Tx& tx);

/// Argument tokens of the commands (the same spellings as the campaign JSON): "village_secretary",
/// "handed_in", "advance" ...
const char* RoleToken(Role r);
const char* ReflectionStateToken(ReflectionState s);
const char* IntentionToken(Intention i);

}  // namespace zj
