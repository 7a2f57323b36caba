add_library(yekuo_warnings INTERFACE)
target_compile_options(yekuo_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(YEKUO_DEV_MODE)
  target_compile_options(yekuo_warnings INTERFACE -Werror)
endif()
