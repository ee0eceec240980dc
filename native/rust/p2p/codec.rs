//! The sync request/response codec: one unsigned-varint length prefix (LEB128, as multiformats
//! `unsigned-varint`) followed by that many bytes, for both the request and the response. A
//! length above the configured limit is refused before any of the body is read, so a peer cannot
//! make this host allocate more than the limit.

use std::io;

use futures::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use libp2p::request_response;
use libp2p::StreamProtocol;

use super::stats::{add, Stats};
use std::sync::Arc;

/// A varint longer than this many bytes cannot encode a length that fits the limits.
const MAX_VARINT_BYTES: usize = 5;

#[derive(Clone)]
pub struct SyncCodec {
    pub max_request: usize,
    pub max_response: usize,
    /// Counts requests that could not be read (oversize, malformed, truncated): libp2p only logs
    /// those, because no request id exists yet.
    pub stats: Arc<Stats>,
}

/// Encodes `len` as an unsigned LEB128 varint.
pub fn encode_varint(mut len: usize, out: &mut Vec<u8>) {
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads an unsigned LEB128 varint of at most [`MAX_VARINT_BYTES`] bytes.
pub async fn read_varint<T: AsyncRead + Unpin>(io: &mut T) -> io::Result<usize> {
    let mut value: usize = 0;
    for i in 0..MAX_VARINT_BYTES {
        let mut b = [0u8; 1];
        io.read_exact(&mut b).await?;
        value |= usize::from(b[0] & 0x7f) << (7 * i);
        if b[0] & 0x80 == 0 {
            if i > 0 && b[0] == 0 {
                return Err(bad_data("non-minimal varint length"));
            }
            return Ok(value);
        }
    }
    Err(bad_data("varint length longer than 5 bytes"))
}

/// Reads one length-prefixed frame of at most `limit` bytes.
pub async fn read_frame<T: AsyncRead + Unpin>(io: &mut T, limit: usize) -> io::Result<Vec<u8>> {
    let len = read_varint(io).await?;
    if len > limit {
        return Err(bad_data(&format!(
            "frame of {len} bytes exceeds the limit of {limit}"
        )));
    }
    let mut buf = vec![0u8; len];
    io.read_exact(&mut buf).await?;
    Ok(buf)
}

/// Writes one length-prefixed frame, refusing bodies above `limit` (the remote would refuse them).
pub async fn write_frame<T: AsyncWrite + Unpin>(
    io: &mut T,
    body: &[u8],
    limit: usize,
) -> io::Result<()> {
    if body.len() > limit {
        return Err(bad_data(&format!(
            "frame of {} bytes exceeds the limit of {limit}",
            body.len()
        )));
    }
    let mut prefix = Vec::with_capacity(MAX_VARINT_BYTES);
    encode_varint(body.len(), &mut prefix);
    io.write_all(&prefix).await?;
    io.write_all(body).await?;
    io.flush().await
}

fn bad_data(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

impl request_response::Codec for SyncCodec {
    type Protocol = StreamProtocol;
    type Request = Vec<u8>;
    type Response = Vec<u8>;

    async fn read_request<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Vec<u8>>
    where
        T: AsyncRead + Unpin + Send,
    {
        let frame = read_frame(io, self.max_request).await;
        if frame.is_err() {
            add(&self.stats.inbound_request_failures, 1);
        }
        frame
    }

    async fn read_response<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Vec<u8>>
    where
        T: AsyncRead + Unpin + Send,
    {
        read_frame(io, self.max_response).await
    }

    async fn write_request<T>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
        req: Vec<u8>,
    ) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        write_frame(io, &req, self.max_request).await
    }

    async fn write_response<T>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
        res: Vec<u8>,
    ) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        write_frame(io, &res, self.max_response).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use futures::io::Cursor;

    fn framed(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        encode_varint(body.len(), &mut out);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn should_round_trip_frames_of_many_sizes() {
        for len in [0usize, 1, 127, 128, 300, 16_384, 3 << 20] {
            let body: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let mut wire = Cursor::new(Vec::new());
            block_on(write_frame(&mut wire, &body, 4 << 20)).expect("writes");
            let mut read = Cursor::new(wire.into_inner());
            assert_eq!(
                block_on(read_frame(&mut read, 4 << 20)).expect("reads"),
                body
            );
        }
    }

    #[test]
    fn should_refuse_a_length_above_the_limit_before_reading_the_body() {
        let mut wire = Cursor::new(framed(&[7u8; 101])[..3].to_vec());
        let err = block_on(read_frame(&mut wire, 100)).expect_err("over the limit");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn should_refuse_overlong_and_non_minimal_varints() {
        let mut overlong = Cursor::new(vec![0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert!(block_on(read_frame(&mut overlong, usize::MAX)).is_err());
        let mut non_minimal = Cursor::new(vec![0x81, 0x00, 0x00]);
        assert!(block_on(read_frame(&mut non_minimal, 100)).is_err());
    }

    #[test]
    fn should_fail_on_truncated_body() {
        let mut wire = framed(&[1, 2, 3, 4]);
        wire.pop();
        assert!(block_on(read_frame(&mut Cursor::new(wire), 100)).is_err());
    }

    #[test]
    fn should_refuse_to_write_an_oversize_frame() {
        let mut wire = Cursor::new(Vec::new());
        assert!(block_on(write_frame(&mut wire, &[0u8; 11], 10)).is_err());
        assert!(wire.into_inner().is_empty());
    }
}
