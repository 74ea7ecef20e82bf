public struct Lexicon {}
