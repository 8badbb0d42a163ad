#include "core/data/entries_table.h"

#include <charconv>

namespace zj {
using nlohmann::json;

namespace {

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, end);
}
void AppendHex8(std::string& out, uint32_t v) {
  static const char* kHex = "0123456789abcdef";
  char buf[8];
  for (int i = 7; i >= 0; --i, v >>= 4) buf[i] = kHex[v & 15];
  out.append(buf, 8);
}
void AppendString(std::string& out, const std::string& s) {
  out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

uint32_t EntriesTableWriter::Dict::Of(const std::string& v) {
  auto [it, fresh] = index.emplace(v, static_cast<uint32_t>(values.size()));
  if (fresh) values.push_back(v);
  return it->second;
}

bool EntriesTableWriter::Step(std::string& out, size_t budget) {
  if (done_) return true;
  if (!started_) {
    out += "{\"format\":\"";
    out += kEntriesTableFormat;
    out += "\",\"rows\":[";
    started_ = true;
  }
  const size_t end = std::min(e_.size(), next_ + std::max<size_t>(budget, 1));
  for (; next_ < end; ++next_) {
    const PointEntry& x = e_[next_];
    if (rows_++ > 0) out += ',';
    out += '[';
    AppendString(out, x.meta.id);
    out += ',';
    AppendInt(out, members_.Of(x.member_id));
    out += ',';
    AppendInt(out, items_.Of(x.item_id));
    out += ',';
    AppendInt(out, x.date.days);
    out += ',';
    AppendInt(out, x.points);
    out += ',';
    AppendInt(out, rows_ == 1 ? x.meta.created : x.meta.created - prev_created_);
    prev_created_ = x.meta.created;
    out += ',';
    AppendInt(out, x.meta.updated - x.meta.created);
    out += ',';
    AppendInt(out, devices_.Of(x.meta.device));
    out += ',';
    AppendInt(out, bys_.Of(x.recorded_by));
    out += ',';
    AppendInt(out, x.meta.rev.gen);
    out += ",\"";
    AppendHex8(out, x.meta.rev.hash);
    out += '"';
    if (!x.note.empty() || !x.evidence_ids.empty() || !x.meta.revs.empty()) {
      json extra = json::object();
      if (!x.note.empty()) extra["note"] = x.note;
      if (!x.evidence_ids.empty()) extra["evidence"] = x.evidence_ids;
      if (!x.meta.revs.empty()) {
        json revs = json::array();
        for (const Rev& r : x.meta.revs) revs.push_back(r.ToString());
        extra["revs"] = std::move(revs);
      }
      out += ',';
      out += extra.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    out += ']';
  }
  if (next_ < e_.size()) return false;
  auto dict = [&](const char* key, const Dict& d) {
    out += ",\"";
    out += key;
    out += "\":[";
    for (size_t k = 0; k < d.values.size(); ++k) {
      if (k) out += ',';
      AppendString(out, d.values[k]);
    }
    out += ']';
  };
  out += ']';
  dict("member_ids", members_);
  dict("item_ids", items_);
  dict("devices", devices_);
  dict("bys", bys_);
  out += '}';
  done_ = true;
  return true;
}

void WriteEntriesTable(const std::vector<PointEntry>& entries, std::string& out) {
  EntriesTableWriter w(entries);
  while (!w.Step(out, static_cast<size_t>(-1) / 2)) {
  }
}

std::vector<PointEntry> ReadEntriesTable(JsonReader& r, const json& t, const std::string& path) {
  auto refuse = [&](const std::string& why_zh, const std::string& why_en) {
    r.Bad(path, "积分记录表无法读取：" + why_zh, "the point entries table cannot be read: " + why_en);
    return std::vector<PointEntry>{};
  };
  if (!t.is_object()) return refuse("应为对象", "expected an object");
  if (!t.contains("format") || t["format"] != kEntriesTableFormat)
    return refuse("格式标记不是 " + std::string(kEntriesTableFormat), std::string("format is not ") + kEntriesTableFormat);
  auto dict = [&](const char* key) -> const json* {
    auto it = t.find(key);
    if (it == t.end() || !it->is_array()) return nullptr;
    for (const json& v : *it)
      if (!v.is_string()) return nullptr;
    return &*it;
  };
  auto rows_it = t.find("rows");
  const json *member_ids = dict("member_ids"), *item_ids = dict("item_ids"), *devices = dict("devices"),
             *bys = dict("bys");
  if (rows_it == t.end() || !rows_it->is_array() || !member_ids || !item_ids || !devices || !bys)
    return refuse("缺少行或字典", "rows or a dictionary is missing");
  const json& rows = *rows_it;
  auto index = [](const json& v, size_t size) -> int64_t {
    if (!v.is_number_integer()) return -1;
    const int64_t k = v.get<int64_t>();
    return k >= 0 && static_cast<size_t>(k) < size ? k : -1;
  };
  std::vector<PointEntry> out;
  out.reserve(rows.size());
  int64_t prev = 0;
  int skipped = 0;
  std::string first_bad;
  for (size_t i = 0; i < rows.size(); ++i) {
    const json& row = rows[i];
    bool good = row.is_array() && row.size() >= 11 && row.size() <= 12 && row[0].is_string();
    PointEntry x;
    if (good) {
      for (size_t k = 1; k <= 9; ++k) good = good && row[k].is_number_integer();
      good = good && row[10].is_string() && row[10].get_ref<const std::string&>().size() == 8;
    }
    if (good) {
      const int64_t m = index(row[1], member_ids->size()), it = index(row[2], item_ids->size()),
                    dv = index(row[7], devices->size()), b = index(row[8], bys->size());
      const int64_t days = row[3].get<int64_t>(), pts = row[4].get<int64_t>(), gen = row[9].get<int64_t>();
      // Times are stored as deltas; a sum past int64 (a damaged or hostile table) is refused, not wrapped.
      if (i == 0) prev = row[5].get<int64_t>();
      else if (__builtin_add_overflow(prev, row[5].get<int64_t>(), &prev)) good = false;
      x.meta.id = row[0].get<std::string>();
      good = good && !x.meta.id.empty() && m >= 0 && it >= 0 && dv >= 0 && b >= 0 && days >= -25567 && days <= 84000 &&
             pts >= -1000000 && pts <= 1000000 && gen >= 0 && gen <= 0xFFFFFFFFll;
      if (good) {
        x.member_id = (*member_ids)[static_cast<size_t>(m)].get<std::string>();
        x.item_id = (*item_ids)[static_cast<size_t>(it)].get<std::string>();
        x.date = Date{static_cast<int32_t>(days)};
        x.points = static_cast<Tenths>(pts);
        x.meta.created = prev;
        if (__builtin_add_overflow(prev, row[6].get<int64_t>(), &x.meta.updated)) good = false;
        x.meta.device = (*devices)[static_cast<size_t>(dv)].get<std::string>();
        x.recorded_by = (*bys)[static_cast<size_t>(b)].get<std::string>();
        if (gen > 0) {
          auto rev = Rev::Parse(std::to_string(gen) + "-" + row[10].get<std::string>());
          if (rev) x.meta.rev = *rev;
          else good = false;
        }
      }
      if (good && row.size() == 12) {
        const json& extra = row[11];
        if (!extra.is_object()) {
          good = false;
        } else {
          if (auto f = extra.find("note"); f != extra.end() && f->is_string()) x.note = f->get<std::string>();
          if (auto f = extra.find("evidence"); f != extra.end() && f->is_array())
            for (const json& v : *f)
              if (v.is_string()) x.evidence_ids.push_back(v.get<std::string>());
          if (auto f = extra.find("revs"); f != extra.end() && f->is_array())
            for (const json& v : *f)
              if (v.is_string() && x.meta.revs.size() < kMaxRevHistory)
                if (auto rv = Rev::Parse(v.get_ref<const std::string&>())) x.meta.revs.push_back(*rv);
        }
      }
    }
    if (!good) {
      if (skipped++ == 0) first_bad = std::to_string(i);
      continue;
    }
    out.push_back(std::move(x));
  }
  if (skipped)
    r.Bad(path + "/rows/" + first_bad,
          "积分记录表中有 " + std::to_string(skipped) + " 条记录无法读取（第一条：第 " + first_bad + " 行），已跳过",
          std::to_string(skipped) + " entries of the table cannot be read (first: row " + first_bad + "); skipped");
  return out;
}

}  // namespace zj
