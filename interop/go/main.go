// Command fugue-interop is a third-party go-libp2p peer written from docs/protocol.md only. It
// joins a Fugue network through a bootnode with its DHT in client or server mode, receives and
// decodes block announcements on the beacon's and a shard's blocks topic, syncs a range of
// finalized blocks over the sync protocol, and gossips a signed transfer until a synced block
// includes it. Every step prints one "ok ..." line; any failure exits non-zero with a reason.
//
//	fugue-interop -bootnode /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW... -network devnet \
//	    -dht client -shard 1 -chain-id 1337 -key <hex secp256k1 key> -to <hex address>
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
	"github.com/libp2p/go-libp2p"
	dht "github.com/libp2p/go-libp2p-kad-dht"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"golang.org/x/crypto/sha3"
)

type options struct {
	bootnode string
	network  string
	dhtMode  string
	shard    uint32
	chainID  uint64
	key      string
	to       string
	nonce    uint64
	timeout  time.Duration
}

func main() {
	var o options
	var shard uint
	flag.StringVar(&o.bootnode, "bootnode", "", "bootnode multiaddr ending in /p2p/<peer id>")
	flag.StringVar(&o.network, "network", "devnet", "network name")
	flag.StringVar(&o.dhtMode, "dht", "client", "DHT mode: client or server")
	flag.UintVar(&shard, "shard", 1, "shard to sync and send the transfer on (>= 1)")
	flag.Uint64Var(&o.chainID, "chain-id", 0, "chain id")
	flag.StringVar(&o.key, "key", "", "hex secp256k1 private key of a funded account on the shard")
	flag.StringVar(&o.to, "to", "", "hex 20-byte recipient address")
	flag.Uint64Var(&o.nonce, "nonce", 0, "the sender's next nonce")
	flag.DurationVar(&o.timeout, "timeout", 120*time.Second, "deadline for the whole run")
	flag.Parse()
	o.shard = uint32(shard)
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		os.Exit(1)
	}
	fmt.Println("ok all")
}

func run(o options) error {
	if o.bootnode == "" || o.key == "" || o.to == "" || o.chainID == 0 || o.shard == 0 {
		return errors.New("-bootnode, -key, -to, -chain-id and -shard >= 1 are required")
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()

	h, err := libp2p.New(libp2p.ListenAddrStrings("/ip4/127.0.0.1/tcp/0"))
	if err != nil {
		return fmt.Errorf("host: %w", err)
	}
	defer h.Close()

	mode := dht.ModeClient
	if o.dhtMode == "server" {
		mode = dht.ModeServer
	} else if o.dhtMode != "client" {
		return fmt.Errorf("-dht must be client or server, not %q", o.dhtMode)
	}
	boot, err := peer.AddrInfoFromString(o.bootnode)
	if err != nil {
		return fmt.Errorf("bootnode: %w", err)
	}
	kad, err := dht.New(h, dht.Mode(mode), dht.ProtocolPrefix(protocol.ID("/fugue/"+o.network)),
		dht.BootstrapPeers(*boot))
	if err != nil {
		return fmt.Errorf("dht: %w", err)
	}
	defer kad.Close()
	if err := h.Connect(ctx, *boot); err != nil {
		return fmt.Errorf("connect to bootnode: %w", err)
	}
	if err := kad.Bootstrap(ctx); err != nil {
		return fmt.Errorf("dht bootstrap: %w", err)
	}
	fmt.Printf("ok joined as %s, dht %s\n", h.ID(), o.dhtMode)

	ps, err := pubsub.NewGossipSub(ctx, h)
	if err != nil {
		return fmt.Errorf("gossipsub: %w", err)
	}
	// The DHT finds the validators; gossipsub never dials, so connect to what it knows.
	go dialRoutingTable(ctx, h, kad)

	beacon, err := subscribe(ps, topic(o.network, 0, "blocks"))
	if err != nil {
		return err
	}
	shardBlocks, err := subscribe(ps, topic(o.network, o.shard, "blocks"))
	if err != nil {
		return err
	}
	for _, s := range []struct {
		sub   *pubsub.Subscription
		shard uint32
	}{{beacon, 0}, {shardBlocks, o.shard}} {
		n, err := awaitAnnouncement(ctx, s.sub, s.shard)
		if err != nil {
			return err
		}
		fmt.Printf("ok announcement shard %d block %d\n", s.shard, n)
	}

	syncPeer, blocks, err := syncFromAnyPeer(ctx, h, o.network, o.shard, 1, 3)
	if err != nil {
		return err
	}
	fmt.Printf("ok synced shard %d blocks 1..%d from %s\n", o.shard, len(blocks), syncPeer)

	tx, txHash, err := transfer(o)
	if err != nil {
		return err
	}
	txs, err := ps.Join(topic(o.network, o.shard, "txs"))
	if err != nil {
		return fmt.Errorf("join txs: %w", err)
	}
	for len(txs.ListPeers()) == 0 {
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			return errors.New("no peer of the txs topic")
		}
	}
	if err := txs.Publish(ctx, tx); err != nil {
		return fmt.Errorf("publish transfer: %w", err)
	}
	fmt.Printf("ok published transfer %x\n", txHash)

	next := uint64(len(blocks)) + 1
	for {
		got, err := syncRange(ctx, h, syncPeer, o.network, o.shard, next, 16)
		if err != nil {
			return err
		}
		for i, b := range got {
			found, err := blockHasTx(b.block, txHash)
			if err != nil {
				return fmt.Errorf("block %d: %w", next+uint64(i), err)
			}
			if found {
				fmt.Printf("ok transfer included in shard %d block %d\n", o.shard, next+uint64(i))
				return nil
			}
		}
		next += uint64(len(got))
		if err := sleep(ctx, 300*time.Millisecond); err != nil {
			return errors.New("transfer not included before the deadline")
		}
	}
}

