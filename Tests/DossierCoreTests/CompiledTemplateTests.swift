import Foundation
import Mustache
import Testing
@testable import DossierCore

/// Issue 10 item 3: pages are rendered from templates compiled at theme load, which
/// must give swift-mustache 2.1.1's bytes for every rule its templates use. Each case
/// renders the same templates and context through both engines and compares.
@Suite struct CompiledTemplateTests {
    /// A template named "main" and its partials, rendered by both engines: swift-mustache's
    /// text, and the compiled renderer's (nil when it declines).
    static func render(_ templates: [String: String], _ context: [String: Any], pragma: Bool = false) throws -> (mustache: String, compiled: String?) {
        _ = DossierHTMLContentType.registration
        var library = MustacheLibrary()
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: (pragma ? DossierHTMLContentType.pragma : "") + text), named: name)
        }
        let compiled = CompiledTemplateLibrary(library: library, names: templates.keys)
        let context = asContext(context) as! [String: Any]
        let mustache = try #require(library.render(context, withTemplate: "main"))
        return (mustache, compiled.render(context, template: "main").map { String(decoding: $0, as: UTF8.self) })
    }

    /// Nested literals are inferred as `[String: String]` and the like; the page contexts
    /// hold `[String: Any]` throughout, which the compiled renderer reads.
    static func asContext(_ value: Any) -> Any {
        if type(of: value) == [[String: Any]].self { return (value as! [[String: Any]]).map { asContext($0) as! [String: Any] } }
        if type(of: value) == [Any].self { return (value as! [Any]).map(asContext) }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(asContext) }
        return value
    }

    /// Both engines give the same bytes, with and without Dossier's escaping pragma.
    static func expectSame(_ templates: [String: String], _ context: [String: Any] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for pragma in [false, true] {
            let (mustache, compiled) = try render(templates, context, pragma: pragma)
            #expect(compiled == mustache, "pragma: \(pragma), template: \(templates["main"]!.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    static func expectSame(_ template: String, _ context: [String: Any] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try expectSame(["main": template], context, sourceLocation: sourceLocation)
    }

    @Test func interpolation() throws {
        try Self.expectSame("Hello from {Mustache}!\n")
        try Self.expectSame("Hello, {{subject}}!\n", ["subject": "world"])
        let forbidden = "& \" < > ' <\u{301} \"\u{301} é"
        try Self.expectSame("escaped: {{forbidden}}\nnot: {{{forbidden}}} {{&forbidden}}\n", ["forbidden": forbidden])
        try Self.expectSame("\"{{mph}} {{{mph}}} {{&mph}} miles\"", ["mph": 85])
        try Self.expectSame("\"{{power}} {{{power}}} {{&power}}\" {{big}}", ["power": 1.21, "big": 1e21])
        try Self.expectSame("{{yes}} {{no}} {{{yes}}}", ["yes": true, "no": false])
        try Self.expectSame("I ({{cannot}}) ({{{cannot}}}) ({{&cannot}}) be seen!")
        try Self.expectSame("| {{string}} | {{{string}}} | {{&string}} |\n  {{string}}\n  {{{string}}}\n|{{ string }}|{{{ string }}}|{{& string }}|",
                            ["string": "---"])
    }

    @Test func dottedNames() throws {
        try Self.expectSame("\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\" {{{person.name}}} {{&person.name}}", ["person": ["name": "Joe"]])
        try Self.expectSame("{{a.b.c.d.e.name}}", ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]])
        try Self.expectSame("\"{{a.b.c}}\" \"{{a.b.c.name}}\"", ["a": ["b": [String: Any]()], "c": ["name": "Jim"]])
        try Self.expectSame("{{#a}}{{b.c.d.e.name}}{{/a}}",
                            ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]], "b": ["c": ["d": ["e": ["name": "Wrong"]]]]])
        try Self.expectSame("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [String: Any]()], "b": ["c": "ERROR"]])
        // A leading "." reads the current object alone; doubled and trailing dots are dropped.
        try Self.expectSame("{{#a}}[{{.name}}][{{name}}][{{.b.c}}][{{b..c}}][{{b.c.}}]{{/a}}", ["name": "outer", "a": ["b": ["c": "x"]]])
        try Self.expectSame("{{#a}}[{{.name}}]{{/a}}", ["name": "outer", "a": ["name": "inner"]])
    }

    @Test func sections() throws {
        try Self.expectSame("\"{{#boolean}}rendered{{/boolean}}\" \"{{#no}}not{{/no}}\"", ["boolean": true, "no": false])
        try Self.expectSame("\"{{#context}}Hi {{name}}.{{/context}}\"", ["context": ["name": "Joe"]])
        try Self.expectSame("""
            {{#a}}
            {{one}}
            {{#b}}
            {{one}}{{two}}{{one}}
            {{#c}}
            {{one}}{{two}}{{three}}{{two}}{{one}}
            {{/c}}
            {{/b}}
            {{/a}}

            """, ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3]])
        try Self.expectSame("\"{{#list}}{{item}}{{/list}}\"", ["list": [["item": 1], ["item": 2], ["item": 3]] as [[String: Any]]])
        try Self.expectSame("\"{{#list}}Yay lists!{{/list}}\" {{#none}}x{{/none}}", ["list": [[String: Any]](), "none": [String]()])
        try Self.expectSame("{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", ["bool": true, "two": "second"])
        try Self.expectSame("| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", ["bool": true])
        try Self.expectSame("[{{#missing}}Found key 'missing'!{{/missing}}]")
        try Self.expectSame("\"{{#list}}({{.}}){{/list}}\"", ["list": ["a", "b", "<c>"]])
        try Self.expectSame("\"{{#list}}({{.}}){{/list}}\"", ["list": [1, 2.5, "x", true] as [Any]])
        try Self.expectSame("\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"", ["list": [[1, 2, 3] as [Any], ["a", "b", "c"]] as [Any]])
        try Self.expectSame("\"{{#a.b.c}}Here{{/a.b.c}}\" \"{{#x.y}}Here{{/x.y}}\"", ["a": ["b": ["c": true]], "x": [String: Any]()])
        // What counts as true: 0, "", an empty dictionary; pushed, so {{.}} reads them.
        try Self.expectSame("[{{#zero}}({{.}}){{/zero}}][{{#empty}}({{.}}){{/empty}}][{{#dict}}in{{/dict}}]",
                            ["zero": 0, "empty": "", "dict": [String: Any]()])
        try Self.expectSame(" | {{#boolean}}\t|\t{{/boolean}} | \n | {{#boolean}} {{! Important }}\n {{/boolean}} | \n", ["boolean": true])
        try Self.expectSame(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", ["boolean": true])
        try Self.expectSame("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": true])
        try Self.expectSame("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", ["boolean": true])
        try Self.expectSame("  {{#boolean}}\n#{{/boolean}}\n/", ["boolean": true])
        try Self.expectSame("#{{#boolean}}\n/\n  {{/boolean}}", ["boolean": true])
        try Self.expectSame("|{{# boolean }}={{/ boolean }}|", ["boolean": true])
    }

    @Test func invertedSections() throws {
        let values: [String: Any] = [
            "no": false, "yes": true, "context": ["name": "Joe"], "list": [["n": 1]] as [[String: Any]], "empty": [Any](),
            "zero": 0, "blank": "",
        ]
        for name in ["no", "yes", "context", "list", "empty", "zero", "blank", "missing"] {
            try Self.expectSame("\"{{^\(name)}}rendered {{name}}{{/\(name)}}\"", values)
        }
        try Self.expectSame("{{^no}}\n* first\n{{/no}}\n* {{two}}\n{{^no}}\n* third\n{{/no}}\n", ["no": false, "two": "second"])
        try Self.expectSame("| A {{^no}}B {{^no}}C{{/no}} D{{/no}} E |", ["no": false])
        try Self.expectSame("\"{{^a.b.c}}Not Here{{/a.b.c}}\" \"{{^x.y}}Not Here{{/x.y}}\"", ["a": ["b": ["c": true]], "x": [String: Any]()])
        try Self.expectSame("| This Is\n  {{^no}}\n|\n  {{/no}}\n| A Line\n|\r\n{{^no}}\r\n{{/no}}\r\n|", ["no": false])
        try Self.expectSame("^{{^no}}\n/\n  {{/no}}", ["no": false])
    }

    @Test func partials() throws {
        try Self.expectSame(["main": "\"{{>text}}\" \"{{>missing}}\"", "text": "from partial {{text}}"], ["text": "content"])
        try Self.expectSame(["main": "{{>node}}", "node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"],
                            ["content": "X", "nodes": [["content": "Y", "nodes": [[String: Any]]()]] as [[String: Any]]])
        try Self.expectSame(["main": "| {{>partial}} |", "partial": "\t|\t"])
        try Self.expectSame(["main": "  {{data}}  {{> partial}}\n", "partial": ">\n>"], ["data": "|"])
        try Self.expectSame(["main": "|\r\n{{>partial}}\r\n|", "partial": ">"])
        try Self.expectSame(["main": "  {{>partial}}\n>", "partial": ">\n>"])
        try Self.expectSame(["main": ">\n  {{>partial}}", "partial": ">\n>"])
        try Self.expectSame(["main": "\\\n {{>partial}}\n/\n", "partial": "|\n{{{content}}}\n|\n"], ["content": "<\n->"])
        try Self.expectSame(["main": "|{{> partial }}|", "partial": "[]"])
    }

    /// swift-mustache indents at the start of each node's output, within the output of
    /// the template being rendered: a section's first line is not indented again, a
    /// "\r\n" of its own does not count as a line's end, an empty node adds nothing.
    @Test func partialIndentation() throws {
        let context: [String: Any] = ["items": ["a", "b"], "yes": true, "text": "x\ny", "empty": ""]
        try Self.expectSame(["main": "<ul>\n  {{>item}}\n</ul>\n", "item": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"], context)
        try Self.expectSame(["main": "<ul>\n    {{>outer}}\n</ul>\n", "outer": "<o>\n  {{>inner}}\n</o>\n", "inner": "{{#yes}}\ni1\n{{/yes}}\ni2\n"], context)
        try Self.expectSame(["main": "  {{>p}}\n", "p": "a\r\n{{text}}\r\nb\n{{empty}}\n{{#yes}}{{/yes}}c\n{{>missing}}\nd"], context)
        try Self.expectSame(["main": "\t{{>p}}\r\n", "p": "{{#items}}{{.}}\r\n{{/items}}end\r\n"], context)
        try Self.expectSame(["main": "  {{>p}}\n", "p": "{{#items}}{{#yes}}\n{{.}}\n{{/yes}}{{/items}}"], context)
    }

    @Test func setDelimitersAndComments() throws {
        try Self.expectSame("{{=<% %>=}}(<%text%>)", ["text": "Hey!"])
        try Self.expectSame("({{=[ ]=}}[text])", ["text": "It worked!"])
        try Self.expectSame("[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
                            ["section": true, "data": "I got interpolated."])
        try Self.expectSame(["main": "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", "include": ".{{value}}."], ["value": "yes"])
        try Self.expectSame(["main": "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", "include": ".{{value}}. {{= | | =}} .|value|."], ["value": "yes"])
        for template in ["| {{=@ @=}} |", " | {{=@ @=}}\n", "Begin.\n  {{=@ @=}}\nEnd.\n", "|\r\n{{= @ @ =}}\r\n|", "  {{=@ @=}}\n=", "=\n  {{=@ @=}}",
                         "|{{= @   @ =}}|", "{{=<% %>=}}<%#yes%>\n  <%={{ }}=%>\n{{v}}\n{{/yes}}\n<%v%>{{v}}"] {
            try Self.expectSame(template, ["yes": true, "v": "<"])
        }
        try Self.expectSame("12345{{! Comment Block! }}67890\n12345{{!\n  multi-line\n}}67890\nBegin.\n  {{! Indented }}\nEnd.\n  12 {{! 34 }}\n")
        try Self.expectSame("|\r\n{{! Standalone Comment }}\r\n|\n  {{! I'm Still Standalone }}\n!\n  {{! end }}")
    }

    @Test func inheritance() throws {
        try Self.expectSame("{{$title}}Default title{{/title}}\n{{$foo}}default {{bar}} {{{bar}}} {{#b}}{{baz}}{{/b}}{{^b}}no{{/b}}{{/foo}}\n",
                            ["bar": "<baz>", "b": ["baz": "qux"]])
        try Self.expectSame(["main": "{{<include}}{{/include}}\n", "include": "{{$foo}}default content{{/foo}}"])
        try Self.expectSame(["main": "{{<super}}{{$title}}sub template title{{/title}}{{/super}}", "super": "...{{$title}}Default title{{/title}}..."])
        try Self.expectSame(["main": "{{<include}}{{$var}}var in template{{/var}}{{/include}}", "include": "{{$var}}var in include{{/var}}"],
                            ["var": "var in data"])
        try Self.expectSame(["main": "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n",
                             "parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"])
        try Self.expectSame(["main": "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}", "parent": "{{$ballmer}}peaking{{/ballmer}}"])
        try Self.expectSame(["main": "{{<parent}}{{$nineties}}hammer time\nlater{{/nineties}}{{/parent}}",
                             "parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"])
        try Self.expectSame(["main": "{{>parent}}|{{<parent}}{{/parent}}", "parent": "{{$foo}}default content{{/foo}}"])
        try Self.expectSame(["main": "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
                             "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                             "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"])
        let levels = ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}", "grandParent": "{{$a}}g{{/a}}"]
        try Self.expectSame(levels.merging(["main": "{{<parent}}{{$a}}c{{/a}}{{/parent}}"]) { $1 })
        try Self.expectSame(levels.merging(["main": "{{<parent}}{{/parent}}"]) { $1 })
        try Self.expectSame(["main": "{{<parent}} asdf {{$foo}}hmm{{/foo}} asdf {{/parent}}", "parent": "{{$foo}}default content{{/foo}}"])
        // The theme's shape: a page overriding its layout's blocks, the layout indenting a partial.
        try Self.expectSame(["main": "{{<layout}}\n{{$body_class}}page{{/body_class}}\n{{$content}}\n<h1>{{title}}</h1>\n{{#items}}\n  {{>item}}\n{{/items}}\n{{/content}}\n{{/layout}}\n",
                             "layout": "<body class=\"{{$body_class}}x{{/body_class}}\">\n  <main>\n    {{$content}}{{/content}}\n  </main>\n  {{>footer}}\n</body>\n",
                             "item": "<li>{{.}}</li>\n", "footer": "<footer>{{title}}</footer>\n"],
                            ["title": "T & 'q'", "items": ["a", "b"]])
    }

    @Test func sequenceTransformsAndDynamicPartials() throws {
        let context: [String: Any] = ["list": [["n": "a"], ["n": "b"], ["n": "c"]] as [[String: Any]], "yes": true, "which": "p", "nope": 3]
        try Self.expectSame("{{#list}}{{n}}{{^last()}}, {{/last()}}{{#first()}}[first]{{/first()}}{{index()}}{{even()}}{{odd()}}{{/list}}", context)
        // Kept through a `true` section, lost in a pushed object or a partial.
        try Self.expectSame(["main": "{{#list}}{{#yes}}{{^last()}};{{/last()}}{{/yes}}{{>p}}{{/list}}|{{index()}}", "p": "({{index()}}{{^last()}}!{{/last()}})"], context)
        try Self.expectSame(["main": "{{>*which}}|{{>*nope}}|{{>*missing}}|\n  {{>*which}}\n", "p": "dynamic {{yes}}\nline\n"], context)
    }

    @Test func contentTypes() throws {
        let context: [String: Any] = ["v": "<a href='x'>\"&\"</a> <\u{301}"]
        try Self.expectSame(["main": "{{v}}\n{{% CONTENT_TYPE: TEXT}}\n{{v}}\n{{>p}}", "p": "{{v}}"], context)
        try Self.expectSame(["main": "{{v}}{{#yes}}{{% CONTENT_TYPE: TEXT}}{{v}}{{/yes}}{{v}}"], context.merging(["yes": true]) { $1 })
    }

    /// A template the renderer does not implement (a transform other than a sequence's)
    /// is left to swift-mustache, with every template reaching it; so is a page whose
    /// context holds a value of another type.
    @Test func whatTheRendererDoesNotImplementIsLeftToSwiftMustache() throws {
        _ = DossierHTMLContentType.registration
        var library = MustacheLibrary()
        for (name, text) in ["main": "{{>counting}}", "counting": "{{count(list)}} {{uppercased(name)}}", "plain": "{{name}}", "other": "{{>plain}}"] {
            library.register(try MustacheTemplate(string: text), named: name)
        }
        let compiled = CompiledTemplateLibrary(library: library, names: ["main", "counting", "plain", "other"])
        #expect(compiled.renderable == ["plain", "other"])
        #expect(compiled.render(["list": ["a"], "name": "n"], template: "main") == nil)
        #expect(compiled.render(["name": "n"], template: "plain") == Array("n".utf8))
        let optional: String? = "x"
        #expect(compiled.render(["name": optional as Any], template: "plain") == nil)
        #expect(compiled.render(["name": ["a": 1]], template: "plain") == nil)
        #expect(compiled.unsupportedPages == 2)
    }

    /// A context value is taken by its exact type: the eight the contexts hold, and no
    /// other (an Optional, a dictionary or list of another element type, a Float).
    @Test func contextValuesAreTakenByTheirExactType() throws {
        let dictionary: [String: Any] = ["a": "b"]
        func kind(_ value: Any) -> String {
            switch try? TemplateValue(value) {
            case .string(let string)?: "string \(string)"
            case .bool(let bool)?: "bool \(bool)"
            case .int(let int)?: "int \(int)"
            case .double(let double)?: "double \(double)"
            case .dictionary(let dictionary)?: "dictionary \(dictionary.count)"
            case .dictionaries(let list)?: "dictionaries \(list.count)"
            case .strings(let list)?: "strings \(list.joined())"
            case .values(let list)?: "values \(list.count)"
            case nil: "unsupported"
            }
        }
        #expect(kind("x") == "string x")
        #expect(kind(String(repeating: "long ", count: 10)) == "string " + String(repeating: "long ", count: 10))
        #expect(kind(true) == "bool true")
        #expect(kind(42) == "int 42")
        #expect(kind(1.5) == "double 1.5")
        #expect(kind(dictionary) == "dictionary 1")
        #expect(kind([dictionary, dictionary]) == "dictionaries 2")
        #expect(kind(["a", "b"]) == "strings ab")
        #expect(kind([1, "a"] as [Any]) == "values 2")
        let optional: String? = "x"
        for other in [optional as Any, ["a": 1] as Any, [1, 2] as Any, Float(1) as Any, Substring("x") as Any] {
            #expect(kind(other) == "unsupported")
        }
    }

    static let transformingFooter = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    actors: [iran]
    ---
    Iran met envoys.
    -- templates/partials/footer.mustache --
    <footer>{{#navigation}}{{label}}{{^last()}} · {{/last()}}{{/navigation}} ({{count(navigation)}} sections)</footer>

    """

    @Test func anOverrideUsingATransformRendersAsBefore() throws {
        let project = try TestProject(Self.transformingFooter)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        let theme = try #require(Theme.load(projectRoot: project.root).0)
        let compiled = try #require(theme.compiledPages)
        #expect(compiled.renderable.isDisjoint(with: Theme.requiredTemplates))
        let (withCompiled, withMustache) = Self.renderBoth(model, theme)
        #expect(withCompiled == withMustache)
        let home = String(decoding: try #require(withCompiled["index.html"]), as: UTF8.self)
        #expect(home.contains(" sections)</footer>") && !home.contains("() sections"))
    }

    /// Every page of the example project, rendered by the compiled templates and by
    /// swift-mustache alone: the same bytes, and no page left to swift-mustache.
    @Test func theExampleProjectRendersTheSameBytes() throws {
        let root = TestPaths.packageRoot
        let model = try #require(SiteBuilder.run(BuildOptions(root: root), into: nil).model)
        let theme = try #require(Theme.load(projectRoot: root).0)
        let compiled = try #require(theme.compiledPages)
        #expect(Set(Theme.requiredTemplates).isSubset(of: compiled.renderable))
        let (withCompiled, withMustache) = Self.renderBoth(model, theme)
        #expect(withCompiled.count > 100)
        #expect(withCompiled.keys.sorted() == withMustache.keys.sorted())
        for (path, bytes) in withCompiled.sorted(by: { $0.key < $1.key }) where withMustache[path] != bytes {
            Issue.record("\(path) differs")
        }
        #expect(compiled.unsupportedPages == 0)
    }

    static func renderBoth(_ model: SiteModel, _ theme: Theme) -> (compiled: [String: Data], mustache: [String: Data]) {
        var mustacheOnly = theme
        mustacheOnly.compiledPages = nil
        let compiledSink = MemorySink(), mustacheSink = MemorySink()
        _ = SiteRenderer.render(model, theme: theme, urls: SiteURLs(style: .disk), into: compiledSink, fingerprints: .none)
        _ = SiteRenderer.render(model, theme: mustacheOnly, urls: SiteURLs(style: .disk), into: mustacheSink, fingerprints: .none)
        return (compiledSink.files, mustacheSink.files)
    }
}
