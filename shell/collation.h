// Zhengjian shell: sorting names as Chinese readers expect (拼音顺序: 阿 < 白 < 陈 < 张), through the
// browser's collation (platform::CollationRanks), cached so a table of thousands of rows sorts per frame
// by integer compares only.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "shell/platform.h"

namespace zj::ui {

/// FNV-1a hash of `count` texts `text(i)` and their ends: tells the caches below that a list changed.
template <typename TextOf>
uint64_t HashTexts(size_t count, TextOf&& text) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < count; ++i) {
    for (unsigned char c : static_cast<const std::string&>(text(i))) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xffu) * 1099511628211ull;
  }
  return h;
}

/// Collation ranks of one list of texts (e.g. every member's name), kept until the texts change.
/// Usage: a member of the screen's state (shell/screens/screen_state.h), then
/// `const auto& r = s.names.Get(app.data_version(), org.members.size(),
/// [&](size_t i) -> const std::string& { return org.members[i].name; });` and sort rows by r[i].
/// When `stamp` (the app's data version) is unchanged, Get returns the cached ranks without reading a
/// text; when it changed, the texts are hashed (linear, cheap) and the browser asked again only if they
/// differ — recording points does not re-sort the names.
class PinyinRanks {
 public:
  /// Ranks of texts 0..count-1 (`text(i)` gives text i); ranks[i] as in platform::CollationRanks.
  template <typename TextOf>
  const std::vector<int32_t>& Get(uint64_t stamp, size_t count, TextOf&& text) {
    if (valid_ && stamp == stamp_ && count == ranks_.size()) return ranks_;
    const uint64_t h = HashTexts(count, text);
    if (!valid_ || h != hash_ || count != ranks_.size()) {
      std::vector<std::string> texts;
      texts.reserve(count);
      for (size_t i = 0; i < count; ++i) texts.push_back(text(i));
      ranks_ = platform::CollationRanks(texts);
      hash_ = h;
    }
    stamp_ = stamp;
    valid_ = true;
    return ranks_;
  }

 private:
  bool valid_ = false;
  uint64_t stamp_ = 0, hash_ = 0;
  std::vector<int32_t> ranks_;
};

/// Pinyin initials (platform::PinyinInitials) of one list of texts, kept until the texts change: each call
/// hashes the texts (FNV-1a, a few microseconds for a town's roster) and asks the browser again only when the
/// hash or the count changed, so typing in a filter, re-sorting or switching lists never reads stale initials.
class PinyinInitialsCache {
 public:
  /// `text(i)` for i in [0, count): the texts (UTF-8). Returns one initials text per entry ("zw" for 张伟).
  template <typename TextOf>
  const std::vector<std::string>& Get(size_t count, TextOf&& text) {
    const uint64_t h = HashTexts(count, text);
    if (!valid_ || h != hash_ || count != initials_.size()) {
      std::vector<std::string> texts;
      texts.reserve(count);
      for (size_t i = 0; i < count; ++i) texts.push_back(text(i));
      initials_ = platform::PinyinInitials(texts);
      hash_ = h;
      valid_ = true;
    }
    return initials_;
  }

 private:
  bool valid_ = false;
  uint64_t hash_ = 0;
  std::vector<std::string> initials_;
};

/// Whether a person named `name` (pinyin initials `initials`) is found by what the user typed in a filter:
/// the name contains `filter`, or, for Latin letters typed ("zw", "ZW"), the initials contain them (alternative
/// readings of a text's initials are separated by '|', as "tzj|qzj" for 覃志军, so either reading matches).
/// An empty filter (or only spaces) finds everyone.
inline bool PersonMatches(const std::string& name, const std::string& initials, const std::string& filter) {
  size_t a = filter.find_first_not_of(' '), b = filter.find_last_not_of(' ');
  if (a == std::string::npos) return true;
  const std::string f = filter.substr(a, b - a + 1);
  if (name.find(f) != std::string::npos) return true;
  std::string lower;
  for (char c : f) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return initials.find(lower) != std::string::npos;
}

/// Ranks of a small list computed now (no cache): for lists of a few dozen names (lecturers, a branch's
/// reserve candidates) drawn once per frame. Prefer PinyinRanks for anything that can reach thousands.
inline std::vector<int32_t> RanksNow(const std::vector<std::string>& texts) { return platform::CollationRanks(texts); }

/// Sorts `rows` (indices into the ranked list) by rank, ascending or descending, stable for equal ranks.
inline void SortByRank(std::vector<int>& rows, const std::vector<int32_t>& ranks, bool descending = false) {
  std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
    const int32_t x = ranks[static_cast<size_t>(a)], y = ranks[static_cast<size_t>(b)];
    return descending ? y < x : x < y;
  });
}

}  // namespace zj::ui
