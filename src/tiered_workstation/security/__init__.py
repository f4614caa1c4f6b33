"""Security primitives: password hashing now; PKI, TLS and signatures later."""
