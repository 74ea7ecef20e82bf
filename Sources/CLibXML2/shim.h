// libxml2's HTML and XML parsers (Debian: libxml2-dev), used by DossierKit's HTMLReader and the office and e-book readers.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation.
// Nothing here uses libxml2's ICU converters (DossierKit decodes text itself), so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
