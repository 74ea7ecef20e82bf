// Accuracy and speed of CLD2 and libexttextcat on samples.tsv (lang \t kind \t text).
#include <cstdio>
#include <array>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
extern "C" {
#include <libexttextcat/textcat.h>
}
namespace CLD2 { const char* LanguageCode(Language lang); }
struct S { std::string lang, kind, text; };
static std::string cld2(const std::string& t, bool& reliable) {
    CLD2::Language l3[3]; int p3[3]; double n3[3]; int tb;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language l = CLD2::ExtDetectLanguageSummary(t.data(), (int)t.size(), true, &hints, 0, l3, p3, n3, nullptr, &tb, &reliable);
    std::string c = CLD2::LanguageCode(l);
    if (c == "zh-Hant") c = "zh";
    return c;
}
static std::string textcat(void* h, const std::string& t) {
    const char* r = textcat_Classify(h, t.data(), t.size());
    if (r[0] != '[') return r;  // UNKNOWN / SHORT
    std::string s(r + 1);
    size_t end = s.find(']');
    std::string first = s.substr(0, end);
    size_t dash = first.find('-');
    std::string code = first.substr(0, dash);
    // more than one candidate means textcat could not decide
    return s.size() > end + 1 ? code + "?" : code;
}
int main(int argc, char** argv) {
    std::ifstream in(argv[1]);
    std::vector<S> v; std::string line;
    while (std::getline(in, line)) {
        auto a = line.find('\t'), b = line.find('\t', a + 1);
        v.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    void* h = special_textcat_Init("/usr/share/libexttextcat/fpdb.conf", "/usr/share/libexttextcat/");
    if (!h) { fprintf(stderr, "textcat init failed\n"); return 1; }
    // Warm up both (CLD2's tables, textcat's fingerprints are paged in on first use).
    { bool r; cld2(v[0].text, r); textcat(h, v[0].text); }
    // key: kind/lang -> counts
    std::map<std::string, std::array<int, 6>> c;  // n, cld2 right, cld2 right&reliable, cld2 wrong&reliable, textcat right(first), textcat right&sure
    std::map<std::string, std::map<std::string, int>> cldWrong, tcWrong;
    double tCld[2] = {0, 0}, tTc[2] = {0, 0}; int n[2] = {0, 0}; double bytes[2] = {0, 0};
    for (auto& s : v) {
        int k = s.kind == "short" ? 0 : 1;
        bool rel = false;
        auto t0 = std::chrono::steady_clock::now();
        std::string a = cld2(s.text, rel);
        auto t1 = std::chrono::steady_clock::now();
        std::string b = textcat(h, s.text);
        auto t2 = std::chrono::steady_clock::now();
        tCld[k] += std::chrono::duration<double, std::micro>(t1 - t0).count();
        tTc[k] += std::chrono::duration<double, std::micro>(t2 - t1).count();
        n[k]++; bytes[k] += s.text.size();
        auto& r = c[s.kind + " " + s.lang];
        r[0]++;
        if (a == s.lang) r[1]++; else cldWrong[s.kind + " " + s.lang][a + (rel ? "" : "(unrel)")]++;
        if (a == s.lang && rel) r[2]++;
        if (a != s.lang && rel) r[3]++;
        std::string bc = b; bool sure = true;
        if (!bc.empty() && bc.back() == '?') { bc.pop_back(); sure = false; }
        if (bc == s.lang) r[4]++; else tcWrong[s.kind + " " + s.lang][b]++;
        if (bc == s.lang && sure) r[5]++;
    }
    printf("%-14s %4s | %-24s | %-22s\n", "kind lang", "n", "CLD2 right / reliable&right / reliable&wrong", "textcat first right / sole right");
    for (auto& [key, r] : c) {
        printf("%-14s %4d | %3d %3d %3d | %3d %3d |", key.c_str(), r[0], r[1], r[2], r[3], r[4], r[5]);
        printf("  cld2 wrong:");
        for (auto& [w, m] : cldWrong[key]) printf(" %s×%d", w.c_str(), m);
        printf("  textcat wrong:");
        for (auto& [w, m] : tcWrong[key]) printf(" %s×%d", w.c_str(), m);
        printf("\n");
    }
    // Dossier reads the first 1,024 bytes of an article: accuracy and time on those.
    {
        int right = 0, reliable = 0, n2 = 0; double us = 0;
        for (auto& s : v) {
            if (s.kind != "article") continue;
            std::string t = s.text.substr(0, 1024);
            while (!t.empty() && (t.back() & 0xC0) == 0x80) t.pop_back();
            if (!t.empty() && (unsigned char)t.back() >= 0xC0) t.pop_back();
            bool rel = false;
            auto t0 = std::chrono::steady_clock::now();
            std::string a = cld2(t, rel);
            us += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
            n2++; if (a == s.lang) right++; if (a == s.lang && rel) reliable++;
        }
        printf("CLD2 on the first 1,024 bytes of each article: %d of %d right, %d right and reliable, %.1f µs/article\n", right, n2, reliable, us / n2);
    }
    for (int k = 0; k < 2; k++)
        printf("%s: %d samples, mean %.0f bytes; CLD2 %.1f µs/sample, textcat %.1f µs/sample\n", k ? "article" : "short", n[k], bytes[k] / n[k], tCld[k] / n[k], tTc[k] / n[k]);
    printf("CLD2 version: %s\n", CLD2::DetectLanguageVersion());
}
