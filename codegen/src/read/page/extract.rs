//! Pulls the parts of an operation metadata page out of its HTML or flattened text:
//! title, description, auth, routes, DTO source or parameter tables, and HTTP samples.

use super::html::{self, Element};

/// A route as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageRoute {
    pub path: String,
    /// Upper-cased verbs; empty for `All Verbs` or none shown.
    pub verbs: Vec<String>,
    pub summary: Option<String>,
    pub notes: Option<String>,
}

/// The DTO source shown in a language tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeBlock {
    /// `typescript`, `csharp`, ... as the page says (or as detected from text).
    pub lang: String,
    pub source: String,
    /// Line in the page where `source` starts (1-based), to turn code positions into page ones.
    pub first_line: u32,
}

/// One row of a Metadata-tab parameter table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamRow {
    pub name: String,
    pub param_type: String,
    pub data_type: String,
    pub required: bool,
    pub description: String,
}

/// A `<Type> Parameters:` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamTable {
    pub type_name: String,
    pub rows: Vec<ParamRow>,
    pub line: u32,
}

/// A `<Type> Enum:` table: member names and values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnumTable {
    pub type_name: String,
    pub members: Vec<(String, String)>,
    pub line: u32,
}

/// An HTTP sample: request line (or status line) and body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Sample {
    pub verb: Option<String>,
    pub path: Option<String>,
    pub body: String,
    /// Page line where the body starts.
    pub body_line: u32,
}

/// Everything the page says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct PageInfo {
    pub service: Option<String>,
    pub operation: String,
    /// Line of the operation name (1-based).
    pub operation_line: u32,
    pub description: Option<String>,
    pub requires_auth: bool,
    /// `[Tag]` groups shown under the title.
    pub tags: Vec<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    pub routes: Vec<PageRoute>,
    pub code: Option<CodeBlock>,
    pub params: Vec<ParamTable>,
    pub enums: Vec<EnumTable>,
    pub request: Option<Sample>,
    pub response: Option<Sample>,
}

/// True for an HTML document rather than flattened text.
pub(crate) fn is_html(src: &str) -> bool {
    let head: String = src
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || (head.starts_with('<') && src.contains("</h2>"))
}

// ------------------------------------------------------------------------------ HTML

