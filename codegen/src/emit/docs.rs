//! Doc comments from the service's descriptions, written so rustdoc never runs them as doctests
//! nor reads them as markup.

use std::borrow::Cow;

use super::*;

/// Wraps bare `http(s)://` URLs of a doc line in `<...>` (rustdoc's autolinks), which rustdoc
/// otherwise warns about; URLs in `code` are left alone.
pub(super) fn autolink_urls(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut in_code = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
        }
        let starts_url = !in_code
            && !out.ends_with('<')
            && (rest.starts_with("http://") || rest.starts_with("https://"));
        if starts_url {
            let end = rest
                .find(|c: char| {
                    c.is_whitespace()
                        || matches!(c, '\'' | '"' | '\\' | '<' | '>' | '`' | ')' | ']')
                })
                .unwrap_or(rest.len());
            // Sentence punctuation after a URL is not part of it.
            let end = rest[..end]
                .trim_end_matches(['.', ',', ';', ':', '!', '?'])
                .len();
            out.push('<');
            out.push_str(&rest[..end]);
            out.push('>');
            rest = &rest[end..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether `text` as a doc comment reads back as exactly `text` in `#[derive(Dto)]` (one line,
/// nothing rustdoc escapes or fences): then the doc comment is its one home.
pub(super) fn is_plain_doc(text: &str) -> bool {
    !text.is_empty()
        && text.trim() == text
        && !text.contains(['\n', '\r', '[', ']', '<', '>', '`', '~'])
        && !text.contains("http://")
        && !text.contains("https://")
}

pub(super) fn type_doc(def: &TypeDef) -> String {
    let mut text = def.description.clone().unwrap_or_default();
    if let Some(notes) = &def.notes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(notes);
    }
    text
}

/// Doc lines (each as a `#[doc]` attribute holds it: a leading space, or empty) for free text
/// from the service (descriptions), written so rustdoc never runs any of it as a doctest and never
/// reads it as markup: code-like text (fences, indented lines) goes into a ```` ```text ````
/// block; other text has `[`, `]`, `<`, `>` escaped (no broken links or stray HTML).
pub(super) fn doc_attrs(text: &str) -> Vec<String> {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return Vec::new();
    }
    let code_like = text.contains("```")
        || text.contains("~~~")
        || text
            .lines()
            .any(|l| l.starts_with("    ") || l.starts_with('\t'));
    let mut lines = Vec::new();
    if code_like {
        lines.push(doc_line("```text"));
        for l in text.lines() {
            lines.push(doc_line(&l.replace("```", "'''").replace("~~~", "'''")));
        }
        lines.push(doc_line("```"));
    } else {
        for l in text.lines() {
            let l = l.trim();
            if !l.contains(['[', ']', '<', '>']) && !l.contains("http") {
                lines.push(doc_line(l));
                continue;
            }
            let mut escaped = String::with_capacity(l.len());
            let mut in_code = false;
            for c in l.chars() {
                if c == '`' {
                    in_code = !in_code;
                } else if !in_code && matches!(c, '[' | ']' | '<' | '>') {
                    escaped.push('\\');
                }
                escaped.push(c);
            }
            lines.push(doc_line(&autolink_urls(&escaped)));
        }
    }
    lines
}

/// Doc lines for text the generator writes itself (already valid Markdown).
pub(super) fn doc_attrs_raw(text: &str) -> Vec<String> {
    text.lines().map(doc_line).collect()
}

fn doc_line(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    }
}

#[cfg(test)]
mod doc_tests {
    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            super::autolink_urls("see https://x.io/a?b=1, or `http://code` and <https://done>"),
            "see <https://x.io/a?b=1>, or `http://code` and <https://done>"
        );
        assert_eq!(
            super::autolink_urls("\\<a href='https://youtu.be/x'\\>"),
            "\\<a href='<https://youtu.be/x>'\\>"
        );
    }
}
