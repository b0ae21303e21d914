// The only file that knows GLFW and OpenGL: window, glad loader, ImGui backends, the idle-aware
// main loop, and offscreen rendering for --screenshot.
#include "gui_main.hpp"

#include "app.hpp"
#include "fonts.hpp"
#include "timeline_data/file_watch.hpp"

#include <glad/gl.h>
// glad first: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace parallax {
namespace {

// Set by GLFW callbacks: something happened, so draw a few frames before sleeping again.
bool g_activity = true;

void MarkActivity(GLFWwindow*) { g_activity = true; }
void OnCursor(GLFWwindow* w, double, double) { MarkActivity(w); }
void OnButton(GLFWwindow* w, int, int, int) { MarkActivity(w); }
void OnScroll(GLFWwindow* w, double, double) { MarkActivity(w); }
void OnKey(GLFWwindow* w, int, int, int, int) { MarkActivity(w); }
void OnChar(GLFWwindow* w, unsigned) { MarkActivity(w); }
void OnSize(GLFWwindow* w, int, int) { MarkActivity(w); }
void OnFocus(GLFWwindow* w, int) { MarkActivity(w); }
void OnEnter(GLFWwindow* w, int) { MarkActivity(w); }

// Closing with unsaved edits: keep the window open and let the App ask.
App* g_app = nullptr;
void OnClose(GLFWwindow* window) {
  if (g_app && g_app->m_session.AnyDirty() && !g_app->m_quitNow) {
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    g_app->m_quitAsked = true;
  }
  g_activity = true;
}

void OnGlfwError(int code, const char* description) { std::fprintf(stderr, "GLFW error %d: %s\n", code, description); }

void ApplyStyle(float scale) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.f;
  style.FrameRounding = 3.f;
  style.PopupRounding = 4.f;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.f);
  style.Colors[ImGuiCol_PopupBg] = ImVec4(1.f, 1.f, 0.99f, 0.98f);
  style.ScaleAllSizes(scale);
}

// Parses an EDTF interval for --view into [start, end) days.
bool ViewDays(const std::string& text, double& start, double& end) {
  const EdtfParseResult parsed = ParseEdtf(text);
  if (!parsed.ok || parsed.value.HasOpenOrUnknownEnd()) {
    std::fprintf(stderr, "error: --view needs a closed EDTF interval such as 1917/1924: %s\n",
                 parsed.ok ? "open ends are not allowed" : parsed.errorMessage.c_str());
    return false;
  }
  start = DayNumber(parsed.value.Earliest());
  end = DayNumber(parsed.value.Latest()) + 1.0;
  return true;
}

bool WritePng(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows run bottom-up.
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

}  // namespace

