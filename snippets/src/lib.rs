//! No code: the snippets are in the book, and `tests/skeptic.rs` runs them.
