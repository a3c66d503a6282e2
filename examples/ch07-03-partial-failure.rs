use std::collections::HashMap;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

async fn resize(image: u32) -> Result<String, String> {
    match image {
        4 => Err("corrupt header".into()),
        7 => {
            sleep(Duration::from_secs(60)).await; // a hung request
            Ok("late".into())
        }
        9 => panic!("decoder bug"),
        _ => Ok(format!("img{image}.webp")),
    }
}

// ANCHOR: report
/// Resizes every image, never stopping at a failure: each one gets an
/// outcome, and the caller gets the whole report.
async fn resize_all(images: u32) -> Vec<(u32, Result<String, String>)> {
    let (mut set, mut image_of) = (JoinSet::new(), HashMap::new());
    for image in 1..=images {
        let task = set.spawn(async move {
            let outcome = match timeout(Duration::from_secs(1), resize(image)).await {
                Ok(result) => result,
                Err(_) => Err("timed out".into()),
            };
            (image, outcome)
        });
        image_of.insert(task.id(), image);
    }
    let mut report = Vec::new();
    while let Some(joined) = set.join_next_with_id().await {
        match joined {
            Ok((_, entry)) => report.push(entry),
            // A panic is a failure of one item too, not of the batch.
            Err(e) => report.push((image_of[&e.id()], Err("panicked".into()))),
        }
    }
    report.sort_by_key(|entry| entry.0);
    report
}
// ANCHOR_END: report

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    std::panic::set_hook(Box::new(|_| {})); // image 9's panic is expected: keep stderr quiet
    let report = resize_all(10).await;
    let failed: Vec<_> = report.iter().filter(|(_, r)| r.is_err()).collect();
    println!(
        "{} of {} resized; failures:",
        report.len() - failed.len(),
        report.len()
    );
    for (image, error) in failed {
        println!("  image {image}: {}", error.as_ref().unwrap_err());
    }
}
