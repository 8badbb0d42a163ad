// Commands of the campaign screens 学 看 谈 (DESIGN.md "Commands"; DOMAIN.md "学", "看", "谈"; notice 四(一)–(三)).
// Each handler validates every argument before changing anything; Workspace::Apply also rolls back on a
// returned problem, so a refused command changes nothing. Messages are Chinese first, with English.
//
// [SECTION] Argument helpers
// [SECTION] 学 lectures: lecture.add / lecture.update / lecture.remove / lecture.set_held / lecture.attend /
//           lecture.reflection
// [SECTION] 看 on-site meetings: onsite.ensure / onsite.update / onsite.draw
// [SECTION] 谈 talks: talk.schedule / talk.record / talk.clear_record
#include <algorithm>
#include <set>
#include <string>

#include "core/campaign/campaign.h"
#include "core/campaign/commands_campaign.h"
#include "core/data/workspace.h"

namespace zj {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Argument helpers
//-----------------------------------------------------------------------------
using nlohmann::json;

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }

std::optional<std::string> Str(const json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end() || !f->is_string()) return std::nullopt;
  return f->get<std::string>();
}

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

/// Reads an optional text field `key` into `out` (trimmed). Returns a problem if present but not text.
std::optional<Problem> TextField(const json& a, const char* key, std::string& out) {
  if (!a.contains(key)) return std::nullopt;
  auto v = Str(a, key);
  if (!v) return Bad(std::string("/") + key, std::string("字段应为文字：") + key, std::string("not text: ") + key);
  out = Trim(*v);
  return std::nullopt;
}

/// Reads `key` as a date "YYYY-MM-DD" or null into `out`. Absent: untouched.
std::optional<Problem> OptDateField(const json& a, const char* key, std::optional<Date>& out) {
  if (!a.contains(key)) return std::nullopt;
  if (a[key].is_null()) { out.reset(); return std::nullopt; }
  auto v = Str(a, key);
  auto d = v ? Date::Parse(Trim(*v)) : std::nullopt;
  if (!d) return Bad(std::string("/") + key, "日期格式应为 YYYY-MM-DD（如 2026-03-28）", "dates are YYYY-MM-DD");
  out = d;
  return std::nullopt;
}

