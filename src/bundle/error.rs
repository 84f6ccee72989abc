//! Bundle errors name the file, the item and the field, so a person can fix the file
//! from the message alone: `bundle.json: statement "hrw-2004/arrests": field "quote":
//! not found verbatim in source text sources/000.txt`.

use std::fmt;

/// What went wrong, for callers that branch on it. New kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not JSON, or not the expected JSON shape (wrong type, not an object).
    Syntax,
    /// A required field is absent.
    MissingField,
    /// A field this format does not define.
    UnknownField,
    /// A field's value is not allowed (bad date, kind, url, empty text, ...).
    InvalidValue,
    /// An id used twice.
    DuplicateId,
    /// A reference to an id that does not exist.
    DanglingReference,
    /// A quote that its source text does not contain.
    QuoteNotInSource,
    /// A source text file that could not be read.
    SourceText,
    /// A field, list or file larger than the limits in `bundle::limits`.
    TooLarge,
    /// A compiled bundle that is truncated, corrupted, or of another version.
    Compiled,
    /// More errors than are reported (`bundle::rules::MAX_ERRORS`): the last error says so.
    TooManyErrors,
}

/// One problem in a bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleError {
    kind: ErrorKind,
    file: String,
    item: Option<String>,
    field: Option<String>,
    message: String,
}

impl BundleError {
    pub fn new(kind: ErrorKind, file: &str, message: impl Into<String>) -> Self {
        BundleError { kind, file: file.to_string(), item: None, field: None, message: message.into() }
    }

    /// The item the error is about, such as `statement "hrw-2004/arrests"`.
    pub fn item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    pub fn file(&self) -> &str {
        &self.file
    }
    pub fn item_name(&self) -> Option<&str> {
        self.item.as_deref()
    }
    pub fn field_name(&self) -> Option<&str> {
        self.field.as_deref()
    }
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ": {item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field \"{field}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for BundleError {}

/// Every problem found in one bundle (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleErrors(pub Vec<BundleError>);

impl BundleErrors {
    pub fn errors(&self) -> &[BundleError] {
        &self.0
    }
}

impl From<BundleError> for BundleErrors {
    fn from(error: BundleError) -> Self {
        BundleErrors(vec![error])
    }
}

impl fmt::Display for BundleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BundleErrors {}
