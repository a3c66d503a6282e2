use std::rc::Rc;

#[tokio::main]
async fn main() {
    // ANCHOR: rc
    let task = tokio::spawn(async {
        let names = Rc::new(vec!["ada", "grace"]);
        tokio::task::yield_now().await; // `names` lives across it
        names.len()
    });
    // ANCHOR_END: rc
    println!("{}", task.await.unwrap());
}
