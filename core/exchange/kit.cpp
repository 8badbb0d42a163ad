#include "core/exchange/kit.h"

#include <set>

namespace zj {

std::optional<Dataset> MakeLiaisonKit(const Dataset& office, const KitScope& scope, TimestampMs now, Problem& problem) {
  std::string name = scope.liaison;
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) {
    problem = {"/liaison", "请填写联络员姓名", "enter the liaison's name"};
    return std::nullopt;
  }
  if (scope.branch_ids.empty()) {
    problem = {"/branch_ids", "请至少选择一个党支部", "choose at least one branch"};
    return std::nullopt;
  }
  std::set<Id> branches, gbs, areas, members;
  for (const Id& id : scope.branch_ids) {
    const int i = FindBranch(office.org, id);
    if (i < 0) {
      problem = {"/branch_ids", "所选党支部不存在：" + id, "no such branch: " + id};
      return std::nullopt;
    }
    branches.insert(id);
    gbs.insert(office.org.branches[static_cast<size_t>(i)].general_branch_id);
  }
  for (const GeneralBranch& g : office.org.general_branches)
    if (gbs.count(g.meta.id)) areas.insert(g.area_id);

  Dataset k;
  k.schema_version = office.schema_version;
  k.demo = office.demo;
  k.device_id = office.device_id;
  k.id_salt = office.id_salt;
  k.org.town_name = office.org.town_name;
  k.org.focus_rule = office.org.focus_rule;
  for (const Area& a : office.org.areas)
    if (areas.count(a.meta.id)) k.org.areas.push_back(a);
  for (const GeneralBranch& g : office.org.general_branches)
    if (gbs.count(g.meta.id)) k.org.general_branches.push_back(g);
  for (const Branch& b : office.org.branches)
    if (branches.count(b.meta.id)) k.org.branches.push_back(b);
  for (const Member& m : office.org.members)
    if (branches.count(m.branch_id)) {
      k.org.members.push_back(m);
      members.insert(m.meta.id);
    }
  k.org.cadres = office.org.cadres;
  // A cadre's linked villages outside the kit are not the liaison's business (and would point nowhere).
  for (Cadre& c : k.org.cadres) {
    std::vector<Id> kept;
    for (const Id& b : c.linked_branch_ids)
      if (branches.count(b)) kept.push_back(b);
    c.linked_branch_ids = std::move(kept);
    if (!c.area_id.empty() && !areas.count(c.area_id)) c.area_id.clear();
  }
  k.points.catalogue = office.points.catalogue;
  for (const PointEntry& e : office.points.entries)
    if (members.count(e.member_id)) k.points.entries.push_back(e);
  k.member_stars.thresholds = office.member_stars.thresholds;
  for (const StarExemption& x : office.member_stars.exemptions)
    if (members.count(x.member_id)) k.member_stars.exemptions.push_back(x);
  k.branch_rating.thresholds = office.branch_rating.thresholds;
  k.branch_rating.rubric = office.branch_rating.rubric;
  k.branch_rating.weights = office.branch_rating.weights;
  for (const BranchAssessment& a : office.branch_rating.assessments)
    if (branches.count(a.branch_id)) k.branch_rating.assessments.push_back(a);
  for (const BranchStarRecord& h : office.branch_rating.history)
    if (branches.count(h.branch_id)) k.branch_rating.history.push_back(h);
  const Campaign& c = office.campaign;
  k.campaign.year = c.year;
  k.campaign.name_zh = c.name_zh;
  k.campaign.activities = c.activities;
  k.campaign.lectures = c.lectures;
  k.campaign.onsite_meetings = c.onsite_meetings;
  k.campaign.talk_topics = c.talk_topics;
  k.campaign.talk_schedule = c.talk_schedule;
  k.campaign.talk_lock = c.talk_lock;
  for (const Talk& t : c.talks) {
    if (!branches.count(t.pair.branch_id)) continue;
    Talk x = t;
    if (c.talk_lock) {
      if (x.record && !x.sealed) continue;  // waiting for sealing: never in clear
      x.record.reset();                     // under the lock only the sealed form leaves the office
    }
    k.campaign.talks.push_back(std::move(x));
  }
  k.kit = KitInfo{name, scope.branch_ids, now};
  return k;
}

std::string KitBranchNames(const Dataset& d) {
  std::string out;
  if (!d.kit) return out;
  for (const Id& id : d.kit->branch_ids) {
    const int i = FindBranch(d.org, id);
    if (i < 0) continue;
    if (!out.empty()) out += "、";
    out += d.org.branches[static_cast<size_t>(i)].name;
  }
  return out;
}

}  // namespace zj
