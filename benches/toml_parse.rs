//! The cost floor of `goals check`: reading a goal file and parsing it with the `toml` crate
//! alone, nothing else. `cargo bench --bench toml_parse -- FILE` prints the time it takes.

// Printing the measurement is this benchmark's whole job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench toml_parse -- FILE");
        std::process::exit(2);
    };
    let started = Instant::now();
    let text = std::fs::read_to_string(&path).expect("the goal file is readable UTF-8");
    let (table, errors) = toml::de::DeTable::parse_recoverable(&text);
    let elapsed = started.elapsed();
    println!(
        "{path}: {} bytes, {} top-level keys, {} syntax errors, read and parsed in {:.3} s",
        text.len(),
        table.get_ref().len(),
        errors.len(),
        elapsed.as_secs_f64()
    );
}
