//! The static vector table: one int8 row per word piece, distilled from all-MiniLM-L6-v2
//! by `tools/distill_static_vectors.py` (format in `assets/vectors/README.md`). Decoding
//! checks every count against the bytes that remain before allocating, so a crafted
//! file is an error, never an abort.

use std::collections::HashMap;
use std::fmt;

use super::wordpiece;

const MAGIC: &[u8; 6] = b"CCVEC\x01";
/// Limits far above the shipped table (128 × ~12k) and far below what would hurt.
const MAX_DIMS: usize = 1024;
const MAX_TOKENS: usize = 200_000;
const MAX_TOKEN_BYTES: usize = 100;

/// What is wrong with a vector table, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct VectorsError {
    pub name: String,
    pub message: String,
}

impl fmt::Display for VectorsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for VectorsError {}

pub struct StaticVectors {
    dims: usize,
    scale: f32,
    ids: HashMap<String, u32>,
    rows: Vec<i8>,
}

/// A unit-length vector.
pub type Unit = Vec<f32>;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    fn fail<T>(&self, message: String) -> Result<T, VectorsError> {
        Err(VectorsError { name: self.name.to_string(), message })
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], VectorsError> {
        if self.bytes.len() - self.at < n {
            return self.fail(format!("ends inside {what} at byte {} (needs {n} more bytes, has {})", self.at, self.bytes.len() - self.at));
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }
}

impl StaticVectors {
    pub fn decode(bytes: &[u8], name: &str) -> Result<StaticVectors, VectorsError> {
        let mut r = Reader { bytes, at: 0, name };
        if r.take(MAGIC.len(), "the header")? != MAGIC {
            return r.fail("is not a claimcheck vector table (wrong magic bytes; expected \"CCVEC\" version 1)".to_string());
        }
        let dims = u16::from_le_bytes(r.take(2, "the header")?.try_into().unwrap_or_default()) as usize;
        let count = u32::from_le_bytes(r.take(4, "the header")?.try_into().unwrap_or_default()) as usize;
        let scale = f32::from_le_bytes(r.take(4, "the header")?.try_into().unwrap_or_default());
        if dims == 0 || dims > MAX_DIMS {
            return r.fail(format!("dims is {dims}; must be 1..={MAX_DIMS}"));
        }
        if count == 0 || count > MAX_TOKENS {
            return r.fail(format!("count is {count}; must be 1..={MAX_TOKENS}"));
        }
        if !scale.is_finite() || scale <= 0.0 {
            return r.fail(format!("scale is {scale}; must be a positive number"));
        }
        // Each token takes at least 2 bytes and each row `dims`: check before allocating.
        let remaining = bytes.len() - r.at;
        if count.saturating_mul(2 + dims) > remaining {
            return r.fail(format!("declares {count} tokens of {dims} dims, more than its {remaining} remaining bytes can hold"));
        }
        let mut ids = HashMap::with_capacity(count);
        for i in 0..count {
            let len = r.take(1, "a token's length")?[0] as usize;
            if len == 0 || len > MAX_TOKEN_BYTES {
                return r.fail(format!("token {i} has length {len}; must be 1..={MAX_TOKEN_BYTES}"));
            }
            let raw = r.take(len, "a token")?;
            let Ok(token) = std::str::from_utf8(raw) else {
                return r.fail(format!("token {i} is not UTF-8"));
            };
            if ids.insert(token.to_string(), i as u32).is_some() {
                return r.fail(format!("token {i} ({token:?}) appears twice"));
            }
        }
        let rows = r.take(count * dims, "the matrix")?.iter().map(|&b| b as i8).collect();
        if r.at != bytes.len() {
            return r.fail(format!("has {} bytes after the matrix", bytes.len() - r.at));
        }
        Ok(StaticVectors { dims, scale, ids, rows })
    }

    pub fn dims(&self) -> usize {
        self.dims
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Row ids of the word pieces of `text`, words the table cannot cover skipped.
    fn piece_ids(&self, text: &str) -> Vec<u32> {
        let known = |p: &str| self.ids.get(p).copied();
        wordpiece::basic_words(text).iter().filter_map(|w| wordpiece::pieces(w, &known)).flatten().collect()
    }

    /// The mean of the rows of `text`'s word pieces, unit length; `None` when the table
    /// knows none of them.
    pub fn embed(&self, text: &str) -> Option<Unit> {
        let ids = self.piece_ids(text);
        if ids.is_empty() {
            return None;
        }
        let mut sum = vec![0.0f32; self.dims];
        for id in ids {
            let row = &self.rows[id as usize * self.dims..][..self.dims];
            for (s, &v) in sum.iter_mut().zip(row) {
                *s += f32::from(v) * self.scale;
            }
        }
        unit(sum)
    }

    /// Whether the table can read `word` whole, as one piece.
    pub fn knows_word(&self, word: &str) -> bool {
        self.ids.contains_key(word)
    }
}

fn unit(mut v: Vec<f32>) -> Option<Unit> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if !norm.is_finite() || norm <= f32::EPSILON {
        return None;
    }
    v.iter_mut().for_each(|x| *x /= norm);
    Some(v)
}

/// Cosine of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(tokens: &[&str], dims: u16, rows: &[i8]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(dims.to_le_bytes());
        out.extend((tokens.len() as u32).to_le_bytes());
        out.extend(0.5f32.to_le_bytes());
        for t in tokens {
            out.push(t.len() as u8);
            out.extend(t.as_bytes());
        }
        out.extend(rows.iter().map(|&r| r as u8));
        out
    }

    #[test]
    fn embeds_the_mean_of_pieces() {
        let t = StaticVectors::decode(&table(&["brib", "##ery", "cat"], 2, &[2, 0, 0, 2, -2, 0]), "t").unwrap();
        let v = t.embed("Bribery").unwrap();
        assert!((v[0] - v[1]).abs() < 1e-6 && v[0] > 0.0);
        assert!(cosine(&v, &t.embed("cat").unwrap()) < 0.0);
        assert_eq!(t.embed("dog"), None);
    }

    #[test]
    fn crafted_counts_are_errors_not_allocations() {
        let mut bytes = table(&["a"], 2, &[1, 1]);
        bytes[8..12].copy_from_slice(&150_000u32.to_le_bytes());
        let e = StaticVectors::decode(&bytes, "crafted.bin").err().unwrap();
        assert!(e.to_string().starts_with("crafted.bin: declares 150000 tokens"), "{e}");
        let e = StaticVectors::decode(&table(&["a", "a"], 1, &[1, 1]), "dup.bin").err().unwrap();
        assert!(e.message.contains("appears twice"), "{e}");
        let mut trailing = table(&["a"], 1, &[1]);
        trailing.push(0);
        assert!(StaticVectors::decode(&trailing, "x").is_err());
        assert!(StaticVectors::decode(b"CCVEC", "x").is_err());
    }
}
