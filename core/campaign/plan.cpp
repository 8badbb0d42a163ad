#include "core/campaign/plan.h"

#include <algorithm>
#include <set>

namespace zj {

// [SECTION] Roles -------------------------------------------------------------------------------

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> k = {
      Role::TownLeader,        Role::TownCommittee,        Role::AreaChief,       Role::GeneralBranchSecretary,
      Role::ResidentCadre,     Role::VillageSecretary,     Role::VillageDeputySecretary,
      Role::UnitSecretary,     Role::UnitDeputySecretary,  Role::VillageTwoCommittees, Role::HeadsAndStaff,
      Role::MemberRepresentative, Role::AllMembers,        Role::VillageMembers,  Role::Lecturer,
      Role::OfficeStaff};
  return k;
}

const char* RoleZh(Role r) {
  switch (r) {
    case Role::TownLeader: return "镇主要领导";
    case Role::TownCommittee: return "镇党委班子成员";
    case Role::AreaChief: return "片长";
    case Role::GeneralBranchSecretary: return "总支书记";
    case Role::ResidentCadre: return "驻村干部";
    case Role::VillageSecretary: return "村(居)支部书记";
    case Role::VillageDeputySecretary: return "村分管党群副书记";
    case Role::UnitSecretary: return "镇直单位支部书记";
    case Role::UnitDeputySecretary: return "镇直单位副书记";
    case Role::VillageTwoCommittees: return "村支两委班子成员";
    case Role::HeadsAndStaff: return "村(居)、镇直单位负责人和工作人员";
    case Role::MemberRepresentative: return "党员代表";
    case Role::AllMembers: return "全体党员";
    case Role::VillageMembers: return "村(居)党员";
    case Role::Lecturer: return "讲师团宣讲员";
    case Role::OfficeStaff: return "组织办、宣传办工作人员";
  }
  return "";
}

const char* RoleEn(Role r) {
  switch (r) {
    case Role::TownLeader: return "town leader";
    case Role::TownCommittee: return "town committee member";
    case Role::AreaChief: return "area chief";
    case Role::GeneralBranchSecretary: return "general-branch secretary";
    case Role::ResidentCadre: return "resident cadre";
    case Role::VillageSecretary: return "village secretary";
    case Role::VillageDeputySecretary: return "village deputy secretary";
    case Role::UnitSecretary: return "unit secretary";
    case Role::UnitDeputySecretary: return "unit deputy secretary";
    case Role::VillageTwoCommittees: return "village two-committee member";
    case Role::HeadsAndStaff: return "heads and staff";
    case Role::MemberRepresentative: return "member representative";
    case Role::AllMembers: return "all members";
    case Role::VillageMembers: return "village members";
    case Role::Lecturer: return "lecturer";
    case Role::OfficeStaff: return "office staff";
  }
  return "";
}

bool IsVillageBranch(BranchKind k) { return k == BranchKind::Village || k == BranchKind::Community; }

Id AreaOfBranch(const Organization& org, const Id& branch_id) {
  for (const auto& b : org.branches) {
    if (b.meta.id != branch_id) continue;
    for (const auto& g : org.general_branches)
      if (g.meta.id == b.general_branch_id) return g.area_id;
    return {};
  }
  return {};
}

namespace {
bool HasPost(const Member& m, Post p) { return std::find(m.posts.begin(), m.posts.end(), p) != m.posts.end(); }
bool HasRole(const Cadre& c, CadreRole r) { return std::find(c.roles.begin(), c.roles.end(), r) != c.roles.end(); }
const Branch* BranchPtr(const Organization& org, const Id& id) {
  for (const auto& b : org.branches)
    if (b.meta.id == id) return &b;
  return nullptr;
}
}  // namespace

