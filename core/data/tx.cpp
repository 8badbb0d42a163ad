#include "core/data/tx.h"

#include <algorithm>
#include <stdexcept>
#include <set>
#include <unordered_map>

#include "core/data/records.h"

namespace zj {
using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Applying a change set backwards or forwards
//-----------------------------------------------------------------------------
namespace {

// From state "from" to state "to" of every record change in `cs` (forward: before -> after).
void Apply(Dataset& d, const ChangeSet& cs, bool forward) {
  // Per collection: first take out the records that are absent in "to" or sit elsewhere there (from the highest
  // position down, so the positions stay right), then put in the records of "to" that were absent or elsewhere
  // (from the lowest position up), then replace the contents of the ones that stayed in place.
  std::map<int, std::vector<const RecordChange*>> by_coll;
  for (const RecordChange& c : cs.records) by_coll[static_cast<int>(c.coll)].push_back(&c);
  for (auto& [coll, changes] : by_coll) {
    const CollectionInfo& info = Info(static_cast<Coll>(coll));
    auto from_img = [&](const RecordChange* c) { return forward ? c->before : c->after; };
    auto to_img = [&](const RecordChange* c) { return forward ? c->after : c->before; };
    auto from_ix = [&](const RecordChange* c) { return forward ? c->before_index : c->after_index; };
    auto to_ix = [&](const RecordChange* c) { return forward ? c->after_index : c->before_index; };
    auto moves = [&](const RecordChange* c) {
      return !from_img(c) || !to_img(c) || from_ix(c) != to_ix(c);
    };
    std::vector<const RecordChange*> out, in, stay;
    for (const RecordChange* c : changes) {
      if (!moves(c)) {
        stay.push_back(c);
        continue;
      }
      if (from_img(c)) out.push_back(c);
      if (to_img(c)) in.push_back(c);
    }
    std::sort(out.begin(), out.end(), [&](auto* a, auto* b) { return from_ix(a) > from_ix(b); });
    for (const RecordChange* c : out) {
      const int i = FindIndex(d, info.coll, c->id, from_ix(c));
      if (i >= 0) info.erase(d, static_cast<size_t>(i));
    }
    std::sort(in.begin(), in.end(), [&](auto* a, auto* b) { return to_ix(a) < to_ix(b); });
    for (const RecordChange* c : in) info.insert(d, static_cast<size_t>(std::max(0, to_ix(c))), to_img(c));
    for (const RecordChange* c : stay) {
      const int i = FindIndex(d, info.coll, c->id, to_ix(c));
      if (i >= 0) info.assign(d, static_cast<size_t>(i), to_img(c));
    }
  }
  for (const SettingChange& s : cs.settings) {
    Problems ignored;
    JsonReader r(ignored);
    Info(s.setting).set(r, forward ? s.after : s.before, Info(s.setting).pointer, d);
  }
}

}  // namespace

void RevertChanges(Dataset& d, const ChangeSet& cs) { Apply(d, cs, false); }
void ReapplyChanges(Dataset& d, const ChangeSet& cs) { Apply(d, cs, true); }

//-----------------------------------------------------------------------------
// [SECTION] Tx
//-----------------------------------------------------------------------------

Tx::Tx(Dataset& d, IdGenerator& ids, TimestampMs now, std::string device)
    : d_(d), ids_(ids), now_(now), device_(std::move(device)) {}

Tx::~Tx() {
  if (!done_) Rollback();
}

Dataset& Tx::EditSetting(Setting s) {
  const int k = static_cast<int>(s);
  if (!settings_before_.count(k)) settings_before_[k] = Info(s).get(d_);
  return d_;
}

Dataset& Tx::EditEverything() {
  for (int c = 0; c < kCollCount; ++c) NoteWhole(static_cast<Coll>(c));
  for (int k = 0; k < kSettingCount; ++k) EditSetting(static_cast<Setting>(k));
  return d_;
}

void Tx::PrepareNew(RecordMeta& m) {
  if (m.id.empty()) m.id = ids_.Next();
  m.created = m.updated = now_;
  m.device = device_;
  m.rev = Rev{};
  m.revs.clear();
}

void Tx::NoteBefore(Coll c, size_t index) {
  if (whole_.count(static_cast<int>(c))) return;  // the whole collection's copy covers it
  const CollectionInfo& info = Info(c);
  const Id& id = info.meta(d_, index).id;
  auto key = std::make_pair(static_cast<int>(c), id);
  auto it = touched_.find(key);
  if (it != touched_.end()) {
    touches_[it->second].hint = static_cast<int>(index);
    return;
  }
  touched_[key] = touches_.size();
  touches_.push_back(Touch{c, id, info.copy(d_, index), OriginalIndex(c, index), static_cast<int>(index), true});
}

void Tx::NoteShift(Coll c, bool insert, size_t index) {
  if (whole_.count(static_cast<int>(c))) return;
  shifts_[static_cast<int>(c)].emplace_back(insert, static_cast<int>(index));
}

int Tx::OriginalIndex(Coll c, size_t index) const {
  auto it = shifts_.find(static_cast<int>(c));
  int i = static_cast<int>(index);
  if (it == shifts_.end()) return i;
  for (auto op = it->second.rbegin(); op != it->second.rend(); ++op) {
    if (op->first) {
      if (i > op->second) --i;  // a record was inserted before it
    } else if (i >= op->second) {
      ++i;  // a record was removed before it
    }
  }
  return i;
}

void Tx::NoteAdded(Coll c, const Id& id, size_t index) {
  if (whole_.count(static_cast<int>(c))) return;
  auto key = std::make_pair(static_cast<int>(c), id);
  auto it = touched_.find(key);
  if (it != touched_.end()) {
    touches_[it->second].hint = static_cast<int>(index);
    return;
  }
  touched_[key] = touches_.size();
  touches_.push_back(Touch{c, id, nullptr, -1, static_cast<int>(index), true});
}

void Tx::NoteWhole(Coll c) {
  const int k = static_cast<int>(c);
  if (whole_.count(k)) return;
  for (const Touch& t : touches_)
    if (t.coll == c)
      throw std::logic_error(std::string("Tx::EditAll after a change of one record of ") + Info(c).pointer);
  const CollectionInfo& info = Info(c);
  std::vector<RecordImage> all;
  const size_t n = info.size(d_);
  all.reserve(n);
  for (size_t i = 0; i < n; ++i) all.push_back(info.copy(d_, i));
  whole_[k] = std::move(all);
}

void Tx::PutAsIs(Coll c, const RecordImage& rec, size_t at) {
  const CollectionInfo& info = Info(c);
  const Id id = info.image_meta(rec).id;
  const int i = FindIndex(d_, c, id);
  size_t where;
  if (i >= 0) {
    NoteBefore(c, static_cast<size_t>(i));
    info.assign(d_, static_cast<size_t>(i), rec);
    where = static_cast<size_t>(i);
  } else {
    where = std::min(at, info.size(d_));
    info.insert(d_, where, rec);
    NoteAdded(c, id, where);
    NoteShift(c, true, where);
  }
  auto it = touched_.find(std::make_pair(static_cast<int>(c), id));
  if (it != touched_.end()) touches_[it->second].stamp = false;
}

bool Tx::RemoveById(Coll c, const Id& id) {
  const int i = FindIndex(d_, c, id);
  if (i < 0) return false;
  NoteBefore(c, static_cast<size_t>(i));
  Info(c).erase(d_, static_cast<size_t>(i));
  NoteShift(c, false, static_cast<size_t>(i));
  return true;
}

std::vector<RecordChange> Tx::NetChanges() {
  std::vector<RecordChange> out;
  auto same_content = [](const json& a, const json& b) { return ContentOf(a) == ContentOf(b); };
  // Whole collections: compare every record before with the collection now.
  for (auto& [k, before] : whole_) {
    const Coll c = static_cast<Coll>(k);
    const CollectionInfo& info = Info(c);
    std::unordered_map<std::string, size_t> now_at;
    const size_t n = info.size(d_);
    now_at.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) now_at.emplace(info.meta(d_, i).id, i);
    std::unordered_map<std::string, size_t> before_at;
    before_at.reserve(before.size() * 2);
    for (size_t i = 0; i < before.size(); ++i) before_at.emplace(info.image_meta(before[i]).id, i);
    // Records present on both sides keep their order unless the collection was reordered: walk both orders and
    // take every record where they part as moved.
    std::vector<std::string> common_before, common_after;
    for (size_t i = 0; i < before.size(); ++i)
      if (now_at.count(info.image_meta(before[i]).id)) common_before.push_back(info.image_meta(before[i]).id);
    for (size_t i = 0; i < n; ++i)
      if (before_at.count(info.meta(d_, i).id)) common_after.push_back(info.meta(d_, i).id);
    std::set<std::string> moved;
    for (size_t k = 0; k < common_before.size(); ++k)
      if (common_before[k] != common_after[k]) moved.insert(common_before[k]);
    for (size_t i = 0; i < before.size(); ++i) {
      const Id& id = info.image_meta(before[i]).id;
      auto f = now_at.find(id);
      if (f == now_at.end()) {
        out.push_back(RecordChange{c, id, before[i], nullptr, static_cast<int>(i), -1});
        continue;
      }
      const bool is_moved = moved.count(id) > 0;
      const json a = info.image_json(before[i]), b = info.to_json(d_, f->second);
      const bool same = same_content(a, b);
      if (same && a != b) info.assign(d_, f->second, before[i]);  // only its metadata was touched: put it back
      if (same && !is_moved) continue;
      RecordChange ch{c, id, before[i], nullptr, static_cast<int>(i), static_cast<int>(f->second)};
      ch.content_changed = !same;
      out.push_back(std::move(ch));
    }
    for (size_t i = 0; i < n; ++i) {
      const Id& id = info.meta(d_, i).id;
      if (!before_at.count(id)) out.push_back(RecordChange{c, id, nullptr, nullptr, -1, static_cast<int>(i)});
    }
  }
  // Records touched one by one.
  for (Touch& t : touches_) {
    const CollectionInfo& info = Info(t.coll);
    const int now_i = FindIndex(d_, t.coll, t.id, t.hint);
    if (!t.before && now_i < 0) continue;  // added and removed again
    if (t.before && now_i >= 0) {
      // A record changed in place keeps its place among the others (positions may differ by records added or
      // removed before it): unchanged content is no change.
      const json a = info.image_json(t.before), b = info.to_json(d_, static_cast<size_t>(now_i));
      if (a == b) continue;
      if (t.stamp && same_content(a, b)) {
        info.assign(d_, static_cast<size_t>(now_i), t.before);
        continue;
      }
    }
    out.push_back(RecordChange{t.coll, t.id, t.before, nullptr, t.before_index, now_i});
  }
  return out;
}

