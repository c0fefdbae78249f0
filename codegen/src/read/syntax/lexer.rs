//! A small tokenizer for the C-family DTO sources ServiceStack emits (TypeScript and C#).
//!
//! It keeps comments as tokens because ServiceStack puts real information in them
//! (`// @Route(...)`, `/** description */`), and records line:column for every token so
//! parse errors can point at the input.

use std::fmt;

/// Which language the source is: decides string syntax (`'` is a string in TS, a char in C#;
/// C# has `@"verbatim"` strings, TS has `` `template` `` strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    TypeScript,
    CSharp,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// Identifier or keyword (`$` and `_` allowed, C# `@ident` has the `@` stripped).
    Ident(String),
    /// A string (or C# char) literal, escapes decoded.
    Str(String),
    /// A number literal, as written.
    Num(String),
    /// One punctuation character; multi-character operators are sequences of these.
    Punct(char),
    /// `// ...` comment, text after the slashes (a third `/` of C# doc comments kept).
    LineComment(String),
    /// `/* ... */` comment, text between the delimiters.
    BlockComment(String),
}

/// A token with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub pos: Pos,
    /// True when a line break separates this token from the previous one (automatic
    /// semicolon insertion and "trailing comment" detection need it).
    pub newline_before: bool,
}

/// A tokenizer failure: an unterminated string or comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexError {
    pub pos: Pos,
    pub message: String,
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: u32,
    column: u32,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.chars.clone();
        it.next();
        it.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Splits `src` into tokens. Never panics; fails only on unterminated strings/comments.
pub(crate) fn tokenize(src: &str, lang: Lang) -> Result<Vec<Token>, LexError> {
    let mut cur = Cursor {
        chars: src.chars().peekable(),
        line: 1,
        column: 1,
    };
    let mut out = Vec::new();
    let mut newline_before = true;
    // A UTF-8 BOM is not whitespace to `char::is_whitespace`, but files from Windows hosts have one.
    if cur.peek() == Some('\u{feff}') {
        cur.bump();
    }
    while let Some(c) = cur.peek() {
        if c.is_whitespace() {
            if c == '\n' {
                newline_before = true;
            }
            cur.bump();
            continue;
        }
        let pos = cur.pos();
        let tok = if c == '/' && cur.peek2() == Some('/') {
            cur.bump();
            cur.bump();
            let mut text = String::new();
            while let Some(c) = cur.peek() {
                if c == '\n' {
                    break;
                }
                text.push(c);
                cur.bump();
            }
            if text.ends_with('\r') {
                text.pop();
            }
            Tok::LineComment(text)
        } else if c == '/' && cur.peek2() == Some('*') {
            cur.bump();
            cur.bump();
            let mut text = String::new();
            loop {
                match cur.bump() {
                    None => {
                        return Err(LexError {
                            pos,
                            message: "unterminated block comment".into(),
                        });
                    }
                    Some('*') if cur.peek() == Some('/') => {
                        cur.bump();
                        break;
                    }
                    Some(c) => text.push(c),
                }
            }
            Tok::BlockComment(text)
        } else if c == '"' || (c == '\'' || c == '`') {
            cur.bump();
            Tok::Str(lex_quoted(&mut cur, c, pos, lang)?)
        } else if c == '@' && lang == Lang::CSharp && cur.peek2() == Some('"') {
            cur.bump();
            cur.bump();
            Tok::Str(lex_verbatim(&mut cur, pos)?)
        } else if c == '@' && lang == Lang::CSharp && cur.peek2().is_some_and(is_ident_start) {
            // C# `@class` is the identifier `class`.
            cur.bump();
            Tok::Ident(lex_ident(&mut cur))
        } else if is_ident_start(c) {
            Tok::Ident(lex_ident(&mut cur))
        } else if c.is_ascii_digit() {
            let mut text = String::new();
            while let Some(c) = cur.peek() {
                if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                    text.push(c);
                    cur.bump();
                } else {
                    break;
                }
            }
            Tok::Num(text)
        } else {
            cur.bump();
            Tok::Punct(c)
        };
        out.push(Token {
            tok,
            pos,
            newline_before,
        });
        newline_before = false;
    }
    Ok(out)
}

fn lex_ident(cur: &mut Cursor<'_>) -> String {
    let mut text = String::new();
    while let Some(c) = cur.peek() {
        if is_ident_continue(c) {
            text.push(c);
            cur.bump();
        } else {
            break;
        }
    }
    text
}

