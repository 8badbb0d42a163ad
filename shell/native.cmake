# The shell built natively (g++), without a GPU, for the headless UI tests (tests/ui).
# Included from the top-level CMakeLists.txt in the native build when Dear ImGui's sources are there.
# Same shell sources as the wasm app, minus the web-only files (EM_JS / main / WebGL backend), plus
# shell/platform_native.cpp: a scriptable in-memory platform port (shell/platform_native.h).

# Dear ImGui core only (no renderer backend). Same configuration as the app's zj_imgui except the font:
# the default font stays available natively (the tests load WenQuanYi Micro Hei when present, see
# tests/ui/harness.cpp, so text is measured as in the app).
add_library(zj_imgui_native STATIC
  ${ZJ_IMGUI_DIR}/imgui.cpp ${ZJ_IMGUI_DIR}/imgui_draw.cpp ${ZJ_IMGUI_DIR}/imgui_tables.cpp
  ${ZJ_IMGUI_DIR}/imgui_widgets.cpp ${ZJ_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(zj_imgui_native PUBLIC ${ZJ_IMGUI_DIR} ${ZJ_IMGUI_DIR}/misc/cpp)
target_compile_definitions(zj_imgui_native PUBLIC
  IMGUI_USE_WCHAR32 IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(zj_imgui_native PRIVATE -w)

set(ZJ_QRCODEGEN_DIR "${ZJ_THIRD_PARTY}/qrcodegen/cpp")
add_library(zj_qrcodegen_native STATIC ${ZJ_QRCODEGEN_DIR}/qrcodegen.cpp)
target_include_directories(zj_qrcodegen_native PUBLIC ${ZJ_QRCODEGEN_DIR})
target_compile_options(zj_qrcodegen_native PRIVATE -w)

file(GLOB ZJ_SHELL_NATIVE_SRC CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/shell/*.cpp ${CMAKE_SOURCE_DIR}/shell/screens/*.cpp)
# Web-only: platform_web*.cpp and *_web.cpp (EM_JS, main loop), the WebGL1 backend.
list(FILTER ZJ_SHELL_NATIVE_SRC EXCLUDE REGEX "/(platform_web[^/]*|[^/]*_web|imgui_impl_opengl_es2)\\.cpp$")
add_library(zj_shell_native STATIC ${ZJ_SHELL_NATIVE_SRC})
target_include_directories(zj_shell_native PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(zj_shell_native PUBLIC zj_core zj_imgui_native zj_qrcodegen_native)
