// Shared helpers of the roster and organization core tests: reading test files, the testdata organization.
#pragma once
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/data/dataset.h"

namespace zj::testing_org {

/// The bytes of the file at `path`. A file that cannot be opened or read is a test failure naming the path
/// (never an empty string: an empty roster is a case of its own); the exception ends the test.
inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  if (f.is_open()) ss << f.rdbuf();
  if (!f.is_open() || f.bad()) {
    ADD_FAILURE() << "cannot read test file " << path;
    throw std::runtime_error("cannot read test file " + path);
  }
  return ss.str();
}
/// A roster written by tests/data/make_rosters.py into ZJ_TESTDATA_DIR ($(BUILD)/testdata, by the Makefile).
inline std::string Testdata(const std::string& name) { return ReadFile(std::string(ZJ_TESTDATA_DIR) + "/" + name); }
inline std::string Fixture(const std::string& name) { return ReadFile(std::string(ZJ_FIXTURE_DIR) + "/" + name); }

constexpr TimestampMs kNow = 1521532800000;  // 2018-03-20T08:00:00Z

/// The organization of the rosters of tests/data/make_rosters.py: 东湖村, 荷花村, 新街社区 (第一党总支, 一片);
/// 龙虾湾村, 稻香村 (第二党总支, 二片); 镇财政所 (机关党总支, 二片). No members.
inline Dataset TestdataTown(IdGenerator& ids) {
  Dataset d = NewDataset("渔洋镇", 2018, ids, kNow, "test");
  auto meta = [&] { return RecordMeta{ids.Next(), kNow, kNow, "test"}; };
  d.org.areas = {Area{meta(), "一片", {}}, Area{meta(), "二片", {}}};
  d.org.general_branches = {GeneralBranch{meta(), "第一党总支", d.org.areas[0].meta.id, {}},
                            GeneralBranch{meta(), "第二党总支", d.org.areas[1].meta.id, {}},
                            GeneralBranch{meta(), "机关党总支", d.org.areas[1].meta.id, {}}};
  struct B { const char* name; BranchKind kind; int gb; };
  for (B b : {B{"东湖村党支部", BranchKind::Village, 0}, B{"荷花村党支部", BranchKind::Village, 0},
              B{"新街社区党支部", BranchKind::Community, 0}, B{"龙虾湾村党支部", BranchKind::Village, 1},
              B{"稻香村党支部", BranchKind::Village, 1}, B{"镇财政所党支部", BranchKind::TownUnit, 2}}) {
    Branch br;
    br.meta = meta();
    br.name = b.name;
    br.kind = b.kind;
    br.general_branch_id = d.org.general_branches[static_cast<size_t>(b.gb)].meta.id;
    d.org.branches.push_back(br);
  }
  return d;
}

}  // namespace zj::testing_org
