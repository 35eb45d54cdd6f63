//! The commands as the UI calls them, through Tauri's IPC with a mock
//! runtime (no window): hostile text comes back unchanged, errors arrive as
//! `{ kind, message, field }`, and a database that cannot be opened is
//! reported instead of crashing.
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn app(db: &std::path::Path) -> tauri::WebviewWindow<tauri::test::MockRuntime> {
    let app = amends_app::build(mock_builder(), amends::this_computer::Records::File(db.to_path_buf()), None)
        .build(mock_context(noop_assets()))
        .expect("app builds");
    WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window")
}

fn call(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().expect("JSON response"))
}

/// What the open or save dialog does when the owner picks `path`.
fn grant(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, path: &std::path::Path) {
    use tauri::Manager;
    w.state::<amends_app::state::AppState>().grant(path.to_path_buf());
}

const NASTY: &str =
    "Robert'); DROP TABLE customers;-- <script>alert('x')</script> <b>bold</b> \u{7}\u{1b}[31m Zoë \"quoted\" \\ %_";

#[test]
fn hostile_text_round_trips_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("a.sqlite3"));
    let big = format!("{NASTY}\n{}", "é".repeat(1_000_000));
    let input = json!({
        "name": NASTY, "company": NASTY, "email": null, "phone": "+1 (555) 010-9999 <i>",
        "address": { "lines": [NASTY, NASTY], "city": NASTY, "region": NASTY, "postal_code": NASTY, "country": NASTY },
        "notes": big, "tags": [NASTY], "yearly_spend": "1,200.50", "expected_years": 3
    });
    let c = call(&w, "add_customer", json!({ "input": input })).expect("customer saved");
    let id = c["id"].as_i64().unwrap();
    let back = call(&w, "get_customer", json!({ "id": id })).unwrap();
    for field in ["name", "company"] {
        assert_eq!(back[field], NASTY, "{field}");
    }
    assert_eq!(back["address"]["lines"], json!([NASTY, NASTY]));
    assert_eq!(back["address"]["postal_code"], NASTY);
    assert_eq!(back["tags"], json!([NASTY]));
    assert_eq!(back["notes"].as_str().unwrap(), big);
    assert_eq!(back["yearly_spend_minor"], 120_050);
    let found = call(&w, "search_customers", json!({ "query": "drop table", "limit": 10 })).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);

    let inc = call(
        &w,
        "add_incident",
        json!({ "input": {
            "customer_id": id, "title": NASTY, "what_happened": big, "our_understanding": NASTY,
            "remedy_requested": NASTY, "root_cause": NASTY, "discovered_by": "us", "order_value": "99.99"
        }}),
    )
    .expect("incident saved");
    let iid = inc["id"].as_i64().unwrap();
    call(&w, "add_change", json!({ "id": iid, "text": NASTY, "date": null })).unwrap();
    call(&w, "add_timeline", json!({ "id": iid, "kind": "note", "text": NASTY, "at": null })).unwrap();
    let got = call(&w, "get_incident", json!({ "id": iid })).unwrap();
    assert_eq!(got["title"], NASTY);
    assert_eq!(got["what_happened"].as_str().unwrap(), big);
    assert_eq!(got["changes"][0]["text"], NASTY);
    assert_eq!(got["timeline"][0]["text"], NASTY);
    assert_eq!(got["order_value_minor"], 9_999);
}

#[test]
fn errors_reach_the_ui_as_kind_message_field() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("b.sqlite3"));
    let err = call(&w, "add_customer", json!({ "input": { "name": "   " } })).unwrap_err();
    assert_eq!(err, json!({ "kind": "invalid", "message": "A customer needs a name.", "field": "name" }));
    let err = call(&w, "get_incident", json!({ "id": 404 })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    let findings = call(&w, "check_text", json!({ "text": "I'm sorry, but you should have called." })).unwrap();
    assert!(findings.as_array().unwrap().iter().any(|f| f["kind"] == "but"));
}

#[test]
fn a_database_that_will_not_open_is_reported_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, "my shopping list").unwrap();
    let w = app(&path);
    let first = call(&w, "startup", json!({})).unwrap();
    assert_eq!(first["status"]["open_failure"]["kind"], "not_a_database");
    assert!(first["today"].is_null() && first["profile"].is_null());
    let err = call(&w, "today", json!({})).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("not an Amends database"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my shopping list");
}

