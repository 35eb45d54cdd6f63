//! Store benchmark (`make bench`): builds the 100,000-customer / 300,000-incident
//! sample database, then times customer search (1,000 varied queries) and the
//! Today "open incidents by urgency" query. Prints a table with medians and p95.
//! Set AMENDS_BENCH_CUSTOMERS / AMENDS_BENCH_INCIDENTS for a smaller run.
use amends::demo::{fill, DemoOptions};
use amends::Db;
use std::time::{Duration, Instant};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let customers = env_or("AMENDS_BENCH_CUSTOMERS", 100_000);
    let incidents = env_or("AMENDS_BENCH_INCIDENTS", 300_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite3");
    let mut db = Db::open(&path).expect("open");
    let opts = DemoOptions {
        customers,
        incidents,
        seed: 42,
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()),
        business_type: None,
    };
    let t = Instant::now();
    fill(&mut db, &opts, amends::progress::ignore).expect("demo");
    let demo_time = t.elapsed();
    drop(db);
    let db = Db::open(&path).expect("reopen");

    // Varied queries: name fragments, accented and folded, emails, phone digits, short prefixes, misses.
    let seeds = [
        "nunez",
        "Núñez",
        "ørsted",
        "wojcik",
        "Łukasz",
        "lef",
        "muller",
        "sánchez",
        "astrom",
        "dvorak",
        "zo",
        "ma",
        "o'connor",
        "patel",
        "kaur",
        "example.com",
        "555-1",
        "5550",
        "@example",
        "jensen",
        "riverside",
        "café",
        "kowal",
        "tho",
        "zzqx",
        "siobhan",
        "ines",
        "chloe",
        "b",
        "renee",
    ];
    let queries: Vec<String> = (0..1000)
        .map(|i| {
            let s = seeds[i % seeds.len()];
            // Vary by also taking prefixes, so the planner sees different lengths.
            let cut = s.chars().count().saturating_sub(i / seeds.len() % 3).max(1);
            s.chars().take(cut).collect()
        })
        .collect();
    let mut search = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    for q in &queries {
        let t = Instant::now();
        hits += db.search_customers(q, Some(50)).expect("search").len();
        search.push(t.elapsed());
    }
    search.sort();
    let mut urgency = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let q = db.open_by_urgency(100, 2).expect("queue");
        assert!(!q.is_empty());
        urgency.push(t.elapsed());
    }
    urgency.sort();
    let mut stats = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let s = db.dashboard_stats(12).expect("stats");
        assert!(!s.by_category.is_empty());
        stats.push(t.elapsed());
    }
    stats.sort();

    println!("\nAmends store benchmark: {customers} customers, {incidents} incidents (SQLite file, WAL)\n");
    println!("| what | median | p95 | target |");
    println!("|---|---|---|---|");
    println!("| demo (build the dataset) | {:.2} s (one run) | | |", demo_time.as_secs_f64());
    println!(
        "| customer search, 1,000 queries, limit 50 ({hits} rows) | {} | {} | p95 < 5 ms |",
        ms(pct(&search, 0.5)),
        ms(pct(&search, 0.95))
    );
    println!(
        "| open incidents by urgency, top 100 (200 runs) | {} | {} | < 20 ms |",
        ms(pct(&urgency, 0.5)),
        ms(pct(&urgency, 0.95))
    );
    println!("| Today charts (dashboard_stats), 20 runs | {} | {} | |", ms(pct(&stats, 0.5)), ms(pct(&stats, 0.95)));
}
