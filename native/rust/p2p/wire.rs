//! The byte layout shared with `io.fugue.chain.p2p`: big-endian integers, `u32`-length-prefixed
//! byte strings and UTF-8 strings. Every read is bounds-checked, so malformed bytes from Java
//! become an error, never a panic.

use crate::jni_util::{invalid, NativeResult};

/// Reads fields in order from a byte slice.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn take(&mut self, n: usize, what: &str) -> NativeResult<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|end| *end <= self.bytes.len());
        match end {
            Some(end) => {
                let slice = &self.bytes[self.at..end];
                self.at = end;
                Ok(slice)
            }
            None => invalid(format!(
                "truncated {what}: need {n} bytes at offset {}",
                self.at
            )),
        }
    }

    pub fn u8(&mut self, what: &str) -> NativeResult<u8> {
        Ok(self.take(1, what)?[0])
    }

    pub fn bool(&mut self, what: &str) -> NativeResult<bool> {
        match self.u8(what)? {
            0 => Ok(false),
            1 => Ok(true),
            other => invalid(format!("{what}: {other} is not a boolean")),
        }
    }

    pub fn u32(&mut self, what: &str) -> NativeResult<u32> {
        let b = self.take(4, what)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self, what: &str) -> NativeResult<u64> {
        let b = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_be_bytes(a))
    }

    pub fn bytes(&mut self, what: &str) -> NativeResult<Vec<u8>> {
        let len = self.u32(what)? as usize;
        Ok(self.take(len, what)?.to_vec())
    }

    pub fn string(&mut self, what: &str) -> NativeResult<String> {
        let raw = self.bytes(what)?;
        String::from_utf8(raw).or_else(|_| invalid(format!("{what} is not UTF-8")))
    }

    pub fn strings(&mut self, what: &str) -> NativeResult<Vec<String>> {
        let n = self.u32(what)? as usize;
        if n > self.bytes.len() {
            return invalid(format!("{what}: implausible count {n}"));
        }
        (0..n).map(|_| self.string(what)).collect()
    }

    /// Fails unless every byte was consumed, so trailing garbage is never silently ignored.
    pub fn finish(&self, what: &str) -> NativeResult<()> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            invalid(format!(
                "{what}: {} trailing bytes",
                self.bytes.len() - self.at
            ))
        }
    }
}

/// Appends fields to a growing buffer.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Writer { buf: Vec::new() }
    }

    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.buf.push(v);
        self
    }

    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.u8(u8::from(v))
    }

    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.buf.extend_from_slice(&v.to_be_bytes());
        self
    }

    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.buf.extend_from_slice(&v.to_be_bytes());
        self
    }

    /// Lengths above `u32::MAX` cannot occur: every payload is capped far below by the limits.
    pub fn bytes(&mut self, v: &[u8]) -> &mut Self {
        self.u32(u32::try_from(v.len()).unwrap_or(u32::MAX));
        self.buf.extend_from_slice(v);
        self
    }

    pub fn string(&mut self, v: &str) -> &mut Self {
        self.bytes(v.as_bytes())
    }

    pub fn strings<S: AsRef<str>>(&mut self, v: &[S]) -> &mut Self {
        self.u32(u32::try_from(v.len()).unwrap_or(u32::MAX));
        for s in v {
            self.string(s.as_ref());
        }
        self
    }
}
