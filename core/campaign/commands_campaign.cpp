// Commands of the campaign screens 学 看 谈 (core/campaign/commands_campaign.h lists them with their arguments;
// docs/domain.md "The four strands"; notice 四(一)–(三)). Each handler checks every argument before changing anything, then
// changes only the records it names through the Tx (docs/architecture.md "How a change travels"). Messages are
// Chinese first, with English.
//
// [SECTION] Helpers
// [SECTION] The plan, 学 lectures lectures
// [SECTION] 看 on-site meetings
// [SECTION] 谈 talks
#include "core/campaign/commands_campaign.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>

#include "core/campaign/campaign.h"

namespace zj {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------
using nlohmann::json;

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }
size_t At(int i) { return static_cast<size_t>(i); }

// Trims ASCII spaces/tabs and full-width spaces (U+3000) at both ends.
std::string Trim(std::string s) {
  for (;;) {
    if (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) s.erase(0, 1);
    else if (s.compare(0, 3, "\xE3\x80\x80") == 0) s.erase(0, 3);
    else break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
    else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) s.resize(s.size() - 3);
    else break;
  }
  return s;
}

/// A text field: absent -> untouched; given -> trimmed into `out`.
void SetText(const std::optional<std::string>& v, std::string& out) {
  if (v) out = Trim(*v);
}

/// A date field: absent -> untouched; null -> cleared; a date -> set.
void SetDate(const Maybe<Date>& v, std::optional<Date>& out) {
  if (v) out = *v;
}

/// An integer field within [lo, hi]: absent -> untouched.
std::optional<Problem> SetInt(const std::optional<int>& v, const char* key, const char* what_zh, int lo, int hi,
                              int& out) {
  if (!v) return std::nullopt;
  if (*v < lo || *v > hi) {
    const Say s = RangeSay(key, what_zh, lo, hi);
    return Bad(std::string("/") + key, s.zh, s.en);
  }
  out = *v;
  return std::nullopt;
}

bool IsCadre(const Organization& org, const Id& id) {
  for (const auto& c : org.cadres)
    if (c.meta.id == id) return true;
  return false;
}

/// The problem of changing a sealed record that is not open (the passphrase lock is closed).
Problem LockedProblem() {
  return Problem{"/id", "谈话记录已加密，请先输入口令解锁", "the talk record is locked; enter the passphrase first"};
}

//-----------------------------------------------------------------------------
// [SECTION] 学 lectures
//-----------------------------------------------------------------------------

/// Applies the lecture fields given in `f` to `l`.
std::optional<Problem> ApplyLectureFields(const Dataset& d, Lecture& l, const LectureFields& f) {
  if (f.theme_zh) {
    std::string t = Trim(*f.theme_zh);
    if (t.empty()) return Bad("/theme_zh", "讲习主题不能为空", "the theme must not be empty");
    l.theme_zh = t;
  }
  SetText(f.theme_en, l.theme_en);
  SetText(f.guest_lecturers, l.guest_lecturers);
  SetText(f.place, l.place);
  if (f.team) {
    if (!*f.team) {
      l.team.reset();
    } else {
      auto t = LectureTeamFromCode(**f.team);
      if (!t) return Bad("/team", "没有这个宣讲队", "no such lecture team");
      l.team = t;
    }
  }
  if (f.lecturer_ids) {
    std::vector<std::string> ids = *f.lecturer_ids;
    for (const auto& id : ids)
      if (!IsCadre(d.org, id)) return Bad("/lecturer_ids", "宣讲员不在干部名单中", "a lecturer is not among the cadres");
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    l.lecturer_ids = ids;
  }
  if (f.audience_roles) {
    std::vector<Role> roles;
    for (const auto& t : *f.audience_roles) {
      auto r = RoleFromCode(t);
      if (!r) return Bad("/audience_roles", "参学人员类别无效：" + t, "unknown audience role: " + t);
      if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
    }
    l.audience_roles = roles;
  }
  SetDate(f.date, l.date);
  if (auto p = SetInt(f.start_minute, "start_minute", "开始时间", 0, 1439, l.start_minute)) return p;
  if (auto p = SetInt(f.duration_minutes, "duration_minutes", "时长（分钟）", 1, 720, l.duration_minutes)) return p;
  if (f.activity_id) {
    const std::string& v = *f.activity_id;
    bool found = v.empty();
    for (const auto& act : d.campaign.activities) found = found || act.meta.id == v;
    if (!found) return Bad("/activity_id", "找不到该计划活动", "no such plan activity");
    l.activity_id = v;
  }
  return std::nullopt;
}

}  // namespace

