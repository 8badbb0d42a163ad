// The campaign's JSON form: code tables, the records of 学 看 谈 (activities, lectures, on-site meetings, talks)
// and the campaign's settings (topics, schedule, lock). Record codecs are declared in core/data/records.h.
//
// [SECTION] JSON: enum tables
// [SECTION] JSON: writing
// [SECTION] JSON: reading (validating, with paths)
#include "core/campaign/campaign.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/base/json_read.h"
#include "core/data/records.h"

namespace zj {

using nlohmann::json;

// [SECTION] JSON: enum tables ------------------------------------------------------------------------

namespace {

const CodeTable<Strand>& StrandTable() {
  static const CodeTable<Strand> t = {{Strand::Mobilize, "mobilize"}, {Strand::Learn, "learn"}, {Strand::Look, "look"},
                                  {Strand::Talk, "talk"},         {Strand::Rate, "rate"},   {Strand::Close, "close"}};
  return t;
}
const CodeTable<ActivityKind>& KindTable() {
  static const CodeTable<ActivityKind> t = {{ActivityKind::Mobilization, "mobilization"},
                                        {ActivityKind::LecturePartyBuilding, "lecture_party_building"},
                                        {ActivityKind::LectureFireFinance, "lecture_fire_finance"},
                                        {ActivityKind::LectureAgriculture, "lecture_agriculture"},
                                        {ActivityKind::OnsiteVillage, "onsite_village"},
                                        {ActivityKind::OnsiteTownUnit, "onsite_town_unit"},
                                        {ActivityKind::TalkSecretary, "talk_secretary"},
                                        {ActivityKind::TalkCommittee, "talk_committee"},
                                        {ActivityKind::TalkRepresentatives, "talk_representatives"},
                                        {ActivityKind::MemberStarMeetings, "member_star_meetings"},
                                        {ActivityKind::BranchStarRating, "branch_star_rating"},
                                        {ActivityKind::Closing, "closing"},
                                        {ActivityKind::Other, "other"}};
  return t;
}
const CodeTable<ActivityScope>& ScopeTable() {
  static const CodeTable<ActivityScope> t = {
      {ActivityScope::Town, "town"}, {ActivityScope::Area, "area"}, {ActivityScope::Branch, "branch"}};
  return t;
}
const CodeTable<ActivityStatus>& StatusTable() {
  static const CodeTable<ActivityStatus> t = {{ActivityStatus::Planned, "planned"}, {ActivityStatus::Done, "done"}};
  return t;
}
const CodeTable<Role>& RoleTable() {
  static const CodeTable<Role> t = {{Role::TownLeader, "town_leader"},
                                {Role::TownCommittee, "town_committee"},
                                {Role::AreaChief, "area_chief"},
                                {Role::GeneralBranchSecretary, "general_branch_secretary"},
                                {Role::ResidentCadre, "resident_cadre"},
                                {Role::VillageSecretary, "village_secretary"},
                                {Role::VillageDeputySecretary, "village_deputy_secretary"},
                                {Role::UnitSecretary, "unit_secretary"},
                                {Role::UnitDeputySecretary, "unit_deputy_secretary"},
                                {Role::VillageTwoCommittees, "village_two_committees"},
                                {Role::HeadsAndStaff, "heads_and_staff"},
                                {Role::MemberRepresentative, "member_representative"},
                                {Role::AllMembers, "all_members"},
                                {Role::VillageMembers, "village_members"},
                                {Role::Lecturer, "lecturer"},
                                {Role::OfficeStaff, "office_staff"}};
  return t;
}
const CodeTable<BranchKind>& BranchKindTable() {
  static const CodeTable<BranchKind> t = {
      {BranchKind::Village, "village"}, {BranchKind::Community, "community"}, {BranchKind::TownUnit, "town_unit"}};
  return t;
}
const CodeTable<LectureTeam>& TeamTable() {
  static const CodeTable<LectureTeam> t = {{LectureTeam::PartyBuilding, "party_building"},
                                       {LectureTeam::Agriculture, "agriculture"},
                                       {LectureTeam::Finance, "finance"},
                                       {LectureTeam::SocialGovernance, "social_governance"},
                                       {LectureTeam::PovertyAlleviation, "poverty_alleviation"}};
  return t;
}
const CodeTable<ReflectionState>& ReflectionTable() {
  static const CodeTable<ReflectionState> t = {
      {ReflectionState::Owed, "owed"}, {ReflectionState::HandedIn, "handed_in"}, {ReflectionState::Chosen, "chosen"}};
  return t;
}
const CodeTable<OnsiteScope>& OnsiteScopeTable() {
  static const CodeTable<OnsiteScope> t = {{OnsiteScope::AreaVillages, "area_villages"},
                                       {OnsiteScope::TownUnits, "town_units"}};
  return t;
}
const CodeTable<TalkKind>& TalkKindTable() {
  static const CodeTable<TalkKind> t = {{TalkKind::SecretaryWithVillageSecretary, "secretary_with_village_secretary"},
                                    {TalkKind::CommitteeWithTwoCommittees, "committee_with_two_committees"},
                                    {TalkKind::WithRepresentative, "with_representative"}};
  return t;
}
const CodeTable<Intention>& IntentionTable() {
  static const CodeTable<Intention> t = {{Intention::Advance, "advance"},
                                     {Intention::Retire, "retire"},
                                     {Intention::Stay, "stay"},
                                     {Intention::Move, "move"}};
  return t;
}


// [SECTION] JSON: writing ----------------------------------------------------------------------------

template <class E>
json EnumList(const CodeTable<E>& t, const std::vector<E>& v) {
  json a = json::array();
  for (E e : v) a.push_back(CodeOf(t, e));
  return a;
}
json DatesJ(const std::vector<Date>& v) {
  json a = json::array();
  for (Date d : v) a.push_back(d.ToString());
  return a;
}

json ActivityJ(const Activity& a) {
  json j;
  PutMeta(j, a.meta);
  j["kind"] = CodeOf(KindTable(), a.kind);
  j["strand"] = CodeOf(StrandTable(), a.strand);
  j["title_zh"] = a.title_zh;
  j["title_en"] = a.title_en;
  j["notice_section"] = a.notice_section;
  j["start"] = a.start.ToString();
  j["deadline"] = a.deadline.ToString();
  j["owner"] = a.owner;
  j["participants"] = EnumList(RoleTable(), a.participants);
  j["scope"] = CodeOf(ScopeTable(), a.scope);
  j["branch_kinds"] = EnumList(BranchKindTable(), a.branch_kinds);
  j["status"] = CodeOf(StatusTable(), a.status);
  j["done_on"] = OptDateJson(a.done_on);
  json units = json::array();
  for (const auto& u : a.done_units) units.push_back({{"unit_id", u.unit_id}, {"on", u.on.ToString()}});
  j["done_units"] = units;
  return j;
}

json LectureJ(const Lecture& l) {
  json j;
  PutMeta(j, l.meta);
  j["activity_id"] = l.activity_id;
  j["theme_zh"] = l.theme_zh;
  j["theme_en"] = l.theme_en;
  j["team"] = l.team ? json(CodeOf(TeamTable(), *l.team)) : json(nullptr);
  j["lecturer_ids"] = l.lecturer_ids;
  j["guest_lecturers"] = l.guest_lecturers;
  j["place"] = l.place;
  j["date"] = OptDateJson(l.date);
  j["start_minute"] = l.start_minute;
  j["duration_minutes"] = l.duration_minutes;
  j["audience_roles"] = EnumList(RoleTable(), l.audience_roles);
  j["attendee_ids"] = l.attendee_ids;
  j["held"] = l.held;
  json refl = json::array();
  for (const auto& r : l.reflections) {
    json x;
    PutMeta(x, r.meta);
    x["person_id"] = r.person_id;
    x["state"] = CodeOf(ReflectionTable(), r.state);
    x["handed_in_on"] = OptDateJson(r.handed_in_on);
    x["title"] = r.title;
    refl.push_back(x);
  }
  j["reflections"] = refl;
  return j;
}

json OnsiteJ(const OnsiteMeeting& m) {
  json j;
  PutMeta(j, m.meta);
  j["activity_id"] = m.activity_id;
  j["scope"] = CodeOf(OnsiteScopeTable(), m.scope);
  j["area_id"] = m.area_id;
  j["date"] = OptDateJson(m.date);
  j["start_minute"] = m.start_minute;
  j["venue"] = m.venue;
  j["preselected_branch_id"] = m.preselected_branch_id;
  if (m.draw) {
    json d;
    d["algorithm"] = m.draw->algorithm;
    d["seed"] = m.draw->seed;
    d["preselected_id"] = m.draw->preselected_id;
    json cands = json::array();
    for (const auto& c : m.draw->candidates) cands.push_back({{"id", c.id}, {"name", c.name}});
    d["candidates"] = cands;
    d["picked_ids"] = m.draw->picked_ids;
    d["drawn_at"] = FormatTimestamp(m.draw->drawn_at);
    j["draw"] = d;
  } else {
    j["draw"] = nullptr;
  }
  j["speaker_branch_ids"] = m.speaker_branch_ids;
  j["times"] = {{"visit_minutes", m.times.visit_minutes},
                {"travel_minutes", m.times.travel_minutes},
                {"speech_minutes", m.times.speech_minutes},
                {"changeover_minutes", m.times.changeover_minutes},
                {"comment_minutes", m.times.comment_minutes}};
  j["held"] = m.held;
  j["notes"] = m.notes;
  return j;
}

json TopicsJ(const std::vector<TalkTopic>& v) {
  json a = json::array();
  for (const auto& t : v) a.push_back({{"zh", t.zh}, {"en", t.en}});
  return a;
}

json ScheduleSettingsJ(const TalkScheduleSettings& s) {
  json j;
  j["from"] = OptDateJson(s.from);
  j["to"] = OptDateJson(s.to);
  json dl = json::object();
  for (int k = 0; k < 3; ++k) dl[CodeOf(TalkKindTable(), static_cast<TalkKind>(k))] = OptDateJson(s.deadline[k]);
  j["deadlines"] = dl;
  j["day_start_minute"] = s.day_start_minute;
  j["talk_minutes"] = s.talk_minutes;
  j["gap_minutes"] = s.gap_minutes;
  j["default_capacity"] = s.default_capacity;
  json ivs = json::array();
  for (const auto& a : s.interviewers)
    ivs.push_back({{"cadre_id", a.cadre_id}, {"days", DatesJ(a.days)}, {"daily_capacity", a.daily_capacity}});
  j["interviewers"] = ivs;
  json ies = json::array();
  for (const auto& u : s.interviewees) ies.push_back({{"person_id", u.person_id}, {"days", DatesJ(u.days)}});
  j["interviewees"] = ies;
  return j;
}

json TalkJ(const Talk& t) {
  json j;
  PutMeta(j, t.meta);
  j["kind"] = CodeOf(TalkKindTable(), t.pair.kind);
  j["interviewer_id"] = t.pair.interviewer_id;
  j["interviewee_id"] = t.pair.interviewee_id;
  j["branch_id"] = t.pair.branch_id;
  j["planned_date"] = OptDateJson(t.planned_date);
  j["planned_start_minute"] = t.planned_start_minute;
  j["duration_minutes"] = t.duration_minutes;
  if (t.sealed) {  // under the lock only the sealed form leaves memory
    j["record"] = nullptr;
    j["sealed"] = {{"iv", t.sealed->iv}, {"ct", t.sealed->ct}};
  } else {
    j["record"] = t.record ? TalkRecordToJson(*t.record) : json(nullptr);
  }
  return j;
}

json TalkLockJ(const TalkLock& k) {
  return {{"kdf", "PBKDF2"}, {"hash", "SHA-256"}, {"iterations", k.iterations}, {"salt", k.salt},
          {"cipher", "AES-GCM"}, {"key_bits", 256},
          {"check", {{"iv", k.check.iv}, {"ct", k.check.ct}}}, {"set_at", k.set_at}};
}

}  // namespace

json ToJson(const Activity& a) { return ActivityJ(a); }
json ToJson(const Lecture& l) { return LectureJ(l); }
json ToJson(const OnsiteMeeting& m) { return OnsiteJ(m); }
json ToJson(const Talk& t) { return TalkJ(t); }
json TalkTopicsToJson(const TalkTopics& t) {
  return {{"secretary", TopicsJ(t.secretary)}, {"committee", TopicsJ(t.committee)},
          {"representative", TopicsJ(t.representative)}};
}
json TalkScheduleToJson(const TalkScheduleSettings& s) { return ScheduleSettingsJ(s); }
json TalkLockToJson(const std::optional<TalkLock>& k) { return k ? TalkLockJ(*k) : json(nullptr); }

json CampaignToJson(const Campaign& c) {
  json j;
  j["campaign_version"] = kCampaignVersion;
  j["year"] = c.year;
  j["name_zh"] = c.name_zh;
  j["activities"] = json::array();
  for (const auto& a : c.activities) j["activities"].push_back(ActivityJ(a));
  j["lectures"] = json::array();
  for (const auto& l : c.lectures) j["lectures"].push_back(LectureJ(l));
  j["onsite_meetings"] = json::array();
  for (const auto& m : c.onsite_meetings) j["onsite_meetings"].push_back(OnsiteJ(m));
  j["talk_topics"] = TalkTopicsToJson(c.talk_topics);
  j["talk_schedule"] = ScheduleSettingsJ(c.talk_schedule);
  j["talks"] = json::array();
  for (const auto& t : c.talks) j["talks"].push_back(TalkJ(t));
  if (c.talk_lock) j["talk_lock"] = TalkLockJ(*c.talk_lock);
  return j;
}

// [SECTION] JSON: reading --------------------------------------------------------------------------------

namespace {

Activity ReadActivity(JsonReader& r, const json& j, const std::string& p, bool& ok) {
  Activity a;
  ok = r.Obj(j, p) && r.Meta(j, p, a.meta, true);
  if (!ok) return a;
  r.Enum(j, "kind", p, KindTable(), a.kind);
  r.Enum(j, "strand", p, StrandTable(), a.strand, true);
  r.Str(j, "title_zh", p, a.title_zh, true);
  r.Str(j, "title_en", p, a.title_en);
  r.Str(j, "notice_section", p, a.notice_section);
  const bool s = r.DateF(j, "start", p, a.start, true);
  const bool d = r.DateF(j, "deadline", p, a.deadline, true);
  if (!s || !d) {
    ok = false;  // an activity without its dates is useless: skip it
    return a;
  }
  if (a.start > a.deadline)
    r.Bad(p + "/start", "开始日期 " + a.start.ToString() + " 晚于截止日期 " + a.deadline.ToString(),
          "start " + a.start.ToString() + " is after the deadline " + a.deadline.ToString());
  r.Str(j, "owner", p, a.owner);
  r.EnumArr(j, "participants", p, RoleTable(), a.participants);
  r.Enum(j, "scope", p, ScopeTable(), a.scope);
  r.EnumArr(j, "branch_kinds", p, BranchKindTable(), a.branch_kinds);
  r.Enum(j, "status", p, StatusTable(), a.status);
  r.OptDate(j, "done_on", p, a.done_on);
  if (const json* units = r.Arr(j, "done_units", p)) {
    for (size_t i = 0; i < units->size(); ++i) {
      const std::string up = p + "/done_units/" + std::to_string(i);
      const json& u = (*units)[i];
      UnitDone ud;
      if (r.Obj(u, up) && r.Str(u, "unit_id", up, ud.unit_id, true) && r.DateF(u, "on", up, ud.on, true))
        a.done_units.push_back(ud);
    }
  }
  return a;
}

Lecture ReadLecture(JsonReader& r, const json& j, const std::string& p, bool& ok) {
  Lecture l;
  ok = r.Obj(j, p) && r.Meta(j, p, l.meta, true);
  if (!ok) return l;
  r.Str(j, "activity_id", p, l.activity_id);
  r.Str(j, "theme_zh", p, l.theme_zh, true);
  r.Str(j, "theme_en", p, l.theme_en);
  LectureTeam team = LectureTeam::PartyBuilding;
  if (r.Enum(j, "team", p, TeamTable(), team)) l.team = team;
  r.Strings(j, "lecturer_ids", p, l.lecturer_ids);
  r.Str(j, "guest_lecturers", p, l.guest_lecturers);
  r.Str(j, "place", p, l.place);
  r.OptDate(j, "date", p, l.date);
  r.Minute(j, "start_minute", p, l.start_minute);
  r.Int(j, "duration_minutes", p, l.duration_minutes, 1, 1440);
  r.EnumArr(j, "audience_roles", p, RoleTable(), l.audience_roles);
  r.Strings(j, "attendee_ids", p, l.attendee_ids);
  r.Bool(j, "held", p, l.held);
  if (const json* a = r.Arr(j, "reflections", p)) {
    std::set<Id> seen;
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string rp = p + "/reflections/" + std::to_string(i);
      const json& x = (*a)[i];
      Reflection rf;
      if (!r.Obj(x, rp) || !r.Meta(x, rp, rf.meta, true) || !r.Unique(seen, rf.meta.id, rp)) continue;
      if (!r.Str(x, "person_id", rp, rf.person_id, true)) continue;
      r.Enum(x, "state", rp, ReflectionTable(), rf.state);
      r.OptDate(x, "handed_in_on", rp, rf.handed_in_on);
      r.Str(x, "title", rp, rf.title);
      l.reflections.push_back(std::move(rf));
    }
  }
  return l;
}

OnsiteMeeting ReadOnsite(JsonReader& r, const json& j, const std::string& p, bool& ok) {
  OnsiteMeeting m;
  ok = r.Obj(j, p) && r.Meta(j, p, m.meta, true);
  if (!ok) return m;
  r.Str(j, "activity_id", p, m.activity_id);
  r.Enum(j, "scope", p, OnsiteScopeTable(), m.scope, true);
  r.Str(j, "area_id", p, m.area_id);
  if (m.scope == OnsiteScope::AreaVillages && m.area_id.empty())
    r.Bad(p + "/area_id", "村级现场会须指定片区", "a village on-site meeting needs an area");
  r.OptDate(j, "date", p, m.date);
  r.Minute(j, "start_minute", p, m.start_minute);
  r.Str(j, "venue", p, m.venue);
  r.Str(j, "preselected_branch_id", p, m.preselected_branch_id);
  if (const json* d = r.Get(j, "draw", p, false)) {
    const std::string dp = p + "/draw";
    if (r.Obj(*d, dp)) {
      DrawRecord rec;
      bool good = r.Str(*d, "algorithm", dp, rec.algorithm, true) && r.Str(*d, "seed", dp, rec.seed, true);
      r.Str(*d, "preselected_id", dp, rec.preselected_id);
      if (const json* cs = r.Arr(*d, "candidates", dp, true)) {
        for (size_t i = 0; i < cs->size(); ++i) {
          const std::string cp = dp + "/candidates/" + std::to_string(i);
          DrawCandidate c;
          if (r.Obj((*cs)[i], cp) && r.Str((*cs)[i], "id", cp, c.id, true) && r.Str((*cs)[i], "name", cp, c.name, true))
            rec.candidates.push_back(c);
          else
            good = false;
        }
      } else {
        good = false;
      }
      r.Strings(*d, "picked_ids", dp, rec.picked_ids);
      good = r.Timestamp(*d, "drawn_at", dp, rec.drawn_at) && good;
      if (good) {
        for (size_t i = 0; i < rec.picked_ids.size(); ++i) {
          bool in = false;
          for (const auto& c : rec.candidates) in = in || c.id == rec.picked_ids[i];
          if (!in)
            r.Bad(dp + "/picked_ids/" + std::to_string(i), "抽中的参观点不在候选名单中", "a picked site is not among the candidates");
        }
        if (rec.algorithm == kDrawAlgorithm && !VerifyDraw(rec))
          r.Bad(dp, "抽签结果不能由种子和候选名单复现 (记录可能被改动)",
                "the draw cannot be reproduced from its seed and candidates (the record may have been altered)");
        m.draw = std::move(rec);  // kept as recorded, even when it does not verify: the office must see it
      }
    }
  }
  r.Strings(j, "speaker_branch_ids", p, m.speaker_branch_ids);
  if (const json* t = r.Get(j, "times", p, false)) {
    const std::string tp = p + "/times";
    if (r.Obj(*t, tp)) {
      r.Int(*t, "visit_minutes", tp, m.times.visit_minutes, 0, 600);
      r.Int(*t, "travel_minutes", tp, m.times.travel_minutes, 0, 600);
      r.Int(*t, "speech_minutes", tp, m.times.speech_minutes, 1, 60);
      r.Int(*t, "changeover_minutes", tp, m.times.changeover_minutes, 0, 60);
      r.Int(*t, "comment_minutes", tp, m.times.comment_minutes, 0, 600);
    }
  }
  r.Bool(j, "held", p, m.held);
  r.Str(j, "notes", p, m.notes);
  return m;
}

std::vector<TalkTopic> ReadTopics(JsonReader& r, const json& o, const std::string& key, const std::string& p,
                                  const std::vector<TalkTopic>& fallback) {
  const json* a = r.Arr(o, key, p);
  if (!a) return fallback;
  std::vector<TalkTopic> out;
  for (size_t i = 0; i < a->size(); ++i) {
    const std::string tp = p + "/" + key + "/" + std::to_string(i);
    TalkTopic t;
    if (r.Obj((*a)[i], tp) && r.Str((*a)[i], "zh", tp, t.zh, true)) {
      r.Str((*a)[i], "en", tp, t.en);
      out.push_back(t);
    }
  }
  if (out.empty()) {
    r.Bad(p + "/" + key, "谈话内容列表为空，已使用通知中的默认内容", "empty topic list; the notice's topics are used");
    return fallback;
  }
  return out;
}

void ReadScheduleSettings(JsonReader& r, const json& j, const std::string& p, TalkScheduleSettings& s) {
  if (!r.Obj(j, p)) return;
  r.OptDate(j, "from", p, s.from);
  r.OptDate(j, "to", p, s.to);
  if (s.from && s.to && *s.from > *s.to)
    r.Bad(p + "/from", "排期开始日期晚于结束日期", "the schedule's start is after its end");
  if (const json* dl = r.Get(j, "deadlines", p, false)) {
    if (r.Obj(*dl, p + "/deadlines"))
      for (int k = 0; k < 3; ++k) r.OptDate(*dl, CodeOf(TalkKindTable(), static_cast<TalkKind>(k)), p + "/deadlines", s.deadline[k]);
  }
  r.Minute(j, "day_start_minute", p, s.day_start_minute);
  r.Int(j, "talk_minutes", p, s.talk_minutes, 1, 480);
  r.Int(j, "gap_minutes", p, s.gap_minutes, 0, 480);
  r.Int(j, "default_capacity", p, s.default_capacity, 0, 48);
  if (const json* a = r.Arr(j, "interviewers", p)) {
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string ip = p + "/interviewers/" + std::to_string(i);
      const json& x = (*a)[i];
      InterviewerAvailability av;
      if (!r.Obj(x, ip) || !r.Str(x, "cadre_id", ip, av.cadre_id, true)) continue;
      r.Dates(x, "days", ip, av.days);
      r.Int(x, "daily_capacity", ip, av.daily_capacity, 0, 48);
      s.interviewers.push_back(std::move(av));
    }
  }
  if (const json* a = r.Arr(j, "interviewees", p)) {
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string ip = p + "/interviewees/" + std::to_string(i);
      const json& x = (*a)[i];
      PersonUnavailability u;
      if (!r.Obj(x, ip) || !r.Str(x, "person_id", ip, u.person_id, true)) continue;
      r.Dates(x, "days", ip, u.days);
      s.interviewees.push_back(std::move(u));
    }
  }
}

