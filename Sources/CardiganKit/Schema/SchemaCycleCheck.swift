/// Refuses a schema whose `$ref`s (and in-place applicators: `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`) lead back to themselves without moving into the instance, such as
/// `{"$ref": "#"}`: validating with it would recurse forever. Recursion through `properties`,
/// `items` and the like is fine, since each step consumes part of the instance.
enum SchemaCycleCheck {
    static func check(_ nodes: [CompiledSchemaNode]) throws {
        enum Mark { case visiting, done }
        var marks: [Int: Mark] = [:]

        func inPlace(_ node: CompiledSchemaNode) -> [Int] {
            var next = node.allOf + node.anyOf + node.oneOf
            for index in [node.ref, node.not, node.ifSchema, node.thenSchema, node.elseSchema] {
                if let index { next.append(index) }
            }
            return next
        }

        // Iterative depth-first search, so a long chain in a schema cannot overflow the stack.
        for start in nodes.indices where marks[start] == nil {
            var stack: [(node: Int, next: [Int])] = [(start, inPlace(nodes[start]))]
            marks[start] = .visiting
            while !stack.isEmpty {
                guard let child = stack[stack.count - 1].next.popLast() else {
                    marks[stack.removeLast().node] = .done
                    continue
                }
                switch marks[child] {
                case .visiting:
                    let location = nodes[child].location
                    throw JSONSchemaError(
                        position: .start, pointer: location,
                        message:
                            "'\(location.isEmpty ? "#" : "#" + location)' refers back to itself without applying to any part of the value; validation would never end"
                    )
                case .done:
                    continue
                case nil:
                    marks[child] = .visiting
                    stack.append((child, inPlace(nodes[child])))
                }
            }
        }
    }
}
