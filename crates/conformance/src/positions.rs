//! Where nodes are in the source text, by JSON pointer.
//!
//! The validator reports JSON pointers into the parsed value; people need a line and a column.
//! This walks the YAML event stream once (granit-parser, the layer under serde-saphyr) and keeps
//! the start of a node and of its key only for the pointers asked for, so a large document with
//! a few findings costs one pass and a few entries. The walk holds its own stack instead of
//! recursing, and aliases are not expanded: a node inside an alias is placed at the alias.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use serde_saphyr::granit_parser::{Event, Parser};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Where one node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The key that names the node, when it is a value in a mapping.
    pub key: Option<Position>,
    /// Where the node itself starts (for a block mapping: its first key).
    pub node: Position,
    /// A mapping or a sequence, rather than a scalar or alias.
    pub collection: bool,
}

impl Place {
    /// The position a person looks at: a scalar's own text, or the key line that opens a
    /// mapping or sequence (its first entry may be lines below, or it may be empty).
    pub fn best(&self) -> Position {
        match (self.collection, self.key) {
            (true, Some(key)) => key,
            _ => self.node,
        }
    }
}

/// The places of `wanted` pointers (escaped as in RFC 6901) that exist in `text`'s first
/// document. A text that does not parse yields the places found before the error.
pub fn locate(text: &str, wanted: &HashSet<String>) -> HashMap<String, Place> {
    let mut walk =
        Walk { wanted, found: HashMap::new(), path: String::new(), frames: Vec::new(), skip: 0, done: false };
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let at = Position { line: to_u32(span.start.line()), column: to_u32(span.start.col()).saturating_add(1) };
        match event {
            Event::Scalar(value, ..) => walk.node(at, Node::Scalar(&value)),
            Event::Alias(_) | Event::UnresolvedAlias(_) => walk.node(at, Node::Alias),
            Event::SequenceStart(..) => walk.node(at, Node::Sequence),
            Event::MappingStart(..) => walk.node(at, Node::Mapping),
            Event::SequenceEnd | Event::MappingEnd => walk.end(),
            Event::DocumentEnd => walk.done = true,
            _ => {}
        }
        if walk.done {
            break;
        }
    }
    walk.found
}

enum Node<'e> {
    Scalar(&'e str),
    Alias,
    Sequence,
    Mapping,
}

impl Node<'_> {
    fn is_collection(&self) -> bool {
        matches!(self, Node::Sequence | Node::Mapping)
    }
}

/// An open mapping or sequence; `path_len` is the length of its pointer in `Walk::path`.
enum Frame {
    Sequence { path_len: usize, next: usize },
    Mapping { path_len: usize, expect: Expect },
}

/// What a mapping's next node is.
#[derive(Clone, Copy)]
enum Expect {
    Key,
    /// The value of the key at this position (its segment is already on the path).
    Value(Position),
    /// The value of a key that is not a plain scalar (a complex key or an alias): no pointer
    /// reaches it, so it is skipped.
    Unreachable,
}

struct Walk<'w> {
    wanted: &'w HashSet<String>,
    found: HashMap<String, Place>,
    /// The pointer of the current node, built and cut back in place (no string per node).
    path: String,
    frames: Vec<Frame>,
    /// Depth inside a subtree no pointer reaches; 0 when walking reachable nodes.
    skip: usize,
    done: bool,
}

impl Walk<'_> {
    fn node(&mut self, at: Position, node: Node) {
        if self.skip > 0 {
            self.skip += usize::from(node.is_collection());
            return;
        }
        let key = match self.frames.last_mut() {
            None => {
                self.path.clear();
                None
            }
            Some(Frame::Sequence { path_len, next }) => {
                self.path.truncate(*path_len);
                // Writing to a String cannot fail.
                let _ = write!(self.path, "/{next}");
                *next += 1;
                None
            }
            Some(Frame::Mapping { path_len, expect }) => match *expect {
                Expect::Key => {
                    *expect = match node {
                        Node::Scalar(name) => {
                            self.path.truncate(*path_len);
                            self.path.push('/');
                            push_escaped(&mut self.path, name);
                            Expect::Value(at)
                        }
                        _ => Expect::Unreachable,
                    };
                    // A complex key's own subtree is skipped as a whole.
                    self.skip = usize::from(node.is_collection());
                    return;
                }
                Expect::Value(key) => {
                    *expect = Expect::Key;
                    Some(key)
                }
                Expect::Unreachable => {
                    *expect = Expect::Key;
                    self.skip = usize::from(node.is_collection());
                    return;
                }
            },
        };
        if self.wanted.contains(&self.path) {
            self.found.insert(self.path.clone(), Place { key, node: at, collection: node.is_collection() });
        }
        match node {
            Node::Sequence => self.frames.push(Frame::Sequence { path_len: self.path.len(), next: 0 }),
            Node::Mapping => self.frames.push(Frame::Mapping { path_len: self.path.len(), expect: Expect::Key }),
            Node::Scalar(_) | Node::Alias => self.done = self.frames.is_empty(),
        }
    }

    fn end(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        self.frames.pop();
        self.done = self.frames.is_empty();
    }
}

/// RFC 6901 escaping, as the validator writes instance pointers.
fn push_escaped(path: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, pointer: &str) -> Option<Place> {
        let wanted: HashSet<String> = [pointer.to_owned()].into();
        locate(text, &wanted).remove(pointer)
    }

    fn at(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn keys_and_values_of_block_and_flow_nodes() {
        let text = "a:\n  b: [x, {c: 1}]\n  d:\n    - e\n";
        assert_eq!(place(text, "/a/b/1/c"), Some(Place { key: Some(at(2, 11)), node: at(2, 14), collection: false }));
        assert_eq!(place(text, "/a/d").map(|p| p.best()), Some(at(3, 3)));
        assert_eq!(place(text, "/a/d/0").map(|p| p.best()), Some(at(4, 7)));
        assert_eq!(place(text, "").map(|p| p.best()), Some(at(1, 1)));
    }

    #[test]
    fn complex_keys_and_aliases_are_stepped_over() {
        let text = "base: &b {x: 1}\n? [k]\n: {y: 2}\nuse: *b\nlast: 3\n";
        assert_eq!(place(text, "/use"), Some(Place { key: Some(at(4, 1)), node: at(4, 6), collection: false }));
        assert_eq!(place(text, "/use/x"), None);
        assert_eq!(place(text, "/last").map(|p| p.node), Some(at(5, 7)));
    }

    #[test]
    fn keys_are_escaped_as_pointers_and_only_the_first_document_counts() {
        let text = "a/b: 1\nc~d: 2\n---\ne: 3\n";
        assert_eq!(place(text, "/a~1b").map(|p| p.node), Some(at(1, 6)));
        assert_eq!(place(text, "/c~0d").map(|p| p.node), Some(at(2, 6)));
        assert_eq!(place(text, "/e"), None);
    }
}
