// Fuzz target: what a phone camera reads on the 手机 screen's 扫码接收 (core/exchange/qr_transfer.h): QR texts
// fed one by one to a QrSequenceReader, in any order, with repeats, damaged codes and codes of other
// sequences; once a sequence is complete its payload goes through ReadBundle and PlanBundleImport as in
// shell/screens/phone_qr.cpp.
// Two modes, chosen by the first byte:
//   0x00 <size> <payload...>  round trip: the payload is cut into a sequence (chunk size 1 + size % 200),
//        the codes are fed in an order drawn from the input, each shown twice and a damaged copy of each
//        before it; the reader must refuse every damaged copy, report each repeat, and end with exactly the
//        payload.
//   otherwise  scanned texts, one per line. A line starting with '!' gets its chunk checksum (CHK)
//        recomputed first, so the fuzzer reaches the numbering, Base45 and sequence logic behind it.
// Checks: every result kind is what the text is (not ours / refused with a Chinese reason / accepted ...);
// a parsed chunk has 1 <= i <= n <= 999 and its Base45 encodes back to the text; the reader's counts agree;
// a completed payload matches its sequence id.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "core/org/idnumber.h"
#include "fuzz_common.h"

namespace {
using namespace zj;

std::string UpperSha(std::string_view s, size_t digits) {
  std::string h = Sha256Hex(s).substr(0, digits);
  for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return h;
}

void CheckReader(const QrSequenceReader& r) {
  FUZZ_CHECK(r.Received() >= 0 && r.Received() <= r.Count() && r.Count() <= kQrMaxChunks, "reader counts");
  FUZZ_CHECK(r.Missing().size() == static_cast<size_t>(r.Count() - r.Received()), "missing list");
  if (r.Complete()) FUZZ_CHECK(r.Missing().empty(), "complete with chunks missing");
}

void ImportPayload(const std::string& payload) {
  const BundleReadResult b = ReadBundle(payload);
  if (!b.ok) {
    FUZZ_CHECK(fuzz::ClearProblem(b.problem), "bundle refusal without a Chinese reason");
    return;
  }
  const MergePlan plan = PlanBundleImport(fuzz::Office(), b.bundle);
  if (!plan.ok) FUZZ_CHECK(fuzz::ClearProblem(plan.problem), "plan refusal without a Chinese reason");
}

QrScanResult Scan(QrSequenceReader& r, std::string_view text) {
  const QrScanResult res = r.Add(text);
  const bool ours = text.substr(0, 5) == "ZJQ1:";
  FUZZ_CHECK((res.kind == QrScan::NotOurs) == !ours, "not-ours verdict wrong");
  if (res.kind == QrScan::NotOurs || res.kind == QrScan::Refused)
    FUZZ_CHECK(fuzz::ClearProblem(res.problem), "scan refused without a Chinese reason");
  Problem p;
  const auto chunk = ParseQrChunk(text, &p);
  if (chunk) {
    FUZZ_CHECK(chunk->index >= 1 && chunk->index <= chunk->count && chunk->count <= kQrMaxChunks, "chunk numbers");
    const size_t data_at = text.find(':', text.find(':', text.find(':', text.find(':') + 1) + 1) + 1) + 1;
    FUZZ_CHECK(Base45Encode(chunk->data) == text.substr(data_at), "Base45 does not encode back");
  } else {
    FUZZ_CHECK(fuzz::ClearProblem(p), "chunk refused without a Chinese reason");
  }
  CheckReader(r);
  if (res.kind == QrScan::Complete) {
    FUZZ_CHECK(r.Complete() && chunk, "complete without a chunk");
    FUZZ_CHECK(UpperSha(r.Payload(), 16) == chunk->seq, "payload does not match its sequence id");
  }
  return res;
}

/// "ZJQ1:<i>/<n>:<SEQ>:<CHK>:<DATA>" with CHK recomputed (text unchanged when it has not that shape).
std::string Reseal(std::string_view t) {
  std::string_view f[5];
  std::string_view rest = t;
  for (int k = 0; k < 4; ++k) {
    const size_t c = rest.find(':');
    if (c == std::string_view::npos) return std::string(t);
    f[k] = rest.substr(0, c);
    rest = rest.substr(c + 1);
  }
  f[4] = rest;
  const size_t slash = f[1].find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 3 || f[1].size() - slash - 1 > 3 || f[1].size() == slash + 1 ||
      f[1].find('/', slash + 1) != std::string_view::npos)
    return std::string(t);
  for (char c : f[1])
    if (c != '/' && (c < '0' || c > '9')) return std::string(t);
  const std::string num = std::to_string(std::stoi(std::string(f[1].substr(0, slash)))) + "/" +
                          std::to_string(std::stoi(std::string(f[1].substr(slash + 1))));
  const std::string head = "ZJQ1:" + num + ":" + std::string(f[2]) + ":";
  return std::string(f[0]) + ":" + std::string(f[1]) + ":" + std::string(f[2]) + ":" +
         UpperSha(head + std::string(f[4]), 8) + ":" + std::string(f[4]);
}

