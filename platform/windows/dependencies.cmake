# The libraries of the Windows build, built here from Debian's source
# packages (fetched with `apt-get source` into <build>/src by
# platform/debian_sources.sh, the web build's fetcher) under the names the
# rest of the build links on Linux: SQLite::SQLite3, cereal::cereal,
# PkgConfig::IMGUI, PkgConfig::GLFW and PkgConfig::STB. Header-only
# libraries (cereal, rapidjson, stb) come from Debian's -dev packages, copied
# so the cross compiler never sees the host's /usr/include.
set(DEBIAN_SOURCES_DIR ${CMAKE_BINARY_DIR}/src)

# debian_source(<variable> ARGS...): the folder platform/debian_sources.sh
# prints for ARGS, fetching it the first time.
function(debian_source variable)
  execute_process(COMMAND ${PROJECT_SOURCE_DIR}/platform/debian_sources.sh ${DEBIAN_SOURCES_DIR} ${ARGN}
                  OUTPUT_VARIABLE folder OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed)
  if(failed OR NOT IS_DIRECTORY "${folder}")
    message(FATAL_ERROR "Debian's source package could not be fetched: platform/debian_sources.sh ${ARGN}")
  endif()
  set(${variable} "${folder}" PARENT_SCOPE)
endfunction()
debian_source(GLFW_DIR glfw3 "glfw3-3.3*")
debian_source(IMGUI_DIR imgui "imgui-1.86*")
debian_source(SQLITE_DIR sqlite-amalgamation)

set(HEADER_COPY ${CMAKE_BINARY_DIR}/host-headers)
file(COPY /usr/include/cereal /usr/include/rapidjson /usr/include/stb DESTINATION ${HEADER_COPY})
add_library(cereal::cereal INTERFACE IMPORTED GLOBAL)
target_include_directories(cereal::cereal SYSTEM INTERFACE ${HEADER_COPY})
# stb_image compiled once, as Debian's libstb has it (stb_image_write is
# compiled where it is used: platform/desktop/screenshot.cpp).
file(WRITE ${CMAKE_BINARY_DIR}/stb_image.c "#define STB_IMAGE_IMPLEMENTATION\n#include <stb_image.h>\n")
add_library(windows_stb STATIC ${CMAKE_BINARY_DIR}/stb_image.c)
target_include_directories(windows_stb SYSTEM PUBLIC ${HEADER_COPY}/stb)
target_compile_options(windows_stb PRIVATE -w)
add_library(PkgConfig::STB ALIAS windows_stb)

add_library(windows_sqlite STATIC ${SQLITE_DIR}/sqlite3.c)
target_include_directories(windows_sqlite SYSTEM PUBLIC ${SQLITE_DIR})
target_compile_definitions(windows_sqlite PRIVATE SQLITE_OMIT_LOAD_EXTENSION SQLITE_DQS=0)
target_compile_options(windows_sqlite PRIVATE -w)
add_library(SQLite::SQLite3 ALIAS windows_sqlite)

set(GLFW_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
set(GLFW_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(GLFW_BUILD_DOCS OFF CACHE BOOL "" FORCE)
set(GLFW_INSTALL OFF CACHE BOOL "" FORCE)
add_subdirectory(${GLFW_DIR} ${CMAKE_BINARY_DIR}/glfw EXCLUDE_FROM_ALL)
target_compile_options(glfw PRIVATE -w)
add_library(PkgConfig::GLFW ALIAS glfw)

add_library(windows_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(windows_imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
target_link_libraries(windows_imgui PUBLIC glfw)
target_compile_options(windows_imgui PRIVATE -w)
add_library(PkgConfig::IMGUI ALIAS windows_imgui)

# The test build (the windows preset) compiles these at -O0: SQLite's
# amalgamation alone takes minutes at -O3, and no test measures their speed.
# The zip (windows-package) keeps the build type's optimisation.
set(CLAIMDECK_WINDOWS_LIBRARY_FLAGS "" CACHE STRING "Compile options for the libraries built from Debian's sources")
foreach(library windows_stb windows_sqlite glfw windows_imgui)
  target_compile_options(${library} PRIVATE ${CLAIMDECK_WINDOWS_LIBRARY_FLAGS})
endforeach()

# POSIX calls the core makes (flock, fsync), done the Windows way.
add_library(windows_posix_compat STATIC ${CMAKE_CURRENT_LIST_DIR}/compat/flock.cpp)
target_include_directories(windows_posix_compat SYSTEM PUBLIC ${CMAKE_CURRENT_LIST_DIR}/compat)

# Tests run the programs under Wine (platform/windows/wine-run.sh), in a
# Wine prefix of the build's own, made on first use.
configure_file(${CMAKE_CURRENT_LIST_DIR}/wine-run.sh ${CMAKE_BINARY_DIR}/wine-run @ONLY)
set(CMAKE_CROSSCOMPILING_EMULATOR ${CMAKE_BINARY_DIR}/wine-run)
