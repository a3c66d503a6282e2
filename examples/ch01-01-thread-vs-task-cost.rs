// output: varies \d+\.\d (µs|KiB)
// output: varies \d+x
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Barrier};
use std::time::Instant;

const N: usize = 1_000;

// ANCHOR: threads
fn spawn_threads() -> (f64, Memory, Memory) {
    let barrier = Arc::new(Barrier::new(N + 1));
    let before = Memory::now();
    let start = Instant::now();
    let handles: Vec<_> = (0..N)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || barrier.wait())
        })
        .collect();
    let spawn_us = start.elapsed().as_secs_f64() * 1e6 / N as f64;
    let after = Memory::now(); // all N threads are alive, parked on the barrier
    barrier.wait();
    for handle in handles {
        handle.join().unwrap();
    }
    (spawn_us, before, after)
}
// ANCHOR_END: threads

// ANCHOR: tasks
async fn spawn_tasks() -> (f64, Memory, Memory) {
    let barrier = Arc::new(tokio::sync::Barrier::new(N + 1));
    let before = Memory::now();
    let start = Instant::now();
    let handles: Vec<_> = (0..N)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            tokio::spawn(async move { barrier.wait().await })
        })
        .collect();
    let spawn_us = start.elapsed().as_secs_f64() * 1e6 / N as f64;
    let after = Memory::now(); // all N tasks exist; none has run yet
    barrier.wait().await;
    for h in handles {
        h.await.unwrap();
    }
    (spawn_us, before, after)
}
// ANCHOR_END: tasks

fn main() {
    let (thread_us, t0, t1) = spawn_threads();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (task_us, k0, k1) = runtime.block_on(spawn_tasks());

    let per = |after: u64, before: u64| (after - before) as f64 / N as f64;
    let thread_kib = per(t1.resident_kib, t0.resident_kib);
    let task_kib = per(k1.heap_bytes as u64, k0.heap_bytes as u64) / 1024.0;
    println!(
        "{N} OS threads : {thread_us:.1} µs to spawn; each keeps {thread_kib:.1} KiB resident \
         and reserves {:.1} KiB of address space",
        per(t1.address_kib, t0.address_kib)
    );
    println!(
        "{N} tokio tasks: {task_us:.1} µs to spawn; each takes {:.0} bytes of heap, \
         its task plus its share of the run queue",
        task_kib * 1024.0
    );
    println!(
        "a task is {:.0}x quicker to spawn and {:.0}x smaller than a thread",
        thread_us / task_us,
        thread_kib / task_kib
    );
}

/// Counts every byte allocated on the heap (never subtracting frees), to weigh
/// what spawning adds.
struct Counting;
static HEAP_BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HEAP_BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

struct Memory {
    heap_bytes: usize,
    address_kib: u64,
    resident_kib: u64,
}

impl Memory {
    /// The heap counters, and the process's memory as Linux reports it.
    fn now() -> Memory {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let kib = |name: &str| -> u64 {
            let line = status.lines().find(|l| l.starts_with(name)).unwrap();
            line.split_whitespace().nth(1).unwrap().parse().unwrap()
        };
        Memory {
            heap_bytes: HEAP_BYTES.load(Relaxed),
            address_kib: kib("VmSize:"),
            resident_kib: kib("VmRSS:"),
        }
    }
}
