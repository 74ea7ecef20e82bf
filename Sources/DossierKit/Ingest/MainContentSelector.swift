/// Picks a page's article out of all its text blocks: the main-content extraction of ``HTMLReader``.
///
/// The HTML walk hands over every paragraph of the page (``Block``) and every block-level element
/// around them (``Element``, each covering a contiguous range of blocks, since blocks come in
/// document order). The choice then runs in four steps, after boilerpipe, jusText and Readability:
///
/// 1. Elements whose class, id or role name page furniture (``BoilerplateHints``: comments, share
///    bars, related links, cookie banners, newsletters, promos, bylines…) lose their blocks, unless
///    such an element holds half the page's text or more (then the name is not to be trusted).
/// 2. Each block is classified on its own by length, punctuation and link density: good (long text
///    with few links), bad (mostly links), or short. The container is the element whose blocks add
///    up to the most, a good block counting its length for, a short one without links half its
///    length (lists of ingredients, facts) and a bad block its length against: it
///    grows over all the sections of an article (or a live blog's posts) and stops at menus and
///    teaser lists around them.
/// 3. Inside the container, good blocks are kept and bad ones dropped; a short block is kept between
///    good blocks (the container's edges count as bad: jusText's neighbour rule), and a heading is
///    kept when good text follows it.
/// 4. When what is kept is too small to be the article (less than ``minimumKept`` characters), the
///    selector gives up and the reader keeps the page whole: losing an article costs more than
///    keeping a menu.
struct MainContentSelector {
    /// One paragraph of the page.
    struct Block {
        enum Kind: Equatable {
            case heading
            case text
            case listItem
            case cell
            case quote
            case preformatted
            case caption
        }
        var text: String
        /// Characters (Unicode scalars) in the text.
        var length: Int
        /// UTF-8 bytes of the text, and of the text inside links.
        var bytes: Int
        var linkBytes: Int
        var kind: Kind
        /// The index of the innermost element holding the block, or -1.
        var element: Int
    }

    /// A block-level element (or an element with a hint), the blocks inside it and what its names say.
    struct Element {
        var parent: Int
        var firstBlock: Int
        var endBlock: Int
        var hint: BoilerplateHints.Hint
    }

    /// The least text, in characters, that is taken for an article; below it the whole page is kept.
    static let minimumKept = 250

    /// The indices of the blocks that make up the article, in document order, or nil when what
    /// would be kept is too small to be an article (the caller then keeps the page whole).
    static func select(blocks: [Block], elements: [Element]) -> [Int]? {
        guard !blocks.isEmpty else { return nil }
        // Prefix sums to measure any element's text and links in constant time.
        var lengthSum = [0]
        lengthSum.reserveCapacity(blocks.count + 1)
        for block in blocks { lengthSum.append(lengthSum.last! + block.length) }
        let totalLength = lengthSum.last!

        // 1. Furniture named as such.
        var furniture = [Bool](repeating: false, count: blocks.count)
        // Elements come in document order, so one inside a range already marked can be passed over:
        // each block is marked once however deep furniture nests.
        var markedEnd = 0
        for element in elements where element.hint == .boilerplate && element.endBlock > element.firstBlock {
            if element.endBlock <= markedEnd { continue }
            let share = Double(lengthSum[element.endBlock] - lengthSum[element.firstBlock]) / Double(max(totalLength, 1))
            if share < 0.5 {
                for i in max(element.firstBlock, markedEnd)..<element.endBlock { furniture[i] = true }
                markedEnd = element.endBlock
            }
        }

        // 2. The container: the element whose blocks add up to the most, good text counting for (short
        // text without links half), text that is mostly links against; of equal sums, the innermost.
        var value = [0]
        value.reserveCapacity(blocks.count + 1)
        for (i, block) in blocks.enumerated() {
            var v = 0
            if !furniture[i] {
                switch classify(block) {
                case .good: v = block.length
                case .bad: v = -block.length
                case .short, .heading: v = block.linkBytes == 0 ? block.length / 2 : 0
                }
            }
            value.append(value.last! + v)
        }
        var best = -1
        var bestValue = 0
        for e in elements.indices {
            let v = value[elements[e].endBlock] - value[elements[e].firstBlock]
            let inside = best >= 0 && elements[e].firstBlock >= elements[best].firstBlock && elements[e].endBlock <= elements[best].endBlock
            if v > bestValue || (v == bestValue && inside) {
                best = e
                bestValue = v
            }
        }
        let range = best < 0 ? 0..<blocks.count : elements[best].firstBlock..<elements[best].endBlock

        // 3. Blocks inside the container.
        let candidates = range.filter { !furniture[$0] }
        let classes = candidates.map { classify(blocks[$0]) }
        // The class of the nearest good or bad block before and after each block (edges count as bad).
        var before = [Class](repeating: .bad, count: classes.count)
        var after = [Class](repeating: .bad, count: classes.count)
        var last = Class.bad
        for n in classes.indices {
            before[n] = last
            if classes[n] == .good || classes[n] == .bad { last = classes[n] }
        }
        last = .bad
        for n in classes.indices.reversed() {
            after[n] = last
            if classes[n] == .good || classes[n] == .bad { last = classes[n] }
        }
        var kept: [Int] = []
        var keptLength = 0
        for (n, i) in candidates.enumerated() {
            var keep: Bool
            switch classes[n] {
            case .good: keep = true
            case .bad: keep = false
            case .short:
                keep = before[n] == .good && after[n] == .good
            case .heading:
                keep = neighbour(classes, from: n, step: 1, within: 3) == .good
            }
            if keep {
                kept.append(i)
                keptLength += blocks[i].length
            }
        }

        // 4. Too little to be an article: the whole page.
        if keptLength < minimumKept { return nil }
        return kept
    }

    enum Class: Equatable {
        case good
        case bad
        case short
        case heading
    }

    /// A block's class on its own: long text with few links is good, text that is mostly links is
    /// bad, and short text depends on its neighbours.
    static func classify(_ block: Block) -> Class {
        let density = Double(block.linkBytes) / Double(max(block.bytes, 1))
        if block.kind == .heading { return density > 0.5 ? .bad : .heading }
        if density > 0.5 || (block.length < 200 && density > 0.33) { return .bad }
        if block.length >= 120 { return .good }
        if block.length >= 50, hasSentencePunctuation(block.text), density < 0.2 { return .good }
        return .short
    }

    static func hasSentencePunctuation(_ text: String) -> Bool {
        text.unicodeScalars.contains { ".!?;:。！？".unicodeScalars.contains($0) }
    }

    /// The class of the nearest block that is not short (nor a heading) before or after `n`;
    /// the edges count as bad.
    static func neighbour(_ classes: [Class], from n: Int, step: Int, within limit: Int = .max) -> Class {
        var i = n + step
        var seen = 0
        while i >= 0, i < classes.count, seen < limit {
            if classes[i] == .good || classes[i] == .bad { return classes[i] }
            i += step
            seen += 1
        }
        return .bad
    }
}
