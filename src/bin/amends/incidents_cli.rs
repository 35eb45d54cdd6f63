//! CLI for incidents: log, list, show, edit, delete, steps, changes, timeline, call-backs.
use super::*;

#[derive(Subcommand)]
pub enum IncidentsCmd {
    /// Log an incident; prints the new id.
    Add {
        #[arg(long)]
        customer: i64,
        #[arg(long)]
        title: String,
        /// What happened, in the customer's words.
        #[arg(long)]
        what_happened: Option<String>,
        /// Our repeat-back: what we understood.
        #[arg(long)]
        our_understanding: Option<String>,
        /// Who found the problem first.
        #[arg(long, value_name = "us|customer")]
        discovered_by: Option<String>,
        // Hyphen values allowed so "-5" reaches validation and gets its clear message.
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        order_value: Option<String>,
        #[arg(long)]
        category: Option<String>,
        /// 1 (minor) to 5 (severe).
        #[arg(long)]
        severity: Option<u8>,
        #[arg(long, value_name = "DATETIME")]
        occurred: Option<String>,
        #[arg(long, value_name = "DATETIME")]
        discovered: Option<String>,
        /// The remedy the customer asked for.
        #[arg(long)]
        remedy: Option<String>,
    },
    /// List incidents (status: new, in_recovery, follow_up_due, closed, or open).
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        customer: Option<i64>,
        #[arg(long)]
        category: Option<String>,
        /// Found on or after this day.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Found on or before this day.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only second failures.
        #[arg(long)]
        second_failure: bool,
        /// Words in the title or the customer's name.
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one incident with its steps, changes and timeline.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Record a recovery step (fix-promised takes --date).
    Step {
        id: i64,
        /// contacted|listened|repeated-back|apologised|fixed|fix-promised|made-up|evaluated|evidence-sent
        step: String,
        #[arg(long, value_name = "DATETIME")]
        at: Option<String>,
        /// The promised date, for fix-promised.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Skip the step, saying why.
        #[arg(long, value_name = "REASON", conflicts_with_all = ["at", "undo"])]
        skip: Option<String>,
        /// Put the step back to "to do".
        #[arg(long)]
        undo: bool,
    },
    /// Edit an incident: only the fields given change. The second-failure flags
    /// of the customer's incidents and the status are worked out again.
    Update {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        severity: Option<u8>,
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        order_value: Option<String>,
        #[arg(long, value_name = "DATETIME")]
        occurred: Option<String>,
        #[arg(long, value_name = "DATETIME")]
        discovered: Option<String>,
        #[arg(long, value_name = "us|customer")]
        discovered_by: Option<String>,
        #[arg(long)]
        what_happened: Option<String>,
        #[arg(long)]
        our_understanding: Option<String>,
        #[arg(long)]
        remedy: Option<String>,
        #[arg(long)]
        root_cause: Option<String>,
    },
    /// Delete an incident and everything on it (a backup is taken first).
    Delete {
        id: i64,
        /// Confirm: the incident, its letters and timeline go.
        #[arg(long)]
        yes: bool,
    },
    /// Promise a call-back by a date and time (or take the promise back with --clear).
    Callback {
        id: i64,
        #[arg(long, value_name = "DATETIME", required_unless_present = "clear")]
        by: Option<String>,
        #[arg(long, conflicts_with = "by")]
        clear: bool,
    },
    /// Add one "what we changed" entry.
    Change {
        id: i64,
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A photo of the change (JPEG or PNG; at most two print under it).
        #[arg(long, value_name = "FILE")]
        photo: Vec<std::path::PathBuf>,
    },
    /// Add a timeline entry (call, email, letter, visit, note).
    Log {
        id: i64,
        #[arg(long, default_value = "note")]
        kind: String,
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "DATETIME")]
        at: Option<String>,
    },
}

