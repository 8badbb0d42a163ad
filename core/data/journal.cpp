#include "core/data/journal.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/data/collections.h"
#include "core/data/settings.h"

namespace zj {
using nlohmann::json;

namespace {
/// Where each record of a collection sits, by id: built once per collection when many of its records are looked up
/// (FindIndex scans; a whole-town points.record_many writes 5,000 entries into a table of 120,000).
std::unordered_map<std::string_view, int> PositionsOf(const Dataset& d, const CollectionInfo& info) {
  std::unordered_map<std::string_view, int> at;
  const size_t n = info.size(d);
  at.reserve(n);
  for (size_t i = 0; i < n; ++i) at.emplace(info.meta(d, i).id, static_cast<int>(i));
  return at;
}
constexpr size_t kScanLimit = 8;  // up to this many lookups in a collection, a scan each is cheaper than a map
}  // namespace

std::string WriteJournalEntry(const Dataset& d, const Dirty& dirty, TimestampMs now) {
  json puts = json::array(), dels = json::array(), sets = json::object();
  std::vector<std::pair<std::pair<int, int>, json>> ordered;  // (collection, position): puts in document order
  std::map<int, size_t> per_coll;
  for (const auto& [c, id] : dirty.records) ++per_coll[c];
  std::map<int, std::unordered_map<std::string_view, int>> positions;
  for (const auto& [c, n] : per_coll)
    if (n > kScanLimit) positions[c] = PositionsOf(d, Info(static_cast<Coll>(c)));
  for (const auto& [c, id] : dirty.records) {
    const CollectionInfo& info = Info(static_cast<Coll>(c));
    int i = -1;
    if (auto p = positions.find(c); p != positions.end()) {
      auto f = p->second.find(id);
      i = f == p->second.end() ? -1 : f->second;
    } else {
      i = FindIndex(d, info.coll, id);
    }
    if (i < 0) dels.push_back({{"c", info.pointer}, {"id", id}});
    else
      ordered.push_back({{c, i},
                         {{"c", info.pointer},
                          {"i", i},
                          {"after", i > 0 ? info.meta(d, static_cast<size_t>(i - 1)).id : std::string()},
                          {"r", info.to_json(d, static_cast<size_t>(i))}}});
  }
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& p : ordered) puts.push_back(std::move(p.second));
  for (int s : dirty.settings) {
    const SettingInfo& info = Info(static_cast<Setting>(s));
    sets[info.key] = info.get(d);
  }
  json e{{"format", kJournalFormat}, {"t", now}, {"cmds", dirty.commands}};
  if (!puts.empty()) e["put"] = std::move(puts);
  if (!dels.empty()) e["del"] = std::move(dels);
  if (!sets.empty()) e["set"] = std::move(sets);
  return e.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool ApplyJournalEntry(Dataset& d, std::string_view text, Problem& problem) {
  const json e = json::parse(text.begin(), text.end(), nullptr, false);
  auto fail = [&](std::string zh, std::string en) {
    problem = Problem{"", "日志条目无法读取：" + std::move(zh), "journal entry cannot be read: " + std::move(en)};
    return false;
  };
  if (e.is_discarded() || !e.is_object()) return fail("不是有效的JSON", "not valid JSON");
  if (!e.contains("format") || e["format"] != kJournalFormat) return fail("格式标记不符", "wrong format tag");
  // Read everything first: an entry is applied whole or not at all.
  struct Put {
    const CollectionInfo* info;
    size_t at;
    std::optional<std::string> after;  // the record it followed when written ("" = first)
    RecordImage rec;
  };
  std::vector<Put> puts;
  std::vector<std::pair<const CollectionInfo*, std::string>> dels;
  Problems problems;
  JsonReader r(problems);
  if (auto p = e.find("put"); p != e.end()) {
    if (!p->is_array()) return fail("put 应为数组", "put must be an array");
    for (const json& x : *p) {
      const CollectionInfo* info = x.is_object() && x.contains("c") && x["c"].is_string()
                                       ? InfoByPointer(x["c"].get<std::string>())
                                       : nullptr;
      if (!info || !x.contains("r")) return fail("记录缺少集合", "a record without its collection");
      RecordImage rec = info->read(r, x["r"], info->pointer, d);
      if (!rec) return fail("一条" + std::string(info->zh) + "记录无法读取", std::string("a record of ") + info->en + " cannot be read");
      const size_t at = x.contains("i") && x["i"].is_number_unsigned() ? x["i"].get<size_t>() : static_cast<size_t>(-1);
      std::optional<std::string> after;
      if (x.contains("after") && x["after"].is_string()) after = x["after"].get<std::string>();
      puts.push_back({info, at, std::move(after), std::move(rec)});
    }
  }
  if (auto p = e.find("del"); p != e.end()) {
    if (!p->is_array()) return fail("del 应为数组", "del must be an array");
    for (const json& x : *p) {
      const CollectionInfo* info = x.is_object() && x.contains("c") && x["c"].is_string()
                                       ? InfoByPointer(x["c"].get<std::string>())
                                       : nullptr;
      if (!info || !x.contains("id") || !x["id"].is_string()) return fail("删除缺少集合或编号", "a removal without collection or id");
      dels.emplace_back(info, x["id"].get<std::string>());
    }
  }
  const json* sets = nullptr;
  if (auto p = e.find("set"); p != e.end()) {
    if (!p->is_object()) return fail("set 应为对象", "set must be an object");
    for (auto it = p->begin(); it != p->end(); ++it)
      if (!SettingByKey(it.key())) return fail("未知的设置 " + it.key(), "unknown setting " + it.key());
    sets = &*p;
  }
  // Settings first (records are read in their context, e.g. a talk against the topic lists).
  if (sets)
    for (auto it = sets->begin(); it != sets->end(); ++it) {
      const SettingInfo* s = SettingByKey(it.key());
      s->set(r, it.value(), s->pointer, d);
    }
  // Removals first, then the records in ascending position. A new record goes right after the one it followed
  // when the entry was written (a snapshot written while the user worked may hold more or fewer records than the
  // collection had then, so a position alone could place it among the wrong neighbours); else at its position.
  for (const auto& [info, id] : dels) {
    const int i = FindIndex(d, info->coll, id);
    if (i >= 0) info->erase(d, static_cast<size_t>(i));
  }
  // Which ids each collection holds, for entries with many records: a record it does not hold is new and needs
  // no scan (replaying a whole-town points.record_many adds 5,000 entries to a table of 120,000).
  std::map<const CollectionInfo*, size_t> per_coll;
  for (const Put& p : puts) ++per_coll[p.info];
  std::map<const CollectionInfo*, std::unordered_set<std::string>> held;
  for (const auto& [info, n] : per_coll) {
    if (n <= kScanLimit) continue;
    auto& ids = held[info];
    const size_t size = info->size(d);
    ids.reserve(size + n);
    for (size_t i = 0; i < size; ++i) ids.insert(info->meta(d, i).id);
  }
  for (const Put& p : puts) {
    const Id& id = p.info->image_meta(p.rec).id;
    auto h = held.find(p.info);
    const bool known_new = h != held.end() && !h->second.count(id);
    if (h != held.end()) h->second.insert(id);
    const int i = known_new ? -1
                            : FindIndex(d, p.info->coll, id, p.at == static_cast<size_t>(-1) ? -1 : static_cast<int>(p.at));
    if (i >= 0) {
      p.info->assign(d, static_cast<size_t>(i), p.rec);
      continue;
    }
    size_t where = std::min(p.at, p.info->size(d));
    if (p.after) {
      if (p.after->empty()) {
        where = 0;
      } else {
        const int prev = FindIndex(d, p.info->coll, *p.after,
                                   p.at == static_cast<size_t>(-1) || p.at == 0 ? -1 : static_cast<int>(p.at) - 1);
        if (prev >= 0) where = static_cast<size_t>(prev) + 1;
      }
    }
    p.info->insert(d, where, p.rec);
  }
  return true;
}

}  // namespace zj
