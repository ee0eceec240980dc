# Cross-check of docs/protocol.md "## Encodings", written from that document, not from the Java
# code: re-derives the worked examples (RLP, transaction, signature, ListRoot, header hash).
# Not part of the build. Run: python3 -m venv v && v/bin/pip install pycryptodome cryptography
#      && v/bin/python chain/src/test/python/encodings_crosscheck.py
from Crypto.Hash import keccak
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives import hashes

def H(b): k = keccak.new(digest_bits=256); k.update(b); return k.digest()
def enc_len(n, base):
    if n < 56: return bytes([base + n])
    l = n.to_bytes((n.bit_length() + 7)//8, 'big'); return bytes([base + 55 + len(l)]) + l
def rlp(x):
    if isinstance(x, list):
        p = b''.join(rlp(i) for i in x); return enc_len(len(p), 0xc0) + p
    if len(x) == 1 and x[0] < 0x80: return x
    return enc_len(len(x), 0x80) + x
def uint(n): return b'' if n == 0 else n.to_bytes((n.bit_length()+7)//8, 'big')
def u64be(n): return n.to_bytes(8, 'big')

def mth(ds):
    if len(ds) == 1: return H(b'\x00' + ds[0])
    k = 1
    while k * 2 < len(ds): k *= 2
    return H(b'\x01' + mth(ds[:k]) + mth(ds[k:]))
def listroot(ds): return bytes(32) if not ds else H(b'\x02' + u64be(len(ds)) + mth(ds))

priv = int('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', 16)
to = bytes.fromhex('7E5F4552091A69125d5DfCb7b8C2659029395Bdf')
body = [uint(2), to, uint(10**18), b'']
unsigned = [uint(1666), uint(0), uint(1), uint(21000), body]
payload = bytes([1]) + rlp(unsigned)
print('payload', payload.hex())
digest = H(payload); print('H(payload)', digest.hex())

# Check the Java signature from the doc: verify with the public key of priv (cryptography lib).
tx_hex = ('01f86c8206828001825208e002947e5f4552091a69125d5dfcb7b8c2659029395bdf880de0b6b3a7640000'
  '80b841488df4e46903584f825f42cfa4964692abe355ce24c76dbc27f7443fcc29a40a59a638696624ba'
  'a243e6c70a7213a2ca4a71df63ceac12afefa0b8bd79ecf8b200')
sig = bytes.fromhex(tx_hex)[-65:]
r, s, v = int.from_bytes(sig[:32], 'big'), int.from_bytes(sig[32:64], 'big'), sig[64]
n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141
sk = ec.derive_private_key(priv, ec.SECP256K1())
sk.public_key().verify(utils.encode_dss_signature(r, s), digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
print('signature verifies; low s:', s <= n // 2, 'v =', v)
pub = sk.public_key().public_numbers()
addr = H(pub.x.to_bytes(32, 'big') + pub.y.to_bytes(32, 'big'))[12:]
print('address', addr.hex())

tx = bytes([1]) + rlp(unsigned + [sig])
print('tx matches doc', tx.hex() == tx_hex)
print('txHash', H(tx).hex())
print('ListRoot([tx])', listroot([tx]).hex())
print('ListRoot([1,2,3])', listroot([b'\x01', b'\x02', b'\x03']).hex())
z32 = bytes(32)
header = [uint(1), uint(0), uint(0), uint(0), z32, uint(1764000000000), bytes(20), z32,
          listroot([tx]), z32, z32, z32, bytes(96), b'', b'', b'', z32, z32, b'']
print('headerHash', H(bytes([1]) + rlp(header)).hex())
