//! Eight bytes at a time in a `u64` (SWAR): finding delimiters and reading digits without SIMD
//! intrinsics or `unsafe`.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` starting at `at`, the first one lowest.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// The bytes of `word` equal to `byte`, marked by their high bit. A byte equal to `byte` becomes zero
/// after `xor`, and the "has a zero byte" test marks it; borrows can only mark bytes above a real
/// match, so the lowest mark is exact, also in marks of several bytes or-ed together.
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// `word` with ASCII bit 5 cleared in every byte: `{` reads as `[`, `}` as `]` (and no other byte
/// turns into either).
#[inline(always)]
pub(crate) fn fold_braces(word: u64) -> u64 {
    word & !(ONES * 0x20)
}

/// Where the lowest marked byte of non-zero `marks` is (0 to 7).
#[inline(always)]
pub(crate) fn first_marked(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

/// Whether all eight bytes of `word` are ASCII digits (below `0` or above `9` sets a high bit).
#[inline]
pub(crate) fn eight_digits(word: u64) -> bool {
    let above = word.wrapping_add(0x4646_4646_4646_4646);
    let below = word.wrapping_sub(0x3030_3030_3030_3030);
    (above | below) & HIGHS == 0
}

/// The value of eight ASCII digits (first digit in the lowest byte), combined pairwise in three
/// multiplications.
#[inline]
pub(crate) fn eight_digits_value(word: u64) -> u64 {
    const MASK: u64 = 0x0000_00FF_0000_00FF;
    const MUL1: u64 = 100 + (1_000_000 << 32);
    const MUL2: u64 = 1 + (10_000 << 32);
    let v = word - 0x3030_3030_3030_3030;
    let v = v * 10 + (v >> 8);
    let high = (v & MASK).wrapping_mul(MUL1);
    let low = ((v >> 16) & MASK).wrapping_mul(MUL2);
    u64::from((high.wrapping_add(low) >> 32) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_mark_is_exact() {
        let text = b"ab,cd:ef";
        let word = word_at(text, 0);
        let marks = bytes_equal(word, b',') | bytes_equal(word, b':');
        assert_eq!(first_marked(marks), 2);
        assert_eq!(bytes_equal(word, b'"'), 0);
        // A byte one above the target next to a match must not hide it (the borrow case).
        let word = word_at(b"x\x01\x00yyyyy", 0);
        assert_eq!(first_marked(bytes_equal(word, 0)), 2);
    }

    #[test]
    fn braces_fold_onto_brackets_only() {
        for byte in 0..=255u8 {
            let folded = fold_braces(u64::from(byte)) as u8;
            let expected = matches!(byte, b'{' | b'[');
            assert_eq!(folded == b'[', expected, "{byte:#x}");
            let expected = matches!(byte, b'}' | b']');
            assert_eq!(folded == b']', expected, "{byte:#x}");
        }
    }

    #[test]
    fn eight_digits_at_a_time() {
        let word = |text: &[u8; 8]| u64::from_le_bytes(*text);
        assert!(eight_digits(word(b"12345678")));
        assert_eq!(eight_digits_value(word(b"12345678")), 12_345_678);
        assert_eq!(eight_digits_value(word(b"00000009")), 9);
        assert_eq!(eight_digits_value(word(b"99999999")), 99_999_999);
        for bad in [
            b"1234567/",
            b"1234567:",
            b".2345678",
            b"1234 678",
            b"\xff2345678",
        ] {
            assert!(!eight_digits(word(bad)), "{bad:?}");
        }
    }
}