/// Extracts the page parts from HTML. Errors only when there is no operation name.
pub(crate) fn from_html(src: &str) -> Result<PageInfo, (u32, String)> {
    let doc = html::parse(src);
    let mut info = PageInfo {
        service: doc
            .by_tag("h1")
            .first()
            .map(|e| clean(&e.text()))
            .filter(|s| !s.is_empty()),
        ..PageInfo::default()
    };
    // The operation name is the `h2` inside `.operation` (else the first `h2`).
    let scope = doc.find(&|e| e.has_class("operation")).unwrap_or(&doc);
    let Some(h2) = scope.by_tag("h2").into_iter().next() else {
        return Err((1, "no operation name: the page has no <h2> heading".into()));
    };
    info.operation = clean(&h2.text());
    info.operation_line = h2.line;
    if info.operation.is_empty() {
        return Err((h2.line, "the operation heading (<h2>) is empty".into()));
    }
    if let Some(desc) = scope.find(&|e| e.attr("id") == Some("desc")) {
        let text = desc
            .text()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string();
        if !text.is_empty() {
            info.description = Some(text);
        }
    }
    if let Some(tags) = scope.find(&|e| e.has_class("tags")) {
        info.tags = tags
            .by_tag("b")
            .iter()
            .map(|b| clean(&b.text()))
            .filter(|t| !t.is_empty())
            .collect();
    }
    let auth = scope.find(&|e| e.tag == "table" && e.has_class("authentication"));
    info.requires_auth = auth.is_some()
        || scope
            .by_tag("caption")
            .iter()
            .any(|c| c.text().contains("Requires Authentication"));
    if let Some(auth) = auth {
        let cells: Vec<String> = auth.by_tag("td").iter().map(|c| clean(&c.text())).collect();
        for pair in cells.chunks(2) {
            if let [label, value] = pair {
                let list = split_list(value);
                if label.contains("role") {
                    info.roles.extend(list);
                } else if label.contains("permission") {
                    info.permissions.extend(list);
                }
            }
        }
    }
    for table in scope.find_all(&|e| e.tag == "table" && e.has_class("routes")) {
        for tr in table.by_tag("tr") {
            let ths = tr.by_tag("th");
            if ths.len() < 2 {
                continue;
            }
            let tds = tr.by_tag("td");
            let verbs = parse_verbs(&clean(&ths[0].text()));
            let path = clean(&ths[1].text());
            if !path.starts_with('/') {
                continue;
            }
            let cell = |i: usize| {
                tds.get(i)
                    .map(|e| clean(&e.text()))
                    .filter(|s| !s.is_empty())
            };
            info.routes.push(PageRoute {
                path,
                verbs: verbs.unwrap_or_default(),
                summary: cell(0),
                notes: cell(1),
            });
        }
    }
    if let Some(code) = scope.find(&|e| e.tag == "code" && code_lang(e).is_some()) {
        let lang = code_lang(code).unwrap_or_default();
        info.code = Some(CodeBlock {
            lang,
            source: code.text(),
            first_line: code.line,
        });
    } else if let Some(pre) =
        scope.find(&|e| e.tag == "pre" && !e.has_class("request") && looks_like_code(&e.text()))
    {
        let source = pre.text();
        info.code = Some(CodeBlock {
            lang: detect_lang(&source).into(),
            source,
            first_line: pre.line,
        });
    }
    for table in
        scope.find_all(&|e| e.tag == "table" && (e.has_class("params") || e.has_class("enum")))
    {
        let caption = table.by_tag("caption");
        let type_name = caption
            .first()
            .and_then(|c| c.by_tag("b").first().map(|b| clean(&b.text())))
            .or_else(|| {
                caption.first().and_then(|c| {
                    clean(&c.text())
                        .split_whitespace()
                        .next()
                        .map(str::to_string)
                })
            })
            .unwrap_or_default();
        if type_name.is_empty() {
            continue;
        }
        let rows: Vec<Vec<String>> = table
            .by_tag("tr")
            .iter()
            .map(|tr| {
                tr.by_tag("td")
                    .iter()
                    .map(|td| td_text(td))
                    .collect::<Vec<_>>()
            })
            .filter(|cells| !cells.is_empty())
            .collect();
        if table.has_class("enum") {
            info.enums.push(EnumTable {
                type_name,
                members: rows
                    .into_iter()
                    .filter_map(|r| {
                        let name = r.first()?.clone();
                        Some((name, r.get(1).cloned().unwrap_or_default()))
                    })
                    .collect(),
                line: table.line,
            });
        } else {
            info.params.push(ParamTable {
                type_name,
                rows: rows
                    .into_iter()
                    .filter(|r| r.len() >= 3)
                    .map(|r| ParamRow {
                        name: r[0].clone(),
                        param_type: r[1].clone(),
                        data_type: r[2].clone(),
                        required: r.get(3).is_some_and(|v| v.eq_ignore_ascii_case("yes")),
                        description: r.get(4).cloned().unwrap_or_default(),
                    })
                    .collect(),
                line: table.line,
            });
        }
    }
    let pre_in = |class: &str| -> Option<(String, u32)> {
        let div = scope.find(&|e| e.has_class(class))?;
        let pre = div.by_tag("pre").into_iter().next().unwrap_or(div);
        Some((pre.text(), pre.line))
    };
    if let Some((text, line)) = pre_in("request") {
        info.request = Some(parse_sample(&text, line, true));
    }
    if let Some((text, line)) = pre_in("response") {
        info.response = Some(parse_sample(&text, line, false));
    }
    Ok(info)
}

