// Zhengjian core: shared value types (dates, ids, record metadata, problems).
// No UI, no platform: plain C++17. See docs/architecture.md "Layers".
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

/// A date known to the day, or only to the month (a roster's 入党日期 "1996年6月"): rosters exported by member
/// systems often give a month alone, and the product keeps it as such rather than invent a day
/// (core/org/roster_import.h, ParseRosterDateOrMonth). `date` is the day itself, or the first day of the month when `month_only`.
/// Text form `YYYY-MM-DD`, or `YYYY-MM` when month_only. Ordered by `date` (a month sorts as its first day),
/// a month before a day of the same first day. A plain Date converts to a day-precise DateOrMonth.
struct DateOrMonth {
  Date date;
  bool month_only = false;

  DateOrMonth() = default;
  DateOrMonth(Date d) : date(d) {}  // NOLINT(google-explicit-constructor): a Date is a day-precise DateOrMonth
  /// The month y-m (1..12); nullopt outside 1900..2199 or for a month outside 1..12.
  static std::optional<DateOrMonth> OfMonth(int y, int m);
  /// Parses exactly `YYYY-MM-DD` or `YYYY-MM`. nullopt on any other form or an impossible date.
  static std::optional<DateOrMonth> Parse(std::string_view text);
  /// `YYYY-MM-DD`, or `YYYY-MM` when month_only.
  std::string ToString() const;
  int Year() const { return date.Year(); }
  int Month() const { return date.Month(); }
  /// Months since year 0 (y * 12 + m - 1): compares two values at month precision.
  int MonthIndex() const { return date.Year() * 12 + date.Month() - 1; }

  friend bool operator==(const DateOrMonth& a, const DateOrMonth& b) { return a.date == b.date && a.month_only == b.month_only; }
  friend bool operator!=(const DateOrMonth& a, const DateOrMonth& b) { return !(a == b); }
  friend bool operator<(const DateOrMonth& a, const DateOrMonth& b) {
    return a.date != b.date ? a.date < b.date : (a.month_only && !b.month_only);
  }
  friend bool operator>(const DateOrMonth& a, const DateOrMonth& b) { return b < a; }
  friend bool operator<=(const DateOrMonth& a, const DateOrMonth& b) { return !(b < a); }
  friend bool operator>=(const DateOrMonth& a, const DateOrMonth& b) { return !(a < b); }
};

/// True when `a` is surely before `b`: compared to the day when both are days, else at month precision (a join
/// month equal to the birth month is not "before").
inline bool SurelyBefore(const DateOrMonth& a, const DateOrMonth& b) {
  if (a.month_only || b.month_only) return a.MonthIndex() < b.MonthIndex();
  return a.date < b.date;
}

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
  /// 64 random bits (the hash part of a new revision, core/data/tx.h).
  uint64_t NextBits() { return rng_(); }
 private:
  std::mt19937_64 rng_;
};

/// A record's revision (修订号, docs/architecture.md "Records and revisions"): `gen` counts the changes since the
/// record was created (1 = as created), `hash` tells two changes of the same generation apart. Text form
/// "<gen>-<8 lowercase hex>", e.g. "3-0af2c91e". A revision changes only when someone changes the record (a
/// device loading it never does), so comparing revisions, never clocks, tells an edit from an untouched copy.
/// gen = 0 means "no revision yet" (a record read from a document older than schema 3, before migration).
struct Rev {
  uint32_t gen = 0;
  uint32_t hash = 0;
  bool empty() const { return gen == 0; }
  bool operator==(const Rev& o) const { return gen == o.gen && hash == o.hash; }
  bool operator!=(const Rev& o) const { return !(*this == o); }
  /// "3-0af2c91e"; "" when empty.
  std::string ToString() const;
  /// Parses the text form (gen 1..2^32-1, exactly 8 hex digits). nullopt on anything else.
  static std::optional<Rev> Parse(std::string_view text);
};

/// How many earlier revisions a record remembers (RecordMeta::revs): enough for a liaison's edits between two
/// hand-offs; an office revision older than that makes a conflict for a person to resolve, never a silent loss.
constexpr size_t kMaxRevHistory = 32;

/// Metadata every stored record carries (docs/architecture.md "Records and revisions").
struct RecordMeta {
  Id id;                     ///< stable random id, never reused
  TimestampMs created = 0;   ///< when first written (device clock, for people to read; never decides a merge)
  TimestampMs updated = 0;   ///< when last changed (device clock, for people and for choosing a bundle's records)
  std::string device;        ///< id of the device (browser profile) that last wrote it
  Rev rev;                   ///< current revision
  std::vector<Rev> revs;     ///< earlier revisions this one descends from, newest first, at most kMaxRevHistory
  /// True when `r` is this record's revision or one it descends from.
  bool Knows(const Rev& r) const {
    if (r == rev) return true;
    for (const Rev& x : revs)
      if (x == r) return true;
    return false;
  }
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
