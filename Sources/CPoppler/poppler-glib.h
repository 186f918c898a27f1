/* poppler-glib (Debian libpoppler-glib-dev), found through pkg-config. Only
 * Sources/CPopplerShim includes it: the Swift code never sees glib or poppler. */
#include <poppler.h>
