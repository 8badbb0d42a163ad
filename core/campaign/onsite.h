// Zhengjian core: on-site meetings (看, 党建工作现场会) — venue, the pre-chosen and drawn sites, the agenda
// with its estimated end, participants, and the 5-minute speech timer.
// docs/domain.md "The four strands"; notice 四(二)一 (village level, per area) and 四(二)二 (town units).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign/draw.h"
#include "core/org/org.h"
#include "core/campaign/plan.h"
#include "core/base/types.h"

namespace zj {

/// Which meeting: one per area for its villages, or the one meeting of the town-unit branches.
enum class OnsiteScope {
  AreaVillages,  ///< 村级党建工作现场会 (四(二)一): sites are the area's Village/Community branches
  TownUnits,     ///< 镇直单位党建现场会 (四(二)二): sites are the town's TownUnit branches
};

/// Durations used to estimate the agenda, all in minutes (speech limit in minutes too). Defaults are our
/// estimates except the speech limit, which is the notice's "发言时长控制在5分钟以内".
struct AgendaTimes {
  int visit_minutes = 30;        ///< at each site: 阵地建设, 积分制管理台账, 党建资料
  int travel_minutes = 15;       ///< between consecutive sites, and from the last site to the venue
  int speech_minutes = 5;        ///< per speaker, at most (notice)
  int changeover_minutes = 1;    ///< between speakers
  int comment_minutes = 20;      ///< 镇主要领导点评
};

/// One on-site meeting (现场会). Local time: `start_minute` minutes after 00:00 of `date`.
struct OnsiteMeeting {
  RecordMeta meta;
  Id activity_id;                  ///< plan Activity (OnsiteVillage / OnsiteTownUnit)
  OnsiteScope scope = OnsiteScope::AreaVillages;
  Id area_id;                      ///< AreaVillages: the area; TownUnits: empty
  std::optional<Date> date;        ///< day of the meeting (nullopt until fixed)
  int start_minute = 8 * 60 + 30;  ///< 0..1439
  std::string venue;               ///< 会场 (chosen by 片长 and 总支书记 at the preparatory meeting)
  Id preselected_branch_id;        ///< the one standout site chosen in advance (确定1个参观点)
  std::optional<DrawRecord> draw;  ///< the on-the-spot draw of two more (随机抽取2个)
  /// Speakers' branches in speaking order; empty = the default order of DefaultSpeakerOrder().
  std::vector<Id> speaker_branch_ids;
  AgendaTimes times;
  bool held = false;               ///< 已召开
  std::string notes;               ///< 点评要点 / remarks
};

/// Branches eligible as sites of `m`: AreaVillages -> Village/Community branches of its area;
/// TownUnits -> all TownUnit branches. Includes the pre-chosen one. Sorted in the draw's fixed order.
std::vector<DrawCandidate> EligibleSites(const OnsiteMeeting& m, const Organization& org);

/// Performs the draw of two sites for `m` from `seed` (see draw.h) and stores the record in `m.draw`.
/// Errors (appended to `problems`, `m` unchanged): no pre-chosen site, the pre-chosen site not eligible,
/// an empty seed, a draw already made (a draw is never silently redone; clear `m.draw` first on purpose).
bool DrawSites(OnsiteMeeting& m, const Organization& org, std::string_view seed, TimestampMs now, Problems& problems);

/// Sites to visit, in visiting order: the pre-chosen one, then the drawn ones in draw order.
std::vector<Id> VisitSites(const OnsiteMeeting& m);

/// Default speaking order: the visited sites' branches first (visiting order), then every other eligible
/// branch in the fixed order. Town-unit meetings use the same rule.
std::vector<Id> DefaultSpeakerOrder(const OnsiteMeeting& m, const Organization& org);

/// The secretary (Member with Post::Secretary) of a branch, or empty.
Id BranchSecretary(const Organization& org, const Id& branch_id);

/// One item of the agenda (议程). Times are local minutes of the meeting day.
struct AgendaItem {
  enum class Kind { Visit, Travel, Speech, Comment };
  Kind kind = Kind::Visit;
  Id branch_id;       ///< Visit: the site; Speech: the speaker's branch
  Id person_id;       ///< Speech: the speaker (branch secretary, may be empty if unknown)
  std::string title;  ///< Chinese label, e.g. "参观 东湖村", "发言 东湖村 张三", "点评"
  int start_minute = 0;
  int end_minute = 0;
};
/// The agenda of notice 四(二): (1) visits to the sites (with travel), (2) speeches in order, each at
/// most `times.speech_minutes`, (3) comments by a town leader. Starts at `m.start_minute`.
std::vector<AgendaItem> BuildAgenda(const OnsiteMeeting& m, const Organization& org);
/// Estimated end (local minutes; may exceed 1439 for an absurd agenda) = end of the last agenda item.
int EstimatedEndMinute(const OnsiteMeeting& m, const Organization& org);

/// People expected at `m` (notice 四(二)): AreaVillages -> town leader, the area chief, the area's
/// general-branch secretaries and resident cadres, its village secretaries and deputy secretaries;
/// TownUnits -> town leader, town committee (分管领导), general-branch secretaries of the general branches
/// that hold town-unit branches, the unit secretaries. Sorted, unique.
std::vector<Id> OnsiteParticipants(const OnsiteMeeting& m, const Organization& org);

/// Formats local minutes as "HH:MM" (e.g. 510 -> "08:30"; values past 24 h keep counting: 1500 -> "25:00").
std::string FormatMinutes(int minutes);

/// The speech timer (发言计时, at most 5 minutes) as a pure model driven by a monotonic clock in ms passed
/// in by the caller (the UI passes performance.now()). Never reads a clock itself.
class SpeechTimer {
 public:
  enum class State { Idle, Running, Paused, Stopped };
  /// `limit_ms`: speaking time allowed (default 5 min); `warn_ms`: the last-minute window (default 60 s).
  explicit SpeechTimer(int64_t limit_ms = 5 * 60 * 1000, int64_t warn_ms = 60 * 1000)
      : limit_ms_(limit_ms), warn_ms_(warn_ms) {}
  /// Starts (or restarts from zero) at `now_ms`.
  void Start(int64_t now_ms);
  /// Pauses a running timer; no effect otherwise.
  void Pause(int64_t now_ms);
  /// Resumes a paused timer; no effect otherwise.
  void Resume(int64_t now_ms);
  /// Stops (the speaker finished); the elapsed time is frozen.
  void Stop(int64_t now_ms);
  /// Back to Idle with zero elapsed.
  void Reset();
  State state() const { return state_; }
  int64_t limit_ms() const { return limit_ms_; }
  /// Speaking time so far in ms (pauses excluded). A `now_ms` earlier than the last event counts as it.
  int64_t Elapsed(int64_t now_ms) const;
  /// limit - elapsed: positive while in time, negative by the overrun.
  int64_t Remaining(int64_t now_ms) const;
  /// True when elapsed > limit (超时).
  bool Overrun(int64_t now_ms) const;
  /// True when 0 < remaining <= warn window (最后一分钟), to colour the display.
  bool LastMinute(int64_t now_ms) const;
  /// Display text: "04:59" counting down, then "+00:12" for the overrun (seconds rounded up while
  /// counting down, down while overrunning, so the display reaches 00:00 exactly at the limit).
  std::string Display(int64_t now_ms) const;

 private:
  int64_t limit_ms_, warn_ms_;
  State state_ = State::Idle;
  int64_t accumulated_ms_ = 0;  ///< time counted before the current run
  int64_t run_start_ms_ = 0;    ///< when the current run began (Running only)
};

}  // namespace zj
