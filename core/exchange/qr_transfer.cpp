// Zhengjian core: data by QR code. See qr_transfer.h for the format.
#include "core/exchange/qr_transfer.h"

#include "core/data/collections.h"

#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "core/org/idnumber.h"  // Sha256Hex
#include "nlohmann/json.hpp"

namespace zj {

//-----------------------------------------------------------------------------
// [SECTION] Base45 (RFC 9285)
//-----------------------------------------------------------------------------
namespace {
constexpr char kB45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
int B45Value(char c) {
  for (int i = 0; i < 45; ++i)
    if (kB45[i] == c) return i;
  return -1;
}
}  // namespace

std::string Base45Encode(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() / 2 * 3 + 2);
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    unsigned n = static_cast<unsigned char>(bytes[i]) * 256u + static_cast<unsigned char>(bytes[i + 1]);
    out += kB45[n % 45];
    out += kB45[(n / 45) % 45];
    out += kB45[n / 2025];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]);
    out += kB45[n % 45];
    out += kB45[n / 45];
  }
  return out;
}

std::optional<std::string> Base45Decode(std::string_view text) {
  if (text.size() % 3 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 3 * 2 + 1);
  for (size_t i = 0; i < text.size(); i += 3) {
    const size_t left = text.size() - i;
    int c = B45Value(text[i]), d = B45Value(text[i + 1]);
    if (c < 0 || d < 0) return std::nullopt;
    if (left >= 3) {
      int e = B45Value(text[i + 2]);
      if (e < 0) return std::nullopt;
      unsigned n = static_cast<unsigned>(c + d * 45 + e * 2025);
      if (n > 0xFFFF) return std::nullopt;
      out += static_cast<char>(n >> 8);
      out += static_cast<char>(n & 0xFF);
    } else {
      unsigned n = static_cast<unsigned>(c + d * 45);
      if (n > 0xFF) return std::nullopt;
      out += static_cast<char>(n);
    }
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] QR sequence format
//-----------------------------------------------------------------------------
namespace {
constexpr std::string_view kMagic = "ZJQ1:";

std::string UpperHex(std::string_view data, size_t digits) {
  std::string h = Sha256Hex(data).substr(0, digits);
  for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return h;
}
std::string Head(int i, int n, const std::string& seq) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "ZJQ1:%d/%d:%s:", i, n, seq.c_str());
  return buf;
}
bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
bool UpperHexOf(std::string_view s, size_t len) {
  if (s.size() != len) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}
void Fill(Problem* p, const char* path, std::string zh, std::string en) {
  if (p) *p = Problem{path, std::move(zh), std::move(en)};
}
}  // namespace

std::vector<std::string> EncodeQrSequence(std::string_view payload, size_t chunk_bytes) {
  if (chunk_bytes == 0) throw std::invalid_argument("chunk_bytes must be >= 1");
  const size_t n = payload.empty() ? 1 : (payload.size() + chunk_bytes - 1) / chunk_bytes;
  if (n > static_cast<size_t>(kQrMaxChunks)) throw std::length_error("payload too long for a QR sequence");
  const std::string seq = UpperHex(payload, 16);
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string head = Head(static_cast<int>(i + 1), static_cast<int>(n), seq);
    const std::string data = Base45Encode(payload.substr(i * chunk_bytes, chunk_bytes));
    // CHK covers the head and the data: "ZJQ1:<i>/<n>:<SEQ>:<DATA>".
    const std::string chk = UpperHex(head + data, 8);
    out.push_back(head + chk + ":" + data);
  }
  return out;
}

std::optional<QrChunk> ParseQrChunk(std::string_view text, Problem* problem) {
  if (text.substr(0, kMagic.size()) != kMagic) {
    Fill(problem, "not-ours", "这不是整建的数据二维码。", "This is not a Zhengjian data QR code.");
    return std::nullopt;
  }
  auto damaged = [&](const char* what_en) {
    Fill(problem, "damaged", "二维码内容已损坏或读错，已拒收，请重新扫描这一张。",
         std::string("The QR code is damaged or misread (") + what_en + "); refused, scan this one again.");
    return std::nullopt;
  };
  // ZJQ1:<i>/<n>:<SEQ>:<CHK>:<DATA> — DATA may itself hold ':' (Base45), so split off four fields only.
  std::string_view rest = text.substr(kMagic.size());
  std::string_view f[4];
  for (int k = 0; k < 3; ++k) {
    size_t c = rest.find(':');
    if (c == std::string_view::npos) return damaged("fields");
    f[k] = rest.substr(0, c);
    rest = rest.substr(c + 1);
  }
  f[3] = rest;  // DATA
  const std::string_view num = f[0], seq = f[1], chk = f[2], data = f[3];
  const size_t slash = num.find('/');
  if (slash == std::string_view::npos || !AllDigits(num.substr(0, slash)) || !AllDigits(num.substr(slash + 1)))
    return damaged("numbers");
  const int i = std::stoi(std::string(num.substr(0, slash))), n = std::stoi(std::string(num.substr(slash + 1)));
  if (i < 1 || n < 1 || i > n) return damaged("numbers");
  if (!UpperHexOf(seq, 16) || !UpperHexOf(chk, 8)) return damaged("hex fields");
  const std::string head = Head(i, n, std::string(seq));
  if (UpperHex(head + std::string(data), 8) != chk) return damaged("checksum");
  auto bytes = Base45Decode(data);
  if (!bytes) return damaged("Base45");
  return QrChunk{i, n, std::string(seq), std::move(*bytes)};
}

