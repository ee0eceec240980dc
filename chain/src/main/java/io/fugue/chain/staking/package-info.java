/**
 * Staking on the beacon chain (issue 11): parameters, validator and delegation records, the EPoS
 * election of every shard's committee for an epoch, the epoch transition, and block reward
 * arithmetic. Rules and worked examples: docs/staking.md.
 */
package io.fugue.chain.staking;
