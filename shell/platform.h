// Zhengjian shell: the platform port, the app's one door to the outside (docs/architecture.md).
// Web implementation: shell/platform_web.cpp (EM_JS into web/glue.js).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace zj::platform {

/// A glyph drawn by the system's fonts: 8-bit alpha, `width` x `height`, with its offset from the pen
/// position on the baseline (`left` right of the pen, `top` below the baseline, so usually negative)
/// and its advance, all in device pixels.
struct GlyphBitmap {
  int width = 0, height = 0;
  float left = 0, top = 0, advance = 0;
  std::vector<unsigned char> alpha;
};
/// True if some system font has a real glyph for `codepoint` (not the missing-glyph box).
bool SystemHasGlyph(unsigned codepoint);
/// Rasterizes `codepoint` at `pixel_size` device pixels. False if the system cannot draw it.
bool RasterGlyph(unsigned codepoint, float pixel_size, GlyphBitmap& out);

/// Milliseconds since 1970-01-01 UTC (Date.now()).
int64_t NowMs();
/// Today's local civil date as `YYYY-MM-DD`, or the `?today=` override of the address (tests, demos).
std::string TodayIso();
/// 64 random bits from crypto.getRandomValues.
uint64_t RandomU64();

/// A small persistent setting (localStorage key `zj.setting.<key>`); "" when unset. Setting "" removes it.
std::string GetSetting(const std::string& key);
void SetSetting(const std::string& key, const std::string& value);

/// A file the user chose (bytes as read, no decoding).
struct PickedFile {
  std::string name;
  std::string bytes;
};
/// (web) Delivers a picked file to its request; called from platform_web.cpp's entry point.
void FilePicked(int request, const char* name, const char* data, int size);
/// Opens the system file chooser (`accept` as in <input accept>, e.g. ".csv,text/csv"); `done` runs later,
/// on a following frame, once with the file, or never if the user cancels. Call from a button's click.
void PickFile(const std::string& accept, std::function<void(PickedFile)> done);
/// Saves `bytes` as a download named `filename` (e.g. "渔洋镇-名册-2026-03-25.csv").
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& bytes);
/// Opens `html` (a complete document) in a new tab for reading and printing; where the browser blocks
/// that or cannot print (in-app browsers), saves it as `filename` instead. Returns true if it opened.
bool OpenHtml(const std::string& filename, const std::string& html);

