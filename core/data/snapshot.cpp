#include "core/data/snapshot.h"

#include <algorithm>
#include <cstring>

#include "core/data/entries_table.h"
#include "core/data/settings.h"

namespace zj {
using nlohmann::json;

// The document's leaves in the order they are written: constants, settings (object-valued settings that have
// children of their own are written field by field), collections and the entries table.
struct SnapshotWriter::Leaf {
  enum Kind { kSchema, kDeviceId, kSetting, kSettingField, kCollection, kEntries } kind;
  const char* path;
  int which;          // Setting or Coll
  const char* field;  // kSettingField: the field of the setting's object
};

namespace {
using L = SnapshotWriter;
constexpr int S(Setting s) { return static_cast<int>(s); }
constexpr int C(Coll c) { return static_cast<int>(c); }

const std::vector<SnapshotWriter::Leaf>& Leaves() {
  using K = SnapshotWriter::Leaf;
  static const std::vector<SnapshotWriter::Leaf> v = {
      {K::kSchema, "/schema_version", 0, nullptr},
      {K::kSetting, "/demo", S(Setting::Demo), nullptr},
      {K::kDeviceId, "/device_id", 0, nullptr},
      {K::kSetting, "/id_salt", S(Setting::IdSalt), nullptr},
      {K::kSetting, "/org/town_name", S(Setting::TownName), nullptr},
      {K::kSetting, "/org/focus_rule", S(Setting::FocusRule), nullptr},
      {K::kCollection, "/org/areas", C(Coll::Areas), nullptr},
      {K::kCollection, "/org/general_branches", C(Coll::GeneralBranches), nullptr},
      {K::kCollection, "/org/branches", C(Coll::Branches), nullptr},
      {K::kCollection, "/org/members", C(Coll::Members), nullptr},
      {K::kCollection, "/org/cadres", C(Coll::Cadres), nullptr},
      {K::kSettingField, "/points/catalogue/example", S(Setting::Catalogue), "example"},
      {K::kSettingField, "/points/catalogue/name", S(Setting::Catalogue), "name"},
      {K::kSettingField, "/points/catalogue/base_points", S(Setting::Catalogue), "base_points"},
      {K::kCollection, "/points/catalogue/items", C(Coll::PointItems), nullptr},
      {K::kEntries, "/points/entries", C(Coll::PointEntries), nullptr},
      {K::kSetting, "/member_stars/thresholds", S(Setting::MemberThresholds), nullptr},
      {K::kCollection, "/member_stars/exemptions", C(Coll::Exemptions), nullptr},
      {K::kSetting, "/branch_rating/thresholds", S(Setting::BranchThresholds), nullptr},
      {K::kSetting, "/branch_rating/rubric/example", S(Setting::RubricExample), nullptr},
      {K::kCollection, "/branch_rating/rubric/items", C(Coll::RubricItems), nullptr},
      {K::kSetting, "/branch_rating/weights", S(Setting::BranchWeights), nullptr},
      {K::kCollection, "/branch_rating/assessments", C(Coll::Assessments), nullptr},
      {K::kCollection, "/branch_rating/history", C(Coll::BranchHistory), nullptr},
      {K::kSettingField, "/campaign/campaign_version", S(Setting::CampaignInfo), "campaign_version"},
      {K::kSettingField, "/campaign/year", S(Setting::CampaignInfo), "year"},
      {K::kSettingField, "/campaign/name_zh", S(Setting::CampaignInfo), "name_zh"},
      {K::kCollection, "/campaign/activities", C(Coll::Activities), nullptr},
      {K::kCollection, "/campaign/lectures", C(Coll::Lectures), nullptr},
      {K::kCollection, "/campaign/onsite_meetings", C(Coll::OnsiteMeetings), nullptr},
      {K::kSetting, "/campaign/talk_topics", S(Setting::TalkTopics), nullptr},
      {K::kSetting, "/campaign/talk_schedule", S(Setting::TalkSchedule), nullptr},
      {K::kCollection, "/campaign/talks", C(Coll::Talks), nullptr},
      {K::kSetting, "/campaign/talk_lock", S(Setting::TalkLock), nullptr},
      {K::kSetting, "/kit", S(Setting::Kit), nullptr},
      {K::kCollection, "/tombstones", C(Coll::Tombstones), nullptr},
      {K::kCollection, "/import_log", C(Coll::ImportLog), nullptr},
  };
  return v;
}

std::vector<std::string> Tokens(const std::string& path) {
  std::vector<std::string> t;
  size_t i = 1;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    t.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return t;
}

void Dump(std::string& out, const json& j) { out += j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

SnapshotWriter::SnapshotWriter(const Dataset& d) : d_(d) {}
SnapshotWriter::~SnapshotWriter() = default;

void SnapshotWriter::OnChange(const ChangeSet& cs, bool forward) {
  const auto& leaves = Leaves();
  if (leaf_ >= leaves.size()) return;
  const Leaf& l = leaves[leaf_];
  if (l.kind != Leaf::kCollection && l.kind != Leaf::kEntries) return;
  size_t& cursor = l.kind == Leaf::kEntries ? (table_ ? table_->Cursor() : record_) : record_;
  if (cursor == 0) return;  // nothing written yet: the whole collection is still ahead
  // The records already written are the first `cursor` of the collection. Records taken out before the cursor
  // move it back; records put in before it (in the final state) move it forward: the writer skips them, and the
  // journal carries them.
  size_t c = cursor;
  std::vector<int> ins;
  for (const RecordChange& ch : cs.records) {
    if (static_cast<int>(ch.coll) != l.which) continue;
    const bool from = forward ? ch.before != nullptr : ch.after != nullptr;
    const bool to = forward ? ch.after != nullptr : ch.before != nullptr;
    const int from_ix = forward ? ch.before_index : ch.after_index;
    const int to_ix = forward ? ch.after_index : ch.before_index;
    const bool moves = !from || !to || from_ix != to_ix;
    if (!moves) continue;
    if (from && from_ix >= 0 && static_cast<size_t>(from_ix) < cursor) --c;
    if (to) ins.push_back(to_ix);
  }
  std::sort(ins.begin(), ins.end());
  for (int p : ins)
    if (p >= 0 && static_cast<size_t>(p) <= c) ++c;
  cursor = c;
}

double SnapshotWriter::Progress() const {
  const auto& leaves = Leaves();
  if (leaf_ >= leaves.size()) return 1.0;
  double part = 0;
  const Leaf& l = leaves[leaf_];
  if (l.kind == Leaf::kCollection) {
    const size_t n = Info(static_cast<Coll>(l.which)).size(d_);
    part = n ? static_cast<double>(record_) / static_cast<double>(n) : 0;
  }
  return (static_cast<double>(leaf_) + part) / static_cast<double>(leaves.size());
}

bool SnapshotWriter::Step(std::string& out, size_t budget) {
  const auto& leaves = Leaves();
  if (!started_) {
    out += '{';
    started_ = true;
  }
  size_t used = 0;
  while (leaf_ < leaves.size()) {
    const Leaf& l = leaves[leaf_];
    // The value of this leaf, complete, in `value`; or return to continue in the next step.
    std::string value;
    switch (l.kind) {
      case Leaf::kSchema: value = std::to_string(kSchemaVersion); break;
      case Leaf::kDeviceId: Dump(value, json(d_.device_id)); break;
      case Leaf::kSetting: Dump(value, Info(static_cast<Setting>(l.which)).get(d_)); break;
      case Leaf::kSettingField: Dump(value, Info(static_cast<Setting>(l.which)).get(d_).value(l.field, json())); break;
      case Leaf::kEntries: {
        if (!table_) {
          table_ = std::make_unique<EntriesTableWriter>(d_.points.entries);
          pending_.clear();
        }
        const bool done = table_->Step(pending_, budget > used ? budget - used : 1);
        used += budget;
        if (!done) return false;
        table_.reset();
        value.swap(pending_);
        break;
      }
      case Leaf::kCollection: {
        const CollectionInfo& info = Info(static_cast<Coll>(l.which));
        const size_t n = info.size(d_);
        if (record_ == 0) pending_ = "[";
        while (record_ < n) {
          if (record_ > 0) pending_ += ',';
          Dump(pending_, info.to_json(d_, record_));
          ++record_;
          if (++used >= budget && record_ < n) return false;
        }
        pending_ += ']';
        value.swap(pending_);
        pending_.clear();
        record_ = 0;
        break;
      }
    }
    // Close the objects the previous leaf was in and this one is not, open the new ones, write the leaf.
    const std::vector<std::string> prev = prev_path_.empty() ? std::vector<std::string>{} : Tokens(prev_path_);
    const std::vector<std::string> cur = Tokens(l.path);
    size_t k = 0;
    while (k + 1 < prev.size() && k + 1 < cur.size() && prev[k] == cur[k]) ++k;
    for (size_t i = prev.empty() ? 0 : prev.size() - 1; i > k; --i) out += '}';
    if (!prev.empty()) out += ',';
    for (size_t i = k; i + 1 < cur.size(); ++i) {
      Dump(out, json(cur[i]));
      out += ":{";
    }
    Dump(out, json(cur.back()));
    out += ':';
    out += value;
    prev_path_ = l.path;
    ++leaf_;
    ++used;
    if (used >= budget && leaf_ < leaves.size()) return false;
  }
  if (leaf_ == leaves.size()) {
    const std::vector<std::string> prev = Tokens(prev_path_);
    for (size_t i = prev.size() - 1; i > 0; --i) out += '}';
    out += '}';
    ++leaf_;
  }
  return true;
}

std::string SaveDataset(const Dataset& d) {
  std::string out;
  SnapshotWriter w(d);
  while (!w.Step(out, static_cast<size_t>(-1) / 2)) {
  }
  return out;
}

}  // namespace zj
