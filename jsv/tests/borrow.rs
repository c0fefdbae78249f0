//! Zero-copy decoding: `&str` members borrow from the input, `Cow<str>` members stay `Borrowed` unless
//! the text had `""` to collapse, and decoding a borrowing struct allocates nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;

use serde::Deserialize;

#[allow(dead_code)] // The records are shared with the benchmarks; this test reads only some members.
#[path = "../benches/common/evovoice.rs"]
mod evovoice;

/// Counts the current thread's allocations, so tests running in parallel do not see each other's.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call unchanged to the system allocator; counting touches no allocator state.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's guarantees for `layout` are passed on as they are.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` above with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (value, ALLOCATIONS.with(Cell::get) - before)
}

/// True when `part` lies inside `whole`'s bytes, i.e. was borrowed from it rather than copied.
fn borrowed_from(part: &str, whole: &str) -> bool {
    let range = whole.as_bytes().as_ptr_range();
    let part = part.as_bytes().as_ptr_range();
    range.start <= part.start && part.end <= range.end
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
struct Flat<'a> {
    id: &'a str,
    name: &'a str,
    url: &'a str,
    #[serde(borrow)]
    note: Cow<'a, str>,
    #[serde(borrow)]
    quoted: Cow<'a, str>,
    count: u32,
    active: bool,
    missing: Option<&'a str>,
}

const FLAT: &str = r#"{Id:5f2c9a,Name:"Acme Plumbing, Inc.",Url:"https://example.com/a?b=c",Note:Hello World,Quoted:"say ""hi""",Count:42,Active:True}"#;

#[test]
fn str_members_borrow_from_the_input() {
    let flat: Flat = jsv::from_str(FLAT).unwrap();
    assert_eq!(
        (flat.id, flat.name, flat.url),
        ("5f2c9a", "Acme Plumbing, Inc.", "https://example.com/a?b=c")
    );
    for text in [flat.id, flat.name, flat.url] {
        assert!(borrowed_from(text, FLAT), "{text:?} was copied");
    }
    assert_eq!((flat.count, flat.active, flat.missing), (42, true, None));
}

#[test]
fn cow_members_are_borrowed_unless_quotes_were_doubled() {
    let flat: Flat = jsv::from_str(FLAT).unwrap();
    assert!(
        matches!(flat.note, Cow::Borrowed("Hello World")),
        "{:?}",
        flat.note
    );
    // `""` must collapse to `"`, which the input does not hold contiguously: only this one is owned.
    assert!(
        matches!(&flat.quoted, Cow::Owned(s) if s == r#"say "hi""#),
        "{:?}",
        flat.quoted
    );

    // Quoted text without `""` is still a slice of the input.
    let text = FLAT.replace("Hello World", r#""a,b:c""#);
    let flat: Flat = jsv::from_str(&text).unwrap();
    assert!(
        matches!(flat.note, Cow::Borrowed("a,b:c")),
        "{:?}",
        flat.note
    );
}

#[test]
fn decoding_a_borrowing_struct_allocates_nothing() {
    let text = FLAT.replace(r#""say ""hi""""#, "plain");
    let (flat, allocations) = allocations_during(|| jsv::from_str::<Flat>(&text).unwrap());
    assert_eq!(allocations, 0, "decoding {flat:?} allocated");
    assert!(matches!(flat.quoted, Cow::Borrowed("plain")));
}

#[test]
fn borrowed_evo_voice_records_point_into_the_text() {
    let records = evovoice::sessions(20_000);
    let text = jsv::to_string(&records).unwrap();
    let borrowed: Vec<evovoice::SessionInfoRef> = jsv::from_str(&text).unwrap();
    assert_eq!(borrowed.len(), records.len());
    let mut checked = 0;
    for (owned, record) in records.iter().zip(&borrowed) {
        assert_eq!(record.id, owned.id.as_deref());
        let strs = [
            record.id,
            record.account_id,
            record.call_sid,
            record.date_created,
            record.from_phone_number,
        ];
        for s in strs.into_iter().flatten() {
            assert!(borrowed_from(s, &text), "{s:?} was copied");
            checked += 1;
        }
        for member in record.members.iter().flatten() {
            for (key, value) in member.application_data.iter().flatten() {
                assert!(
                    borrowed_from(key, &text) && borrowed_from(value, &text),
                    "{key:?}: {value:?} was copied"
                );
                checked += 1;
            }
        }
        // Console data is a JSON blob: its quotes are doubled in JSV, so it alone must be owned.
        match (&record.console_data, &owned.console_data) {
            (Cow::Owned(s), Some(expected)) => assert_eq!(s, expected),
            (absent, None) if absent.is_empty() => {}
            other => panic!("console data: {other:?}"),
        }
        assert!(
            matches!(record.account_name, Cow::Borrowed(_)),
            "{:?}",
            record.account_name
        );
        for log in record.log.iter().flatten() {
            let message = &log.message;
            assert_eq!(
                matches!(message, Cow::Borrowed(_)),
                !message.contains('"'),
                "{message:?}"
            );
        }
    }
    assert!(checked > 50, "only {checked} strings checked");
}
