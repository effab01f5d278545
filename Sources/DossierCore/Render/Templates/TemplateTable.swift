/// One of a compiled template's tables, fixed once compiled and read in place.
///
/// Both render threads walk the same templates. Reading an element of an `Array`
/// copies it: a text's bytes, a path's names, a section's template, each a retain and
/// a release of an object the other thread is retaining too, so the count's cache
/// line went back and forth between the cores at every node (the renderer was the
/// largest caller of `swift_retain`). An element here is read through its address,
/// so handing it on borrows it and touches no count.
///
/// Its owner frees it (`CompiledTemplate`'s `deinit`): a copy of this value is a view
/// of the same elements, valid while the owner lives.
struct TemplateTable<Element>: RandomAccessCollection {
    private let storage: UnsafeMutableBufferPointer<Element>

    init(_ elements: [Element]) {
        storage = .allocate(capacity: elements.count)
        _ = storage.initialize(fromContentsOf: elements)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    subscript(position: Int) -> Element {
        unsafeAddress {
            precondition(position >= 0 && position < storage.count, "index out of range")
            return UnsafePointer(storage.baseAddress! + position)
        }
    }

    /// Only by the owner, once, when nothing reads the table any more.
    func free() {
        storage.deinitialize()
        storage.deallocate()
    }
}

/// The owner's `let` holds it unchanged from compilation to `free()`.
extension TemplateTable: @unchecked Sendable where Element: Sendable {}
