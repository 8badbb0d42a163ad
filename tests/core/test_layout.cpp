// docs/architecture.md: core/ never includes ImGui, Emscripten or GLFW headers (Tracy's and chips' model/view split).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

TEST(Layout, CoreIncludesNoUiOrPlatformHeaders) {
  const std::filesystem::path core = std::filesystem::path(ZJ_SOURCE_DIR) / "core";
  ASSERT_TRUE(std::filesystem::is_directory(core)) << core;
  const std::regex forbidden(R"(^\s*#\s*include\s*[<"](imgui|emscripten|GLFW|GLES))");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      EXPECT_FALSE(std::regex_search(line, forbidden)) << entry.path().lexically_relative(core).string() << ":" << n << ": " << line;
  }
  EXPECT_GT(files, 10);
}

// core/ is grouped in folders that name the domain (docs/architecture.md "Layers"): no source file lies
// loose at its top.
TEST(Layout, CoreSourcesLiveInDomainFolders) {
  const std::filesystem::path core = std::filesystem::path(ZJ_SOURCE_DIR) / "core";
  for (const auto& entry : std::filesystem::directory_iterator(core)) {
    const auto ext = entry.path().extension();
    EXPECT_FALSE(ext == ".h" || ext == ".cpp") << "loose file in core/: " << entry.path().filename();
  }
}

}  // namespace
