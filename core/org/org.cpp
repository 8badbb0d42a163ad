#include "core/org/org.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace zj {
namespace {
template <typename E, size_t N>
std::optional<E> FromTable(const char* const (&codes)[N], std::string_view code) {
  for (size_t i = 0; i < N; ++i)
    if (code == codes[i]) return static_cast<E>(i);
  return std::nullopt;
}
const char* const kBranchKindCodes[] = {"village", "community", "town_unit"};
const char* const kBranchKindZh[] = {"村党支部", "社区党支部", "镇直单位党支部"};
const char* const kPostCodes[] = {"secretary", "deputy_secretary", "committee_member", "village_director",
                                  "village_committee"};
const char* const kPostZh[] = {"书记", "副书记", "委员", "村委主任", "村委委员"};
const char* const kStatusCodes[] = {"full", "probationary"};
const char* const kStatusZh[] = {"正式党员", "预备党员"};
const char* const kRoleCodes[] = {"party_secretary", "committee_member", "resident_cadre", "lecturer",
                                  "office_staff",    "area_chief",       "general_branch_secretary"};
const char* const kRoleZh[] = {"镇党委书记", "镇党委班子成员", "驻村干部", "讲师团宣讲员",
                               "组织办/宣传办工作人员", "片长", "党总支书记"};
const char* const kTeamCodes[] = {"party_building", "agriculture", "finance", "social_governance",
                                  "poverty_alleviation"};
const char* const kTeamZh[] = {"党的建设宣讲队", "农业技术宣讲队", "财经知识宣讲队", "社会治理宣讲队",
                               "扶贫工作宣讲队"};
}  // namespace

const char* BranchKindCode(BranchKind k) { return kBranchKindCodes[static_cast<int>(k)]; }
std::optional<BranchKind> BranchKindFromCode(std::string_view c) { return FromTable<BranchKind>(kBranchKindCodes, c); }
const char* BranchKindLabelZh(BranchKind k) { return kBranchKindZh[static_cast<int>(k)]; }

const char* PostCode(Post p) { return kPostCodes[static_cast<int>(p)]; }
std::optional<Post> PostFromCode(std::string_view c) { return FromTable<Post>(kPostCodes, c); }
const char* PostLabelZh(Post p) { return kPostZh[static_cast<int>(p)]; }
std::optional<Post> PostFromLabelZh(std::string_view s) {
  if (s == "书记" || s == "支部书记" || s == "党支部书记" || s == "支书") return Post::Secretary;
  if (s == "副书记" || s == "支部副书记" || s == "党支部副书记") return Post::DeputySecretary;
  if (s == "委员" || s == "支委" || s == "支委委员" || s == "支部委员") return Post::CommitteeMember;
  if (s == "村委主任" || s == "村主任" || s == "村委会主任" || s == "居委会主任") return Post::VillageDirector;
  if (s == "村委委员" || s == "村委会委员" || s == "居委会委员") return Post::VillageCommittee;
  return std::nullopt;
}

const char* MemberStatusCode(MemberStatus s) { return kStatusCodes[static_cast<int>(s)]; }
std::optional<MemberStatus> MemberStatusFromCode(std::string_view c) { return FromTable<MemberStatus>(kStatusCodes, c); }
const char* MemberStatusLabelZh(MemberStatus s) { return kStatusZh[static_cast<int>(s)]; }

const char* CadreRoleCode(CadreRole r) { return kRoleCodes[static_cast<int>(r)]; }
std::optional<CadreRole> CadreRoleFromCode(std::string_view c) { return FromTable<CadreRole>(kRoleCodes, c); }
const char* CadreRoleLabelZh(CadreRole r) { return kRoleZh[static_cast<int>(r)]; }

const char* LectureTeamCode(LectureTeam t) { return kTeamCodes[static_cast<int>(t)]; }
std::optional<LectureTeam> LectureTeamFromCode(std::string_view c) { return FromTable<LectureTeam>(kTeamCodes, c); }
const char* LectureTeamLabelZh(LectureTeam t) { return kTeamZh[static_cast<int>(t)]; }

