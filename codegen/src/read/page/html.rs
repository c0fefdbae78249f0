//! A tolerant HTML tree builder for ServiceStack's metadata pages.
//!
//! The pages are hand-written templates, not always well-formed (duplicated `<tbody>`,
//! single-quoted attributes, unclosed `<p>`), so this never fails: unknown closers are
//! ignored, a closer pops back to its matching open element, void elements never nest,
//! and `<style>`/`<script>` bodies are kept as raw text.

/// An element or a text run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    /// Text with entities decoded.
    Text(String),
}

/// An element with lower-cased tag and attribute names.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Element {
    pub tag: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// 1-based line of the start tag, for messages.
    pub line: u32,
}

/// Deepest element nesting kept (real pages nest about 10 levels).
const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

impl Element {
    /// An attribute value (names are case-insensitive).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// True when the `class` attribute lists `class`.
    pub(crate) fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }

    /// All descendant elements (depth-first, document order) matching `pred`.
    pub(crate) fn find_all<'a>(&'a self, pred: &dyn Fn(&Element) -> bool) -> Vec<&'a Element> {
        let mut out = Vec::new();
        let mut stack: Vec<std::slice::Iter<'a, Node>> = vec![self.children.iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                None => {
                    stack.pop();
                }
                Some(Node::Element(e)) => {
                    if pred(e) {
                        out.push(e);
                    }
                    stack.push(e.children.iter());
                }
                Some(Node::Text(_)) => {}
            }
        }
        out
    }

    /// The first descendant element matching `pred`.
    pub(crate) fn find<'a>(&'a self, pred: &dyn Fn(&Element) -> bool) -> Option<&'a Element> {
        self.find_all(pred).into_iter().next()
    }

    /// Descendant elements with tag `tag`.
    pub(crate) fn by_tag<'a>(&'a self, tag: &str) -> Vec<&'a Element> {
        self.find_all(&|e| e.tag == tag)
    }

    /// Concatenated text content; `<br>` becomes a newline.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<std::slice::Iter<'_, Node>> = vec![self.children.iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                None => {
                    stack.pop();
                }
                Some(Node::Text(t)) => out.push_str(t),
                Some(Node::Element(e)) => {
                    let block = matches!(
                        e.tag.as_str(),
                        "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "tr"
                    );
                    if e.tag == "br" || (block && !out.is_empty() && !out.ends_with('\n')) {
                        out.push('\n');
                    }
                    stack.push(e.children.iter());
                }
            }
        }
        out
    }
}

/// Parses an HTML document into a root element (tag `#root`).
pub(crate) fn parse(src: &str) -> Element {
    let mut stack: Vec<Element> = vec![Element {
        tag: "#root".into(),
        ..Element::default()
    }];
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut line = 1u32;
    let mut text_start = 0;
    let flush_text = |stack: &mut Vec<Element>, text: &str| {
        if !text.is_empty()
            && let Some(top) = stack.last_mut()
        {
            top.children
                .push(Node::Text(crate::read::syntax::decode_entities(text)));
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            line += 1;
        }
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            flush_text(&mut stack, &src[text_start..i]);
            let end = rest.find("-->").map(|e| i + e + 3).unwrap_or(src.len());
            line += src[i..end].matches('\n').count() as u32;
            i = end;
            text_start = i;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            flush_text(&mut stack, &src[text_start..i]);
            let end = rest.find('>').map(|e| i + e + 1).unwrap_or(src.len());
            i = end;
            text_start = i;
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = i + if closing { 2 } else { 1 };
        let name_len = src[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(src.len() - name_start);
        if name_len == 0 {
            // A lone `<` in text.
            i += 1;
            continue;
        }
        flush_text(&mut stack, &src[text_start..i]);
        let tag = src[name_start..name_start + name_len].to_ascii_lowercase();
        let (attrs, tag_end, self_closing) = parse_attrs(src, name_start + name_len);
        line += src[i..tag_end].matches('\n').count() as u32;
        i = tag_end;
        text_start = i;
        if closing {
            if let Some(depth) = stack.iter().rposition(|e| e.tag == tag)
                && depth > 0
            {
                while stack.len() > depth {
                    close_top(&mut stack);
                }
            }
            continue;
        }
        let el = Element {
            tag: tag.clone(),
            attrs,
            children: Vec::new(),
            line,
        };
        // Past a sane depth, elements stop nesting: the tree (and its recursive drop) stays
        // shallow whatever the input.
        if VOID.contains(&tag.as_str()) || self_closing || stack.len() > MAX_DEPTH {
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Element(el));
            }
            continue;
        }
        if tag == "style" || tag == "script" {
            let end = find_close_tag(src, i, &tag);
            let mut el = el;
            el.children.push(Node::Text(src[i..end].to_string()));
            line += src[i..end].matches('\n').count() as u32;
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Element(el));
            }
            i = src[end..]
                .find('>')
                .map(|e| end + e + 1)
                .unwrap_or(src.len());
            text_start = i;
            continue;
        }
        // `<p>` and `<li>`/`<tr>`/`<td>` are often left open; a new one closes the old one.
        let auto_close: &[&str] = match tag.as_str() {
            "p" => &["p"],
            "li" => &["li"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            _ => &[],
        };
        if stack
            .last()
            .is_some_and(|t| auto_close.contains(&t.tag.as_str()))
            && stack.len() > 1
        {
            close_top(&mut stack);
        }
        stack.push(el);
    }
    flush_text(&mut stack, &src[text_start..]);
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

