// Zhengjian core: data by QR code (二维码传数据) — small records moved from one phone to another as a
// sequence of QR codes where no cable or network exists. Strings in, strings out: the QR
// images themselves are drawn by the shell (qrcodegen) and read by the browser (BarcodeDetector/jsQR).
//
// [SECTION] Base45 (RFC 9285)
// [SECTION] QR sequence format
// [SECTION] Reading a sequence
// [SECTION] Records payload (what a sequence carries)
//
// ## The QR sequence format, version 1 ("ZJQ1")
// A payload (any bytes; here a liaison bundle document, core/exchange/bundle.h, byte for byte) is cut into chunks of at most
// `chunk_bytes` bytes (default 160). Chunk i of n (1-based) is the text of one QR code:
//
//     ZJQ1:<i>/<n>:<SEQ>:<CHK>:<DATA>
//
//   <i>/<n>  decimal, 1 <= i <= n <= 999
//   <SEQ>    the first 16 hex digits (upper case) of the SHA-256 of the whole payload: names the sequence
//            (chunks of two sequences never mix) and checks the reassembled payload
//   <CHK>    the first 8 hex digits (upper case) of the SHA-256 of "ZJQ1:<i>/<n>:<SEQ>:<DATA>": the
//            chunk's own checksum; a chunk whose CHK does not match is refused (damaged, misread)
//   <DATA>   the chunk's bytes in Base45 (RFC 9285)
// Every character is in the QR alphanumeric set (0-9 A-Z space $%*+-./:), so a QR code stores it in
// alphanumeric mode at 5.5 bits per character: 160 bytes give a version-10 code (57x57 modules) at
// error-correction level M. A reader takes chunks in any order, ignores repeats and, once it has all n,
// joins them and checks SEQ against the SHA-256 of the result before handing the payload on.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exchange/bundle.h"
#include "core/data/dataset.h"
#include "core/base/types.h"

namespace zj {

//-----------------------------------------------------------------------------
// [SECTION] Base45 (RFC 9285)
//-----------------------------------------------------------------------------
/// Base45 text of `bytes` (RFC 9285: two bytes -> three characters, a last odd byte -> two).
std::string Base45Encode(std::string_view bytes);
/// The bytes of Base45 `text`, or nullopt when a character is outside the alphabet, the length is
/// 1 modulo 3, or a group is out of range (RFC 9285 section 4).
std::optional<std::string> Base45Decode(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] QR sequence format
//-----------------------------------------------------------------------------
/// Default chunk size in payload bytes (a version-10, level-M QR code per chunk).
constexpr size_t kQrChunkBytes = 160;
/// Most chunks in one sequence (about 160 KB): more is no longer a job for a camera.
constexpr int kQrMaxChunks = 999;

/// The texts of the QR codes (ZJQ1 chunks, in order 1..n) carrying `payload`. An empty payload gives one
/// chunk with no data. Throws std::length_error when more than kQrMaxChunks chunks would be needed;
/// `chunk_bytes` must be >= 1.
std::vector<std::string> EncodeQrSequence(std::string_view payload, size_t chunk_bytes = kQrChunkBytes);

/// One chunk, parsed and checked.
struct QrChunk {
  int index = 0;        ///< 1-based
  int count = 0;        ///< n
  std::string seq;      ///< 16 upper-case hex digits
  std::string data;     ///< the chunk's payload bytes (Base45 decoded)
};
/// Parses one QR text. nullopt (and `problem` filled, Chinese and English) when it is not a ZJQ1 chunk
/// (problem.path "not-ours") or when it is one but damaged (problem.path "damaged": bad numbers, bad
/// Base45, checksum mismatch).
std::optional<QrChunk> ParseQrChunk(std::string_view text, Problem* problem = nullptr);

//-----------------------------------------------------------------------------
// [SECTION] Reading a sequence
//-----------------------------------------------------------------------------
/// What one scanned text did to a QrSequenceReader.
enum class QrScan {
  Accepted,   ///< a new chunk of the sequence being read
  Duplicate,  ///< a chunk already held (the camera sees each code many times)
  Complete,   ///< the last missing chunk: the payload is whole and its SHA-256 matches
  Restarted,  ///< a chunk of another sequence: the reader dropped what it had and started on that one
  Refused,    ///< damaged chunk, or the whole payload failed its check (the reader then starts over)
  NotOurs,    ///< some other QR code (a web address, a payment code ...)
};

/// Outcome of QrSequenceReader::Add.
struct QrScanResult {
  QrScan kind = QrScan::NotOurs;
  int index = 0;      ///< chunk number when known
  int count = 0;      ///< sequence length when known
  Problem problem;    ///< for Refused / NotOurs: why, in Chinese and English
};

/// Collects the chunks of one QR sequence from scanned texts, in any order, until it is complete.
class QrSequenceReader {
 public:
  /// Takes one scanned QR text (see QrScan for what can happen).
  QrScanResult Add(std::string_view text);
  int Received() const;          ///< chunks held
  int Count() const;             ///< n of the sequence being read, 0 before the first chunk
  bool Complete() const { return complete_; }
  /// Chunk numbers (1-based) still missing.
  std::vector<int> Missing() const;
  /// The reassembled payload (only meaningful when Complete()).
  const std::string& Payload() const { return payload_; }
  void Reset();

 private:
  std::string seq_;
  std::vector<std::optional<std::string>> chunks_;
  bool complete_ = false;
  std::string payload_;
};

//-----------------------------------------------------------------------------
// [SECTION] Records payload (what a sequence carries)
//-----------------------------------------------------------------------------
/// What kind of records a QR sequence carries (the sender picks one record or batch on the 手机 screen).
enum class QrRecordKind {
  Talk,        ///< 谈话记录: talks with their records (/campaign/talks)
  Attendance,  ///< 出勤名单: a lecture with its attendee list (/campaign/lectures)
  PointsBatch, ///< 积分批次: point entries, e.g. one branch's (/points/entries)
};
/// JSON pointer of the kind's collection in the dataset document ("/campaign/talks", ...).
const char* QrRecordCollection(QrRecordKind k);

/// A liaison bundle (core/exchange/bundle.h) holding just the records of `kind` whose ids are in `ids`, as
/// the dataset document holds them, so the receiver imports it through the same preview-and-merge path as
/// a bundle file (ReadBundle, PlanBundleImport). `device` = the sending device; from = nullopt, to = now.
/// Unknown ids are skipped (records empty when none was found). The QR sequence carries
/// BundleToJson(bundle) byte for byte.
Bundle MakeRecordBundle(const Dataset& d, QrRecordKind kind, const std::vector<Id>& ids, const std::string& device,
                        TimestampMs now);

}  // namespace zj