Talk ReadTalk(JsonReader& r, const json& j, const std::string& p, const TalkTopics& topics, bool& ok) {
  Talk t;
  ok = r.Obj(j, p) && r.Meta(j, p, t.meta, true);
  if (!ok) return t;
  ok = r.Enum(j, "kind", p, TalkKindTable(), t.pair.kind, true);
  ok = r.Str(j, "interviewer_id", p, t.pair.interviewer_id, true) && ok;
  ok = r.Str(j, "interviewee_id", p, t.pair.interviewee_id, true) && ok;
  if (!ok) return t;
  r.Str(j, "branch_id", p, t.pair.branch_id);
  r.OptDate(j, "planned_date", p, t.planned_date);
  r.Minute(j, "planned_start_minute", p, t.planned_start_minute);
  r.Int(j, "duration_minutes", p, t.duration_minutes, 1, 480);
  if (const json* x = r.Get(j, "record", p, false)) {
    Problems more;
    t.record = TalkRecordFromJson(*x, t.pair.kind, topics, p + "/record", more);
    for (auto& m : more) r.Bad(m.path, m.message_zh, m.message_en);
  }
  if (const json* x = r.Get(j, "sealed", p, false)) {
    SealedBox b;
    if (r.Obj(*x, p + "/sealed") && r.Str(*x, "iv", p + "/sealed", b.iv, true) && r.Str(*x, "ct", p + "/sealed", b.ct, true))
      t.sealed = std::move(b);
  }
  return t;
}

