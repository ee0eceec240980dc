// ethers v6 against a Fugue shard's Ethereum JSON-RPC: run by EthClientsIT with
// RPC_URL CHAIN_ID PRIVATE_KEY RECIPIENT. Prints one line, "ok ...", or exits non-zero.
import { JsonRpcProvider, Wallet, getAddress } from "ethers";

const [url, chainIdText, key, recipient] = process.argv.slice(2);
const chainId = BigInt(chainIdText);
const fail = (m) => { console.error(m); process.exit(1); };

const provider = new JsonRpcProvider(url, undefined, { pollingInterval: 200 });
const network = await provider.getNetwork();
if (network.chainId !== chainId) fail(`chain id ${network.chainId} != ${chainId}`);
if ((await provider.getBlockNumber()) < 1) fail("no blocks");
const wallet = new Wallet(key, provider);
const to = getAddress(recipient);
const senderBefore = await provider.getBalance(wallet.address);
const toBefore = await provider.getBalance(to);
const nonce = await provider.getTransactionCount(wallet.address, "pending");
const fee = await provider.getFeeData();

let fees = 0n;
const hashes = [];
for (const req of [
  { to, value: 1000n, type: 0, gasPrice: fee.gasPrice, nonce },
  { to, value: 2000n, type: 2, nonce: nonce + 1 },
]) {
  const tx = await wallet.sendTransaction(req);
  const receipt = await tx.wait(1, 60_000);
  if (receipt.status !== 1) fail(`status ${receipt.status}`);
  if (receipt.from !== wallet.address || receipt.to !== to) fail("from/to");
  if (receipt.hash !== tx.hash) fail("hash differs between send and receipt");
  fees += receipt.gasUsed * receipt.gasPrice;
  const block = await provider.getBlock(receipt.blockNumber, true);
  if (!block.prefetchedTransactions.some((t) => t.hash === tx.hash)) fail("tx missing from block");
  hashes.push(tx.hash);
}
if ((await provider.getBalance(to)) !== toBefore + 3000n) fail("recipient balance");
if ((await provider.getBalance(wallet.address)) !== senderBefore - 3000n - fees) fail("sender balance");
if ((await provider.getTransactionCount(wallet.address)) !== nonce + 2) fail("nonce");
provider.destroy();
console.log("ok ethers", hashes.join(" "));
