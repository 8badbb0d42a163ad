// Zhengjian core: shared value types (dates, ids, record metadata, problems).
// No UI, no platform: plain C++17. See DESIGN.md "Core ideas that carry the rest".
#pragma once
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

/// A civil date (公历日期) without time zone, stored as days since 1970-01-01.
/// Text form is always `YYYY-MM-DD`. Valid range: years 1900..2199.
struct Date {
  int32_t days = 0;  ///< days since 1970-01-01 (may be negative)

  /// Builds a date from year, month (1-12), day (1-31). Returns nullopt for impossible dates (2018-02-30).
  static std::optional<Date> FromYmd(int y, int m, int d);
  /// Parses exactly `YYYY-MM-DD`. Returns nullopt on any other form or an impossible date.
  static std::optional<Date> Parse(std::string_view text);
  /// `YYYY-MM-DD`.
  std::string ToString() const;
  int Year() const;
  int Month() const;   ///< 1..12
  int Day() const;     ///< 1..31
  /// ISO weekday: 1 = Monday ... 7 = Sunday.
  int Weekday() const;
  bool IsWeekend() const { return Weekday() >= 6; }
  /// Last day of the given month (e.g. 2018-03 -> 2018-03-31).
  static Date EndOfMonth(int y, int m);

  Date operator+(int n) const { return Date{days + n}; }
  Date operator-(int n) const { return Date{days - n}; }
  int operator-(Date o) const { return days - o.days; }  ///< difference in days
  bool operator==(Date o) const { return days == o.days; }
  bool operator!=(Date o) const { return days != o.days; }
  bool operator<(Date o) const { return days < o.days; }
  bool operator<=(Date o) const { return days <= o.days; }
  bool operator>(Date o) const { return days > o.days; }
  bool operator>=(Date o) const { return days >= o.days; }
};

/// Milliseconds since 1970-01-01T00:00:00Z (UTC). Used for created/updated times of records.
using TimestampMs = int64_t;
/// Formats a timestamp as ISO 8601 UTC, e.g. `2018-03-23T01:02:03.004Z`.
std::string FormatTimestamp(TimestampMs t);
/// Parses the form written by FormatTimestamp (milliseconds optional). nullopt on anything else.
std::optional<TimestampMs> ParseTimestamp(std::string_view text);

/// A stable random record id: 16 lowercase hex characters (64 random bits).
using Id = std::string;

/// Source of randomness and time for the core, injectable so tests are deterministic.
/// The shell seeds it from the platform (crypto.getRandomValues, Date.now()).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimestampMs Now() const = 0;
  virtual Date Today() const = 0;
};

/// Generates ids: 16 hex characters from a 64-bit Mersenne Twister seeded once.
class IdGenerator {
 public:
  explicit IdGenerator(uint64_t seed) : rng_(seed) {}
  Id Next();
 private:
  std::mt19937_64 rng_;
};

/// Metadata every stored record carries (DESIGN.md "Stable ids and revisions").
struct RecordMeta {
  Id id;                     ///< stable random id, never reused
  TimestampMs created = 0;   ///< when first written
  TimestampMs updated = 0;   ///< when last changed; newer wins on merge
  std::string device;        ///< id of the device (browser profile) that last wrote it
};

/// Position of the record with `id` in `records` (any record type with a `RecordMeta meta`), or -1.
/// Linear: for the per-command lookups of a town's records; bulk passes build an index (id_index.h).
template <class Record>
int IndexOfId(const std::vector<Record>& records, const Id& id) {
  for (size_t i = 0; i < records.size(); ++i)
    if (records[i].meta.id == id) return static_cast<int>(i);
  return -1;
}

/// One problem found while reading input: where (a JSON path such as `/members/3/birth_date`,
/// or `row 12, column 出生日期`) and what, in Chinese first with an English rendering.
struct Problem {
  std::string path;
  std::string message_zh;
  std::string message_en;
};
using Problems = std::vector<Problem>;

}  // namespace zj
