//! Compile errors of `#[derive(Dto)]`: each `tests/ui/*.rs` must fail with exactly its `.stderr`.
//! Regenerate the expectations with `TRYBUILD=overwrite cargo test -p dto --test ui`, then read them.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
