//! WebKitGTK on a Linux computer without a GPU: what it is told before it starts.
//!
//! WebKitGTK's UI process (the app's own) opens a GL display when it launches its web process:
//! once to find the GPU's DRM render node for the web process, once to check whether frames can
//! be handed over as DMA-BUF buffers. Where no GPU device exists, the only GL Mesa can give is
//! its software renderer, llvmpipe, and those two probes load it and LLVM into the app's process
//! for nothing: about 58 MiB of its resident memory, measured under Xvfb (see README, "Size,
//! start-up and memory"). Without a GPU there is no render node to find and nothing to gain from
//! DMA-BUF, so [`prepare`] says so through WebKit's own variables before GTK starts; the web
//! process then hands its frames over in shared memory, and GTK is told not to open GL of its
//! own (which loaded llvmpipe just the same: 158 → 107 MiB for the release app, measured). Where a GPU is present it changes
//! nothing, and it never overrides a WebKit rendering variable someone set themselves.

use std::ffi::OsString;
use std::path::Path;

/// WebKit's switch from DMA-BUF frames to shared memory.
pub const DISABLE_DMABUF: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
/// The render node WebKit gives its web process; set, the UI process does not look for one.
pub const RENDER_DEVICE: &str = "WEBKIT_WEB_RENDER_DEVICE_FILE";
/// GTK's switch for its own GL (GDK GL contexts). Without a GPU the only GL is llvmpipe, and GDK
/// opening it at start loads LLVM into the app just the same; WebKit's frames arrive in shared
/// memory and are drawn with cairo, so nothing needs it.
pub const GDK_GL: &str = "GDK_GL";
/// What [`RENDER_DEVICE`] names where there is none: a node that cannot exist, so the web
/// process finds no device, as it would have after the probe.
pub const NO_RENDER_DEVICE: &str = "/dev/dri/none";

/// The WebKit rendering variables that, when already set, leave the choice to whoever set them.
const OVERRIDES: [&str; 5] = [
    DISABLE_DMABUF,
    GDK_GL,
    RENDER_DEVICE,
    "WEBKIT_FORCE_DMABUF_RENDERER",
    "WEBKIT_DMABUF_RENDERER_FORCE_SHM",
];

/// What [`prepare`] found and did, logged once logging is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// A GPU device is present: WebKit chooses as it always does.
    Gpu,
    /// No GPU device: WebKit was told to use shared memory and not to probe for a render node.
    Software,
    /// A WebKit rendering variable was already set; nothing was changed.
    SetByUser,
}

/// Whether `dev` (the `/dev` directory) holds a device a GPU driver renders through: a DRM
/// render node (Mesa's and recent NVIDIA drivers) or NVIDIA's own control device (its older
/// drivers, which render without DRM). A KMS-only card node (`simpledrm`, a VM's plain frame
/// buffer) renders nothing, so it does not count.
pub fn gpu_present(dev: &Path) -> bool {
    let render_node = std::fs::read_dir(dev.join("dri")).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    render_node || dev.join("nvidiactl").exists()
}

/// The decision alone: the variables to set (none where a GPU is present or a variable was set).
pub fn plan(
    gpu: bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> (Renderer, Vec<(&'static str, &'static str)>) {
    if OVERRIDES.iter().any(|name| env(name).is_some()) {
        return (Renderer::SetByUser, Vec::new());
    }
    if gpu {
        return (Renderer::Gpu, Vec::new());
    }
    (
        Renderer::Software,
        vec![
            (DISABLE_DMABUF, "1"),
            (RENDER_DEVICE, NO_RENDER_DEVICE),
            (GDK_GL, "disable"),
        ],
    )
}

/// Looks at `/dev` and sets WebKit's variables where there is no GPU. Must run before any
/// other thread starts (it changes the process environment): first thing in [`crate::run`].
pub fn prepare() -> Renderer {
    let (renderer, vars) = plan(gpu_present(Path::new("/dev")), |name| {
        std::env::var_os(name)
    });
    for (name, value) in vars {
        // SAFETY: called first in `run()`, from `main`, before Tauri, GTK, tokio or the logger
        // start a thread, so nothing reads the environment concurrently.
        unsafe { std::env::set_var(name, value) };
    }
    renderer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unset(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn without_a_gpu_webkit_is_told_to_use_shared_memory_and_not_to_probe() {
        let (renderer, vars) = plan(false, unset);
        assert_eq!(renderer, Renderer::Software);
        assert_eq!(
            vars,
            [
                (DISABLE_DMABUF, "1"),
                (RENDER_DEVICE, NO_RENDER_DEVICE),
                (GDK_GL, "disable")
            ]
        );
    }

    #[test]
    fn with_a_gpu_nothing_is_set() {
        assert_eq!(plan(true, unset), (Renderer::Gpu, Vec::new()));
    }

    #[test]
    fn a_variable_set_by_someone_else_is_left_alone() {
        for set in OVERRIDES {
            let env = |name: &str| (name == set).then(|| OsString::from("0"));
            assert_eq!(plan(false, env), (Renderer::SetByUser, Vec::new()), "{set}");
        }
    }

    #[test]
    fn a_render_node_or_nvidias_device_is_a_gpu_and_a_bare_card_node_is_not() {
        let dev = tempfile::tempdir().unwrap();
        assert!(!gpu_present(dev.path()), "no dri folder");
        std::fs::create_dir(dev.path().join("dri")).unwrap();
        std::fs::write(dev.path().join("dri/card0"), "").unwrap();
        assert!(!gpu_present(dev.path()), "a KMS-only card node");
        std::fs::write(dev.path().join("dri/renderD128"), "").unwrap();
        assert!(gpu_present(dev.path()), "a render node");

        let nvidia = tempfile::tempdir().unwrap();
        std::fs::write(nvidia.path().join("nvidiactl"), "").unwrap();
        assert!(gpu_present(nvidia.path()), "NVIDIA's control device");
    }
}
