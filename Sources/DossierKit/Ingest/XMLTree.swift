import CLibXML2
import Foundation

/// A parsed XML document (a part of an office file or e-book), read with libxml2's XML parser.
///
/// Safe on hostile input: the network is never used (`XML_PARSE_NONET`), external entities and DTDs
/// are not loaded and entities are not substituted (no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`), so
/// neither an XXE nor a "billion laughs" can cost anything: ``text(_:)`` and the readers never
/// descend into entity references. Slightly broken XML is read as far as it goes (`XML_PARSE_RECOVER`).
/// Element names are compared by their local name, whatever the namespace prefix (`w:p`, `text:p`).
final class XMLTree {
    typealias Node = UnsafeMutablePointer<xmlNode>

    private let doc: xmlDocPtr

    /// libxml2 is initialised once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes`; nil when they hold no XML element at all.
    init?(_ bytes: [UInt8]) {
        _ = Self.initialized
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_COMPACT.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let parsed else { return nil }
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            return nil
        }
        doc = parsed
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// The root element.
    var root: Node { xmlDocGetRootElement(doc)! }

    /// The local name of an element (`p` for `<w:p>`), or "" for other nodes.
    static func name(_ node: Node) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The value of the attribute whose local name is `wanted` (any namespace), or nil.
    static func attribute(_ node: Node, _ wanted: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name, String(cString: name) == wanted {
                return value(of: a)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// An attribute's value: the text of its children, joined (libxml2 keeps entity parts apart).
    static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let c = child {
            if let content = c.pointee.content { value += String(cString: content) }
            child = c.pointee.next
        }
        return value
    }

    /// The child elements of `node`, in order.
    static func children(_ node: Node) -> [Node] {
        var result: [Node] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(c) }
            child = c.pointee.next
        }
        return result
    }

    /// The first element named `wanted` in the subtree of `node` (`node` included), in document order.
    static func first(_ wanted: String, in node: Node) -> Node? {
        var found: Node? = nil
        walk(node) { n in
            if found != nil { return false }
            if name(n) == wanted {
                found = n
                return false
            }
            return true
        }
        return found
    }

    /// Every element named `wanted` in the subtree of `node`, in document order (not looking inside them).
    static func all(_ wanted: String, in node: Node) -> [Node] {
        var found: [Node] = []
        walk(node) { n in
            if name(n) == wanted {
                found.append(n)
                return false
            }
            return true
        }
        return found
    }

    /// The text of a subtree as written (no white space collapsed), entity references left out.
    static func text(_ node: Node) -> String {
        var out = ""
        walk(node) { n in
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out += String(cString: content) }
                return false
            case XML_ELEMENT_NODE: return true
            default: return false
            }
        }
        return out
    }

    /// Visits the subtree of `root` in document order without recursion (documents can nest deeply).
    /// `enter` returns false to skip a node's children; `leave` is called for every entered node.
    static func walk(_ root: Node, enter: (Node) -> Bool, leave: (Node) -> Void = { _ in }) {
        // Entity references are never entered: their expansion is where an entity bomb would grow.
        HTMLDocument.walk(root, enter: { $0.pointee.type != XML_ENTITY_REF_NODE && enter($0) }, leave: leave)
    }
}
