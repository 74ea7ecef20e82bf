// poppler's GLib API (Debian: libpoppler-glib-dev), used by DossierKit's PDFReader: the text of each
// page in reading order, the info dictionary and XMP metadata. Chosen over MuPDF by measurement
// (docs/formats.md#pdf).
#include <poppler.h>
