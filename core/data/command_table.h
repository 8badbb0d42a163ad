// Zhengjian core: every typed command in one table (docs/recipes.md "Add a command"). ZJ_COMMANDS(X) calls
// X(Struct) once per command; RegisterBuiltinCommands defines each (core/data/command.h Define<C>), and tests walk
// the table (every command refuses an unknown argument by name).
#pragma once
#include "core/org/commands_member.h"

#define ZJ_COMMANDS(X) \
  X(MemberAdd)         \
  X(MemberUpdate)      \
  X(MemberRemove)