std::vector<Id> PeopleWithRole(const Organization& org, Role role, const Id& area_id) {
  std::set<Id> out;
  // Branch filter for member roles: kind predicate plus area.
  auto branch_ok = [&](const Id& branch_id, int kind_filter /*0 any, 1 village, 2 unit*/) {
    const Branch* b = BranchPtr(org, branch_id);
    if (!b) return false;
    if (kind_filter == 1 && !IsVillageBranch(b->kind)) return false;
    if (kind_filter == 2 && b->kind != BranchKind::TownUnit) return false;
    return area_id.empty() || AreaOfBranch(org, branch_id) == area_id;
  };
  auto members_where = [&](int kind_filter, auto pred) {
    for (const auto& m : org.members)
      if (pred(m) && branch_ok(m.branch_id, kind_filter)) out.insert(m.meta.id);
  };
  auto cadres_with = [&](CadreRole r) {
    for (const auto& c : org.cadres)
      if (HasRole(c, r)) out.insert(c.meta.id);
  };
  switch (role) {
    case Role::TownLeader: cadres_with(CadreRole::PartySecretary); break;
    case Role::TownCommittee:
      cadres_with(CadreRole::PartySecretary);
      cadres_with(CadreRole::CommitteeMember);
      break;
    case Role::Lecturer: cadres_with(CadreRole::Lecturer); break;
    case Role::OfficeStaff: cadres_with(CadreRole::OfficeStaff); break;
    case Role::AreaChief:
      for (const auto& a : org.areas)
        if (!a.chief_cadre_id.empty() && (area_id.empty() || a.meta.id == area_id)) out.insert(a.chief_cadre_id);
      break;
    case Role::GeneralBranchSecretary:
      for (const auto& g : org.general_branches)
        if (!g.secretary_cadre_id.empty() && (area_id.empty() || g.area_id == area_id))
          out.insert(g.secretary_cadre_id);
      break;
    case Role::ResidentCadre:
      for (const auto& c : org.cadres) {
        if (!HasRole(c, CadreRole::ResidentCadre)) continue;
        if (area_id.empty()) { out.insert(c.meta.id); continue; }
        for (const auto& b : c.linked_branch_ids)
          if (AreaOfBranch(org, b) == area_id) { out.insert(c.meta.id); break; }
      }
      break;
    case Role::VillageSecretary: members_where(1, [](const Member& m) { return HasPost(m, Post::Secretary); }); break;
    case Role::VillageDeputySecretary:
      members_where(1, [](const Member& m) { return HasPost(m, Post::DeputySecretary); });
      break;
    case Role::UnitSecretary: members_where(2, [](const Member& m) { return HasPost(m, Post::Secretary); }); break;
    case Role::UnitDeputySecretary:
      members_where(2, [](const Member& m) { return HasPost(m, Post::DeputySecretary); });
      break;
    case Role::VillageTwoCommittees: members_where(1, [](const Member& m) { return !m.posts.empty(); }); break;
    case Role::HeadsAndStaff: members_where(0, [](const Member& m) { return !m.posts.empty(); }); break;
    case Role::MemberRepresentative: members_where(0, [](const Member& m) { return m.representative; }); break;
    case Role::AllMembers: members_where(0, [](const Member&) { return true; }); break;
    case Role::VillageMembers: members_where(1, [](const Member&) { return true; }); break;
  }
  return {out.begin(), out.end()};
}

std::vector<Id> PeopleWithRoles(const Organization& org, const std::vector<Role>& roles, const Id& area_id) {
  std::set<Id> out;
  for (Role r : roles)
    for (auto& id : PeopleWithRole(org, r, area_id)) out.insert(id);
  return {out.begin(), out.end()};
}

std::string PersonName(const Organization& org, const Id& id) {
  for (const auto& m : org.members)
    if (m.meta.id == id) return m.name;
  for (const auto& c : org.cadres)
    if (c.meta.id == id) return c.name;
  return {};
}

// [SECTION] Strands ---------------------------------------------------------------------------------

const char* StrandZh(Strand s) {
  switch (s) {
    case Strand::Mobilize: return "动员";
    case Strand::Learn: return "学";
    case Strand::Look: return "看";
    case Strand::Talk: return "谈";
    case Strand::Rate: return "评";
    case Strand::Close: return "总结";
  }
  return "";
}
const char* StrandEn(Strand s) {
  switch (s) {
    case Strand::Mobilize: return "Mobilize";
    case Strand::Learn: return "Learn";
    case Strand::Look: return "Look";
    case Strand::Talk: return "Talk";
    case Strand::Rate: return "Rate";
    case Strand::Close: return "Close";
  }
  return "";
}

// [SECTION] Template --------------------------------------------------------------------------------

