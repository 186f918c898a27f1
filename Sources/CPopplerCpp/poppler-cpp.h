/* poppler's C++ interface (Debian libpoppler-cpp-dev), found through pkg-config. Only
 * Sources/CPopplerCppShim includes it: the Swift code never sees C++ or poppler. */
#include <poppler-document.h>
#include <poppler-page.h>
