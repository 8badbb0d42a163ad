// The campaign: default for a year, helpers that tie the pieces together, and the JSON form.
//
// [SECTION] DefaultCampaign and helpers
// [SECTION] JSON: enum tables
// [SECTION] JSON: writing
// [SECTION] JSON: reading (validating, with paths)
#include "core/campaign/campaign.h"

#include <algorithm>
#include <set>
#include <utility>

namespace zj {

using nlohmann::json;

// [SECTION] DefaultCampaign and helpers ----------------------------------------------------------------

Campaign DefaultCampaign(int year, IdGenerator& ids, TimestampMs now, const std::string& device) {
  Campaign c;
  c.year = year;
  c.name_zh = "“强基层、激活力、促发展”党组织整建月活动";
  auto plan = NoticePlanTemplate();
  if (year == kNoticeYear) {
    for (auto& a : plan) a.meta = RecordMeta{ids.Next(), now, now, device};
    c.activities = std::move(plan);
  } else {
    c.activities = CopyPlanToYear(plan, year, ids, now, device);
  }
  c.lectures = NoticeLectures(c.activities, ids, now, device);
  c.talk_topics = NoticeTalkTopics();
  std::optional<Date> from, to;
  for (const auto& a : c.activities) {
    if (a.strand != Strand::Talk) continue;
    if (!from || a.start < *from) from = a.start;
    if (!to || a.deadline > *to) to = a.deadline;
  }
  c.talk_schedule.from = from;
  c.talk_schedule.to = to;
  return c;
}

const Activity* FindActivity(const Campaign& c, ActivityKind kind) {
  for (const auto& a : c.activities)
    if (a.kind == kind) return &a;
  return nullptr;
}
Activity* FindActivity(Campaign& c, ActivityKind kind) {
  for (auto& a : c.activities)
    if (a.kind == kind) return &a;
  return nullptr;
}

int CreateOnsiteMeetings(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                         const std::string& device) {
  int added = 0;
  const Activity* village = FindActivity(c, ActivityKind::OnsiteVillage);
  const Activity* unit = FindActivity(c, ActivityKind::OnsiteTownUnit);
  auto add = [&](OnsiteScope scope, const Id& area_id, const Activity* act) {
    OnsiteMeeting m;
    m.meta = RecordMeta{ids.Next(), now, now, device};
    m.scope = scope;
    m.area_id = area_id;
    if (act) m.activity_id = act->meta.id;
    c.onsite_meetings.push_back(std::move(m));
    ++added;
  };
  for (const auto& a : org.areas) {
    bool have = false;
    for (const auto& m : c.onsite_meetings) have = have || (m.scope == OnsiteScope::AreaVillages && m.area_id == a.meta.id);
    if (!have) add(OnsiteScope::AreaVillages, a.meta.id, village);
  }
  bool have_units = false;
  for (const auto& m : c.onsite_meetings) have_units = have_units || m.scope == OnsiteScope::TownUnits;
  bool any_unit = false;
  for (const auto& b : org.branches) any_unit = any_unit || b.kind == BranchKind::TownUnit;
  if (!have_units && any_unit) add(OnsiteScope::TownUnits, {}, unit);
  return added;
}

CampaignSchedule ScheduleCampaignTalks(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                                       const std::string& device, Problems& problems) {
  CampaignSchedule out;
  AddMissingTalks(c.talks, GenerateTalkPairs(org, problems), ids, now, device);
  TalkScheduleSettings s = c.talk_schedule;
  static const ActivityKind kinds[3] = {ActivityKind::TalkSecretary, ActivityKind::TalkCommittee,
                                        ActivityKind::TalkRepresentatives};
  std::optional<Date> from = s.from, to = s.to;
  for (int k = 0; k < 3; ++k) {
    const Activity* a = FindActivity(c, kinds[k]);
    if (!a) continue;
    if (!s.from && (!from || a->start < *from)) from = a->start;
    if (!s.to && (!to || a->deadline > *to)) to = a->deadline;
    if (!s.deadline[k]) s.deadline[k] = a->deadline;
  }
  if (!from || !to) {
    problems.push_back({"/campaign/talk_schedule", "未设谈话排期的起止日期", "the talk schedule has no start or end date"});
    return out;
  }
  for (const auto& t : c.talks)
    if (!t.Held()) out.pairs.push_back(t.pair);
  out.result = ScheduleTalks(out.pairs, *from, *to, s);
  ApplySchedule(c.talks, out.pairs, out.result, s.talk_minutes, now, device);
  return out;
}

// [SECTION] JSON: enum tables ------------------------------------------------------------------------

namespace {

template <class E>
using Table = std::vector<std::pair<E, const char*>>;

const Table<Strand>& StrandTable() {
  static const Table<Strand> t = {{Strand::Mobilize, "mobilize"}, {Strand::Learn, "learn"}, {Strand::Look, "look"},
                                  {Strand::Talk, "talk"},         {Strand::Rate, "rate"},   {Strand::Close, "close"}};
  return t;
}
const Table<ActivityKind>& KindTable() {
  static const Table<ActivityKind> t = {{ActivityKind::Mobilization, "mobilization"},
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
const Table<ActivityScope>& ScopeTable() {
  static const Table<ActivityScope> t = {
      {ActivityScope::Town, "town"}, {ActivityScope::Area, "area"}, {ActivityScope::Branch, "branch"}};
  return t;
}
const Table<ActivityStatus>& StatusTable() {
  static const Table<ActivityStatus> t = {{ActivityStatus::Planned, "planned"}, {ActivityStatus::Done, "done"}};
  return t;
}
const Table<Role>& RoleTable() {
  static const Table<Role> t = {{Role::TownLeader, "town_leader"},
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
const Table<BranchKind>& BranchKindTable() {
  static const Table<BranchKind> t = {
      {BranchKind::Village, "village"}, {BranchKind::Community, "community"}, {BranchKind::TownUnit, "town_unit"}};
  return t;
}
const Table<LectureTeam>& TeamTable() {
  static const Table<LectureTeam> t = {{LectureTeam::PartyBuilding, "party_building"},
                                       {LectureTeam::Agriculture, "agriculture"},
                                       {LectureTeam::Finance, "finance"},
                                       {LectureTeam::SocialGovernance, "social_governance"},
                                       {LectureTeam::PovertyAlleviation, "poverty_alleviation"}};
  return t;
}
const Table<ReflectionState>& ReflectionTable() {
  static const Table<ReflectionState> t = {
      {ReflectionState::Owed, "owed"}, {ReflectionState::HandedIn, "handed_in"}, {ReflectionState::Chosen, "chosen"}};
  return t;
}
const Table<OnsiteScope>& OnsiteScopeTable() {
  static const Table<OnsiteScope> t = {{OnsiteScope::AreaVillages, "area_villages"},
                                       {OnsiteScope::TownUnits, "town_units"}};
  return t;
}
const Table<TalkKind>& TalkKindTable() {
  static const Table<TalkKind> t = {{TalkKind::SecretaryWithVillageSecretary, "secretary_with_village_secretary"},
                                    {TalkKind::CommitteeWithTwoCommittees, "committee_with_two_committees"},
                                    {TalkKind::WithRepresentative, "with_representative"}};
  return t;
}
const Table<Intention>& IntentionTable() {
  static const Table<Intention> t = {{Intention::Advance, "advance"},
                                     {Intention::Retire, "retire"},
                                     {Intention::Stay, "stay"},
                                     {Intention::Move, "move"}};
  return t;
}

template <class E>
const char* Token(const Table<E>& t, E e) {
  for (const auto& kv : t)
    if (kv.first == e) return kv.second;
  return "";
}
template <class E>
std::string TokenList(const Table<E>& t) {
  std::string s;
  for (const auto& kv : t) {
    if (!s.empty()) s += ", ";
    s += kv.second;
  }
  return s;
}

// [SECTION] JSON: writing ----------------------------------------------------------------------------

void PutMeta(json& j, const RecordMeta& m) {
  j["id"] = m.id;
  j["created"] = FormatTimestamp(m.created);
  j["updated"] = FormatTimestamp(m.updated);
  j["device"] = m.device;
}
json OptDateJ(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }
template <class E>
json EnumList(const Table<E>& t, const std::vector<E>& v) {
  json a = json::array();
  for (E e : v) a.push_back(Token(t, e));
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
  j["kind"] = Token(KindTable(), a.kind);
  j["strand"] = Token(StrandTable(), a.strand);
  j["title_zh"] = a.title_zh;
  j["title_en"] = a.title_en;
  j["notice_section"] = a.notice_section;
  j["start"] = a.start.ToString();
  j["deadline"] = a.deadline.ToString();
  j["owner"] = a.owner;
  j["participants"] = EnumList(RoleTable(), a.participants);
  j["scope"] = Token(ScopeTable(), a.scope);
  j["branch_kinds"] = EnumList(BranchKindTable(), a.branch_kinds);
  j["status"] = Token(StatusTable(), a.status);
  j["done_on"] = OptDateJ(a.done_on);
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
  j["team"] = l.team ? json(Token(TeamTable(), *l.team)) : json(nullptr);
  j["lecturer_ids"] = l.lecturer_ids;
  j["guest_lecturers"] = l.guest_lecturers;
  j["place"] = l.place;
  j["date"] = OptDateJ(l.date);
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
    x["state"] = Token(ReflectionTable(), r.state);
    x["handed_in_on"] = OptDateJ(r.handed_in_on);
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
  j["scope"] = Token(OnsiteScopeTable(), m.scope);
  j["area_id"] = m.area_id;
  j["date"] = OptDateJ(m.date);
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
  j["from"] = OptDateJ(s.from);
  j["to"] = OptDateJ(s.to);
  json dl = json::object();
  for (int k = 0; k < 3; ++k) dl[Token(TalkKindTable(), static_cast<TalkKind>(k))] = OptDateJ(s.deadline[k]);
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
  j["kind"] = Token(TalkKindTable(), t.pair.kind);
  j["interviewer_id"] = t.pair.interviewer_id;
  j["interviewee_id"] = t.pair.interviewee_id;
  j["branch_id"] = t.pair.branch_id;
  j["planned_date"] = OptDateJ(t.planned_date);
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

}  // namespace

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
  j["talk_topics"] = {{"secretary", TopicsJ(c.talk_topics.secretary)},
                      {"committee", TopicsJ(c.talk_topics.committee)},
                      {"representative", TopicsJ(c.talk_topics.representative)}};
  j["talk_schedule"] = ScheduleSettingsJ(c.talk_schedule);
  j["talks"] = json::array();
  for (const auto& t : c.talks) j["talks"].push_back(TalkJ(t));
  if (c.talk_lock) {
    const TalkLock& k = *c.talk_lock;
    j["talk_lock"] = {{"kdf", "PBKDF2"}, {"hash", "SHA-256"}, {"iterations", k.iterations}, {"salt", k.salt},
                      {"cipher", "AES-GCM"}, {"key_bits", 256},
                      {"check", {{"iv", k.check.iv}, {"ct", k.check.ct}}}, {"set_at", k.set_at}};
  }
  return j;
}

// [SECTION] JSON: reading --------------------------------------------------------------------------------

namespace {

const char* TypeZh(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "空值";
    case json::value_t::object: return "对象";
    case json::value_t::array: return "数组";
    case json::value_t::string: return "文本";
    case json::value_t::boolean: return "真假值";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "整数";
    case json::value_t::number_float: return "小数";
    default: return "其他";
  }
}

bool IsHexId(const std::string& s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

/// Reads with validation; every problem carries its JSON path (RFC 6901 style, array indices numeric).
class Reader {
 public:
  explicit Reader(Problems& p) : p_(p) {}
  void Bad(const std::string& path, const std::string& zh, const std::string& en) { p_.push_back({path, zh, en}); }

  /// The member `key` of object `o`, or nullptr when absent/null (reported when `required`).
  const json* Get(const json& o, const std::string& key, const std::string& path, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) {
      if (required) Bad(path + "/" + key, "缺少必填字段 “" + key + "”", "missing required field \"" + key + "\"");
      return nullptr;
    }
    return &*it;
  }
  bool TypeErr(const json& v, const std::string& path, const char* want_zh, const char* want_en) {
    Bad(path, std::string("应为") + want_zh + "，实际为" + TypeZh(v),
        std::string("expected ") + want_en + ", found " + v.type_name());
    return false;
  }
  bool Obj(const json& v, const std::string& path) { return v.is_object() || TypeErr(v, path, "对象", "an object"); }
  const json* Arr(const json& o, const std::string& key, const std::string& path, bool required = false) {
    const json* v = Get(o, key, path, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
      TypeErr(*v, path + "/" + key, "数组", "an array");
      return nullptr;
    }
    return v;
  }
  bool Str(const json& o, const std::string& key, const std::string& path, std::string& out, bool required = false) {
    const json* v = Get(o, key, path, required);
    if (!v) return false;
    if (!v->is_string()) return TypeErr(*v, path + "/" + key, "文本", "a string");
    out = v->get<std::string>();
    return true;
  }
  bool StrValue(const json& v, const std::string& path, std::string& out) {
    if (!v.is_string()) return TypeErr(v, path, "文本", "a string");
    out = v.get<std::string>();
    return true;
  }
  bool Int(const json& o, const std::string& key, const std::string& path, int& out, long long lo, long long hi,
           bool required = false) {
    const json* v = Get(o, key, path, required);
    if (!v) return false;
    return IntValue(*v, path + "/" + key, out, lo, hi);
  }
  bool IntValue(const json& v, const std::string& path, int& out, long long lo, long long hi) {
    if (!v.is_number_integer()) return TypeErr(v, path, "整数", "an integer");
    long long x = v.is_number_unsigned() ? static_cast<long long>(std::min<unsigned long long>(
                                               v.get<unsigned long long>(), 1ull << 62))
                                         : v.get<long long>();
    if (x < lo || x > hi) {
      Bad(path, "数值 " + std::to_string(x) + " 超出范围 " + std::to_string(lo) + "–" + std::to_string(hi),
          "value " + std::to_string(x) + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
      return false;
    }
    out = static_cast<int>(x);
    return true;
  }
  bool Bool(const json& o, const std::string& key, const std::string& path, bool& out) {
    const json* v = Get(o, key, path, false);
    if (!v) return false;
    if (!v->is_boolean()) return TypeErr(*v, path + "/" + key, "真假值", "a boolean");
    out = v->get<bool>();
    return true;
  }
  bool DateValue(const json& v, const std::string& path, Date& out) {
    if (!v.is_string()) return TypeErr(v, path, "日期文本 (YYYY-MM-DD)", "a date string (YYYY-MM-DD)");
    auto d = Date::Parse(v.get<std::string>());
    if (!d) {
      Bad(path, "日期 “" + v.get<std::string>() + "” 无效，应为 YYYY-MM-DD",
          "invalid date \"" + v.get<std::string>() + "\", expected YYYY-MM-DD");
      return false;
    }
    out = *d;
    return true;
  }
  bool DateF(const json& o, const std::string& key, const std::string& path, Date& out, bool required) {
    const json* v = Get(o, key, path, required);
    return v && DateValue(*v, path + "/" + key, out);
  }
  void OptDate(const json& o, const std::string& key, const std::string& path, std::optional<Date>& out) {
    Date d;
    out.reset();
    if (DateF(o, key, path, d, false)) out = d;
  }
  void Dates(const json& o, const std::string& key, const std::string& path, std::vector<Date>& out) {
    out.clear();
    const json* a = Arr(o, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size(); ++i) {
      Date d;
      if (DateValue((*a)[i], path + "/" + key + "/" + std::to_string(i), d)) out.push_back(d);
    }
  }
  bool Timestamp(const json& o, const std::string& key, const std::string& path, TimestampMs& out) {
    const json* v = Get(o, key, path, true);
    if (!v) return false;
    if (!v->is_string()) return TypeErr(*v, path + "/" + key, "时间文本", "a timestamp string");
    auto t = ParseTimestamp(v->get<std::string>());
    if (!t) {
      Bad(path + "/" + key, "时间 “" + v->get<std::string>() + "” 无效，应为 ISO 8601 (UTC)",
          "invalid timestamp \"" + v->get<std::string>() + "\", expected ISO 8601 UTC");
      return false;
    }
    out = *t;
    return true;
  }
  void Ids(const json& o, const std::string& key, const std::string& path, std::vector<Id>& out) {
    out.clear();
    const json* a = Arr(o, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size(); ++i) {
      std::string s;
      if (StrValue((*a)[i], path + "/" + key + "/" + std::to_string(i), s)) out.push_back(s);
    }
  }
  template <class E>
  bool EnumValue(const json& v, const std::string& path, const Table<E>& t, E& out) {
    if (!v.is_string()) return TypeErr(v, path, "文本", "a string");
    const std::string s = v.get<std::string>();
    for (const auto& kv : t)
      if (s == kv.second) {
        out = kv.first;
        return true;
      }
    Bad(path, "未知取值 “" + s + "”，可选: " + TokenList(t), "unknown value \"" + s + "\"; one of: " + TokenList(t));
    return false;
  }
  template <class E>
  bool Enum(const json& o, const std::string& key, const std::string& path, const Table<E>& t, E& out,
            bool required = false) {
    const json* v = Get(o, key, path, required);
    return v && EnumValue(*v, path + "/" + key, t, out);
  }
  template <class E>
  void EnumArr(const json& o, const std::string& key, const std::string& path, const Table<E>& t, std::vector<E>& out) {
    out.clear();
    const json* a = Arr(o, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size(); ++i) {
      E e;
      if (EnumValue((*a)[i], path + "/" + key + "/" + std::to_string(i), t, e)) out.push_back(e);
    }
  }
  /// Record metadata; returns false when the id is missing or malformed (the record is then skipped).
  bool Meta(const json& o, const std::string& path, RecordMeta& m) {
    bool ok = Str(o, "id", path, m.id, true);
    if (ok && !IsHexId(m.id)) {
      Bad(path + "/id", "编号 “" + m.id + "” 无效，应为16位小写十六进制", "invalid id \"" + m.id + "\", expected 16 lowercase hex digits");
      ok = false;
    }
    Timestamp(o, "created", path, m.created);
    Timestamp(o, "updated", path, m.updated);
    Str(o, "device", path, m.device);
    if (m.updated < m.created)
      Bad(path + "/updated", "修改时间早于创建时间", "updated is earlier than created");
    return ok;
  }
  /// Reports a duplicate record id within one list.
  bool Unique(std::set<Id>& seen, const Id& id, const std::string& path) {
    if (seen.insert(id).second) return true;
    Bad(path + "/id", "重复的编号 " + id + "，本条已跳过", "duplicate id " + id + "; this entry is skipped");
    return false;
  }
  void Minute(const json& o, const std::string& key, const std::string& path, int& out) { Int(o, key, path, out, 0, 1439); }

 private:
  Problems& p_;
};

Activity ReadActivity(Reader& r, const json& j, const std::string& p, bool& ok) {
  Activity a;
  ok = r.Obj(j, p) && r.Meta(j, p, a.meta);
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

Lecture ReadLecture(Reader& r, const json& j, const std::string& p, bool& ok) {
  Lecture l;
  ok = r.Obj(j, p) && r.Meta(j, p, l.meta);
  if (!ok) return l;
  r.Str(j, "activity_id", p, l.activity_id);
  r.Str(j, "theme_zh", p, l.theme_zh, true);
  r.Str(j, "theme_en", p, l.theme_en);
  LectureTeam team = LectureTeam::PartyBuilding;
  if (r.Enum(j, "team", p, TeamTable(), team)) l.team = team;
  r.Ids(j, "lecturer_ids", p, l.lecturer_ids);
  r.Str(j, "guest_lecturers", p, l.guest_lecturers);
  r.Str(j, "place", p, l.place);
  r.OptDate(j, "date", p, l.date);
  r.Minute(j, "start_minute", p, l.start_minute);
  r.Int(j, "duration_minutes", p, l.duration_minutes, 1, 1440);
  r.EnumArr(j, "audience_roles", p, RoleTable(), l.audience_roles);
  r.Ids(j, "attendee_ids", p, l.attendee_ids);
  r.Bool(j, "held", p, l.held);
  if (const json* a = r.Arr(j, "reflections", p)) {
    std::set<Id> seen;
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string rp = p + "/reflections/" + std::to_string(i);
      const json& x = (*a)[i];
      Reflection rf;
      if (!r.Obj(x, rp) || !r.Meta(x, rp, rf.meta) || !r.Unique(seen, rf.meta.id, rp)) continue;
      if (!r.Str(x, "person_id", rp, rf.person_id, true)) continue;
      r.Enum(x, "state", rp, ReflectionTable(), rf.state);
      r.OptDate(x, "handed_in_on", rp, rf.handed_in_on);
      r.Str(x, "title", rp, rf.title);
      l.reflections.push_back(std::move(rf));
    }
  }
  return l;
}

OnsiteMeeting ReadOnsite(Reader& r, const json& j, const std::string& p, bool& ok) {
  OnsiteMeeting m;
  ok = r.Obj(j, p) && r.Meta(j, p, m.meta);
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
      r.Ids(*d, "picked_ids", dp, rec.picked_ids);
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
  r.Ids(j, "speaker_branch_ids", p, m.speaker_branch_ids);
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

std::vector<TalkTopic> ReadTopics(Reader& r, const json& o, const std::string& key, const std::string& p,
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

void ReadScheduleSettings(Reader& r, const json& j, const std::string& p, TalkScheduleSettings& s) {
  if (!r.Obj(j, p)) return;
  r.OptDate(j, "from", p, s.from);
  r.OptDate(j, "to", p, s.to);
  if (s.from && s.to && *s.from > *s.to)
    r.Bad(p + "/from", "排期开始日期晚于结束日期", "the schedule's start is after its end");
  if (const json* dl = r.Get(j, "deadlines", p, false)) {
    if (r.Obj(*dl, p + "/deadlines"))
      for (int k = 0; k < 3; ++k) r.OptDate(*dl, Token(TalkKindTable(), static_cast<TalkKind>(k)), p + "/deadlines", s.deadline[k]);
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

Talk ReadTalk(Reader& r, const json& j, const std::string& p, const TalkTopics& topics, bool& ok) {
  Talk t;
  ok = r.Obj(j, p) && r.Meta(j, p, t.meta);
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
void ReadList(Reader& r, const json& j, const std::string& key, const std::string& path, std::vector<T>& out, F read) {
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

Campaign CampaignFromJson(const json& j, const std::string& path, Problems& problems) {
  Reader r(problems);
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
  if (const json* t = r.Get(j, "talk_topics", path, false)) {
    const std::string tp = path + "/talk_topics";
    if (r.Obj(*t, tp)) {
      const TalkTopics def = NoticeTalkTopics();
      c.talk_topics.secretary = ReadTopics(r, *t, "secretary", tp, def.secretary);
      c.talk_topics.committee = ReadTopics(r, *t, "committee", tp, def.committee);
      c.talk_topics.representative = ReadTopics(r, *t, "representative", tp, def.representative);
    }
  }
  if (const json* s = r.Get(j, "talk_schedule", path, false)) ReadScheduleSettings(r, *s, path + "/talk_schedule", c.talk_schedule);
  ReadList(r, j, "talks", path, c.talks,
           [&](const json& x, const std::string& p, bool& ok) { return ReadTalk(r, x, p, c.talk_topics, ok); });
  if (const json* k = r.Get(j, "talk_lock", path, false)) {
    const std::string kp = path + "/talk_lock";
    TalkLock lock;
    std::string kdf, hash, cipher;
    bool ok = r.Obj(*k, kp) && r.Str(*k, "kdf", kp, kdf, true) && r.Str(*k, "hash", kp, hash, true) &&
              r.Str(*k, "cipher", kp, cipher, true) && r.Str(*k, "salt", kp, lock.salt, true) &&
              r.Int(*k, "iterations", kp, lock.iterations, kMinLockIterations, 100000000, true);
    if (ok && (kdf != "PBKDF2" || hash != "SHA-256" || cipher != "AES-GCM")) {
      r.Bad(kp, "不认识的加密方式 " + kdf + "/" + hash + "/" + cipher, "unknown lock scheme " + kdf + "/" + hash + "/" + cipher);
      ok = false;
    }
    const json* ck = ok ? r.Get(*k, "check", kp, true) : nullptr;
    ok = ck && r.Obj(*ck, kp + "/check") && r.Str(*ck, "iv", kp + "/check", lock.check.iv, true) &&
         r.Str(*ck, "ct", kp + "/check", lock.check.ct, true);
    if (const json* at = ok ? r.Get(*k, "set_at", kp, false) : nullptr)
      if (at->is_number_integer()) lock.set_at = at->get<TimestampMs>();
    if (ok) c.talk_lock = std::move(lock);
  }
  // Sealed records without the lock's parameters can never be opened: say so (they are kept as they are).
  if (!c.talk_lock)
    for (size_t i = 0; i < c.talks.size(); ++i)
      if (c.talks[i].sealed)
        r.Bad(path + "/talks/" + std::to_string(i) + "/sealed", "加密的谈话记录缺少口令锁参数 (talk_lock)，无法解开",
              "a sealed talk record without the lock parameters (talk_lock) cannot be opened");
  return c;
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
  Reader r(problems);
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
  r.Ids(x, "reserve_cadre_ids", rp, rec.reserve_cadre_ids);
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
namespace {
template <class E>
std::optional<E> FromCode(const Table<E>& t, std::string_view code) {
  for (const auto& kv : t)
    if (code == kv.second) return kv.first;
  return std::nullopt;
}
}  // namespace
const char* RoleCode(Role r) { return Token(RoleTable(), r); }
std::optional<Role> RoleFromCode(std::string_view code) { return FromCode(RoleTable(), code); }
const char* ReflectionStateCode(ReflectionState s) { return Token(ReflectionTable(), s); }
std::optional<ReflectionState> ReflectionStateFromCode(std::string_view code) { return FromCode(ReflectionTable(), code); }
const char* IntentionCode(Intention i) { return Token(IntentionTable(), i); }
std::optional<Intention> IntentionFromCode(std::string_view code) { return FromCode(IntentionTable(), code); }
}  // namespace zj
