// ID numbers (公民身份号码): GB 11643 check character, validation, masking, salted SHA-256 (mbedtls).
#include <gtest/gtest.h>

#include "core/org/idnumber.h"

namespace zj {
namespace {

TEST(IdNumber, CheckCharacterByHand) {
  // 4 2 0 5 8 1 1 9 8 6 1 2 1 3 3 0 3 x weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
  // 28+18+0+25+64+4+2+9+48+18+7+18+10+15+24+0+6 = 296; 296 mod 11 = 10 -> "10X98765432"[10] = '2'.
  EXPECT_EQ(IdCheckCharacter("42058119861213303"), '2');
  EXPECT_EQ(IdCheckCharacter("42058119470113694"), 'X');  // roster-utf8-bom.csv row 5 (make_rosters.py)
  EXPECT_EQ(IdCheckCharacter("42058119570823789"), '5');  // roster-messy.csv row 13 has 0 instead (make_rosters.py)
  EXPECT_EQ(IdCheckCharacter("4205811957082378"), 0);     // 16 digits
  EXPECT_EQ(IdCheckCharacter("4205811957082378a"), 0);
}

TEST(IdNumber, ValidatesAndNormalizes) {
  auto ok = ValidateIdNumber(" 42058119470113694x ");
  ASSERT_TRUE(ok.ok) << ok.error_zh;
  EXPECT_EQ(ok.normalized, "42058119470113694X");
  EXPECT_EQ(ok.birth_date.ToString(), "1947-01-13");
  EXPECT_FALSE(ok.male);  // 17th digit 4: even = female
  auto fw = ValidateIdNumber("４２０５８１１９８６１２１３３０３２");  // full-width digits
  ASSERT_TRUE(fw.ok);
  EXPECT_EQ(fw.normalized, "420581198612133032");
  EXPECT_TRUE(fw.male);

  auto bad = ValidateIdNumber("420581195708237890");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.expected_check, '5');
  EXPECT_EQ(bad.error_zh, "公民身份号码校验位错误:第18位是0,按前17位应为5");
  EXPECT_EQ(ValidateIdNumber("").error_zh, "公民身份号码为空");
  EXPECT_EQ(ValidateIdNumber("420581570823789").error_zh, "15位旧身份证号码,请改为18位公民身份号码");
  EXPECT_NE(ValidateIdNumber("4.20581E+17").error_zh.find("科学计数法"), std::string::npos);
  EXPECT_EQ(ValidateIdNumber("4205**********7890").error_zh, "公民身份号码已脱敏(含*),无法核对");
  EXPECT_EQ(ValidateIdNumber("42058119570823789").error_zh, "公民身份号码应为18位,实际为17位");
  EXPECT_EQ(ValidateIdNumber("4205811957082378A5").error_zh, "公民身份号码前17位应全为数字");
  EXPECT_EQ(ValidateIdNumber("990581195708237895").error_zh, "公民身份号码前两位(99)不是有效的省级行政区划代码");
  // Birth date inside must be a real date: 1957-02-30.
  const std::string feb30 = std::string("42058119570230789") + IdCheckCharacter("42058119570230789");
  EXPECT_EQ(ValidateIdNumber(feb30).error_zh, "公民身份号码中的出生日期(19570230)不是有效日期");
  const std::string leap = std::string("42058120000229123") + IdCheckCharacter("42058120000229123");
  EXPECT_TRUE(ValidateIdNumber(leap).ok);
}

TEST(IdNumber, MaskKeepsFourAndFour) {
  EXPECT_EQ(MaskIdNumber("420581198612133032"), "4205**********3032");
  EXPECT_EQ(MaskIdNumber("42058119470113694X"), "4205**********694X");
}

TEST(IdNumber, Sha256FromMbedtls) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("渔洋镇"), "9d9b5169531b17ccc1a143a0c0515c217601434bdb9c4aba23f45dadf5fd0d8b");  // python hashlib
}

TEST(IdNumber, SaltedHashFindsTheSamePersonOnly) {
  const std::string salt = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(HashIdNumber(salt, "420581198612133032"), "6aaed000acbd2e218a83bd34c49b1982440d6137830f19ddad52e1d76d6cd139");
  EXPECT_EQ(HashIdNumber(salt, "420581198612133032"), HashIdNumber(salt, ValidateIdNumber("420581198612133032 ").normalized));
  EXPECT_NE(HashIdNumber(salt, "420581198612133032"), HashIdNumber("another-salt", "420581198612133032"));
  EXPECT_NE(HashIdNumber(salt, "420581198612133032"), Sha256Hex("420581198612133032"));
  IdGenerator ids(7);
  const std::string s1 = NewSalt(ids), s2 = NewSalt(ids);
  EXPECT_EQ(s1.size(), 32u);
  EXPECT_NE(s1, s2);
}

}  // namespace
}  // namespace zj
