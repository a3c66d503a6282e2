use tokio_util::sync::CancellationToken;

fn main() {
    // ANCHOR: tree
    let server = CancellationToken::new(); // the root: context.Background()
    let request_a = server.child_token(); // context.WithCancel(server)
    let request_b = server.child_token();
    let a_db_query = request_a.child_token(); // work on behalf of request A

    request_a.cancel(); // A's client went away
    report(
        "after request_a.cancel()",
        [&server, &request_a, &request_b, &a_db_query],
    );

    server.cancel(); // the server shuts down
    report(
        "after server.cancel()",
        [&server, &request_a, &request_b, &a_db_query],
    );
    // ANCHOR_END: tree
}

fn report(when: &str, tokens: [&CancellationToken; 4]) {
    let names = ["server", "request_a", "request_b", "a_db_query"];
    let states: Vec<String> = names
        .iter()
        .zip(tokens)
        .map(|(name, token)| {
            format!(
                "{name}={}",
                if token.is_cancelled() {
                    "cancelled"
                } else {
                    "live"
                }
            )
        })
        .collect();
    println!("{when:<26} {}", states.join(" "));
}
