#include "core/org/idnumber.h"

#include <mbedtls/sha256.h>

#include "core/base/encoding.h"

namespace zj {

char IdCheckCharacter(std::string_view d) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[] = "10X98765432";
  if (d.size() != 17) return 0;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (d[i] < '0' || d[i] > '9') return 0;
    sum += (d[i] - '0') * kWeights[i];
  }
  return kCheck[sum % 11];
}

IdNumberCheck ValidateIdNumber(std::string_view text) {
  IdNumberCheck r;
  std::string s = FullwidthToAscii(TrimSpaces(text));
  for (char& c : s)
    if (c == 'x') c = 'X';
  auto fail = [&](std::string zh, std::string en) {
    r.error_zh = std::move(zh);
    r.error_en = std::move(en);
    return r;
  };
  if (s.empty()) return fail("公民身份号码为空", "the ID number is empty");
  if (s.find('E') != std::string::npos || s.find('e') != std::string::npos)
    return fail("公民身份号码被Excel转成了科学计数法(如4.20581E+17),请把该列设为文本后重新导出",
                "the ID number was turned into scientific notation by Excel (e.g. 4.20581E+17); format the column as text and export again");
  if (s.find('*') != std::string::npos)
    return fail("公民身份号码已脱敏(含*),无法核对", "the ID number is masked (contains *) and cannot be checked");
  if (s.size() == 15)
    return fail("15位旧身份证号码,请改为18位公民身份号码", "an old 15-digit ID number; use the 18-digit number");
  if (s.size() != 18)
    return fail("公民身份号码应为18位,实际为" + std::to_string(CodePointCount(s)) + "位",
                "the ID number must have 18 characters, it has " + std::to_string(CodePointCount(s)));
  r.normalized = s;
  for (int i = 0; i < 17; ++i)
    if (s[i] < '0' || s[i] > '9') return fail("公民身份号码前17位应全为数字", "the first 17 characters must be digits");
  if (!(s[17] >= '0' && s[17] <= '9') && s[17] != 'X')
    return fail("公民身份号码第18位应为数字或X", "the 18th character must be a digit or X");
  r.expected_check = IdCheckCharacter(std::string_view(s).substr(0, 17));
  const int province = (s[0] - '0') * 10 + (s[1] - '0');
  static const int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                   43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
  bool known = false;
  for (int p : kProvinces) known |= p == province;
  if (!known)
    return fail("公民身份号码前两位(" + s.substr(0, 2) + ")不是有效的省级行政区划代码",
                "the first two digits (" + s.substr(0, 2) + ") are not a province code");
  const int y = std::stoi(s.substr(6, 4)), m = std::stoi(s.substr(10, 2)), d = std::stoi(s.substr(12, 2));
  auto birth = Date::FromYmd(y, m, d);
  if (!birth)
    return fail("公民身份号码中的出生日期(" + s.substr(6, 8) + ")不是有效日期",
                "the birth date inside the ID number (" + s.substr(6, 8) + ") is not a valid date");
  r.birth_date = *birth;
  r.male = (s[16] - '0') % 2 == 1;
  if (s[17] != r.expected_check)
    return fail(std::string("公民身份号码校验位错误:第18位是") + s[17] + ",按前17位应为" + r.expected_check,
                std::string("wrong check character: the 18th is ") + s[17] + ", the first 17 digits give " +
                    r.expected_check);
  r.ok = true;
  return r;
}

std::string MaskIdNumber(std::string_view n) {
  if (n.size() < 8) return std::string(n.size(), '*');
  return std::string(n.substr(0, 4)) + std::string(n.size() - 8, '*') + std::string(n.substr(n.size() - 4));
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[32];
  mbedtls_sha256_context ctx;
  mbedtls_sha256_init(&ctx);
  mbedtls_sha256_starts_ret(&ctx, 0);
  mbedtls_sha256_update_ret(&ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  mbedtls_sha256_finish_ret(&ctx, digest);
  mbedtls_sha256_free(&ctx);
  static const char* hex = "0123456789abcdef";
  std::string out(64, '0');
  for (int i = 0; i < 32; ++i) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  return out;
}

std::string HashIdNumber(std::string_view salt, std::string_view normalized) {
  std::string buf;
  buf.reserve(salt.size() + 1 + normalized.size());
  buf.append(salt).append(":").append(normalized);
  return Sha256Hex(buf);
}

std::string NewSalt(IdGenerator& ids) {
  std::string salt = ids.Next();  // two statements: the order of operands of + is unspecified
  salt += ids.Next();
  return salt;
}

}  // namespace zj
