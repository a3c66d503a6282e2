use std::time::Duration;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

// ANCHOR: explicit
/// What a request's code needs, as ordinary typed fields. Only the token is
/// "context" in Go's sense; the rest are plain arguments.
struct Request {
    user: String,
    deadline: Instant,
    cancel: CancellationToken,
}

/// Everything this function uses is in its signature, typed.
async fn greeting(request: &Request, locale: &str) -> Option<String> {
    let work = async {
        format!(
            "{}, {}",
            if locale == "fr" { "Bonjour" } else { "Hello" },
            request.user
        )
    };
    let within_deadline = tokio::time::timeout_at(request.deadline, work);
    request
        .cancel
        .run_until_cancelled(within_deadline)
        .await?
        .ok()
}
// ANCHOR_END: explicit

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let request = Request {
        user: "ada".into(),
        deadline: Instant::now() + Duration::from_secs(1),
        cancel: CancellationToken::new(),
    };
    println!("{:?}", greeting(&request, "fr").await);
    request.cancel.cancel();
    println!("{:?}", greeting(&request, "en").await);
}