Say RangeSay(const char* key, const char* what_zh, int lo, int hi) {
  return Say{std::string(what_zh) + "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间",
             std::string(key) + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi)};
}

std::optional<Problem> Handle(const ActivitySetStatus& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.activities, c.id);
  if (i < 0) return Bad("/id", "找不到该活动", "no such activity");
  std::optional<Date> done_on;
  if (c.done && c.date) {
    done_on = Date::Parse(*c.date);
    if (!done_on) return Bad("/date", "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
  }
  Activity& a = tx.Edit<Activity>(At(i));
  a.status = c.done ? ActivityStatus::Done : ActivityStatus::Planned;
  a.done_on = done_on;
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureAdd& c, Tx& tx) {
  if (tx.data().campaign.lectures.size() >= 5)
    return Bad("/campaign/lectures", "专题讲习最多5次（通知要求3至5次）", "at most 5 lectures (the notice asks for 3 to 5)");
  if (!c.theme_zh) return Bad("/theme_zh", "讲习主题不能为空", "the theme must not be empty");
  Lecture l;
  if (auto p = ApplyLectureFields(tx.data(), l, c)) return p;
  tx.created_id = tx.Add(std::move(l)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureUpdate& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.lectures, c.id);
  if (i < 0) return Bad("/id", "找不到该讲习", "no such lecture");
  Lecture l = tx.data().campaign.lectures[At(i)];
  if (auto p = ApplyLectureFields(tx.data(), l, c)) return p;
  tx.Edit<Lecture>(At(i)) = std::move(l);
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureRemove& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.lectures, c.id);
  if (i < 0) return Bad("/id", "找不到该讲习", "no such lecture");
  const Lecture& l = tx.data().campaign.lectures[At(i)];
  if (l.held || !l.attendee_ids.empty())
    return Bad("/id", "已举办或已记录出勤的讲习不能删除", "a lecture that was held or has attendance cannot be removed");
  tx.Remove<Lecture>(At(i));
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureSetHeld& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.lectures, c.id);
  if (i < 0) return Bad("/id", "找不到该讲习", "no such lecture");
  std::optional<Date> date = tx.data().campaign.lectures[At(i)].date;
  SetDate(c.date, date);
  if (c.held && !date) return Bad("/date", "请先填写举办日期", "enter the day it was held first");
  Lecture& l = tx.Edit<Lecture>(At(i));
  l.date = date;
  l.held = c.held;
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureAttend& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.campaign.lectures, c.id);
  if (i < 0) return Bad("/id", "找不到该讲习", "no such lecture");
  std::vector<std::string> people;
  if (c.person_ids) {
    people = *c.person_ids;
  } else {
    if (!c.person_id) return Bad("/person_id", "请选择人员", "choose a person");
    people.push_back(*c.person_id);
  }
  // Who is on the roster (members and cadres): for a whole list, one pass over it, not one per person.
  std::unordered_set<std::string> roster;
  if (people.size() > 4) {
    roster.reserve((d.org.members.size() + d.org.cadres.size()) * 2);
    for (const Member& m : d.org.members) roster.insert(m.meta.id);
    for (const Cadre& k : d.org.cadres) roster.insert(k.meta.id);
  }
  auto on_roster = [&](const Id& id) {
    return people.size() > 4 ? roster.count(id) > 0 : FindMember(d.org, id) >= 0 || IsCadre(d.org, id);
  };
  Lecture l = d.campaign.lectures[At(i)];
  for (const auto& pid : people) {
    if (!on_roster(pid)) return Bad("/person_id", "该人员不在名册中", "this person is not in the roster");
    auto it = std::find(l.attendee_ids.begin(), l.attendee_ids.end(), pid);
    if (c.present) {
      if (it == l.attendee_ids.end()) l.attendee_ids.push_back(pid);
    } else if (it != l.attendee_ids.end()) {
      for (auto r = l.reflections.begin(); r != l.reflections.end(); ++r) {
        if (r->person_id != pid) continue;
        if (r->state != ReflectionState::Owed)
          return Bad("/person_id", PersonName(d.org, pid) + " 已交学习心得，不能取消出勤",
                     "this person handed in a reflection; attendance cannot be removed");
        l.reflections.erase(r);
        break;
      }
      l.attendee_ids.erase(it);
    }
  }
  if (c.present) EnsureReflections(l, tx.ids(), tx.now(), tx.device());
  tx.Edit<Lecture>(At(i)) = std::move(l);
  return std::nullopt;
}

