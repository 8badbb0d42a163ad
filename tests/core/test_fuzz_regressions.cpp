// Inputs the fuzz targets of tests/fuzz found faults with (tests/fixtures/fuzz/<target>/), each fed the way
// its target feeds it, asserting the clear refusal (Chinese first) that replaced the fault. The office's
// dataset is the fuzzers' own (tests/fuzz/fuzz_common.h MakeOffice: the small demo town with its campaign).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

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

}  // namespace
}  // namespace zj
