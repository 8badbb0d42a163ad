#include "core/campaign/talks.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/campaign/plan.h"

namespace zj {

const char* TalkKindZh(TalkKind k) {
  switch (k) {
    case TalkKind::SecretaryWithVillageSecretary: return "镇党委书记与村支部书记谈话";
    case TalkKind::CommitteeWithTwoCommittees: return "镇党委班子成员与村支两委班子成员谈话";
    case TalkKind::WithRepresentative: return "总支书记、驻村干部与党员代表谈话";
  }
  return "";
}
const char* TalkKindEn(TalkKind k) {
  switch (k) {
    case TalkKind::SecretaryWithVillageSecretary: return "town Party secretary with village secretary";
    case TalkKind::CommitteeWithTwoCommittees: return "town committee member with village two-committee member";
    case TalkKind::WithRepresentative: return "general-branch secretary / resident cadre with member representative";
  }
  return "";
}

const std::vector<TalkTopic>& TalkTopics::For(TalkKind k) const {
  switch (k) {
    case TalkKind::SecretaryWithVillageSecretary: return secretary;
    case TalkKind::CommitteeWithTwoCommittees: return committee;
    case TalkKind::WithRepresentative: return representative;
  }
  return secretary;
}

TalkTopics NoticeTalkTopics() {
  const std::vector<TalkTopic> six = {
      {"“两委”班子成员履职情况", "duty performance of the two committees"},
      {"支部书记及班子成员个人履职情况", "duty performance of the secretary and committee members"},
      {"村目前存在的主要问题", "the village's main problems"},
      {"“两委”班子成员进退留转意愿", "two-committee members' wish to advance, retire, stay or move"},
      {"后备干部情况", "reserve cadres"},
      {"对党员积分制管理的意见和建议", "opinions on points management"},
  };
  const std::vector<TalkTopic> four = {
      {"“两委”班子成员履职情况", "duty performance of the two committees"},
      {"村目前存在的主要问题", "the village's main problems"},
      {"对参与党员积分制管理的意见或建议", "opinions on taking part in points management"},
      {"推荐后备干部", "recommending reserve cadres"},
  };
  return TalkTopics{six, six, four};
}

const char* IntentionZh(Intention i) {
  switch (i) {
    case Intention::Advance: return "进";
    case Intention::Retire: return "退";
    case Intention::Stay: return "留";
    case Intention::Move: return "转";
  }
  return "";
}
const char* IntentionEn(Intention i) {
  switch (i) {
    case Intention::Advance: return "advance";
    case Intention::Retire: return "retire";
    case Intention::Stay: return "stay";
    case Intention::Move: return "move";
  }
  return "";
}

namespace {
bool HasRole(const Cadre& c, CadreRole r) { return std::find(c.roles.begin(), c.roles.end(), r) != c.roles.end(); }
bool HasPost(const Member& m, Post p) { return std::find(m.posts.begin(), m.posts.end(), p) != m.posts.end(); }

// Rank of a member's highest post, for a stable order: secretary, deputy, director, committee, other.
int PostRank(const Member& m) {
  static const Post order[] = {Post::Secretary, Post::DeputySecretary, Post::VillageDirector, Post::CommitteeMember,
                               Post::VillageCommittee};
  for (int i = 0; i < 5; ++i)
    if (HasPost(m, order[i])) return i;
  return 5;
}

// Picks, among `cands` (cadre indices sorted in fixed order), the one with the least load; ties: first.
size_t LeastLoaded(const std::vector<size_t>& cands, const std::map<size_t, int>& load) {
  size_t best = cands.front();
  int best_load = load.count(best) ? load.at(best) : 0;
  for (size_t c : cands) {
    int l = load.count(c) ? load.at(c) : 0;
    if (l < best_load) best = c, best_load = l;
  }
  return best;
}
}  // namespace

std::vector<TalkPair> GenerateTalkPairs(const Organization& org, Problems& problems) {
  std::vector<TalkPair> out;
  // Fixed orders.
  std::vector<size_t> cadres(org.cadres.size());
  for (size_t i = 0; i < cadres.size(); ++i) cadres[i] = i;
  std::sort(cadres.begin(), cadres.end(), [&](size_t a, size_t b) {
    return std::tie(org.cadres[a].name, org.cadres[a].meta.id) < std::tie(org.cadres[b].name, org.cadres[b].meta.id);
  });
  std::vector<const Branch*> villages;
  for (const auto& b : org.branches)
    if (IsVillageBranch(b.kind)) villages.push_back(&b);
  std::sort(villages.begin(), villages.end(),
            [](const Branch* a, const Branch* b) { return std::tie(a->name, a->meta.id) < std::tie(b->name, b->meta.id); });
  std::map<Id, std::vector<const Member*>> members_of;  // branch -> members in fixed order
  for (const auto& m : org.members) members_of[m.branch_id].push_back(&m);
  for (auto& kv : members_of)
    std::sort(kv.second.begin(), kv.second.end(), [](const Member* a, const Member* b) {
      const int ra = PostRank(*a), rb = PostRank(*b);
      return std::tie(ra, a->name, a->meta.id) < std::tie(rb, b->name, b->meta.id);
    });
  auto bpath = [](const Branch* b) { return "/org/branches/" + b->meta.id; };

  // 1. Town Party secretary with each village secretary.
  const Cadre* secretary = nullptr;
  for (size_t i : cadres)
    if (HasRole(org.cadres[i], CadreRole::PartySecretary)) { secretary = &org.cadres[i]; break; }
  if (!secretary && !villages.empty())
    problems.push_back({"/org/cadres", "未设镇党委书记：书记谈话无法生成", "no town Party secretary: kind-1 talks are skipped"});
  for (const Branch* b : villages) {
    bool any = false;
    for (const Member* m : members_of[b->meta.id]) {
      if (!HasPost(*m, Post::Secretary)) continue;
      any = true;
      if (secretary) out.push_back({TalkKind::SecretaryWithVillageSecretary, secretary->meta.id, m->meta.id, b->meta.id});
    }
    if (!any)
      problems.push_back({bpath(b), b->name + " 未设支部书记", b->name + " has no branch secretary"});
  }

  // 2. Committee members with two-committee members of their linked villages, spread evenly.
  std::map<size_t, int> load2;
  for (const Branch* b : villages) {
    std::vector<size_t> linked;
    for (size_t i : cadres) {
      const Cadre& c = org.cadres[i];
      if (!HasRole(c, CadreRole::CommitteeMember) || HasRole(c, CadreRole::PartySecretary)) continue;
      if (std::find(c.linked_branch_ids.begin(), c.linked_branch_ids.end(), b->meta.id) != c.linked_branch_ids.end())
        linked.push_back(i);
    }
    std::vector<const Member*> two;
    for (const Member* m : members_of[b->meta.id])
      if (!m->posts.empty() && !HasPost(*m, Post::Secretary)) two.push_back(m);
    if (two.empty()) continue;
    if (linked.empty()) {
      problems.push_back({bpath(b), b->name + " 没有挂钩的镇党委班子成员：两委成员谈话无法安排",
                          b->name + " has no linked town committee member: its two-committee talks are skipped"});
      continue;
    }
    for (const Member* m : two) {
      size_t c = LeastLoaded(linked, load2);
      ++load2[c];
      out.push_back({TalkKind::CommitteeWithTwoCommittees, org.cadres[c].meta.id, m->meta.id, b->meta.id});
    }
  }

  // 3. General-branch secretary and resident cadres with member representatives, spread evenly.
  std::map<size_t, int> load3;
  for (const Branch* b : villages) {
    std::vector<const Member*> reps;
    for (const Member* m : members_of[b->meta.id])
      if (m->representative) reps.push_back(m);
    if (reps.empty()) continue;
    std::vector<size_t> who;
    Id gb_secretary;
    for (const auto& g : org.general_branches)
      if (g.meta.id == b->general_branch_id) gb_secretary = g.secretary_cadre_id;
    for (size_t i : cadres) {
      const Cadre& c = org.cadres[i];
      bool resident = HasRole(c, CadreRole::ResidentCadre) &&
                      std::find(c.linked_branch_ids.begin(), c.linked_branch_ids.end(), b->meta.id) !=
                          c.linked_branch_ids.end();
      if (resident || (!gb_secretary.empty() && c.meta.id == gb_secretary)) who.push_back(i);
    }
    if (who.empty()) {
      problems.push_back({bpath(b), b->name + " 没有总支书记或驻村干部：党员代表谈话无法安排",
                          b->name + " has no general-branch secretary or resident cadre: representative talks are skipped"});
      continue;
    }
    for (const Member* m : reps) {
      size_t c = LeastLoaded(who, load3);
      ++load3[c];
      out.push_back({TalkKind::WithRepresentative, org.cadres[c].meta.id, m->meta.id, b->meta.id});
    }
  }
  return out;
}

std::string DescribeTalkPair(const Organization& org, const TalkPair& p, const std::map<Id, std::string>* apart) {
  auto or_id = [apart](std::string name, const Id& id) {
    if (name.empty()) return id;
    if (!apart) return name;
    const auto h = apart->find(id);
    return h == apart->end() ? name : PersonLabel(name, h->second);
  };
  std::string branch = p.branch_id;
  for (const auto& b : org.branches)
    if (b.meta.id == p.branch_id) branch = b.name;
  return or_id(PersonName(org, p.interviewer_id), p.interviewer_id) + " — " +
         or_id(PersonName(org, p.interviewee_id), p.interviewee_id) + " (" + branch + ")";
}

namespace {
bool SamePair(const TalkPair& a, const TalkPair& b) {
  return a.kind == b.kind && a.interviewer_id == b.interviewer_id && a.interviewee_id == b.interviewee_id;
}
}  // namespace

int AddMissingTalks(std::vector<Talk>& talks, const std::vector<TalkPair>& pairs, IdGenerator& ids, TimestampMs now,
                    const std::string& device) {
  std::set<std::tuple<int, Id, Id>> have;
  for (const auto& t : talks) have.insert({static_cast<int>(t.pair.kind), t.pair.interviewer_id, t.pair.interviewee_id});
  int added = 0;
  for (const auto& p : pairs) {
    if (!have.insert({static_cast<int>(p.kind), p.interviewer_id, p.interviewee_id}).second) continue;
    Talk t;
    t.meta = RecordMeta{ids.Next(), now, now, device};
    t.pair = p;
    talks.push_back(std::move(t));
    ++added;
  }
  return added;
}

std::vector<size_t> StaleTalks(const std::vector<Talk>& talks, const std::vector<TalkPair>& pairs) {
  std::vector<size_t> out;
  for (size_t i = 0; i < talks.size(); ++i) {
    bool found = false;
    for (const auto& p : pairs)
      if (SamePair(talks[i].pair, p)) { found = true; break; }
    if (!found) out.push_back(i);
  }
  return out;
}

void ValidateTalkRecord(const TalkRecord& r, TalkKind kind, const TalkTopics& topics, const std::string& path,
                        Problems& problems) {
  const int n = static_cast<int>(topics.For(kind).size());
  std::set<int> seen;
  for (size_t i = 0; i < r.topics_covered.size(); ++i) {
    const int t = r.topics_covered[i];
    const std::string p = path + "/topics_covered/" + std::to_string(i);
    if (t < 0 || t >= n)
      problems.push_back({p, "谈话内容序号 " + std::to_string(t) + " 超出范围 (共 " + std::to_string(n) + " 项)",
                          "topic index " + std::to_string(t) + " is out of range (" + std::to_string(n) + " topics)"});
    else if (!seen.insert(t).second)
      problems.push_back({p, "谈话内容序号重复: " + std::to_string(t), "duplicate topic index " + std::to_string(t)});
  }
  if (r.start_minute < 0 || r.start_minute > 1439)
    problems.push_back({path + "/start_minute", "时间应在 0 到 1439 分钟之间", "time must be 0..1439 minutes"});
}

std::vector<size_t> TalksToSeal(const std::vector<Talk>& talks) {
  std::vector<size_t> out;
  for (size_t i = 0; i < talks.size(); ++i)
    if (talks[i].record && !talks[i].sealed) out.push_back(i);
  return out;
}

std::vector<size_t> TalksToOpen(const std::vector<Talk>& talks) {
  std::vector<size_t> out;
  for (size_t i = 0; i < talks.size(); ++i)
    if (talks[i].sealed && !talks[i].record) out.push_back(i);
  return out;
}

int HideSealedRecords(std::vector<Talk>& talks) {
  int n = 0;
  for (Talk& t : talks)
    if (t.sealed && t.record) {
      t.record.reset();
      ++n;
    }
  return n;
}

}  // namespace zj
