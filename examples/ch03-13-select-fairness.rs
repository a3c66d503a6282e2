// output: varies \d+\.\d%
use crossbeam::channel::{self, Receiver, select};

const ROUNDS: u32 = 10_000;

/// Two channels that are always ready; returns how often the first one won.
fn crossbeam_first_wins() -> u32 {
    let (a, b) = (always_ready(), always_ready());
    (0..ROUNDS)
        .map(|_| {
            select! {
                recv(a) -> _ => 1,
                recv(b) -> _ => 0,
            }
        })
        .sum()
}

fn always_ready() -> Receiver<()> {
    let (tx, rx) = channel::unbounded();
    (0..ROUNDS).for_each(|_| tx.send(()).unwrap());
    rx
}

// ANCHOR: tokio
async fn tokio_first_wins(biased: bool) -> u32 {
    let mut first = 0;
    for _ in 0..ROUNDS {
        let (a, b) = (std::future::ready(1), std::future::ready(0));
        first += if biased {
            tokio::select! { biased; v = a => v, v = b => v }
        } else {
            tokio::select! { v = a => v, v = b => v }
        };
    }
    first
}
// ANCHOR_END: tokio

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let share = |n: u32| 100.0 * f64::from(n) / f64::from(ROUNDS);
    println!("{ROUNDS} rounds, both branches always ready; first branch won:");
    println!(
        "  crossbeam select!:        {:.1}%",
        share(crossbeam_first_wins())
    );
    println!(
        "  tokio::select!:           {:.1}%",
        share(runtime.block_on(tokio_first_wins(false)))
    );
    let biased = runtime.block_on(tokio_first_wins(true));
    println!("  tokio::select! {{ biased; }}: {}%", 100 * biased / ROUNDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With p = 1/2 and 10,000 rounds the standard deviation is 50 wins, so a
    /// fair selection lands in 4,500..=5,500 except with odds below 1e-20.
    fn assert_fair(first_wins: u32) {
        assert!(
            (4_500..=5_500).contains(&first_wins),
            "first won {first_wins}/{ROUNDS}"
        );
    }

    #[test]
    fn crossbeam_select_is_uniform() {
        assert_fair(crossbeam_first_wins());
    }

    #[tokio::test]
    async fn tokio_select_is_uniform_unless_biased() {
        assert_fair(tokio_first_wins(false).await);
        assert_eq!(tokio_first_wins(true).await, ROUNDS);
    }
}
