// Merging liaison bundles by revision lineage, and diffing datasets. See merge.h.
//
// [SECTION] Naming records for people
// [SECTION] Planning a bundle import
// [SECTION] Applying it (the bundle.import command)
// [SECTION] Backup preview: DiffDatasets
#include "core/exchange/merge.h"

#include "core/exchange/commands_exchange.h"

#include <algorithm>
#include <unordered_map>

#include "core/base/json_read.h"
#include "core/data/records.h"
#include "core/data/workspace.h"

namespace zj {
using nlohmann::json;

namespace {

/// The text at `key` of a JSON object; "" when the key is missing, holds no text, or `j` is no object (a bundle or
/// a restored backup can hold anything there; nlohmann's value() would throw).
std::string StrOf(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Problem Refuse(std::string zh, std::string en, std::string path = "") {
  return Problem{std::move(path), "材料包无法导入：" + zh, "bundle refused: " + en};
}

// id -> index of a collection, built once per plan.
std::unordered_map<std::string, size_t> IndexById(const Dataset& d, Coll c) {
  const CollectionInfo& info = Info(c);
  std::unordered_map<std::string, size_t> m;
  const size_t n = info.size(d);
  m.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) m.emplace(info.meta(d, i).id, i);
  return m;
}

// The revision and history of a record as JSON (what a bundle carries).
RecordMeta MetaOf(const json& r) {
  Problems ignored;
  JsonReader rd(ignored);
  RecordMeta m;
  rd.Meta(r, "", m);
  return m;
}

std::vector<std::string> DifferingFields(const json& a, const json& b) {
  std::vector<std::string> out;
  const json ca = ContentOf(a), cb = ContentOf(b);
  std::set<std::string> keys;
  for (auto it = ca.begin(); it != ca.end(); ++it) keys.insert(it.key());
  for (auto it = cb.begin(); it != cb.end(); ++it) keys.insert(it.key());
  for (const std::string& k : keys) {
    if (k == "id") continue;
    const json va = ca.value(k, json()), vb = cb.value(k, json());
    if (va != vb) out.push_back(k);
  }
  return out;
}

// The history of a resolved conflict: both sides' revisions and their histories, newest generations first.
std::vector<Rev> JoinHistories(const RecordMeta& a, const RecordMeta& b) {
  std::vector<Rev> all;
  for (const RecordMeta* m : {&a, &b}) {
    if (!m->rev.empty()) all.push_back(m->rev);
    for (const Rev& r : m->revs) all.push_back(r);
  }
  std::sort(all.begin(), all.end(), [](const Rev& x, const Rev& y) { return x.gen != y.gen ? x.gen > y.gen : x.hash > y.hash; });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (all.size() > kMaxRevHistory) all.resize(kMaxRevHistory);
  return all;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Naming records for people
//-----------------------------------------------------------------------------

std::string DescribeRecord(const Dataset& d, Coll c, const json& r) {
  auto str = [&](const char* k) { return StrOf(r, k); };
  auto member_name = [&](const std::string& id) {
    const int i = FindMember(d.org, id);
    return i >= 0 ? d.org.members[static_cast<size_t>(i)].name : id;
  };
  auto branch_name = [&](const std::string& id) {
    const int i = FindBranch(d.org, id);
    return i >= 0 ? d.org.branches[static_cast<size_t>(i)].name : std::string();
  };
  switch (c) {
    case Coll::Members: {
      const std::string b = branch_name(str("branch_id"));
      return str("name") + (b.empty() ? "" : "（" + b + "）");
    }
    case Coll::Talks: {
      std::string who;
      const std::string interviewer = str("interviewer_id");
      for (const Cadre& cd : d.org.cadres)
        if (cd.meta.id == interviewer) who = cd.name;
      const std::string b = branch_name(str("branch_id"));
      std::string date;
      if (r.contains("record")) date = StrOf(r["record"], "held_on");
      if (date.empty()) date = str("planned_date");
      return (who.empty() ? interviewer : who) + " — " + member_name(str("interviewee_id")) +
             (b.empty() ? "" : "（" + b + "）") + (date.empty() ? "" : " " + date);
    }
    case Coll::PointEntries: {
      std::string item = str("item_id");
      for (const PointItem& it : d.points.catalogue.items)
        if (it.meta.id == item) item = it.name_zh;
      return member_name(str("member_id")) + " · " + item + " · " + str("date");
    }
    case Coll::Exemptions: return member_name(str("member_id")) + " · " + str("reason");
    case Coll::Assessments:
    case Coll::BranchHistory: {
      std::string year;
      if (r.is_object() && r.contains("year") && r["year"].is_number_integer()) year = std::to_string(r["year"].get<int>());
      return branch_name(str("branch_id")) + " " + year;
    }
    case Coll::Lectures: {
      const std::string date = r.is_object() && r.contains("date") && r["date"].is_string() ? r["date"].get<std::string>() : "";
      return str("theme_zh") + (date.empty() ? "" : " " + date);
    }
    default: return RecordLabel(r);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Planning a bundle import
//-----------------------------------------------------------------------------
namespace {

// The plan, and what to do with each record, in one pass; used by both PlanBundleImport (preview) and
// ApplyBundleImport (the command), so what is shown is what is done.
struct Action {
  enum Kind { kNothing, kPut, kDelete, kConflict, kJoin } kind = kNothing;
  Coll coll = Coll::Areas;
  Id id;
  json record;    // kPut / kJoin / kConflict (incoming record; null for an incoming deletion)
  int conflict = -1;
  bool readd = false;  // kConflict: the office had deleted it
};

MergePlan Plan(const Dataset& office, const Bundle& b, std::vector<Action>* actions) {
  MergePlan plan;
  if (b.id_salt != office.id_salt) {
    const std::string town = b.town.empty() ? std::string("未知") : b.town;
    plan.problem = Refuse("它属于另一份数据（" + town + "），不是本机的“" + office.org.town_name +
                              "”。请用组织办下发的联络员材料包（或备份）开始记录，再交回本办。",
                          "it belongs to another dataset (" + b.town + "), not this device's \"" +
                              office.org.town_name + "\". Start from the office's liaison kit (or backup).",
                          "/id_salt");
    return plan;
  }
  for (const ImportLogEntry& e : office.import_log)
    if (!b.sha256.empty() && StrOf(e.body, "bundle_sha256") == b.sha256) plan.already_imported = true;

  std::map<int, std::unordered_map<std::string, size_t>> indices;
  auto index_of = [&](Coll c) -> const std::unordered_map<std::string, size_t>& {
    auto it = indices.find(static_cast<int>(c));
    if (it == indices.end()) it = indices.emplace(static_cast<int>(c), IndexById(office, c)).first;
    return it->second;
  };
  const auto& tomb_index = index_of(Coll::Tombstones);
  auto count = [&](MergeItem& item) {
    switch (item.outcome) {
      case MergeOutcome::New: ++plan.added; break;
      case MergeOutcome::Changed: ++plan.changed; break;
      case MergeOutcome::Conflict: ++plan.conflicts; break;
      case MergeOutcome::Deleted: ++plan.deleted; break;
      default: ++plan.present; break;
    }
    plan.items.push_back(std::move(item));
  };
  auto add_conflict = [&](Coll c, const Id& id, const std::string& label, json local, json incoming) {
    MergeConflict mc;
    mc.coll = c;
    mc.id = id;
    mc.label = label;
    if (!local.is_null() && !incoming.is_null()) mc.fields = DifferingFields(local, incoming);
    mc.local = std::move(local);
    mc.incoming = std::move(incoming);
    plan.conflict_list.push_back(std::move(mc));
    return static_cast<int>(plan.conflict_list.size()) - 1;
  };

  for (const BundleRecord& br : b.records) {
    const CollectionInfo* info = InfoByPointer(br.collection);
    if (!info || !info->bundled) {
      plan.problem = Refuse("记录所属的集合“" + br.collection + "”在本数据中不存在（可能来自更新版本的整建）",
                            "collection " + br.collection + " does not exist in this dataset", br.collection);
      plan.items.clear();
      return plan;
    }
    {  // the record must be readable as a record of its collection
      Problems problems;
      JsonReader rd(problems);
      if (!info->read(rd, br.record, br.collection, office) || !problems.empty()) {
        const Problem p = problems.empty() ? Problem{} : problems.front();
        plan.problem = Refuse("一条" + std::string(info->zh) + "记录无法读取：" + p.message_zh,
                              std::string("a record of ") + info->en + " cannot be read: " + p.message_en, p.path);
        plan.items.clear();
        return plan;
      }
    }
    MergeItem item;
    item.collection = br.collection;
    item.id = StrOf(br.record, "id");
    item.label = DescribeRecord(office, info->coll, br.record);
    Action act;
    act.coll = info->coll;
    act.id = item.id;
    const RecordMeta in = MetaOf(br.record);
    const auto& idx = index_of(info->coll);
    auto local_it = idx.find(item.id);
    if (plan.already_imported) {
      item.outcome = MergeOutcome::Present;
    } else if (local_it == idx.end()) {
      auto t = tomb_index.find(item.id);
      if (t == tomb_index.end()) {
        item.outcome = MergeOutcome::New;
        act.kind = Action::kPut;
        act.record = br.record;
      } else {
        const Tombstone& tomb = office.tombstones[t->second];
        if (!in.rev.empty() && tomb.meta.Knows(in.rev)) {
          item.outcome = MergeOutcome::Present;  // the office deleted this very version (or a later one)
        } else {
          item.outcome = MergeOutcome::Conflict;
          act.kind = Action::kConflict;
          act.readd = true;
          act.record = br.record;
          act.conflict = item.conflict = add_conflict(info->coll, item.id, item.label, json(nullptr), br.record);
        }
      }
    } else {
      const size_t li = local_it->second;
      const RecordMeta& lm = info->meta(office, li);
      const json local = info->to_json(office, li);
      if (!in.rev.empty()) {
        if (lm.rev == in.rev || lm.Knows(in.rev)) {
          item.outcome = MergeOutcome::Present;
        } else if (in.Knows(lm.rev)) {
          item.outcome = MergeOutcome::Changed;
          act.kind = Action::kPut;
          act.record = br.record;
        } else if (ContentOf(local) == ContentOf(br.record)) {
          item.outcome = MergeOutcome::Present;  // the same content reached by both: histories joined
          act.kind = Action::kJoin;
          act.record = br.record;
        } else {
          item.outcome = MergeOutcome::Conflict;
          act.kind = Action::kConflict;
          act.record = br.record;
          act.conflict = item.conflict = add_conflict(info->coll, item.id, item.label, local, br.record);
        }
      } else {
        // A bundle from before revisions: equal content is present; the liaison's own record untouched at the
        // office since the liaison's last hand-off is a change; anything else goes to a person.
        const bool liaison_copy = lm.device == b.device || (b.from && lm.updated <= *b.from);
        if (ContentOf(local) == ContentOf(br.record)) {
          item.outcome = MergeOutcome::Present;
        } else if (liaison_copy && lm.updated <= in.updated) {
          item.outcome = MergeOutcome::Changed;
          act.kind = Action::kPut;
          act.record = br.record;
        } else {
          item.outcome = MergeOutcome::Conflict;
          act.kind = Action::kConflict;
          act.record = br.record;
          act.conflict = item.conflict = add_conflict(info->coll, item.id, item.label, local, br.record);
        }
      }
    }
    count(item);
    if (actions) actions->push_back(std::move(act));
  }

  for (const json& tj : b.deletions) {
    Problems problems;
    JsonReader rd(problems);
    Tombstone t;
    if (!FromJson(rd, tj, "/deletions", office, t)) continue;  // ReadBundle checked them
    const CollectionInfo* info = InfoByPointer(t.collection);
    MergeItem item;
    item.deletion = true;
    item.collection = t.collection;
    item.id = t.meta.id;
    item.label = t.label.empty() ? t.meta.id : t.label;
    Action act;
    act.id = t.meta.id;
    if (!info || !info->bundled) {
      item.outcome = MergeOutcome::Present;
      count(item);
      if (actions) actions->push_back(act);
      continue;
    }
    act.coll = info->coll;
    const auto& idx = index_of(info->coll);
    auto local_it = idx.find(t.meta.id);
    if (plan.already_imported || local_it == idx.end()) {
      item.outcome = MergeOutcome::Present;
    } else {
      const RecordMeta& lm = info->meta(office, local_it->second);
      const json local = info->to_json(office, local_it->second);
      item.label = DescribeRecord(office, info->coll, local);
      const bool made_on_office_version =
          !t.meta.rev.empty() ? t.meta.Knows(lm.rev)
                              : (lm.device == b.device || (b.from && lm.updated <= *b.from)) && lm.updated <= t.meta.updated;
      if (made_on_office_version) {
        item.outcome = MergeOutcome::Deleted;
        act.kind = Action::kDelete;
      } else {
        item.outcome = MergeOutcome::Conflict;
        act.kind = Action::kConflict;
        act.conflict = item.conflict = add_conflict(info->coll, t.meta.id, item.label, local, json(nullptr));
      }
    }
    count(item);
    if (actions) actions->push_back(std::move(act));
  }

  if (b.talk_lock.is_object()) {
    Problems ignored;
    auto lock = TalkLockFromJson(b.talk_lock, "/talk_lock", ignored);
    if (!office.campaign.talk_lock) plan.lock_adopted = lock.has_value() && plan.HasChanges();
    else if (lock && lock->salt != office.campaign.talk_lock->salt) plan.lock_differs = true;
  }
  plan.ok = true;
  return plan;
}

}  // namespace

MergePlan PlanBundleImport(const Dataset& office, const Bundle& bundle) { return Plan(office, bundle, nullptr); }

//-----------------------------------------------------------------------------
// [SECTION] Applying it
//-----------------------------------------------------------------------------

std::optional<Problem> ApplyBundleImport(Tx& tx, const Bundle& b, const std::map<int, ConflictChoice>& choices) {
  std::vector<Action> actions;
  MergePlan plan = Plan(tx.data(), b, &actions);
  if (!plan.ok) return plan.problem;
  if (!plan.HasChanges() && !plan.lock_adopted) return std::nullopt;
  json conflict_log = json::array();
  auto read_image = [&](Coll c, const json& record, std::optional<Problem>& problem) -> RecordImage {
    Problems problems;
    JsonReader rd(problems);
    RecordImage img = Info(c).read(rd, record, Info(c).pointer, tx.data());
    if (!img) problem = problems.empty() ? Refuse("记录无法读取", "a record cannot be read") : problems.front();
    return img;
  };
  // What the log keeps of a version that was not taken: never a readable talk record (the lock must reach logs).
  auto loggable = [](Coll c, json r) {
    if (c == Coll::Talks && r.is_object() && r.contains("record")) r["record"] = r["record"].is_null() ? json(nullptr) : json("（谈话记录内容不入导入记录）");
    return r;
  };
  for (const Action& a : actions) {
    std::optional<Problem> problem;
    switch (a.kind) {
      case Action::kNothing: break;
      case Action::kPut: {
        RecordImage img = read_image(a.coll, a.record, problem);
        if (!img) return problem;
        tx.PutAsIs(a.coll, img);
        tx.RemoveById(Coll::Tombstones, a.id);
        break;
      }
      case Action::kJoin: {
        const int i = FindIndex(tx.data(), a.coll, a.id);
        if (i < 0) break;
        const CollectionInfo& info = Info(a.coll);
        RecordMeta m = info.meta(tx.data(), static_cast<size_t>(i));
        const RecordMeta in = MetaOf(a.record);
        m.revs = JoinHistories(RecordMeta{{}, 0, 0, {}, Rev{}, m.revs}, in);
        m.revs.erase(std::remove(m.revs.begin(), m.revs.end(), m.rev), m.revs.end());
        tx.PutAsIs(a.coll, info.with_meta(info.copy(tx.data(), static_cast<size_t>(i)), m));
        break;
      }
      case Action::kDelete: tx.RemoveById(a.coll, a.id); break;
      case Action::kConflict: {
        auto ch = choices.find(a.conflict);
        const ConflictChoice choice = ch == choices.end() ? ConflictChoice{} : ch->second;
        const MergeConflict& mc = plan.conflict_list[static_cast<size_t>(a.conflict)];
        const bool partial = !choice.take_incoming && !choice.incoming_fields.empty();
        json entry{{"collection", Info(a.coll).pointer}, {"id", a.id}, {"label", mc.label}};
        if (mc.incoming.is_null()) {  // the liaison deleted a record the office changed since
          entry["kept"] = choice.take_incoming ? "deleted" : "local";
          if (choice.take_incoming) tx.RemoveById(a.coll, a.id);
          else entry["other"] = json{{"deleted_by", b.device}};
        } else if (mc.local.is_null()) {  // the office deleted a record the liaison changed since
          entry["kept"] = choice.take_incoming ? "incoming" : "deleted";
          if (choice.take_incoming) {
            RecordImage img = read_image(a.coll, mc.incoming, problem);
            if (!img) return problem;
            tx.PutAsIs(a.coll, img);
            tx.RemoveById(Coll::Tombstones, a.id);
          } else {
            entry["other"] = loggable(a.coll, mc.incoming);
          }
        } else if (choice.take_incoming || partial) {
          json merged = choice.take_incoming ? mc.incoming : mc.local;
          if (partial)
            for (const std::string& f : choice.incoming_fields)
              if (mc.incoming.contains(f)) merged[f] = mc.incoming[f];
          const RecordMeta lm = MetaOf(mc.local), in = MetaOf(mc.incoming);
          RecordImage img = read_image(a.coll, merged, problem);
          if (!img) return problem;
          RecordMeta m = Info(a.coll).image_meta(img);
          m.revs = JoinHistories(lm, in);
          m.rev = Rev{std::max(lm.rev.gen, in.rev.gen) + 1, static_cast<uint32_t>(tx.ids().NextBits())};
          m.updated = tx.now();
          m.device = tx.device();
          tx.PutAsIs(a.coll, Info(a.coll).with_meta(img, m));
          entry["kept"] = choice.take_incoming ? "incoming" : "fields";
          if (partial) entry["fields"] = std::vector<std::string>(choice.incoming_fields.begin(), choice.incoming_fields.end());
          entry["other"] = loggable(a.coll, mc.local);
        } else {
          // The office's version stays; it now descends from the liaison's too, so the same bundle (or the
          // liaison's next one with this record unchanged) does not conflict again.
          const int i = FindIndex(tx.data(), a.coll, a.id);
          const CollectionInfo& info = Info(a.coll);
          RecordMeta m = info.meta(tx.data(), static_cast<size_t>(i));
          const RecordMeta in = MetaOf(mc.incoming);
          m.revs = JoinHistories(RecordMeta{{}, 0, 0, {}, Rev{}, m.revs}, in);
          tx.PutAsIs(a.coll, info.with_meta(info.copy(tx.data(), static_cast<size_t>(i)), m));
          entry["kept"] = "local";
          entry["other"] = loggable(a.coll, mc.incoming);
        }
        conflict_log.push_back(std::move(entry));
        break;
      }
    }
  }
  if (plan.lock_adopted) {
    Problems ignored;
    tx.EditSetting(Setting::TalkLock).campaign.talk_lock = TalkLockFromJson(b.talk_lock, "/talk_lock", ignored);
  }
  // The result must hold together: no record may refer to one the office does not have.
  const Problems problems = CheckReferences(tx.data());
  if (!problems.empty()) {
    const Problem& p = problems.front();
    return Refuse("导入后的数据有" + std::to_string(problems.size()) + "处问题，例如 " + p.path + "：" + p.message_zh,
                  "the merged data would have " + std::to_string(problems.size()) + " problems, e.g. " + p.path + ": " +
                      p.message_en,
                  p.path);
  }
  ImportLogEntry log;
  log.meta.id = b.sha256.size() >= 16 ? b.sha256.substr(0, 16) : tx.ids().Next();
  log.body = json{{"bundle_sha256", b.sha256},
                  {"device", b.device},
                  {"town", b.town},
                  {"from", b.from ? json(FormatTimestamp(*b.from)) : json(nullptr)},
                  {"to", FormatTimestamp(b.to)},
                  {"imported_at", FormatTimestamp(tx.now())},
                  {"added", plan.added},
                  {"changed", plan.changed},
                  {"deleted", plan.deleted},
                  {"conflicts", plan.conflicts},
                  {"present", plan.present},
                  {"conflict_log", std::move(conflict_log)}};
  const int existing = FindIndex(tx.data(), Coll::ImportLog, log.meta.id);
  if (existing >= 0) tx.Edit<ImportLogEntry>(static_cast<size_t>(existing)).body = log.body;
  else tx.Add(std::move(log));
  return std::nullopt;
}

std::optional<Problem> Handle(const BundleImport& c, Tx& tx) {
  if (!c.bundle.is_object()) return Problem{"/bundle", "缺少材料包", "missing bundle"};
  BundleReadResult r = ReadBundle(c.bundle.dump());
  if (!r.ok) return r.problem;
  std::map<int, ConflictChoice> choices;
  if (c.choices) {
    const json& cs = *c.choices;
    if (!cs.is_object()) return Problem{"/choices", "冲突处理应为对象", "choices must be an object"};
    for (auto it = cs.begin(); it != cs.end(); ++it) {
      ConflictChoice ch;
      const json& v = it.value();
      if (!v.is_object()) return Problem{"/choices/" + it.key(), "冲突处理应为对象", "a choice must be an object"};
      ch.take_incoming = v.contains("take_incoming") && v["take_incoming"].is_boolean() && v["take_incoming"].get<bool>();
      if (v.contains("fields") && v["fields"].is_array())
        for (const json& f : v["fields"])
          if (f.is_string()) ch.incoming_fields.insert(f.get<std::string>());
      int k = -1;
      try {
        k = std::stoi(it.key());
      } catch (const std::exception&) {
        return Problem{"/choices/" + it.key(), "冲突编号应为数字", "a conflict index must be a number"};
      }
      choices[k] = std::move(ch);
    }
  }
  tx.audit_args = json{{"bundle_sha256", r.bundle.sha256}, {"device", r.bundle.device},
                       {"records", r.bundle.records.size()}, {"deletions", r.bundle.deletions.size()}};
  return ApplyBundleImport(tx, r.bundle, choices);
}

//-----------------------------------------------------------------------------
// [SECTION] Backup preview
//-----------------------------------------------------------------------------

DatasetDiff DiffDatasets(const Dataset& current, const Dataset& incoming) {
  DatasetDiff diff;
  diff.town_current = current.org.town_name;
  diff.town_incoming = incoming.org.town_name;
  diff.other_dataset = current.id_salt != incoming.id_salt;
  // Every record is counted; at most kListed of each collection and kind are named (a preview a person can read).
  constexpr int kListed = 50;
  ForEachCollection([&](const CollectionInfo& info) {
    const auto left = IndexById(current, info.coll);
    int listed_new = 0, listed_changed = 0, listed_removed = 0;
    const size_t n = info.size(incoming);
    std::set<std::string> seen;
    for (size_t i = 0; i < n; ++i) {
      const RecordMeta& m = info.meta(incoming, i);
      seen.insert(m.id);
      auto l = left.find(m.id);
      if (l == left.end()) {
        ++diff.added;
        if (listed_new++ < kListed)
          diff.items.push_back({MergeOutcome::New, info.pointer, m.id, DescribeRecord(incoming, info.coll, info.to_json(incoming, i))});
        continue;
      }
      const RecordMeta& lm = info.meta(current, l->second);
      if ((lm.rev == m.rev && !m.rev.empty()) || info.to_json(current, l->second) == info.to_json(incoming, i)) {
        ++diff.same;
      } else {
        ++diff.changed;
        if (listed_changed++ < kListed)
          diff.items.push_back({MergeOutcome::Changed, info.pointer, m.id, DescribeRecord(incoming, info.coll, info.to_json(incoming, i))});
      }
    }
    for (const auto& [id, i] : left)
      if (!seen.count(id)) {
        ++diff.removed;
        if (listed_removed++ < kListed)
          diff.items.push_back({MergeOutcome::Removed, info.pointer, id, DescribeRecord(current, info.coll, info.to_json(current, i))});
      }
  });
  return diff;
}

}  // namespace zj
