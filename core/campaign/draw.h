// Zhengjian core: the auditable on-the-spot draw (现场随机抽取) of the sites to visit.
// docs/domain.md "The four strands"; notice 四(二)一 and 四(二)二: "另外活动现场随机抽取2个村(支部)为参观点".
//
// The draw is a pure function of a seed text people at the meeting witness and the candidates shown in
// a fixed order, so anyone can re-run it by hand or with the short script below.
//
// Algorithm "zj-draw-v1" (all arithmetic modulo 2^64 on unsigned 64-bit integers):
//  1. Candidates: every eligible site except the pre-chosen one, sorted by name (byte order of the
//     UTF-8 text), ties by id. They are shown numbered 1..n in that order.
//  2. Seed text: what was witnessed, with leading/trailing spaces removed (e.g. digits read out by a
//     member, or "2018-03-28#4711" from SeedFromDateAndNumber).
//  3. h = FNV-1a-64 over the UTF-8 bytes of   seed + "\n" + name_1 + "\n" + ... + name_n + "\n"
//     (offset basis 0xcbf29ce484222325, prime 0x100000001b3: for each byte b, h = (h XOR b) * prime).
//  4. SplitMix64 from state s = h: next(): s += 0x9E3779B97F4A7C15; z = s;
//     z = (z XOR (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z XOR (z >> 27)) * 0x94D049BB133111EB; return z XOR (z >> 31).
//  5. k times (k = 2, or n if n < 2): with m = number of names left, limit = 2^64 - (2^64 mod m);
//     r = next() until r < limit (rejection, so every index is exactly equally likely);
//     take the name at 0-based index r mod m out of the list: that is the next pick.
//
// The same in Python 3 (prints the picks):
//   def draw(seed, names, k=2):
//       M = 2**64; h = 0xcbf29ce484222325
//       for b in (seed.strip() + "\n" + "".join(n + "\n" for n in names)).encode():
//           h = ((h ^ b) * 0x100000001b3) % M
//       s = h; left = list(names); out = []
//       def nxt():
//           nonlocal s
//           s = (s + 0x9E3779B97F4A7C15) % M; z = s
//           z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % M
//           z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % M
//           return z ^ (z >> 31)
//       for _ in range(min(k, len(left))):
//           m = len(left); lim = M - M % m; r = nxt()
//           while r >= lim: r = nxt()
//           out.append(left.pop(r % m))
//       return out
// (Note: Python's str.strip() removes more than ASCII spaces; seeds are digits, so this does not matter.)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace zj {

/// Name of the algorithm above, stored in each DrawRecord so a later version can still verify old draws.
constexpr const char* kDrawAlgorithm = "zj-draw-v1";

/// FNV-1a, 64-bit, over the bytes of `text` (step 3 above).
uint64_t Fnv1a64(std::string_view text, uint64_t h = 0xcbf29ce484222325ull);

/// SplitMix64 generator (step 4 above).
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t state) : s_(state) {}
  uint64_t Next();
  /// Uniform integer in [0, m) by rejection (step 5); m >= 1.
  uint64_t Below(uint64_t m);
 private:
  uint64_t s_;
};

/// One candidate site of a draw (a branch: village or town unit).
struct DrawCandidate {
  Id id;             ///< Branch id
  std::string name;  ///< Branch name as shown to the meeting
};

/// Sorts candidates into the fixed order of step 1 (name byte order, then id).
void SortCandidates(std::vector<DrawCandidate>& c);

/// Trims ASCII spaces, tabs, CR and LF at both ends (step 2).
std::string NormalizeSeed(std::string_view seed);
/// A seed from the meeting date plus a number people witnessed: "YYYY-MM-DD#<number>", number trimmed.
std::string SeedFromDateAndNumber(Date d, std::string_view number);

/// Indices (into `ordered`, which must already be in the fixed order) of the picks for `seed`:
/// min(k, n) distinct indices, in draw order. Pure: same seed and candidates -> same result.
std::vector<size_t> DrawIndices(std::string_view seed, const std::vector<DrawCandidate>& ordered, size_t k = 2);

/// What the meeting record keeps of a draw (抽签记录): the seed, the candidates in the order shown, the
/// pre-chosen site (never a candidate), the picks, when, and the algorithm.
struct DrawRecord {
  std::string algorithm = kDrawAlgorithm;
  std::string seed;                       ///< normalized seed text
  Id preselected_id;                      ///< the pre-chosen standout site (参观点, 预先确定)
  std::vector<DrawCandidate> candidates;  ///< in the fixed order of step 1
  std::vector<Id> picked_ids;             ///< in draw order
  TimestampMs drawn_at = 0;               ///< when the draw was made (UTC ms)
};

/// Makes a draw: removes `preselected_id` from `eligible`, sorts the rest (step 1), draws `k` (default 2).
/// Errors: an empty seed after trimming returns nullopt with a problem at `path` (zh + en); fewer than
/// k candidates draws all of them (the record shows it) and adds a warning problem.
std::optional<DrawRecord> MakeDraw(std::string_view seed, std::vector<DrawCandidate> eligible,
                                   const Id& preselected_id, TimestampMs now, Problems& problems,
                                   const std::string& path = "/draw", size_t k = 2);

/// Re-runs a stored draw from its seed and candidates; true when it gives exactly the recorded picks
/// (min(2, n) of them), the candidates are in the fixed order and do not include the pre-chosen site, and the
/// algorithm is kDrawAlgorithm.
bool VerifyDraw(const DrawRecord& r);

/// The draw as text for the screen, the printed record and the liaison's trace file (痕迹), in Chinese:
///   抽签记录 (算法 zj-draw-v1)
///   种子: 2018-03-28#4711
///   候选 (固定顺序):
///     1. 东湖村党支部
///     ...
///   抽中: 2. 中洲村党支部; 4. 南岭社区党支部
///   时间: 2018-03-28T02:00:00.000Z
/// Lines end with "\n". Names come from the record itself, so the text is complete on its own.
std::string DescribeDraw(const DrawRecord& r);

}  // namespace zj