std::vector<Activity> NoticePlanTemplate() {
  const int y = kNoticeYear;
  auto d = [&](int m, int day) { return *Date::FromYmd(y, m, day); };
  const Date mob = d(3, 23), end_march = d(3, 31), end_april = d(4, 30);
  auto act = [&](ActivityKind kind, Strand strand, const char* zh, const char* en, const char* section, Date start,
                 Date deadline, const char* owner, std::vector<Role> roles, ActivityScope scope,
                 std::vector<BranchKind> kinds = {}) {
    Activity a;
    a.kind = kind;
    a.strand = strand;
    a.title_zh = zh;
    a.title_en = en;
    a.notice_section = section;
    a.start = start;
    a.deadline = deadline;
    a.owner = owner;
    a.participants = std::move(roles);
    a.scope = scope;
    a.branch_kinds = std::move(kinds);
    return a;
  };
  const std::vector<BranchKind> villages = {BranchKind::Village, BranchKind::Community};
  std::vector<Activity> p;
  p.push_back(act(ActivityKind::Mobilization, Strand::Mobilize, "全镇动员大会", "Town mobilization meeting", "四",
                  mob, mob, "镇党委、组织办",
                  {Role::TownCommittee, Role::AreaChief, Role::GeneralBranchSecretary, Role::ResidentCadre,
                   Role::VillageSecretary, Role::UnitSecretary},
                  ActivityScope::Town));
  p.push_back(act(ActivityKind::LecturePartyBuilding, Strand::Learn, "党建知识专题学习", "Party-building lecture",
                  "四(一)一", mob, end_march, "组织办、宣传办",
                  {Role::VillageSecretary, Role::UnitSecretary, Role::VillageDeputySecretary, Role::UnitDeputySecretary},
                  ActivityScope::Town));
  p.push_back(act(ActivityKind::LectureFireFinance, Strand::Learn, "消防和财务知识专题培训",
                  "Fire-safety and finance training", "四(一)二", mob, end_march, "组织办、宣传办",
                  {Role::HeadsAndStaff}, ActivityScope::Town));
  p.push_back(act(ActivityKind::LectureAgriculture, Strand::Learn, "农业技术专题讲习",
                  "Agricultural-technology lectures in the villages", "四(一)三", mob, end_april,
                  "组织办、宣传办(农业技术宣讲队)", {Role::VillageMembers}, ActivityScope::Town));
  p.push_back(act(ActivityKind::OnsiteVillage, Strand::Look, "村级党建工作现场会", "Village on-site meetings",
                  "四(二)一", mob, end_april, "片长、总支书记",
                  {Role::TownLeader, Role::AreaChief, Role::GeneralBranchSecretary, Role::ResidentCadre,
                   Role::VillageSecretary, Role::VillageDeputySecretary},
                  ActivityScope::Area));
  p.push_back(act(ActivityKind::OnsiteTownUnit, Strand::Look, "镇直单位党建现场会", "Town-unit on-site meeting",
                  "四(二)二", mob, end_april, "镇党委、组织办",
                  {Role::TownLeader, Role::TownCommittee, Role::GeneralBranchSecretary, Role::UnitSecretary},
                  ActivityScope::Town));
  p.push_back(act(ActivityKind::TalkSecretary, Strand::Talk, "镇党委书记与村支部书记谈心谈话",
                  "Talks: town Party secretary with village secretaries", "四(三)一", mob, end_april, "镇党委书记",
                  {Role::TownLeader, Role::VillageSecretary}, ActivityScope::Branch, villages));
  p.push_back(act(ActivityKind::TalkCommittee, Strand::Talk, "镇党委班子成员与村支两委班子成员谈心谈话",
                  "Talks: town committee with village two committees", "四(三)二", mob, end_april,
                  "镇党委班子成员", {Role::TownCommittee, Role::VillageTwoCommittees}, ActivityScope::Branch,
                  villages));
  p.push_back(act(ActivityKind::TalkRepresentatives, Strand::Talk, "驻村干部与党员代表谈心谈话",
                  "Talks: general-branch secretaries and resident cadres with member representatives", "四(三)三",
                  mob, end_april, "总支书记、驻村干部",
                  {Role::GeneralBranchSecretary, Role::ResidentCadre, Role::MemberRepresentative},
                  ActivityScope::Branch, villages));
  p.push_back(act(ActivityKind::MemberStarMeetings, Strand::Rate, "党员大会: 党员评星",
                  "Members' meetings: member stars", "四(四)二", mob, end_april, "各党支部",
                  {Role::AllMembers}, ActivityScope::Branch));
  p.push_back(act(ActivityKind::BranchStarRating, Strand::Rate, "支部评星", "Branch star rating", "四(四)一", mob,
                  end_april, "积分制管理工作考核小组(组织办)", {Role::OfficeStaff}, ActivityScope::Branch));
  p.push_back(act(ActivityKind::Closing, Strand::Close, "全镇总结大会", "Town closing meeting", "四", d(4, 23),
                  end_april, "镇党委、组织办",
                  {Role::TownCommittee, Role::GeneralBranchSecretary, Role::ResidentCadre, Role::VillageSecretary,
                   Role::UnitSecretary},
                  ActivityScope::Town));
  return p;
}

