#include "core/data/workspace.h"

#include <utility>

#include "core/exchange/bundle.h"

namespace zj {

Workspace::Workspace(Dataset d, uint64_t id_seed, std::string device, size_t undo_depth)
    : data_(std::move(d)), ids_(id_seed), device_(std::move(device)), undo_depth_(undo_depth) {
  RegisterBuiltinCommands(*this);
}

void Workspace::Register(const std::string& name, CommandHandler handler) { handlers_[name] = std::move(handler); }

ApplyResult Workspace::Apply(const Command& cmd, TimestampMs now) {
  ApplyResult r;
  auto h = handlers_.find(cmd.name);
  if (h == handlers_.end()) {
    r.problem = {cmd.name, "未知的操作：" + cmd.name, "unknown command: " + cmd.name};
    return r;
  }
  Dataset before = data_;
  CommandContext ctx{ids_, now, device_, {}, std::nullopt};
  if (auto problem = h->second(data_, cmd.args, ctx)) {
    data_ = std::move(before);  // a failed command changes nothing
    r.problem = *problem;
    return r;
  }
  data_.device_id = device_;
  // Issue 7: tombstones, so liaison bundles carry deletions (bundle.h). Only commands named "*.remove" remove
  // records (the naming rule of every commands_*.cpp); comparing whole datasets after every command would cost
  // ~150 ms on the demo town.
  if (cmd.name.size() > 7 && cmd.name.compare(cmd.name.size() - 7, 7, ".remove") == 0)
    NoteRemovedRecords(before, data_, device_, now);
  undo_.push_back({cmd.name, std::move(before)});
  if (undo_.size() > undo_depth_) undo_.pop_front();
  redo_.clear();
  audit_.push_back({now, device_, cmd.name, ctx.audit_args ? *ctx.audit_args : cmd.args});
  ++revision_;
  r.ok = true;
  r.created_id = ctx.created_id;
  return r;
}

bool Workspace::Undo(TimestampMs now) {
  if (undo_.empty()) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({s.name, std::move(data_)});
  data_ = std::move(s.before);
  audit_.push_back({now, device_, "undo:" + s.name, nullptr});
  ++revision_;
  return true;
}

bool Workspace::Redo(TimestampMs now) {
  if (redo_.empty()) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({s.name, std::move(data_)});
  data_ = std::move(s.before);
  audit_.push_back({now, device_, "redo:" + s.name, nullptr});
  ++revision_;
  return true;
}

void Workspace::ForgetReadableHistory() {
  undo_.clear();
  redo_.clear();
  for (AuditEntry& e : audit_)
    if (e.command == "talk.record" && e.args.is_object()) e.args = {{"id", e.args.value("id", std::string())}};
}

void Workspace::Replace(Dataset d, const std::string& why, TimestampMs now) {
  undo_.push_back({why, std::move(data_)});
  if (undo_.size() > undo_depth_) undo_.pop_front();
  redo_.clear();
  data_ = std::move(d);
  audit_.push_back({now, device_, why, nullptr});
  ++revision_;
}

}  // namespace zj
