//! Realistic sample data for a first run, demos and benchmarks.
//!
//! Deterministic: the same seed and the same `as_of` day give the same
//! records, byte for byte. Incidents are spread over the 18 months before
//! `as_of` and sit in every state of recovery; the newest are still waiting
//! for a first contact, some of them found by us before the customer knew.
//! Writes everything, the sample profile included, in one transaction, so a
//! failed or cancelled run leaves nothing.
use crate::dates;
use crate::dates::DateFormat;
use crate::domain::customer::ValidCustomer;
use crate::domain::incident::ValidIncident;
use crate::domain::{Address, BusinessType, DiscoveredBy, Outcome, Profile, RecoveryStep, Status, StepRecord};
use crate::domain::{EnvelopePreset, Paper};
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::progress::{self, Job, Progress};
use crate::store::Db;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::ops::ControlFlow;

mod stories;
pub use stories::{SampleBusiness, Story, BUSINESSES};

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub customers: usize,
    pub incidents: usize,
    pub seed: u64,
    /// The day the data is built around, at noon UTC, for output that is the
    /// same on every run; `None` builds it around the current time.
    pub as_of: Option<NaiveDate>,
    /// Which sample business to set up when there is no profile yet (the
    /// interiors firm by default). With a profile, its business type decides
    /// what the sample incidents are about.
    pub business_type: Option<BusinessType>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { customers: 60, incidents: 90, seed: 1, as_of: None, business_type: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub struct DemoSummary {
    pub customers: usize,
    pub incidents: usize,
    pub changes: usize,
    pub timeline_entries: usize,
}

/// Upper bounds so a typo (an extra zero or three) does not fill the disk.
pub const MAX_CUSTOMERS: usize = 1_000_000;
pub const MAX_INCIDENTS: usize = 3_000_000;

const FIRST: &[&str] = &[
    "Zoë",
    "Siobhán",
    "Łukasz",
    "François",
    "Jürgen",
    "Ana",
    "Björn",
    "Renée",
    "Ondřej",
    "Inês",
    "Margaret",
    "David",
    "Priya",
    "Tomás",
    "Sarah",
    "James",
    "Chloé",
    "Mei",
    "Olusegun",
    "Helen",
    "Kofi",
    "Anja",
    "Peter",
    "Laura",
    "Nikolaj",
    "Søren",
    "Grace",
    "Mohammed",
    "Eleanor",
    "Dylan",
    "José",
    "Aoife",
    "Hēmi",
    "Noor",
    "Marta",
    "Liam",
    "Yuki",
    "Fatima",
    "Ruth",
    "Emeka",
];
const LAST: &[&str] = &[
    "Ørsted-Núñez",
    "Ó Briain",
    "Wójcik",
    "Lefèvre",
    "Müller",
    "Sánchez",
    "Åström",
    "Dvořák",
    "Gonçalves",
    "Thompson",
    "Patel",
    "Okafor",
    "Williams",
    "Nguyen",
    "Kowalski",
    "O'Connor",
    "Brennan",
    "Fitzgerald",
    "Hughes",
    "Mensah",
    "Jensen",
    "Andersson",
    "Clarke",
    "Rossi",
    "Byrne",
    "Evans",
    "Kaur",
    "Novak",
    "Walsh",
    "Martínez",
    "Tanaka",
    "Ngata",
    "Haddad",
    "Schmidt",
    "MacLeod",
    "Papadopoulos",
];
const COMPANIES: &[&str] = &[
    "Riverside Dental",
    "Oakfield Primary School",
    "Blue Door Bakery",
    "Northgate Lettings",
    "Kite & Co Architects",
    "Saltmarsh Vets",
    "Copperleaf Café",
    "Hillview Care Home",
];
const STREETS: &[&str] = &[
    "Harbour Street",
    "Larkspur Lane",
    "Mill Road",
    "Church Walk",
    "Station Approach",
    "Victoria Terrace",
    "Orchard Close",
    "Kings Parade",
    "Maple Avenue",
    "Quayside",
    "Elm Grove",
    "Bridge Street",
    "Castle View",
    "Park Crescent",
    "Meadow Way",
    "Willow Drive",
];

struct Place {
    country: &'static str,
    cities: &'static [(&'static str, &'static str)],
}

const PLACES: &[Place] = &[
    Place {
        country: "United States",
        cities: &[("Portland", "OR"), ("Austin", "TX"), ("Burlington", "VT"), ("Madison", "WI"), ("Asheville", "NC")],
    },
    Place {
        country: "United Kingdom",
        cities: &[("Bristol", ""), ("York", ""), ("Norwich", ""), ("Cardiff", ""), ("Edinburgh", "")],
    },
    Place { country: "Canada", cities: &[("Halifax", "NS"), ("Victoria", "BC"), ("Guelph", "ON"), ("Québec", "QC")] },
    Place {
        country: "Australia",
        cities: &[("Fremantle", "WA"), ("Ballarat", "VIC"), ("Newcastle", "NSW"), ("Hobart", "TAS")],
    },
];

const SKIP_REASONS: &[&str] = &[
    "Customer asked us not to call again; letter only",
    "Refund was the whole remedy the customer wanted",
    "Customer moved away; nothing further to send",
];

/// Fill the database with sample customers and incidents (setting up a
/// sample business profile when none exists yet), reporting after every
/// customer and incident (`done` of customers plus incidents; `progress::ignore`
/// when nobody watches); a `Break` stops it with `Error::Cancelled` and rolls
/// everything back, the sample profile too.
pub fn fill(
    db: &mut Db,
    opts: &DemoOptions,
    mut progress: impl FnMut(Progress) -> ControlFlow<()>,
) -> Result<DemoSummary> {
    if opts.customers == 0 && opts.incidents > 0 {
        return Err(Error::invalid("customers", "Sample incidents need at least one sample customer."));
    }
    if opts.customers > MAX_CUSTOMERS || opts.incidents > MAX_INCIDENTS {
        return Err(Error::invalid(
            "customers",
            format!("Sample data is limited to {MAX_CUSTOMERS} customers and {MAX_INCIDENTS} incidents."),
        ));
    }
    let current = db.profile()?;
    let new_profile = (!current.is_set_up())
        .then(|| sample_profile_for(opts.business_type.unwrap_or(BusinessType::Trades)).validated())
        .transpose()?;
    let business = stories::for_type(new_profile.as_ref().unwrap_or(&current).business_type);
    let window = new_profile.as_ref().unwrap_or(&current).second_failure_days;
    let total = (opts.customers + opts.incidents) as u64;
    let mut tick = |done: usize, label: &'static str| {
        progress::report(&mut progress, Progress { job: Job::SampleData, done: done as u64, total, label })
    };
    let mut rng = fastrand::Rng::with_seed(opts.seed);
    // Around now by default, so nothing lies in the future and "found 3 h ago"
    // reads true; around noon UTC of a given day for identical output.
    let as_of = match opts.as_of {
        None => dates::now(),
        Some(day) => Utc.from_utc_datetime(&day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists"))),
    };
    let as_of_day = as_of.date_naive();

    // Incidents are inserted oldest first so the second-failure flag sees earlier ones.
    let mut plan: Vec<(usize, i64)> = (0..opts.incidents)
        .map(|_| {
            // A few from the last three days fill the Today queue; the rest skew
            // towards recent (the square of a uniform number piles up near zero).
            let minutes_ago = if rng.u8(0..100) < 8 {
                rng.i64(30..3 * 24 * 60)
            } else {
                let u = rng.f64();
                (u * u * 540.0 * 24.0 * 60.0) as i64 + rng.i64(30..600)
            };
            (rng.usize(0..opts.customers.max(1)), minutes_ago)
        })
        .collect();
    plan.sort_by_key(|p| std::cmp::Reverse(p.1));

    // An error (a cancel too) rolls all of it back.
    db.write(|tx| {
        if let Some(p) = &new_profile {
            crate::store::profile::write_profile(tx, p)?;
        }
        tick(0, "customers")?;
        let (customers_before, incidents_before) = crate::store::max_ids(tx)?;
        let created = dates::to_text(as_of - Duration::days(600));
        let mut ids = Vec::with_capacity(opts.customers);
        for i in 0..opts.customers {
            let c = sample_customer(&mut rng, i, business.country);
            ids.push(crate::store::customers::insert_customer(tx, &c, &created)?);
            tick(i + 1, "customers")?;
        }
        let mut summary = DemoSummary { customers: opts.customers, incidents: 0, changes: 0, timeline_entries: 0 };
        let mut rows = crate::store::SampleRows::new(tx)?;
        let newest_two = plan.len().saturating_sub(2);
        for (n, (cust_idx, minutes_ago)) in plan.into_iter().enumerate() {
            // The two newest are always ours and untouched, so Today shows the get-there-first queue.
            let fresh_find = n >= newest_two;
            let story = &business.stories[rng.usize(0..business.stories.len())];
            let occurred = as_of - Duration::minutes(minutes_ago);
            let by_us = rng.u8(0..100) < 30 || fresh_find;
            let discovered =
                occurred + Duration::minutes(rng.i64(5..if by_us { 240 } else { 2880 }).min(minutes_ago / 2 + 1));
            let order = rng.i64(40..2500) * 100 + [0, 50, 99][rng.usize(0..3)];
            let v = ValidIncident {
                customer_id: ids[cust_idx],
                title: story.title.to_string(),
                what_happened: (!by_us).then(|| story.words.to_string()),
                our_understanding: Some(story.understood.to_string()),
                category: story.category.to_string(),
                severity: rng.u8(1..6),
                occurred_at: occurred,
                discovered_at: discovered,
                discovered_by: if by_us { DiscoveredBy::Us } else { DiscoveredBy::Customer },
                remedy_requested: (!by_us && rng.bool())
                    .then(|| "A refund or a redo, whichever is quicker".to_string()),
                order_value_minor: order,
                makeup_description: None,
                makeup_value_minor: None,
                root_cause: None,
                outcome: Outcome::default(),
            };
            let stamp = dates::to_text(discovered);
            let id = crate::store::incidents::insert_incident(tx, &v, window, &stamp)?;
            summary.incidents += 1;

            // How far recovery has gone grows with age: days-old incidents are mostly untouched.
            let age_days = minutes_ago / (24 * 60);
            let progress = if fresh_find {
                0
            } else if age_days < 2 {
                rng.usize(0..2)
            } else if age_days < 14 {
                rng.usize(1..7)
            } else if age_days < 60 {
                rng.usize(4..9)
            } else {
                if rng.u8(0..10) < 8 {
                    8
                } else {
                    rng.usize(5..9)
                }
            };
            let mut steps = Vec::new();
            let mut t = discovered;
            for (n, step) in RecoveryStep::ALL.iter().enumerate().take(progress) {
                t += Duration::minutes(rng.i64(20..if n < 4 { 600 } else { 9000 }));
                let t_done = t.min(as_of);
                let skip = (*step == RecoveryStep::MadeUp || *step == RecoveryStep::Listened) && rng.u8(0..100) < 4;
                let rec = StepRecord {
                    step: *step,
                    done_at: (!skip).then_some(t_done),
                    skipped_reason: skip.then(|| SKIP_REASONS[rng.usize(0..SKIP_REASONS.len())].to_string()),
                };
                rows.step(id, &rec)?;
                steps.push(rec);
            }
            let fixed = progress > 4;
            let promised = (progress >= 2).then(|| (discovered + Duration::days(rng.i64(1..12))).date_naive());
            let mut change_count = 0;
            if progress >= 7 || (progress >= 5 && rng.bool()) {
                let d = (discovered + Duration::days(rng.i64(3..20))).date_naive().min(as_of_day);
                for text in story.changes {
                    rows.change(id, d, text)?;
                    change_count += 1;
                }
            }
            summary.changes += change_count;
            if progress >= 1 {
                let kind = if rng.bool() { "call" } else { "email" };
                rows.timeline(id, discovered + Duration::minutes(30), kind, first_contact_note(by_us))?;
                summary.timeline_entries += 1;
            }
            if progress >= 6 {
                rows.makeup(id, story.makeup, order / 2 + rng.i64(20..200) * 100, story.cause)?;
            }
            if progress == 8 && age_days > 90 {
                let came_back = rng.u8(0..100) < 70;
                rows.outcome(id, came_back, if came_back { rng.i64(50..4000) * 100 } else { 0 })?;
            }
            let status = Status::derive(&steps, change_count);
            let pending = (!fixed).then_some(promised).flatten();
            rows.status(id, status, promised, pending)?;
            tick(opts.customers + summary.incidents, "incidents")?;
        }
        // So "Remove all sample data" takes exactly these rows.
        crate::store::mark_since(tx, customers_before, incidents_before)?;
        Ok(summary)
    })
}

fn first_contact_note(by_us: bool) -> &'static str {
    if by_us {
        "Called before they found out; explained what went wrong and what happens next."
    } else {
        "Returned their call, listened to the whole story and read it back to them."
    }
}

