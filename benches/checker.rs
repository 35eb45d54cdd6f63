//! Checker benchmark (`make bench`): how long the qualifier checker takes on a
//! 400-word letter, the size the owner types into the apology editor, where it
//! runs on every keystroke. One core, median of many runs.
use std::time::Instant;

fn letter() -> String {
    let para = "Dear Zoë, I am writing about the tiles that arrived cracked on Tuesday. You told us that half the \
        boxes were broken and your fitter had to go home, and that you had taken the day off work for nothing. \
        That was my mistake: we packed the boxes on their edge with nothing between them. I am sorry, but the \
        courier was also late that week. We will deliver new tiles on Friday 14 March and I will call you on \
        Thursday to confirm the time. To make up for it, we will pay for the fitter's lost day and take the \
        full cost of the tiles off your bill. ";
    let mut s = String::new();
    while s.split_whitespace().count() < 400 {
        s.push_str(para);
    }
    s
}

fn main() {
    let text = letter();
    let words = text.split_whitespace().count();
    // Warm up (rules are compiled on first use).
    let findings = amends::checker::check_letter(&text, true).len();
    let mut times = Vec::with_capacity(20_000);
    let all = Instant::now();
    for _ in 0..20_000 {
        let t = Instant::now();
        std::hint::black_box(amends::checker::check_letter(std::hint::black_box(&text), true));
        times.push(t.elapsed());
    }
    let total = all.elapsed();
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!("\nAmends checker benchmark: one {words}-word letter ({findings} findings), 20,000 runs, one core\n");
    println!("| what | median | p95 | letters/s | target |");
    println!("|---|---|---|---|---|");
    println!(
        "| check_letter, {words} words | {:.1} µs | {:.1} µs | {:.0} | well under 1 ms |",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6,
        20_000.0 / total.as_secs_f64()
    );
}
