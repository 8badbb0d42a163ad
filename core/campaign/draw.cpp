#include "core/campaign/draw.h"

#include <algorithm>

namespace zj {

uint64_t Fnv1a64(std::string_view text, uint64_t h) {
  for (unsigned char b : text) {
    h ^= b;
    h *= 0x100000001b3ull;
  }
  return h;
}

uint64_t SplitMix64::Next() {
  s_ += 0x9E3779B97F4A7C15ull;
  uint64_t z = s_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t SplitMix64::Below(uint64_t m) {
  if (m <= 1) return 0;
  // limit = 2^64 - (2^64 mod m); (2^64 mod m) == (0 - m) mod m in unsigned arithmetic.
  const uint64_t rem = (0 - m) % m;
  for (;;) {
    const uint64_t r = Next();
    if (rem == 0 || r < 0 - rem) return r % m;  // 0 - rem == 2^64 - rem (rem > 0)
  }
}

void SortCandidates(std::vector<DrawCandidate>& c) {
  std::sort(c.begin(), c.end(), [](const DrawCandidate& a, const DrawCandidate& b) {
    if (a.name != b.name) return a.name < b.name;  // std::string compares bytes as unsigned char
    return a.id < b.id;
  });
}

std::string NormalizeSeed(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string SeedFromDateAndNumber(Date d, std::string_view number) {
  return d.ToString() + "#" + NormalizeSeed(number);
}

std::vector<size_t> DrawIndices(std::string_view seed, const std::vector<DrawCandidate>& ordered, size_t k) {
  std::string text = NormalizeSeed(seed);
  text += '\n';
  for (const auto& c : ordered) {
    text += c.name;
    text += '\n';
  }
  SplitMix64 rng(Fnv1a64(text));
  std::vector<size_t> left(ordered.size());
  for (size_t i = 0; i < left.size(); ++i) left[i] = i;
  std::vector<size_t> out;
  const size_t n = std::min(k, ordered.size());
  for (size_t i = 0; i < n; ++i) {
    const size_t at = static_cast<size_t>(rng.Below(left.size()));
    out.push_back(left[at]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(at));
  }
  return out;
}

std::optional<DrawRecord> MakeDraw(std::string_view seed, std::vector<DrawCandidate> eligible,
                                   const Id& preselected_id, TimestampMs now, Problems& problems,
                                   const std::string& path, size_t k) {
  DrawRecord r;
  r.seed = NormalizeSeed(seed);
  if (r.seed.empty()) {
    problems.push_back({path + "/seed", "抽签种子为空：请填写现场见证的数字", "the draw seed is empty: enter the witnessed digits"});
    return std::nullopt;
  }
  eligible.erase(std::remove_if(eligible.begin(), eligible.end(),
                                [&](const DrawCandidate& c) { return c.id == preselected_id; }),
                 eligible.end());
  SortCandidates(eligible);
  if (eligible.size() < k)
    problems.push_back({path + "/candidates",
                        "候选只有 " + std::to_string(eligible.size()) + " 个，少于 " + std::to_string(k) + " 个，全部入选",
                        "only " + std::to_string(eligible.size()) + " candidates, fewer than " + std::to_string(k) +
                            ": all are taken"});
  r.preselected_id = preselected_id;
  r.candidates = std::move(eligible);
  for (size_t i : DrawIndices(r.seed, r.candidates, k)) r.picked_ids.push_back(r.candidates[i].id);
  r.drawn_at = now;
  return r;
}

bool VerifyDraw(const DrawRecord& r) {
  if (r.algorithm != kDrawAlgorithm) return false;
  auto sorted = r.candidates;
  SortCandidates(sorted);
  for (size_t i = 0; i < sorted.size(); ++i)
    if (sorted[i].id != r.candidates[i].id || sorted[i].name != r.candidates[i].name) return false;
  for (const auto& c : r.candidates)
    if (c.id == r.preselected_id) return false;
  std::vector<Id> again;
  for (size_t i : DrawIndices(r.seed, r.candidates, r.picked_ids.size())) again.push_back(r.candidates[i].id);
  return again == r.picked_ids && r.picked_ids.size() == std::min<size_t>(2, r.candidates.size());
}

std::string DescribeDraw(const DrawRecord& r) {
  std::string s = "抽签记录 (算法 " + r.algorithm + ")\n种子: " + r.seed + "\n候选 (固定顺序):\n";
  for (size_t i = 0; i < r.candidates.size(); ++i)
    s += "  " + std::to_string(i + 1) + ". " + r.candidates[i].name + "\n";
  s += "抽中: ";
  for (size_t k = 0; k < r.picked_ids.size(); ++k) {
    if (k) s += "; ";
    bool found = false;
    for (size_t i = 0; i < r.candidates.size() && !found; ++i)
      if (r.candidates[i].id == r.picked_ids[k]) {
        s += std::to_string(i + 1) + ". " + r.candidates[i].name;
        found = true;
      }
    if (!found) s += r.picked_ids[k];
  }
  s += "\n时间: " + FormatTimestamp(r.drawn_at) + "\n";
  return s;
}

}  // namespace zj
