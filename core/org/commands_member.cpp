#include "core/org/commands_member.h"

#include "core/base/encoding.h"

namespace zj {
namespace {

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }

// Checks the given fields against `d` and writes them into `m`; nothing is written when a field is refused.
std::optional<Problem> ApplyFields(const Dataset& d, const MemberFields& f, Member& m) {
  Member x = m;
  if (f.name) {
    x.name = TrimSpaces(*f.name);
    if (x.name.empty()) return Bad("/name", "姓名不能为空", "the name must not be empty");
  }
  if (f.branch_id) {
    if (FindBranch(d.org, *f.branch_id) < 0) return Bad("/branch_id", "所选党支部不存在", "no such branch");
    x.branch_id = *f.branch_id;
  }
  if (f.sex) x.sex = TrimSpaces(*f.sex);
  if (f.ethnicity) x.ethnicity = TrimSpaces(*f.ethnicity);
  if (f.education) x.education = TrimSpaces(*f.education);
  if (f.phone) x.phone = TrimSpaces(*f.phone);
  if (f.birth_date) x.birth_date = *f.birth_date;
  if (f.join_date) x.join_date = *f.join_date;
  if (x.birth_date && x.join_date && SurelyBefore(*x.join_date, *x.birth_date))
    return Bad("/join_date", "入党日期" + x.join_date->ToString() + "早于出生日期" + x.birth_date->ToString(),
               "the join date " + x.join_date->ToString() + " is before the birth date " + x.birth_date->ToString());
  if (f.representative) x.representative = *f.representative;
  if (f.reserve_cadre) x.reserve_cadre = *f.reserve_cadre;
  m = std::move(x);
  return std::nullopt;
}

}  // namespace

std::optional<Problem> Handle(const MemberAdd& c, Tx& tx) {
  if (!c.name) return Bad("/name", "姓名不能为空", "the name must not be empty");
  if (!c.branch_id) return Bad("/branch_id", "请选择党支部", "choose a branch");
  Member m;
  if (auto p = ApplyFields(tx.data(), c, m)) return p;
  tx.created_id = tx.Add(std::move(m)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const MemberUpdate& c, Tx& tx) {
  const int i = FindMember(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该党员", "no such member");
  Member m = tx.data().org.members[static_cast<size_t>(i)];
  if (auto p = ApplyFields(tx.data(), c, m)) return p;
  tx.Edit<Member>(static_cast<size_t>(i)) = std::move(m);
  return std::nullopt;
}

std::optional<Problem> Handle(const MemberRemove& c, Tx& tx) {
  const int i = FindMember(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该党员", "no such member");
  tx.Remove<Member>(static_cast<size_t>(i));
  return std::nullopt;
}

}  // namespace zj