template <class T, class F>
void ReadList(JsonReader& r, const json& j, const std::string& key, const std::string& path, std::vector<T>& out, F read) {
  const json* a = r.Arr(j, key, path);
  if (!a) return;
  std::set<Id> seen;
  for (size_t i = 0; i < a->size(); ++i) {
    const std::string p = path + "/" + key + "/" + std::to_string(i);
    bool ok = false;
    T x = read((*a)[i], p, ok);
    if (ok && r.Unique(seen, x.meta.id, p)) out.push_back(std::move(x));
  }
}

}  // namespace

bool FromJson(JsonReader& r, const json& j, const std::string& p, const Dataset&, Activity& out) {
  bool ok = false;
  out = ReadActivity(r, j, p, ok);
  return ok;
}
bool FromJson(JsonReader& r, const json& j, const std::string& p, const Dataset&, Lecture& out) {
  bool ok = false;
  out = ReadLecture(r, j, p, ok);
  return ok;
}
bool FromJson(JsonReader& r, const json& j, const std::string& p, const Dataset&, OnsiteMeeting& out) {
  bool ok = false;
  out = ReadOnsite(r, j, p, ok);
  return ok;
}
bool FromJson(JsonReader& r, const json& j, const std::string& p, const Dataset& context, Talk& out) {
  bool ok = false;
  out = ReadTalk(r, j, p, context.campaign.talk_topics, ok);
  return ok;
}

