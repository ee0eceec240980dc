//! Bulletproofs, Pedersen commitments and ristretto255 arithmetic exported over JNI.
