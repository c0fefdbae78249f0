//! Top-level keys of a sample body (compact JSON or pretty JSV), for response-type inference.
//!
//! Only the outermost object's keys are needed, so this is a brace-aware scanner, not a
//! parser: nested values are skipped by bracket depth, honouring quoted strings (JSON
//! `\"` escapes, JSV `""` doubling).

/// What the top level of a sample body is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SampleShape {
    /// An object with these keys, in order.
    Object(Vec<String>),
    /// An array whose first element is an object with these keys (empty if not an object).
    Array(Vec<String>),
    /// An XML document (`/xml/metadata` pages) whose root element has this name: the
    /// response type's name (or `ArrayOfX` for a list).
    Xml(String),
    /// A scalar (or empty body).
    Scalar,
}

/// A scan failure with the byte offset where it was noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SampleError {
    pub offset: usize,
    pub message: String,
}

/// Scans `body` (text that starts at, or shortly before, the sample's first `{` or `[`).
pub(crate) fn top_level_shape(body: &str) -> Result<SampleShape, SampleError> {
    let bytes = body.as_bytes();
    let mut i = skip_ws(bytes, 0);
    match bytes.get(i) {
        Some(b'{') => object_keys(bytes, body, i).map(|(k, _)| SampleShape::Object(k)),
        Some(b'[') => {
            i = skip_ws(bytes, i + 1);
            if bytes.get(i) == Some(&b'{') {
                object_keys(bytes, body, i).map(|(k, _)| SampleShape::Array(k))
            } else {
                Ok(SampleShape::Array(Vec::new()))
            }
        }
        Some(b'<') => Ok(xml_root(&body[i..])
            .map(SampleShape::Xml)
            .unwrap_or(SampleShape::Scalar)),
        _ => Ok(SampleShape::Scalar),
    }
}

/// The root element name of an XML text, skipping `<?xml ...?>` and comments.
fn xml_root(mut text: &str) -> Option<String> {
    loop {
        text = text.trim_start();
        if text.starts_with("<?") || text.starts_with("<!") {
            text = &text[text.find('>')? + 1..];
            continue;
        }
        let rest = text.strip_prefix('<')?;
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        // Drop a namespace prefix (`<d2p1:Foo>`).
        let name = name.rsplit(':').next().unwrap_or(name);
        return (!name.is_empty()).then(|| name.to_string());
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Keys of the object starting at `start` (a `{`), and the index after its `}`.
fn object_keys(
    bytes: &[u8],
    text: &str,
    start: usize,
) -> Result<(Vec<String>, usize), SampleError> {
    let err = |offset: usize, message: &str| SampleError {
        offset,
        message: message.to_string(),
    };
    let mut keys = Vec::new();
    let mut i = skip_ws(bytes, start + 1);
    if bytes.get(i) == Some(&b'}') {
        return Ok((keys, i + 1));
    }
    // JSON quotes every key; JSV quotes none (unless it needs to), so the first key decides
    // which escaping convention strings use.
    let json = bytes.get(i) == Some(&b'"');
    loop {
        i = skip_ws(bytes, i);
        let key = if bytes.get(i) == Some(&b'"') {
            let (s, next) = quoted(bytes, text, i, json)?;
            i = next;
            s
        } else {
            let k0 = i;
            while i < bytes.len() && !matches!(bytes[i], b':' | b',' | b'}' | b'{' | b'[') {
                i += 1;
            }
            text[k0..i].trim().to_string()
        };
        i = skip_ws(bytes, i);
        if bytes.get(i) != Some(&b':') {
            return Err(err(i, "expected `:` after a key"));
        }
        if key.is_empty() {
            return Err(err(i, "empty key"));
        }
        keys.push(key);
        i = skip_value(bytes, text, i + 1, json)?;
        i = skip_ws(bytes, i);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => return Ok((keys, i + 1)),
            None => return Err(err(i, "unterminated object: missing `}`")),
            _ => return Err(err(i, "expected `,` or `}` after a value")),
        }
    }
}

/// A quoted string at `i`; returns its contents and the index after the closing quote.
fn quoted(bytes: &[u8], text: &str, i: usize, json: bool) -> Result<(String, usize), SampleError> {
    let mut j = i + 1;
    let mut out = String::new();
    let mut seg = j;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if json => {
                out.push_str(&text[seg..j]);
                if let Some(&c) = bytes.get(j + 1) {
                    out.push(match c {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        _ => c as char,
                    });
                }
                j += 2;
                seg = j.min(bytes.len());
                continue;
            }
            b'"' if !json && bytes.get(j + 1) == Some(&b'"') => {
                out.push_str(&text[seg..=j]);
                j += 2;
                seg = j;
                continue;
            }
            b'"' => {
                out.push_str(&text[seg..j]);
                return Ok((out, j + 1));
            }
            _ => j += 1,
        }
    }
    Err(SampleError {
        offset: i,
        message: "unterminated string".into(),
    })
}

/// Skips one value starting at or after `i`; returns the index after it.
fn skip_value(bytes: &[u8], text: &str, i: usize, json: bool) -> Result<usize, SampleError> {
    let mut i = skip_ws(bytes, i);
    let mut depth = 0usize;
    let start = i;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = quoted(bytes, text, i, json)?.1;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            b',' | b'}' | b']' if depth == 0 => return Ok(i),
            _ => {}
        }
        i += 1;
    }
    if depth > 0 {
        Err(SampleError {
            offset: start,
            message: "unbalanced brackets in a value".into(),
        })
    } else {
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsv_pretty() {
        let s = "{\n\tid: String,\n\tlist: \n\t[\n\t\t{\n\t\t\ta: 1\n\t\t}\n\t],\n\tmap: \n\t{\n\t\tString: String\n\t},\n\tq: \"a,}\"\"b\",\n\tlast: False\n}";
        assert_eq!(
            top_level_shape(s),
            Ok(SampleShape::Object(vec![
                "id".into(),
                "list".into(),
                "map".into(),
                "q".into(),
                "last".into()
            ]))
        );
    }

    #[test]
    fn json_compact() {
        let s = r#"{"a":"x\",}","b":[{"c":1}],"d":{"e":{}},"f":""}"#;
        assert_eq!(
            top_level_shape(s),
            Ok(SampleShape::Object(vec![
                "a".into(),
                "b".into(),
                "d".into(),
                "f".into()
            ]))
        );
        assert_eq!(
            top_level_shape(r#"[{"id":"String"}]"#),
            Ok(SampleShape::Array(vec!["id".into()]))
        );
        assert_eq!(top_level_shape("{}"), Ok(SampleShape::Object(vec![])));
        assert_eq!(top_level_shape("0"), Ok(SampleShape::Scalar));
        assert_eq!(
            top_level_shape(
                "<?xml version=\"1.0\"?>\n<SessionInfo xmlns:i=\"x\"><Id>a</Id></SessionInfo>"
            ),
            Ok(SampleShape::Xml("SessionInfo".into()))
        );
    }

    #[test]
    fn malformed_is_an_error_not_a_panic() {
        for s in [
            "{", "{a", "{a:", "{a:{", "{\"a", "{a:1 b", "{:1}", "{a:\"x", "[{", "{a:[}",
        ] {
            assert!(top_level_shape(s).is_err(), "{s}");
        }
    }
}
