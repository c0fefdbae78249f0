//! The token cursor the TypeScript and C# parsers share: looking past comments, taking
//! punctuation and identifiers, errors that say what was found instead, and the nesting guard.

use super::lexer::{LexError, Pos, Tok, Token};

/// A parser step's result.
pub(crate) type PResult<T> = Result<T, ParseError>;

/// A parse error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub pos: Pos,
    pub message: String,
}

impl From<LexError> for ParseError {
    fn from(e: LexError) -> Self {
        ParseError {
            pos: e.pos,
            message: e.message,
        }
    }
}

/// Recursion guard: nested generics/object types deeper than this are not DTOs.
pub(crate) const MAX_DEPTH: usize = 64;

/// Whether a token is a comment (which parsers skip, keeping what they need of it).
pub(crate) fn is_comment(t: &Token) -> bool {
    matches!(t.tok, Tok::LineComment(_) | Tok::BlockComment(_))
}

/// How a token is named in an error message.
pub(crate) fn describe(t: &Tok) -> String {
    match t {
        Tok::Ident(w) => format!("`{w}`"),
        Tok::Str(s) => format!("string {s:?}"),
        Tok::Num(n) => format!("number `{n}`"),
        Tok::Punct(c) => format!("`{c}`"),
        Tok::LineComment(_) | Tok::BlockComment(_) => "a comment".into(),
    }
}

/// A position in a token list. A parser says where its tokens, index and depth are and what it
/// keeps of comments; moving through the tokens is shared.
pub(crate) trait Cursor<'t> {
    /// All tokens of the input.
    fn tokens(&self) -> &'t [Token];
    /// Index of the current token.
    fn index(&self) -> usize;
    /// Moves to token `i`.
    fn set_index(&mut self, i: usize);
    /// The position just past the input, for errors at its end.
    fn end(&self) -> Pos;
    /// The nesting depth, for the recursion guard.
    fn depth_mut(&mut self) -> &mut usize;
    /// Moves past comments at the current position, keeping what the parser needs of them.
    fn skip_comments(&mut self);

    /// The current significant token.
    fn peek_tok(&mut self) -> Option<&'t Token> {
        self.skip_comments();
        self.tokens().get(self.index())
    }

    /// The current significant token's kind.
    fn peek(&mut self) -> Option<&'t Tok> {
        self.peek_tok().map(|t| &t.tok)
    }

    /// The n-th significant token after the current one (0 = current), without consuming.
    fn peek_nth(&mut self, n: usize) -> Option<&'t Tok> {
        self.skip_comments();
        self.tokens()[self.index()..]
            .iter()
            .filter(|t| !is_comment(t))
            .nth(n)
            .map(|t| &t.tok)
    }

    /// Where the current significant token starts (the end of input past the last one).
    fn pos(&mut self) -> Pos {
        self.peek_tok().map(|t| t.pos).unwrap_or(self.end())
    }

    /// Takes the current significant token.
    fn bump(&mut self) -> Option<&'t Token> {
        self.skip_comments();
        let t = self.tokens().get(self.index())?;
        self.set_index(self.index() + 1);
        Some(t)
    }

    /// Whether the current token is the punctuation `c`.
    fn is_punct(&mut self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }

    /// Takes the punctuation `c` if it is next.
    fn eat_punct(&mut self, c: char) -> bool {
        let next = self.is_punct(c);
        if next {
            self.bump();
        }
        next
    }

    /// Whether the current token is the identifier `word`.
    fn is_ident(&mut self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(w)) if w == word)
    }

    /// Takes the identifier `word` if it is next.
    fn eat_ident(&mut self, word: &str) -> bool {
        let next = self.is_ident(word);
        if next {
            self.bump();
        }
        next
    }

    /// An error at the current token, saying what was found there.
    fn err<T>(&mut self, message: impl Into<String>) -> PResult<T> {
        let pos = self.pos();
        let found = match self.peek() {
            None => "end of input".to_string(),
            Some(t) => describe(t),
        };
        Err(ParseError {
            pos,
            message: format!("{}, found {found}", message.into()),
        })
    }

    /// Takes the punctuation `c`, or fails.
    fn expect_punct(&mut self, c: char) -> PResult<()> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            self.err(format!("expected `{c}`"))
        }
    }

    /// Takes an identifier (`what` names it in the error otherwise).
    fn ident(&mut self, what: &str) -> PResult<(String, Pos)> {
        let pos = self.pos();
        match self.peek() {
            Some(Tok::Ident(w)) => {
                self.bump();
                Ok((w.clone(), pos))
            }
            _ => self.err(format!("expected {what}")),
        }
    }

    /// One level deeper, failing past [`MAX_DEPTH`].
    fn enter(&mut self) -> PResult<()> {
        *self.depth_mut() += 1;
        if *self.depth_mut() > MAX_DEPTH {
            return self.err(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        Ok(())
    }

    /// One level up.
    fn leave(&mut self) {
        *self.depth_mut() -= 1;
    }
}