// ---- Storage, backups, evidence (web/storage.js, shell/platform_web_storage.cpp; docs/architecture.md "Storage") -----
/// The storage state as JSON (web/storage.js info()): {backend: "indexeddb"|"localstorage"|"memory", origin,
/// pointer: {seq, sha256, base, epoch, time} or null, snapshots: [{seq, time (ms), sha256, size, revision, epoch,
/// base, locked}] newest first, aside (records kept aside), writer (this tab may save), lockKind, persisted (bool or
/// null), usage, quota (bytes or null), lastSavedMs (last write on disk), saves, pending (journal writes not yet on
/// disk), queued (failed, being retried), unsaved (pending + a snapshot in progress + photos not stored),
/// snapshotting, snapshotsWritten, snapshotFailed, needCompact, lastError, lastErrorName ("QuotaExceededError" …),
/// deviceId (16 hex), evidenceCount, evidenceBytes, evidenceUnsaved, warnings: ["inapp", "safari7", "firefoxfile",
/// "file", "nostorage", "smallstorage", "private", "notpersisted"], load: {state: "none"|"ok"|"nopointer"|"bad", seq,
/// epoch, base, reason, journal (entries to replay), problems: [{j, reason: "checksum"|"unfinished"}], size},
/// prepared: {seq: {state: "reading"|"ok"|"bad", reason, size}}, externalLoad, externalJournal, becameWriter}.
std::string StorageInfoJson();
/// The snapshot read at start (`seq` 0) or prepared for recovery (StoragePrepareSnapshot), as its bytes (the UTF-8
/// JSON document); "" when there is none. Taken once: the storage drops its copy.
std::string StorageTakeSnapshot(int seq);
/// The journal entries to replay on the snapshot read at start, in order: [{j, text}] as JSON; taken once.
std::string StorageTakeJournalJson();
/// Starts reading and checking snapshot `seq` for recovery (asynchronous; see info().prepared).
void StoragePrepareSnapshot(int seq);
/// Copies snapshot `seq` into the kept-aside store with `reason` (never deletes anything).
void StorageKeepAside(int seq, const std::string& reason);
/// Writes one journal entry at once (its own small transaction). Returns its sequence number, 0 when this tab
/// may not write.
uint64_t StorageAppend(int epoch, const std::string& text, const std::string& sha256, const std::string& cmds_json);
/// Starts a snapshot of epoch `epoch`; returns its base: the first journal entry that will apply on top of it.
uint64_t StorageSnapshotBegin(int epoch);
/// Hands over the next part of the snapshot being written (bytes of the UTF-8 document).
void StorageSnapshotChunk(const std::string& bytes);
/// The snapshot is complete: write, verify, switch to it, cut the journal (asynchronous; info() tells the end).
/// `locked`: the dataset has a talk lock (older snapshots and copies kept aside without one are then deleted).
void StorageSnapshotCommit(uint64_t revision, bool locked);
/// Drops a snapshot being written (the dataset it was taken from was replaced).
void StorageSnapshotAbort();
/// A read-only tab: what the writer tab saved since, as JSON {"load": bool (take everything anew), "journal":
/// [entry texts to apply]}; taken once.
std::string StorageTakeExternalJson();
/// Shares a file through the system share sheet (navigator.share with files) where the browser can, else
/// downloads it like DownloadFile.
void ShareFile(const std::string& filename, const std::string& mime, const std::string& bytes);
/// Local time of `ms`: "2026-03-25 09:30" (or "2026-03-25-0930" with `for_file_name`).
std::string LocalTimeText(int64_t ms, bool for_file_name = false);
/// Evidence (痕迹) kept in IndexedDB beside the dataset, as JSON: [{id, parent_kind: "lecture"|"meeting"|"talk",
/// parent_id, kind: "photo"|"text", caption, text, created (ms), device, size, width, height, thumbSize, sealed,
/// locked}]: `sealed` stored under the talk lock, `locked` sealed and not readable now (caption and text "").
std::string EvidenceListJson();
/// Refreshes the list EvidenceListJson returns (asynchronous; a later frame sees the result).
void EvidenceRefresh();
/// Asks for photos (camera or files: <input type=file accept="image/*" capture multiple>), downscales each
/// (1600 px long side, JPEG 0.85, with a 240 px thumbnail) and stores it as evidence of the parent.
void EvidencePickPhotos(const std::string& parent_kind, const std::string& parent_id);
/// Stores a text note as evidence of the parent.
void EvidenceAddText(const std::string& parent_kind, const std::string& parent_id, const std::string& text);
/// Opens the photo of evidence `id` full size in a new tab.
void EvidenceOpen(const std::string& id);
/// Deletes evidence `id`.
void EvidenceDelete(const std::string& id);
/// Downloads a backup file {"format": "zhengjian-backup", "format_version": 1, "dataset": <dataset_text parsed>,
/// "evidence": [records with "photo"/"thumb" as base64 JPEG]} named `filename` (asynchronous: photos are read first).
void ExportBackupWithEvidence(const std::string& filename, const std::string& dataset_text);
/// Stores the evidence records of a backup (a JSON array as ExportBackupWithEvidence writes), keyed by id
/// (importing the same records again changes nothing).
void EvidenceImport(const std::string& evidence_json);
/// Tells the evidence store where the talk lock stands (shell/talk_lock.cpp, whenever it changes): `salt` the
/// dataset's lock ("" = no lock), `open` whether web/lock.js holds its key. Under a lock, evidence of a talk is
/// written, backed up and put in bundles only sealed with that key (AES-GCM: caption, text, photo and thumbnail;
/// docs/architecture.md "The talk lock"); with the lock open, evidence still in clear is sealed at once; with it
/// closed, new talk evidence is kept in the page only (lastErrorName "TalkLocked") until the lock is opened.
void EvidenceTalkLock(const std::string& salt, bool open);
/// The lock is being removed: every talk evidence sealed with the current key is opened and stored as it is
/// (asynchronous; the key is taken now, so forgetting it right after is safe).
void EvidenceUnsealAll();
/// Status of the last evidence action as JSON {busy, done, failed, lastError, lastErrorName, kept, heldBack}
/// ("" = none). heldBack: talk evidence left out of the last backup or bundle because the lock was closed and it
/// was not sealed yet.
std::string EvidenceStatusJson();
/// The thumbnail of photo evidence `id` as a GL texture of the app's context (ImTextureID = the GL texture name),
/// decoded in the browser from the stored JPEG and uploaded on first request: > 0 the texture, with its size in
/// px in *width/*height; 0 while it loads (ask again next frame); -1 when it cannot be read. A texture not asked
/// for during 2.5 s (its row scrolled away, deleted, or another screen shown) is freed by the JS side.
int EvidenceThumbTexture(const std::string& id, int* width, int* height);
/// Shares a liaison bundle carrying evidence: the JS side reads the photos of `evidence_ids` (JSON array of ids)
/// as base64 JPEG, adds them with the text notes to `bundle_text` (BundleToJson output) as "evidence", lets
/// zj_bundle_with_evidence (core AttachBundleEvidence) re-seal the checksum, and shares the file like ShareFile.
/// Asynchronous: `done(true, "")` once the file was handed to the browser (download or share sheet),
/// `done(false, reason)` when it could not be made (photos unreadable, out of memory); called between frames.
void ShareBundleWithEvidence(const std::string& filename, const std::string& bundle_text, const std::string& evidence_ids,
                             std::function<void(bool ok, const std::string& reason)> done);

