//! Entry point of the desktop app; everything happens in [`infinite_stories::run`].

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    infinite_stories::run();
}