std::optional<Problem> Handle(const LectureReflection& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.lectures, c.id);
  if (i < 0) return Bad("/id", "找不到该讲习", "no such lecture");
  Lecture l = tx.data().campaign.lectures[At(i)];
  Reflection* r = nullptr;
  for (auto& x : l.reflections)
    if (c.person_id && x.person_id == *c.person_id) r = &x;
  if (!r) return Bad("/person_id", "该人员未出勤本次讲习，没有心得记录", "this person did not attend; no reflection is expected");
  auto state = c.state ? ReflectionStateFromCode(*c.state) : std::nullopt;
  if (!state) return Bad("/state", "心得状态应为 未交 / 已交 / 入选学习专栏", "state is owed, handed_in or chosen");
  std::optional<Date> date = r->handed_in_on;
  SetDate(c.date, date);
  if (*state != ReflectionState::Owed && !date) return Bad("/date", "请填写交来日期", "enter the day it was handed in");
  std::string title = r->title;
  SetText(c.title, title);
  r->state = *state;
  r->handed_in_on = *state == ReflectionState::Owed ? std::nullopt : date;
  r->title = title;
  r->meta.updated = tx.now();  // the reflection is part of the lecture record: its own stamp is ours to set
  r->meta.device = tx.device();
  tx.Edit<Lecture>(At(i)) = std::move(l);
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] 看 on-site meetings
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const OnsiteEnsure&, Tx& tx) {
  const Dataset& d = tx.data();
  if (d.org.areas.empty() && d.org.branches.empty())
    return Bad("/org", "组织架构为空，先导入片区和党支部", "the organization is empty; import areas and branches first");
  // CreateOnsiteMeetings reads the plan's activities and adds to the meetings: it works on those, the meetings
  // taken from the Tx and put back.
  std::vector<OnsiteMeeting>& meetings = tx.EditAll<OnsiteMeeting>();
  Campaign work;
  work.activities = d.campaign.activities;
  work.onsite_meetings = std::move(meetings);
  CreateOnsiteMeetings(work, d.org, tx.ids(), tx.now(), tx.device());
  meetings = std::move(work.onsite_meetings);
  return std::nullopt;
}

std::optional<Problem> Handle(const OnsiteUpdate& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.campaign.onsite_meetings, c.id);
  if (i < 0) return Bad("/id", "找不到该现场会", "no such on-site meeting");
  const OnsiteMeeting& m = d.campaign.onsite_meetings[At(i)];
  OnsiteMeeting n = m;
  SetDate(c.date, n.date);
  if (auto p = SetInt(c.start_minute, "start_minute", "开始时间", 0, 1439, n.start_minute)) return p;
  if (auto p = SetInt(c.speech_minutes, "speech_minutes", "发言时长（分钟）", 1, 30, n.times.speech_minutes)) return p;
  SetText(c.venue, n.venue);
  SetText(c.notes, n.notes);
  if (c.preselected_branch_id) {
    const std::string& v = *c.preselected_branch_id;
    if (m.draw && v != m.preselected_branch_id)
      return Bad("/preselected_branch_id", "已抽签，预先选定的参观点不能再改",
                 "the draw was made; the pre-chosen site cannot change any more");
    bool ok = v.empty();
    for (const auto& s : EligibleSites(n, d.org)) ok = ok || s.id == v;
    if (!ok)
      return Bad("/preselected_branch_id", "该党支部不在本次现场会的范围内", "that branch is not one of this meeting's sites");
    n.preselected_branch_id = v;
  }
  if (c.held) {
    n.held = *c.held;
    if (n.held && !n.date) return Bad("/date", "请先填写现场会日期", "enter the meeting's date first");
  }
  tx.Edit<OnsiteMeeting>(At(i)) = std::move(n);
  return std::nullopt;
}

