//! Quiz program: which way cancellation flows between tokens.
use tokio_util::sync::CancellationToken;

fn main() {
    let parent = CancellationToken::new();
    let child = parent.child_token();
    child.cancel();
    println!("{} {}", parent.is_cancelled(), child.is_cancelled());
}
