# Cross-compiling for 64-bit Windows with Debian's mingw-w64
# (g++-mingw-w64-x86-64): the CMakePresets.json "windows" preset.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(MINGW_TRIPLET x86_64-w64-mingw32)
# The posix thread model: the win32 one has no std::thread or std::mutex.
set(CMAKE_C_COMPILER ${MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${MINGW_TRIPLET}-windres)

# Libraries and headers come from the mingw-w64 tree or are built here
# (platform/windows/dependencies.cmake); programs run on this machine.
set(CMAKE_FIND_ROOT_PATH /usr/${MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Every program stands alone: libstdc++, libgcc and winpthread linked in, so
# no DLL has to travel with the .exe. binmode.o opens files in binary mode, as
# on Linux: what is written is byte for byte what the core wrote (no \r
# added before each \n), so files move between systems unchanged.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static /usr/${MINGW_TRIPLET}/lib/binmode.o")
