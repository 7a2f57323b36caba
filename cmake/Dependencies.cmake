# Every external dependency comes from Debian's packages (SPEC §7); no download fallback.
find_package(fmt 9 CONFIG REQUIRED)
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
# The Boost.Graph algorithms we use are header-only.
find_package(Boost 1.74 REQUIRED)
find_package(Threads REQUIRED)
if(BUILD_TESTING)
  find_package(doctest 2.4 CONFIG REQUIRED)
endif()

message(STATUS "yekuo dependencies: fmt ${fmt_VERSION}, CLI11 ${CLI11_VERSION}, "
               "toml++ ${tomlplusplus_VERSION}, Boost ${Boost_VERSION}")
