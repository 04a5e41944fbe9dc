import Foundation
import Mustache
import Testing

@testable import CardiganKit

/// ``TemplateTree`` renders the part of Mustache the built-in templates use exactly as
/// Mustache does, from the same scopes Mustache gets as dictionaries, and reads its markup from
/// the template alone: an edited template renders edited.
@Suite struct TemplateTreeTests {
    /// A scope of fixed values, for templates written in the tests.
    private struct Values: TemplateScope {
        var values: [(String, TemplateValue)]
        /// Every key of this kind of scope.
        var keys: [String] { values.map(\.0) }
        /// The value of `key`.
        func value(_ key: String) -> TemplateValue? { values.first { $0.0 == key }?.1 }
    }

    private static var scope: Values {
        Values(values: [
            ("title", .text("A & <b>")), ("on", .flag(true)), ("off", .flag(false)), ("empty", .text("")),
            ("items", .list(["x", "y\u{1B}"].map(TextScope.init))),
            (
                "rows",
                .list([
                    Values(values: [("cells", .list(["1", "2"].map(TextScope.init))), ("label", .text("r1"))]),
                    Values(values: [("cells", .list([])), ("label", .text("r2"))]),
                ])
            ),
            ("nested", .scope(Values(values: [("name", .text("inner"))]))), ("svg", .text("<svg>'</svg>")),
            ("blank", .scope(CardViewModel.Empty())), ("none", .list([])),
        ])
    }

    private func mustache(_ template: String, _ scope: any TemplateScope) throws -> String {
        try MustacheTemplate(string: template).render(TemplateRenderer.visible(scope.dictionary))
    }

    @Test(arguments: [
        "<h1>{{title}}</h1>\n", "{{#on}}\n<p>on</p>\n{{/on}}\n{{^off}}\n  <p>not off</p>\n{{/off}}\n",
        "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>\n{{^items}}none{{/items}}\n",
        "{{#rows}}\n<tr><th>{{label}}</th>{{#cells}}<td>{{.}} of {{title}}</td>{{/cells}}</tr>\n{{/rows}}\n",
        "{{#nested}}{{name}} in {{title}}{{/nested}}|{{#empty}}never{{/empty}}{{^empty}}empty{{/empty}}\n",
        "{{{svg}}}\n{{& svg}}\n{{ title }}\n{{missing}}|{{#missing}}no{{/missing}}", "no tags at all\n\n",
        "{{#blank}}blank{{/blank}}{{^blank}}not blank{{/blank}}|{{#none}}some{{/none}}{{^none}}none{{/none}}\n",
    ])
    func rendersWhatMustacheRenders(_ template: String) throws {
        let tree = try #require(TemplateTree(template))
        let expected = try mustache(template, Self.scope)
        #expect(tree.render([Self.scope]) == expected, "Mustache: \(expected.debugDescription)")
    }

    @Test(arguments: [
        "{{! a comment }}", "{{> partial}}", "{{=<% %>=}}", "{{#a}}open", "{{#a}}x{{/b}}", "{{/a}}", "{{x",
    ])
    func refusesWhatItDoesNotRead(_ template: String) {
        #expect(TemplateTree(template) == nil)
    }

    /// The site's renderer takes its markup from the template: an edit of the built-in template
    /// shows in what the tree renders, equal to what Mustache renders of the edited template.
    @Test func anEditedBuiltInTemplateRendersEdited() throws {
        let builtIn = try CardExporter.templateText(CardHTML.templatePath, workspace: nil)
        let edited = builtIn.replacingOccurrences(of: "<h2>", with: "<h2 class=\"edited\">")
            .replacingOccurrences(of: "<td>{{.}}</td>", with: "<td class=\"cell\">{{.}}</td>")
        #expect(edited != builtIn)
        for name in ExportFixtures.cardNames {
            let document = CardDocument(try ExportFixtures.source(name))
            let tree = try #require(TemplateTree(edited))
            let rendered = tree.render([CardViewModel.Document(document: document)])
            #expect(rendered == (try mustache(edited, CardViewModel.Document(document: document))))
            #expect(rendered.contains("<h2 class=\"edited\">") && rendered.contains("<td class=\"cell\">"))
        }
    }
}
