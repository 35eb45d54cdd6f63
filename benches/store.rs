//! Store benchmark (`make bench`): builds the 100,000-customer / 300,000-incident
//! sample database, then times customer search (1,000 varied queries) and the
//! Today "open incidents by urgency" query. Prints a table with medians and p95.
//! Set AMENDS_BENCH_CUSTOMERS / AMENDS_BENCH_INCIDENTS for a smaller run.
//!
//! With a PostgreSQL server (`AMENDS_TEST_PG`, as `tests/pg/with-postgres.sh`
//! starts one), the same file is then moved into a new shared database
//! (`move_to_shared`, timed) and the same measurements run there, side by side.
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
    let mut db = Db::open(&path).expect("reopen");

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
    let lite = measure(&db, &queries);
    let shared = std::env::var("AMENDS_TEST_PG").ok().filter(|u| !u.is_empty()).map(|server| {
        let url = fresh_database(&server);
        let loc = amends::store::shared::SharedLocation::parse(&url).expect("server URL");
        let t = Instant::now();
        let report = db.move_to_shared(&loc, false, amends::progress::ignore).expect("move to the shared database");
        let moved = t.elapsed();
        assert_eq!(report.rows("customers") as usize, customers);
        let pg = Db::open_shared(&loc).expect("open shared");
        (moved, measure(&pg, &queries))
    });

    println!("\nAmends store benchmark: {customers} customers, {incidents} incidents (SQLite file, WAL)\n");
    println!("| what | median | p95 | target |");
    println!("|---|---|---|---|");
    println!("| demo (build the dataset) | {:.2} s (one run) | | |", demo_time.as_secs_f64());
    println!(
        "| customer search, 1,000 queries, limit 50 ({} rows) | {} | {} | p95 < 5 ms |",
        lite.hits,
        ms(pct(&lite.search, 0.5)),
        ms(pct(&lite.search, 0.95))
    );
    println!(
        "| open incidents by urgency, top 100 (200 runs) | {} | {} | < 20 ms |",
        ms(pct(&lite.urgency, 0.5)),
        ms(pct(&lite.urgency, 0.95))
    );
    println!(
        "| Today charts (dashboard_stats), 20 runs | {} | {} | |",
        ms(pct(&lite.stats, 0.5)),
        ms(pct(&lite.stats, 0.95))
    );
    let Some((moved, pg)) = shared else {
        println!("\n(No AMENDS_TEST_PG: the shared-database columns were not measured.)");
        return;
    };
    assert_eq!(pg.hits, lite.hits, "both engines find the same customers");
    println!("\nThe same on PostgreSQL (local server, Unix socket), beside SQLite; ratio = PostgreSQL / SQLite\n");
    println!("| what | SQLite median | PostgreSQL median | ratio | SQLite p95 | PostgreSQL p95 | ratio |");
    println!("|---|---|---|---|---|---|---|");
    for (what, a, b) in [
        ("customer search (1,000 queries)", &lite.search, &pg.search),
        ("open incidents by urgency (Today)", &lite.urgency, &pg.urgency),
        ("Today charts", &lite.stats, &pg.stats),
    ] {
        let (am, bm, a95, b95) = (pct(a, 0.5), pct(b, 0.5), pct(a, 0.95), pct(b, 0.95));
        println!(
            "| {what} | {} | {} | {:.1}× | {} | {} | {:.1}× |",
            ms(am),
            ms(bm),
            bm.as_secs_f64() / am.as_secs_f64(),
            ms(a95),
            ms(b95),
            b95.as_secs_f64() / a95.as_secs_f64()
        );
    }
    println!("| move the file to PostgreSQL (migrate-to) | {:.2} s (one run) | | | | | |", moved.as_secs_f64());
}

struct Figures {
    search: Vec<Duration>,
    urgency: Vec<Duration>,
    stats: Vec<Duration>,
    hits: usize,
}

fn measure(db: &Db, queries: &[String]) -> Figures {
    let mut search = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    for q in queries {
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

    Figures { search, urgency, stats, hits }
}

/// A new empty database on the server `AMENDS_TEST_PG` names; its URL.
fn fresh_database(server: &str) -> String {
    let name = format!("bench_{}", std::process::id());
    let mut admin = postgres::Client::connect(server, postgres::NoTls).expect("the server answers");
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).expect("drop an old one");
    admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create database");
    server.replacen("/postgres?", &format!("/{name}?"), 1)
}