fn td_text(td: &Element) -> String {
    // Descriptions carry `<h4>Allowable Values</h4><ul><li>`: keep line structure.
    td.text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn code_lang(e: &Element) -> Option<String> {
    if let Some(l) = e.attr("lang") {
        return Some(l.to_ascii_lowercase());
    }
    e.attr("class")?
        .split_whitespace()
        .find_map(|c| c.strip_prefix("language-"))
        .map(str::to_ascii_lowercase)
}

/// Collapses runs of whitespace and trims.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// `All Verbs` → `Some([])`; `GET,POST` / `GET POST` → the verbs; anything else → `None`.
fn parse_verbs(s: &str) -> Option<Vec<String>> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("All Verbs") || s == "*" {
        return Some(Vec::new());
    }
    let verbs: Vec<String> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    if verbs
        .iter()
        .all(|v| v.chars().all(|c| c.is_ascii_uppercase()))
    {
        Some(verbs)
    } else {
        None
    }
}

// ------------------------------------------------------------------------------ samples

/// Splits a sample `pre`: first line (request or status line), headers, blank line, body.
fn parse_sample(text: &str, first_line: u32, is_request: bool) -> Sample {
    let mut sample = Sample::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut idx = 0;
    while idx < lines.len() && lines[idx].trim().is_empty() {
        idx += 1;
    }
    if let Some(first) = lines.get(idx)
        && is_request
        && let Some((verb, path)) = request_line(first)
    {
        sample.verb = Some(verb);
        sample.path = Some(path);
    }
    // Headers end at the first blank line.
    while idx < lines.len() && !lines[idx].trim().is_empty() {
        idx += 1;
    }
    while idx < lines.len() && lines[idx].trim().is_empty() {
        idx += 1;
    }
    sample.body_line = first_line + idx as u32;
    sample.body = lines.get(idx..).unwrap_or(&[]).join("\n");
    sample
}

/// `POST /path HTTP/1.1` → (verb, path).
fn request_line(line: &str) -> Option<(String, String)> {
    let mut parts = line.split_whitespace();
    let verb = parts.next()?;
    let path = parts.next()?;
    let proto = parts.next()?;
    if !verb.chars().all(|c| c.is_ascii_uppercase()) || !proto.starts_with("HTTP/") {
        return None;
    }
    Some((verb.to_string(), path.to_string()))
}

// ------------------------------------------------------------------------------ text

const CODE_STARTS: &[&str] = &[
    "export ",
    "declare ",
    "/**",
    "// @",
    "/* Options",
    "public ",
    "namespace ",
    "using ",
    "interface ",
    "enum ",
    "class ",
    "[",
    "///",
];

fn is_code_start(line: &str) -> bool {
    let l = line.trim_start();
    CODE_STARTS.iter().any(|s| l.starts_with(s)) || (l.starts_with("type ") && l.contains('='))
}

fn looks_like_code(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("export ")
            || l.starts_with("public class ")
            || l.starts_with("public enum ")
            || l.starts_with("interface ")
            || l.starts_with("declare ")
    })
}

/// `typescript` or `csharp` for a code block without a label.
pub(crate) fn detect_lang(source: &str) -> &'static str {
    if crate::read::csharp::looks_like_csharp(source) {
        "csharp"
    } else {
        "typescript"
    }
}

fn is_code_end(line: &str) -> bool {
    let l = line.trim();
    l.starts_with("HTTP + ")
        || l.starts_with("To override the Content-type")
        || l.starts_with("The following are sample HTTP")
        || request_line(l).is_some()
        || l.starts_with("HTTP/1.1 ")
        // The link under a language tab: `TypeScript AddConferenceMember DTOs`.
        || (l.ends_with(" DTOs") && l.split_whitespace().count() <= 4 && !l.contains(['{', ';', '(']))
}

