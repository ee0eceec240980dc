"""web3.py against a Fugue shard's Ethereum JSON-RPC: run by EthClientsIT with
RPC_URL CHAIN_ID PRIVATE_KEY RECIPIENT. Prints one line, "ok ...", or fails with a message."""

import sys

from eth_account import Account
from web3 import Web3

url, chain_id, key, recipient = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
w3 = Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": 30}))
assert w3.is_connected(), "is_connected() is false"
assert w3.eth.chain_id == chain_id, f"chain id {w3.eth.chain_id} != {chain_id}"
assert w3.eth.block_number >= 1, "no blocks"
account = Account.from_key(key)
to = Web3.to_checksum_address(recipient)
sender_before = w3.eth.get_balance(account.address)
to_before = w3.eth.get_balance(to)
nonce = w3.eth.get_transaction_count(account.address, "pending")
gas_price = w3.eth.gas_price

legacy = {
    "chainId": chain_id, "nonce": nonce, "to": to, "value": 1000,
    "gas": 21000, "gasPrice": gas_price,
}
dynamic = {
    "chainId": chain_id, "nonce": nonce + 1, "to": to, "value": 2000, "gas": 21000,
    "maxFeePerGas": gas_price * 2, "maxPriorityFeePerGas": w3.eth.max_priority_fee,
    "type": 2,
}
fees = 0
hashes = []
for tx in (legacy, dynamic):
    signed = Account.sign_transaction(tx, key)
    sent = w3.eth.send_raw_transaction(signed.raw_transaction)
    assert sent == signed.hash, "the node's hash differs from the Ethereum hash"
    receipt = w3.eth.wait_for_transaction_receipt(sent, timeout=60, poll_latency=0.2)
    assert receipt.status == 1, f"status {receipt.status}"
    assert receipt["from"] == account.address and receipt.to == to, "from/to"
    fees += receipt.gasUsed * receipt.effectiveGasPrice
    block = w3.eth.get_block(receipt.blockNumber, full_transactions=True)
    assert any(t.hash == sent for t in block.transactions), "tx missing from its block"
    hashes.append("0x" + sent.hex().removeprefix("0x"))

assert w3.eth.get_balance(to) == to_before + 3000, "recipient balance"
assert w3.eth.get_balance(account.address) == sender_before - 3000 - fees, "sender balance"
assert w3.eth.get_transaction_count(account.address) == nonce + 2, "nonce"
print("ok web3.py", " ".join(hashes))