//-----------------------------------------------------------------------------
// [SECTION] Reading a sequence
//-----------------------------------------------------------------------------
QrScanResult QrSequenceReader::Add(std::string_view text) {
  QrScanResult r;
  auto chunk = ParseQrChunk(text, &r.problem);
  if (!chunk) {
    r.kind = r.problem.path == "not-ours" ? QrScan::NotOurs : QrScan::Refused;
    return r;
  }
  r.index = chunk->index;
  r.count = chunk->count;
  bool restarted = false;
  if (chunk->seq != seq_ || static_cast<int>(chunks_.size()) != chunk->count) {
    restarted = !seq_.empty();
    Reset();
    seq_ = chunk->seq;
    chunks_.resize(static_cast<size_t>(chunk->count));
  }
  auto& slot = chunks_[static_cast<size_t>(chunk->index - 1)];
  if (slot || complete_) {
    r.kind = QrScan::Duplicate;
    return r;
  }
  slot = std::move(chunk->data);
  r.kind = restarted ? QrScan::Restarted : QrScan::Accepted;
  if (Received() < Count()) return r;
  std::string whole;
  for (auto& c : chunks_) whole += *c;
  if (UpperHex(whole, 16) != seq_) {
    Reset();
    r.kind = QrScan::Refused;
    r.problem = Problem{"damaged", "整组数据校验不符，已全部丢弃，请从第一张重新扫描。",
                        "The whole payload failed its check; everything was dropped, scan again from the first code."};
    return r;
  }
  payload_ = std::move(whole);
  complete_ = true;
  r.kind = QrScan::Complete;
  return r;
}

int QrSequenceReader::Received() const {
  int k = 0;
  for (auto& c : chunks_) k += c ? 1 : 0;
  return k;
}
int QrSequenceReader::Count() const { return static_cast<int>(chunks_.size()); }
std::vector<int> QrSequenceReader::Missing() const {
  std::vector<int> m;
  for (size_t i = 0; i < chunks_.size(); ++i)
    if (!chunks_[i]) m.push_back(static_cast<int>(i + 1));
  return m;
}
void QrSequenceReader::Reset() {
  seq_.clear();
  chunks_.clear();
  complete_ = false;
  payload_.clear();
}

//-----------------------------------------------------------------------------
// [SECTION] Records payload
//-----------------------------------------------------------------------------
const char* QrRecordCollection(QrRecordKind k) {
  switch (k) {
    case QrRecordKind::Talk: return "/campaign/talks";
    case QrRecordKind::Attendance: return "/campaign/lectures";
    case QrRecordKind::PointsBatch: return "/points/entries";
  }
  return "/campaign/talks";
}

Bundle MakeRecordBundle(const Dataset& d, QrRecordKind kind, const std::vector<Id>& ids, const std::string& device,
                        TimestampMs now) {
  Bundle b;
  b.town = d.org.town_name;
  b.id_salt = d.id_salt;
  b.device = device;
  b.to = now;
  const std::string collection = QrRecordCollection(kind);
  const CollectionInfo* info = InfoByPointer(collection);
  if (!info) return b;
  for (const Id& want : ids) {
    const int i = FindIndex(d, info->coll, want);
    if (i >= 0) b.records.push_back(BundleRecord{collection, info->to_json(d, static_cast<size_t>(i))});
  }
  if (info->coll == Coll::Talks && d.campaign.talk_lock)
    for (const BundleRecord& r : b.records)
      if (r.record.contains("sealed")) b.talk_lock = TalkLockToJson(d.campaign.talk_lock);
  return b;
}

}  // namespace zj
