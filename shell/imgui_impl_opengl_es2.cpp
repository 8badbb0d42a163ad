// Dear ImGui's OpenGL3 backend compiled a second time for WebGL1 / OpenGL ES 2 phones (no WebGL2):
// the same upstream source (from .third_party, not copied here) with its entry points renamed so both
// variants link into one binary; platform_web.cpp picks one at start-up from the context it got.
#undef IMGUI_IMPL_OPENGL_ES3
#define IMGUI_IMPL_OPENGL_ES2
#define ImGui_ImplOpenGL3_Init ImGui_ImplOpenGLES2_Init
#define ImGui_ImplOpenGL3_Shutdown ImGui_ImplOpenGLES2_Shutdown
#define ImGui_ImplOpenGL3_NewFrame ImGui_ImplOpenGLES2_NewFrame
#define ImGui_ImplOpenGL3_RenderDrawData ImGui_ImplOpenGLES2_RenderDrawData
#define ImGui_ImplOpenGL3_CreateDeviceObjects ImGui_ImplOpenGLES2_CreateDeviceObjects
#define ImGui_ImplOpenGL3_DestroyDeviceObjects ImGui_ImplOpenGLES2_DestroyDeviceObjects
#define ImGui_ImplOpenGL3_UpdateTexture ImGui_ImplOpenGLES2_UpdateTexture
#define ImGui_ImplOpenGL3_Data ImGui_ImplOpenGLES2_Data
#define ImGui_ImplOpenGL3_GetBackendData ImGui_ImplOpenGLES2_GetBackendData
#define ImGui_ImplOpenGL3_InitLoader ImGui_ImplOpenGLES2_InitLoader
#define ImGui_ImplOpenGL3_VtxAttribState ImGui_ImplOpenGLES2_VtxAttribState
#include "imgui_impl_opengl3.cpp"
