//! The build script (not a module of the crate). Templates, assets, the programmes and
//! the migrations are built into the binary (see `files.rs`): a file added to one of
//! those folders must rebuild the crate, not only a changed one.
fn main() {
    for dir in ["templates", "assets", "phases", "src/storage/migrations"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
