#include "core/data/workspace.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <utility>

#include "core/data/collections.h"

namespace zj {

namespace {
bool g_verify = false;

TimestampMs NewestStamp(const Dataset& d) {
  TimestampMs t = 0;
  ForEachCollection([&](const CollectionInfo& info) {
    const size_t n = info.size(d);
    for (size_t i = 0; i < n; ++i) t = std::max(t, info.meta(d, i).updated);
  });
  return t;
}
}  // namespace

void Workspace::SetVerifyChanges(bool on) { g_verify = on; }

Workspace::Workspace(Dataset d, uint64_t id_seed, std::string device, size_t undo_depth)
    : data_(std::move(d)), ids_(id_seed), device_(std::move(device)), undo_depth_(undo_depth) {
  AssignMissingRevisions(data_);  // datasets made in code (tests, a new town) get theirs here
  last_stamp_ = NewestStamp(data_);
  data_.device_id = device_;
  RegisterBuiltinCommands(*this);
}

void Workspace::Register(const std::string& name, TxHandler handler) { handlers_[name] = std::move(handler); }

void Workspace::Note(const ChangeSet& cs, const std::string& why, bool forward) {
  for (const RecordChange& c : cs.records) dirty_.records.emplace(static_cast<int>(c.coll), c.id);
  for (const SettingChange& s : cs.settings) dirty_.settings.insert(static_cast<int>(s.setting));
  dirty_.commands.push_back(why);
  ++revision_;
  if (observer_) observer_(cs, forward);
}

void Workspace::Push(std::deque<Step>& stack, Step s) {
  stack.push_back(std::move(s));
  if (stack.size() > undo_depth_) stack.pop_front();
}

ApplyResult Workspace::Apply(const Command& cmd, TimestampMs now) {
  ApplyResult r;
  auto h = handlers_.find(cmd.name);
  if (h == handlers_.end()) {
    r.problem = {cmd.name, "未知的操作：" + cmd.name, "unknown command: " + cmd.name};
    return r;
  }
  // Stamps never go backwards on this device, even when its clock does (bundles choose records by them).
  now = std::max(now, last_stamp_);
  const std::string before_text = g_verify ? SaveDataset(data_) : std::string();
  Tx tx(data_, ids_, now, device_);
  std::optional<Problem> problem;
  try {
    problem = h->second(cmd.args, tx);
  } catch (const std::exception& e) {
    problem = Problem{"", std::string("内部错误，操作未执行：") + e.what(), std::string("internal error, nothing changed: ") + e.what()};
  }
  if (problem) {
    tx.Rollback();
    r.problem = *problem;
    if (g_verify && SaveDataset(data_) != before_text) {
      std::fprintf(stderr, "Workspace: the refused command %s left changes behind\n", cmd.name.c_str());
      std::abort();
    }
    return r;
  }
  ChangeSet cs = tx.Commit();
  r.ok = true;
  r.created_id = tx.created_id;
  if (cs.empty()) {
    r.unchanged = true;
    return r;
  }
  last_stamp_ = now;
  if (g_verify) {
    const std::string after_text = SaveDataset(data_);
    RevertChanges(data_, cs);
    if (SaveDataset(data_) != before_text) {
      std::fprintf(stderr, "Workspace: undo of %s does not restore the dataset (a change outside its Tx?)\n",
                   cmd.name.c_str());
      std::abort();
    }
    ReapplyChanges(data_, cs);
    if (SaveDataset(data_) != after_text) {
      std::fprintf(stderr, "Workspace: redo of %s does not reproduce the dataset\n", cmd.name.c_str());
      std::abort();
    }
  }
  audit_.push_back({now, device_, cmd.name, tx.audit_args ? *tx.audit_args : cmd.args});
  Note(cs, cmd.name, true);
  Push(undo_, Step{cmd.name, std::move(cs), nullptr});
  redo_.clear();
  return r;
}

bool Workspace::Undo(TimestampMs now) {
  if (undo_.empty()) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  if (s.other) {
    std::swap(data_, *s.other);
    dirty_.reset = true;
    dirty_.commands.push_back("undo:" + s.name);
    ++revision_;
  } else {
    RevertChanges(data_, s.changes);
    Note(s.changes, "undo:" + s.name, false);
  }
  audit_.push_back({now, device_, "undo:" + s.name, nullptr});
  Push(redo_, std::move(s));
  return true;
}

bool Workspace::Redo(TimestampMs now) {
  if (redo_.empty()) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  if (s.other) {
    std::swap(data_, *s.other);
    dirty_.reset = true;
    dirty_.commands.push_back("redo:" + s.name);
    ++revision_;
  } else {
    ReapplyChanges(data_, s.changes);
    Note(s.changes, "redo:" + s.name, true);
  }
  audit_.push_back({now, device_, "redo:" + s.name, nullptr});
  undo_.push_back(std::move(s));
  return true;
}

void Workspace::UpdateSealing(const std::function<void(std::vector<Talk>&)>& fn) {
  std::vector<std::optional<SealedBox>> before;
  before.reserve(data_.campaign.talks.size());
  for (const Talk& t : data_.campaign.talks) before.push_back(t.sealed);
  fn(data_.campaign.talks);
  bool any = false;
  for (size_t i = 0; i < data_.campaign.talks.size(); ++i) {
    const Talk& t = data_.campaign.talks[i];
    if (i >= before.size() || !(before[i] == t.sealed)) {
      dirty_.records.emplace(static_cast<int>(Coll::Talks), t.meta.id);
      any = true;
    }
  }
  if (any) ++revision_;
}

void Workspace::ForgetReadableHistory() {
  undo_.clear();
  redo_.clear();
  for (AuditEntry& e : audit_)
    if (e.command == "talk.record" && e.args.is_object()) e.args = {{"id", e.args.value("id", std::string())}};
}

void Workspace::Adopt(const std::function<void(Dataset&)>& fn) {
  fn(data_);
  undo_.clear();
  redo_.clear();
  last_stamp_ = std::max(last_stamp_, NewestStamp(data_));
  ++revision_;
}

void Workspace::Replace(Dataset d, const std::string& why, TimestampMs now) {
  auto before = std::make_shared<Dataset>(std::move(data_));
  data_ = std::move(d);
  Push(undo_, Step{why, {}, std::move(before)});
  redo_.clear();
  audit_.push_back({now, device_, why, nullptr});
  dirty_.reset = true;
  dirty_.commands.push_back(why);
  last_stamp_ = std::max(last_stamp_, NewestStamp(data_));
  ++revision_;
}

Dirty Workspace::TakeDirty() {
  Dirty out = std::move(dirty_);
  dirty_ = Dirty{};
  return out;
}

}  // namespace zj
