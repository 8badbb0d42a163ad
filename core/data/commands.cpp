// Built-in commands (docs/architecture.md "How a change travels"): the typed commands of the table
// (core/data/command_table.h). Each checks its arguments fully before changing anything; Workspace::Apply also rolls
// back on any problem, so a half-applied command cannot happen.
#include "core/data/command_table.h"
#include "core/data/workspace.h"

namespace zj {

void RegisterBuiltinCommands(Workspace& ws) {
#define ZJ_DEFINE(C) Define<C>(ws);
  ZJ_COMMANDS(ZJ_DEFINE)
#undef ZJ_DEFINE
}

}  // namespace zj
