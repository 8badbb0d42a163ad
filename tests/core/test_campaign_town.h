// A small hand-made town for the campaign tests (plan, lectures, on-site meetings, talks, schedule, calendar).
// Readable ids ("v1", "k_sec") so expected sets are easy to write.
//
//   一片 (chief 冯片长)  — 第一党总支 (钱总支): 东湖村 v1, 西山村 v2, 南岭社区 v3
//   二片 (chief 陈片长)  — 第二党总支 (孙总支): 北港村 v4, 中洲村 v5 (no secretary, no linked committee member)
//                        — 机关党总支 (郑总支): 镇财政所 u1, 镇卫生院 u2, 镇中心学校 u3, 镇农技站 u4
//   王书记 (Party secretary, also holds CommitteeMember); 李委员 linked v1 v2 v3; 赵委员 linked v2 v4;
//   周驻村 resident in v1; 吴驻村 resident in v4; 褚讲师 lecturer.
#pragma once
#include <ostream>
#include <string>

#include "core/org/org.h"

namespace zj {
/// Readable dates in GoogleTest failure messages (found by argument-dependent lookup).
inline void PrintTo(const Date& d, std::ostream* os) { *os << d.ToString(); }
}  // namespace zj

namespace zj::testtown {

inline Member M(const std::string& id, const std::string& name, const std::string& branch, std::vector<Post> posts,
                bool rep = false) {
  Member m;
  m.meta.id = id;
  m.name = name;
  m.branch_id = branch;
  m.posts = std::move(posts);
  m.representative = rep;
  return m;
}

inline Cadre C(const std::string& id, const std::string& name, std::vector<CadreRole> roles,
               std::vector<Id> linked = {}) {
  Cadre c;
  c.meta.id = id;
  c.name = name;
  c.roles = std::move(roles);
  c.linked_branch_ids = std::move(linked);
  return c;
}

inline Branch B(const std::string& id, const std::string& name, BranchKind kind, const std::string& gb) {
  Branch b;
  b.meta.id = id;
  b.name = name;
  b.kind = kind;
  b.general_branch_id = gb;
  return b;
}

inline Organization SmallTown() {
  Organization o;
  o.town_name = "渔洋镇";
  Area a1;
  a1.meta.id = "a1";
  a1.name = "一片";
  a1.chief_cadre_id = "k_ch1";
  Area a2;
  a2.meta.id = "a2";
  a2.name = "二片";
  a2.chief_cadre_id = "k_ch2";
  o.areas = {a1, a2};
  GeneralBranch g1, g2, g3;
  g1.meta.id = "g1"; g1.name = "第一党总支"; g1.area_id = "a1"; g1.secretary_cadre_id = "k_gb1";
  g2.meta.id = "g2"; g2.name = "第二党总支"; g2.area_id = "a2"; g2.secretary_cadre_id = "k_gb2";
  g3.meta.id = "g3"; g3.name = "机关党总支"; g3.area_id = "a2"; g3.secretary_cadre_id = "k_gb3";
  o.general_branches = {g1, g2, g3};
  o.branches = {
      B("v1", "东湖村党支部", BranchKind::Village, "g1"),    B("v2", "西山村党支部", BranchKind::Village, "g1"),
      B("v3", "南岭社区党支部", BranchKind::Community, "g1"), B("v4", "北港村党支部", BranchKind::Village, "g2"),
      B("v5", "中洲村党支部", BranchKind::Village, "g2"),    B("u1", "镇财政所党支部", BranchKind::TownUnit, "g3"),
      B("u2", "镇卫生院党支部", BranchKind::TownUnit, "g3"), B("u3", "镇中心学校党支部", BranchKind::TownUnit, "g3"),
      B("u4", "镇农技站党支部", BranchKind::TownUnit, "g3"),
  };
  o.cadres = {
      C("k_sec", "王书记", {CadreRole::PartySecretary, CadreRole::CommitteeMember}),
      C("k_c1", "李委员", {CadreRole::CommitteeMember}, {"v1", "v2", "v3"}),
      C("k_c2", "赵委员", {CadreRole::CommitteeMember}, {"v2", "v4"}),
      C("k_r1", "周驻村", {CadreRole::ResidentCadre}, {"v1"}),
      C("k_r2", "吴驻村", {CadreRole::ResidentCadre}, {"v4"}),
      C("k_gb1", "钱总支", {}),
      C("k_gb2", "孙总支", {}),
      C("k_gb3", "郑总支", {}),
      C("k_ch1", "冯片长", {}),
      C("k_ch2", "陈片长", {}),
      C("k_l", "褚讲师", {CadreRole::Lecturer}),
  };
  o.members = {
      M("m11", "张一", "v1", {Post::Secretary}),
      M("m12", "张二", "v1", {Post::DeputySecretary}),
      M("m13", "张三", "v1", {Post::CommitteeMember}),
      M("m14", "张四", "v1", {}, true),
      M("m15", "张五", "v1", {}, true),
      M("m16", "张六", "v1", {}),
      M("m21", "刘一", "v2", {Post::Secretary}),
      M("m22", "刘二", "v2", {Post::VillageDirector}),
      M("m23", "刘三", "v2", {Post::VillageCommittee}),
      M("m24", "刘四", "v2", {Post::CommitteeMember}),
      M("m25", "刘五", "v2", {}, true),
      M("m31", "黄一", "v3", {Post::Secretary}),
      M("m32", "黄二", "v3", {Post::CommitteeMember}, true),
      M("m41", "林一", "v4", {Post::Secretary}),
      M("m42", "林二", "v4", {Post::DeputySecretary}),
      M("m43", "林三", "v4", {}, true),
      M("m51", "何二", "v5", {Post::DeputySecretary}),
      M("m52", "何三", "v5", {}, true),
      M("mu1", "单一", "u1", {Post::Secretary}, true),
      M("mu2", "单二", "u2", {Post::Secretary}),
      M("mu3", "单三", "u3", {Post::Secretary}),
      M("mu4", "单四", "u4", {Post::Secretary}),
  };
  return o;
}

inline Date D(const char* s) { return *Date::Parse(s); }

}  // namespace zj::testtown
