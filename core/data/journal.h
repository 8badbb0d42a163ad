// Zhengjian core: journal entries — what the storage writes after every command, so that a change is on disk at
// once without writing the whole dataset. docs/architecture.md "Storage": the browser keeps one snapshot of the
// dataset (core/data/snapshot.h) and, after it, a journal of small entries; at start the snapshot is read and its
// journal replayed on top. An entry holds the records and settings a command (or an undo, a redo, a bundle import)
// changed, in their state when the entry was written: whole records put by id, removed records by id. Replaying
// is idempotent (putting a record twice, or removing one that is gone, changes nothing more), so a snapshot written
// while the user kept working, and parts of the journal it already contains, replay to the same dataset.
//
// Entry document:
//   { "format": "zj-journal-1", "t": ms, "cmds": ["points.record_many"],
//     "put": [ { "c": "/points/entries", "i": 120031, "after": "<id of the record before it>", "r": { record } } ],
//     "del": [ { "c": "/points/entries", "id": "..." }, ... ],
//     "set": { "town_name": "渔洋镇", ... } }          (settings by their journal key, core/data/settings.h)
// A talk under the passphrase lock is written only in its sealed form (records.h ToJson(Talk)).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/data/dataset.h"
#include "core/data/workspace.h"

namespace zj {

/// The format tag of journal entries.
constexpr const char* kJournalFormat = "zj-journal-1";

/// Writes the entry for `dirty` from the current state of `d` (a record of `dirty` that is no longer in `d` is
/// written as removed). Compact JSON, UTF-8. (Its sequence number is the storage's key, not part of the text.)
std::string WriteJournalEntry(const Dataset& d, const Dirty& dirty, TimestampMs now);

/// Applies one entry to `d`. False (and `d` unchanged, the reason in `problem`) when the text is not an entry of
/// this format, or when one of its records cannot be read; records the reader reports problems with are still
/// applied as read only when the entry itself is intact.
bool ApplyJournalEntry(Dataset& d, std::string_view text, Problem& problem);

}  // namespace zj