int FindBranch(const Organization& org, const Id& id) {
  for (size_t i = 0; i < org.branches.size(); ++i)
    if (org.branches[i].meta.id == id) return static_cast<int>(i);
  return -1;
}

int FindBranchByName(const Organization& org, std::string_view name) {
  static const std::string_view kSuffix = "党支部";
  auto strip = [](std::string_view s) {
    if (s.size() > kSuffix.size() && s.substr(s.size() - kSuffix.size()) == kSuffix)
      s.remove_suffix(kSuffix.size());
    return s;
  };
  if (name.empty()) return -1;
  for (size_t i = 0; i < org.branches.size(); ++i)
    if (org.branches[i].name == name) return static_cast<int>(i);
  const std::string_view want = strip(name);
  for (size_t i = 0; i < org.branches.size(); ++i)
    if (strip(org.branches[i].name) == want) return static_cast<int>(i);
  return -1;
}

int FindMember(const Organization& org, const Id& id) {
  for (size_t i = 0; i < org.members.size(); ++i)
    if (org.members[i].meta.id == id) return static_cast<int>(i);
  return -1;
}

int FindMemberByIdHash(const Organization& org, const std::string& hash) {
  if (hash.empty()) return -1;
  for (size_t i = 0; i < org.members.size(); ++i)
    if (org.members[i].id_hash == hash) return static_cast<int>(i);
  return -1;
}

std::vector<Id> SelectFocusObjects(const Organization& org) {
  std::vector<const Branch*> ranked;
  for (const Branch& b : org.branches)
    if (b.last_year_target_rank) ranked.push_back(&b);
  // Worst (largest rank number) first; ties by name for a stable order.
  std::sort(ranked.begin(), ranked.end(), [](const Branch* a, const Branch* b) {
    if (*a->last_year_target_rank != *b->last_year_target_rank)
      return *a->last_year_target_rank > *b->last_year_target_rank;
    return a->name < b->name;
  });
  const FocusRule& r = org.focus_rule;
  long n = 0;
  const long total = static_cast<long>(ranked.size());
  if (r.mode == FocusRule::Mode::BottomCount) {
    n = std::max(0, r.count);
  } else {
    const long pct = std::clamp(r.percent, 0, 100);
    n = (total * pct + 99) / 100;  // round up: 10% of 23 -> 3
  }
  n = std::min(n, total);
  std::vector<Id> out;
  if (n == 0) return out;
  const int cutoff = *ranked[n - 1]->last_year_target_rank;
  for (const Branch* b : ranked)
    if (*b->last_year_target_rank >= cutoff) out.push_back(b->meta.id);
  return out;
}

int ApplyFocusRule(Organization& org) {
  const std::vector<Id> ids = SelectFocusObjects(org);
  int n = 0;
  for (Branch& b : org.branches) {
    b.focus_object = std::find(ids.begin(), ids.end(), b.meta.id) != ids.end();
    n += b.focus_object;
  }
  return n;
}

