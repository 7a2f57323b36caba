// toml++'s implementation, compiled into yekuo_lib when YEKUO_LEAN_RUNTIME is on (every file sees
// TOML_HEADER_ONLY=0, i.e. only declarations; lib/CMakeLists.txt defines YEKUO_TOML_IMPLEMENTATION
// for this one). With the option off the program links Debian's libtomlplusplus.so instead.
#ifdef YEKUO_TOML_IMPLEMENTATION
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
#endif
