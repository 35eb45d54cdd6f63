//! The window never leaves the app: a link or a script that would navigate
//! the page anywhere but Amends' own pages is stopped. A `mailto:` link is
//! handed to the owner's mail program through the opener instead; nothing
//! else leaves the window.
use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};
use tauri_plugin_opener::OpenerExt;

/// Amends' own pages: the bundled UI (`tauri://localhost`, or
/// `http(s)://tauri.localhost` on Windows) and, in a debug build, the dev server.
pub fn is_app_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" => {
            let host = url.host_str();
            host == Some("tauri.localhost")
                || (cfg!(debug_assertions) && matches!(host, Some("localhost") | Some("127.0.0.1")))
        }
        // The blank page a webview starts on.
        "about" => url.as_str() == "about:blank",
        _ => false,
    }
}

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            if is_app_page(url) {
                return true;
            }
            if url.scheme() == "mailto" {
                let _ = webview.app_handle().opener().open_url(url.as_str(), None::<&str>);
            }
            false
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_app_itself_is_a_page() {
        let ok = |s: &str| is_app_page(&Url::parse(s).unwrap());
        assert!(ok("tauri://localhost/index.html"));
        assert!(ok("http://tauri.localhost/"));
        assert!(!ok("https://example.com/"));
        assert!(!ok("mailto:zoe@example.com"));
        assert!(!ok("file:///etc/passwd"));
        assert!(!ok("http://tauri.localhost.evil.example/"));
    }
}