namespace {
/// One person of a same-name list: a member (index into org.members) or a cadre, or nobody (unknown id).
struct Person {
  const Member* member = nullptr;
  const Cadre* cadre = nullptr;
  const std::string* Name() const { return member ? &member->name : cadre ? &cadre->name : nullptr; }
};

std::string YearMonth(const std::optional<DateOrMonth>& d, bool zh, const char* suffix_zh, const char* prefix_en) {
  if (!d) return "";
  char buf[48];
  if (zh) std::snprintf(buf, sizeof buf, "%d年%d月%s", d->Year(), d->Month(), suffix_zh);
  else std::snprintf(buf, sizeof buf, "%s%04d-%02d", prefix_en, d->Year(), d->Month());
  return buf;
}

/// The hint fields of one person, in the order SameNameHints uses them.
std::vector<std::string> HintFields(const Organization& org, const Person& p, bool zh) {
  std::vector<std::string> f(5);
  if (p.cadre) {
    f[0] = zh ? "镇干部" : "town cadre";
    f[3] = p.cadre->title;
    return f;
  }
  const Member& m = *p.member;
  const int b = FindBranch(org, m.branch_id);
  if (b >= 0) f[0] = org.branches[static_cast<size_t>(b)].name;
  f[1] = YearMonth(m.birth_date, zh, "生", "b. ");
  if (m.id_masked.size() >= 4) f[2] = (zh ? "证件尾号" : "ID …") + m.id_masked.substr(m.id_masked.size() - 4);
  for (Post post : m.posts) f[3] += (f[3].empty() ? "" : "、") + std::string(zh ? PostLabelZh(post) : PostCode(post));
  if (!m.other_posts.empty()) f[3] += (f[3].empty() ? "" : "、") + m.other_posts;
  f[4] = YearMonth(m.join_date, zh, "入党", "joined ");
  return f;
}

std::vector<std::string> HintsOf(const Organization& org, std::vector<Person>& people, bool zh) {
  std::vector<std::string> out(people.size());
  std::unordered_map<std::string_view, std::vector<size_t>> groups;
  for (size_t i = 0; i < people.size(); ++i)
    if (const std::string* n = people[i].Name()) groups[*n].push_back(i);
  for (auto& [name, idx] : groups) {
    if (idx.size() < 2) continue;
    std::vector<std::vector<std::string>> fields;
    for (size_t i : idx) fields.push_back(HintFields(org, people[i], zh));
    // Take fields in order, keeping only those that differ within the group, until every hint differs.
    std::vector<std::string> hints(idx.size());
    auto all_distinct = [&] {
      std::vector<std::string> sorted = hints;
      std::sort(sorted.begin(), sorted.end());
      return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    };
    for (size_t f = 0; f < 5 && !all_distinct(); ++f) {
      bool differs = false;
      for (size_t k = 1; k < idx.size(); ++k) differs |= fields[k][f] != fields[0][f];
      if (!differs) continue;
      for (size_t k = 0; k < idx.size(); ++k)
        if (!fields[k][f].empty()) hints[k] += (hints[k].empty() ? "" : " · ") + fields[k][f];
    }
    if (!all_distinct())
      for (size_t k = 0; k < idx.size(); ++k) {
        char buf[32];
        std::snprintf(buf, sizeof buf, zh ? "第%zu位" : "no. %zu", k + 1);
        hints[k] += (hints[k].empty() ? "" : " · ") + std::string(buf);
      }
    for (size_t k = 0; k < idx.size(); ++k) out[idx[k]] = hints[k];
  }
  return out;
}
}  // namespace

std::vector<std::string> SameNameHints(const Organization& org, const std::vector<Id>& person_ids, bool zh) {
  std::unordered_map<std::string_view, const Member*> members;
  std::unordered_map<std::string_view, const Cadre*> cadres;
  for (const Member& m : org.members) members.emplace(m.meta.id, &m);
  for (const Cadre& c : org.cadres) cadres.emplace(c.meta.id, &c);
  std::vector<Person> people(person_ids.size());
  for (size_t i = 0; i < person_ids.size(); ++i) {
    if (auto m = members.find(person_ids[i]); m != members.end()) people[i].member = m->second;
    else if (auto c = cadres.find(person_ids[i]); c != cadres.end()) people[i].cadre = c->second;
  }
  return HintsOf(org, people, zh);
}

std::string PersonLabel(const std::string& name, const std::string& hint) {
  return hint.empty() ? name : name + "（" + hint + "）";
}

std::vector<std::string> SameNameHints(const Organization& org, const std::vector<int>& member_indices, bool zh) {
  std::vector<Person> people(member_indices.size());
  for (size_t i = 0; i < member_indices.size(); ++i) {
    const int k = member_indices[i];
    if (k >= 0 && static_cast<size_t>(k) < org.members.size()) people[i].member = &org.members[static_cast<size_t>(k)];
  }
  return HintsOf(org, people, zh);
}

BranchKind GuessBranchKind(const std::string& name) {
  if (name.find("社区") != std::string::npos) return BranchKind::Community;
  if (name.find("村") != std::string::npos) return BranchKind::Village;
  return BranchKind::TownUnit;
}

}  // namespace zj
