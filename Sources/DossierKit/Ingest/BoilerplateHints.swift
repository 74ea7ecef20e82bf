/// What an element's `class`, `id`, `role` and `itemprop` say about its text: the article's own
/// content, page furniture around it, or nothing.
///
/// Pages name their parts for their style sheets, and those names are a strong, site-independent
/// signal: a `div` whose class holds `comment`, `share`, `related` or `cookie` is almost never the
/// article, whatever the site. Words are matched inside the lowercased attribute values, in
/// English, German, French, Spanish, Italian, Polish and Dutch, as the names of page parts.
enum BoilerplateHints {
    /// The verdict on one element.
    enum Hint: Equatable {
        case none
        case content
        case boilerplate
    }

    /// Words that name page furniture, matched anywhere in a class or id (`comment` matches
    /// `article-comments` and `commentlist`).
    static let boilerplateWords: [String] = [
        "comment", "komment", "kommentar", "commentaire", "comentario", "komentarz", "disqus", "respond", "reply",
        "share", "sharing", "social", "teilen", "partager", "compartir", "condivid", "udostepnij", "delen",
        "related", "similar", "recommend", "empfehl", "weitere", "readmore", "read-more", "morearticles", "more-articles",
        "also-read", "alsoread", "teaser", "promo", "advert", "anzeige", "werbung", "publicite", "publicidad", "reklama",
        "sponsor", "cookie", "consent", "gdpr", "dsgvo", "newsletter", "subscribe", "subscription", "abonn", "signup",
        "sign-up", "footer", "sidebar", "widget", "breadcrumb", "pagination", "pager", "masthead", "toolbar", "popup",
        "modal", "overlay", "banner", "byline", "author", "autor", "auteur", "post-meta", "postmeta", "entry-meta",
        "article-meta", "meta-info", "metadata", "dateline", "posted-on", "timestamp", "published", "rating", "tagcloud",
        "tag-list", "taglist", "tags", "keywords", "schlagw", "login", "skiplink", "skip-link", "visually-hidden",
        "visuallyhidden", "sr-only", "screen-reader", "print-only", "copyright", "disclaimer", "credit",
        "navigation", "navbar", "menu", "top-stories", "trending", "most-read", "mostread", "popular",
        "outbrain", "taboola", "paywall", "donate", "spenden", "product-list", "carousel", "slider",
    ]
    /// Words that name page furniture only as a whole part of a class or id (`nav`, but not `canvas`).
    static let boilerplateParts: Set<String> = ["nav", "ad", "ads", "more", "meta", "tag", "hide", "hidden", "links", "aside"]
    /// Words that name the article's own text.
    static let contentWords: [String] = [
        "article", "content", "entry", "post-body", "postbody", "post-content", "story", "main", "artikel", "inhalt",
        "beitrag", "contenu", "contenido", "cuerpo", "articolo", "tresc", "body-text", "bodytext", "richtext", "rich-text",
        "prose", "blog-post", "blogpost", "text",
    ]
    /// ARIA roles and `itemprop` values of page furniture and of the article.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "comment", "alert",
    ]
    static let contentRoles: Set<String> = ["main", "article", "articlebody", "text", "reviewbody", "description"]

    static let boilerplateBytes = boilerplateWords.map { Array($0.utf8) }
    static let boilerplatePartBytes = boilerplateParts.sorted().map { Array($0.utf8) }
    static let contentBytes = contentWords.map { Array($0.utf8) }

    /// True when `word` occurs in `token`.
    static func contains(_ token: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        guard token.count >= word.count, let first = word.first else { return false }
        var i = token.startIndex
        let last = token.endIndex - word.count
        while i <= last {
            if token[i] == first {
                var j = 1
                while j < word.count, token[i + j] == word[j] { j += 1 }
                if j == word.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The verdict on an element with these attribute values (any may be nil). Furniture wins over
    /// content only when no content word is there too (`article-comments` is furniture,
    /// `content-main` content, `entry-content share-enabled` content).
    static func hint(classes: String?, id: String?, role: String?, itemprop: String?) -> Hint {
        if let role = role?.lowercased() {
            if boilerplateRoles.contains(role) { return .boilerplate }
            if contentRoles.contains(role) { return .content }
        }
        if let itemprop = itemprop?.lowercased() {
            if itemprop.split(separator: " ").contains(where: { contentRoles.contains(String($0)) }) { return .content }
            if itemprop.contains("comment") || itemprop == "author" || itemprop == "publisher" { return .boilerplate }
        }
        var furniture = false
        var content = false
        for value in [classes, id] {
            guard let value else { continue }
            // ASCII-lowercased bytes, split into tokens at white space.
            var bytes = Array(value.utf8)
            for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
            for token in bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                let parts = token.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F || $0 == 0x3A || $0 == 0x2E })
                if boilerplateBytes.contains(where: { contains(token, $0) })
                    || parts.contains(where: { part in boilerplatePartBytes.contains { $0.elementsEqual(part) } })
                {
                    furniture = true
                } else if contentBytes.contains(where: { contains(token, $0) }) {
                    content = true
                }
            }
        }
        if content { return .content }
        return furniture ? .boilerplate : .none
    }
}
