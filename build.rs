//! The designer preview's one switch. A debug build (`trunk serve`, `trunk build`) has it; a release build
//! (`--release`, every build that is deployed or benchmarked) never does. This sets `cfg(preview)` for the code;
//! the stylesheet hook in Trunk.toml adds style/preview/ on the same rule, from the profile Trunk reports.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(preview)");
    // Cargo sets PROFILE to "debug" for the dev profile (and those inheriting from it), "release" otherwise.
    if std::env::var("PROFILE").as_deref() == Ok("debug") {
        println!("cargo::rustc-cfg=preview");
    }
}
