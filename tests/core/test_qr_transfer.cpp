// Data by QR: Base45, the ZJQ1 chunk format, the sequence reader and the records payload.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/demo/demo.h"
#include "core/org/idnumber.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "nlohmann/json.hpp"

namespace zj {
namespace {

TEST(Base45, Rfc9285Examples) {
  // RFC 9285 section 4.3.
  EXPECT_EQ(Base45Encode("AB"), "BB8");
  EXPECT_EQ(Base45Encode("Hello!!"), "%69 VD92EX0");
  EXPECT_EQ(Base45Encode("base-45"), "UJCLQE7W581");
  EXPECT_EQ(Base45Decode("QED8WEX0"), "ietf!");
  EXPECT_EQ(Base45Decode(""), "");
  // Invalid: length 1 mod 3, a character outside the alphabet, a group over 65535 ("GGW" = 65536).
  EXPECT_EQ(Base45Decode("BB8A"), std::nullopt);
  EXPECT_EQ(Base45Decode("bb8"), std::nullopt);
  EXPECT_EQ(Base45Decode("GGW"), std::nullopt);
}

TEST(Base45, RoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t len : {0u, 1u, 2u, 3u, 255u, 256u}) {
    auto s = all.substr(0, len);
    EXPECT_EQ(Base45Decode(Base45Encode(s)), s) << len;
  }
}

TEST(QrSequence, ChunkTextIsAlphanumericWithCheckedFields) {
  const std::string payload = "{\"note\":\"谈话要点：村里的水渠\"}";
  auto chunks = EncodeQrSequence(payload, 10);
  ASSERT_EQ(chunks.size(), (payload.size() + 9) / 10);
  const std::string seq = [&] {
    std::string h = Sha256Hex(payload).substr(0, 16);
    for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return h;
  }();
  for (size_t i = 0; i < chunks.size(); ++i) {
    const std::string& c = chunks[i];
    for (char ch : c) EXPECT_NE(std::string("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:").find(ch), std::string::npos) << c;
    const std::string head = "ZJQ1:" + std::to_string(i + 1) + "/" + std::to_string(chunks.size()) + ":" + seq + ":";
    EXPECT_EQ(c.substr(0, head.size()), head);
    auto parsed = ParseQrChunk(c);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->data, payload.substr(i * 10, 10));
  }
  // The chunk checksum is SHA-256 of head + data, first 8 hex digits.
  const std::string& c1 = chunks[0];
  const std::string head = "ZJQ1:1/" + std::to_string(chunks.size()) + ":" + seq + ":";
  const std::string data = c1.substr(head.size() + 9);
  std::string chk = Sha256Hex(head + data).substr(0, 8);
  for (char& ch : chk) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(c1.substr(head.size(), 8), chk);
}

TEST(QrSequence, ReaderTakesChunksInAnyOrderOnce) {
  std::string payload;
  for (int i = 0; i < 1000; ++i) payload += static_cast<char>((i * 7919) & 0xFF);
  auto chunks = EncodeQrSequence(payload, 160);
  ASSERT_EQ(chunks.size(), 7u);  // ceil(1000 / 160)
  std::vector<size_t> order{6, 2, 0, 5, 1, 3};
  QrSequenceReader r;
  for (size_t k : order) EXPECT_EQ(r.Add(chunks[k]).kind, QrScan::Accepted);
  EXPECT_EQ(r.Add(chunks[2]).kind, QrScan::Duplicate);
  EXPECT_EQ(r.Received(), 6);
  EXPECT_EQ(r.Count(), 7);
  EXPECT_EQ(r.Missing(), std::vector<int>{5});
  EXPECT_FALSE(r.Complete());
  auto last = r.Add(chunks[4]);
  EXPECT_EQ(last.kind, QrScan::Complete);
  EXPECT_EQ(last.index, 5);
  EXPECT_EQ(last.count, 7);
  ASSERT_TRUE(r.Complete());
  EXPECT_EQ(r.Payload(), payload);
}

TEST(QrSequence, DamagedChunkIsRefusedAndTheRestKept) {
  const std::string payload(500, 'x');
  auto chunks = EncodeQrSequence(payload, 100);
  QrSequenceReader r;
  EXPECT_EQ(r.Add(chunks[0]).kind, QrScan::Accepted);
  // One character of the data changed (a misread): checksum mismatch.
  std::string bad = chunks[1];
  bad.back() = bad.back() == 'A' ? 'B' : 'A';
  auto res = r.Add(bad);
  EXPECT_EQ(res.kind, QrScan::Refused);
  EXPECT_EQ(res.problem.path, "damaged");
  EXPECT_NE(res.problem.message_zh.find("已拒收"), std::string::npos);
  // A changed chunk number is caught too (the checksum covers the head).
  std::string renumbered = chunks[1];
  renumbered.replace(5, 1, "3");
  EXPECT_EQ(r.Add(renumbered).kind, QrScan::Refused);
  EXPECT_EQ(r.Received(), 1);
  for (size_t i = 1; i < chunks.size(); ++i) r.Add(chunks[i]);
  ASSERT_TRUE(r.Complete());
  EXPECT_EQ(r.Payload(), payload);
}

