// Zhengjian core: migrating older dataset documents forward (core/data/dataset.h "Older versions").
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"

namespace zj {

/// The version-2 form of a version-1 document (see dataset_migrate.cpp for the version-1 shape). Problems of
/// the old document are reported with their version-1 paths; ids of the parts version 1 lacked (the example
/// rubric, the notice's campaign) come from a generator seeded by `text`, so migrating the same file twice gives
/// the same document.
nlohmann::json MigrateV1ToV2(const nlohmann::json& v1, std::string_view text, JsonReader& r);

}  // namespace zj
