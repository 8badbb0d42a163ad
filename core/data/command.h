// Zhengjian core: typed commands. docs/architecture.md "Commands" and docs/recipes.md "Add a command".
//
// A command is a struct with its name, its kind and its fields, read and written by one field list:
//
//   struct MemberUpdate {                      // core/org/commands_member.h
//     static constexpr const char* kName = "member.update";
//     static constexpr CommandKind kKind = CommandKind::Edits;
//     Id id;
//     std::optional<std::string> name;         // absent: left as it is
//     Maybe<Date> birth_date;                  // absent: left; null: cleared; a date: set
//     template <class V> void Fields(V& v) { v.Req("id", id); v.Opt("name", name); v.Opt("birth_date", birth_date); }
//   };
//   std::optional<Problem> Handle(const MemberUpdate& c, Tx& tx);   // beside it, in the domain's commands file
//
// Screens build the struct (a misspelt field is a compile error) and emit it; the workspace receives every command
// as {name, JSON args} (the form of the audit trail, tests and the UI queue) and reads it back with the strict
// reader below: an unknown or missing key, or a value of the wrong type, is refused with a message naming the key,
// before anything changes. The list of all commands is one table (core/data/command_table.h).
#pragma once
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"
#include "core/base/types.h"
#include "core/data/tx.h"
#include "core/data/workspace.h"

namespace zj {

/// What a command does to records: adds, changes, or removes them (removals leave tombstones; a screen confirms
/// them). Several: the most destructive.
enum class CommandKind { Adds, Edits, Removes };

/// A field that can be left out (untouched), given as null (cleared) or given a value.
template <class T>
using Maybe = std::optional<std::optional<T>>;

/// Points (tenths) as a command field: a JSON number on the 0.1 grid (89.5) or a string ParsePoints reads ("+2").
struct PointsArg {
  int32_t tenths = 0;
};

/// A field's own refusal for a value of the wrong type, where the screen shows it to the user as it always did
/// (e.g. points typed by hand: "分值应为数字，最多一位小数（如 2 或 0.5）"). Without it the reader's message names
/// the key and the type it wants.
struct Say {
  std::string zh, en;
};

/// The strict reader of a command's arguments.
class ArgReader {
 public:
  ArgReader(const nlohmann::json& args, const char* command);
  /// Req / Opt with the field's own message for a value of the wrong type (Say).
  template <class T>
  void Req(const char* key, T& out, const Say& say) {
    say_ = &say;
    Req(key, out);
    say_ = nullptr;
  }
  template <class T>
  void Opt(const char* key, std::optional<T>& out, const Say& say) {
    say_ = &say;
    Opt(key, out);
    say_ = nullptr;
  }
  template <class T>
  void Req(const char* key, T& out) {
    seen_.insert(key);
    if (problem_) return;
    auto it = args_.is_object() ? args_.find(key) : args_.end();
    if (!args_.is_object() || it == args_.end() || it->is_null()) {
      Missing(key);
      return;
    }
    Read(key, *it, out);
  }
  template <class T>
  void Opt(const char* key, std::optional<T>& out) {
    seen_.insert(key);
    if (problem_ || !args_.is_object()) return;
    auto it = args_.find(key);
    if (it == args_.end()) return;
    if constexpr (is_optional<T>::value) {  // Maybe<U>: null clears
      if (it->is_null()) {
        out.emplace(std::nullopt);
        return;
      }
      typename T::value_type v{};
      if (Read(key, *it, v)) out.emplace(std::move(v));
    } else {
      if (it->is_null()) return;
      T v{};
      if (Read(key, *it, v)) out = std::move(v);
    }
  }
  /// The first problem: a missing or unknown key, or a value of the wrong type.
  std::optional<Problem> Finish();

 private:
  template <class T>
  struct is_optional : std::false_type {};
  template <class U>
  struct is_optional<std::optional<U>> : std::true_type {};
  void Missing(const char* key);
  bool Wrong(const char* key, const char* want_zh, const char* want_en);
  bool Read(const char* key, const nlohmann::json& v, std::string& out);
  bool Read(const char* key, const nlohmann::json& v, bool& out);
  bool Read(const char* key, const nlohmann::json& v, int& out);
  bool Read(const char* key, const nlohmann::json& v, Date& out);
  bool Read(const char* key, const nlohmann::json& v, DateOrMonth& out);
  bool Read(const char* key, const nlohmann::json& v, PointsArg& out);
  bool Read(const char* key, const nlohmann::json& v, std::vector<std::string>& out);
  bool Read(const char* key, const nlohmann::json& v, nlohmann::json& out);
  const nlohmann::json& args_;
  const char* command_;
  std::set<std::string> seen_;
  std::optional<Problem> problem_;
  const Say* say_ = nullptr;
};

/// Writes a command's fields as JSON arguments (absent optionals left out; Maybe's inner null written as null).
class ArgWriter {
 public:
  nlohmann::json out = nlohmann::json::object();
  template <class T>
  void Req(const char* key, const T& v) {
    out[key] = Json(v);
  }
  template <class T>
  void Opt(const char* key, const std::optional<T>& v) {
    if (v) out[key] = Json(*v);
  }
  template <class T>
  void Req(const char* key, const T& v, const Say&) {
    Req(key, v);
  }
  template <class T>
  void Opt(const char* key, const std::optional<T>& v, const Say&) {
    Opt(key, v);
  }

 private:
  template <class T>
  static nlohmann::json Json(const std::optional<T>& v) {
    return v ? Json(*v) : nlohmann::json(nullptr);
  }
  static nlohmann::json Json(const std::string& v) { return v; }
  static nlohmann::json Json(bool v) { return v; }
  static nlohmann::json Json(int v) { return v; }
  static nlohmann::json Json(const Date& v) { return v.ToString(); }
  static nlohmann::json Json(const DateOrMonth& v) { return v.ToString(); }
  static nlohmann::json Json(const PointsArg& v) { return PointsJson(v.tenths); }
  static nlohmann::json Json(const std::vector<std::string>& v) { return v; }
  static nlohmann::json Json(const nlohmann::json& v) { return v; }
};

/// The {name, args} form of a typed command.
template <class C>
Command ToCommand(const C& c) {
  ArgWriter w;
  const_cast<C&>(c).Fields(w);  // Fields only reads through a writer
  return Command{C::kName, std::move(w.out)};
}

/// Reads a typed command from its arguments (strictly); a problem names the key.
template <class C>
std::optional<Problem> FromArgs(const nlohmann::json& args, C& out) {
  ArgReader r(args, C::kName);
  out.Fields(r);
  return r.Finish();
}

/// Registers command C with its handler `Handle(const C&, Tx&)`.
template <class C>
void Define(Workspace& ws) {
  ws.Register(C::kName, [](const nlohmann::json& args, Tx& tx) -> std::optional<Problem> {
    C c;
    if (auto p = FromArgs(args, c)) return p;
    return Handle(c, tx);
  });
}

}  // namespace zj