TalkTopics TalkTopicsFromJson(const json& t, const std::string& tp, Problems& problems) {
  JsonReader r(problems);
  const TalkTopics def = NoticeTalkTopics();
  if (!r.Obj(t, tp)) return def;
  TalkTopics out;
  out.secretary = ReadTopics(r, t, "secretary", tp, def.secretary);
  out.committee = ReadTopics(r, t, "committee", tp, def.committee);
  out.representative = ReadTopics(r, t, "representative", tp, def.representative);
  return out;
}

TalkScheduleSettings TalkScheduleFromJson(const json& j, const std::string& path, Problems& problems) {
  JsonReader r(problems);
  TalkScheduleSettings s;
  ReadScheduleSettings(r, j, path, s);
  return s;
}

std::optional<TalkLock> TalkLockFromJson(const json& k, const std::string& kp, Problems& problems) {
  if (k.is_null()) return std::nullopt;
  JsonReader r(problems);
  TalkLock lock;
  std::string kdf, hash, cipher;
  bool ok = r.Obj(k, kp) && r.Str(k, "kdf", kp, kdf, true) && r.Str(k, "hash", kp, hash, true) &&
            r.Str(k, "cipher", kp, cipher, true) && r.Str(k, "salt", kp, lock.salt, true) &&
            r.Int(k, "iterations", kp, lock.iterations, kMinLockIterations, 100000000, true);
  if (ok && (kdf != "PBKDF2" || hash != "SHA-256" || cipher != "AES-GCM")) {
    r.Bad(kp, "不认识的加密方式 " + kdf + "/" + hash + "/" + cipher, "unknown lock scheme " + kdf + "/" + hash + "/" + cipher);
    ok = false;
  }
  const json* ck = ok ? r.Get(k, "check", kp, true) : nullptr;
  ok = ck && r.Obj(*ck, kp + "/check") && r.Str(*ck, "iv", kp + "/check", lock.check.iv, true) &&
       r.Str(*ck, "ct", kp + "/check", lock.check.ct, true);
  if (const json* at = ok ? r.Get(k, "set_at", kp, false) : nullptr)
    if (at->is_number_integer()) lock.set_at = at->get<TimestampMs>();
  if (!ok) return std::nullopt;
  return lock;
}