/// Reads an integer field within [lo, hi]. Absent: untouched.
std::optional<Problem> IntField(const json& a, const char* key, int lo, int hi, int& out, const char* what_zh) {
  if (!a.contains(key)) return std::nullopt;
  if (!a[key].is_number_integer() || a[key].get<long long>() < lo || a[key].get<long long>() > hi)
    return Bad(std::string("/") + key,
               std::string(what_zh) + "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间",
               std::string(key) + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  out = a[key].get<int>();
  return std::nullopt;
}

/// Reads a JSON array of strings. Returns a problem if present but not an array of strings.
std::optional<Problem> IdList(const json& a, const char* key, std::vector<std::string>& out) {
  if (!a[key].is_array()) return Bad(std::string("/") + key, "应为列表", "expected a list");
  out.clear();
  for (const auto& x : a[key]) {
    if (!x.is_string()) return Bad(std::string("/") + key, "列表中应为文字", "expected a list of text");
    out.push_back(x.get<std::string>());
  }
  return std::nullopt;
}

bool IsCadre(const Organization& org, const Id& id) {
  for (const auto& c : org.cadres)
    if (c.meta.id == id) return true;
  return false;
}
bool IsPerson(const Organization& org, const Id& id) { return FindMember(org, id) >= 0 || IsCadre(org, id); }

Lecture* FindLecture(Dataset& d, const json& a) {
  auto id = Str(a, "id");
  if (!id) return nullptr;
  for (auto& l : d.campaign.lectures)
    if (l.meta.id == *id) return &l;
  return nullptr;
}
OnsiteMeeting* FindMeeting(Dataset& d, const json& a) {
  auto id = Str(a, "id");
  if (!id) return nullptr;
  for (auto& m : d.campaign.onsite_meetings)
    if (m.meta.id == *id) return &m;
  return nullptr;
}
/// The problem of changing a sealed record that is not open (the passphrase lock is closed).
Problem LockedProblem() {
  return Problem{"/id", "谈话记录已加密，请先输入口令解锁", "the talk record is locked; enter the passphrase first"};
}

Talk* FindTalk(Dataset& d, const json& a) {
  auto id = Str(a, "id");
  if (!id) return nullptr;
  for (auto& t : d.campaign.talks)
    if (t.meta.id == *id) return &t;
  return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] 学 lectures
//-----------------------------------------------------------------------------

/// Applies the editable lecture fields present in `a` (theme_zh, theme_en, team, lecturer_ids,
/// guest_lecturers, place, date, start_minute, duration_minutes, audience_roles, activity_id).
std::optional<Problem> ApplyLectureFields(const Dataset& d, Lecture& l, const json& a) {
  if (a.contains("theme_zh")) {
    std::string t;
    if (auto p = TextField(a, "theme_zh", t)) return p;
    if (t.empty()) return Bad("/theme_zh", "讲习主题不能为空", "the theme must not be empty");
    l.theme_zh = t;
  }
  if (auto p = TextField(a, "theme_en", l.theme_en)) return p;
  if (auto p = TextField(a, "guest_lecturers", l.guest_lecturers)) return p;
  if (auto p = TextField(a, "place", l.place)) return p;
  if (a.contains("team")) {
    if (a["team"].is_null()) {
      l.team.reset();
    } else {
      auto v = Str(a, "team");
      auto t = v ? LectureTeamFromCode(*v) : std::nullopt;
      if (!t) return Bad("/team", "没有这个宣讲队", "no such lecture team");
      l.team = t;
    }
  }
  if (a.contains("lecturer_ids")) {
    std::vector<std::string> ids;
    if (auto p = IdList(a, "lecturer_ids", ids)) return p;
    for (const auto& id : ids)
      if (!IsCadre(d.org, id)) return Bad("/lecturer_ids", "宣讲员不在干部名单中", "a lecturer is not among the cadres");
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    l.lecturer_ids = ids;
  }
  if (a.contains("audience_roles")) {
    std::vector<std::string> toks;
    if (auto p = IdList(a, "audience_roles", toks)) return p;
    std::vector<Role> roles;
    for (const auto& t : toks) {
      auto r = RoleFromCode(t);
      if (!r) return Bad("/audience_roles", "参学人员类别无效：" + t, "unknown audience role: " + t);
      if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
    }
    l.audience_roles = roles;
  }
  if (auto p = OptDateField(a, "date", l.date)) return p;
  if (auto p = IntField(a, "start_minute", 0, 1439, l.start_minute, "开始时间")) return p;
  if (auto p = IntField(a, "duration_minutes", 1, 720, l.duration_minutes, "时长（分钟）")) return p;
  if (a.contains("activity_id")) {
    auto v = Str(a, "activity_id");
    if (!v) return Bad("/activity_id", "活动编号应为文字", "activity_id must be text");
    bool found = v->empty();
    for (const auto& act : d.campaign.activities) found = found || act.meta.id == *v;
    if (!found) return Bad("/activity_id", "找不到该计划活动", "no such plan activity");
    l.activity_id = *v;
  }
  return std::nullopt;
}

void RegisterLectureCommands(Workspace& ws) {
  // lecture.add {theme_zh, ...fields} -> created_id. Refused beyond 5 (notice 四(一): 3 to 5 lectures).
  RegisterWhole(ws, "lecture.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    if (d.campaign.lectures.size() >= 5)
      return Bad("/campaign/lectures", "专题讲习最多5次（通知要求3至5次）", "at most 5 lectures (the notice asks for 3 to 5)");
    if (!a.contains("theme_zh")) return Bad("/theme_zh", "讲习主题不能为空", "the theme must not be empty");
    Lecture l;
    if (auto p = ApplyLectureFields(d, l, a)) return p;
    l.meta = NewMeta(ctx);
    d.campaign.lectures.push_back(std::move(l));
    return std::nullopt;
  });
  // lecture.update {id, ...fields}
  RegisterWhole(ws, "lecture.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Lecture* l = FindLecture(d, a);
    if (!l) return Bad("/id", "找不到该讲习", "no such lecture");
    if (auto p = ApplyLectureFields(d, *l, a)) return p;
    Touch(l->meta, ctx);
    return std::nullopt;
  });
  // lecture.remove {id}: refused once it was held or has attendance (the record is evidence).
  RegisterWhole(ws, "lecture.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    Lecture* l = FindLecture(d, a);
    if (!l) return Bad("/id", "找不到该讲习", "no such lecture");
    if (l->held || !l->attendee_ids.empty())
      return Bad("/id", "已举办或已记录出勤的讲习不能删除", "a lecture that was held or has attendance cannot be removed");
    auto& v = d.campaign.lectures;
    v.erase(v.begin() + (l - v.data()));
    return std::nullopt;
  });
  // lecture.set_held {id, held: bool, date?}: held needs a date (given or already set).
  RegisterWhole(ws, "lecture.set_held", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Lecture* l = FindLecture(d, a);
    if (!l) return Bad("/id", "找不到该讲习", "no such lecture");
    if (!a.contains("held") || !a["held"].is_boolean()) return Bad("/held", "应为是/否", "expected true/false");
    std::optional<Date> date = l->date;
    if (auto p = OptDateField(a, "date", date)) return p;
    const bool held = a["held"].get<bool>();
    if (held && !date) return Bad("/date", "请先填写举办日期", "enter the day it was held first");
    l->date = date;
    l->held = held;
    Touch(l->meta, ctx);
    return std::nullopt;
  });
  // lecture.attend {id, person_id | person_ids: [...], present: bool}: ticks attendance (实到). Present adds a
  // reflection owed (学习心得); absent is refused for someone whose reflection was already handed in.
  RegisterWhole(ws, "lecture.attend", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Lecture* l = FindLecture(d, a);
    if (!l) return Bad("/id", "找不到该讲习", "no such lecture");
    if (!a.contains("present") || !a["present"].is_boolean()) return Bad("/present", "应为是/否", "expected true/false");
    std::vector<std::string> people;
    if (a.contains("person_ids")) {
      if (auto p = IdList(a, "person_ids", people)) return p;
    } else {
      auto pid = Str(a, "person_id");
      if (!pid) return Bad("/person_id", "请选择人员", "choose a person");
      people.push_back(*pid);
    }
    const bool present = a["present"].get<bool>();
    for (const auto& pid : people) {
      if (!IsPerson(d.org, pid)) return Bad("/person_id", "该人员不在名册中", "this person is not in the roster");
      auto it = std::find(l->attendee_ids.begin(), l->attendee_ids.end(), pid);
      if (present) {
        if (it == l->attendee_ids.end()) l->attendee_ids.push_back(pid);
      } else if (it != l->attendee_ids.end()) {
        for (auto r = l->reflections.begin(); r != l->reflections.end(); ++r) {
          if (r->person_id != pid) continue;
          if (r->state != ReflectionState::Owed)
            return Bad("/person_id", PersonName(d.org, pid) + " 已交学习心得，不能取消出勤",
                       "this person handed in a reflection; attendance cannot be removed");
          l->reflections.erase(r);
          break;
        }
        l->attendee_ids.erase(it);
      }
    }
    if (present) EnsureReflections(*l, ctx.ids, ctx.now, ctx.device);
    Touch(l->meta, ctx);
    return std::nullopt;
  });
  // lecture.reflection {id, person_id, state: owed|handed_in|chosen, date? (required unless owed), title?}
  RegisterWhole(ws, "lecture.reflection", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Lecture* l = FindLecture(d, a);
    if (!l) return Bad("/id", "找不到该讲习", "no such lecture");
    auto pid = Str(a, "person_id");
    Reflection* r = nullptr;
    for (auto& x : l->reflections)
      if (pid && x.person_id == *pid) r = &x;
    if (!r) return Bad("/person_id", "该人员未出勤本次讲习，没有心得记录", "this person did not attend; no reflection is expected");
    auto st = Str(a, "state");
    auto state = st ? ReflectionStateFromCode(*st) : std::nullopt;
    if (!state) return Bad("/state", "心得状态应为 未交 / 已交 / 入选学习专栏", "state is owed, handed_in or chosen");
    std::optional<Date> date = r->handed_in_on;
    if (auto p = OptDateField(a, "date", date)) return p;
    if (*state != ReflectionState::Owed && !date) return Bad("/date", "请填写交来日期", "enter the day it was handed in");
    std::string title = r->title;
    if (auto p = TextField(a, "title", title)) return p;
    r->state = *state;
    r->handed_in_on = *state == ReflectionState::Owed ? std::nullopt : date;
    r->title = title;
    Touch(r->meta, ctx);
    Touch(l->meta, ctx);
    return std::nullopt;
  });
}

