//! The data files the workspace runs on (templates, public assets, the method bank and
//! the programmes), built into the binary so that it runs alone in any folder. A folder
//! named by a flag replaces the built-in one, for a customised installation.
//!
//! Reading is all this module does; the parsing lives in [`crate::domain`], which gets
//! file names and texts.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::domain::lang::Lang;
use crate::domain::methods::Method;
use crate::domain::programme::{DefinitionError, Programme};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");
static PHASES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/phases");

/// The programme served when none is named.
pub const DEFAULT_PROGRAMME: &str = "regionerna-2050";

/// The folder of the method bank inside `phases/`.
const METHODS: &str = "methods";

/// A folder of data files: built into the binary, or on disk.
#[derive(Debug, Clone)]
pub enum Folder {
    /// Built in; `name` is the folder in the source tree it was taken from.
    Embedded {
        name: String,
        dir: &'static Dir<'static>,
    },
    Disk(PathBuf),
}

impl From<PathBuf> for Folder {
    fn from(path: PathBuf) -> Folder {
        Folder::Disk(path)
    }
}

impl fmt::Display for Folder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Folder::Embedded { name, .. } => write!(f, "{name} (built in)"),
            Folder::Disk(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A folder named by a flag that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderError {
    pub flag: String,
    pub path: PathBuf,
    pub problem: String,
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.flag, self.path.display(), self.problem)
    }
}

impl std::error::Error for FolderError {}

impl Folder {
    pub fn shipped_templates() -> Folder {
        Folder::Embedded {
            name: "templates".into(),
            dir: &TEMPLATES,
        }
    }

    pub fn shipped_assets() -> Folder {
        Folder::Embedded {
            name: "assets".into(),
            dir: &ASSETS,
        }
    }

    pub fn shipped_methods() -> Folder {
        Folder::Embedded {
            name: "phases/methods".into(),
            dir: PHASES.get_dir(METHODS).expect("phases/methods is built in"),
        }
    }

    /// A programme shipped in `phases/`, by its folder name (`regionerna-2050`, `dialogarena`).
    pub fn shipped_programme(name: &str) -> Option<Folder> {
        PHASES
            .dirs()
            .find(|d| d.path() != Path::new(METHODS) && d.path() == Path::new(name))
            .map(|dir| Folder::Embedded {
                name: format!("phases/{name}"),
                dir,
            })
    }

    /// The names of the shipped programmes.
    pub fn shipped_programmes() -> Vec<&'static str> {
        PHASES
            .dirs()
            .filter(|d| d.path() != Path::new(METHODS))
            .filter_map(|d| d.path().to_str())
            .collect()
    }

    pub fn default_programme() -> Folder {
        Folder::shipped_programme(DEFAULT_PROGRAMME).expect("the default programme is built in")
    }

    /// A folder given by `flag`: it must exist and hold at least one file.
    pub fn from_flag(flag: &str, path: &Path) -> Result<Folder, FolderError> {
        let problem = |problem: &str| FolderError {
            flag: flag.to_string(),
            path: path.to_path_buf(),
            problem: problem.to_string(),
        };
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => problem("no such folder"),
            _ => problem(&format!("cannot be read: {e}")),
        })?;
        if !meta.is_dir() {
            return Err(problem("is not a folder"));
        }
        let files = walk(path, path).map_err(|e| problem(&format!("cannot be read: {e}")))?;
        if files.is_empty() {
            return Err(problem("the folder is empty"));
        }
        Ok(Folder::Disk(path.to_path_buf()))
    }

    /// The programme named by `--programme`: a folder, or else the name of a shipped one.
    pub fn programme_from_flag(flag: &str, path: &Path) -> Result<Folder, FolderError> {
        if !path.exists()
            && let Some(shipped) = path.to_str().and_then(Folder::shipped_programme)
        {
            return Ok(shipped);
        }
        Folder::from_flag(flag, path).map_err(|mut e| {
            if !path.exists() {
                e.problem = format!(
                    "{}, nor the name of a shipped programme ({})",
                    e.problem,
                    Folder::shipped_programmes().join(", ")
                );
            }
            e
        })
    }

    /// Where errors say a file is: the folder on disk, or its place in the source tree.
    pub fn path(&self) -> PathBuf {
        match self {
            Folder::Embedded { name, .. } => PathBuf::from(name),
            Folder::Disk(path) => path.clone(),
        }
    }

    /// The file at `name` (a path relative to the folder, with `/`); `None` when absent.
    pub fn read(&self, name: &str) -> io::Result<Option<Cow<'static, [u8]>>> {
        if !is_relative_name(name) {
            return Ok(None);
        }
        match self {
            Folder::Embedded { dir, .. } => Ok(dir
                .get_file(dir.path().join(name))
                .map(|f| Cow::Borrowed(f.contents()))),
            Folder::Disk(path) => match std::fs::read(path.join(name)) {
                Ok(bytes) => Ok(Some(Cow::Owned(bytes))),
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::IsADirectory
                    ) =>
                {
                    Ok(None)
                }
                Err(e) => Err(e),
            },
        }
    }

    /// The text of the file at `name`; a missing file is a `NotFound` error naming it.
    /// This is how the demo loader reads the chosen programme's `demo.toml`.
    pub fn read_to_string(&self, name: &str) -> io::Result<String> {
        let bytes = self.read(name)?.ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file", self.path().join(name).display()),
            )
        })?;
        String::from_utf8(bytes.into_owned()).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: not UTF-8 text", self.path().join(name).display()),
            )
        })
    }

    /// The names of all files in the folder and below whose names end in `.{ext}`, sorted.
    pub fn list(&self, ext: &str) -> io::Result<Vec<String>> {
        let mut names: Vec<String> = match self {
            Folder::Embedded { dir, .. } => {
                let mut names = Vec::new();
                embedded_files(dir, dir.path(), &mut names);
                names
            }
            Folder::Disk(path) => walk(path, path)?,
        };
        names.retain(|n| n.ends_with(&format!(".{ext}")));
        names.sort();
        Ok(names)
    }

    /// Name and text of each file directly in the folder whose name ends in `.{ext}`,
    /// sorted by name.
    pub fn texts(&self, ext: &str) -> io::Result<Vec<(String, String)>> {
        self.list(ext)?
            .into_iter()
            .filter(|name| !name.contains('/'))
            .map(|name| {
                let text = self.read_to_string(&name)?;
                Ok((name, text))
            })
            .collect()
    }
}

