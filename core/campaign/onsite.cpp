#include "core/campaign/onsite.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace zj {

namespace {
const Branch* BranchPtr(const Organization& org, const Id& id) {
  for (const auto& b : org.branches)
    if (b.meta.id == id) return &b;
  return nullptr;
}
std::string BranchName(const Organization& org, const Id& id) {
  const Branch* b = BranchPtr(org, id);
  return b ? b->name : id;
}
}  // namespace

std::vector<DrawCandidate> EligibleSites(const OnsiteMeeting& m, const Organization& org) {
  std::vector<DrawCandidate> out;
  for (const auto& b : org.branches) {
    bool ok = m.scope == OnsiteScope::TownUnits
                  ? b.kind == BranchKind::TownUnit
                  : IsVillageBranch(b.kind) && !m.area_id.empty() && AreaOfBranch(org, b.meta.id) == m.area_id;
    if (ok) out.push_back({b.meta.id, b.name});
  }
  SortCandidates(out);
  return out;
}

bool DrawSites(OnsiteMeeting& m, const Organization& org, std::string_view seed, TimestampMs now,
               Problems& problems) {
  const std::string path = "/onsite_meetings/" + m.meta.id + "/draw";
  if (m.draw) {
    problems.push_back({path, "本次现场会已抽签，不能重抽", "this meeting's draw was already made; it is not redone"});
    return false;
  }
  if (m.preselected_branch_id.empty()) {
    problems.push_back({path, "请先确定预先选定的参观点", "choose the standout site in advance first"});
    return false;
  }
  auto eligible = EligibleSites(m, org);
  bool found = false;
  for (const auto& c : eligible) found = found || c.id == m.preselected_branch_id;
  if (!found) {
    problems.push_back({path, "预先选定的参观点不在本次现场会的范围内",
                        "the pre-chosen site is not one of this meeting's eligible sites"});
    return false;
  }
  auto r = MakeDraw(seed, std::move(eligible), m.preselected_branch_id, now, problems, path);
  if (!r) return false;
  m.draw = std::move(*r);
  return true;
}

std::vector<Id> VisitSites(const OnsiteMeeting& m) {
  std::vector<Id> out;
  if (!m.preselected_branch_id.empty()) out.push_back(m.preselected_branch_id);
  if (m.draw)
    for (const auto& id : m.draw->picked_ids) out.push_back(id);
  return out;
}

std::vector<Id> DefaultSpeakerOrder(const OnsiteMeeting& m, const Organization& org) {
  std::vector<Id> out = VisitSites(m);
  std::set<Id> seen(out.begin(), out.end());
  for (const auto& c : EligibleSites(m, org))
    if (seen.insert(c.id).second) out.push_back(c.id);
  return out;
}

Id BranchSecretary(const Organization& org, const Id& branch_id) {
  for (const auto& mem : org.members)
    if (mem.branch_id == branch_id && std::find(mem.posts.begin(), mem.posts.end(), Post::Secretary) != mem.posts.end())
      return mem.meta.id;
  return {};
}

std::vector<AgendaItem> BuildAgenda(const OnsiteMeeting& m, const Organization& org) {
  std::vector<AgendaItem> out;
  int t = m.start_minute;
  const auto sites = VisitSites(m);
  for (size_t i = 0; i < sites.size(); ++i) {
    if (i > 0) {
      out.push_back({AgendaItem::Kind::Travel, {}, {}, "前往 " + BranchName(org, sites[i]), t, t + m.times.travel_minutes});
      t += m.times.travel_minutes;
    }
    out.push_back({AgendaItem::Kind::Visit, sites[i], {}, "参观 " + BranchName(org, sites[i]), t, t + m.times.visit_minutes});
    t += m.times.visit_minutes;
  }
  if (!sites.empty()) {
    out.push_back({AgendaItem::Kind::Travel, {}, {}, "前往会场 " + m.venue, t, t + m.times.travel_minutes});
    t += m.times.travel_minutes;
  }
  const auto speakers = m.speaker_branch_ids.empty() ? DefaultSpeakerOrder(m, org) : m.speaker_branch_ids;
  for (size_t i = 0; i < speakers.size(); ++i) {
    if (i > 0) t += m.times.changeover_minutes;
    const Id person = BranchSecretary(org, speakers[i]);
    std::string title = "发言 " + BranchName(org, speakers[i]);
    if (!person.empty()) title += " " + PersonName(org, person);
    out.push_back({AgendaItem::Kind::Speech, speakers[i], person, title, t, t + m.times.speech_minutes});
    t += m.times.speech_minutes;
  }
  out.push_back({AgendaItem::Kind::Comment, {}, {}, "镇主要领导点评", t, t + m.times.comment_minutes});
  return out;
}

