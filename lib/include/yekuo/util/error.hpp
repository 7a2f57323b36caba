#pragma once
// Exceptions that cross the library boundary. cli/main.cpp maps them to exit codes:
// InputError -> 2 (bad input or invocation), InternalError -> 1.
#include <stdexcept>
#include <string>

namespace yekuo {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The user can fix this: a bad file, a date outside the calendar, a bad argument.
class InputError : public Error {
public:
  using Error::Error;
};

// A bug or an environment failure (disk full, cannot rename).
class InternalError : public Error {
public:
  using Error::Error;
};

} // namespace yekuo
