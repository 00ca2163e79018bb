//! Picked or dropped files, read for an import: text files as text, zips as bytes.

use dpstudio_protocol::InputFile;
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before reading: the importers' own limit is lower, and
/// reading a 2 GB video someone dropped by mistake would stall the tab.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// What an import sends to the formats module.
pub struct ReadFiles {
    pub files: Vec<InputFile>,
    pub buffers: Vec<js_sys::Uint8Array>,
}

/// Reads `files`; the name of a file picked from a folder keeps its path inside the folder.
pub async fn read(files: Vec<web_sys::File>) -> Result<ReadFiles, String> {
    let mut out = ReadFiles { files: Vec::new(), buffers: Vec::new() };
    for file in files {
        let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string());
        let name = relative.filter(|p| !p.is_empty()).unwrap_or_else(|| file.name());
        if file.size() > MAX_FILE_BYTES {
            return Err(format!("{name}: {:.0} MB is more than an import reads (64 MB)", file.size() / 1048576.0));
        }
        if name.to_ascii_lowercase().ends_with(".zip") {
            let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{name}: could not be read"))?;
            out.buffers.push(js_sys::Uint8Array::new(&buffer));
            out.files.push(InputFile { name, text: String::new(), zip: true });
        } else {
            let text = JsFuture::from(file.text()).await.map_err(|_| format!("{name}: could not be read"))?;
            let text = text.as_string().ok_or_else(|| format!("{name}: is not text"))?;
            out.files.push(InputFile { name, text, zip: false });
        }
    }
    Ok(out)
}

/// The files of a file input or a drop.
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
