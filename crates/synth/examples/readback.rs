//! Prints a generated question and what Vigie's reader understood of it, passage by passage.
//! `cargo run -p vigie-synth --example readback -- <index> [seed]`

fn main() {
    let mut args = std::env::args().skip(1);
    let i: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let q = vigie_synth::question(seed, i);
    println!("{}\n=================", q.text);
    match vigie_core::read_document(&vigie_synth::question_file_name(i), q.text.as_bytes()) {
        Ok(vigie_core::Document::Question(d)) => {
            for p in &d.passages {
                println!(
                    "--- {:?} #{} heading={:?}\n{}",
                    p.kind, p.position, p.heading, p.text
                );
            }
        }
        Ok(other) => println!("{other:?}"),
        Err(e) => println!("refused: {e}"),
    }
}
