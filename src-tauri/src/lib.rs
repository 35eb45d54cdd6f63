//! The Amends desktop shell. It knows Tauri and nothing about SQL or the
//! recovery rules: every command calls the `amends` core library.
//! `build` is shared by `run` and the command tests, so both register the
//! same commands and state.
pub mod commands;
pub mod navigation;
pub mod reminders;
pub mod state;

use amends::this_computer::{Records, ThisComputer};
use state::AppState;
use std::path::PathBuf;
use tauri::{Builder, Manager, Runtime};

/// Register plugins' command handlers and our commands on a builder.
/// `settings`: this computer's settings file (none in tests).
pub fn build<R: Runtime>(builder: Builder<R>, records: Records, settings: Option<PathBuf>) -> Builder<R> {
    builder.manage(AppState::open(records, settings)).manage(commands::startup::Prefetch::default()).invoke_handler(
        tauri::generate_handler![
            commands::startup::startup,
            commands::app::load_sample_data,
            commands::profile::get_profile,
            commands::profile::save_profile,
            commands::profile::list_categories,
            commands::profile::add_category,
            commands::profile::set_profile_image,
            commands::profile::profile_images,
            commands::customers::search_customers,
            commands::customers::get_customer,
            commands::customers::add_customer,
            commands::customers::update_customer,
            commands::files::choose_save_path,
            commands::files::choose_file,
            commands::records::backup_to,
            commands::records::restore_from,
            commands::records::export_customer_data,
            commands::records::erase_customer,
            commands::letters::check_text,
            commands::letters::draft,
            commands::letters::save_letter,
            commands::letters::follow_ups_due,
            commands::letters::save_letters_pdf,
            commands::letters::save_calibration_pdf,
            commands::letters::mark_follow_ups_sent,
            commands::letters::open_pdf,
            commands::letters::kept_letters,
            commands::letters::keep_letter,
            commands::letters::mark_letter_sent,
            commands::letters::save_letter_pdf,
            commands::letters::printers,
            commands::letters::print_letter,
            commands::letters::save_email,
            commands::letters::email_link,
            commands::incidents::set_incident_words,
            commands::incidents::end_call,
            commands::incidents::set_customer_value,
            commands::incidents::list_causes,
            commands::incidents::cause_detail,
            commands::incidents::cause_from_incident,
            commands::incidents::link_incident,
            commands::incidents::affect_customers,
            commands::incidents::add_cause_change,
            commands::profile::category_counts,
            commands::incidents::clock_settings,
            commands::incidents::save_clock_settings,
            commands::incidents::clocks,
            commands::incidents::set_callback,
            commands::incidents::delete_incident,
            commands::incidents::undo_delete,
            commands::incidents::save_calendar,
            commands::records::list_backups,
            commands::records::restore_backup,
            commands::app::sample_counts,
            commands::app::remove_sample_data,
            commands::app::autostart_enabled,
            commands::app::set_autostart,
            commands::profile::rename_category,
            commands::profile::remove_category,
            commands::incidents::today,
            commands::incidents::dashboard_stats,
            commands::incidents::get_incident,
            commands::incidents::add_incident,
            commands::incidents::list_incidents,
            commands::incidents::update_incident,
            commands::incidents::record_step,
            commands::incidents::promise_fix,
            commands::incidents::add_change,
            commands::photos::add_photo,
            commands::photos::remove_photo,
            commands::photos::photo_thumb,
            commands::incidents::remove_change,
            commands::incidents::add_timeline,
            commands::incidents::list_letters,
            commands::incidents::review_makeup,
            commands::incidents::set_makeup,
            commands::spreadsheets::export_spreadsheet,
            commands::spreadsheets::import_customers,
            commands::spreadsheets::preview_import,
            commands::spreadsheets::cancel_job,
            commands::shared::shared_status,
            commands::shared::set_person,
            commands::shared::use_shared_database,
            commands::shared::use_this_computers_file,
            commands::shared::change_mark,
            commands::app::open_again,
        ],
    )
}

/// Which records to open: `AMENDS_DB` (a file or a postgres:// URL) if set,
/// else this computer's setting, else the file in the OS app-data directory
/// (the same default as the CLI). A setting that cannot be read falls back to
/// the file, and says why on stderr.
fn records(settings: Option<&std::path::Path>) -> Records {
    let this = settings.map(ThisComputer::load).transpose().unwrap_or_else(|e| {
        eprintln!("Amends: {e}");
        None
    });
    let env = std::env::var_os("AMENDS_DB");
    Records::choose(env.as_deref(), &this.unwrap_or_default()).unwrap_or_else(|e| {
        eprintln!("Amends: {e}");
        let file = amends::store::default_path().unwrap_or_else(|_| PathBuf::from(amends::store::DB_FILE_NAME));
        Records::File(env.filter(|e| !e.is_empty()).map(PathBuf::from).unwrap_or(file))
    })
}

pub fn run() {
    software_compositing();
    let builder = Builder::default()
        // First, so a second launch focuses the running window instead of opening the database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::Builder::new().args(["--minimized"]).app_name("Amends").build())
        // Last: it opens mailto: links through the opener.
        .plugin(navigation::guard());
    let settings = ThisComputer::default_path();
    let records = records(settings.as_deref());
    build(builder, records.clone(), settings)
        .setup(move |app| {
            commands::startup::prefetch(app.handle());
            // Started at log-in: stay out of the way; reminders still arrive.
            if std::env::args().any(|a| a == "--minimized") {
                if let Some(w) = app.get_webview_window("main") {
                    let _ = w.minimize();
                }
            }
            if app.state::<AppState>().open_failure().is_none() {
                reminders::start_once(app.handle());
                // The daily backup reads through its own connection, off the UI thread.
                // A shared database is backed up by its server.
                if let Some(path) = records.file().map(std::path::Path::to_path_buf) {
                    std::thread::spawn(move || {
                        if let Err(e) = amends::store::backup::daily_backup(&path, Default::default()) {
                            eprintln!("Amends: the automatic backup failed: {e}");
                        }
                    });
                }
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Amends window could not start");
}

/// WebKitGTK composites pages through OpenGL by default. For a window of text,
/// forms and a few bars that buys nothing the owner can see, and it costs memory:
/// measured under Xvfb, the web process held about 70 MB more with it, and 20 MB
/// more after each of the first screen changes (`make bench-app`, README). It is
/// also behind the blank-window bugs some Linux GPU drivers have. So Amends
/// draws without it unless the variable is already set (`=0` turns it back on).
/// Called first thing in `main`, before any thread or child process starts.
fn software_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
