//! An error that crosses a task: it must be `Send + 'static`, and the
//! `Result<Result<T, E>, JoinError>` that `.await` on a handle gives flattens
//! into one error type with a `From` and one `?`.
//!
//! Run it: `cargo run --example ch07-03-one-error-type-across-tasks`
// output: varies \(\d+\)
use std::fmt;
use tokio::task::JoinError;

// ANCHOR: error
/// Everything a fetch in a task can end with: its own failure, or the task's
/// (a panic, an abort). An owned enum: `Send + 'static` by construction.
#[derive(Debug)]
enum FetchError {
    NotFound(u32),
    Task(JoinError),
}

impl From<JoinError> for FetchError {
    fn from(e: JoinError) -> Self {
        FetchError::Task(e)
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FetchError::NotFound(id) => write!(f, "page {id}: not found"),
            FetchError::Task(e) if e.is_panic() => write!(f, "the fetch panicked"),
            FetchError::Task(e) => write!(f, "the fetch was cancelled: {e}"),
        }
    }
}
impl std::error::Error for FetchError {}
// ANCHOR_END: error

async fn fetch(id: u32) -> Result<String, FetchError> {
    match id {
        2 => Err(FetchError::NotFound(id)),
        3 => panic!("a bug in the parser"),
        _ => Ok(format!("page {id}")),
    }
}

// ANCHOR: flatten
/// One `?` turns the outer `JoinError` into a `FetchError`; what is left is
/// the task's own `Result<String, FetchError>`.
async fn fetch_in_a_task(id: u32) -> Result<String, FetchError> {
    tokio::spawn(fetch(id)).await?
}
// ANCHOR_END: flatten

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    for id in 1..=3 {
        match fetch_in_a_task(id).await {
            Ok(page) => println!("{id}: {page}"),
            Err(e) => println!("{id}: error: {e}"),
        }
    }
    // ANCHOR_END: main
}
