//! Go's `sync.Pool` has no std counterpart: Rust reuses buffers by keeping
//! them (a `clear()` keeps the capacity) or through a small pool of its own,
//! here a `Mutex<Vec<Vec<u8>>>`. A counting allocator shows what each costs.
//!
//! Run it with `cargo run --example ch04-20-an-object-pool`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// ANCHOR: pool
/// Buffers kept for reuse; a buffer is taken out, and put back when done.
struct Pool(Mutex<Vec<Vec<u8>>>);

impl Pool {
    fn get(&self) -> Vec<u8> {
        let reused = self.0.lock().unwrap().pop();
        reused.unwrap_or_else(|| Vec::with_capacity(1024))
    }
    fn put(&self, mut buffer: Vec<u8>) {
        buffer.clear(); // keeps the capacity
        self.0.lock().unwrap().push(buffer);
    }
}

fn render(out: &mut Vec<u8>, name: &str) -> usize {
    out.extend_from_slice(b"hello, ");
    out.extend_from_slice(name.as_bytes());
    out.len()
}
// ANCHOR_END: pool

fn main() {
    // ANCHOR: measure
    let per_render = |f: &dyn Fn()| {
        let before = ALLOCATIONS.load(Relaxed);
        (0..1000).for_each(|_| f());
        (ALLOCATIONS.load(Relaxed) - before) as f64 / 1000.0
    };
    let pool = Pool(Mutex::new(Vec::new()));
    let fresh = per_render(&|| {
        let mut buffer = Vec::with_capacity(1024);
        std::hint::black_box(render(&mut buffer, "ada"));
    });
    let pooled = per_render(&|| {
        let mut buffer = pool.get();
        std::hint::black_box(render(&mut buffer, "ada"));
        pool.put(buffer);
    });
    println!("allocations per render: fresh buffer {fresh:.0}, from the pool {pooled:.0}");
    // ANCHOR_END: measure
}

/// Counts heap allocations.
struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;