int RunGui(const GuiOptions& options) {
  glfwSetErrorCallback(OnGlfwError);
  if (!glfwInit()) {
    std::fprintf(stderr, "error: cannot initialise GLFW (is a display available? try xvfb-run)\n");
    return 1;
  }
  const bool offscreen = !options.screenshotPath.empty();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  if (offscreen) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);

  App app;
  const bool opened = app.Load(options.datasetDir);
  for (const Problem& p : app.m_problems) std::fprintf(stderr, "%s\n", FormatProblem(p).c_str());
  if (!opened) std::fprintf(stderr, "warning: could not open dataset '%s'; starting empty\n", options.datasetDir.c_str());

  GLFWwindow* window = glfwCreateWindow(offscreen ? 64 : options.width, offscreen ? 64 : options.height,
                                        app.WindowTitle().c_str(), nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "error: cannot create an OpenGL 3.3 core window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::fprintf(stderr, "error: cannot load OpenGL 3.3 functions\n");
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }

  // Our callbacks first; the ImGui backend chains to them.
  glfwSetCursorPosCallback(window, OnCursor);
  glfwSetMouseButtonCallback(window, OnButton);
  glfwSetScrollCallback(window, OnScroll);
  glfwSetKeyCallback(window, OnKey);
  glfwSetCharCallback(window, OnChar);
  glfwSetFramebufferSizeCallback(window, OnSize);
  glfwSetWindowFocusCallback(window, OnFocus);
  glfwSetCursorEnterCallback(window, OnEnter);
  glfwSetWindowCloseCallback(window, OnClose);
  g_app = &app;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
  float scaleX = 1.f;
  float scaleY = 1.f;
  glfwGetWindowContentScale(window, &scaleX, &scaleY);
  app.m_scale = offscreen ? 1.f : std::max(1.f, scaleY);
  ApplyStyle(app.m_scale);
  std::string fontWarning;
  app.m_fonts = LoadUiFonts(app.m_scale, fontWarning);
  if (!fontWarning.empty()) std::fprintf(stderr, "warning: %s\n", fontWarning.c_str());
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  app.m_textsDir = options.textsDir;
  if (!options.claim.empty()) {
    const std::int32_t claim = app.m_dataset.FindClaim(options.claim);
    if (claim < 0) {
      std::fprintf(stderr, "error: --claim: no claim '%s' in the dataset\n", options.claim.c_str());
      return 2;
    }
    app.SelectClaim(claim);
    // The canvas geometry is known after a first frame; the claim is framed once it is.
    app.m_pendingClaimFrame = claim;
  }
  if (!options.event.empty()) {
    const std::size_t slash = options.event.find('/');
    const std::int32_t source = slash == std::string::npos ? -1 : app.m_dataset.FindSource(options.event.substr(0, slash));
    const std::int32_t event = source < 0 ? -1 : app.m_dataset.FindEvent(source, options.event.substr(slash + 1));
    if (event < 0) {
      std::fprintf(stderr, "error: --event: no event '%s' (write SOURCE/ID, e.g. volkogonov/ch2-plenum-3-april)\n",
                   options.event.c_str());
      return 2;
    }
    app.Select(event);
    const DayExtent extent = EventExtent(app.m_dataset.events[static_cast<std::size_t>(event)].date,
                                         app.m_layout.domainStartDay, app.m_layout.domainEndDay);
    app.m_pendingFrameStart = extent.start;
    app.m_pendingFrameEnd = extent.end;
  }
  if (!options.view.empty()) {
    double start = 0.0;
    double end = 0.0;
    if (!ViewDays(options.view, start, end)) return 2;
    app.SetViewDays(start, end);
  }

  // Watch the dataset's files: a change wakes the idle loop (glfwPostEmptyEvent is thread-safe).
  FileWatcher watcher;
  if (!offscreen) {
    std::vector<std::filesystem::path> files;
    for (const FileBuffer& f : app.m_session.Files()) files.push_back(app.m_session.Dir() / f.name);
    std::string error;
    if (!watcher.Watch(files, [] { glfwPostEmptyEvent(); }, error))
      std::fprintf(stderr, "warning: changes made outside Parallax will not show until restart: %s\n", error.c_str());
    // The App's own saves need no ignoring: a change whose bytes equal what was saved is no change.
  }

  int exitCode = 0;
  if (offscreen) {
    // Render into a framebuffer object of exactly the asked size: independent of the screen.
    GLuint fbo = 0;
    GLuint color = 0;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, options.width, options.height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      std::fprintf(stderr, "error: cannot create an offscreen framebuffer of %dx%d\n", options.width, options.height);
      exitCode = 1;
    } else {
      // A few frames: the first lays out windows, later ones settle them.
      for (int frame = 0; frame < 3; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
        io.DisplayFramebufferScale = ImVec2(1.f, 1.f);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover in a screenshot
        ImGui::NewFrame();
        app.Frame(1.f / 60.f);
        ImGui::Render();
        glViewport(0, 0, options.width, options.height);
        glClearColor(0.98f, 0.98f, 0.97f, 1.f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      }
      glFinish();
      if (!WritePng(options.screenshotPath, options.width, options.height)) {
        std::fprintf(stderr, "error: cannot write '%s'\n", options.screenshotPath.c_str());
        exitCode = 1;
      } else {
        std::printf("wrote %s (%dx%d)\n", options.screenshotPath.c_str(), options.width, options.height);
      }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &color);
    glDeleteFramebuffers(1, &fbo);
  } else {
    // Idle-aware loop: sleep in glfwWaitEvents until input arrives; draw a few frames after each
    // event (ImGui settles hover state over two frames) and every frame while an animation runs.
    int framesLeft = 3;
    bool titleDirty = false;
    double last = glfwGetTime();
    while (!glfwWindowShouldClose(window) && !app.m_quitNow) {
      if (framesLeft <= 0 && !app.WantsAnotherFrame()) glfwWaitEvents();
      else glfwPollEvents();
      if (std::vector<std::filesystem::path> changed = watcher.TakeChanged(); !changed.empty()) {
        app.OnFilesChanged(changed);
        g_activity = true;
      }
      if (g_activity) {
        framesLeft = 3;
        g_activity = false;
      }
      const double now = glfwGetTime();
      const float dt = static_cast<float>(std::clamp(now - last, 1.0 / 240.0, 0.1));
      last = now;
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      app.Frame(dt);
      ImGui::Render();
      // The title carries the unsaved marker; set only when it changes.
      const bool dirty = app.m_session.AnyDirty();
      if (dirty != titleDirty) {
        titleDirty = dirty;
        glfwSetWindowTitle(window, (app.WindowTitle() + (dirty ? " \xE2\x97\x8F" : "")).c_str());
      }
      int fbWidth = 0;
      int fbHeight = 0;
      glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
      glViewport(0, 0, fbWidth, fbHeight);
      glClearColor(0.98f, 0.98f, 0.97f, 1.f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glfwSwapBuffers(window);
      --framesLeft;
    }
  }

  watcher.Stop();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exitCode;
}

}  // namespace parallax
