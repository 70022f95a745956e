//! The module's allocator: blocks of power-of-two sizes, one free list per size, new memory
//! from `memory.grow`. A page lives for minutes and holds little, so a freed block simply
//! waits for the next request of its size. It replaces the standard dlmalloc, which costs
//! about 7 KB of the download; the page is single-threaded, so there is no locking.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::{self, null_mut};

/// A WebAssembly memory page.
const PAGE: usize = 65_536;
/// The smallest block is 2^4 = 16 bytes, enough for a free-list link and most strings.
const SMALLEST_CLASS: u32 = 4;
/// Blocks up to 2^30 bytes; larger requests fail like an out-of-memory.
const CLASSES: usize = 31;

extern "C" {
    /// First free byte after the data and the stack, set by the linker.
    static __heap_base: u8;
}

/// Free lists and the unused tail of memory.
struct Heap {
    /// Address of the first free block of each class (0 when none); a free block's first
    /// word holds the next one.
    free: [usize; CLASSES],
    /// Start of the never-used tail.
    next: usize,
    /// End of memory as far as this allocator knows.
    end: usize,
}

/// The global allocator of the browser module.
pub struct Blocks(UnsafeCell<Heap>);

// SAFETY: wasm32-unknown-unknown without threads: one caller at a time.
unsafe impl Sync for Blocks {}

impl Blocks {
    /// An allocator that starts at the linker's heap base on first use.
    pub const fn new() -> Self {
        Blocks(UnsafeCell::new(Heap { free: [0; CLASSES], next: 0, end: 0 }))
    }
}

/// The size class of `layout`: log2 of the block size.
fn class_of(layout: &Layout) -> usize {
    let size = layout.size().max(layout.align()).max(1 << SMALLEST_CLASS);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

impl Heap {
    /// A block of `1 << class` bytes from the tail, growing memory when needed.
    unsafe fn carve(&mut self, class: usize) -> *mut u8 {
        if self.end == 0 {
            self.next = ptr::addr_of!(__heap_base) as usize;
            self.end = wasm32::memory_size(0) * PAGE;
        }
        let size = 1usize << class;
        let align = size.min(PAGE);
        loop {
            let start = (self.next + align - 1) & !(align - 1);
            if start + size <= self.end {
                self.next = start + size;
                return start as *mut u8;
            }
            let previous = wasm32::memory_grow(0, size.div_ceil(PAGE));
            if previous == usize::MAX {
                return null_mut();
            }
            if previous * PAGE != self.end {
                self.next = previous * PAGE;
            }
            self.end = wasm32::memory_size(0) * PAGE;
        }
    }
}

unsafe impl GlobalAlloc for Blocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        let class = class_of(&layout);
        if class >= CLASSES {
            return null_mut();
        }
        let head = heap.free[class];
        if head == 0 {
            return heap.carve(class);
        }
        heap.free[class] = *(head as *const usize);
        head as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let heap = &mut *self.0.get();
        let class = class_of(&layout);
        *(block as *mut usize) = heap.free[class];
        heap.free[class] = block as usize;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if class_of(&new_layout) == class_of(&layout) {
            return block;
        }
        let moved = self.alloc(new_layout);
        if !moved.is_null() {
            ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            self.dealloc(block, layout);
        }
        moved
    }
}