std::optional<Problem> Handle(const OnsiteDraw& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.campaign.onsite_meetings, c.id);
  if (i < 0) return Bad("/id", "找不到该现场会", "no such on-site meeting");
  if (!c.seed) return Bad("/seed", "请输入现场见证的种子", "enter the seed witnessed in the room");
  OnsiteMeeting m = d.campaign.onsite_meetings[At(i)];
  Problems problems;
  if (!DrawSites(m, d.org, *c.seed, tx.now(), problems)) {
    if (problems.empty()) return Bad("/seed", "抽签失败", "the draw failed");
    return problems.front();
  }
  tx.Edit<OnsiteMeeting>(At(i)) = std::move(m);
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] 谈 talks
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const TalkScheduleCmd& c, Tx& tx) {
  const Dataset& d = tx.data();
  std::optional<Date> from = d.campaign.talk_schedule.from, to = d.campaign.talk_schedule.to;
  SetDate(c.from, from);
  SetDate(c.to, to);
  if (from && to && *from > *to) return Bad("/from", "开始日期不能晚于结束日期", "the start must not be after the end");
  if (from != d.campaign.talk_schedule.from || to != d.campaign.talk_schedule.to) {
    TalkScheduleSettings& s = tx.EditSetting(Setting::TalkSchedule).campaign.talk_schedule;
    s.from = from;
    s.to = to;
  }
  // ScheduleCampaignTalks reads the plan's activities and the schedule settings and changes only the talks: it
  // works on those, the talks taken from the Tx and put back.
  std::vector<Talk>& talks = tx.EditAll<Talk>();
  Campaign work;
  work.activities = d.campaign.activities;
  work.talk_schedule = d.campaign.talk_schedule;
  work.talks = std::move(talks);
  Problems problems;
  const CampaignSchedule cs = ScheduleCampaignTalks(work, d.org, tx.ids(), tx.now(), tx.device(), problems, c.today);
  talks = std::move(work.talks);
  if (cs.from && cs.to && *cs.from > *cs.to)
    return Bad("/to", "谈话排期的结束日期 " + cs.to->ToString() + " 已过（今天 " + cs.from->ToString() + "），请推迟结束日期后再排",
               "the talk schedule ended " + cs.to->ToString() + " (today is " + cs.from->ToString() + "): move its end, then schedule");
  if (talks.empty() && !problems.empty()) return problems.front();
  for (const auto& p : problems)
    if (p.path == "/campaign/talk_schedule") return p;
  return std::nullopt;
}

std::optional<Problem> Handle(const TalkRecordCmd& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.campaign.talks, c.id);
  if (i < 0) return Bad("/id", "找不到该谈话", "no such talk");
  const Talk& t = d.campaign.talks[At(i)];
  if (t.sealed && !t.record) return LockedProblem();
  TalkRecord r = t.record ? *t.record : TalkRecord{};
  std::optional<Date> held = t.record ? std::optional<Date>(r.held_on) : std::nullopt;
  SetDate(c.held_on, held);
  if (!held) return Bad("/held_on", "请填写谈话日期", "enter the day of the talk");
  r.held_on = *held;
  if (auto p = SetInt(c.start_minute, "start_minute", "谈话时间", 0, 1439, r.start_minute)) return p;
  SetText(c.place, r.place);
  if (c.notes) r.notes = *c.notes;  // kept as typed (line breaks matter)
  if (c.topics_covered) {
    const json& a = *c.topics_covered;
    if (!a.is_array()) return Bad("/topics_covered", "谈话内容应为列表", "topics must be a list");
    r.topics_covered.clear();
    for (const auto& x : a) {
      if (!x.is_number_integer()) return Bad("/topics_covered", "谈话内容编号应为整数", "topic numbers are integers");
      r.topics_covered.push_back(x.get<int>());
    }
    std::sort(r.topics_covered.begin(), r.topics_covered.end());
  }
  if (c.intention) {
    if (!*c.intention) {
      r.intention.reset();
    } else {
      auto k = IntentionFromCode(**c.intention);
      if (!k) return Bad("/intention", "进退留转意愿应为 进 / 退 / 留 / 转", "intention is advance, retire, stay or move");
      r.intention = k;
    }
  }
  if (c.reserve_cadre_ids) {
    std::vector<std::string> ids = *c.reserve_cadre_ids;
    for (const auto& id : ids)
      if (FindMember(d.org, id) < 0)
        return Bad("/reserve_cadre_ids", "推荐的后备干部不在党员名册中，可写在备注里",
                   "a recommended reserve cadre is not in the roster; write the name in the note");
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    r.reserve_cadre_ids = ids;
  }
  SetText(c.reserve_cadre_note, r.reserve_cadre_note);
  Problems problems;
  ValidateTalkRecord(r, t.pair.kind, d.campaign.talk_topics, "/topics_covered", problems);
  if (!problems.empty()) return problems.front();
  Talk& e = tx.Edit<Talk>(At(i));
  e.record = std::move(r);
  e.sealed.reset();  // the old sealed copy no longer matches; the shell seals the new record
  return std::nullopt;
}

