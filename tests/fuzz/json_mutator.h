// A structure-aware mutator for the JSON targets (dataset, campaign, bundle): libFuzzer's byte mutations
// rarely turn "town": "渔洋镇" into "town": 5 or drop one key of one record, which is where readers of
// documents fail. Three times in four, the input is parsed and one to three of its nodes are changed:
// a value replaced by another type or an edge value (null, -1, 2^64-1, 1e308, "", a long text), a string or
// number nudged, a key removed or added, an array element removed, repeated or swapped, or a node replaced
// by a copy of another node of the same document. Otherwise, or when the input is not JSON, libFuzzer's
// own mutation runs. Include it in exactly one translation unit of a target.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace zj::fuzz {

inline void CollectNodes(nlohmann::json& j, std::vector<nlohmann::json*>& out, std::vector<std::string>& keys,
                         std::vector<std::string>& strings) {
  out.push_back(&j);
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      keys.push_back(it.key());
      CollectNodes(it.value(), out, keys, strings);
    }
  } else if (j.is_array()) {
    for (auto& e : j) CollectNodes(e, out, keys, strings);
  } else if (j.is_string()) {
    strings.push_back(j.get<std::string>());
  }
}

inline nlohmann::json EdgeValue(std::minstd_rand& rng, const std::vector<std::string>& strings) {
  using nlohmann::json;
  switch (rng() % 16) {
    case 0: return nullptr;
    case 1: return true;
    case 2: return false;
    case 3: return 0;
    case 4: return -1;
    case 5: return std::numeric_limits<uint64_t>::max();
    case 6: return std::numeric_limits<int64_t>::min();
    case 7: return 1e308;
    case 8: return 0.1;
    case 9: return "";
    case 10: return std::string(5000, 'x');
    case 11: return json::object();
    case 12: return json::array();
    case 13: return 2147483648LL;
    default: return strings.empty() ? json("x") : json(strings[rng() % strings.size()]);
  }
}

inline void MutateNode(nlohmann::json& n, std::minstd_rand& rng, const std::vector<nlohmann::json*>& nodes,
                       const std::vector<std::string>& keys, const std::vector<std::string>& strings) {
  using nlohmann::json;
  const unsigned pick = rng() % 8;
  if (pick == 0) {  // another type or an edge value
    n = EdgeValue(rng, strings);
  } else if (pick == 1) {  // a copy of another node (deep copy first: the node may be inside n)
    json copy = *nodes[rng() % nodes.size()];
    n = std::move(copy);
  } else if (n.is_object() && !n.empty()) {
    auto it = n.begin();
    std::advance(it, static_cast<long>(rng() % n.size()));
    if (pick <= 4) n.erase(it);
    else n[keys.empty() ? std::string("x") : keys[rng() % keys.size()]] = EdgeValue(rng, strings);
  } else if (n.is_array() && !n.empty()) {
    const size_t i = rng() % n.size();
    if (pick <= 3) n.erase(n.begin() + static_cast<long>(i));
    else if (pick <= 5) { json copy = n[i]; n.push_back(std::move(copy)); }
    else std::swap(n[i], n[rng() % n.size()]);
  } else if (n.is_string()) {
    std::string s = n.get<std::string>();
    if (pick <= 3 && !s.empty()) s.erase(rng() % s.size(), 1);
    else if (pick <= 5) s.insert(s.empty() ? 0 : rng() % s.size(), 1, "09-:TZ.x\xE4"[rng() % 9]);
    else if (!s.empty()) s[rng() % s.size()] = "0159-:TZ"[rng() % 8];
    n = s;
  } else if (n.is_number_integer()) {
    const int64_t v = n.is_number_unsigned() ? static_cast<int64_t>(n.get<uint64_t>() & 0x7fffffffffffffffull) : n.get<int64_t>();
    const int64_t deltas[] = {1, -1, 10, -1000, 86400000};
    // Wrapping arithmetic (unsigned): the mutator itself must not overflow.
    const uint64_t u = static_cast<uint64_t>(v);
    n = static_cast<int64_t>(pick <= 5 ? u + static_cast<uint64_t>(deltas[rng() % 5]) : 0 - u);
  } else if (n.is_number_float()) {
    n = n.get<double>() + (pick <= 5 ? 0.1 : -0.05);
  } else {
    n = EdgeValue(rng, strings);
  }
}

inline size_t MutateJson(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
  std::minstd_rand rng(seed);
  if (rng() % 4 == 0) return LLVMFuzzerMutate(data, size, max_size);
  nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return LLVMFuzzerMutate(data, size, max_size);
  const int rounds = 1 + static_cast<int>(rng() % 3);
  for (int k = 0; k < rounds; ++k) {
    std::vector<nlohmann::json*> nodes;
    std::vector<std::string> keys, strings;
    CollectNodes(j, nodes, keys, strings);
    MutateNode(*nodes[rng() % nodes.size()], rng, nodes, keys, strings);
  }
  const std::string out = j.dump(rng() % 2 ? -1 : 1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

}  // namespace zj::fuzz

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
  return zj::fuzz::MutateJson(data, size, max_size, seed);
}