fn is_marker(line: &str) -> bool {
    let l = line.trim();
    l == "Requires Authentication"
        || l.starts_with("The following routes are available")
        || l.starts_with("Required role")
        || l.starts_with("Requires the role")
        || l.starts_with("Requires any of the")
        || l.starts_with("Required permission")
        || l.starts_with("Requires the permission")
        || l.ends_with(" Parameters:")
        // The language tabs' labels: `Metadata C# JavaScript TypeScript Dart ...`.
        || (l.starts_with("Metadata") && (l.contains("C#") || l.contains("TypeScript")))
        || is_code_start(line)
        || is_code_end(line)
}

/// Extracts the page parts from flattened text (the seed's format).
pub(crate) fn from_text(src: &str) -> Result<PageInfo, (u32, String)> {
    let lines: Vec<&str> = src.lines().collect();
    let mut info = PageInfo::default();
    let nonempty = |from: usize| (from..lines.len()).find(|&i| !lines[i].trim().is_empty());
    // Title: the line after the "<back to all web services" link, else the first line that is
    // a bare identifier (the service name before it usually has spaces).
    let back = lines
        .iter()
        .position(|l| l.contains("back to all web services"));
    let title_idx = match back {
        Some(b) => {
            if let Some(s) = nonempty(0).filter(|&s| s < b) {
                info.service = Some(lines[s].trim().to_string());
            }
            nonempty(b + 1)
        }
        None => (0..lines.len()).find(|&i| {
            let l = lines[i].trim();
            !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '_')
        }),
    };
    let Some(title_idx) = title_idx else {
        return Err((1, "no operation name found in the page text".into()));
    };
    info.operation = lines[title_idx].trim().to_string();
    info.operation_line = title_idx as u32 + 1;
    if !info
        .operation
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_')
    {
        return Err((
            title_idx as u32 + 1,
            format!("expected the operation name, found {:?}", info.operation),
        ));
    }
    // Description: until the first marker.
    let mut i = title_idx + 1;
    let mut desc = Vec::new();
    while i < lines.len() && !is_marker(lines[i]) {
        let l = lines[i].trim();
        if !l.is_empty() {
            desc.push(l);
        }
        i += 1;
    }
    if !desc.is_empty() {
        info.description = Some(desc.join("\n"));
    }
    // Auth and routes, up to the code.
    while i < lines.len() && !is_code_start(lines[i]) && !is_code_end(lines[i]) {
        let l = lines[i].trim();
        if l == "Requires Authentication" {
            info.requires_auth = true;
        } else if let Some((label, value)) = l
            .split_once(':')
            .filter(|(k, _)| k.starts_with("Required") || k.starts_with("Requires"))
        {
            // Role and permission cells may share one flattened line; split on the labels.
            let list = split_list(value);
            if label.contains("role") {
                info.roles.extend(list);
            } else if label.contains("permission") {
                info.permissions.extend(list);
            }
        } else if l.starts_with("The following routes are available") {
            let mut j = i + 1;
            while j < lines.len() {
                let r = lines[j].trim();
                if r.is_empty() {
                    j += 1;
                    continue;
                }
                match parse_route_line(r) {
                    Some(route) => info.routes.push(route),
                    None => break,
                }
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    // DTO source.
    if i < lines.len() && is_code_start(lines[i]) {
        let start = i;
        while i < lines.len() && !is_code_end(lines[i]) {
            i += 1;
        }
        let source = lines[start..i].join("\n");
        info.code = Some(CodeBlock {
            lang: detect_lang(&source).into(),
            source,
            first_line: start as u32 + 1,
        });
    }
    // Samples: the request line, then the status line.
    let req = (i..lines.len()).find(|&k| request_line(lines[k].trim()).is_some());
    let resp =
        (req.unwrap_or(i)..lines.len()).find(|&k| lines[k].trim_start().starts_with("HTTP/1.1 "));
    if let Some(r) = req {
        let end = resp.unwrap_or(lines.len());
        info.request = Some(parse_sample(&lines[r..end].join("\n"), r as u32 + 1, true));
    }
    if let Some(r) = resp {
        info.response = Some(parse_sample(&lines[r..].join("\n"), r as u32 + 1, false));
    }
    // A summary glued to the path (`/membersAdds a member`) is cut back to the sample's path.
    if let Some(sample_path) = info.request.as_ref().and_then(|s| s.path.clone()) {
        for route in &mut info.routes {
            if route.path.len() > sample_path.len() && route.path.starts_with(&sample_path) {
                let rest = route.path[sample_path.len()..].to_string();
                if rest.starts_with(|c: char| c.is_uppercase()) {
                    route.path = sample_path.clone();
                    route.summary = Some(match route.summary.take() {
                        Some(more) => format!("{rest} {more}"),
                        None => rest,
                    });
                }
            }
        }
    }
    Ok(info)
}

/// `POST/sessions/{id}`, `GET,POST /a`, `All Verbs/x summary`, `/x` → a route.
pub(crate) fn parse_route_line(line: &str) -> Option<PageRoute> {
    let line = line.trim();
    let (verbs, rest) = if let Some(rest) = line.strip_prefix("All Verbs") {
        (Vec::new(), rest)
    } else {
        let slash = line.find('/')?;
        let head = &line[..slash];
        (parse_verbs(head)?, &line[slash..])
    };
    let rest = rest.trim_start();
    if !rest.starts_with('/') {
        return None;
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let path = rest[..end].to_string();
    let tail = rest[end..].trim();
    // Cells copied from a table are tab-separated: summary, then notes.
    let (summary, notes) = match tail.split_once('\t') {
        Some((s, n)) => (s.trim(), n.trim()),
        None => (tail, ""),
    };
    Some(PageRoute {
        path,
        verbs,
        summary: (!summary.is_empty()).then(|| summary.to_string()),
        notes: (!notes.is_empty()).then(|| notes.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_lines() {
        let r = parse_route_line("POST/sessions/{sessionId}/conference/members").unwrap();
        assert_eq!(r.verbs, ["POST"]);
        assert_eq!(r.path, "/sessions/{sessionId}/conference/members");
        let r = parse_route_line("GET,POST /a/{b*} Gets things").unwrap();
        assert_eq!(r.verbs, ["GET", "POST"]);
        assert_eq!(r.path, "/a/{b*}");
        assert_eq!(r.summary.as_deref(), Some("Gets things"));
        let r = parse_route_line("All Verbs/x").unwrap();
        assert!(r.verbs.is_empty());
        let r = parse_route_line("/plain").unwrap();
        assert!(r.verbs.is_empty());
        assert_eq!(
            parse_route_line("GET POST/x").unwrap().verbs,
            ["GET", "POST"]
        );
        let r = parse_route_line("PUT\t/a\tSets a\tIdempotent").unwrap();
        assert_eq!(r.verbs, ["PUT"]);
        assert_eq!(r.summary.as_deref(), Some("Sets a"));
        assert_eq!(r.notes.as_deref(), Some("Idempotent"));
        assert!(parse_route_line("Metadata C# TypeScript").is_none());
        assert!(parse_route_line("Some text/with slash").is_none());
    }

    #[test]
    fn sample_split() {
        let s = parse_sample(
            "POST /a HTTP/1.1 \nHost: x\nContent-Length: length\n\n{\n\ta: 1\n}",
            10,
            true,
        );
        assert_eq!(s.verb.as_deref(), Some("POST"));
        assert_eq!(s.path.as_deref(), Some("/a"));
        assert_eq!(s.body, "{\n\ta: 1\n}");
        assert_eq!(s.body_line, 14);
    }

    #[test]
    fn verbs() {
        assert_eq!(parse_verbs("All Verbs"), Some(vec![]));
        assert_eq!(
            parse_verbs("GET, PUT"),
            Some(vec!["GET".into(), "PUT".into()])
        );
        assert_eq!(parse_verbs("Get"), None);
    }
}
