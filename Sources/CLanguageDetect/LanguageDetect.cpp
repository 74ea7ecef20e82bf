// A C face for CLD2 (Debian: libcld2-dev), whose API is C++.
#include <cstdio>  // CLD2's public header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "CLanguageDetect.h"

namespace CLD2 {
// Declared in CLD2's internal lang_script.h, exported by libcld2.
const char *LanguageCode(Language lang);
}

extern "C" DossierLanguageGuess dossier_detect_language(const char *utf8, int length, const char *hint) {
    CLD2::CLDHints hints = {hint, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int textBytes = 0;
    int validPrefix = 0;
    bool reliable = false;
    CLD2::Language best = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        utf8, length, true, &hints, 0, languages, percents, scores, nullptr, &textBytes, &reliable, &validPrefix);
    DossierLanguageGuess guess;
    guess.code = CLD2::LanguageCode(best);
    guess.percent = languages[0] == best ? percents[0] : 0;
    guess.secondCode = CLD2::LanguageCode(languages[1]);
    guess.secondPercent = percents[1];
    guess.textBytes = textBytes;
    guess.reliable = reliable && validPrefix == length ? 1 : 0;
    return guess;
}

extern "C" int dossier_language_count(void) { return CLD2::NUM_LANGUAGES; }

extern "C" const char *dossier_language_code(int index) {
    return CLD2::LanguageCode(static_cast<CLD2::Language>(index));
}
