//! Score the qualifier checker on a labelled file (`label<TAB>kind<TAB>passage`,
//! label 1 = contains a qualifier): precision, recall and F1 on "does this
//! passage contain a qualifier", as the acceptance check counts it.
//!   cargo run --release --example checker_score -- FILE.tsv [--misses]
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: checker_score FILE.tsv [--misses]");
    let flag = args.next();
    let show = flag.as_deref() == Some("--misses");
    if flag.as_deref() == Some("--fix") {
        return fix_report(&path);
    }
    let data = std::fs::read_to_string(&path).expect("readable file");
    let (mut tp, mut fp, mut fnn, mut tn) = (0u32, 0u32, 0u32, 0u32);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let mut it = line.splitn(3, '\t');
        let (label, kind, text) = (it.next().unwrap_or(""), it.next().unwrap_or(""), it.next().unwrap_or(""));
        let found = amends::checker::check(text);
        match (label == "1", !found.is_empty()) {
            (true, true) => tp += 1,
            (false, false) => tn += 1,
            (false, true) => {
                fp += 1;
                if show {
                    let hits: Vec<_> = found.iter().map(|f| format!("{:?}:{}", f.kind, f.text)).collect();
                    println!("FP\t{kind}\t{text}\t{hits:?}");
                    if std::env::var_os("CHECKER_WHY").is_some() {
                        for (span, rule) in amends::checker::debug_rules(text) {
                            println!("   {span:?} <- {rule}");
                        }
                    }
                }
            }
            (true, false) => {
                fnn += 1;
                if show {
                    println!("FN\t{kind}\t{text}");
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!("{path}: n={} tp={tp} fp={fp} fn={fnn} tn={tn} P={p:.3} R={r:.3} F1={f1:.3}", tp + fp + fnn + tn);
}

/// `--fix`: rewrite every qualified passage and list those whose rewrite
/// still has findings or no longer apologises.
fn fix_report(path: &str) {
    let data = std::fs::read_to_string(path).expect("readable file");
    let (mut n, mut bad) = (0, 0);
    for line in data.lines().filter(|l| l.starts_with("1\t")) {
        let text = line.splitn(3, '\t').nth(2).unwrap_or("");
        let fixed = amends::checker::fix(text);
        let left = amends::checker::check(&fixed);
        let apologises = |s: &str| {
            let lower = s.to_lowercase();
            ["sorry", "apolog", "regret"].iter().any(|w| lower.contains(w))
        };
        n += 1;
        if !left.is_empty() || apologises(text) && !apologises(&fixed) {
            bad += 1;
            let hits: Vec<_> = left.iter().map(|f| format!("{:?}:{}", f.kind, f.text)).collect();
            println!("BAD\t{text}\n   => {fixed}\t{hits:?}");
        } else if std::env::var_os("CHECKER_SHOW_FIX").is_some() {
            println!("OK\t{text}\n   => {fixed}");
        }
    }
    println!("{path}: {n} rewritten, {bad} still qualified or without an apology");
}
