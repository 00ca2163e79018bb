fn main() {
    // No panic hook: the release build aborts on a panic without a message (see `dev`,
    // release_wasm_flags), and the domain crates return errors rather than panic.
    leptos::mount::mount_to_body(dpstudio_app::App);
}
