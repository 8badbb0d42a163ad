// Zhengjian core: the member commands of the 组织 screen (党员): add, edit, remove a member of a branch.
// docs/recipes.md "Add a command" uses them as the example.
#pragma once
#include <optional>
#include <string>

#include "core/data/command.h"

namespace zj {

/// Fields a member command may set (each absent = left as it is; trimmed; dates YYYY-MM-DD or YYYY-MM, or null to clear).
struct MemberFields {
  std::optional<std::string> name;       ///< 姓名, not empty
  std::optional<std::string> branch_id;  ///< 所在党支部, an existing branch
  std::optional<std::string> sex, ethnicity, education, phone;
  Maybe<DateOrMonth> birth_date, join_date;  ///< YYYY-MM-DD, or YYYY-MM when only the month is known
  std::optional<bool> representative, reserve_cadre;
  template <class V>
  void Fields(V& v) {
    v.Opt("name", name);
    v.Opt("branch_id", branch_id);
    v.Opt("sex", sex);
    v.Opt("ethnicity", ethnicity);
    v.Opt("education", education);
    v.Opt("phone", phone);
    v.Opt("birth_date", birth_date);
    v.Opt("join_date", join_date);
    v.Opt("representative", representative);
    v.Opt("reserve_cadre", reserve_cadre);
  }
};

/// member.add {name, branch_id, ...fields} -> created_id. Refused: no name, no such branch.
struct MemberAdd : MemberFields {
  static constexpr const char* kName = "member.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// member.update {id, ...fields}. Refused: no such member, an empty name, no such branch.
struct MemberUpdate : MemberFields {
  static constexpr const char* kName = "member.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    MemberFields::Fields(v);
  }
};
/// member.remove {id}. Refused: no such member.
struct MemberRemove {
  static constexpr const char* kName = "member.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

std::optional<Problem> Handle(const MemberAdd& c, Tx& tx);
std::optional<Problem> Handle(const MemberUpdate& c, Tx& tx);
std::optional<Problem> Handle(const MemberRemove& c, Tx& tx);

}  // namespace zj
