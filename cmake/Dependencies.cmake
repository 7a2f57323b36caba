# Every external dependency comes from Debian's packages (SPEC §7); no download fallback.
find_package(fmt 9 CONFIG REQUIRED)
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
# The Boost.Graph algorithms we use are header-only.
find_package(Boost 1.74 REQUIRED)
find_package(Threads REQUIRED)
# `yekuo export --format sqlite` (libsqlite3-dev; CMake's own FindSQLite3).
find_package(SQLite3 REQUIRED)
# libxlsxwriter (--format xlsx) ships no CMake config in Debian, only a pkg-config file.
find_package(PkgConfig REQUIRED)
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)
if(BUILD_TESTING)
  find_package(doctest 2.4 CONFIG REQUIRED)
endif()

# toml++'s implementation is always compiled into our library (lib/src/io/toml_implementation.cpp)
# rather than loaded from libtomlplusplus.so: the parser must be built with the fix in
# lib/include/yekuo/io/toml.hpp for an undefined-behaviour bug of toml++ 3.3.0.
add_library(yekuo_toml INTERFACE)
get_target_property(_toml_includes tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(yekuo_toml SYSTEM INTERFACE ${_toml_includes})
target_compile_definitions(yekuo_toml INTERFACE TOML_HEADER_ONLY=0)
target_compile_features(yekuo_toml INTERFACE cxx_std_17)

# Start-up time matters (`yekuo plan` is meant to take a few milliseconds, process start
# included): by default fmt is used header-only and libstdc++ is linked statically, so the
# binary needs no dynamic loading beyond libc. Same packages, same code; see docs/performance.md.
option(YEKUO_LEAN_RUNTIME "header-only fmt, static libstdc++" ON)
add_library(yekuo_fmt INTERFACE)
if(YEKUO_LEAN_RUNTIME)
  target_link_libraries(yekuo_fmt INTERFACE fmt::fmt-header-only)
else()
  target_link_libraries(yekuo_fmt INTERFACE fmt::fmt)
endif()

message(STATUS "yekuo dependencies: fmt ${fmt_VERSION}, CLI11 ${CLI11_VERSION}, "
               "toml++ ${tomlplusplus_VERSION}, Boost ${Boost_VERSION}, SQLite ${SQLite3_VERSION}, libxlsxwriter ${xlsxwriter_VERSION}")