Campaign CampaignFromJson(const json& j, const std::string& path, Problems& problems) {
  JsonReader r(problems);
  Campaign c;
  c.talk_topics = NoticeTalkTopics();
  if (!r.Obj(j, path)) return c;
  int version = kCampaignVersion;
  if (r.Int(j, "campaign_version", path, version, 1, 1 << 30) && version > kCampaignVersion) {
    r.Bad(path + "/campaign_version",
          "活动数据版本 " + std::to_string(version) + " 比本程序支持的 " + std::to_string(kCampaignVersion) + " 新，请升级程序",
          "campaign version " + std::to_string(version) + " is newer than this program's " +
              std::to_string(kCampaignVersion) + "; please update");
    r.Int(j, "year", path, c.year, 1900, 2199);
    return c;
  }
  r.Int(j, "year", path, c.year, 1900, 2199, true);
  r.Str(j, "name_zh", path, c.name_zh);
  ReadList(r, j, "activities", path, c.activities,
           [&](const json& x, const std::string& p, bool& ok) { return ReadActivity(r, x, p, ok); });
  ReadList(r, j, "lectures", path, c.lectures,
           [&](const json& x, const std::string& p, bool& ok) { return ReadLecture(r, x, p, ok); });
  ReadList(r, j, "onsite_meetings", path, c.onsite_meetings,
           [&](const json& x, const std::string& p, bool& ok) { return ReadOnsite(r, x, p, ok); });
  if (const json* t = r.Get(j, "talk_topics", path, false))
    c.talk_topics = TalkTopicsFromJson(*t, path + "/talk_topics", problems);
  if (const json* s = r.Get(j, "talk_schedule", path, false)) ReadScheduleSettings(r, *s, path + "/talk_schedule", c.talk_schedule);
  ReadList(r, j, "talks", path, c.talks,
           [&](const json& x, const std::string& p, bool& ok) { return ReadTalk(r, x, p, c.talk_topics, ok); });
  if (const json* k = r.Get(j, "talk_lock", path, false)) c.talk_lock = TalkLockFromJson(*k, path + "/talk_lock", problems);
  CheckSealedTalks(c, path, problems);
  return c;
}