/// Remove every sample customer and incident (a backup first), keeping what
/// the owner added: their own customers, and sample customers they logged an
/// incident for.
pub fn remove(db: &mut Db) -> Result<crate::store::SampleRemoved> {
    db.backup_now("before removing sample data", Default::default())?;
    db.remove_sample_data()
}

/// The sample business profile: Harbour & Finch Interiors, a trades business in the US.
pub fn sample_profile() -> Profile {
    sample_profile_for(BusinessType::Trades)
}

/// The sample profile of the sample business of a type, with the paper,
/// envelope, currency and date format of its country.
pub fn sample_profile_for(t: BusinessType) -> Profile {
    let b = stories::for_type(t);
    let (currency, paper, envelope, date_format) = match b.country {
        "United Kingdom" => (Currency::Gbp, Paper::A4, EnvelopePreset::Din5008B, DateFormat::LongUk),
        "Australia" => (Currency::Aud, Paper::A4, EnvelopePreset::Din5008B, DateFormat::LongUk),
        "Canada" => (Currency::Cad, Paper::Letter, EnvelopePreset::UsNo10, DateFormat::LongUs),
        _ => (Currency::Usd, Paper::Letter, EnvelopePreset::UsNo10, DateFormat::LongUs),
    };
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Profile {
        business_name: b.business_name.into(),
        signer_name: b.signer_name.into(),
        signer_title: some(b.signer_title),
        address_lines: vec![b.address_line.into()],
        city: some(b.city),
        region: some(b.region),
        postal_code: some(b.postal_code),
        country: some(b.country),
        phone: some(b.phone),
        email: some(b.email),
        website: some(b.website),
        business_type: t,
        currency,
        paper,
        envelope,
        date_format,
        ..Profile::default()
    }
}

