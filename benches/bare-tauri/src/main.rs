//! A bare Tauri 2 window showing dist/index.html: the baseline that
//! `make bench-app` compares Amends' start-up time and memory against.
fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare Tauri window could not start");
}
