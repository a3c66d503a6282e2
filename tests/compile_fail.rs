//! Listings that must not compile, each checked against the compiler error
//! its page shows (`examples/compile-fail/NAME.stderr`).
//! `TRYBUILD=overwrite` (or `cargo xtask bless`) records the errors.

#[test]
fn compile_fail_listings() {
    trybuild::TestCases::new().compile_fail("examples/compile-fail/*.rs");
}