ChangeSet Tx::Commit() {
  ChangeSet cs;
  cs.records = NetChanges();
  auto stamps = [&](const RecordChange& ch) {
    if (whole_.count(static_cast<int>(ch.coll))) return true;
    auto it = touched_.find(std::make_pair(static_cast<int>(ch.coll), ch.id));
    return it == touched_.end() || touches_[it->second].stamp;
  };
  std::vector<RecordChange> tombstones;
  for (RecordChange& ch : cs.records) {
    const CollectionInfo& info = Info(ch.coll);
    if (ch.after_index >= 0) {
      if (stamps(ch) && ch.content_changed) {
        RecordMeta& m = info.meta_mut(d_, static_cast<size_t>(ch.after_index));
        if (ch.before) {
          const RecordMeta& b = info.image_meta(ch.before);
          m.created = b.created;
          m.revs.clear();
          if (!b.rev.empty()) m.revs.push_back(b.rev);
          for (const Rev& r : b.revs)
            if (m.revs.size() < kMaxRevHistory) m.revs.push_back(r);
          m.rev = Rev{b.rev.gen + 1, static_cast<uint32_t>(ids_.NextBits())};
        } else {
          if (m.created == 0) m.created = now_;
          if (m.rev.empty()) m.rev = Rev{1, static_cast<uint32_t>(ids_.NextBits())};
        }
        m.updated = now_;
        m.device = device_;
      }
      ch.after = info.copy(d_, static_cast<size_t>(ch.after_index));
    }
    if (ch.Removed() && info.bundled) {
      const RecordMeta& b = info.image_meta(ch.before);
      Tombstone t;
      t.meta.id = b.id;
      t.meta.created = t.meta.updated = now_;
      t.meta.device = device_;
      t.meta.rev = b.rev;
      t.meta.revs = b.revs;
      t.collection = info.pointer;
      t.label = RecordLabel(info.image_json(ch.before));
      const CollectionInfo& ti = Info(Coll::Tombstones);
      const int at = FindIndex(d_, Coll::Tombstones, t.meta.id);
      RecordChange tc{Coll::Tombstones, t.meta.id, nullptr, nullptr, at, at};
      auto img = std::make_shared<const Tombstone>(t);
      if (at >= 0) {
        tc.before = ti.copy(d_, static_cast<size_t>(at));
        ti.assign(d_, static_cast<size_t>(at), img);
      } else {
        tc.after_index = static_cast<int>(ti.size(d_));
        ti.insert(d_, ti.size(d_), img);
      }
      tc.after = img;
      tombstones.push_back(std::move(tc));
    }
  }
  for (auto& t : tombstones) cs.records.push_back(std::move(t));
  for (auto& [k, before] : settings_before_) {
    const Setting s = static_cast<Setting>(k);
    json after = Info(s).get(d_);
    if (after != before) cs.settings.push_back(SettingChange{s, before, std::move(after)});
  }
  done_ = true;
  return cs;
}

void Tx::Rollback() {
  if (done_) return;
  done_ = true;
  ChangeSet cs;
  cs.records = NetChanges();
  for (RecordChange& ch : cs.records)
    if (ch.after_index >= 0) ch.after = Info(ch.coll).copy(d_, static_cast<size_t>(ch.after_index));
  for (auto& [k, before] : settings_before_) cs.settings.push_back(SettingChange{static_cast<Setting>(k), before, {}});
  RevertChanges(d_, cs);
}

}  // namespace zj