Say TalkLockSetCmd::IterationsSay() {
  return Say{"PBKDF2 迭代次数至少 " + std::to_string(kMinLockIterations),
             "PBKDF2 needs at least " + std::to_string(kMinLockIterations) + " iterations"};
}

std::optional<Problem> Handle(const TalkLockSetCmd& c, Tx& tx) {
  if (tx.data().campaign.talk_lock) return Bad("", "谈话记录已经设了口令锁", "talk records are already locked");
  TalkLock k;
  if (!c.salt || c.salt->size() < 16) return Bad("/salt", "口令锁缺少盐值", "the lock needs a salt");
  k.salt = *c.salt;
  if (!c.iterations || *c.iterations < kMinLockIterations || *c.iterations > 100000000) {
    const Say s = TalkLockSetCmd::IterationsSay();
    return Bad("/iterations", s.zh, s.en);
  }
  k.iterations = *c.iterations;
  const json* ck = c.check && c.check->is_object() ? &*c.check : nullptr;
  auto str = [&](const char* key) -> std::optional<std::string> {
    if (!ck || !ck->contains(key) || !(*ck)[key].is_string()) return std::nullopt;
    return (*ck)[key].get<std::string>();
  };
  auto iv = str("iv");
  auto ct = str("ct");
  if (!iv || !ct || iv->empty() || ct->empty()) return Bad("/check", "口令锁缺少校验数据", "the lock needs its check value");
  k.check = SealedBox{*iv, *ct};
  k.set_at = tx.now();
  tx.EditSetting(Setting::TalkLock).campaign.talk_lock = std::move(k);
  return std::nullopt;
}

std::optional<Problem> Handle(const TalkLockRemoveCmd&, Tx& tx) {
  const Dataset& d = tx.data();
  if (!d.campaign.talk_lock) return Bad("", "谈话记录没有设口令锁", "talk records are not locked");
  if (!TalksToOpen(d.campaign.talks).empty()) return LockedProblem();
  for (size_t i = 0; i < d.campaign.talks.size(); ++i)
    if (d.campaign.talks[i].sealed) tx.Edit<Talk>(i).sealed.reset();
  tx.EditSetting(Setting::TalkLock).campaign.talk_lock.reset();
  return std::nullopt;
}

std::optional<Problem> Handle(const TalkClearRecord& c, Tx& tx) {
  const int i = IndexOfId(tx.data().campaign.talks, c.id);
  if (i < 0) return Bad("/id", "找不到该谈话", "no such talk");
  const Talk& t = tx.data().campaign.talks[At(i)];
  if (t.sealed && !t.record) return LockedProblem();
  if (!t.record) return Bad("/id", "该谈话还没有记录", "this talk has no record");
  Talk& e = tx.Edit<Talk>(At(i));
  e.record.reset();
  e.sealed.reset();
  return std::nullopt;
}

const char* RoleToken(Role r) { return RoleCode(r); }
const char* ReflectionStateToken(ReflectionState s) { return ReflectionStateCode(s); }
const char* IntentionToken(Intention i) { return IntentionCode(i); }

}  // namespace zj