int EstimatedEndMinute(const OnsiteMeeting& m, const Organization& org) {
  const auto a = BuildAgenda(m, org);
  return a.empty() ? m.start_minute : a.back().end_minute;
}

std::vector<Id> OnsiteParticipants(const OnsiteMeeting& m, const Organization& org) {
  std::set<Id> out;
  auto add = [&](const std::vector<Id>& v) { out.insert(v.begin(), v.end()); };
  if (m.scope == OnsiteScope::AreaVillages) {
    add(PeopleWithRole(org, Role::TownLeader));
    if (!m.area_id.empty())
      add(PeopleWithRoles(org,
                          {Role::AreaChief, Role::GeneralBranchSecretary, Role::ResidentCadre, Role::VillageSecretary,
                           Role::VillageDeputySecretary},
                          m.area_id));
  } else {
    add(PeopleWithRoles(org, {Role::TownLeader, Role::TownCommittee, Role::UnitSecretary}));
    std::set<Id> gbs;
    for (const auto& b : org.branches)
      if (b.kind == BranchKind::TownUnit) gbs.insert(b.general_branch_id);
    for (const auto& g : org.general_branches)
      if (gbs.count(g.meta.id) && !g.secretary_cadre_id.empty()) out.insert(g.secretary_cadre_id);
  }
  return {out.begin(), out.end()};
}

std::string FormatMinutes(int minutes) {
  if (minutes < 0) minutes = 0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

// [SECTION] SpeechTimer -----------------------------------------------------------------------------

void SpeechTimer::Start(int64_t now_ms) {
  state_ = State::Running;
  accumulated_ms_ = 0;
  run_start_ms_ = now_ms;
}
void SpeechTimer::Pause(int64_t now_ms) {
  if (state_ != State::Running) return;
  accumulated_ms_ = Elapsed(now_ms);
  state_ = State::Paused;
}
void SpeechTimer::Resume(int64_t now_ms) {
  if (state_ != State::Paused) return;
  run_start_ms_ = now_ms;
  state_ = State::Running;
}
void SpeechTimer::Stop(int64_t now_ms) {
  if (state_ == State::Running) accumulated_ms_ = Elapsed(now_ms);
  if (state_ != State::Idle) state_ = State::Stopped;
}
void SpeechTimer::Reset() {
  state_ = State::Idle;
  accumulated_ms_ = 0;
  run_start_ms_ = 0;
}
int64_t SpeechTimer::Elapsed(int64_t now_ms) const {
  if (state_ != State::Running) return accumulated_ms_;
  return accumulated_ms_ + std::max<int64_t>(0, now_ms - run_start_ms_);
}
int64_t SpeechTimer::Remaining(int64_t now_ms) const { return limit_ms_ - Elapsed(now_ms); }
bool SpeechTimer::Overrun(int64_t now_ms) const { return Elapsed(now_ms) > limit_ms_; }
bool SpeechTimer::LastMinute(int64_t now_ms) const {
  const int64_t r = Remaining(now_ms);
  return r > 0 && r <= warn_ms_;
}
std::string SpeechTimer::Display(int64_t now_ms) const {
  const int64_t r = Remaining(now_ms);
  int64_t secs;
  char buf[24];
  if (r >= 0) {
    secs = (r + 999) / 1000;
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(secs / 60), static_cast<int>(secs % 60));
  } else {
    secs = (-r) / 1000;
    std::snprintf(buf, sizeof buf, "+%02d:%02d", static_cast<int>(secs / 60), static_cast<int>(secs % 60));
  }
  return buf;
}

}  // namespace zj
