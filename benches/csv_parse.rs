//! The cost floor of `goals track`: reading an actuals CSV and splitting it into records with
//! the `csv` crate alone, nothing else. `cargo bench --bench csv_parse -- FILE` prints the time.

// Printing the measurement is this benchmark's whole job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench csv_parse -- FILE");
        std::process::exit(2);
    };
    let started = Instant::now();
    let mut reader = csv::Reader::from_path(&path).expect("the CSV is readable");
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut bytes) = (0u64, 0usize);
    while reader
        .read_byte_record(&mut record)
        .expect("the CSV parses")
    {
        rows += 1;
        bytes += record.as_slice().len();
    }
    println!(
        "{path}: {rows} records, {bytes} field bytes, parsed in {:.3} s",
        started.elapsed().as_secs_f64()
    );
}