pub fn incidents(db: &mut Db, cmd: IncidentsCmd, cur: amends::money::Currency) -> Result<ExitCode> {
    match cmd {
        IncidentsCmd::Update {
            id,
            title,
            category,
            severity,
            order_value,
            occurred,
            discovered,
            discovered_by,
            what_happened,
            our_understanding,
            remedy,
            root_cause,
        } => {
            let mut input = db.incident(id)?.as_input();
            let set = |v: Option<String>, to: &mut Option<String>| {
                if let Some(v) = v {
                    *to = (!v.trim().is_empty()).then_some(v);
                }
            };
            if let Some(t) = title {
                input.title = t;
            }
            set(category, &mut input.category);
            if severity.is_some() {
                input.severity = severity;
            }
            set(order_value, &mut input.order_value);
            set(occurred, &mut input.occurred_at);
            set(discovered, &mut input.discovered_at);
            if let Some(b) = discovered_by {
                input.discovered_by = Some(b.parse()?);
            }
            set(what_happened, &mut input.what_happened);
            set(our_understanding, &mut input.our_understanding);
            set(remedy, &mut input.remedy_requested);
            set(root_cause, &mut input.root_cause);
            let i = db.update_incident(id, &input)?;
            println!(
                "Updated incident #{id}: {} ({}{}).",
                i.title,
                i.status.key(),
                if i.second_failure { ", second failure" } else { "" }
            );
        }
        IncidentsCmd::Delete { id, yes } => {
            let i = db.incident(id)?;
            if !yes {
                return Err(Error::invalid(
                    "yes",
                    format!(
                        "This deletes incident #{id} \"{}\" with its letters and timeline. Add --yes to confirm.",
                        i.title
                    ),
                ));
            }
            db.delete_incident_backed_up(id)?;
            println!("Deleted incident #{id} \"{}\".{}", i.title, crate::backup_said(db));
        }
        IncidentsCmd::Callback { id, by, clear } => {
            let by = if clear { None } else { by.as_deref().map(|b| dates::parse_datetime("by", b)).transpose()? };
            let i = db.set_callback(id, by)?;
            match i.callback_by {
                Some(t) => {
                    println!("Call-back promised by {}.", t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M"))
                }
                None => println!("No call-back promised now."),
            }
        }
        IncidentsCmd::Add {
            customer,
            title,
            what_happened,
            our_understanding,
            discovered_by,
            order_value,
            category,
            severity,
            occurred,
            discovered,
            remedy,
        } => {
            let discovered_by = discovered_by.map(|d| d.parse::<DiscoveredBy>()).transpose()?;
            let i = db.add_incident(&IncidentInput {
                customer_id: customer,
                title,
                what_happened,
                our_understanding,
                category,
                severity,
                occurred_at: occurred,
                discovered_at: discovered,
                discovered_by,
                remedy_requested: remedy,
                order_value,
                ..Default::default()
            })?;
            println!("{}", i.id);
            if i.second_failure {
                eprintln!("Note: this customer already had an incident within the second-failure window. A second failure calls for a bigger response.");
            }
        }
        IncidentsCmd::List { status, customer, category, from, to, second_failure, search, json } => {
            let statuses = match status.as_deref() {
                None => None,
                Some("open") => Some(vec![Status::New, Status::InRecovery, Status::FollowUpDue]),
                Some(s) => Some(vec![s.parse::<Status>()?]),
            };
            let list = db.list_incidents(&IncidentFilter {
                statuses,
                customer_id: customer,
                category,
                from: from.map(|d| dates::parse_date("from", &d)).transpose()?,
                to: to.map(|d| dates::parse_date("to", &d)).transpose()?,
                second_failure: second_failure.then_some(true),
                search,
                ..Default::default()
            })?;
            if json {
                print_json(&list.iter().map(|s| json::summary(s, cur)).collect::<Vec<_>>());
            } else {
                for s in &list {
                    println!(
                        "{:>7}  {:<14} {:<28}  {}{}",
                        s.id,
                        s.status.key(),
                        shown(&s.customer_name),
                        shown(&s.title),
                        if s.second_failure { "  [second failure]" } else { "" }
                    );
                }
                eprintln!("{} incident(s)", list.len());
            }
        }
        IncidentsCmd::Show { id, json } => {
            let i = db.incident(id)?;
            let c = db.customer(i.customer_id)?;
            if json {
                print_json(&json::incident(&i, &c.name, cur));
            } else {
                println!("#{} {} — {} ({})", i.id, shown(&i.title), shown(&c.name), i.status.key());
                if i.second_failure {
                    println!("Second failure for this customer within a year.");
                }
                for s in &i.steps {
                    let state = match (&s.done_at, &s.skipped_reason) {
                        (Some(at), _) => format!("done {}", dates::to_text(*at)),
                        (None, Some(r)) => format!("skipped: {r}"),
                        _ => "to do".to_string(),
                    };
                    println!("  [{}] {:<40} {state}", if s.is_resolved() { "x" } else { " " }, s.step.label());
                }
                if let Some(d) = i.fix_promised_by {
                    println!("Fix promised by {d}");
                }
                for ch in &i.changes {
                    println!("  changed {}: {}", ch.date, ch.text);
                }
            }
        }
        IncidentsCmd::Step { id, step, at, date, skip, undo } => {
            let i = if step.trim() == "fix-promised" {
                let d = date.ok_or_else(|| {
                    Error::invalid("date", "fix-promised needs the promised date: --date 2026-03-20.")
                })?;
                db.promise_fix(id, dates::parse_date("date", &d)?)?
            } else {
                let step: RecoveryStep = step.parse()?;
                // --date is accepted for --at (a day, at noon).
                let action = StepAction::from_parts(at.or(date).as_deref(), skip.as_deref(), undo)?;
                db.record_step(id, step, action)?
            };
            println!("Incident #{} is now {}.", i.id, i.status.key());
        }
        IncidentsCmd::Change { id, text, date, photo } => {
            let on = match date {
                Some(d) => dates::parse_date("date", &d)?,
                None => dates::today(),
            };
            let photos = photo.iter().map(|p| amends::photos::prepare_file(p)).collect::<Result<Vec<_>>>()?;
            let c = db.add_change_with_photos(id, on, &text, &photos)?;
            println!("{}", c.id);
        }
        IncidentsCmd::Log { id, kind, text, at } => {
            let at = dates::parse_datetime_or_now("at", at.as_deref())?;
            let e = db.add_timeline(id, at, kind.parse()?, &text)?;
            println!("{}", e.id);
        }
    }
    Ok(ExitCode::SUCCESS)
}
