add_library(yekuo_warnings INTERFACE)
# Not -Wnull-dereference: with g++ 12 at -O2 it reports false positives inside libstdc++.

target_compile_options(yekuo_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(YEKUO_DEV_MODE)
  target_compile_options(yekuo_warnings INTERFACE -Werror)
endif()