void CheckSealedTalks(const Campaign& c, const std::string& path, Problems& problems) {
  // Sealed records without the lock's parameters can never be opened: say so (they are kept as they are).
  if (c.talk_lock) return;
  for (size_t i = 0; i < c.talks.size(); ++i)
    if (c.talks[i].sealed)
      problems.push_back({path + "/talks/" + std::to_string(i) + "/sealed",
                          "加密的谈话记录缺少口令锁参数 (talk_lock)，无法解开",
                          "a sealed talk record without the lock parameters (talk_lock) cannot be opened"});
}

json TalkRecordToJson(const TalkRecord& r) {
  return {{"held_on", r.held_on.ToString()},
          {"start_minute", r.start_minute},
          {"place", r.place},
          {"topics_covered", r.topics_covered},
          {"notes", r.notes},
          {"intention", r.intention ? json(IntentionCode(*r.intention)) : json(nullptr)},
          {"reserve_cadre_ids", r.reserve_cadre_ids},
          {"reserve_cadre_note", r.reserve_cadre_note}};
}

std::optional<TalkRecord> TalkRecordFromJson(const json& x, TalkKind kind, const TalkTopics& topics,
                                             const std::string& rp, Problems& problems) {
  JsonReader r(problems);
  if (!r.Obj(x, rp)) return std::nullopt;
  TalkRecord rec;
  if (!r.DateF(x, "held_on", rp, rec.held_on, true)) return std::nullopt;
  r.Minute(x, "start_minute", rp, rec.start_minute);
  r.Str(x, "place", rp, rec.place);
  if (const json* tc = r.Arr(x, "topics_covered", rp)) {
    for (size_t i = 0; i < tc->size(); ++i) {
      int v;
      if (r.IntValue((*tc)[i], rp + "/topics_covered/" + std::to_string(i), v, 0, 1000)) rec.topics_covered.push_back(v);
    }
  }
  r.Str(x, "notes", rp, rec.notes);
  Intention in = Intention::Stay;
  if (r.Enum(x, "intention", rp, IntentionTable(), in)) rec.intention = in;
  r.Strings(x, "reserve_cadre_ids", rp, rec.reserve_cadre_ids);
  r.Str(x, "reserve_cadre_note", rp, rec.reserve_cadre_note);
  ValidateTalkRecord(rec, kind, topics, rp, problems);
  // Out-of-range topic indices are dropped; the rest of the record is kept.
  const int n = static_cast<int>(topics.For(kind).size());
  std::vector<int> kept;
  for (int v : rec.topics_covered)
    if (v < n && std::find(kept.begin(), kept.end(), v) == kept.end()) kept.push_back(v);
  rec.topics_covered = kept;
  return rec;
}

}  // namespace zj

namespace zj {
const char* RoleCode(Role r) { return CodeOf(RoleTable(), r); }
std::optional<Role> RoleFromCode(std::string_view code) { return FromCodeIn(RoleTable(), code); }
const char* ReflectionStateCode(ReflectionState s) { return CodeOf(ReflectionTable(), s); }
std::optional<ReflectionState> ReflectionStateFromCode(std::string_view code) { return FromCodeIn(ReflectionTable(), code); }
const char* IntentionCode(Intention i) { return CodeOf(IntentionTable(), i); }
std::optional<Intention> IntentionFromCode(std::string_view code) { return FromCodeIn(IntentionTable(), code); }
}  // namespace zj