fn lex_quoted(cur: &mut Cursor<'_>, quote: char, pos: Pos, lang: Lang) -> Result<String, LexError> {
    let mut text = String::new();
    let unterminated = || LexError {
        pos,
        message: format!("unterminated string literal (opened with {quote})"),
    };
    loop {
        match cur.bump() {
            None => return Err(unterminated()),
            // Only template literals may span lines; a newline inside another string means the
            // quote was never closed, and reporting that here keeps the error near its cause.
            Some('\n') if quote != '`' => return Err(unterminated()),
            Some(c) if c == quote => return Ok(text),
            Some('\\') => match cur.bump() {
                None => return Err(unterminated()),
                Some('n') => text.push('\n'),
                Some('r') => text.push('\r'),
                Some('t') => text.push('\t'),
                Some('0') => text.push('\0'),
                Some('u') if lang == Lang::TypeScript || lang == Lang::CSharp => {
                    let mut hex = String::new();
                    let braced = cur.peek() == Some('{');
                    if braced {
                        cur.bump();
                    }
                    while let Some(c) = cur.peek() {
                        if c.is_ascii_hexdigit() && (braced || hex.len() < 4) {
                            hex.push(c);
                            cur.bump();
                        } else {
                            break;
                        }
                    }
                    if braced && cur.peek() == Some('}') {
                        cur.bump();
                    }
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(c) => text.push(c),
                        None => text.push_str(&hex),
                    }
                }
                Some('\r') if cur.peek() == Some('\n') => {
                    cur.bump();
                }
                Some('\n') => {}
                Some(c) => text.push(c),
            },
            Some(c) => text.push(c),
        }
    }
}

fn lex_verbatim(cur: &mut Cursor<'_>, pos: Pos) -> Result<String, LexError> {
    let mut text = String::new();
    loop {
        match cur.bump() {
            None => {
                return Err(LexError {
                    pos,
                    message: "unterminated verbatim string literal".into(),
                });
            }
            Some('"') if cur.peek() == Some('"') => {
                cur.bump();
                text.push('"');
            }
            Some('"') => return Ok(text),
            Some(c) => text.push(c),
        }
    }
}

/// The position just after the last character (for "unexpected end of input").
pub(crate) fn end_pos(src: &str) -> Pos {
    let line = src.matches('\n').count() as u32 + 1;
    let last = src.rsplit('\n').next().unwrap_or("");
    Pos {
        line,
        column: last.chars().count() as u32 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src, Lang::TypeScript)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn tokens_and_positions() {
        let toks = tokenize(
            "export class A\n{\n  x?: string; // hi\n}",
            Lang::TypeScript,
        )
        .unwrap();
        assert_eq!(toks[0].tok, Tok::Ident("export".into()));
        assert_eq!(
            toks[2].pos,
            Pos {
                line: 1,
                column: 14
            }
        );
        assert_eq!(toks[3].tok, Tok::Punct('{'));
        assert!(toks[3].newline_before);
        assert_eq!(toks[4].pos, Pos { line: 3, column: 3 });
        assert_eq!(toks[9].tok, Tok::LineComment(" hi".into()));
        assert!(!toks[9].newline_before);
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            kinds(r#"'a\'b' "c\"d{" `e`"#),
            vec![
                Tok::Str("a'b".into()),
                Tok::Str("c\"d{".into()),
                Tok::Str("e".into())
            ]
        );
        let cs = tokenize(r#"@"x""y" 'c' @class"#, Lang::CSharp).unwrap();
        assert_eq!(cs[0].tok, Tok::Str("x\"y".into()));
        assert_eq!(cs[1].tok, Tok::Str("c".into()));
        assert_eq!(cs[2].tok, Tok::Ident("class".into()));
    }

    #[test]
    fn comments() {
        assert_eq!(
            kinds("/** doc */ // @Route(\"/a\")\nx"),
            vec![
                Tok::BlockComment("* doc ".into()),
                Tok::LineComment(" @Route(\"/a\")".into()),
                Tok::Ident("x".into())
            ]
        );
    }

    #[test]
    fn unterminated_errors_carry_position() {
        let e = tokenize("a\n  'abc\n", Lang::TypeScript).unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, column: 3 });
        let e = tokenize("a /* x", Lang::TypeScript).unwrap_err();
        assert_eq!(e.pos, Pos { line: 1, column: 3 });
        assert!(e.message.contains("comment"));
    }
}