TEST(QrSequence, WholePayloadCheckAndOtherSequences) {
  QrSequenceReader r;
  EXPECT_EQ(r.Add("https://example.org/").kind, QrScan::NotOurs);
  auto a = EncodeQrSequence(std::string(300, 'a'), 100);
  auto b = EncodeQrSequence(std::string(300, 'b'), 100);
  EXPECT_EQ(r.Add(a[0]).kind, QrScan::Accepted);
  EXPECT_EQ(r.Add(b[1]).kind, QrScan::Restarted);  // someone switched to another record
  EXPECT_EQ(r.Received(), 1);
  // A chunk with a valid checksum but the data of another sequence under this SEQ: the whole check fails.
  const std::string seq_b = b[0].substr(9, 16);
  const std::string head = "ZJQ1:1/3:" + seq_b + ":";
  const std::string forged_data = Base45Encode(std::string(100, 'z'));
  std::string chk = Sha256Hex(head + forged_data).substr(0, 8);
  for (char& ch : chk) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(r.Add(head + chk + ":" + forged_data).kind, QrScan::Accepted);
  auto res = r.Add(b[2]);
  EXPECT_EQ(res.kind, QrScan::Refused);
  EXPECT_NE(res.problem.message_zh.find("整组数据校验不符"), std::string::npos);
  EXPECT_EQ(r.Received(), 0);
}

TEST(QrSequence, LimitsAndEmptyPayload) {
  auto one = EncodeQrSequence("", 160);
  ASSERT_EQ(one.size(), 1u);
  QrSequenceReader r;
  EXPECT_EQ(r.Add(one[0]).kind, QrScan::Complete);
  EXPECT_EQ(r.Payload(), "");
  EXPECT_THROW(EncodeQrSequence(std::string(1000, 'x'), 1), std::length_error);
  EXPECT_FALSE(ParseQrChunk("ZJQ1:0/3:0123456789ABCDEF:01234567:"));
  EXPECT_FALSE(ParseQrChunk("ZJQ1:4/3:0123456789ABCDEF:01234567:"));
  EXPECT_FALSE(ParseQrChunk("ZJQ1:1/3"));
}

TEST(RecordsPayload, TalkRecordRoundTripsThroughAQrSequenceIntoTheMerge) {
  Dataset d = MakeDemoDataset(2018, 2018, 1521763200000);
  ASSERT_FALSE(d.campaign.talks.empty());
  const Id talk_id = d.campaign.talks.front().meta.id;
  Bundle b = MakeRecordBundle(d, QrRecordKind::Talk, {talk_id, "no-such-id"}, "phone-1", 1522000000000);
  ASSERT_EQ(b.records.size(), 1u);
  const std::string payload = BundleToJson(b);
  // The record is the talk exactly as the dataset document holds it.
  const auto doc = nlohmann::json::parse(SaveDataset(d));
  nlohmann::json want;
  for (const auto& t : doc["campaign"]["talks"])
    if (t["id"] == talk_id) want = t;
  QrSequenceReader r;
  for (const auto& c : EncodeQrSequence(payload)) r.Add(c);
  ASSERT_TRUE(r.Complete());
  EXPECT_EQ(r.Payload(), payload);
  BundleReadResult read = ReadBundle(r.Payload());
  ASSERT_TRUE(read.ok) << read.problem.message_en;
  EXPECT_EQ(read.bundle.town, d.org.town_name);
  EXPECT_EQ(read.bundle.device, "phone-1");
  ASSERT_EQ(read.bundle.records.size(), 1u);
  EXPECT_EQ(read.bundle.records[0].collection, "/campaign/talks");
  EXPECT_EQ(read.bundle.records[0].record, want);
  // The receiving office lacks the talk: the merge preview adds it, and nothing else.
  Dataset office = d;
  office.campaign.talks.erase(office.campaign.talks.begin());
  MergePlan plan = PlanBundleImport(office, read.bundle);
  ASSERT_TRUE(plan.ok) << plan.problem.message_en;
  EXPECT_EQ(plan.added, 1);
  EXPECT_EQ(plan.changed + plan.conflicts, 0);
  // Nothing found: an empty bundle.
  EXPECT_TRUE(MakeRecordBundle(d, QrRecordKind::Attendance, {"no-such-id"}, "p", 0).records.empty());
  EXPECT_STREQ(QrRecordCollection(QrRecordKind::PointsBatch), "/points/entries");
}

}  // namespace
}  // namespace zj
