//! How many threads the machine runs at once: the one question behind every choice of
//! whether work is split between threads (`track`'s planning, an export's halves, a large
//! document's parts).

/// The threads the machine runs at once (1 when the system does not say).
pub fn available() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}
