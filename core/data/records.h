// Zhengjian core: one record at a time in JSON — the codecs every stored form is built from (the dataset
// document, journal entries, liaison bundles, undo). docs/architecture.md "Records and revisions".
//
// Each record type has `ToJson(const R&)` (an object with its metadata: id, created, updated, device, rev, revs,
// then its fields in a fixed order) and `FromJson(reader, j, path, context, out)`: validates with paths under
// `path`, fills `out`, and returns false when the record cannot be kept at all (no valid id, a required part
// missing). `context` is the dataset the record belongs to (a talk's record is checked against the dataset's
// topic lists); readers never look anything else up in it.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"
#include "core/data/dataset.h"

namespace zj {

nlohmann::json ToJson(const Area& r);
nlohmann::json ToJson(const GeneralBranch& r);
nlohmann::json ToJson(const Branch& r);
nlohmann::json ToJson(const Member& r);
nlohmann::json ToJson(const Cadre& r);
nlohmann::json ToJson(const PointItem& r);
nlohmann::json ToJson(const PointEntry& r);
nlohmann::json ToJson(const StarExemption& r);
nlohmann::json ToJson(const RubricItem& r);
nlohmann::json ToJson(const BranchAssessment& r);
nlohmann::json ToJson(const BranchStarRecord& r);
nlohmann::json ToJson(const Activity& r);       // core/campaign/campaign_json.cpp
nlohmann::json ToJson(const Lecture& r);        // core/campaign/campaign_json.cpp
nlohmann::json ToJson(const OnsiteMeeting& r);  // core/campaign/campaign_json.cpp
/// A talk as stored: under the lock (`sealed` set) only the sealed form, never the readable record.
nlohmann::json ToJson(const Talk& r);           // core/campaign/campaign_json.cpp
nlohmann::json ToJson(const Tombstone& r);
nlohmann::json ToJson(const ImportLogEntry& r);

bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context, Area& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              GeneralBranch& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context, Branch& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context, Member& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context, Cadre& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              PointItem& out);
/// A point entry; false (skipped, reported) without a valid date: it could not be counted in any year.
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              PointEntry& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              StarExemption& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              RubricItem& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              BranchAssessment& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              BranchStarRecord& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              Activity& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              Lecture& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              OnsiteMeeting& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context, Talk& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              Tombstone& out);
bool FromJson(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context,
              ImportLogEntry& out);

/// The record without its metadata (id kept; created, updated, device, rev, revs left out): what two copies
/// of a record are compared on, and what a revision's hash is taken over.
nlohmann::json ContentOf(nlohmann::json record_json);

/// The revision a record gets from its content alone: generation 1, hash = the first 32 bits of SHA-256 over
/// ContentOf(record) dumped compactly. Given to records that have none (documents of schema 1 and 2, the demo
/// town), so every device that reads the same file gives its records the same revisions.
Rev ContentRevision(const nlohmann::json& record);

/// A readable name of a record for lists and previews (name / theme_zh / title_zh / venue …, else its id).
std::string RecordLabel(const nlohmann::json& record);

}  // namespace zj