//-----------------------------------------------------------------------------
// [SECTION] 看 on-site meetings
//-----------------------------------------------------------------------------
void RegisterOnsiteCommands(Workspace& ws) {
  // onsite.ensure {}: adds the meetings the notice asks for and the campaign lacks (one per area + town units).
  RegisterWhole(ws, "onsite.ensure", [](Dataset& d, const json&, CommandContext& ctx) -> std::optional<Problem> {
    if (d.org.areas.empty() && d.org.branches.empty())
      return Bad("/org", "组织架构为空，先导入片区和党支部", "the organization is empty; import areas and branches first");
    CreateOnsiteMeetings(d.campaign, d.org, ctx.ids, ctx.now, ctx.device);
    return std::nullopt;
  });
  // onsite.update {id, date?, start_minute?, venue?, preselected_branch_id?, speech_minutes?, held?, notes?}
  RegisterWhole(ws, "onsite.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    OnsiteMeeting* m = FindMeeting(d, a);
    if (!m) return Bad("/id", "找不到该现场会", "no such on-site meeting");
    OnsiteMeeting n = *m;
    if (auto p = OptDateField(a, "date", n.date)) return p;
    if (auto p = IntField(a, "start_minute", 0, 1439, n.start_minute, "开始时间")) return p;
    if (auto p = IntField(a, "speech_minutes", 1, 30, n.times.speech_minutes, "发言时长（分钟）")) return p;
    if (auto p = TextField(a, "venue", n.venue)) return p;
    if (auto p = TextField(a, "notes", n.notes)) return p;
    if (a.contains("preselected_branch_id")) {
      auto v = Str(a, "preselected_branch_id");
      if (!v) return Bad("/preselected_branch_id", "请选择参观点", "choose a site");
      if (m->draw && *v != m->preselected_branch_id)
        return Bad("/preselected_branch_id", "已抽签，预先选定的参观点不能再改",
                   "the draw was made; the pre-chosen site cannot change any more");
      bool ok = v->empty();
      for (const auto& c : EligibleSites(n, d.org)) ok = ok || c.id == *v;
      if (!ok)
        return Bad("/preselected_branch_id", "该党支部不在本次现场会的范围内",
                   "that branch is not one of this meeting's sites");
      n.preselected_branch_id = *v;
    }
    if (a.contains("held")) {
      if (!a["held"].is_boolean()) return Bad("/held", "应为是/否", "expected true/false");
      n.held = a["held"].get<bool>();
      if (n.held && !n.date) return Bad("/date", "请先填写现场会日期", "enter the meeting's date first");
    }
    *m = std::move(n);
    Touch(m->meta, ctx);
    return std::nullopt;
  });
  // onsite.draw {id, seed}: the on-the-spot draw of two more sites (zj-draw-v1, draw.h). A second draw is
  // refused; so are an empty seed and a meeting without its pre-chosen site.
  RegisterWhole(ws, "onsite.draw", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    OnsiteMeeting* m = FindMeeting(d, a);
    if (!m) return Bad("/id", "找不到该现场会", "no such on-site meeting");
    auto seed = Str(a, "seed");
    if (!seed) return Bad("/seed", "请输入现场见证的种子", "enter the seed witnessed in the room");
    Problems problems;
    if (!DrawSites(*m, d.org, *seed, ctx.now, problems)) {
      if (problems.empty()) return Bad("/seed", "抽签失败", "the draw failed");
      return problems.front();
    }
    Touch(m->meta, ctx);
    return std::nullopt;
  });
}

