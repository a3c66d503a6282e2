use tokio_util::sync::CancellationToken;

fn main() {
    // ANCHOR: pitfalls
    // 1. Dropping a token cancels nothing (unlike a forgotten Go cancel, it leaks nothing either).
    let parent = CancellationToken::new();
    let child = parent.child_token();
    drop(parent);
    println!(
        "1. parent dropped; child cancelled? {}",
        child.is_cancelled()
    );

    // 2. A clone is the *same* token: cancelling it cancels the caller's too.
    let caller = CancellationToken::new();
    let passed_down = caller.clone(); // should have been caller.child_token()
    passed_down.cancel();
    println!(
        "2. callee cancelled its clone; caller cancelled? {}",
        caller.is_cancelled()
    );

    // 3. A fresh root inside a call cuts it off from its caller's cancellation.
    let request = CancellationToken::new();
    let inner = CancellationToken::new(); // should have been request.child_token()
    request.cancel();
    println!(
        "3. request cancelled; inner work cancelled? {}",
        inner.is_cancelled()
    );

    // The fix for all three: derive with child_token(), and cancel on exit with a guard.
    let request = CancellationToken::new();
    let work = request.child_token();
    drop(request.drop_guard());
    println!(
        "fixed: guard dropped; child work cancelled? {}",
        work.is_cancelled()
    );
    // ANCHOR_END: pitfalls
}
