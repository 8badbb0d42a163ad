// Zhengjian core: liaison bundles (痕迹材料包) — what one device recorded since its last hand-off, as one JSON file
// with a SHA-256 over its content. docs/architecture.md "Hand-off"; the notice's 五 (痕迹管理: liaisons keep photos and
// text of lectures, visits and talks and hand them to the office). Records carry their revisions, so the office
// merges them by lineage (core/exchange/merge.h), never by clock.
//
// Bundle document (format_version 3; versions 1 and 2, records without revisions, are still read):
//   { "format": "zhengjian-bundle", "format_version": 3,
//     "town": "渔洋镇", "id_salt": "<the dataset's id_salt: which dataset it belongs to>",
//     "device": "<16 hex: the liaison's device>", "from": ISO time or null (since the beginning), "to": ISO time,
//     "record_count": 3,
//     "records": [ { "collection": "/campaign/lectures", "record": { "id", "rev", "revs", "updated", ... } }, ... ],
//     "deletion_count": 1,   (only when there are deletions)
//     "deletions": [ tombstone records: { "id", "rev", "revs", "collection", "label", "updated", "device", ... } ],
//     "talk_lock": { … },    (only when a carried talk record is sealed: core/campaign/talks.h TalkLock)
//     "evidence_count": 2,   (only when evidence is carried)
//     "evidence": [ { "id", "parent_kind", "parent_id", "kind": "photo"|"text", "caption", "text", "created" (ms),
//                     "device", "width", "height", "size", "thumbSize", "photo": base64 JPEG, "thumb": base64 JPEG } ],
//     "sha256": "<64 hex>" }
// sha256 = Sha256Hex(the document without "sha256", dumped compactly with keys sorted: nlohmann's dump()).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/dataset.h"
#include "core/base/types.h"

namespace zj {

/// The bundle format this code writes; newer ones are refused.
constexpr int kBundleFormatVersion = 3;

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
  /// Tombstones (Dataset::tombstones) of records this device removed since `from`.
  std::vector<nlohmann::json> deletions;
  /// The talk lock's parameters ({"kdf", "hash", "iterations", "salt", "cipher", "key_bits", "check", "set_at"},
  /// core/campaign/talks.h TalkLock) when a carried talk record is sealed, so an office without a lock can adopt it and
  /// open the records with the liaison's passphrase; null otherwise.
  nlohmann::json talk_lock = nullptr;
  /// Evidence (痕迹) carried with it, as described above (empty: none). Added by AttachBundleEvidence.
  nlohmann::json evidence = nlohmann::json::array();
  int format_version = kBundleFormatVersion;  ///< as read (the checksum covers it)
  std::string sha256;               ///< set by BundleToJson / ReadBundle
};

/// Every record of `d`'s bundled collections last written by `device` with updated > `since` (all of the device's
/// records when since is nullopt), in document order, and every tombstone of `device` with updated > `since`.
/// `to` = `now`. (`updated` is this device's own clock, which never goes backwards in a workspace: Workspace::Apply.)
Bundle MakeBundle(const Dataset& d, const std::string& device, std::optional<TimestampMs> since, TimestampMs now);

/// Writes the bundle document (pretty-printed, 1-space indent) and stores its checksum in b.sha256.
std::string BundleToJson(Bundle& b);

/// Result of ReadBundle: ok, or the reason it was refused.
struct BundleReadResult {
  bool ok = false;
  Bundle bundle;
  Problem problem;  ///< when !ok: the reason (path "" or the field), Chinese and English
};

/// Adds `evidence` (a JSON array as described above) to a bundle document written by BundleToJson and seals it
/// again (new checksum). "" when `bundle_text` is not a valid bundle or `evidence` not an array of objects with
/// a string "id".
std::string AttachBundleEvidence(std::string_view bundle_text, const nlohmann::json& evidence);

/// Reads and verifies a bundle. Refuses, with its reason: text that is not JSON or not an object, a wrong
/// "format", a newer or invalid "format_version", a missing/invalid field (device, to, id_salt, records),
/// a record without collection pointer or string id/updated, "record_count" unlike the number of records,
/// a deletion without collection, id or deleted time, "deletion_count" unlike the number of deletions,
/// evidence without id or kind (or a photo without its JPEG), "evidence_count" unlike the evidence carried,
/// and a "sha256" that does not match the content (changed or damaged on the way: 被改动或损坏).
BundleReadResult ReadBundle(std::string_view text);

}  // namespace zj