//-----------------------------------------------------------------------------
// [SECTION] 谈 talks
//-----------------------------------------------------------------------------
void RegisterTalkCommands(Workspace& ws) {
  // talk.schedule {from?, to?}: stores the window (if given), adds missing talk pairs from the roster and
  // schedules every talk not yet held (ScheduleCampaignTalks). Unplaceable pairs keep no planned date.
  RegisterWhole(ws, "talk.schedule", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    TalkScheduleSettings& s = d.campaign.talk_schedule;
    std::optional<Date> from = s.from, to = s.to;
    if (auto p = OptDateField(a, "from", from)) return p;
    if (auto p = OptDateField(a, "to", to)) return p;
    if (from && to && *from > *to) return Bad("/from", "开始日期不能晚于结束日期", "the start must not be after the end");
    s.from = from;
    s.to = to;
    Problems problems;
    CampaignSchedule r = ScheduleCampaignTalks(d.campaign, d.org, ctx.ids, ctx.now, ctx.device, problems);
    if (d.campaign.talks.empty() && !problems.empty()) return problems.front();
    for (const auto& p : problems)
      if (p.path == "/campaign/talk_schedule") return p;
    return std::nullopt;
  });
  // talk.record {id, held_on, start_minute?, place?, topics_covered: [int], notes?, intention?: advance|retire|
  // stay|move|null, reserve_cadre_ids?: [member id], reserve_cadre_note?}: the talk record (谈话记录).
  RegisterWhole(ws, "talk.record", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Talk* t = FindTalk(d, a);
    if (!t) return Bad("/id", "找不到该谈话", "no such talk");
    if (t->sealed && !t->record) return LockedProblem();
    TalkRecord r = t->record ? *t->record : TalkRecord{};
    std::optional<Date> held = t->record ? std::optional<Date>(r.held_on) : std::nullopt;
    if (auto p = OptDateField(a, "held_on", held)) return p;
    if (!held) return Bad("/held_on", "请填写谈话日期", "enter the day of the talk");
    r.held_on = *held;
    if (auto p = IntField(a, "start_minute", 0, 1439, r.start_minute, "谈话时间")) return p;
    if (auto p = TextField(a, "place", r.place)) return p;
    if (a.contains("notes")) {
      auto v = Str(a, "notes");
      if (!v) return Bad("/notes", "谈话要点应为文字", "notes must be text");
      r.notes = *v;  // kept as typed (line breaks matter)
    }
    if (a.contains("topics_covered")) {
      if (!a["topics_covered"].is_array()) return Bad("/topics_covered", "谈话内容应为列表", "topics must be a list");
      r.topics_covered.clear();
      for (const auto& x : a["topics_covered"]) {
        if (!x.is_number_integer()) return Bad("/topics_covered", "谈话内容编号应为整数", "topic numbers are integers");
        r.topics_covered.push_back(x.get<int>());
      }
      std::sort(r.topics_covered.begin(), r.topics_covered.end());
    }
    if (a.contains("intention")) {
      if (a["intention"].is_null()) {
        r.intention.reset();
      } else {
        auto v = Str(a, "intention");
        auto i = v ? IntentionFromCode(*v) : std::nullopt;
        if (!i) return Bad("/intention", "进退留转意愿应为 进 / 退 / 留 / 转", "intention is advance, retire, stay or move");
        r.intention = i;
      }
    }
    if (a.contains("reserve_cadre_ids")) {
      std::vector<std::string> ids;
      if (auto p = IdList(a, "reserve_cadre_ids", ids)) return p;
      for (const auto& id : ids)
        if (FindMember(d.org, id) < 0)
          return Bad("/reserve_cadre_ids", "推荐的后备干部不在党员名册中，可写在备注里",
                     "a recommended reserve cadre is not in the roster; write the name in the note");
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      r.reserve_cadre_ids = ids;
    }
    if (auto p = TextField(a, "reserve_cadre_note", r.reserve_cadre_note)) return p;
    Problems problems;
    ValidateTalkRecord(r, t->pair.kind, d.campaign.talk_topics, "/topics_covered", problems);
    if (!problems.empty()) return problems.front();
    t->record = std::move(r);
    t->sealed.reset();  // the old sealed copy no longer matches; the shell seals the new record
    Touch(t->meta, ctx);
    return std::nullopt;
  });
  // talk_lock.set {iterations, salt, check: {iv, ct}}: turns the passphrase lock on (口令锁; issue 7). The
  // shell derives the key (WebCrypto PBKDF2) and seals the check text; the passphrase never reaches core.
  RegisterWhole(ws, "talk_lock.set", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    if (d.campaign.talk_lock) return Bad("", "谈话记录已经设了口令锁", "talk records are already locked");
    TalkLock k;
    auto salt = Str(a, "salt");
    if (!salt || salt->size() < 16) return Bad("/salt", "口令锁缺少盐值", "the lock needs a salt");
    k.salt = *salt;
    if (!a.contains("iterations") || !a["iterations"].is_number_integer() ||
        a["iterations"].get<long long>() < kMinLockIterations || a["iterations"].get<long long>() > 100000000)
      return Bad("/iterations", "PBKDF2 迭代次数至少 " + std::to_string(kMinLockIterations),
                 "PBKDF2 needs at least " + std::to_string(kMinLockIterations) + " iterations");
    k.iterations = a["iterations"].get<int>();
    const json* ck = a.contains("check") && a["check"].is_object() ? &a["check"] : nullptr;
    auto iv = ck ? Str(*ck, "iv") : std::nullopt;
    auto ct = ck ? Str(*ck, "ct") : std::nullopt;
    if (!iv || !ct || iv->empty() || ct->empty()) return Bad("/check", "口令锁缺少校验数据", "the lock needs its check value");
    k.check = SealedBox{*iv, *ct};
    k.set_at = ctx.now;
    d.campaign.talk_lock = std::move(k);
    return std::nullopt;
  });
  // talk_lock.remove {}: turns the lock off; every sealed record must be open (readable) first, so removing
  // the lock never loses a record.
  RegisterWhole(ws, "talk_lock.remove", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    if (!d.campaign.talk_lock) return Bad("", "谈话记录没有设口令锁", "talk records are not locked");
    if (!TalksToOpen(d.campaign.talks).empty()) return LockedProblem();
    for (Talk& t : d.campaign.talks) t.sealed.reset();
    d.campaign.talk_lock.reset();
    return std::nullopt;
  });
  // talk.clear_record {id}: back to not held (a record entered on the wrong talk).
  RegisterWhole(ws, "talk.clear_record", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Talk* t = FindTalk(d, a);
    if (!t) return Bad("/id", "找不到该谈话", "no such talk");
    if (t->sealed && !t->record) return LockedProblem();
    if (!t->record) return Bad("/id", "该谈话还没有记录", "this talk has no record");
    t->record.reset();
    t->sealed.reset();
    Touch(t->meta, ctx);
    return std::nullopt;
  });
}

}  // namespace

const char* RoleToken(Role r) { return RoleCode(r); }
const char* ReflectionStateToken(ReflectionState s) { return ReflectionStateCode(s); }
const char* IntentionToken(Intention i) { return IntentionCode(i); }

void RegisterCampaignCommands(Workspace& ws) {
  RegisterLectureCommands(ws);
  RegisterOnsiteCommands(ws);
  RegisterTalkCommands(ws);
}

}  // namespace zj
