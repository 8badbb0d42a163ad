// Zhengjian core: citizen ID numbers (公民身份号码, GB 11643-1999) — validation, masking and the salted
// hash that lets an import find the same person twice without storing the number.
// ID numbers; docs/domain.md "Who uses the product" (the office keeps rosters of named people).
//
// Privacy note: an ID number has little entropy (region, birth date, 3-digit sequence, check digit), so a
// salted SHA-256 with the salt kept in the same dataset stops casual reading and cross-dataset matching, not
// a determined brute force by someone holding the file. The dataset file itself must be handled as personal data.
// SHA-256 comes from Debian's mbedtls 2.28.3 sources (scripts/install-deps.sh), never hand-written.
#pragma once
#include <string>
#include <string_view>

#include "core/base/types.h"

namespace zj {

/// Result of ValidateIdNumber.
struct IdNumberCheck {
  bool ok = false;
  std::string normalized;  ///< 18 ASCII characters, check character upper-case 'X' (set even when !ok if 18 long)
  Date birth_date;         ///< digits 7..14, valid when ok
  bool male = false;       ///< digit 17 odd = male (男), even = female (女)
  char expected_check = 0; ///< the check character computed from the first 17 digits (when they are digits)
  std::string error_zh, error_en;  ///< why not ok
};

/// Check character (0-9 or 'X') of the first 17 digits by GB 11643 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
/// mod 11 -> "10X98765432"). `first17` must be 17 ASCII digits, else returns 0.
char IdCheckCharacter(std::string_view first17);

/// Validates an ID number as typed or imported: trims spaces, maps full-width digits/letters to ASCII and
/// 'x' to 'X'; then checks length 18 (15-digit old numbers and Excel's scientific form "4.20581E+17" get
/// their own message), digits, province code, birth date (a real date, 1900..today's range of Date) and
/// check character. Messages are Chinese with an English rendering.
IdNumberCheck ValidateIdNumber(std::string_view text);

/// Masked form for display and export: first 4 and last 4 characters, 10 stars between:
/// "420581198612133032" -> "4205**********3032". Input must be a normalized 18-character number.
std::string MaskIdNumber(std::string_view normalized);

/// Lower-case hex SHA-256 (64 characters) of `data` (mbedtls).
std::string Sha256Hex(std::string_view data);

/// Salted hash stored instead of the number: Sha256Hex(salt + ":" + normalized). Same salt and number ->
/// same hash, which is how an import recognizes a person already in the dataset (Dataset::id_salt).
std::string HashIdNumber(std::string_view salt, std::string_view normalized);

/// A new random salt: 32 lower-case hex characters from `ids`.
std::string NewSalt(IdGenerator& ids);

}  // namespace zj
