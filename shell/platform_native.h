// Zhengjian shell: the native platform port (shell/platform_native.cpp) and its controls, for the headless
// UI tests (tests/ui). Everything the web port sends to the browser is kept in memory here so a test can
// set the clock and today, queue the file the next PickFile gets, and read what was downloaded, opened
// for printing, shared or handed to storage and evidence.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shell/platform.h"

namespace zj::platform::native {

/// A file that went out: DownloadFile, OpenHtml or ShareFile.
struct OutFile {
  std::string kind;      ///< "download" | "html" | "share"
  std::string filename;  ///< e.g. "渔洋镇-名册-2026-03-25.csv"
  std::string mime;      ///< "" for html
  std::string bytes;     ///< the file's bytes (html: the document)
};

/// One call to a storage, evidence or QR function (the in-memory fake records them all).
struct Call {
  std::string what;              ///< function name, e.g. "EvidenceAddText"
  std::vector<std::string> args;
};

/// Forgets everything: clock 2026-03-25 09:00 local (UTC+8), today "2026-03-25", no settings, no queued
/// files, no outputs, no calls, storage info of a fresh writer tab with nothing saved.
void Reset();
/// Sets the clock (ms since 1970 UTC) that NowMs() returns; AdvanceMs() moves it on.
void SetNowMs(int64_t ms);
void AdvanceMs(int64_t ms);
/// Sets what TodayIso() returns ("YYYY-MM-DD").
void SetToday(const std::string& iso);
/// Sets what RandomU64() returns next (then counts up by one per call).
void SetRandom(uint64_t value);
/// Settings as stored by SetSetting (key without the "zj.setting." prefix).
std::map<std::string, std::string>& Settings();
/// Queues the file the next PickFile request gets (first in, first out).
void QueuePickedFile(const std::string& name, const std::string& bytes);
/// Requests PickFile made so far with the `accept` each asked for ("" entries never: one per call).
const std::vector<std::string>& PickRequests();
/// Delivers queued files to waiting PickFile requests (the web port delivers on a later frame: call this
/// between frames). Returns how many were delivered.
int DeliverPickedFiles();
/// Files that went out, oldest first.
const std::vector<OutFile>& Outputs();
/// The last output of `kind` ("download" | "html" | "share"), or nullptr.
const OutFile* LastOutput(const std::string& kind);
/// Storage, evidence, QR and test-value calls, oldest first.
const std::vector<Call>& Calls();
/// Replaces the JSON StorageInfoJson() returns (see platform.h for its shape).
void SetStorageInfo(const std::string& json);
/// What StorageTakeSnapshot(0) and StorageTakeJournalJson() return at the next start (a stored town).
void SetStoredData(const std::string& snapshot, const std::string& journal_json);
/// A journal entry the app wrote (StorageAppend).
struct StoredEntry {
  int epoch = 0;
  std::string text;
};
const std::vector<StoredEntry>& StoredJournal();
/// Snapshots the app completed (StorageSnapshotCommit), oldest first.
const std::vector<std::string>& StoredSnapshots();
/// Values published with PublishTestValue.
std::map<std::string, std::string>& TestValues();
/// Sets what UrlParam(name) returns.
void SetUrlParam(const std::string& name, const std::string& value);
/// Sets what EvidenceListJson returns (a JSON array of {id, parent_kind, parent_id, ...}; "[]" after Reset).
void SetEvidenceListJson(const std::string& list);

}  // namespace zj::platform::native