#[test]
fn startup_answers_first_from_the_prefetch_then_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("a.sqlite3"));
    amends_app::commands::startup::prefetch(&tauri::Manager::app_handle(&w).clone());
    let first = call(&w, "startup", json!({})).unwrap();
    assert_eq!(first["status"]["empty"], true);
    assert_eq!(first["status"]["open_failure"], Value::Null);
    assert_eq!(first["today"], json!([]));
    assert!(first["stats"]["by_category"].is_array());

    let customer = call(&w, "add_customer", json!({ "input": { "name": "Zoë Ní Bhriain" } })).unwrap();
    let incident = json!({ "input": {
        "customer_id": customer["id"], "title": "Tiles arrived cracked", "category": "delivery",
        "discovered_by": "us", "severity": 3
    } });
    call(&w, "add_incident", incident).unwrap();
    let again = call(&w, "startup", json!({})).unwrap();
    assert_eq!(again["status"]["empty"], false);
    let queue = again["today"].as_array().unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0]["kind"], "get_there_first");
    assert_eq!(queue[0]["incident"]["customer_name"], "Zoë Ní Bhriain");
}

/// Every "progress" event the UI would hear, as JSON.
fn progress_events(w: &tauri::WebviewWindow<tauri::test::MockRuntime>) -> std::sync::Arc<std::sync::Mutex<Vec<Value>>> {
    use tauri::Listener;
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let s = seen.clone();
    w.listen_any("progress", move |e| s.lock().unwrap().push(serde_json::from_str(e.payload()).unwrap()));
    seen
}

/// "Cancel" on job `ticket`, pressed as soon as a job reports (the listener runs as the event is sent).
fn cancel_on_first_report(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, ticket: u64) -> tauri::EventId {
    use tauri::{Listener, Manager};
    let app = w.app_handle().clone();
    w.listen_any("progress", move |_| {
        app.state::<amends_app::state::AppState>().cancelled.store(ticket, std::sync::atomic::Ordering::SeqCst)
    })
}

#[test]
fn an_import_reports_progress_and_a_cancelled_one_changes_nothing() {
    use tauri::Listener;
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("c.sqlite3"));
    let csv = dir.path().join("people.csv");
    let rows: String = (0..300).map(|i| format!("Person {i},p{i}@example.com\n")).collect();
    std::fs::write(&csv, format!("Name,Email\n{rows}")).unwrap();
    grant(&w, &csv);
    let seen = progress_events(&w);

    let check = call(&w, "import_customers", json!({ "path": csv, "dryRun": true, "skipInvalid": false, "ticket": 1 }))
        .unwrap();
    assert_eq!(check["added"], 300);
    let events = std::mem::take(&mut *seen.lock().unwrap());
    assert_eq!(events.first(), Some(&json!({ "job": "import", "done": 0, "total": 300, "label": "rows" })));
    assert_eq!(events.last(), Some(&json!({ "job": "import", "done": 300, "total": 300, "label": "rows" })));

    let cancel = cancel_on_first_report(&w, 2);
    let err = call(&w, "import_customers", json!({ "path": csv, "dryRun": false, "skipInvalid": false, "ticket": 2 }))
        .unwrap_err();
    assert_eq!(err, json!({ "kind": "cancelled", "message": "Import cancelled; nothing was changed.", "field": null }));
    w.unlisten(cancel);
    let all = call(&w, "search_customers", json!({ "query": "", "limit": 10 })).unwrap();
    assert_eq!(all, json!([]), "nothing was imported");

    // The next job has its own ticket: the earlier cancel does not stop it.
    let done = call(&w, "import_customers", json!({ "path": csv, "dryRun": false, "skipInvalid": false, "ticket": 3 }))
        .unwrap();
    assert_eq!(done["added"], 300);
}

#[test]
fn a_cancel_sent_before_its_job_starts_still_stops_it_and_only_it() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("e.sqlite3"));
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "Name,Email\nAoife Ní Bhriain,aoife@example.ie\n").unwrap();
    grant(&w, &csv);
    let import = |ticket: u64| {
        call(&w, "import_customers", json!({ "path": csv, "dryRun": false, "skipInvalid": false, "ticket": ticket }))
    };
    call(&w, "cancel_job", json!({ "ticket": 7 })).unwrap();
    assert_eq!(import(7).unwrap_err()["kind"], "cancelled");
    assert_eq!(call(&w, "search_customers", json!({ "query": "", "limit": 10 })).unwrap(), json!([]));
    assert_eq!(import(8).unwrap()["added"], 1, "a cancel for job 7 does not stop job 8");
}