/// Byte index of the `</tag` (any case) closing a raw-text element, or the end of `src`.
fn find_close_tag(src: &str, from: usize, tag: &str) -> usize {
    let bytes = src.as_bytes();
    let mut at = from;
    while let Some(rel) = src[at..].find("</") {
        let start = at + rel;
        let name = bytes.get(start + 2..start + 2 + tag.len());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes())) {
            return start;
        }
        at = start + 2;
    }
    src.len()
}

fn close_top(stack: &mut Vec<Element>) {
    if let Some(el) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(Node::Element(el));
    }
}

/// Attributes from just after the tag name; returns them, the index after `>`, and whether
/// the tag ended with `/>`.
fn parse_attrs(src: &str, mut i: usize) -> (Vec<(String, String)>, usize, bool) {
    let bytes = src.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, i, false);
        }
        match bytes[i] {
            b'>' => return (attrs, i + 1, false),
            b'/' if bytes.get(i + 1) == Some(&b'>') => return (attrs, i + 2, true),
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = src[start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = src[i + 1..]
                        .find(q as char)
                        .map(|e| i + 1 + e)
                        .unwrap_or(src.len());
                    value = crate::read::syntax::decode_entities(&src[i + 1..end]);
                    i = (end + 1).min(src.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = crate::read::syntax::decode_entities(&src[start..i]);
                }
            }
        }
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_tree() {
        let doc = parse(
            "<!DOCTYPE html><html><body><h2>Op</h2><h3 id='desc'>a &amp; b<br />c</h3>\
             <table class='routes'><tbody><tr><th>POST</th><th>/x</th><tbody></tbody></table>\
             <p>one<p>two<style>h1 { x: '<b>' }</style><!-- <h2>no</h2> --></body></html>",
        );
        assert_eq!(doc.by_tag("h2").len(), 1);
        let desc = doc.find(&|e| e.attr("id") == Some("desc")).unwrap();
        assert_eq!(desc.text(), "a & b\nc");
        let table = doc.find(&|e| e.has_class("routes")).unwrap();
        let ths: Vec<String> = table.by_tag("th").iter().map(|e| e.text()).collect();
        assert_eq!(ths, ["POST", "/x"]);
        assert_eq!(doc.by_tag("p").len(), 2);
        assert_eq!(doc.by_tag("b").len(), 0);
        let d = parse("<h3 id='desc'><p>one</p><p>two <b>x</b></p></h3>");
        assert_eq!(d.by_tag("h3")[0].text(), "one\ntwo x");
    }

    #[test]
    fn deep_nesting_stays_shallow() {
        let doc = parse(&"<div>".repeat(100_000));
        let mut depth = 0;
        let mut cur = &doc;
        while let Some(Node::Element(e)) = cur.children.first() {
            depth += 1;
            cur = e;
        }
        assert!(depth <= MAX_DEPTH + 2, "{depth}");
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in [
            "<",
            "</",
            "<a",
            "<a b='",
            "<a b=\"x\"",
            "<!--",
            "<style>",
            "</p></p>",
            "<<>>",
            "<é",
        ] {
            let _ = parse(s);
        }
    }
}
