// Zhengjian core: liaison bundles (痕迹材料包) — what one device recorded since its last hand-off, as one
// JSON file with a SHA-256 over its content, and the generic view of the dataset's records they rest on.
// Issue 7 "Liaison bundles"; DOMAIN.md "Closing and safeguards" (痕迹管理: liaisons hand records to the office);
// DESIGN.md "Stable ids and revisions" (merge keys on ids, newer wins, the other is logged).
//
// Bundle document (format_version 1):
//   { "format": "zhengjian-bundle", "format_version": 1,
//     "town": "渔洋镇", "id_salt": "<the dataset's id_salt: which dataset it belongs to>",
//     "device": "<16 hex: the liaison's device>", "from": ISO time or null (since the beginning), "to": ISO time,
//     "record_count": 3,
//     "records": [ { "collection": "/campaign/lectures", "record": { "id": ..., "updated": ..., ... } }, ... ],
//     "sha256": "<64 hex>" }
// sha256 = Sha256Hex(the document without "sha256", dumped compactly with keys sorted: nlohmann's dump()).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset.h"
#include "core/types.h"

namespace zj {

/// The bundle format this code writes; newer ones are refused.
constexpr int kBundleFormatVersion = 1;

/// JSON pointers (e.g. "/org/members", "/campaign/lectures") of the record collections in a dataset document:
/// arrays whose elements are all objects with a string "id" and a string "updated" (RecordMeta as written by
/// SaveDataset). Records are units: collections inside a record are not listed. "/import_log" is skipped.
std::vector<std::string> RecordCollections(const nlohmann::json& doc);

/// One record in a bundle: its collection's JSON pointer and the record as in the dataset document.
struct BundleRecord {
  std::string collection;
  nlohmann::json record;
};

/// A liaison bundle (痕迹材料包).
struct Bundle {
  std::string town;                 ///< town name, for people reading the file
  std::string id_salt;              ///< the dataset it belongs to (Dataset::id_salt)
  std::string device;               ///< device that recorded it
  std::optional<TimestampMs> from;  ///< records changed after this time (nullopt: since the beginning)
  TimestampMs to = 0;               ///< hand-off time
  std::vector<BundleRecord> records;
  std::string sha256;               ///< set by BundleToJson / ReadBundle
};

/// Every record of `d` last written by `device` with updated > `since` (all of the device's records when
/// since is nullopt), in document order. `to` = `now`.
Bundle MakeBundle(const Dataset& d, const std::string& device, std::optional<TimestampMs> since, TimestampMs now);

/// Writes the bundle document (pretty-printed, 1-space indent) and stores its checksum in b.sha256.
std::string BundleToJson(Bundle& b);

/// Result of ReadBundle: ok, or the reason it was refused.
struct BundleReadResult {
  bool ok = false;
  Bundle bundle;
  Problem problem;  ///< when !ok: the reason (path "" or the field), Chinese and English
};

/// Reads and verifies a bundle. Refuses, with its reason: text that is not JSON or not an object, a wrong
/// "format", a newer or invalid "format_version", a missing/invalid field (device, to, id_salt, records),
/// a record without collection pointer or string id/updated, "record_count" unlike the number of records,
/// and a "sha256" that does not match the content (changed or damaged on the way: 被改动或损坏).
BundleReadResult ReadBundle(std::string_view text);

}  // namespace zj