fn sample_customer(rng: &mut fastrand::Rng, i: usize, home_country: &str) -> ValidCustomer {
    // The first customer is always the accented name that letters are checked with.
    let name = if i == 0 {
        "Zoë Ørsted-Núñez".to_string()
    } else {
        format!("{} {}", FIRST[rng.usize(0..FIRST.len())], LAST[rng.usize(0..LAST.len())])
    };
    let place = &PLACES[rng.usize(0..PLACES.len())];
    let (city, region) = place.cities[rng.usize(0..place.cities.len())];
    let street = format!("{} {}", rng.u32(1..240), STREETS[rng.usize(0..STREETS.len())]);
    let postal_code = match place.country {
        "United States" => format!("{:05}", rng.u32(10000..99950)),
        "United Kingdom" => format!(
            "{}{} {}{}{}",
            // The postcode area of the town: Bristol BS, York YO, Norwich NR, Cardiff CF, Edinburgh EH.
            match city {
                "Bristol" => "BS",
                "York" => "YO",
                "Norwich" => "NR",
                "Cardiff" => "CF",
                _ => "EH",
            },
            rng.u8(1..20),
            rng.u8(1..10),
            rng.alphabetic().to_ascii_uppercase(),
            rng.alphabetic().to_ascii_uppercase()
        ),
        "Canada" => format!(
            "{}{}{} {}{}{}",
            rng.uppercase(),
            rng.u8(0..10),
            rng.uppercase(),
            rng.u8(0..10),
            rng.uppercase(),
            rng.u8(0..10)
        ),
        _ => format!("{:04}", rng.u32(2000..7999)),
    };
    let local: String =
        crate::text::fold(&name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '.' }).collect();
    let company = (rng.u8(0..100) < 15).then(|| COMPANIES[rng.usize(0..COMPANIES.len())].to_string());
    // A flat shares the street's line, and a business abroad has no company
    // line: mail abroad adds the country (and, to the UK, a postcode line),
    // and a US #10 window holds five lines.
    let company = company.filter(|_| crate::postal::same_country(place.country, home_country));
    let street =
        if rng.u8(0..100) < 12 && company.is_none() { format!("Flat {}, {street}", rng.u8(1..30)) } else { street };
    let lines = vec![street];
    ValidCustomer {
        name,
        company,
        email: (rng.u8(0..100) < 85).then(|| format!("{local}{i}@example.com")),
        phone: Some(format!("555-{:03}-{:04}", rng.u32(100..999), i % 10_000)),
        address: Address {
            lines,
            city: Some(city.to_string()),
            region: (!region.is_empty()).then(|| region.to_string()),
            postal_code: Some(postal_code),
            country: Some(place.country.to_string()),
        },
        notes: None,
        tags: if rng.u8(0..100) < 20 { vec!["regular".into()] } else { vec![] },
        yearly_spend_minor: rng.i64(5..400) * 1000,
        expected_years: rng.u32(1..11),
    }
}