Date ShiftToYear(Date d, int year) {
  int m = d.Month(), day = d.Day();
  if (auto r = Date::FromYmd(year, m, day)) return *r;
  return Date::EndOfMonth(year, m);  // 02-29 in a common year
}

Date MoveOffWeekend(Date d, DateRole role) {
  const int wd = d.Weekday();
  if (wd < 6) return d;
  switch (role) {
    case DateRole::Deadline: return d - (wd - 5);          // Sat -1, Sun -2 -> Friday
    case DateRole::Start: return d + (8 - wd);             // Sat +2, Sun +1 -> Monday
    case DateRole::SingleDay: return wd == 6 ? d - 1 : d + 1;
  }
  return d;
}

std::vector<Activity> CopyPlanToYear(const std::vector<Activity>& plan, int year, IdGenerator& ids, TimestampMs now,
                                     const std::string& device) {
  std::vector<Activity> out;
  out.reserve(plan.size());
  for (const auto& a : plan) {
    Activity b = a;
    b.meta = RecordMeta{ids.Next(), now, now, device};
    const Date s = ShiftToYear(a.start, year), e = ShiftToYear(a.deadline, year);
    if (a.start == a.deadline) {
      b.start = b.deadline = MoveOffWeekend(s, DateRole::SingleDay);
    } else {
      b.start = MoveOffWeekend(s, DateRole::Start);
      b.deadline = MoveOffWeekend(e, DateRole::Deadline);
      if (b.start > b.deadline) b.start = b.deadline;
    }
    b.status = ActivityStatus::Planned;
    b.done_on.reset();
    b.done_units.clear();
    out.push_back(std::move(b));
  }
  return out;
}

// [SECTION] Status ------------------------------------------------------------------------------------

const char* ActivityStateZh(ActivityState s) {
  switch (s) {
    case ActivityState::Planned: return "未完成";
    case ActivityState::Done: return "已完成";
    case ActivityState::Overdue: return "已逾期";
  }
  return "";
}
const char* ActivityStateEn(ActivityState s) {
  switch (s) {
    case ActivityState::Planned: return "planned";
    case ActivityState::Done: return "done";
    case ActivityState::Overdue: return "overdue";
  }
  return "";
}

ActivityState ActivityStateOn(const Activity& a, Date today) {
  if (a.status == ActivityStatus::Done) return ActivityState::Done;
  return today > a.deadline ? ActivityState::Overdue : ActivityState::Planned;
}

void ValidatePlan(const std::vector<Activity>& plan, const std::string& path, Problems& problems) {
  std::set<Id> seen;
  for (size_t i = 0; i < plan.size(); ++i) {
    const auto& a = plan[i];
    const std::string p = path + "/" + std::to_string(i);
    if (a.start > a.deadline)
      problems.push_back({p + "/start", "开始日期 " + a.start.ToString() + " 晚于截止日期 " + a.deadline.ToString(),
                          "start " + a.start.ToString() + " is after the deadline " + a.deadline.ToString()});
    if (a.title_zh.empty()) problems.push_back({p + "/title_zh", "活动名称为空", "activity title is empty"});
    if (!a.meta.id.empty() && !seen.insert(a.meta.id).second)
      problems.push_back({p + "/id", "重复的编号 " + a.meta.id, "duplicate id " + a.meta.id});
  }
}

}  // namespace zj