#[test]
fn cancelled_sample_data_keeps_the_first_run_screen() {
    use tauri::Listener;
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("d.sqlite3"));
    let seen = progress_events(&w);
    let cancel = cancel_on_first_report(&w, 4);
    let err = call(&w, "load_sample_data", json!({ "ticket": 4 })).unwrap_err();
    assert_eq!(err["kind"], "cancelled");
    w.unlisten(cancel);
    let status = &call(&w, "startup", json!({})).unwrap()["status"];
    assert_eq!((status["empty"].as_bool(), status["profile_set_up"].as_bool()), (Some(true), Some(false)));

    seen.lock().unwrap().clear();
    let summary = call(&w, "load_sample_data", json!({ "ticket": 5 })).unwrap();
    let total = summary["customers"].as_u64().unwrap() + summary["incidents"].as_u64().unwrap();
    let events = seen.lock().unwrap().clone();
    assert_eq!(
        events.last(),
        Some(&json!({ "job": "sample_data", "done": total, "total": total, "label": "incidents" }))
    );
    let status = &call(&w, "startup", json!({})).unwrap()["status"];
    assert_eq!(status["empty"], false);
}

/// Paths come from the dialog (issue 13): a path the page names itself is
/// refused by every command that reads or writes a file, and nothing is
/// written there; the same path once picked in the dialog is taken.
#[test]
fn a_path_no_dialog_returned_is_refused_by_every_file_command() {
    assert!(std::env::var_os("AMENDS_E2E_TYPED_PATHS").is_none(), "run without the end-to-end switch");
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("f.sqlite3"));
    let id = call(&w, "add_customer", json!({ "input": { "name": "Ada" } })).unwrap()["id"].clone();
    let target = dir.path().join("bashrc");
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "Name\nBo\n").unwrap();
    let calls = [
        ("backup_to", json!({ "path": target })),
        ("restore_from", json!({ "path": csv })),
        ("export_customer_data", json!({ "id": id, "path": target })),
        ("save_calibration_pdf", json!({ "path": target })),
        ("save_letters_pdf", json!({ "ids": [], "kind": "apology", "path": target, "ticket": 0 })),
        ("export_spreadsheet", json!({ "path": target, "format": "xlsx", "ticket": 0 })),
        ("import_customers", json!({ "path": csv, "dryRun": true, "skipInvalid": false, "ticket": 0 })),
        ("set_profile_image", json!({ "slot": "logo", "path": csv })),
        ("open_pdf", json!({ "path": target })),
    ];
    for (cmd, body) in calls {
        let err = call(&w, cmd, body).expect_err(cmd);
        assert_eq!(err["field"], "path", "{cmd}: {err}");
        assert!(err["message"].as_str().unwrap().contains("picked in its own dialog"), "{cmd}: {err}");
        assert!(!target.exists(), "{cmd} wrote to a path the page named");
    }
    grant(&w, &csv);
    let ok = call(&w, "import_customers", json!({ "path": csv, "dryRun": true, "skipInvalid": false, "ticket": 0 }));
    assert_eq!(ok.unwrap()["added"], 1, "a picked path is taken");
}

#[test]
fn a_stale_edit_is_refused_as_a_conflict_naming_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amends.sqlite3");
    let w = app(&path);
    let st = call(&w, "set_person", json!({ "name": "  Priya  " })).unwrap();
    assert_eq!(st["person"], "Priya");
    assert_eq!(st["shared"], false);
    assert_eq!(st["location"], path.display().to_string());
    let c = call(&w, "add_customer", json!({ "input": { "name": "Ada" } })).unwrap();
    let inc = call(&w, "add_incident", json!({ "input": { "customer_id": c["id"], "title": "Late" } })).unwrap();
    let id = inc["id"].as_i64().unwrap();
    let seen = inc["version"].as_i64().unwrap();
    let mark = call(&w, "change_mark", json!({})).unwrap();

    // Sam, at the other desk (another connection to the same file), changes it first.
    let mut sam = amends::Db::open(&path).unwrap();
    sam.set_person(Some("Sam"));
    let mut edit = sam.incident(id).unwrap().as_input();
    edit.title = "Late, and the wrong colour".into();
    sam.update_incident(id, &edit).unwrap();
    assert_ne!(call(&w, "change_mark", json!({})).unwrap(), mark, "the page would refresh");

    let stale = json!({ "customer_id": c["id"], "title": "Late by a week", "seen_version": seen });
    let err = call(&w, "update_incident", json!({ "id": id, "input": stale })).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    assert!(err["message"].as_str().unwrap().starts_with("Sam changed this incident at "), "{err}");
    let now = call(&w, "get_incident", json!({ "id": id })).unwrap();
    assert_eq!(now["title"], "Late, and the wrong colour");
    assert_eq!(now["updated_by"], "Sam");
    let entry = call(&w, "add_timeline", json!({ "id": id, "kind": "note", "text": "Rang her back" })).unwrap();
    assert_eq!(entry["person"], "Priya");
}

