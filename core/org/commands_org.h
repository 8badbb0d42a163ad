// Zhengjian core: commands of the 组织 screen (commands_org.cpp lists them with their arguments).
#pragma once
#include "core/data/workspace.h"

namespace zj {
/// Registers area.*, general_branch.*, branch.*, org.focus_rule, member.set_posts, member.set_status,
/// exemption.*, cadre.* and roster.import (see commands_org.cpp for arguments and refusals).
void RegisterOrgCommands(Workspace& ws);
}  // namespace zj