/// The programme in `folder`, checked.
pub fn load_programme(folder: &Folder) -> Result<Programme, DefinitionError> {
    let files = folder.texts("toml").map_err(|e| unreadable(folder, e))?;
    Programme::from_files(&folder.path(), &files)
}

/// The method bank in `folder`, checked; a folder without methods is an error.
pub fn load_methods(folder: &Folder, lang: Lang) -> Result<Vec<Method>, DefinitionError> {
    let files = folder.texts("toml").map_err(|e| unreadable(folder, e))?;
    if files.is_empty() {
        return Err(DefinitionError {
            file: folder.path(),
            field: String::new(),
            message: "no method files (*.toml)".into(),
        });
    }
    crate::domain::methods::from_files(&folder.path(), &files, lang)
}

fn unreadable(folder: &Folder, error: io::Error) -> DefinitionError {
    DefinitionError {
        file: folder.path(),
        field: String::new(),
        message: format!("cannot be read: {error}"),
    }
}

/// A name inside a folder: relative, without `..`, `.` or hidden parts.
fn is_relative_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && name
            .split('/')
            .all(|part| !part.is_empty() && !part.starts_with('.'))
}

fn embedded_files(dir: &Dir<'static>, root: &Path, out: &mut Vec<String>) {
    for file in dir.files() {
        if let Some(name) = file.path().strip_prefix(root).ok().and_then(|p| p.to_str()) {
            out.push(name.replace('\\', "/"));
        }
    }
    for sub in dir.dirs() {
        embedded_files(sub, root, out);
    }
}

/// The files below `dir`, as names relative to `root` with `/`.
fn walk(root: &Path, dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            names.extend(walk(root, &path)?);
        } else if let Some(name) = path.strip_prefix(root).ok().and_then(|p| p.to_str()) {
            names.push(name.replace('\\', "/"));
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_folders_are_built_in() {
        assert!(Folder::shipped_templates().list("html").unwrap().len() > 10);
        let css = Folder::shipped_assets()
            .read("framsyn.css")
            .unwrap()
            .unwrap();
        assert!(!css.is_empty());
        assert_eq!(
            Folder::shipped_programmes(),
            vec!["dialogarena", "regionerna-2050"]
        );
        let demo = Folder::default_programme()
            .read_to_string("demo.toml")
            .unwrap();
        assert!(!demo.is_empty());
    }

    #[test]
    fn names_leaving_the_folder_find_nothing() {
        let assets = Folder::shipped_assets();
        for name in ["../Cargo.toml", "/etc/passwd", ".hidden", "a//b", ""] {
            assert!(assets.read(name).unwrap().is_none(), "{name}");
        }
    }

    #[test]
    fn a_missing_or_empty_folder_names_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        let error = Folder::from_flag("--methods", dir.path()).unwrap_err();
        assert_eq!(error.problem, "the folder is empty");
        assert!(error.to_string().starts_with("--methods "), "{error}");
        let missing = dir.path().join("nowhere");
        let error = Folder::from_flag("--templates", &missing).unwrap_err();
        assert_eq!(error.problem, "no such folder");
    }

    #[test]
    fn a_shipped_programme_may_be_named() {
        let folder = Folder::programme_from_flag("--programme", Path::new("dialogarena")).unwrap();
        assert_eq!(load_programme(&folder).unwrap().slug, "dialogarena");
        let error =
            Folder::programme_from_flag("--programme", Path::new("no-such-programme")).unwrap_err();
        assert!(error.problem.contains("regionerna-2050"), "{error}");
    }
}
