// Zhengjian core: the command that takes a liaison's bundle in (材料包导入; core/exchange/merge.h). A typed command
// (core/data/command.h, docs/recipes.md "Add a command").
#pragma once
#include <optional>

#include "core/data/command.h"

namespace zj {

/// bundle.import {bundle: <bundle document>, choices?: {"<conflict index>": {take_incoming: bool, fields: [names]}}}:
/// merges the bundle (ApplyBundleImport) as one step. The audit keeps the bundle's checksum, device and counts
/// only. Refused: no bundle object, a bundle ReadBundle refuses, malformed choices.
struct BundleImport {
  static constexpr const char* kName = "bundle.import";
  static constexpr CommandKind kKind = CommandKind::Removes;  // a bundle can carry deletions
  nlohmann::json bundle = nlohmann::json::object();
  std::optional<nlohmann::json> choices;
  template <class V>
  void Fields(V& v) {
    v.Req("bundle", bundle, Say{"缺少材料包", "missing bundle"});
    v.Opt("choices", choices);
  }
};

std::optional<Problem> Handle(const BundleImport& c, Tx& tx);

}  // namespace zj
