#ifndef DOSSIER_CLANGUAGEDETECT_H
#define DOSSIER_CLANGUAGEDETECT_H

#ifdef __cplusplus
extern "C" {
#endif

/// CLD2's answer for one text, in plain C for Swift.
typedef struct {
    /// The most likely language's code as CLD2 names it (`en`, `uk`, `zh-Hant`, `iw`, `un` for unknown).
    const char *code;
    /// Percent of the text's letters in that language (0–100), and the same for the second language.
    int percent;
    const char *secondCode;
    int secondPercent;
    /// Letters CLD2 scored (markup and digits are not counted).
    int textBytes;
    /// CLD2's own judgement: 1 when the answer clearly beats the next one for this much text.
    int reliable;
} DossierLanguageGuess;

/// Detects the language of `length` bytes of UTF-8 plain text with CLD2. `hint` is a
/// comma-separated list of languages the source declares (`"en"`, `"uk,ru"`), or NULL; it only
/// boosts those languages. Invalid UTF-8 gives `un`, unreliable. Thread-safe (CLD2 keeps no state).
DossierLanguageGuess dossier_detect_language(const char *utf8, int length, const char *hint);

/// The number of languages CLD2 knows, and the code of the i-th (`un` for gaps).
int dossier_language_count(void);
const char *dossier_language_code(int index);

#ifdef __cplusplus
}
#endif

#endif
