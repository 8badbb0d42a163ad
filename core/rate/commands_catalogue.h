// Zhengjian core: commands that edit the points catalogue (积分项目表) and the branch assessment rubric
// (积分制管理考核细则); commands_catalogue.cpp lists them with their arguments and refusals.
#pragma once
#include "core/data/workspace.h"

namespace zj {
/// Registers catalogue.item.add / catalogue.item.update / catalogue.item.remove and rubric.item.add /
/// rubric.item.update / rubric.item.remove (see commands_catalogue.cpp for arguments and refusals).
/// Any of them marks the edited table as no longer the built-in example (示例).
void RegisterCatalogueCommands(Workspace& ws);
}  // namespace zj