// ---- Passphrase lock on talk records (web/lock.js, shell/platform_lock_web.cpp) -----------------
/// Starts a WebCrypto operation of the talk lock: `op` is "create", "unlock", "seal", "open" or "close" and
/// `args_json` its arguments as web/lock.js documents them (passphrase, lock parameters, items of
/// {id, plain} or {id, iv, ct}). Returns the operation's number for LockTakeResult.
int LockRequest(const std::string& op, const std::string& args_json);
/// The JSON result of operation `n` once it finished ({"ok": true, ...} or {"ok": false, "error": "wrong" |
/// "locked" | "unsupported" | "failed"}); "" while it runs. A result is handed out once.
std::string LockTakeResult(int n);

/// [Phones by QR code] Implemented in shell/platform_qr_web.cpp (JS side: web/qr.js, web/pwa.js).
/// The value of `name` in the page address's query (`?screen=learn` -> "learn"); "" when absent.
std::string UrlParam(const std::string& name);
/// The address the app was opened from, without query or fragment ("https://x.gov.cn/zj/"), when it is
/// http(s); "" when opened as a file (file://), which a phone cannot reach.
std::string PageAddress();
/// Opens the same app in the demo town's storage space (`demo`: the page with ?demo=1) or in the town's own (the
/// page without it); the other query parameters are kept. The page is left: the current state must be stored.
void OpenSpace(bool demo);
/// Sets the function that gets every QR text read (by the camera view, or an image fed through the same
/// decoder, window.zjQr.deliver); the same code arrives many times. nullptr = texts are dropped.
void SetQrTextHandler(std::function<void(const std::string&)> on_text);
/// Opens the camera view and decodes QR codes in it (BarcodeDetector where the browser has it, else jsQR),
/// handing each text to the SetQrTextHandler function. Call from a button's click (browsers ask for camera
/// permission only from a user gesture). Camera errors (no camera, permission denied, no https) are shown
/// in Chinese in the camera view.
void StartQrScan();
/// Closes the camera view (also closed by its own 关闭 button).
void StopQrScan();
/// True while the camera view is open.
bool QrScanOpen();
/// Shows `status` (one short line, e.g. "已收到 3/9 张") in the camera view.
void SetQrScanStatus(const std::string& status);
/// Publishes a value for browser tests (window.zjTestValues[key]); harmless outside tests.
void PublishTestValue(const std::string& key, const std::string& value);

/// [Sorting by name] Collation ranks (拼音顺序) of `texts` under the browser's Intl.Collator
/// ("zh-CN-u-co-pinyin", numeric: "张三2" before "张三10"), all in one call: ranks[i] is the place of
/// texts[i] in the sorted list (0 = first); texts that collate equal share a rank. Sort any subset or order
/// (descending, ties, other keys first) by comparing ranks as integers. Cost: one JS sort of the list with
/// Intl.Collator.compare (n log n compares, not benchmarked yet), so callers cache it (shell/collation.h:
/// until the strings change).
/// Texts are UTF-8 without NUL. Elsewhere (native builds): code-point order.
std::vector<int32_t> CollationRanks(const std::vector<std::string>& texts);
/// Pinyin initials (拼音首字母) of each text, lower case, for finding a name by typing e.g. "zw" for 张伟:
/// one letter per Han character (the browser's pinyin collation, i.e. ICU's CLDR data; a polyphonic character
/// gets its collation reading, e.g. 曾 → c), Latin letters and digits kept, everything else dropped.
/// Elsewhere (native builds): Latin letters and digits only (Han characters give nothing).
std::vector<std::string> PinyinInitials(const std::vector<std::string>& texts);

}  // namespace zj::platform
