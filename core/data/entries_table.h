// Zhengjian core: the point entries (积分记录) of a dataset document as one compact table. A town's year holds
// tens of thousands to ~150,000 entries; written one JSON object each they take ~300 bytes apiece and most of a
// save's and a load's time. The table keeps one column per field, ids referenced through small dictionaries and
// times as differences, ~50 bytes an entry (docs/architecture.md "Storage").
//
// Shape (the value of "/points/entries" in schema 3):
//   { "format": "zj-entries-1",
//     "rows": [ [id, member, item, day, points, created, updated, device, by, rev_gen, "rev_hash", extra?], ... ],
//     "member_ids": [...], "item_ids": [...], "devices": [...], "bys": [...] }
//   id         the record id (string)
//   member     index into member_ids; item: into item_ids; device: into devices; by: into bys (recorded_by, 记录人)
//   day        the civil date as days since 1970-01-01; points: tenths (89.5 points = 895)
//   created    ms since 1970 for the first row, then the difference to the row before; updated: ms after created
//   rev_gen, rev_hash   the revision ("3-0af2c91e" = 3, "0af2c91e"); gen 0 = none
//   extra      only when needed: {"note": text, "evidence": [ids], "revs": ["g-hash", ...]}
// One row per entry, so the table can be written a slice at a time while entries are added or removed (the writer
// keeps its place by the changes: SnapshotWriter::OnChange). A schema-2 document has an array of entry objects
// instead; the reader takes both.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"
#include "core/rate/points.h"

namespace zj {

/// The format tag of the table.
constexpr const char* kEntriesTableFormat = "zj-entries-1";

/// Writes the table in steps, so that a large one never holds the main thread for long (the storage writes
/// snapshots a slice per frame: core/data/snapshot.h). Between steps entries may be added or removed; the caller
/// keeps `Cursor()` right (SnapshotWriter::OnChange).
class EntriesTableWriter {
 public:
  explicit EntriesTableWriter(const std::vector<PointEntry>& entries) : e_(entries) {}
  /// Appends the next rows (about `budget` of them) to `out`. True when the table is complete.
  bool Step(std::string& out, size_t budget);
  /// The index of the next entry to write.
  size_t& Cursor() { return next_; }

 private:
  struct Dict {
    std::vector<std::string> values;
    std::unordered_map<std::string, uint32_t> index;
    uint32_t Of(const std::string& v);
  };
  const std::vector<PointEntry>& e_;
  bool started_ = false, done_ = false;
  size_t next_ = 0;  // next entry to write
  size_t rows_ = 0;  // rows written
  int64_t prev_created_ = 0;
  Dict members_, items_, devices_, bys_;
};

/// The whole table of `entries` appended to `out` (all steps at once).
void WriteEntriesTable(const std::vector<PointEntry>& entries, std::string& out);

/// Reads a table written by WriteEntriesTable at JSON pointer `path`. A table whose columns do not match its
/// count, or that is not an object of this format, is refused whole (one problem, nothing read); a bad single
/// entry (an index out of its dictionary, an impossible date or id) is skipped and reported with its index.
std::vector<PointEntry> ReadEntriesTable(JsonReader& r, const nlohmann::json& table, const std::string& path);

}  // namespace zj
