// toml++'s implementation, compiled into yekuo_lib (every file sees TOML_HEADER_ONLY=0, i.e. only
// declarations; lib/CMakeLists.txt defines YEKUO_TOML_IMPLEMENTATION for this one). It goes
// through yekuo/io/toml.hpp like every other file, so the parser gets that header's fix.
#ifdef YEKUO_TOML_IMPLEMENTATION
#define TOML_IMPLEMENTATION
#include <yekuo/io/toml.hpp>
#endif
