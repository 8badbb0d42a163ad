// Zhengjian core: a flat open-addressing index from record ids to positions, for the rating passes over
// a county-sized dataset (100,000 members, 1,000,000 point entries) where std::unordered_map<std::string>
// costs too much. Internal helper of points.cpp / stars.cpp / branch_rating.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace zj {

/// 64-bit key of an id and whether it is exact: the value of a 16-hex-digit id (IdGenerator's form, exact:
/// equal keys mean equal ids), else FNV-1a of the bytes (not exact: equal keys must be confirmed).
inline uint64_t IdKey(std::string_view id, bool* exact = nullptr) {
  if (id.size() == 16) {
    uint64_t v = 0;
    bool hex = true;
    for (char c : id) {
      unsigned d;
      if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
      else { hex = false; break; }
      v = (v << 4) | d;
    }
    if (hex) {
      if (exact) *exact = true;
      return v;
    }
  }
  if (exact) *exact = false;
  uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

/// Maps ids to indices 0..n-1 of the records they were built from. Two ids with the same key never mix:
/// hex ids are compared by value, others by their full text. Duplicate ids: the first wins.
/// Keeps pointers to the ids: the records must not move while the index is used.
class IdIndex {
 public:
  /// `ids(i)` returns the id of record i, for i in [0, n).
  template <typename GetId>
  IdIndex(size_t n, GetId ids) {
    size_t cap = 16;
    while (cap < n * 2 + 1) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{0, -1, false});
    ids_.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      const std::string& id = ids(i);
      ids_.push_back(&id);
      bool exact = false;
      const uint64_t k = IdKey(id, &exact);
      size_t s = Mix(k) & mask_;
      bool dup = false;
      while (slots_[s].index >= 0) {
        if (Same(slots_[s], k, exact, id)) { dup = true; break; }
        s = (s + 1) & mask_;
      }
      if (!dup) slots_[s] = Slot{k, static_cast<int32_t>(i), exact};
    }
  }
  /// Index of the record with this id, or -1.
  int Find(std::string_view id) const {
    bool exact = false;
    const uint64_t k = IdKey(id, &exact);
    size_t s = Mix(k) & mask_;
    while (slots_[s].index >= 0) {
      if (Same(slots_[s], k, exact, id)) return slots_[s].index;
      s = (s + 1) & mask_;
    }
    return -1;
  }

 private:
  struct Slot {
    uint64_t key;
    int32_t index;
    bool exact;
  };
  bool Same(const Slot& slot, uint64_t k, bool exact, std::string_view id) const {
    if (slot.key != k || slot.exact != exact) return false;
    return exact || *ids_[static_cast<size_t>(slot.index)] == id;  // hex ids: the key is the id
  }
  static size_t Mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return static_cast<size_t>(k);
  }
  std::vector<Slot> slots_;
  std::vector<const std::string*> ids_;
  size_t mask_ = 0;
};

}  // namespace zj