void Lines(std::string_view in) {
  QrSequenceReader r;
  size_t start = 0;
  while (start <= in.size()) {
    size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = in.size();
    std::string_view line = in.substr(start, end - start);
    const std::string text = !line.empty() && line[0] == '!' ? Reseal(line.substr(1)) : std::string(line);
    if (Scan(r, text).kind == QrScan::Complete) ImportPayload(r.Payload());
    start = end + 1;
  }
}

void RoundTrip(std::string_view in) {
  if (in.size() < 2) return;
  const size_t chunk_bytes = 1 + static_cast<unsigned char>(in[1]) % 200;
  const std::string payload(in.substr(2));
  const size_t n = payload.empty() ? 1 : (payload.size() + chunk_bytes - 1) / chunk_bytes;
  if (n > static_cast<size_t>(kQrMaxChunks)) return;  // EncodeQrSequence refuses that (documented)
  const std::vector<std::string> codes = EncodeQrSequence(payload, chunk_bytes);
  FUZZ_CHECK(codes.size() == n, "sequence length");
  FUZZ_CHECK(Base45Decode(Base45Encode(payload)) == payload, "Base45 round trip");
  // Order: a permutation from the payload's bytes (Fisher-Yates with an FNV-driven generator).
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  uint64_t h = 1469598103934665603ull;
  for (char c : payload) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (size_t i = n; i > 1; --i) {
    h = h * 6364136223846793005ull + 1442695040888963407ull;
    std::swap(order[i - 1], order[(h >> 33) % i]);
  }
  QrSequenceReader r;
  for (size_t k = 0; k < n; ++k) {
    const std::string& code = codes[order[k]];
    // A misread copy first: one character of the data changed to another of the alphabet.
    std::string bad = code;
    const size_t at = bad.size() - 1 - (h >> 40) % 8 % bad.size();
    bad[at] = bad[at] == '0' ? '1' : '0';
    if (bad != code) {
      const QrScanResult br = Scan(r, bad);
      FUZZ_CHECK(br.kind == QrScan::Refused || br.kind == QrScan::NotOurs || br.kind == QrScan::Duplicate,
                 "a damaged code was taken");
    }
    const QrScanResult first = Scan(r, code);
    FUZZ_CHECK(first.kind == (k + 1 == n ? QrScan::Complete : QrScan::Accepted), "a good code was not taken");
    FUZZ_CHECK(Scan(r, code).kind == QrScan::Duplicate, "a repeat was not reported");
  }
  FUZZ_CHECK(r.Complete() && r.Payload() == payload, "the payload did not come through unchanged");
  ImportPayload(r.Payload());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (size >= 1 && data[0] == 0) RoundTrip(in);
  else Lines(in);
  return 0;
}