/// A new empty database on the private PostgreSQL test server, if there is one; its URL.
fn fresh_shared_database(label: &str) -> Option<String> {
    let Some(server) = std::env::var("AMENDS_TEST_PG").ok().filter(|s| !s.is_empty()) else {
        eprintln!("no PostgreSQL test server (tests/pg/with-postgres.sh): not checked");
        return None;
    };
    let name = format!("app_{label}_{}", std::process::id());
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    Some(server.replacen("/postgres?", &format!("/{name}?"), 1))
}

/// The commands on a shared database, through the same async runtime as the app.
#[test]
fn the_commands_work_on_a_shared_database() {
    let Some(url) = fresh_shared_database("commands") else { return };
    let loc = amends::store::shared::SharedLocation::parse(&url).unwrap();
    let app = amends_app::build(mock_builder(), amends::this_computer::Records::Shared(loc), None)
        .build(mock_context(noop_assets()))
        .expect("app builds");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    let st = call(&w, "shared_status", json!({})).unwrap();
    assert_eq!(st["shared"], true);
    let c = call(&w, "add_customer", json!({ "input": { "name": "Ada Okafor" } })).unwrap();
    call(&w, "add_incident", json!({ "input": { "customer_id": c["id"], "title": "Late" } })).unwrap();
    let found =
        call(&w, "list_incidents", json!({ "filter": { "search": "okafor", "limit": 201, "offset": 0 } })).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let id = found[0]["id"].clone();
    assert_eq!(call(&w, "get_incident", json!({ "id": id })).unwrap()["title"], "Late");
    let today = call(&w, "today", json!({})).unwrap();
    assert_eq!(today.as_array().unwrap().len(), 1, "{today}");
    assert!(call(&w, "change_mark", json!({})).unwrap().as_i64().unwrap() > 0);
    // A shared database's backups are its server's: none listed, and none made here.
    assert_eq!(call(&w, "list_backups", json!({})).unwrap(), json!([]));
    drop(w);
    drop(app); // closing the connection from here must not upset the async runtime either
}

/// Settings → "Move my records to it": a long job like the others, reported
/// as it goes; a Cancel leaves this computer on its own file and the shared
/// database empty, so the move can be made again.
#[test]
fn moving_records_reports_progress_and_a_cancelled_move_keeps_the_file() {
    use tauri::Listener;
    let Some(url) = fresh_shared_database("move") else { return };
    let dir = tempfile::tempdir().unwrap();
    let w = app(&dir.path().join("m.sqlite3"));
    let sample = call(&w, "load_sample_data", json!({ "ticket": 0 })).unwrap();
    let seen = progress_events(&w);

    let cancel = cancel_on_first_report(&w, 21);
    let err = call(&w, "use_shared_database", json!({ "url": url, "moveRecords": true, "ticket": 21 })).unwrap_err();
    assert_eq!(err["kind"], "cancelled", "{err}");
    assert!(err["message"].as_str().unwrap().contains("nothing was moved"), "{err}");
    w.unlisten(cancel);
    assert_eq!(call(&w, "shared_status", json!({})).unwrap()["shared"], false);

    seen.lock().unwrap().clear();
    let st = call(&w, "use_shared_database", json!({ "url": url, "moveRecords": true, "ticket": 22 })).unwrap();
    assert_eq!(st["shared"], true);
    let events = seen.lock().unwrap().clone();
    assert!(events.iter().all(|e| e["job"] == "move_to_shared"), "{events:?}");
    assert_eq!(events.first().unwrap()["done"], 0);
    let last = events.last().unwrap();
    assert_eq!(last["done"], last["total"]);
    let found = call(&w, "search_customers", json!({ "query": "", "limit": 100_000 })).unwrap();
    assert_eq!(found.as_array().unwrap().len() as u64, sample["customers"].as_u64().unwrap());
}
