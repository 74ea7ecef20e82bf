/// The copy-lookup band keys (``CopySketch/bands``) stored in this run, as a set of 32-bit
/// fingerprints in memory, so that an article none of whose keys is here skips the index lookup.
///
/// A fingerprint may belong to another key (the lookup then runs and finds nothing), but a key
/// stored in this run is always here. The set stops growing at ``maximumSlots`` (32 MiB), after
/// which it says nothing and every article is looked up: memory stays bounded on any folder.
/// Written here because a Swift `Set<Int64>` takes several times the memory for the same keys.
struct BandFilter {
    /// The most slots the table may have (4 bytes each).
    static let maximumSlots = 1 << 23

    private var slots: [UInt32]
    private var count = 0
    /// False once the table was full: from then on ``mayContain(any:)`` is always true.
    private(set) var isComplete = true

    init(capacity: Int = 1 << 16) {
        slots = [UInt32](repeating: 0, count: capacity)
    }

    /// False when none of `keys` was inserted (exactly); true when one may have been.
    func mayContain(any keys: [Int64]) -> Bool {
        guard isComplete else { return true }
        for key in keys where contains(Self.fingerprint(key)) { return true }
        return false
    }

    mutating func insert(_ keys: [Int64]) {
        guard isComplete else { return }
        for key in keys { insert(fingerprint: Self.fingerprint(key)) }
    }

    /// The key's upper 32 bits, never 0 (the empty slot).
    static func fingerprint(_ key: Int64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: UInt64(bitPattern: key) >> 32)
        return f == 0 ? 1 : f
    }

    private func contains(_ f: UInt32) -> Bool {
        let mask = slots.count - 1
        var i = Int(f &* 0x9E37_79B1) & mask
        while slots[i] != 0 {
            if slots[i] == f { return true }
            i = (i + 1) & mask
        }
        return false
    }

    private mutating func insert(fingerprint f: UInt32) {
        if (count + 1) * 10 > slots.count * 7 {
            guard slots.count * 2 <= Self.maximumSlots else {
                isComplete = false
                slots = [0]
                return
            }
            let old = slots
            slots = [UInt32](repeating: 0, count: old.count * 2)
            count = 0
            for g in old where g != 0 { place(g) }
        }
        place(f)
    }

    private mutating func place(_ f: UInt32) {
        let mask = slots.count - 1
        var i = Int(f &* 0x9E37_79B1) & mask
        while slots[i] != 0 {
            if slots[i] == f { return }
            i = (i + 1) & mask
        }
        slots[i] = f
        count += 1
    }
}
