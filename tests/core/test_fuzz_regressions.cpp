// Inputs the fuzz targets of tests/fuzz found faults with (tests/fixtures/fuzz/<target>/), each fed the way
// its target feeds it, asserting the clear refusal (Chinese first) that replaced the fault. The office's
// dataset is the fuzzers' own (tests/fuzz/fuzz_common.h MakeOffice: the small demo town with its campaign).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "core/data/dataset.h"
#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "core/org/roster_import.h"
#include "tests/fuzz/fuzz_common.h"

namespace zj {
namespace {

std::string Fixture(const std::string& name) {
  const std::string path = std::string(ZJ_FIXTURE_DIR) + "/fuzz/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A GBK roster whose two data rows name the same member by 系统编号 (masked ID number, as the export writes
// it) with different fields. Both rows used to be "updated", the later silently overwriting the earlier, and
// importing the same file again updated the member again. Now the second row is refused as the same person.
TEST(FuzzRegression, RosterRowsOfTheSameRecordIdRefusedAsRepeat) {
  const Dataset office = fuzz::MakeOffice();
  const std::string bytes = Fixture("roster_import/same-record-id-twice.csv");
  RosterImportOptions opt;
  opt.create_missing_branches = true;
  IdGenerator ids(7);
  const RosterPreview pv = PreviewRosterImport(office, bytes, opt, ids);
  ASSERT_FALSE(pv.refused) << pv.file_problems.at(0).message_zh;
  EXPECT_EQ(pv.encoding, TextEncoding::Gb18030);
  ASSERT_EQ(pv.rows.size(), 2u);
  EXPECT_EQ(pv.rows[0].outcome, RowOutcome::Updated);
  EXPECT_EQ(pv.rows[0].name, "李");
  const RosterRow& repeat = pv.rows[1];
  EXPECT_EQ(repeat.outcome, RowOutcome::Refused);
  EXPECT_EQ(repeat.same_as_row, 2);
  ASSERT_EQ(repeat.errors.size(), 1u);
  EXPECT_EQ(repeat.errors[0].message_zh, "与第2行是同一人(公民身份号码相同),不重复导入");
  EXPECT_EQ(pv.updated, 1);
  EXPECT_EQ(pv.refused_rows, 1);

  // Applied once, the same file then finds nothing to do.
  Dataset d = office;
  ASSERT_TRUE(ApplyRosterImport(d, pv, ids, kDemoNow + 1000, "fuzzdevice000000").ok);
  const RosterPreview again = PreviewRosterImport(d, bytes, opt, ids);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 1);
  EXPECT_TRUE(again.new_branches.empty());
}

// ---- bundles --------------------------------------------------------------------------------------
using nlohmann::json;

// What fuzz_bundle does with a bundle its first read refuses: record_count, deletion_count and
// evidence_count set to what the arrays hold, and the checksum ReadBundle computed put in "sha256" (a
// tampered file with a recomputed checksum looks like that).
std::string Reseal(json j) {
  for (const auto& [count, list] : {std::pair{"record_count", "records"}, {"deletion_count", "deletions"}, {"evidence_count", "evidence"}})
    if (j.contains(list) && j[list].is_array()) j[count] = j[list].size();
  j["sha256"] = "0";
  const BundleReadResult first = ReadBundle(j.dump());
  if (first.problem.path == "/sha256") j["sha256"] = first.bundle.sha256;  // else refused before the checksum
  return j.dump(1);
}

// A bundle of the office's first lecture, as the liaison's device writes it.
json LectureBundle(const Dataset& office) {
  Bundle b = MakeRecordBundle(office, QrRecordKind::Attendance, {office.campaign.lectures.at(0).meta.id},
                              "1111222233334444", kDemoNow + 86400000);
  return json::parse(BundleToJson(b));
}

// Found by fuzz_bundle: a talk record whose "device" is a number (-9223372036854775808), the file's counts and
// checksum made to fit. PlanBundleImport compared devices with nlohmann's value(), which throws on a number:
// the app died on the file. Now every record is read through its codec first and a record that does not read
// cleanly refuses the bundle with its reason.
TEST(FuzzRegression, BundleRecordWithANumberForDeviceRefusedClearly) {
  const Dataset office = fuzz::MakeOffice();
  const json found = json::parse(Fixture("bundle/record-device-number.json"));
  EXPECT_FALSE(ReadBundle(found.dump()).ok);  // record_count is {} in the file as found
  const BundleReadResult r = ReadBundle(Reseal(found));
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  ASSERT_EQ(r.bundle.records.size(), 1u);
  EXPECT_TRUE(r.bundle.records[0].record["device"].is_number());
  MergePlan plan;
  ASSERT_NO_THROW(plan = PlanBundleImport(office, r.bundle));
  EXPECT_FALSE(plan.ok);
  EXPECT_EQ(plan.problem.message_zh.rfind("材料包无法导入：", 0), 0u) << plan.problem.message_zh;
  EXPECT_NE(plan.problem.message_zh.find("无法读取"), std::string::npos) << plan.problem.message_zh;
  EXPECT_NE(plan.problem.message_en.find("bundle refused"), std::string::npos);
}

// The same kind of fault at the other places that read a bundle's or a restored backup's texts.
TEST(FuzzRegression, BundleFieldsOfTheWrongTypeNeverThrow) {
  const Dataset office = fuzz::MakeOffice();
  // "format" not text: refused as not a bundle.
  BundleReadResult r;
  ASSERT_NO_THROW(r = ReadBundle(R"({"format": 1})"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/format");
  EXPECT_EQ(r.problem.message_zh, "材料包无法导入：不是整建的痕迹材料包(可能是备份文件,请用“导入备份”)");
  // "town" not text: the town is only for people reading the file; read as unknown.
  json b = LectureBundle(office);
  b["town"] = 5;
  ASSERT_NO_THROW(r = ReadBundle(Reseal(b)));
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.bundle.town, "");
  // Evidence whose "kind" is not text: refused with its number.
  b = LectureBundle(office);
  b["evidence"] = json::array({{{"id", "ev1"}, {"kind", 3}}});
  ASSERT_NO_THROW(r = ReadBundle(Reseal(b)));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/evidence/0");
  EXPECT_EQ(r.problem.message_zh, "材料包无法导入：第1项痕迹材料缺少编号、类型或照片");
  // A talk lock whose salt is a number, into an office with a lock: kept apart, no throw.
  Dataset locked = office;
  locked.campaign.talk_lock = TalkLock{};
  locked.campaign.talk_lock->salt = "c2FsdA==";
  b = LectureBundle(locked);
  b["records"][0]["record"]["place"] = "镇委党校三楼";
  b["records"][0]["record"]["updated"] = "2018-03-21T08:00:00.000Z";
  b["talk_lock"] = {{"salt", 7}, {"check", {{"iv", ""}, {"ct", ""}}}};
  ASSERT_NO_THROW(r = ReadBundle(Reseal(b)));
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  MergePlan plan;
  ASSERT_NO_THROW(plan = PlanBundleImport(locked, r.bundle));
  EXPECT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_FALSE(plan.lock_adopted);  // an unreadable lock is never taken
  // A restored backup's import log holds numbers where texts belong (LoadDataset keeps an entry's body as it is):
  // importing and making bundles still work.
  Dataset restored = office;
  ImportLogEntry odd;
  odd.meta.id = "00000000000000aa";
  odd.body = {{"bundle_sha256", 5}, {"device", 6}};
  restored.import_log.push_back(odd);
  ASSERT_NO_THROW(r = ReadBundle(Reseal(LectureBundle(office))));
  ASSERT_TRUE(r.ok);
  ASSERT_NO_THROW(plan = PlanBundleImport(restored, r.bundle));
  EXPECT_TRUE(plan.ok) << plan.problem.message_zh;
  Bundle made;
  ASSERT_NO_THROW(made = MakeBundle(restored, "1111222233334444", std::nullopt, kDemoNow + 86400000));
  EXPECT_TRUE(made.deletions.empty());
}

// ---- datasets ------------------------------------------------------------------------------------
// Found by fuzz_dataset and fuzz_bundle: a points value of 1.84467e+20, or one near the largest double (times
// ten it is inf), was converted to an integer before its range was checked — undefined behaviour. Both are now
// refused as invalid points, with the path, and the rest of the dataset reads.
TEST(FuzzRegression, PointsTooLargeForAnIntegerRefusedBeforeConversion) {
  const Dataset office = fuzz::MakeOffice();
  ASSERT_FALSE(office.points.catalogue.items.empty());
  for (const std::string big : {"1.84467e+20", "1.7e308", "-1.7e308"}) {
    json j = json::parse(SaveDataset(office));
    j["points"]["catalogue"]["items"][0]["points"] = 4242.5;
    std::string text = j.dump();
    const size_t at = text.find("4242.5");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 6, big);
    const LoadResult r = LoadDataset(text);
    bool found = false;
    for (const Problem& p : r.problems)
      if (p.path == "/points/catalogue/items/0/points") {
        found = true;
        EXPECT_EQ(p.message_zh, "分值无效：最多一位小数（如 89.5）") << big;
      }
    EXPECT_TRUE(found) << big;
  }
}

// The entries table stores each entry's time as a delta from the one before: deltas whose sum passes int64
// (a damaged or hostile table) refuse that row instead of wrapping.
TEST(FuzzRegression, EntriesTableTimeDeltasPastInt64RefuseTheRow) {
  Dataset office = fuzz::MakeOffice();
  ASSERT_GE(office.points.entries.size(), 2u);
  json j = json::parse(SaveDataset(office));
  json& rows = j["points"]["entries"]["rows"];
  ASSERT_TRUE(rows.is_array());
  ASSERT_GE(rows.size(), 2u);
  rows[0][5] = INT64_MAX - 5;
  rows[1][5] = INT64_MAX;
  const LoadResult r = LoadDataset(j.dump());
  EXPECT_FALSE(r.problems.empty());
  EXPECT_EQ(r.dataset.points.entries.size(), office.points.entries.size() - 1);
}

}  // namespace
}  // namespace zj