func topic(network string, shard uint32, kind string) string {
	return fmt.Sprintf("/fugue/%s/%d/%s", network, shard, kind)
}

func subscribe(ps *pubsub.PubSub, name string) (*pubsub.Subscription, error) {
	t, err := ps.Join(name)
	if err != nil {
		return nil, fmt.Errorf("join %s: %w", name, err)
	}
	return t.Subscribe()
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

func dialRoutingTable(ctx context.Context, h host.Host, kad *dht.IpfsDHT) {
	for ctx.Err() == nil {
		for _, p := range kad.RoutingTable().ListPeers() {
			if h.Network().Connectedness(p) != network.Connected {
				_ = h.Connect(ctx, peer.AddrInfo{ID: p, Addrs: h.Peerstore().Addrs(p)})
			}
		}
		_ = sleep(ctx, 500*time.Millisecond)
	}
}

// awaitAnnouncement reads announcement = u32 len ‖ header(len) ‖ commitProof and checks that the
// header is of the shard and that the proof names its number and hash.
func awaitAnnouncement(ctx context.Context, sub *pubsub.Subscription, shard uint32) (uint64, error) {
	for {
		msg, err := sub.Next(ctx)
		if err != nil {
			return 0, fmt.Errorf("no announcement on %s: %w", sub.Topic(), err)
		}
		d := msg.Data
		if len(d) < 4 {
			return 0, errors.New("announcement shorter than its length prefix")
		}
		n := binary.BigEndian.Uint32(d)
		if uint64(len(d)-4) < uint64(n) {
			return 0, errors.New("announcement header runs past the message")
		}
		header := d[4 : 4+n]
		proof, err := decodeCommitProof(d[4+n:])
		if err != nil {
			return 0, err
		}
		hs, number, err := decodeHeader(header)
		if err != nil {
			return 0, err
		}
		if hs != shard || number != proof.height || !bytes.Equal(keccak(header), proof.hash) {
			return 0, fmt.Errorf("announcement of shard %d block %d does not match its proof", hs, number)
		}
		return number, nil
	}
}

type commitProof struct {
	height uint64
	view   uint64
	hash   []byte
}

// decodeCommitProof: u64 height ‖ u64 view ‖ H(32) ‖ aggSig(96) ‖ u16 n ‖ bitmap(n); nothing after.
func decodeCommitProof(b []byte) (commitProof, error) {
	if len(b) < 8+8+32+96+2 {
		return commitProof{}, errors.New("commit proof too short")
	}
	// bitmap(n) is ceil(n/8) bytes, n the committee size (docs/protocol.md, "Bitmap").
	n := int(binary.BigEndian.Uint16(b[144:146]))
	if n == 0 || len(b) != 146+(n+7)/8 {
		return commitProof{}, fmt.Errorf("commit proof of %d bytes for a committee of %d", len(b), n)
	}
	return commitProof{binary.BigEndian.Uint64(b), binary.BigEndian.Uint64(b[8:]), b[16:48]}, nil
}

// decodeHeader: 0x01 ‖ rlp([19 fields]); returns shardId (field 0) and number (field 1).
func decodeHeader(b []byte) (uint32, uint64, error) {
	if len(b) == 0 || b[0] != 0x01 {
		return 0, 0, errors.New("header without version 1")
	}
	fields, err := rlpList(b[1:])
	if err != nil {
		return 0, 0, fmt.Errorf("header: %w", err)
	}
	if len(fields) != 19 {
		return 0, 0, fmt.Errorf("header with %d fields", len(fields))
	}
	shard, err := rlpUint(fields[0])
	if err != nil {
		return 0, 0, err
	}
	number, err := rlpUint(fields[1])
	return uint32(shard), number, err
}

type synced struct {
	block []byte
	proof commitProof
}

func syncFromAnyPeer(ctx context.Context, h host.Host, network string, shard uint32, from uint64,
	count uint16) (peer.ID, []synced, error) {
	for ctx.Err() == nil {
		for _, p := range h.Network().Peers() {
			got, err := syncRange(ctx, h, p, network, shard, from, count)
			if err == nil && len(got) > 0 {
				return p, got, nil
			}
		}
		_ = sleep(ctx, 500*time.Millisecond)
	}
	return "", nil, fmt.Errorf("no peer served shard %d from block %d", shard, from)
}

// syncRange sends request = u8 1 ‖ u8 1 ‖ u32 shard ‖ u64 from ‖ u16 count, framed by an unsigned
// LEB128 length, and decodes response = u8 1 ‖ u8 2 ‖ u32 shard ‖ u16 count ‖ count × (u32 len ‖
// block ‖ u16 len ‖ commitProof). A response for another shard (the server's own) is empty.
func syncRange(ctx context.Context, h host.Host, p peer.ID, network string, shard uint32, from uint64,
	count uint16) ([]synced, error) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := h.NewStream(sctx, p, protocol.ID("/fugue/"+network+"/sync/1"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	_ = s.SetDeadline(time.Now().Add(10 * time.Second))
	req := make([]byte, 16)
	req[0], req[1] = 1, 1
	binary.BigEndian.PutUint32(req[2:], shard)
	binary.BigEndian.PutUint64(req[6:], from)
	binary.BigEndian.PutUint16(req[14:], count)
	if _, err := s.Write(append(binary.AppendUvarint(nil, uint64(len(req))), req...)); err != nil {
		return nil, err
	}
	if err := s.CloseWrite(); err != nil {
		return nil, err
	}
	r := &byteReader{s}
	size, err := binary.ReadUvarint(r)
	if err != nil || size > 16<<20 {
		return nil, fmt.Errorf("response length: %v (%d)", err, size)
	}
	body := make([]byte, size)
	if _, err := io.ReadFull(s, body); err != nil {
		return nil, err
	}
	if len(body) < 8 || body[0] != 1 || body[1] != 2 {
		return nil, errors.New("not a version-1 sync response")
	}
	if got := binary.BigEndian.Uint32(body[2:]); got != shard {
		return nil, nil // the peer serves another shard
	}
	n := int(binary.BigEndian.Uint16(body[6:]))
	rest := body[8:]
	out := make([]synced, 0, n)
	for i := 0; i < n; i++ {
		if len(rest) < 4 {
			return nil, errors.New("truncated block length")
		}
		bl := int(binary.BigEndian.Uint32(rest))
		if len(rest) < 4+bl+2 {
			return nil, errors.New("truncated block")
		}
		block := rest[4 : 4+bl]
		pl := int(binary.BigEndian.Uint16(rest[4+bl:]))
		if len(rest) < 6+bl+pl {
			return nil, errors.New("truncated proof")
		}
		proof, err := decodeCommitProof(rest[6+bl : 6+bl+pl])
		if err != nil {
			return nil, err
		}
		rest = rest[6+bl+pl:]
		header, err := blockHeader(block)
		if err != nil {
			return nil, err
		}
		hs, number, err := decodeHeader(header)
		if err != nil {
			return nil, err
		}
		if hs != shard || number != from+uint64(i) || proof.height != number ||
			!bytes.Equal(keccak(header), proof.hash) {
			return nil, fmt.Errorf("synced block %d does not match its proof", from+uint64(i))
		}
		out = append(out, synced{block, proof})
	}
	if len(rest) != 0 {
		return nil, errors.New("trailing bytes after the sync response")
	}
	return out, nil
}

type byteReader struct{ r io.Reader }

func (b *byteReader) ReadByte() (byte, error) {
	var one [1]byte
	_, err := io.ReadFull(b.r, one[:])
	return one[0], err
}

// blockHeader: block = 0x01 ‖ rlp([header, body]), each a byte string of its typed encoding.
func blockHeader(block []byte) ([]byte, error) {
	parts, err := blockParts(block)
	if err != nil {
		return nil, err
	}
	return parts[0], nil
}

func blockParts(block []byte) ([][]byte, error) {
	if len(block) == 0 || block[0] != 0x01 {
		return nil, errors.New("block without version 1")
	}
	items, err := rlpList(block[1:])
	if err != nil {
		return nil, fmt.Errorf("block: %w", err)
	}
	if len(items) != 2 {
		return nil, errors.New("block is not [header, body]")
	}
	var out [][]byte
	for _, it := range items {
		s, err := rlpString(it)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// blockHasTx: body = 0x01 ‖ rlp([[tx, …], [incomingReceipts, …], [crosslink, …]]).
func blockHasTx(block []byte, txHash []byte) (bool, error) {
	parts, err := blockParts(block)
	if err != nil {
		return false, err
	}
	body := parts[1]
	if len(body) == 0 || body[0] != 0x01 {
		return false, errors.New("body without version 1")
	}
	lists, err := rlpList(body[1:])
	if err != nil || len(lists) != 3 {
		return false, fmt.Errorf("body: %v", err)
	}
	txs, err := rlpList(lists[0])
	if err != nil {
		return false, err
	}
	for _, t := range txs {
		raw, err := rlpString(t)
		if err != nil {
			return false, err
		}
		if bytes.Equal(keccak(raw), txHash) {
			return true, nil
		}
	}
	return false, nil
}

// transfer builds tx = 0x01 ‖ rlp([chainId, nonce, shardId, fee, [toShardId, to, value, data],
// signature]) with signature = r ‖ s ‖ v over H(0x01 ‖ rlp([chainId, nonce, shardId, fee, body])).
func transfer(o options) ([]byte, []byte, error) {
	keyBytes, err := hex.DecodeString(strings.TrimPrefix(o.key, "0x"))
	if err != nil || len(keyBytes) != 32 {
		return nil, nil, errors.New("-key must be 32 bytes of hex")
	}
	to, err := hex.DecodeString(strings.TrimPrefix(o.to, "0x"))
	if err != nil || len(to) != 20 {
		return nil, nil, errors.New("-to must be 20 bytes of hex")
	}
	priv := secp256k1.PrivKeyFromBytes(keyBytes)
	body := rlpEncodeList(rlpUintBytes(uint64(o.shard)), rlpBytes(to), rlpBig(big.NewInt(1000)), rlpBytes(nil))
	common := [][]byte{rlpUintBytes(o.chainID), rlpUintBytes(o.nonce), rlpUintBytes(uint64(o.shard)),
		rlpBig(big.NewInt(21000)), body}
	payload := append([]byte{0x01}, rlpEncodeList(common...)...)
	compact := ecdsa.SignCompact(priv, keccak(payload), false) // [27+v] ‖ r ‖ s, low s
	sig := append(append([]byte{}, compact[1:]...), compact[0]-27)
	tx := append([]byte{0x01}, rlpEncodeList(append(common, rlpBytes(sig))...)...)
	return tx, keccak(tx), nil
}

func keccak(b []byte) []byte {
	h := sha3.NewLegacyKeccak256()
	h.Write(b)
	return h.Sum(nil)
}

// --- RLP (docs/protocol.md "RLP, strict") ---

func rlpBytes(b []byte) []byte {
	if len(b) == 1 && b[0] < 0x80 {
		return []byte{b[0]}
	}
	return append(rlpHeader(0x80, len(b)), b...)
}

func rlpEncodeList(items ...[]byte) []byte {
	var payload []byte
	for _, it := range items {
		payload = append(payload, it...)
	}
	return append(rlpHeader(0xc0, len(payload)), payload...)
}

func rlpHeader(base byte, n int) []byte {
	if n < 56 {
		return []byte{base + byte(n)}
	}
	l := big.NewInt(int64(n)).Bytes()
	return append([]byte{base + 55 + byte(len(l))}, l...)
}

func rlpUintBytes(v uint64) []byte { return rlpBig(new(big.Int).SetUint64(v)) }

func rlpBig(v *big.Int) []byte { return rlpBytes(v.Bytes()) }

// rlpItem splits the first item off b: its kind, its payload and the rest.
func rlpItem(b []byte) (isList bool, payload, rest []byte, err error) {
	if len(b) == 0 {
		return false, nil, nil, errors.New("rlp: empty input")
	}
	p := b[0]
	var off, n int
	switch {
	case p < 0x80:
		return false, b[:1], b[1:], nil
	case p < 0xb8:
		off, n = 1, int(p-0x80)
	case p < 0xc0:
		off, n, err = rlpLong(b, int(p-0xb7))
	case p < 0xf8:
		isList, off, n = true, 1, int(p-0xc0)
	default:
		isList = true
		off, n, err = rlpLong(b, int(p-0xf7))
	}
	if err != nil {
		return false, nil, nil, err
	}
	if len(b) < off+n {
		return false, nil, nil, errors.New("rlp: item runs past its input")
	}
	return isList, b[off : off+n], b[off+n:], nil
}

func rlpLong(b []byte, ll int) (int, int, error) {
	if ll > 4 || len(b) < 1+ll || b[1] == 0 {
		return 0, 0, errors.New("rlp: bad long length")
	}
	n := 0
	for _, c := range b[1 : 1+ll] {
		n = n<<8 | int(c)
	}
	if n < 56 {
		return 0, 0, errors.New("rlp: long form for a short length")
	}
	return 1 + ll, n, nil
}

// rlpList decodes a whole input that is one list and returns its items' full encodings.
func rlpList(b []byte) ([][]byte, error) {
	isList, payload, rest, err := rlpItem(b)
	if err != nil {
		return nil, err
	}
	if !isList || len(rest) != 0 {
		return nil, errors.New("rlp: not exactly one list")
	}
	var items [][]byte
	for len(payload) > 0 {
		_, _, r, err := rlpItem(payload)
		if err != nil {
			return nil, err
		}
		items = append(items, payload[:len(payload)-len(r)])
		payload = r
	}
	return items, nil
}

func rlpString(b []byte) ([]byte, error) {
	isList, payload, rest, err := rlpItem(b)
	if err != nil || isList || len(rest) != 0 {
		return nil, fmt.Errorf("rlp: not one string (%v)", err)
	}
	return payload, nil
}

func rlpUint(b []byte) (uint64, error) {
	s, err := rlpString(b)
	if err != nil {
		return 0, err
	}
	if len(s) > 8 || (len(s) > 0 && s[0] == 0) {
		return 0, errors.New("rlp: not a canonical uint64")
	}
	var v uint64
	for _, c := range s {
		v = v<<8 | uint64(c)
	}
	return v, nil
}
